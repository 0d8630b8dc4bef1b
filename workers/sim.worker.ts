/**
 * The simulation web worker (a module worker). Loads Pyodide and the `nest` facade once in
 * init(), then runs programs. Stop does not go through here: the main thread writes into the
 * shared interrupt buffer while this worker is busy running.
 */
import * as Comlink from 'comlink';
import { loadPyodide } from 'pyodide';
import { NestKernel } from './engine/nest/kernel';
import { NorseKernel } from './engine/norse/kernel';
import { SimRuntime, forTransfer } from './runtime';
import type { RunResult, SimWorkerApi } from './api';

/** Pyodide's files, served by vite (vite.config.ts) under their own names. */
const PYODIDE_URL = '/pyodide/';

// The facade's Python sources, bundled as text.
const facadeFiles = import.meta.glob('./python/**/*.py', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

let runtime: SimRuntime | null = null;

const api: SimWorkerApi = {
  async init(interruptBuffer: SharedArrayBuffer | null) {
    if (!runtime) {
      runtime = await SimRuntime.create({
        loadPyodide,
        indexURL: PYODIDE_URL,
        facadeFiles,
        kernel: new NestKernel(),
        norseKernel: new NorseKernel(),
        interruptBuffer: interruptBuffer ?? undefined,
      });
    }
    return { ms: runtime.loadMs, nestVersion: runtime.nestVersion };
  },

  async run(code: string): Promise<RunResult> {
    if (!runtime) throw new Error('the simulation worker is not initialised: call init() first');
    const result = runtime.run(code);
    if (!result.ok) return result;
    // Recorder arrays move to the main thread instead of being copied.
    const { value, transfer } = forTransfer(result.response);
    return Comlink.transfer({ ...result, response: value }, transfer);
  },
};

Comlink.expose(api);
