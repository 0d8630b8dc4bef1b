/**
 * Types shared by the simulation worker and the main thread. A run hands back plain data only,
 * so the same result shape can come from the local worker or from a remote NEST Server.
 */

/** Where and why a program failed, in terms of the learner's own program text. */
export interface RunError {
  /** Python exception class name, e.g. 'BadProperty', 'NameError', 'KeyboardInterrupt'. */
  type: string;
  message: string;
  /** 1-based line of the program where it failed (the deepest frame in the program), if known. */
  line: number | null;
  /** Python traceback trimmed to the frames of the program itself. */
  traceback: string;
}

export interface RunTimings {
  /** Whole run as the caller saw it (worker round trip included where there is one). */
  totalMs: number;
  /** Time spent executing the Python program. */
  pythonMs: number;
}

/**
 * A tensor's .tolist() as the local runtime hands it over: the nested lists, with each innermost
 * list a Float32Array (all rows of one tensor are views of one buffer, transferred whole). A
 * remote backend (real PyTorch) sends the same values as plain nested number lists, so readers
 * take rows as ArrayLike<number>, which both are.
 */
export type TensorRows = Float32Array | TensorRows[];

/** One entry of a Norse program's response["recordings"] (one record block): (steps, neurons) rows. */
export interface NorseRecordingData {
  name?: string;
  spikes?: ArrayLike<ArrayLike<number>>;
  v?: ArrayLike<ArrayLike<number>>;
  i?: ArrayLike<ArrayLike<number>>;
  /** an input's or encoder's values */
  values?: ArrayLike<ArrayLike<number>>;
}

/** A Norse program's `response` (generators/norse.ts writes it): dt in seconds, steps, recordings. */
export interface NorseResponseData {
  dt?: number;
  steps?: number;
  recordings: NorseRecordingData[];
}

/** `response` is plain data (objects, arrays, numbers, strings); recorder event arrays arrive
 * as Float64Array and Norse tensors' lists as TensorRows (transferred, not copied into Python
 * lists). */
export type RunResult =
  | { ok: true; response: unknown; stdout: string; timings: RunTimings }
  | { ok: false; error: RunError; stdout: string; timings: RunTimings };

/** The worker's comlink API (workers/sim.worker.ts). */
export interface SimWorkerApi {
  /** Load Pyodide and the facade. The buffer is Pyodide's interrupt buffer: the main thread
   * writes 2 (SIGINT) into byte 0 to stop a run, without sending a message. null where the page
   * is not cross-origin isolated (no SharedArrayBuffer): Stop then restarts the worker. */
  init(interruptBuffer: SharedArrayBuffer | null): Promise<{ ms: number; nestVersion: string }>;
  run(code: string): Promise<RunResult>;
}

/** An answer of the remote worker: a value, or the ServerError (problem) or Error it threw. */
export type RemoteWorkerAnswer<T> =
  | { ok: true; value: T }
  | { ok: false; problem: import('../src/remote/backend').ServerProblem | null; message: string };

/** The remote worker's comlink API (workers/remote.worker.ts). */
export interface RemoteWorkerApi {
  configure(settings: import('../src/remote/backend').BackendSettings, extras: { timeoutMs?: number }): Promise<void>;
  health(): Promise<RemoteWorkerAnswer<import('../src/remote/backend').BackendInfo>>;
  run(code: string): Promise<RemoteWorkerAnswer<RunResult>>;
  stop(): Promise<void>;
  dispose(): Promise<void>;
}
