import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notFoundAsJson } from '../../server/src/shared/not-found.js';
import { webAppRouter } from '../../server/src/transport/web-app.js';

// A built app of our own (the real build is the e2e run's): the router's rules do not depend on it.
let url: string;
let server: http.Server;
const script = `console.log(${JSON.stringify('Nghe Dân '.repeat(2000))});`;

beforeAll(async () => {
  const dist = mkdtempSync(path.join(os.tmpdir(), 'web-dist-'));
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Nghe Dân</title><div id="app"></div>');
  writeFileSync(path.join(dist, 'assets', 'BoardPage-4zaqSjNN.js'), script);
  writeFileSync(path.join(dist, 'favicon.ico'), Buffer.from([0, 0, 1, 0]));
  writeFileSync(path.join(dist, 'robots.txt'), 'User-agent: *\nDisallow: /graphql\n');
  writeFileSync(path.join(dist, 'manifest.webmanifest'), '{"name":"Nghe Dân"}');
  writeFileSync(path.join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  const app = express();
  app.use(webAppRouter(dist, /^\/(graphql|healthz|readyz)(\/|$)/));
  app.use(notFoundAsJson);
  server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const page = { accept: 'text/html,application/xhtml+xml' };

describe('the web app’s static files', () => {
  it.each([
    ['/', 'text/html'],
    ['/threads/5b2c', 'text/html'],
    ['/inbox', 'text/html'],
  ])('%s is a page of the app: index.html, revalidated on every visit', async (route, type) => {
    const response = await fetch(`${url}${route}`, { headers: page });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain(type);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toContain('<div id="app">');
  });

  it.each([
    ['/favicon.ico', 'image/vnd.microsoft.icon', 'public, max-age=86400'],
    ['/robots.txt', 'text/plain', 'public, max-age=86400'],
    ['/manifest.webmanifest', 'application/manifest+json', 'no-cache'],
    ['/sw.js', 'javascript', 'no-cache'],
    ['/assets/BoardPage-4zaqSjNN.js', 'javascript', 'public, max-age=31536000, immutable'],
  ])('%s is served as itself (%s, %s)', async (file, type, cache) => {
    const response = await fetch(`${url}${file}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain(type);
    expect(response.headers.get('cache-control')).toBe(cache);
  });

  it.each(['/assets/BoardPage-old.js', '/favicon.png', '/wp-login.php', '/apple-touch-icon.png'])(
    'a missing file %s is a real 404, not the app’s HTML',
    async (file) => {
      const response = await fetch(`${url}${file}`, { headers: page });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/json');
    },
  );

  it('an API path that no route answered is a 404 even when asked for as a page', async () => {
    expect((await fetch(`${url}/graphql/x`, { headers: page })).status).toBe(404);
    expect((await fetch(`${url}/some/path`, { headers: { accept: 'application/json' } })).status).toBe(404);
  });

  it.each([
    ['br', 'br'],
    ['gzip', 'gzip'],
    ['gzip, deflate, br', 'br'],
  ])('compresses for Accept-Encoding %s with %s', async (accepted, expected) => {
    const response = await fetch(`${url}/assets/BoardPage-4zaqSjNN.js`, { headers: { 'accept-encoding': accepted } });
    expect(response.headers.get('content-encoding')).toBe(expected);
    expect(response.headers.get('vary')).toContain('Accept-Encoding');
    expect(await response.text()).toBe(script);
  });

  it('sends the file as it is to a client that accepts no compression', async () => {
    const response = await fetch(`${url}/assets/BoardPage-4zaqSjNN.js`, { headers: { 'accept-encoding': 'identity' } });
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(script));
  });
});
