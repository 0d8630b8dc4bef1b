/**
 * The /exec protocol NEST Server and Norse Server share (NEST Desktop speaks it to both):
 * GET / → {"<simulator>": version, …}; POST /exec {"source", "return": "response"} →
 * {"data": response, "stdout"}; a Python error → 400 {"message": "<Name> at line N: …",
 * "lineNumber": N}. Works with the fetch of browsers and of Node ≥ 18.
 *
 * Stop gives the run up: the request is aborted and run() resolves as stopped. The server has no
 * call to cancel a program, so it finishes that run on its own (a worker stays busy until then).
 */
import type { RunError, RunResult } from '../../workers/api';
import { ServerError, pageOrigin, stoppedError, type Backend, type BackendInfo, type BackendKind } from './backend';
import { t } from '../i18n';

export interface ExecServerOptions {
  /** e.g. http://127.0.0.1:52425 */
  url: string;
  token?: string;
  /** ms before a request is given up (default 60 s) */
  timeoutMs?: number;
}

/** What tells one server of this protocol from another. */
export interface ExecServerFlavour {
  kind: BackendKind;
  /** "NEST Server" */
  name: string;
  /** the key of GET / that holds the simulator's version: "nest", "norse" */
  versionKey: string;
  /** "NEST" — for the status line */
  simulator: string;
  /** the header the access token goes in, if the server takes one */
  tokenHeader?: string;
  /** The program as this server needs it, with its lines where they were (errors name lines). */
  adapt?: (code: string) => string;
  /** What to add to a program error's message that this server causes (e.g. its restrictions). */
  explain?: (message: string) => string | null;
  /** Program errors come back with this status too (Norse Server's FastAPI version: 422). */
  errorStatus?: number;
  /** an error line past the program's end: the server's own (NEST Server: its other routes) or
   * the program's, in a library it called (Norse Server names the innermost frame's line) */
  linesPastEnd: 'server' | 'program';
}

export class ExecServerClient implements Backend {
  readonly kind: BackendKind;
  readonly label: string;
  protected readonly base: string;
  private current: AbortController | null = null;

  constructor(
    protected readonly flavour: ExecServerFlavour,
    protected readonly options: ExecServerOptions,
  ) {
    this.base = options.url.replace(/\/+$/, '');
    this.kind = flavour.kind;
    this.label = t('remote.serverAt', { name: flavour.name, url: this.base });
  }

  /** The server's simulator version; throws ServerError when it cannot be reached or refuses us. */
  async health(): Promise<BackendInfo> {
    const body = (await this.json(await this.request('GET', '/'))) as Record<string, unknown>;
    const version = body[this.flavour.versionKey];
    if (typeof version !== 'string') throw new ServerError('bad-reply', t('remote.notThatServer', { url: this.base, name: this.flavour.name }));
    return { summary: t('remote.versionOn', { simulator: this.flavour.simulator, version, url: this.base }), version };
  }

  /** Runs `code` there; a Python error in it comes back as a failed RunResult with its line. */
  async run(code: string): Promise<RunResult> {
    const started = performance.now();
    const totalMs = () => performance.now() - started;
    const control = new AbortController();
    this.current = control;
    let reply: Response;
    let body: { data?: unknown; stdout?: string; message?: string; lineNumber?: number };
    try {
      reply = await this.request('POST', '/exec', { source: this.flavour.adapt ? this.flavour.adapt(code) : code, return: 'response' }, control.signal);
      body = (await this.json(reply)) as typeof body;
    } catch (e) {
      if (control.signal.aborted) return { ok: false, error: stoppedError(this.label), stdout: '', timings: { totalMs: totalMs(), pythonMs: 0 } };
      // (a refusal at once, e.g. CORS on POST only, is not a timeout)
      if (e instanceof ServerError && e.problem === 'unreachable' && this.flavour.kind === 'nest-server' && totalMs() >= 1000 && (await this.answers())) {
        // It answered before and answers now, but dropped this run: NEST Server's gunicorn kills a
        // worker whose request runs longer than its timeout.
        throw new ServerError('too-long', t('remote.nestTooLong', { label: this.label, s: (totalMs() / 1000).toFixed(0) }));
      }
      throw e;
    } finally {
      if (this.current === control) this.current = null;
    }
    if (reply.status === 400 || (reply.status === this.flavour.errorStatus && typeof body.message === 'string')) {
      const lines = code.split('\n').length;
      let line: number | null | undefined = body.lineNumber;
      if (typeof line === 'number' && line > lines) {
        // an error at a line the program does not have is the server's own, e.g. the address
        // names one of its other routes (…/api): not the learner's mistake
        if (this.flavour.linesPastEnd === 'server') {
          throw new ServerError('bad-reply', t('remote.serversOwnError', { label: this.label, message: (body.message ?? '').slice(0, 120), name: this.flavour.name }));
        }
        line = null;
      }
      const error = programError(body.message ?? t('remote.programFailed'), line);
      const why = this.flavour.explain?.(error.message);
      if (why) error.message += ` ${why}`;
      return { ok: false, error, stdout: '', timings: { totalMs: totalMs(), pythonMs: 0 } };
    }
    if (!('data' in body)) throw new ServerError('bad-reply', t('remote.notThatServerRun', { label: this.label, name: this.flavour.name }));
    if (body.data === null || body.data === undefined) {
      const error: RunError = {
        type: 'NameError',
        message: t('remote.noResponse'),
        line: null,
        traceback: '',
      };
      return { ok: false, error, stdout: body.stdout ?? '', timings: { totalMs: totalMs(), pythonMs: 0 } };
    }
    return { ok: true, response: body.data, stdout: body.stdout ?? '', timings: { totalMs: totalMs(), pythonMs: 0 } };
  }

