import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';
import { projectRoot } from '../config.js';

/**
 * The built web app (`npm run web:build`, in web/dist): its files, and index.html for every other
 * path that is not the API's, so the app's own routes load on a reload. Without a build, `/` says
 * how to make one.
 */
export function webAppRoutes(): Router {
  const router = Router();
  const webDist = path.join(projectRoot, 'web/dist');
  if (existsSync(path.join(webDist, 'index.html'))) {
    router.use(express.static(webDist, { index: 'index.html', maxAge: '1h' }));
    router.get(/^\/(?!graphql|healthz|readyz|metrics|attachments\/|uploads).*/, (_req, res) => {
      res.sendFile(path.join(webDist, 'index.html'));
    });
  } else {
    router.get('/', (_req, res) => {
      res.type('text').send('Nghe Dân API is running at /graphql. Build the web app with `npm run web:build`.');
    });
  }
  return router;
}
