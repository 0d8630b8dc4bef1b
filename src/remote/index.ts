/**
 * The one place that turns the learner's backend settings into a Backend. Local runs are not made
 * here: they use the app's LocalEngine (the Pyodide worker), which lives with the app.
 */
import type { Backend, BackendSettings } from './backend';
import { JupyterClient } from './jupyter';
import { NestServerClient } from './nest-server';
import { NorseServerClient } from './norse-server';
import { useLanguage } from '../i18n';

export type { Backend, BackendInfo, BackendKind, BackendSettings, ServerProblem } from './backend';
export { ServerError, stoppedError } from './backend';

export interface BackendExtras {
  /** ms before a run (or request) is given up; each client's default when not given */
  timeoutMs?: number;
  /** The page's language, when the backend is made in a worker (worker-backend.ts): its
   * messages are then made in it. */
  language?: 'en' | 'de' | 'pseudo';
}

export function createBackend(settings: BackendSettings, extras: BackendExtras = {}): Backend {
  // in a worker, this is how the page's language arrives
  if (extras.language) useLanguage(extras.language);
  const options = { url: settings.url, token: settings.token || undefined, timeoutMs: extras.timeoutMs };
  switch (settings.kind) {
    case 'nest-server':
      return new NestServerClient(options);
    case 'norse-server':
      return new NorseServerClient(options);
    case 'jupyter':
      return new JupyterClient(options);
    case 'local':
      throw new Error('local runs use the app\'s LocalEngine (the in-page worker), not createBackend'); // a programming mistake, not for learners
  }
}
