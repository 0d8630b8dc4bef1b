/**
 * Jupyter client: runs a program on a Jupyter kernel behind a Jupyter Server or a Jupyter Kernel
 * Gateway (URL + token), through @jupyterlab/services — the client JupyterLab itself uses.
 *
 * One run is two executes on the same kernel:
 *   1. (silent) empty the kernel's namespace, so every run starts from fresh globals as it does on
 *      the other backends (a `response` left by the run before must not come back);
 *   2. the learner's program, unchanged (no line added: the traceback's "Cell In[N], line L" is the
 *      code panel's line L), with `response` as plain JSON in the reply (PREPARE says how and why).
 * Imported modules stay loaded, so `import nest` costs its second or so once per kernel only.
 *
 * Stop interrupts the kernel (SIGINT: a Python loop stops with KeyboardInterrupt at its line). NEST's
 * own C++ loops (Simulate, Connect) do not look at SIGINT (measured: still busy 12 s after), so a
 * kernel that has not answered the interrupt within STOP_GRACE_MS is replaced by a new one.
 * A kernel that dies during a run (os._exit, a crash, out of memory) is restarted by the server;
 * that run throws ServerError 'kernel-died' and the next one runs on the restarted kernel.
 *
 * The token travels as the `token` query parameter, not as an Authorization header. Both servers
 * accept it there, and a browser's CORS preflight (OPTIONS, sent without headers of ours) carries
 * the query too: Kernel Gateway 3.0.1 with jupyter_server 2.21 answers a preflight without the
 * token with 403, so a header-only token cannot work from another origin. No custom header also
 * means the server's Access-Control-Allow-Headers need not list Authorization.
 *
 * @jupyterlab/services is imported when the first call needs it, so the app's main bundle stays as
 * it is for users who never pick Jupyter. It runs in browsers and in Node ≥ 20 (its own dependency
 * `ws` provides the WebSocket where Node has none).
 */
import type { Kernel, KernelMessage, ServerConnection } from '@jupyterlab/services';
import type { RunError, RunResult } from '../../workers/api';
import { ServerError, pageOrigin, stoppedError, type Backend, type BackendInfo } from './backend';
import { t } from '../i18n';

export interface JupyterOptions {
  /** the server's address, e.g. http://127.0.0.1:8888 (a base path such as /user/ana/ is kept) */
  url: string;
  token?: string;
  /** ms a run (and each request) may take before it is given up (default 60 s) */
  timeoutMs?: number;
  /** the kernelspec to start (default 'python3') */
  kernelName?: string;
}

type Services = typeof import('@jupyterlab/services');

/** How long an interrupted kernel may take to answer before it is replaced by a new one. */
const STOP_GRACE_MS = 3000;
/** How long a kernel may take to start and answer its first kernel_info. */
const START_TIMEOUT_MS = 60_000;

/**
 * The first execute (silent): fresh globals for the program, as every other backend gives it —
 * every name the program could have set is deleted (IPython's own, in user_ns_hidden, stay; so does
 * sys.modules, so nest stays imported). It also defines `_spikeblocks_response()`, which the
 * program's execute evaluates as a user expression once the program has finished without error.
 *
 * `response` comes back as the application/json of that user expression (an object with
 * _repr_json_), not as a print of json.dumps: it arrives in the execute reply itself, already parsed
 * by the kernel protocol's own JSON, apart from the program's output stream — so a program's own
 * prints (or an unfinished line it left) never mix with it, there is no marker to search for in the
 * text, and it costs no third round trip (each execute costs ~45 ms in ipykernel 7.4 even for
 * `pass`, measured here). The conversion runs in the expression, not in _repr_json_: IPython would
 * print a formatter's exception instead of reporting it.
 *
 * numpy arrays and scalars, NodeCollections (their node ids), SynapseCollections (their
 * connections' properties) and tuples become lists and numbers; NaN and ±Infinity become null (JSON
 * has neither); anything else is a TypeError naming its type, as the local engine reports it.
 */
