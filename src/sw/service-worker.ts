/**
 * The offline service worker (built to /sw.js by the serviceWorkerPlugin in vite.config.ts). It keeps a copy of
 * the whole built app — page, JavaScript, Blockly's media and Pyodide's files — so that once a
 * browser has loaded Spikeblocks it starts and runs programs with no network at all, as a museum
 * kiosk or a class laptop on a bad connection must.
 *
 * Cache-first: every file of the build has a content hash in its name or comes with the build's
 * version, so a cached copy is never stale for its version. A new build has a new version (the
 * hash of all its files), installs into a cache of its own, and the old cache is deleted when it
 * takes over.
 */
/// <reference lib="webworker" />

interface Precache {
  /** hash of every precached file's name and content: a new build, a new version */
  version: string;
  /** the build's files, relative to the worker's scope (e.g. "assets/index-ab12.js") */
  files: string[];
}

// Replaced by the build with the list of the build's files (serviceWorkerPlugin in vite.config.ts).
declare const __SPIKEBLOCKS_PRECACHE__: Precache;
const PRECACHE: Precache = __SPIKEBLOCKS_PRECACHE__;

const CACHE_PREFIX = 'spikeblocks-app-';
const CACHE_NAME = CACHE_PREFIX + PRECACHE.version;

const sw = self as unknown as ServiceWorkerGlobalScope;
const scope = new URL(sw.registration.scope);
const INDEX_URL = new URL('index.html', scope).href;
const PRECACHED = new Set(PRECACHE.files.map((f) => new URL(f, scope).href));
/** The app's own page, with or without a file name (query strings such as ?kiosk=1 aside). */
const APP_PAGES = new Set([scope.href, INDEX_URL]);

/** The Service Worker Static Routing API (Chromium 123+): not in TypeScript's DOM types yet. */
interface RouterRule {
  condition: { urlPattern?: string; requestMethod?: string };
  source: 'network' | 'fetch-event';
}

sw.addEventListener('install', (event) => {
  // Only the app's own GET requests ever come to this worker; everything else goes straight to the
  // network without a fetch event at all. A server's requests (a Jupyter kernel's shutdown with
  // keepalive when the learner leaves, NEST Server's /exec) then do not depend on this worker being
  // awake while the page goes away — with the worker in their way that shutdown was lost.
  const routes = event as ExtendableEvent & { addRoutes?: (rules: RouterRule[]) => Promise<void> };
  if (routes.addRoutes) {
    event.waitUntil(
      routes.addRoutes([
        { condition: { urlPattern: `${scope.origin}/*`, requestMethod: 'GET' }, source: 'fetch-event' },
        { condition: { urlPattern: '*://*/*' }, source: 'network' },
      ]).catch(() => undefined), // an older browser: the fetch handler below passes them on itself
    );
  }
  event.waitUntil(precache());
});

async function precache(): Promise<void> {
  const cache = await caches.open(CACHE_NAME);
  // cache: 'reload' asks the server, not the HTTP cache (it might hold a file of another build).
  // addAll is all or nothing: a failed file fails the install, and the next visit tries again.
  await cache.addAll([...PRECACHED].map((url) => new Request(url, { cache: 'reload' })));
}

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((n) => n.startsWith(CACHE_PREFIX) && n !== CACHE_NAME).map((n) => caches.delete(n)));
      // The page that installed us uses the cache from now on, not only after its next load.
      await sw.clients.claim();
    })(),
  );
});

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  // Servers (NEST Server, Jupyter, Norse Server) are never answered from here: only our own files.
  if (url.origin !== scope.origin) return;
  const plain = url.origin + url.pathname;
  const key = request.mode === 'navigate' && APP_PAGES.has(plain) ? INDEX_URL : plain;
  if (!PRECACHED.has(key)) return;
  event.respondWith(cacheFirst(key, request));
});

async function cacheFirst(key: string, request: Request): Promise<Response> {
  const cache = await caches.open(CACHE_NAME);
  const hit = await cache.match(key);
  if (hit) return hit;
  // The browser dropped the cache (storage pressure): fetch it again and keep it.
  const response = await fetch(key === INDEX_URL ? INDEX_URL : request);
  if (response.ok) await cache.put(key, response.clone());
  return response;
}

// A kiosk takes a new version when it resets itself, not in front of a visitor (src/sw/register.ts).
sw.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') void sw.skipWaiting();
});

export {};
