/**
 * One interface for every place a program can run: the local engine in this page, a NEST Server,
 * a Norse Server, a Jupyter kernel. Each hands back the same RunResult (the program's `response`,
 * or its error with the line it failed at), so the app, the plots and the command line never ask
 * where a program ran.
 *
 * A failure of the program (a Python error) is a failed RunResult. A failure of the backend itself
 * (unreachable, token refused, timed out, crashed) is a thrown ServerError that says what to do.
 * Stop ends the current run: run() then resolves with a KeyboardInterrupt error, as a local run does.
 */
import type { RunError, RunResult } from '../../workers/api';
import { t } from '../i18n';

export type BackendKind = 'local' | 'nest-server' | 'norse-server' | 'jupyter';

/** What the learner or teacher chose in the settings (or the page URL brought). */
export interface BackendSettings {
  kind: BackendKind;
  /** server address, e.g. http://127.0.0.1:52425 (unused for local) */
  url: string;
  /** access token ('' for none) */
  token: string;
}

/** What a health check found out. */
export interface BackendInfo {
  /** one line for the status bar, e.g. "NEST 3.10.0 on http://127.0.0.1:52425" */
  summary: string;
  /** the simulator's version, e.g. "3.10.0", when the backend says */
  version?: string;
  /** neuron and device models the backend offers, when it can list them */
  models?: string[];
}

export interface Backend {
  readonly kind: BackendKind;
  /** for messages: "NEST Server at http://127.0.0.1:52425", "this browser" */
  readonly label: string;
  /** Checks the backend answers and accepts us; throws ServerError (with what to do) otherwise. */
  health(): Promise<BackendInfo>;
  /** Runs a program. One run at a time per backend. */
  run(code: string): Promise<RunResult>;
  /** Stops the current run, if any; run() then resolves with a KeyboardInterrupt error. */
  stop(): Promise<void>;
  /** Lets go of what the backend holds (a Jupyter kernel is shut down). */
  dispose(): Promise<void>;
}

/** Why a backend could not run a program at all (as opposed to the program failing there). */
export type ServerProblem =
  | 'token'
  | 'exec-disabled'
  | 'unreachable'
  | 'timeout'
  | 'server-error'
  | 'bad-reply'
  | 'busy'
  /** the server gave the run up itself (NEST Server: its gunicorn worker timeout) */
  | 'too-long'
  | 'kernel-died';

/** A failure of the backend, not of the program: what went wrong and what to do about it. */
export class ServerError extends Error {
  constructor(
    readonly problem: ServerProblem,
    message: string,
  ) {
    super(message);
    this.name = 'ServerError';
  }
}

/** The RunError of a run ended by Stop (the same type a stopped local run reports). */
export function stoppedError(where: string): RunError {
  return { type: 'KeyboardInterrupt', message: t('remote.stopped', { where }), line: null, traceback: '' };
}

/** Where this page comes from (for CORS advice), or null outside a browser. */
export function pageOrigin(): string | null {
  const origin = (globalThis as { location?: { origin?: string } }).location?.origin;
  return origin && origin !== 'null' ? origin : null;
}
