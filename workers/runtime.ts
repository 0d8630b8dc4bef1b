/**
 * Loads Pyodide, plugs the TypeScript kernel in as a JS module, installs the Python `nest`
 * facade and runs learner programs. Used unchanged by the browser worker (workers/sim.worker.ts)
 * and by Node (src/cli/node-runtime.ts): only how Pyodide and the .py files are found differs.
 */
import type { PyodideAPI } from 'pyodide';
import type { PyProxy } from 'pyodide/ffi';
import type { Kernel } from './engine/nest/api';
import type { NorseKernel } from './engine/norse/kernel';
import type { RunError, RunResult } from './api';

/** Pyodide's own signal number for Ctrl-C; writing it into the interrupt buffer stops Python. */
export const SIGINT = 2;

export interface RuntimeOptions {
  /** pyodide's loadPyodide (from 'pyodide', or the browser's /pyodide/pyodide.mjs). */
  loadPyodide: (config: { indexURL?: string }) => Promise<PyodideAPI>;
  /** Where Pyodide's wasm, stdlib and lock file live. Node finds them itself. */
  indexURL?: string;
  /** The facade's Python files by path; everything up to 'python/' is dropped, so
   * 'workers/python/nest/__init__.py' and './python/nest/__init__.py' both install 'nest/__init__.py'. */
  facadeFiles: Record<string, string>;
  kernel: Kernel;
  /** The kernel behind the local `torch` and `norse` modules. Without one, `import torch` fails
   * with a clear error and only NEST programs run. */
  norseKernel?: NorseKernel;
  /** Shared with whoever presses Stop (byte 0 = SIGINT). Without one, Stop is not possible. */
  interruptBuffer?: SharedArrayBuffer;
}

/** The folder inside Pyodide's file system that holds the facade (put first on sys.path). */
const FACADE_DIR = '/home/pyodide/spikeblocks';

interface PythonRunOutcome {
  ok: boolean;
  response?: unknown;
  error?: RunError;
  stdout: string;
  pythonMs: number;
}

export class SimRuntime {
  private constructor(
    private readonly pyodide: PyodideAPI,
    private readonly runProgram: PyProxy & ((code: string, filename?: string) => PythonRunOutcome),
    private readonly interrupt: Uint8Array | null,
    /** Time from the start of loading until the facade was importable. */
    readonly loadMs: number,
    readonly nestVersion: string,
  ) {}

  static async create(options: RuntimeOptions): Promise<SimRuntime> {
    const started = performance.now();
    const pyodide = await options.loadPyodide(options.indexURL ? { indexURL: options.indexURL } : {});
    const interrupt = options.interruptBuffer ? new Uint8Array(options.interruptBuffer) : null;
    if (interrupt) pyodide.setInterruptBuffer(interrupt);

    pyodide.registerJsModule('_spikeblocks_host', {
      kernel: options.kernel,
      // The kernel polls this during Simulate. It consumes the signal (resets the byte) because
      // the kernel throws on its own; otherwise Python would raise a second KeyboardInterrupt
      // later, possibly outside the program's try/except.
      shouldStop: () => {
        if (interrupt && interrupt[0] === SIGINT) {
          interrupt[0] = 0;
          return true;
        }
        return false;
      },
    });

    // A JS module of its own, so the Norse plugin stays independent of NEST's host module.
    if (options.norseKernel) pyodide.registerJsModule('_spikeblocks_norse', { kernel: options.norseKernel });

    const files = Object.entries(options.facadeFiles);
    if (!files.some(([path]) => facadePath(path) === 'nest/__init__.py')) {
      throw new Error('facade files must include nest/__init__.py');
    }
    for (const [path, source] of files) {
      const target = `${FACADE_DIR}/${facadePath(path)}`;
      pyodide.FS.mkdirTree(target.slice(0, target.lastIndexOf('/')));
      pyodide.FS.writeFile(target, source);
    }
    pyodide.runPython(
      `import sys\nif ${JSON.stringify(FACADE_DIR)} not in sys.path: sys.path.insert(0, ${JSON.stringify(FACADE_DIR)})\n` +
        'import nest, spikeblocks_runner' +
        // Imported now so the first Norse program does not pay for it.
        (options.norseKernel ? '\nimport torch, norse.torch' : ''),
    );
    const runProgram = pyodide.runPython('spikeblocks_runner.run_program') as SimRuntime['runProgram'];
    const nestVersion = String(pyodide.runPython('nest.__version__'));
    return new SimRuntime(pyodide, runProgram, interrupt, performance.now() - started, nestVersion);
  }