const PREPARE = `def _spikeblocks_prepare():
    import math
    import warnings
    # torch 2.15 warns at "import norse" that torch.jit.script is deprecated (Norse's own code,
    # nothing the learner wrote or can change): not shown as if the program had printed it
    warnings.filterwarnings("ignore", message=r".*torch\\.jit\\.script.* is deprecated", category=FutureWarning)
    shell = get_ipython()
    for name in [n for n in shell.user_ns if n not in shell.user_ns_hidden]:
        del shell.user_ns[name]

    def plain(value, depth=0):
        if depth > 50:
            raise ValueError("response is nested too deeply (or refers to itself)")
        if value is None or isinstance(value, (bool, str)):
            return value
        if isinstance(value, int):
            return int(value)
        if isinstance(value, float):
            return float(value) if math.isfinite(value) else None
        if isinstance(value, dict):
            return {str(k): plain(v, depth + 1) for k, v in value.items()}
        if isinstance(value, (list, tuple, range)):
            return [plain(v, depth + 1) for v in value]
        kind = type(value)
        package = kind.__module__.split(".")[0]
        if kind.__name__ == "SynapseCollection" and hasattr(value, "get"):
            return plain(value.get(), depth + 1)
        if package in ("numpy", "nest", "torch") and hasattr(value, "tolist"):
            return plain(value.tolist(), depth + 1)
        if package == "numpy" and hasattr(value, "item"):
            return plain(value.item(), depth + 1)
        raise TypeError(
            f"response contains a {kind.__name__}, which cannot be sent back: "
            "use numbers, strings, lists, dicts and recorder events"
        )

    class Sent:
        def __init__(self, data):
            self.data = data

        def _repr_json_(self):
            return self.data

    def send():
        if "response" not in shell.user_ns:
            return Sent({"missing": True})
        return Sent({"response": plain(shell.user_ns["response"])})

    shell.user_ns["_spikeblocks_response"] = send
    shell.user_ns_hidden["_spikeblocks_response"] = send

_spikeblocks_prepare()`;

/** The user expression that brings `response` back (defined by PREPARE). */
const SEND_RESPONSE = '_spikeblocks_response()';

/** What one execute on the kernel gave back. */
interface ExecuteOutcome {
  reply: KernelMessage.IExecuteReplyMsg['content'];
  /** stdout and stderr of the code, in order */
  output: string;
}

/** A user expression's result in an execute reply. */
interface UserExpression {
  status?: string;
  data?: Record<string, unknown>;
  ename?: string;
  evalue?: string;
}

/** The run in progress: the ways it can end other than by its executes finishing. */
class ActiveRun {
  stopRequested = false;
  /** why the run was ended by Stop without the kernel's own KeyboardInterrupt */
  stopMessage = '';
  /** set when the run ended because of the backend (died, unreachable, timed out, replaced) */
  failure: ServerError | 'stopped' | null = null;
  private readonly listeners = new Set<(failure: ServerError | 'stopped') => void>();

  fail(failure: ServerError | 'stopped'): void {
    if (this.failure) return;
    this.failure = failure;
    for (const listener of this.listeners) listener(failure);
  }

