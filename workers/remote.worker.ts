/**
 * Talks to a NEST Server or Norse Server off the main thread. A full-size run's reply is large
 * (a 12,500-neuron Brunel network's spikes are ~11 MB of JSON); parsing it here and handing the
 * events over as transferred Float64Arrays keeps the page responsive while it arrives.
 *
 * A ServerError does not survive comlink's error serialisation (its `problem` would be lost), so
 * calls answer { ok, value } or { ok: false, problem, message } and the main side throws again.
 */
import * as Comlink from 'comlink';
import type { BackendExtras } from '../src/remote/index';
import { createBackend } from '../src/remote/index';
import { ServerError, type Backend, type BackendSettings } from '../src/remote/backend';
import { typedEvents } from '../src/remote/typed-events';
import { forTransfer } from './runtime';
import type { RemoteWorkerApi, RemoteWorkerAnswer } from './api';

let backend: Backend | null = null;

async function answer<T>(work: () => Promise<T>): Promise<RemoteWorkerAnswer<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (e) {
    if (e instanceof ServerError) return { ok: false, problem: e.problem, message: e.message };
    return { ok: false, problem: null, message: (e as Error).message ?? String(e) };
  }
}

function current(): Backend {
  if (!backend) throw new Error('the remote worker has no backend yet');
  return backend;
}

const api: RemoteWorkerApi = {
  async configure(settings: BackendSettings, extras: BackendExtras) {
    void backend?.dispose();
    backend = createBackend(settings, extras);
  },
  health: () => answer(() => current().health()),
  async run(code: string) {
    const reply = await answer(() => current().run(code));
    if (!reply.ok || !reply.value.ok) return reply;
    const { value, transfer } = forTransfer({ ...reply.value, response: typedEvents(reply.value.response) });
    return Comlink.transfer({ ok: true as const, value }, transfer);
  },
  stop: () => current().stop(),
  dispose: async () => {
    await backend?.dispose();
    backend = null;
  },
};

Comlink.expose(api);
