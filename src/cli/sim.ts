/**
 * Command-line runner: runs a PyNEST program on the local engine, the same way the browser does.
 *
 *   npm run sim -- FILE.py                 readable summary of the response
 *   npm run -s sim -- FILE.py --json       exactly the response as JSON (typed arrays as lists);
 *                                          -s keeps npm's own banner off stdout
 *   npm run sim -- FILE.py --timeout 10    stop the program after 10 s (default 60, 0 = never)
 *   npm run sim -- FILE.py --backend nest-server=http://127.0.0.1:52425 --token T
 *                                          run it on a real NEST Server instead (src/remote)
 *   npm run sim -- FILE.py --backend norse-server=http://127.0.0.1:11428
 *                                          … on a Norse Server
 *   npm run sim -- FILE.py --backend jupyter=http://127.0.0.1:8888 --token T
 *                                          … on a new kernel of a Jupyter Server or Kernel
 *                                          Gateway; the kernel is shut down when sim ends
 *                                          (also after an error or --timeout)
 *
 * With --json, stdout carries the JSON and nothing else: the program's prints and warnings,
 * errors and the timing line all go to stderr.
 *
 * Exit status: 0 ran, 1 the program failed (message with line number on stderr), 2 usage or
 * unreadable file, 3 the server could not run it (unreachable, token refused …), 124 stopped by
 * --timeout (as timeout(1) does).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Worker } from 'node:worker_threads';
import { loadNodeRuntime } from './node-runtime';
import { SIGINT } from '../../workers/runtime';
import type { RunError, RunResult } from '../../workers/api';
import { createBackend, ServerError, type Backend, type BackendKind } from '../remote/index';
import { typedEvents } from '../remote/typed-events';

const USAGE = 'usage: npm run sim -- FILE.py [--json] [--timeout SECONDS] [--backend local | nest-server=URL | norse-server=URL | jupyter=URL] [--token TOKEN]';
const REMOTE_KINDS: BackendKind[] = ['nest-server', 'norse-server', 'jupyter'];
const REMOTE_NAMES: Record<string, string> = { 'nest-server': 'NEST Server', 'norse-server': 'Norse Server', jupyter: 'Jupyter' };
const DEFAULT_TIMEOUT_S = 60;
/** Exit status of a run stopped by --timeout (the convention of coreutils' timeout). */
const TIMED_OUT = 124;

function fail(status: number, message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(status);
}

/** JSON with typed arrays written as plain lists. */
function responseJson(response: unknown): string {
  return JSON.stringify(response, (_key, value) =>
    ArrayBuffer.isView(value) ? Array.from(value as Float64Array) : value,
  );
}