  /** Resolves with the failure when there is one (never, otherwise). */
  onFailure(listener: (failure: ServerError | 'stopped') => void): () => void {
    if (this.failure) {
      listener(this.failure);
      return () => {};
    }
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export class JupyterClient implements Backend {
  readonly kind = 'jupyter' as const;
  readonly label: string;
  /** kernels being shut down after a timeout or a Stop they did not answer */
  private readonly shutdowns = new Set<Promise<void>>();
  private readonly base: string;
  private readonly kernelName: string;
  private readonly timeoutMs: number;
  private services: Promise<{ lib: Services; settings: ServerConnection.ISettings }> | null = null;
  private kernel: Kernel.IKernelConnection | null = null;
  /** the kernel being started, so two calls do not start two */
  private starting: Promise<Kernel.IKernelConnection> | null = null;
  private active: ActiveRun | null = null;
  private disposed = false;

  constructor(private readonly options: JupyterOptions) {
    this.base = options.url.replace(/\/+$/, '');
    this.kernelName = options.kernelName ?? 'python3';
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.label = t('remote.jupyterAt', { url: this.base });
  }

  /** The server's version and that it has the kernel we would start. */
  async health(): Promise<BackendInfo> {
    const { lib, settings } = await this.connection();
    const api = await this.rest(async () => {
      const reply = await lib.ServerConnection.makeRequest(`${settings.baseUrl}api`, {}, settings);
      if (!reply.ok) throw await lib.ServerConnection.ResponseError.create(reply);
      return (await reply.json()) as { version?: unknown };
    });
    const specs = await this.rest(() => lib.KernelSpecAPI.getSpecs(settings));
    const spec = specs.kernelspecs[this.kernelName];
    if (!spec) {
      const offered = Object.keys(specs.kernelspecs).join(', ') || t('remote.none');
      throw new ServerError('bad-reply', t('remote.noKernel', { label: this.label, kernel: this.kernelName, offered }));
    }
    const version = typeof api.version === 'string' ? api.version : undefined;
    return { summary: t('remote.jupyterKernelOn', { kernel: spec.display_name || this.kernelName, url: this.base }), version };
  }

  async run(code: string): Promise<RunResult> {
    if (this.disposed) throw new ServerError('server-error', t('remote.connectionClosed', { label: this.label }));
    if (this.active) throw new ServerError('busy', t('remote.stillRunning', { label: this.label }));
    const started = performance.now();
    const timings = () => ({ totalMs: performance.now() - started, pythonMs: 0 });
    const run = new ActiveRun();
    this.active = run;
    const timer = setTimeout(() => {
      run.fail(new ServerError('timeout', t('remote.jupyterTimeout', { label: this.label, s: Math.round(this.timeoutMs / 1000) })));
      void this.replaceKernel();
    }, this.timeoutMs);
    try {
      const kernel = await this.until(run, this.readyKernel());
      await this.execute(kernel, PREPARE, run, { silent: true });
      const program = await this.execute(kernel, code, run, { silent: false, expressions: { response: SEND_RESPONSE } });
      const stdout = program.output;
      if (program.reply.status === 'error') {
        const error = programError(program.reply, program.reply.execution_count);
        if (error.type === 'KeyboardInterrupt' && run.stopRequested) error.message = t('remote.stoppedShort');
        return { ok: false, error, stdout, timings: timings() };
      }
      if (program.reply.status !== 'ok') {
        throw new ServerError('bad-reply', t('remote.badStatus', { label: this.label, status: program.reply.status }));
      }
      const expression = program.reply.user_expressions?.response as UserExpression | undefined;
      if (expression?.status === 'error') {
        // converting `response` failed (a value that cannot be sent): no program line to point at
        const error: RunError = { type: expression.ename ?? 'Error', message: expression.evalue ?? '', line: null, traceback: '' };
        return { ok: false, error, stdout, timings: timings() };
      }
      const sent = expression?.data?.['application/json'] as { response?: unknown; missing?: boolean } | undefined;
      if (!sent || (!('response' in sent) && !sent.missing)) {
        throw new ServerError('bad-reply', t('remote.noResult', { label: this.label }));
      }
      if (sent.missing) {
        const error: RunError = {
          type: 'NameError',
          message: t('remote.noResponse'),
          line: null,
          traceback: '',
        };
        return { ok: false, error, stdout, timings: timings() };
      }
      return { ok: true, response: sent.response, stdout, timings: timings() };
    } catch (e) {
      if (e === STOPPED) {
        const error = stoppedError(this.label);
        return { ok: false, error: run.stopMessage ? { ...error, message: run.stopMessage } : error, stdout: '', timings: timings() };
      }
      throw e;
    } finally {
      clearTimeout(timer);
      if (this.active === run) this.active = null;
    }
  }

  /** Interrupts the kernel; one that does not answer within STOP_GRACE_MS is replaced. */
  async stop(): Promise<void> {
    const run = this.active;
    if (!run || run.stopRequested) return;
    run.stopRequested = true;
    const kernel = this.kernel;
    if (!kernel) {
      run.fail('stopped'); // still starting the kernel: nothing runs yet
      return;
    }
    try {
      await this.rest(() => kernel.interrupt());
    } catch {
      // interrupt refused or the server is gone: replacing the kernel below still ends the run
    }
    setTimeout(() => {
      if (this.active !== run || run.failure) return;
      run.stopMessage = t('remote.stoppedReplaced');
      run.fail('stopped');
      void this.replaceKernel();
    }, STOP_GRACE_MS);
  }

  /** Shuts the kernel down (the app calls this on pagehide). The shutdown request of a running
   * kernel leaves in this very call, before any await: a page that is being left (or frozen into
   * the back/forward cache, as pages a service worker controls can be) may run nothing later. */
  async dispose(): Promise<void> {
    this.disposed = true;
    this.active?.fail('stopped');
    const kernel = this.kernel;
    this.kernel = null;
    const now = kernel ? this.shutdownKernel(kernel) : undefined;
    const started = !kernel && this.starting ? await this.starting.catch(() => null) : null;
    await Promise.all([...this.shutdowns, now, started ? this.shutdownKernel(started) : undefined]);
  }

  // ---- the kernel ----

  /** The kernel to run on: the current one once it is ready, or a new one. */
  private async readyKernel(): Promise<Kernel.IKernelConnection> {
    const current = this.kernel;
    if (current && !current.isDisposed && current.status !== 'dead' && current.connectionStatus !== 'disconnected') {
      // after an automatic restart the connection asks the new process for its info: wait for it
      await withTimeout(current.info, START_TIMEOUT_MS, () => new ServerError('kernel-died', t('remote.notBack', { url: this.base })));
      return current;
    }
    if (current) {
      this.kernel = null;
      void this.shutdownKernel(current);
    }
    this.starting ??= this.startKernel().finally(() => (this.starting = null));
    return this.starting;
  }

  private async startKernel(): Promise<Kernel.IKernelConnection> {
    const { lib, settings } = await this.connection();
    const model = await this.rest(() => lib.KernelAPI.startNew({ name: this.kernelName }, settings));
    const kernel = new lib.KernelConnection({ model, serverSettings: settings, handleComms: false });
    kernel.statusChanged.connect((_, status) => this.onStatus(kernel, status));
    kernel.connectionStatusChanged.connect((_, status) => this.onConnection(kernel, status));
    try {
      await withTimeout(kernel.info, START_TIMEOUT_MS, () => new ServerError('timeout', t('remote.kernelNoStart', { kernel: this.kernelName, url: this.base, s: START_TIMEOUT_MS / 1000 })));
    } catch (e) {
      void this.shutdownKernel(kernel);
      throw e;
    }
    if (this.disposed) {
      await this.shutdownKernel(kernel);
      throw new ServerError('server-error', t('remote.closedWhileStarting', { label: this.label }));
    }
    this.kernel = kernel;
    return kernel;
  }

  /** The kernel's process state: a restart or death we did not ask for ends the run. */
  private onStatus(kernel: Kernel.IKernelConnection, status: Kernel.Status): void {
    // (a kernel we gave up is no longer this.kernel: its shutdown is not a death)
    if (kernel !== this.kernel) return;
    if (status === 'autorestarting' || status === 'restarting' || status === 'dead') {
      const restarted = status !== 'dead';
      this.active?.fail(
        new ServerError(
          'kernel-died',
          t(restarted ? 'remote.kernelDiedRestarting' : 'remote.kernelDied', { url: this.base }),
        ),
      );
      if (status === 'dead') {
        this.kernel = null;
        void this.shutdownKernel(kernel);
      }
    }
  }

  /** The WebSocket to the kernel: when it drops during a run, ask the server whether it is still there. */
  private onConnection(kernel: Kernel.IKernelConnection, status: Kernel.ConnectionStatus): void {
    if (kernel !== this.kernel || status === 'connected') return;
    const run = this.active;
    if (!run) return;
    void (async () => {
      const { lib, settings } = await this.connection();
      try {
        const model = await this.rest(() => lib.KernelAPI.getKernelModel(kernel.id, settings));
        if (!model) {
          this.kernel = null;
          run.fail(new ServerError('kernel-died', t('remote.kernelVanished', { url: this.base })));
        } else if (status === 'disconnected') {
          this.kernel = null;
          void this.shutdownKernel(kernel);
          run.fail(this.unreachable());
        }
        // else the server is there and the connection retries: it replays what it buffered
      } catch (e) {
        run.fail(e instanceof ServerError ? e : this.unreachable());
      }
    })();
  }

  /** Gives up the current kernel (busy with a program that will not stop): a new one starts on the next run. */
  private async replaceKernel(): Promise<void> {
    const kernel = this.kernel;
    this.kernel = null;
    if (!kernel) return;
    // dispose() waits for it: a command line that exits at once must not leave the busy kernel behind
    const shutdown = this.shutdownKernel(kernel);
    this.shutdowns.add(shutdown);
    try {
      await shutdown;
    } finally {
      this.shutdowns.delete(shutdown);
    }
  }

  private async shutdownKernel(kernel: Kernel.IKernelConnection): Promise<void> {
    // the same address the connection settings use (`${this.base}/`), built without waiting for them
    const url = `${this.base}/api/kernels/${encodeURIComponent(kernel.id)}`;
    // A plain fetch with keepalive, not KernelAPI.shutdownKernel, started synchronously: on
    // pagehide the browser still sends a keepalive request after the page is gone.
    const request = fetch(this.withToken(url), { method: 'DELETE', keepalive: true, signal: AbortSignal.timeout(this.timeoutMs) });
    try {
      await request;
    } catch {
      // the server is gone: so is its kernel
    } finally {
      kernel.dispose();
    }
  }

  // ---- executing ----

  /** Runs `code` on the kernel; rejects with the run's failure (or STOPPED) if it ends otherwise. */
  private async execute(
    kernel: Kernel.IKernelConnection,
    code: string,
    run: ActiveRun,
    how: { silent: boolean; expressions?: Record<string, string> },
  ): Promise<ExecuteOutcome> {
    const future = kernel.requestExecute({
      code,
      silent: how.silent,
      store_history: !how.silent,
      user_expressions: how.expressions ?? {},
      stop_on_error: true,
      allow_stdin: false,
    });
    let output = '';
    future.onIOPub = (msg) => {
      if (msg.header.msg_type === 'stream') output += (msg as KernelMessage.IStreamMsg).content.text;
    };
    try {
      const reply = await this.until(run, future.done);
      return { reply: reply.content, output };
    } finally {
      future.dispose();
    }
  }

  /** `work`, unless the run fails first (died, unreachable, timed out, replaced after Stop). */
  private until<T>(run: ActiveRun, work: Promise<T>): Promise<T> {
    let unsubscribe = () => {};
    const failed = new Promise<never>((_, reject) => {
      unsubscribe = run.onFailure((failure) => reject(failure === 'stopped' ? STOPPED : failure));
    });
    return Promise.race([work, failed]).finally(unsubscribe);
  }

  // ---- the connection ----

  /** @jupyterlab/services and our server settings, loaded on first use. */
  private connection(): Promise<{ lib: Services; settings: ServerConnection.ISettings }> {
    this.services ??= import('@jupyterlab/services').then((lib) => {
      const base = `${this.base}/`;
      const defaults = lib.ServerConnection.makeSettings({ baseUrl: base, wsUrl: base.replace(/^http/, 'ws') });
      const withToken = (url: string) => this.withToken(url);
      const DefaultRequest = defaults.Request;
      const DefaultWebSocket = defaults.WebSocket;
      const timeoutMs = this.timeoutMs;
      // the token in the query of every request and of the WebSocket (the header comment says why)
      class TokenRequest extends DefaultRequest {
        constructor(input: RequestInfo | URL, init?: RequestInit) {
          super(typeof input === 'string' || input instanceof URL ? withToken(String(input)) : input, init);
        }
      }
      class TokenWebSocket extends DefaultWebSocket {
        constructor(url: string | URL, protocols?: string | string[]) {
          super(withToken(String(url)), protocols);
        }
      }
      const settings = lib.ServerConnection.makeSettings({
        baseUrl: base,
        wsUrl: base.replace(/^http/, 'ws'),
        token: '',
        appendToken: false,
        Request: TokenRequest as typeof Request,
        WebSocket: TokenWebSocket as typeof WebSocket,
        // each request gives up after timeoutMs; the mark tells that from other network errors
        fetch: (input: RequestInfo | URL, init?: RequestInit) => {
          const timeout = AbortSignal.timeout(timeoutMs);
          return fetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout }).catch((e: unknown) => {
            throw timeout.aborted ? new TypeError(TIMED_OUT) : e;
          });
        },
      });
      return { lib, settings };
    });
    return this.services;
  }

