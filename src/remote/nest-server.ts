/**
 * NEST Server client: runs a program on a real NEST Server (the `nest-server` that ships with
 * nest-simulator, as NEST Desktop uses it) and hands back the same RunResult as the local
 * engine, so the plots and error display do not care where a program ran.
 *
 * Protocol (/work/shared/reference/nest-server.md): GET / → {"nest": version}; POST /exec with
 * {"source", "return": "response"} → {"data": response, "stdout"}; the token in the
 * `NESTServerAuth` header; a Python error → 400 {"message": "<Name> at line N: …", "lineNumber"}.
 * Works with the fetch of browsers and of Node ≥ 18.
 */
import type { RunError, RunResult } from '../../workers/api';

export interface NestServerOptions {
  /** e.g. http://127.0.0.1:52425 */
  url: string;
  token?: string;
  /** ms before a request is given up (default 60 s) */
  timeoutMs?: number;
}

/** Why a server could not run a program at all (as opposed to the program failing there). */
export type ServerProblem = 'token' | 'exec-disabled' | 'unreachable' | 'timeout' | 'server-error' | 'bad-reply';

/** A failure of the server, not of the program: what went wrong and what to do about it. */
export class ServerError extends Error {
  constructor(readonly problem: ServerProblem, message: string) {
    super(message);
    this.name = 'ServerError';
  }
}

export class NestServerClient {
  private readonly base: string;

  constructor(private readonly options: NestServerOptions) {
    this.base = options.url.replace(/\/+$/, '');
  }

  /** The server's NEST version; throws ServerError when it cannot be reached or refuses us. */
  async health(): Promise<{ nest: string; mpi: boolean }> {
    const reply = await this.request('GET', '/');
    const body = await this.json(reply);
    if (typeof (body as { nest?: unknown }).nest !== 'string') throw new ServerError('bad-reply', `${this.base} answered, but not as a NEST Server does.`);
    return body as { nest: string; mpi: boolean };
  }

  /** Runs `code` there; a Python error in it comes back as a failed RunResult with its line. */
  async run(code: string): Promise<RunResult> {
    const started = performance.now();
    const reply = await this.request('POST', '/exec', { source: code, return: 'response' });
    const totalMs = () => performance.now() - started;
    if (reply.status === 400) {
      const body = (await this.json(reply)) as { message?: string; lineNumber?: number };
      return { ok: false, error: programError(body.message ?? 'the program failed', body.lineNumber), stdout: '', timings: { totalMs: totalMs(), pythonMs: 0 } };
    }
    const body = (await this.json(reply)) as { data?: unknown; stdout?: string };
    if (!('data' in body)) throw new ServerError('bad-reply', 'NEST Server ran the program but sent no result back.');
    if (body.data === null || body.data === undefined) {
      const error: RunError = {
        type: 'NameError',
        message: "the program did not set `response` (end it with response = {...})",
        line: null,
        traceback: '',
      };
      return { ok: false, error, stdout: body.stdout ?? '', timings: { totalMs: totalMs(), pythonMs: 0 } };
    }
    return { ok: true, response: body.data, stdout: body.stdout ?? '', timings: { totalMs: totalMs(), pythonMs: 0 } };
  }

  private async request(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = {};
    if (this.options.token) headers.NESTServerAuth = this.options.token;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let reply: Response;
    try {
      reply = await fetch(this.base + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 60_000),
      });
    } catch (e) {
      const err = e as Error;
      if (err.name === 'TimeoutError' || err.name === 'AbortError') {
        throw new ServerError('timeout', `NEST Server at ${this.base} did not answer within ${Math.round((this.options.timeoutMs ?? 60_000) / 1000)} s. Run the program locally, or make it shorter.`);
      }
      // fetch says only "failed to fetch" for refused connections, unknown hosts and CORS refusals
      throw new ServerError('unreachable', `NEST Server at ${this.base} could not be reached (is it running, and does it allow this page's address — NEST_SERVER_CORS_ORIGINS?). You can run the program locally instead.`);
    }
    if (reply.status === 403) {
      const text = (await reply.text()).trim();
      if (/exec/i.test(text) && !/unauthori[sz]ed/i.test(text)) {
        throw new ServerError('exec-disabled', `NEST Server at ${this.base} does not run programs: start it with NEST_SERVER_ENABLE_EXEC_CALL=true.`);
      }
      throw new ServerError('token', `NEST Server at ${this.base} refused the access token${this.options.token ? '' : ' (none was given)'}. Copy the token the server printed when it started (or its NEST_SERVER_ACCESS_TOKEN) into the settings.`);
    }
    if (reply.status >= 500) {
      throw new ServerError('server-error', `NEST Server at ${this.base} failed while running the program (HTTP ${reply.status}); NEST errors sometimes end like this there. Run it locally to see the error with its line.`);
    }
    return reply;
  }

  private async json(reply: Response): Promise<unknown> {
    try {
      return await reply.json();
    } catch {
      throw new ServerError('bad-reply', `${this.base} answered with something other than JSON (HTTP ${reply.status}).`);
    }
  }
}

/** "ZeroDivisionError at line 3: division by zero" → type, line and message of a RunError. */
function programError(message: string, lineNumber: number | undefined): RunError {
  const m = /^([A-Za-z_][\w.]*) at line (\d+): ([\s\S]*)$/.exec(message);
  const line = typeof lineNumber === 'number' && lineNumber > 0 ? lineNumber : m ? Number(m[2]) : null;
  return { type: m ? m[1].split('.').pop()! : 'Error', message: m ? m[3] : message, line, traceback: '' };
}
