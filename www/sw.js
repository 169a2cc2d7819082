// TrialCheck's service worker: the app works offline after one visit.
// The build writes the file list and the version (scripts/post-build.mjs).
// Pages are fetched from the network first (so a new deployment shows on the
// next load) and from the cache when offline; every other file is named by
// its content, so any cached copy is the right one: a page never mixes files
// of two deployments. Nothing but GET requests of this origin is touched.

const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = `trialcheck-${VERSION}`;
const PAGE = new URL('./', self.location).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(FILES.map((f) => new URL(f, self.location).href)))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  // Keep this version and the one before it, for pages still open on it.
  event.waitUntil(
    caches.keys()
      .then((keys) => keys.filter((k) => k.startsWith('trialcheck-') && k !== CACHE))
      .then((old) => Promise.all(old.slice(0, -1).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

async function page(request) {
  try {
    const fresh = await fetch(request);
    if (fresh.ok) return fresh;
    throw new Error(String(fresh.status));
  } catch {
    const cache = await caches.open(CACHE);
    return (await cache.match(request, { ignoreSearch: true })) ?? (await cache.match(PAGE)) ?? Response.error();
  }
}

async function file(request) {
  return (await caches.match(request, { ignoreSearch: true })) ?? fetch(request);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(request.mode === 'navigate' ? page(request) : file(request));
});
