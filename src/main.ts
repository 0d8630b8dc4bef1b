import './app/sb-app';
import { readKioskSettings } from './kiosk/settings';
import { registerServiceWorker, unregisterServiceWorkers } from './sw/register';

/** Whether this page is a kiosk (?kiosk=1, remembered by the device). */
function isKiosk(): boolean {
  try {
    return readKioskSettings(location.href, localStorage) !== null;
  } catch {
    return false;
  }
}

// Offline after the first load: for kiosks, in built apps (a dev server's files change all the
// time). Elsewhere no service worker: with one controlling the page, a Jupyter kernel's shutdown
// sent as the learner leaves was lost (test/e2e/remote.test.ts), and a kiosk never uses a server.
if (import.meta.env.PROD && isKiosk()) registerServiceWorker();
else unregisterServiceWorkers();
