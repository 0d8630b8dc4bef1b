/**
 * A server backend whose client runs in a web worker (workers/remote.worker.ts): the page only
 * receives the finished RunResult, with recorder events as transferred Float64Arrays, so a large
 * reply is parsed without blocking the page. Used by the app for NEST Server and Norse Server.
 */
import * as Comlink from 'comlink';
import type { RemoteWorkerAnswer, RemoteWorkerApi, RunResult } from '../../workers/api';
import { ServerError, stoppedError, type Backend, type BackendInfo, type BackendKind, type BackendSettings } from './backend';
import { choice } from './settings';
import { isPseudoLanguage, language as pageLanguage, t } from '../i18n';

export class WorkerBackend implements Backend {
  readonly kind: BackendKind;
  readonly label: string;
  private readonly worker: Worker;
  private readonly api: Comlink.Remote<RemoteWorkerApi>;
  private readonly configured: Promise<void>;
  /** Settles when dispose() ends the worker: a call still waiting on it would never settle. */
  private readonly ended: Promise<void>;
  private end!: () => void;

  constructor(settings: BackendSettings, extras: { timeoutMs?: number } = {}) {
    this.kind = settings.kind;
    this.label = t('remote.serverAt', { name: choice(settings.kind).label, url: settings.url });
    this.worker = new Worker(new URL('../../workers/remote.worker.ts', import.meta.url), { type: 'module', name: 'spikeblocks-remote' });
    this.api = Comlink.wrap<RemoteWorkerApi>(this.worker);
    // the worker has no page address or stored choice to find the learner's language from: the
    // page tells it, so the servers' messages made there are in the learner's language too
    const language = isPseudoLanguage() ? 'pseudo' : pageLanguage();
    this.configured = this.api.configure(settings, { ...extras, language } as typeof extras);
    this.ended = new Promise((resolve) => (this.end = resolve));
  }

  async health(): Promise<BackendInfo> {
    const gone: RemoteWorkerAnswer<BackendInfo> = { ok: false, problem: null, message: t('remote.workerClosed', { label: this.label }) };
    return unwrap(await this.untilEnded<BackendInfo>(this.configured.then(() => this.api.health() as Promise<RemoteWorkerAnswer<BackendInfo>>), gone));
  }

  /** A run still going when the backend is let go (another backend chosen) ends as stopped. */
  async run(code: string): Promise<RunResult> {
    const gone: RemoteWorkerAnswer<RunResult> = { ok: true, value: { ok: false, error: stoppedError(this.label), stdout: '', timings: { totalMs: 0, pythonMs: 0 } } };
    return unwrap(await this.untilEnded<RunResult>(this.configured.then(() => this.api.run(code) as Promise<RemoteWorkerAnswer<RunResult>>), gone));
  }

  private untilEnded<T>(call: Promise<RemoteWorkerAnswer<T>>, gone: RemoteWorkerAnswer<T>): Promise<RemoteWorkerAnswer<T>> {
    return Promise.race([call, this.ended.then(() => gone)]);
  }

  async stop(): Promise<void> {
    await this.api.stop();
  }

  async dispose(): Promise<void> {
    try {
      await Promise.race([this.api.dispose(), new Promise((r) => setTimeout(r, 1000))]);
    } finally {
      this.worker.terminate();
      this.end();
    }
  }
}

function unwrap<T>(answer: RemoteWorkerAnswer<T>): T {
  if (answer.ok) return answer.value;
  if (answer.problem) throw new ServerError(answer.problem, answer.message);
  throw new Error(answer.message);
}