  /** Run one program in fresh globals. Never throws: every failure becomes a RunError.
   * `filename` is the name tracebacks give the program (default 'program.py', the browser's). */
  run(code: string, options: { filename?: string } = {}): RunResult {
    const started = performance.now();
    let outcome: PythonRunOutcome;
    try {
      outcome = options.filename ? this.runProgram(code, options.filename) : this.runProgram(code);
    } catch (error) {
      // Only reachable when a Stop lands outside the program's own try/except
      // (e.g. while the response is converted): report it like any other Stop.
      const stopped = String(error).includes('KeyboardInterrupt');
      outcome = {
        ok: false,
        error: {
          type: stopped ? 'KeyboardInterrupt' : 'InternalError',
          message: stopped ? 'Stopped' : String(error),
          line: null,
          traceback: '',
        },
        stdout: '',
        pythonMs: performance.now() - started,
      };
    } finally {
      // A Stop that came after the program ended must not hit the next run.
      if (this.interrupt) this.interrupt[0] = 0;
    }
    const timings = { totalMs: performance.now() - started, pythonMs: outcome.pythonMs };
    if (outcome.ok) return { ok: true, response: outcome.response, stdout: outcome.stdout, timings };
    return { ok: false, error: outcome.error as RunError, stdout: outcome.stdout, timings };
  }

  get pyodideVersion(): string {
    return this.pyodide.version;
  }
}

/**
 * Prepares a value to be posted with its typed arrays transferred (moved, not copied). A buffer is
 * transferred when the value's views of it cover it exactly, each byte once: a whole recorder
 * array, or the rows of one Norse tensor's .tolist() (views of the one copy made for it). Any
 * other view (part of a buffer, or overlapping another) is copied first: transferring would
 * otherwise move (and detach) memory that is not the response's alone.
 */
export function forTransfer<T>(value: T): { value: T; transfer: ArrayBuffer[] } {
  const viewsOf = new Map<ArrayBuffer, ArrayBufferView[]>();
  const collect = (v: unknown): void => {
    if (ArrayBuffer.isView(v)) {
      if (v.buffer instanceof ArrayBuffer) {
        const list = viewsOf.get(v.buffer);
        if (list) list.push(v);
        else viewsOf.set(v.buffer, [v]);
      }
    } else if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === 'object') Object.values(v).forEach(collect);
  };
  collect(value);
  const owned = new Set<ArrayBuffer>();
  for (const [buffer, views] of viewsOf) if (coversExactly(buffer, views)) owned.add(buffer);
  const visit = (v: unknown): unknown => {
    if (ArrayBuffer.isView(v)) {
      if (v.buffer instanceof ArrayBuffer && owned.has(v.buffer)) return v;
      const copy = (v as Float64Array).slice();
      owned.add(copy.buffer as ArrayBuffer);
      return copy;
    }
    if (Array.isArray(v)) return v.map(visit);
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, visit(x)]));
    }
    return v;
  };
  const prepared = visit(value) as T;
  return { value: prepared, transfer: [...owned] };
}

/** Whether `views` tile `buffer` from its first byte to its last, without gaps or overlaps. */
function coversExactly(buffer: ArrayBuffer, views: ArrayBufferView[]): boolean {
  if (buffer.byteLength === 0) return false;
  const sorted = views.length === 1 ? views : [...views].sort((a, b) => a.byteOffset - b.byteOffset);
  let end = 0;
  for (const view of sorted) {
    if (view.byteOffset !== end) return false;
    end += view.byteLength;
  }
  return end === buffer.byteLength;
}

function facadePath(path: string): string {
  const marker = path.lastIndexOf('python/');
  return marker >= 0 ? path.slice(marker + 'python/'.length) : path.replace(/^\.?\//, '');
}
