/**
 * The pages' service worker, built by vite-plugin-pwa (injectManifest, vite.config.ts) with Workbox: every file of
 * the build — lazily loaded chunks included — is kept in the browser when the worker installs, so that a page opened
 * once (the village report form above all) opens again with no signal, even after a reload or a restart.
 *
 * - Versioned: the cache's name carries the build's version (a hash of its file list), and a new worker deletes the
 *   other versions' caches when it takes over. It waits until the page says so (the prompt "Có phiên bản mới — Tải
 *   lại", src/update-prompt.ts): a page never runs half one build, half the next.
 * - Pages come from the network first (a fresh build is seen at once) and from the kept copy when the network fails
 *   or hangs; the kept copy is fetched through the page route, so it keeps the page's Content-Security-Policy.
 * - GraphQL, exports (signed downloads), health and metrics go to the network untouched, and no POST is ever
 *   handled: the form's reports wait in its own outbox (src/outbox.ts), never in here.
 */
import { clientsClaim, setCacheNameDetails } from 'workbox-core';
import { matchPrecache, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<PrecacheEntry | string> };

/** The build's files with their revisions, written in by vite-plugin-pwa. */
const files = self.__WB_MANIFEST;

/** A short hash (FNV-1a) of the file list: the same build gives the same version, any change another. */
function versionOf(list: ReadonlyArray<PrecacheEntry | string>): string {
  let hash = 0x811c9dc5;
  for (const ch of JSON.stringify(list)) {
    hash ^= ch.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

const PREFIX = 'bdhvs';
const VERSION = versionOf(files);
// Workbox names its cache `bdhvs-pages-<scope>-<version>`.
setCacheNameDetails({ prefix: PREFIX, precache: 'pages', runtime: 'runtime', suffix: VERSION });

/** The page (index.html), kept under `/`: fetched through the gateway's page route, with its headers. */
const PAGE = '/';
/** With signal this weak the kept page is shown rather than a blank screen. */
const NAVIGATION_WAIT_MS = 4000;
const NOT_PAGES = /^\/(graphql|export|health|ready|metrics)(\/|$)/;

async function page(request: Request): Promise<Response> {
  const network = fetch(request);
  const kept = await matchPrecache(PAGE);
  if (!kept) return network;
  const slow = new Promise<null>((resolve) => setTimeout(() => resolve(null), NAVIGATION_WAIT_MS));
  try {
    return (await Promise.race([network, slow])) ?? kept;
  } catch {
    return kept;
  }
}

// Before the precache's own route, which would answer `/` from the copy first.
registerRoute(new NavigationRoute(({ request }) => page(request), { denylist: [NOT_PAGES] }));
precacheAndRoute(files);

self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  // Every other version's caches (and the hand-written worker's `bdhvs-pages-v1`) go.
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys())
        if (name.startsWith(`${PREFIX}-`) && !name.endsWith(`-${VERSION}`)) await caches.delete(name);
    })(),
  );
});

// The first worker takes over the page that installed it (nothing to wait for); later ones wait for the prompt.
clientsClaim();
