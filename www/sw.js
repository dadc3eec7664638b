// @ts-check
// The service worker: after the first visit the page works offline.
// scripts/build-site.sh fills in VERSION (a hash of every file), FILES (every file of
// site/, relative to this script, but LAZY's) and LAZY (the PDF reader's module, cached
// when a PDF is first opened, so neither the first visit nor the install downloads it), so
// a new build installs a new cache and drops the old.
// Cache-first for the site's own files; anything else goes to the network untouched.
const sw = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));
const VERSION = '__VERSION__';
/** @type {string[]} */
const FILES = [/* __FILES__ */];
/** @type {string[]} files cached when first fetched, not at install: the PDF reader's module */
const LAZY = [/* __LAZY__ */];
const PREFIX = 'colloquy-';
const CACHE = PREFIX + VERSION;
const URLS = new Set(FILES.map((f) => new URL(f, sw.location.href).href));
const LAZY_URLS = new Set(LAZY.map((f) => new URL(f, sw.location.href).href));
const INDEX = new URL('./', sw.location.href).href;

sw.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // `cache: 'reload'` bypasses the HTTP cache, so the precache matches this version.
    await cache.addAll([...URLS].map((url) => new Request(url, { cache: 'reload' })));
    await sw.skipWaiting();
  })());
});

sw.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
    }
    await sw.clients.claim();
  })());
});

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  url.search = '';
  url.hash = '';
  let key = url.href;
  if (key === INDEX + 'index.html') key = INDEX;
  if (!URLS.has(key) && !LAZY_URLS.has(key)) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(key);
    if (hit) return hit;
    const response = await fetch(request);
    if (response.ok) await cache.put(key, response.clone());
    return response;
  })());
});
