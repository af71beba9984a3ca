/* global self, caches, fetch, URL, Response, setTimeout */
/**
 * The pages' service worker: keeps the page (index.html) and its built assets in the browser, so that a page opened
 * once — the village report form above all — opens again with no signal, even after a reload or a restart. Pages
 * come from the network first (a fresh build is seen at once) and from the copy when the network fails or hangs;
 * hashed assets never change, so the copy is used first. GraphQL, exports and everything else go to the network
 * untouched: the form's reports wait in its own outbox (src/outbox.ts), never in here.
 */
const CACHE = 'bdhvs-pages-v1';
const PAGE = '/index.html';
/** With signal this weak the kept page is shown rather than a blank screen. */
const NAVIGATION_WAIT_MS = 4000;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const page = await fetch('/', { cache: 'no-store' });
      if (page.ok) {
        const text = await page.clone().text();
        await cache.put(PAGE, page);
        const assets = new Set(text.match(/\/assets\/[^"'\s)]+/g) ?? []);
        await cache.addAll([...assets, '/manifest.webmanifest', '/icon.svg']);
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

async function page(request) {
  const cache = await caches.open(CACHE);
  const network = fetch(request).then((response) => {
    if (response.ok && (response.headers.get('content-type') ?? '').includes('text/html')) {
      void cache.put(PAGE, response.clone());
    }
    return response;
  });
  const kept = await cache.match(PAGE);
  if (!kept) return network;
  const slow = new Promise((resolve) => setTimeout(() => resolve(null), NAVIGATION_WAIT_MS));
  try {
    return (await Promise.race([network, slow])) ?? kept;
  } catch {
    return kept;
  }
}

async function asset(request) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) void cache.put(request, response.clone());
  return response;
}

const NOT_PAGES = /^\/(graphql|export|health|ready|metrics)(\/|$)/;

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || NOT_PAGES.test(url.pathname)) return;
  if (request.mode === 'navigate') event.respondWith(page(request));
  else if (url.pathname.startsWith('/assets/') || url.pathname === '/icon.svg') event.respondWith(asset(request));
  else if (url.pathname === '/manifest.webmanifest') {
    event.respondWith(fetch(request).catch(async () => (await caches.match(request)) ?? Response.error()));
  }
});
