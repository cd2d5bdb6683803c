import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../../server/src/config.js';
import { hasChromium, NO_CHROMIUM_MESSAGE } from './browser.js';

const BUILD_INPUTS = ['web/src', 'web/index.html', 'web/vite.config.ts', 'package-lock.json'];
const BUILT = path.join(projectRoot, 'web/dist/index.html');

function newestChange(target: string): number {
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target).reduce(
    (newest, entry) => Math.max(newest, newestChange(path.join(target, entry))),
    stat.mtimeMs,
  );
}

/** The server serves web/dist: build it once when it is missing or older than its sources. */
export default function setup() {
  if (!hasChromium) {
    console.warn(NO_CHROMIUM_MESSAGE);
    return;
  }
  const inputs = BUILD_INPUTS.map((input) => path.join(projectRoot, input)).filter((input) => existsSync(input));
  if (existsSync(BUILT) && statSync(BUILT).mtimeMs >= Math.max(...inputs.map(newestChange))) return;
  console.info('e2e: building the web app (npm run web:build)');
  const build = spawnSync('npm', ['run', '-s', 'web:build'], { cwd: projectRoot, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run web:build failed:\n${build.stdout}\n${build.stderr}`);
}