  private withToken(url: string): string {
    if (!this.options.token) return url;
    return `${url}${url.includes('?') ? '&' : '?'}token=${encodeURIComponent(this.options.token)}`;
  }

  /** A REST call of @jupyterlab/services, its failures said as ServerErrors. */
  private async rest<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (e) {
      if (e instanceof ServerError) throw e;
      const status = (e as { response?: { status?: number } }).response?.status;
      // a gateway at its max_kernels answers 403 too, with "Resource Limit" in the reason
      if (status === 403 && /resource limit/i.test(`${(e as Error).message} ${await replyText(e)}`)) {
        throw new ServerError('busy', t('remote.maxKernels', { label: this.label }));
      }
      if (status === 401 || status === 403) {
        throw new ServerError('token', t(this.options.token ? 'remote.jupyterTokenRefused' : 'remote.jupyterTokenMissing', { label: this.label }));
      }
      if (typeof status === 'number') {
        if (status === 502 || status === 503 || status === 504) throw new ServerError('busy', t('remote.jupyterBusy', { label: this.label, status }));
        throw new ServerError(status >= 500 ? 'server-error' : 'bad-reply', t('remote.answeredHttp', { label: this.label, status, message: (e as Error).message }));
      }
      if ((e as Error).message === TIMED_OUT) {
        throw new ServerError('timeout', t('remote.jupyterNoAnswer', { label: this.label, s: Math.round(this.timeoutMs / 1000) }));
      }
      throw this.unreachable();
    }
  }

  private unreachable(): ServerError {
    // fetch says only "failed to fetch" for refused connections, unknown hosts, CORS refusals and
    // servers that went away mid-run
    // In a page it is also what a wrong token looks like: a gateway refuses it with a 401 that
    // carries no CORS header, which the page may not read.
    const origin = pageOrigin();
    const page = origin ? t('remote.jupyterCorsQuestion', { origin }) : '';
    return new ServerError('unreachable', t('remote.jupyterUnreachable', { label: this.label, cors: page }));
  }
}

