/**
 * The main thread's handle on the local simulation engine: a Pyodide web worker running the
 * Python `nest` facade on the TypeScript kernel.
 *
 * Loading starts as soon as the engine is constructed (it takes seconds), so it is usually done
 * by the time the learner presses Run. Stop first asks Python to stop (a byte in shared memory,
 * since the busy worker cannot read messages); if the run has not ended shortly after, the
 * worker is replaced by a fresh one.
 */
import * as Comlink from 'comlink';
import type { RunResult, SimWorkerApi } from '../../workers/api';
import { t } from '../i18n';

/** How long Stop waits for Python to stop before it replaces the worker. */
const STOP_GRACE_MS = 500;
/** Pyodide's Ctrl-C signal number, written into the interrupt buffer. */
const SIGINT = 2;

export type EngineInfo = { ms: number; nestVersion: string };

/** A run ended by Stop that had to replace the worker (the program did not answer the interrupt). */
export class StoppedByRestart extends Error {
  constructor() {
    super(t('remote.stoppedByRestart'));
    this.name = 'StoppedByRestart';
  }
}

interface PendingRun {
  settled: Promise<void>;
  abort: (reason: Error) => void;
}

export class LocalEngine {
  private worker!: Worker;
  private api!: Comlink.Remote<SimWorkerApi>;
  private loading!: Promise<EngineInfo>;
  /** Byte 0 is Pyodide's interrupt flag; null when SharedArrayBuffer is unavailable. */
  private readonly interrupt: Uint8Array | null;
  private pending: PendingRun | null = null;
  /** Runs go one after another: the worker runs one program at a time. */
  private queue: Promise<unknown> = Promise.resolve();
  private disposed = false;

  constructor() {
    const isolated = typeof SharedArrayBuffer !== 'undefined' && globalThis.crossOriginIsolated !== false;
    this.interrupt = isolated ? new Uint8Array(new SharedArrayBuffer(1)) : null;
    this.startWorker();
  }

  /** Resolves when Pyodide and the facade are loaded (again, after a worker restart). */
  get ready(): Promise<EngineInfo> {
    return this.loading;
  }

  run(code: string): Promise<RunResult> {
    const next = this.queue.then(() => this.runNow(code));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Stop the current run, if any. Resolves once the engine can take the next run. */
  async stop(): Promise<void> {
    const pending = this.pending;
    if (!pending) return;
    if (this.interrupt) Atomics.store(this.interrupt, 0, SIGINT);
    const stoppedInTime = await Promise.race([
      pending.settled.then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), STOP_GRACE_MS)),
    ]);
    if (stoppedInTime) {
      // The run ended (stopped or finished on its own): a flag it never read must not stop the next run.
      if (this.interrupt) Atomics.store(this.interrupt, 0, 0);
      return;
    }
    // Python did not come back (e.g. stuck in a JS call): replace the worker. A call pending on a
    // terminated worker would never settle, so it is rejected here.
    this.worker.terminate();
    pending.abort(new StoppedByRestart());
    if (this.interrupt) Atomics.store(this.interrupt, 0, 0);
    if (!this.disposed) this.startWorker();
  }

  dispose(): void {
    this.disposed = true;
    this.worker.terminate();
    this.pending?.abort(new Error(t('remote.engineDisposed')));
  }

  private startWorker(): void {
    this.worker = new Worker(new URL('../../workers/sim.worker.ts', import.meta.url), {
      type: 'module',
      name: 'spikeblocks-sim',
    });
    this.api = Comlink.wrap<SimWorkerApi>(this.worker);
    // A worker that dies (out of memory, a crash in WebAssembly) answers no pending call: give
    // the run its error and start over, so the next Run works.
    const worker = this.worker;
    let loaded = false;
    worker.addEventListener('error', (e) => {
      // Before it has loaded, an error is a broken installation: report it through `ready`
      // rather than restarting in a loop.
      if (worker !== this.worker || this.disposed || !loaded) return;
      e.preventDefault();
      worker.terminate();
      this.pending?.abort(new Error(e.message ? t('remote.workerDiedWhy', { why: e.message }) : t('remote.workerDied')));
      this.startWorker();
    });
    const buffer = this.interrupt ? (this.interrupt.buffer as SharedArrayBuffer) : null;
    const started = performance.now();
    const errored = new Promise<never>((_, reject) =>
      worker.addEventListener('error', (e) => reject(new Error(e.message ? t('remote.workerNoStartWhy', { why: e.message }) : t('remote.workerNoStart'))), { once: true }),
    );
    errored.catch(() => undefined); // an error after loading is handled above
    this.loading = Promise.race([this.api.init(buffer), errored]).then((info) => {
      loaded = true;
      // Measured from here: includes starting the worker, not only Pyodide's own load.
      return { ms: performance.now() - started, nestVersion: info.nestVersion };
    });
    // A failed load is reported through `ready` and run(); don't let it go unhandled meanwhile.
    this.loading.catch(() => undefined);
  }

  private async runNow(code: string): Promise<RunResult> {
    if (this.disposed) throw new Error(t('remote.engineDisposed'));
    await this.loading;
    const started = performance.now();
    let abort!: (reason: Error) => void;
    const aborted = new Promise<never>((_, reject) => (abort = reject));
    const call = this.api.run(code);
    const settled = Promise.race([call, aborted]);
    this.pending = { settled: settled.then(() => undefined, () => undefined), abort };
    try {
      const result = await settled;
      return { ...result, timings: { ...result.timings, totalMs: performance.now() - started } };
    } finally {
      this.pending = null;
    }
  }
}
