import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/**
 * Emits /sw.js from web/sw/sw.js with the build's own file list to precache. A plain worker of
 * ~100 lines: the app needs four strategies and Workbox's generator (vite-plugin-pwa) would add
 * Babel, Rollup and Terser to the build for them.
 */
export function serviceWorker(): Plugin {
  return {
    name: 'nghedan-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        .filter((file) => file.startsWith('assets/') && !file.endsWith('.map'))
        .map((file) => `/${file}`)
        .sort();
      const precache = [...files, '/manifest.webmanifest', '/favicon.ico', '/icons/icon-192.png'];
      const version = createHash('sha256').update(precache.join('\n')).digest('hex').slice(0, 12);
      const source = readFileSync(new URL('./sw.js', import.meta.url), 'utf8')
        .replace('__VERSION__', version)
        .replace('__PRECACHE__', JSON.stringify(precache));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}