function describeError(file: string, error: RunError): string {
  const where = error.line ? `${file}, line ${error.line}` : file;
  const head = `${where}: ${error.type}: ${error.message}`;
  // A traceback that points nowhere in the file is only "Type: message" again (e.g. the
  // missing `response`): the head line already says it. Frames, or a SyntaxError's line with
  // its caret, are worth printing.
  // (IPython names the program's frames "Cell In[N], line L")
  const pointsIntoFile = /^\s*(File "|Cell In\[)/m.test(error.traceback);
  return pointsIntoFile ? `${head}\n\n${error.traceback}` : head;
}

function range(values: Float64Array): string {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return values.length ? `${fmt(min)} … ${fmt(max)}` : 'none';
}

const fmt = (x: number): string => String(Number(x.toPrecision(6)));

/** One line per recorder (entries of response.events), then any other keys. */
function summarize(response: unknown): string {
  const lines: string[] = [];
  const record = (response ?? {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) {
    if (key === 'events' && Array.isArray(value)) {
      value.forEach((events, i) => lines.push(`events[${i}]: ${summarizeEvents(events)}`));
    } else {
      const text = responseJson(value);
      lines.push(`${key}: ${text.length > 200 ? `${text.slice(0, 200)}…` : text}`);
    }
  }
  return lines.join('\n');
}

function summarizeEvents(events: unknown): string {
  if (!events || typeof events !== 'object') return responseJson(events);
  const fields = events as Record<string, unknown>;
  const times = fields.times instanceof Float64Array ? fields.times : new Float64Array();
  const senders = fields.senders instanceof Float64Array ? fields.senders : new Float64Array();
  const others = Object.keys(fields).filter((k) => k !== 'times' && k !== 'senders');
  const nodes = new Set(senders).size;
  const parts = [`${times.length} events from ${nodes} node${nodes === 1 ? '' : 's'}, times ${range(times)} ms`];
  for (const k of others) {
    const v = fields[k];
    if (v instanceof Float64Array) parts.push(`${k} ${range(v)}`);
  }
  if (others.length === 0 && times.length > 0 && times.length <= 10) {
    parts.push(`spikes at ${Array.from(times, fmt).join(', ')}`);
  }
  return parts.join('; ');
}

interface Options {
  file: string;
  json: boolean;
  /** seconds; 0 = no limit */
  timeout: number;
  /** null: the local engine */
  remote: { kind: BackendKind; url: string } | null;
  token: string | undefined;
}

function parseArgs(argv: string[]): Options {
  let json = false;
  let timeout = DEFAULT_TIMEOUT_S;
  let remote: Options['remote'] = null;
  let token: string | undefined;
  const files: string[] = [];
  const valueOf = (arg: string, name: string, k: number): string => (arg === name ? argv[k + 1] ?? '' : arg.slice(name.length + 1));
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k];
    if (arg === '--json') json = true;
    else if (arg === '--backend' || arg.startsWith('--backend=')) {
      const backend = valueOf(arg, '--backend', k);
      if (arg === '--backend') k++;
      const [kind, url] = [backend.slice(0, backend.indexOf('=')), backend.slice(backend.indexOf('=') + 1)];
      if (backend === 'local') remote = null;
      else if (REMOTE_KINDS.includes(kind as BackendKind) && /^https?:\/\//.test(url)) remote = { kind: kind as BackendKind, url };
      else fail(2, `--backend is local, nest-server=URL, norse-server=URL or jupyter=URL (URL: http://HOST:PORT), got ${backend || 'nothing'}\n${USAGE}`);
    } else if (arg === '--token' || arg.startsWith('--token=')) {
      token = valueOf(arg, '--token', k);
      if (arg === '--token') k++;
    }
    else if (arg === '--timeout' || arg.startsWith('--timeout=')) {
      const text = arg === '--timeout' ? argv[++k] : arg.slice('--timeout='.length);
      const seconds = Number(text);
      if (text === undefined || text.trim() === '' || !Number.isFinite(seconds) || seconds < 0) {
        fail(2, `--timeout needs a number of seconds (0 = no limit), got ${text ?? 'nothing'}\n${USAGE}`);
      }
      timeout = seconds;
    } else if (arg.startsWith('--')) fail(2, `unknown option ${arg}\n${USAGE}`);
    else files.push(arg);
  }
  if (files.length !== 1) fail(2, USAGE);
  return { file: files[0], json, timeout, remote, token };
}

/**
 * Presses Stop after `seconds`. The runtime runs Python on this thread, synchronously, so no
 * timer here could fire meanwhile; a worker thread sleeps instead and then writes SIGINT into
 * the runtime's interrupt buffer, exactly as the browser's Stop button does. If the program
 * catches the KeyboardInterrupt and carries on, it presses again every second.
 */
class Watchdog {
  /** [0]: 1 once the run is over (wakes the worker); [1]: 1 once Stop was pressed. */
  private readonly cells = new Int32Array(new SharedArrayBuffer(8));
  private readonly worker: Worker;

  constructor(interrupt: SharedArrayBuffer, seconds: number) {
    this.worker = new Worker(
      `const { workerData } = require('node:worker_threads');
       const { cells, interrupt, deadline, signal } = workerData;
       const flag = new Uint8Array(interrupt);
       let wait = deadline - Date.now();
       while (Atomics.load(cells, 0) === 0) {
         if (wait > 0 && Atomics.wait(cells, 0, 0, wait) !== 'timed-out') continue;
         if (Atomics.load(cells, 0) !== 0) break;
         Atomics.store(cells, 1, 1);
         Atomics.store(flag, 0, signal);
         wait = 1000;
       }`,
      {
        eval: true,
        workerData: { cells: this.cells, interrupt, deadline: Date.now() + seconds * 1000, signal: SIGINT },
      },
    );
    this.worker.unref(); // never keeps the process alive by itself
  }

  get fired(): boolean {
    return Atomics.load(this.cells, 1) === 1;
  }

  /** The run is over: let the worker end. */
  done(): void {
    Atomics.store(this.cells, 0, 1);
    Atomics.notify(this.cells, 0);
  }
}

async function runOnServer(backend: Backend, code: string): Promise<RunResult> {
  try {
    const result = await backend.run(code);
    return result.ok ? { ...result, response: typedEvents(result.response) } : result;
  } catch (error) {
    if (error instanceof ServerError) await failAfter(backend, error.problem === 'timeout' ? TIMED_OUT : 3, error.message);
    throw error;
  }
}

/** Lets the backend go (a Jupyter kernel is shut down), then exits. */
async function failAfter(backend: Backend, status: number, message: string): Promise<never> {
  await backend.dispose().catch(() => {});
  fail(status, message);
}

/**
 * @jupyterlab/services talks on the console ("Starting WebSocket: …", "Connection lost …"):
 * with --json stdout must carry the JSON only, so its chatter goes to stderr, and its debug lines
 * nowhere.
 */
function consoleToStderr(): void {
  console.debug = () => {};
  console.log = console.info = (...args: unknown[]) => console.error(...args);
}

async function main(argv: string[]): Promise<void> {
  const { file, json, timeout, remote, token } = parseArgs(argv);
  let code: string;
  try {
    code = readFileSync(file, 'utf8');
  } catch (error) {
    fail(2, `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  if (remote !== null) {
    consoleToStderr();
    const backend = createBackend({ ...remote, token: token ?? '' }, { timeoutMs: timeout > 0 ? timeout * 1000 : 24 * 3600 * 1000 });
    // Ctrl-C: shut the kernel down before leaving
    process.once('SIGINT', () => void failAfter(backend, 130, `${file}: interrupted`));
    const result = await runOnServer(backend, code);
    await backend.dispose();
    const out = json ? process.stderr : process.stdout;
    if (result.stdout) out.write(result.stdout);
    if (!result.ok) fail(1, describeError(file, result.error));
    const text = json ? `${responseJson(result.response)}\n` : `${summarize(result.response)}\nran on ${REMOTE_NAMES[remote.kind]} ${remote.url} in ${result.timings.totalMs.toFixed(1)} ms\n`;
    // the WebSocket library may keep the event loop alive a while: leave once the text is out
    process.stdout.write(text, () => process.exit(0));
    return;
  }

  const interrupt = new SharedArrayBuffer(1);
  const runtime = await loadNodeRuntime({ interruptBuffer: interrupt });
  // Only the program's own run counts towards the limit, not loading Pyodide.
  const watchdog = timeout > 0 ? new Watchdog(interrupt, timeout) : null;
  const result = runtime.run(code, { filename: basename(file) });
  watchdog?.done();
  // With --json stdout carries only the response; the program's own prints go to stderr.
  const out = json ? process.stderr : process.stdout;
  if (result.stdout) out.write(result.stdout);
  if (watchdog?.fired) fail(TIMED_OUT, `${file}: stopped after ${timeout} s (--timeout)`);
  if (!result.ok) fail(1, describeError(file, result.error));
  if (json) {
    process.stdout.write(`${responseJson(result.response)}\n`);
    return;
  }
  process.stdout.write(`${summarize(result.response)}\n`);
  process.stdout.write(
    `ran in ${result.timings.pythonMs.toFixed(1)} ms (Pyodide ${runtime.pyodideVersion}, NEST facade ${runtime.nestVersion}, loaded in ${runtime.loadMs.toFixed(0)} ms)\n`,
  );
}

main(process.argv.slice(2)).catch((error) => fail(1, `sim: ${error instanceof Error ? error.stack : String(error)}`));
