/**
 * A server backend whose client runs in a web worker (workers/remote.worker.ts): the page only
 * receives the finished RunResult, with recorder events as transferred Float64Arrays, so a large
 * reply is parsed without blocking the page. Used by the app for NEST Server and Norse Server.
 */
import * as Comlink from 'comlink';
import type { RemoteWorkerAnswer, RemoteWorkerApi, RunResult } from '../../workers/api';
import { ServerError, type Backend, type BackendInfo, type BackendKind, type BackendSettings } from './backend';
import { choice } from './settings';

export class WorkerBackend implements Backend {
  readonly kind: BackendKind;
  readonly label: string;
  private readonly worker: Worker;
  private readonly api: Comlink.Remote<RemoteWorkerApi>;
  private readonly configured: Promise<void>;

  constructor(settings: BackendSettings, extras: { timeoutMs?: number } = {}) {
    this.kind = settings.kind;
    this.label = `${choice(settings.kind).label} at ${settings.url}`;
    this.worker = new Worker(new URL('../../workers/remote.worker.ts', import.meta.url), { type: 'module', name: 'spikeblocks-remote' });
    this.api = Comlink.wrap<RemoteWorkerApi>(this.worker);
    this.configured = this.api.configure(settings, extras);
  }

  async health(): Promise<BackendInfo> {
    await this.configured;
    return unwrap(await this.api.health());
  }

  async run(code: string): Promise<RunResult> {
    await this.configured;
    return unwrap(await this.api.run(code));
  }

  async stop(): Promise<void> {
    await this.api.stop();
  }

  async dispose(): Promise<void> {
    try {
      await Promise.race([this.api.dispose(), new Promise((r) => setTimeout(r, 1000))]);
    } finally {
      this.worker.terminate();
    }
  }
}

function unwrap<T>(answer: RemoteWorkerAnswer<T>): T {
  if (answer.ok) return answer.value;
  if (answer.problem) throw new ServerError(answer.problem, answer.message);
  throw new Error(answer.message);
}