/** What `until` rejects with when Stop had to replace the kernel. */
const STOPPED = Symbol('stopped');
const TIMED_OUT = 'spikeblocks: request timed out';

function withTimeout<T>(work: Promise<T>, ms: number, error: () => Error): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(error()), ms)));
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;

/**
 * A failed execute_reply as a RunError. The line is that of the deepest frame in the program: the
 * last "Cell In[N], line L" of the traceback whose N is the program's execution count (IPython
 * names the program's frames so; frames in NEST's own files read "File /…/nest/…py:142").
 */
function programError(reply: KernelMessage.IExecuteReplyMsg['content'], executionCount: number | null): RunError {
  const failed = reply as unknown as { ename?: string; evalue?: string; traceback?: string[] };
  const traceback = (failed.traceback ?? []).join('\n').replace(ANSI, '');
  let line: number | null = null;
  let anyCell: number | null = null;
  for (const m of traceback.matchAll(/Cell In\[(\d+)\], line (\d+)/g)) {
    anyCell = Number(m[2]);
    if (executionCount === null || Number(m[1]) === executionCount) line = Number(m[2]);
  }
  line ??= anyCell;
  const type = failed.ename ?? 'Error';
  let message = failed.evalue ?? '';
  // a SyntaxError's value repeats the cell's hidden file name: "incomplete input (173531590.py, line 1)"
  if (/^(Syntax|Indentation|Tab)Error$/.test(type)) message = message.replace(/ \([^()]*\.py, line \d+\)$/, '');
  return { type, message, line, traceback };
}

/** The body of a failed REST call's reply, if @jupyterlab/services kept it readable. */
async function replyText(e: unknown): Promise<string> {
  try {
    const response = (e as { response?: Response }).response;
    return response && !response.bodyUsed ? await response.clone().text() : '';
  } catch {
    return '';
  }
}
