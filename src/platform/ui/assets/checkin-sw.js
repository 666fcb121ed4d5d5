// The check-in page's service worker (served by modules/events/checkin/checkin.routes.tsx beside the page, so
// that its scope covers it): the page and its assets open again without network, for a tablet that reloads
// at the door. Only GET requests of this origin; never the JSON data (the page keeps it itself) nor a POST.
const PREFIXES = ['__APP_PREFIX__', '__DSFR_PREFIX__'];
const CACHE = `nt-emargement-${PREFIXES[0].split('/').filter(Boolean).pop()}`;
const ASSETS = [
  `${PREFIXES[0]}checkin.js`,
  `${PREFIXES[0]}checkin-verify.js`,
  `${PREFIXES[0]}checkin-camera.js`,
  `${PREFIXES[0]}checkin-search.js`,
  `${PREFIXES[0]}app.css`,
  `${PREFIXES[1]}dsfr.min.css`,
  `${PREFIXES[1]}utility/utility.min.css`,
  `${PREFIXES[1]}dsfr.module.min.js`,
];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) =>
        Promise.allSettled([
          ...ASSETS.map((url) => cache.add(url)),
          cache.add(new Request(self.registration.scope, { credentials: 'same-origin' })),
        ]),
      )
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith('nt-emargement-') && k !== CACHE).map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/static/')) {
    // Versioned addresses: what is cached never changes.
    event.respondWith(caches.match(request).then((hit) => hit ?? fetch(request)));
    return;
  }
  if (request.mode === 'navigate' && self.registration.scope.endsWith(url.pathname)) {
    // The page: fresh when the network is there, the last copy when it is not.
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put(url.pathname, copy));
          }
          return response;
        })
        .catch(() => caches.match(url.pathname).then((hit) => hit ?? Response.error())),
    );
  }
});
