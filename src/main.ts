import './app/sb-app';
import { registerServiceWorker, unregisterServiceWorkers } from './sw/register';

// Offline after the first load, in built apps only (a dev server's files change all the time).
if (import.meta.env.PROD) registerServiceWorker();
else unregisterServiceWorkers();
