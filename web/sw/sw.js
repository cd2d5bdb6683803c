/* Nghe Dân service worker. Built by web/vite.config.ts (the `serviceWorker` plugin, web/sw/plugin.ts),
 * which fills in the build's file list and a hash of it below.
 *
 * - The app shell (index.html and every hashed asset of the build) is cached at install, so the
 *   board opens offline after one online visit; hashed assets are served from the cache first.
 * - Page navigations go to the network first and fall back to the cached index.html.
 * - The board's public queries (Threads, Catalog, sent without a token) are kept as last seen and
 *   answered from the cache when the network is gone, marked with `x-nghedan-offline: 1`.
 * - Web Push: shows the topic line and opens the thread's link on click.
 */
const VERSION = '__VERSION__';
const SHELL = `shell-${VERSION}`;
const DATA = 'data-v1';
const PRECACHE = __PRECACHE__;
const OFFLINE_OPERATIONS = new Set(['Threads', 'Catalog']);

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll(['/index.html', ...PRECACHE]))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((key) => key.startsWith('shell-') && key !== SHELL).map((key) => caches.delete(key))),
      )
      .then(() => self.clients.claim()),
  );
});

async function networkFirstPage(request) {
  try {
    return await fetch(request);
  } catch {
    const cached = await caches.match('/index.html', { cacheName: SHELL });
    return cached ?? Response.error();
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) (await caches.open(SHELL)).put(request, response.clone());
  return response;
}

async function graphqlWithOfflineCopy(request) {
  let body;
  try {
    body = await request.clone().json();
  } catch {
    return fetch(request);
  }
  if (!OFFLINE_OPERATIONS.has(body?.operationName) || request.headers.has('authorization')) return fetch(request);
  const key = new Request(
    `/__offline__/${body.operationName}?v=${encodeURIComponent(JSON.stringify(body.variables ?? {}))}`,
  );
  try {
    const response = await fetch(request);
    if (response.ok) (await caches.open(DATA)).put(key, response.clone());
    return response;
  } catch (error) {
    const cached = await caches.match(key, { cacheName: DATA });
    if (!cached) throw error;
    const headers = new Headers(cached.headers);
    headers.set('x-nghedan-offline', '1');
    return new Response(cached.body, { status: 200, headers });
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === 'POST' && url.pathname === '/graphql') {
    event.respondWith(graphqlWithOfflineCopy(request));
  } else if (request.method !== 'GET') {
    return;
  } else if (request.mode === 'navigate') {
    event.respondWith(networkFirstPage(request));
  } else if (url.pathname.startsWith('/assets/') || url.pathname.startsWith('/icons/')) {
    event.respondWith(cacheFirst(request));
  }
});

self.addEventListener('push', (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = {};
  }
  event.waitUntil(
    self.registration.showNotification('Nghe Dân', {
      body: data.body ?? '',
      tag: data.url ?? 'nghedan',
      icon: '/icons/icon-192.png',
      data: { url: data.url ?? '/' },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const target = event.notification.data?.url ?? '/';
  event.waitUntil(self.clients.openWindow(target));
});