  /** Whether the server answers its health check within a few seconds. */
  private async answers(): Promise<boolean> {
    try {
      const reply = await fetch(`${this.base}/`, { headers: this.tokenHeaders(), signal: AbortSignal.timeout(3000) });
      return reply.status < 500;
    } catch {
      return false;
    }
  }

  private tokenHeaders(): Record<string, string> {
    return this.options.token && this.flavour.tokenHeader ? { [this.flavour.tokenHeader]: this.options.token } : {};
  }

  async stop(): Promise<void> {
    this.current?.abort();
  }

  async dispose(): Promise<void> {
    this.current?.abort();
  }

  protected async request(method: 'GET' | 'POST', path: string, body?: unknown, signal?: AbortSignal): Promise<Response> {
    const headers = this.tokenHeaders();
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const timeoutMs = this.options.timeoutMs ?? 60_000;
    const timeout = AbortSignal.timeout(timeoutMs);
    let reply: Response;
    try {
      reply = await fetch(this.base + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (e) {
      if (signal?.aborted) throw e;
      if (timeout.aborted) {
        throw new ServerError('timeout', t('remote.execTimeout', { label: this.label, s: Math.round(timeoutMs / 1000) }));
      }
      // fetch says only "failed to fetch" for refused connections, unknown hosts, CORS refusals
      // and connections the server dropped (a worker killed mid-run)
      // (a cross-origin-isolated page cannot tell them apart: even a no-cors probe is blocked)
      const origin = pageOrigin();
      const allowed = !origin ? '' : t('remote.corsQuestion', { origin, setting: this.flavour.kind === 'nest-server' ? 'NEST_SERVER_CORS_ORIGINS' : 'CORS' });
      throw new ServerError('unreachable', t('remote.unreachable', { label: this.label, cors: allowed }));
    }
    if (reply.status === 403) {
      const text = (await reply.text()).trim();
      if (/exec/i.test(text) && !/unauthori[sz]ed/i.test(text)) {
        throw new ServerError('exec-disabled', t('remote.execDisabled', { label: this.label }));
      }
      throw new ServerError('token', t(this.options.token ? 'remote.tokenRefused' : 'remote.tokenMissing', { label: this.label }));
    }
    if (reply.status === 502 || reply.status === 503 || reply.status === 504) {
      throw new ServerError('busy', t('remote.busy', { label: this.label, status: reply.status }));
    }
    if (reply.status >= 500) {
      throw new ServerError('server-error', t('remote.serverFailed', { label: this.label, status: reply.status }));
    }
    return reply;
  }

  protected async json(reply: Response): Promise<unknown> {
    try {
      return await reply.json();
    } catch (e) {
      if ((e as Error).name === 'AbortError') throw e;
      throw new ServerError('bad-reply', t('remote.notJson', { url: this.base, status: reply.status }));
    }
  }
}

/** "ZeroDivisionError at line 3: division by zero" → type, line and message of a RunError. */
/** "NameError at line 3: name 'x' is not defined" or "RuntimeError: …"; `lineNumber` null: no line
 * even if the message names one (it is not the program's). */
function programError(message: string, lineNumber: number | null | undefined): RunError {
  const m = /^([A-Za-z_][\w.]*)(?: at line (\d+))?: ([\s\S]*)$/.exec(message);
  const line = lineNumber === null ? null : typeof lineNumber === 'number' && lineNumber > 0 ? lineNumber : m?.[2] ? Number(m[2]) : null;
  return { type: m ? m[1].split('.').pop()! : 'Error', message: m ? m[3] : message, line, traceback: '' };
}
