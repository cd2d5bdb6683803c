import { existsSync } from 'node:fs';
import path from 'node:path';
import compression from 'compression';
import express, { Router } from 'express';
import { projectRoot } from '../config.js';

/** Files whose names carry a content hash (Vite's /assets/): they never change, so browsers keep them a year. */
const HASHED = /^\/assets\//;
/** Read before anything else on every visit: revalidated each time so a deployment shows at once. */
const ALWAYS_REVALIDATE = new Set(['/index.html', '/sw.js', '/manifest.webmanifest']);

/**
 * Serves the built web app: gzip or brotli as the browser accepts (the compression middleware),
 * hashed assets immutable for a year, index.html, the service worker and the manifest revalidated
 * on every visit, and the app's index.html only for page navigations. A missing file (an old
 * asset, /favicon.png, /wp-login.php) falls through to a real 404.
 */
export function webAppRouter(webDist: string, reserved: RegExp): Router {
  const router = Router();
  const indexHtml = path.join(webDist, 'index.html');
  router.use(compression());
  router.use(
    express.static(webDist, {
      index: false,
      setHeaders: (res, file) => {
        const urlPath = `/${path.relative(webDist, file).split(path.sep).join('/')}`;
        if (HASHED.test(urlPath)) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
        else if (ALWAYS_REVALIDATE.has(urlPath)) res.setHeader('cache-control', 'no-cache');
        else res.setHeader('cache-control', 'public, max-age=86400');
        if (urlPath === '/manifest.webmanifest') res.type('application/manifest+json');
      },
    }),
  );
  router.get(/.*/, (req, res, next) => {
    const last = req.path.split('/').pop() ?? '';
    // A route of the app (/threads/…, /inbox) has no file extension and is asked for as a page.
    if (reserved.test(req.path) || last.includes('.') || !req.accepts('html')) return next();
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(indexHtml);
  });
  return router;
}

export function hasWebApp(webDist: string): boolean {
  return existsSync(path.join(webDist, 'index.html'));
}

/**
 * The built web app (`npm run web:build`, in web/dist) on every path that is not the API's, so the
 * app's own routes load on a reload. Without a build, `/` says how to make one.
 */
export function webAppRoutes(): Router {
  const webDist = path.join(projectRoot, 'web/dist');
  if (hasWebApp(webDist)) return webAppRouter(webDist, /^\/(graphql|healthz|readyz|metrics|attachments\/|uploads)/);
  const router = Router();
  router.get('/', (_req, res) => {
    res.type('text').send('Nghe Dân API is running at /graphql. Build the web app with `npm run web:build`.');
  });
  return router;
}
