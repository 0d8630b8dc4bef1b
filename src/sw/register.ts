/**
 * Registers the offline service worker (src/sw/service-worker.ts, built to /sw.js) in production
 * builds. The page says on document.body.dataset.offlineReady when the whole app is cached.
 */

let registration: ServiceWorkerRegistration | null = null;

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || !isSecureContext) return;
  const url = `${import.meta.env.BASE_URL}sw.js`;
  // After the page's own load: the precache download (about 20 MB) must not hold up the first start.
  const start = (): void => {
    navigator.serviceWorker.register(url, { scope: import.meta.env.BASE_URL }).then(
      (r) => (registration = r),
      (e: Error) => console.warn(`Spikeblocks will not work offline: the service worker did not register (${e.message}).`),
    );
  };
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
  void navigator.serviceWorker.ready.then(() => (document.body.dataset.offlineReady = '1'));
}

/** A dev server never serves a service worker; one left from a preview on the same address would
 * answer with an old build's files. */
export function unregisterServiceWorkers(): void {
  if (!('serviceWorker' in navigator)) return;
  void navigator.serviceWorker.getRegistrations().then((all) => all.forEach((r) => void r.unregister()));
}

/**
 * When a newer build is installed and waiting, switch to it and reload the page; returns whether
 * it does. A kiosk calls this when it resets itself (nobody is there to lose anything), since a
 * kiosk's tab is never closed and the new version would otherwise wait forever.
 */
export function takeWaitingUpdate(): boolean {
  const waiting = registration?.waiting;
  if (!waiting || !navigator.serviceWorker.controller) return false;
  navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
  waiting.postMessage('skip-waiting');
  return true;
}
