/**
 * The simulation runtime in Node (command-line runner and Node tests): same SimRuntime as the
 * browser worker, with Pyodide loaded from node_modules and the facade read from disk.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPyodide } from 'pyodide';
import { NestKernel } from '../../workers/engine/nest/kernel';
import type { Kernel } from '../../workers/engine/nest/api';
import { NorseKernel } from '../../workers/engine/norse/kernel';
import { SimRuntime } from '../../workers/runtime';

const PYTHON_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../workers/python');

/** workers/python/**.py as {'nest/__init__.py': source, ...}. */
export function readFacadeFiles(root = PYTHON_DIR): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== '__pycache__') walk(path);
      } else if (name.endsWith('.py')) {
        files[relative(root, path).split('\\').join('/')] = readFileSync(path, 'utf8');
      }
    }
  };
  walk(root);
  return files;
}

export async function loadNodeRuntime(
  options: { kernel?: Kernel; norseKernel?: NorseKernel; interruptBuffer?: SharedArrayBuffer } = {},
): Promise<SimRuntime> {
  return SimRuntime.create({
    loadPyodide: (config) => loadPyodide(config),
    facadeFiles: readFacadeFiles(),
    kernel: options.kernel ?? new NestKernel(),
    norseKernel: options.norseKernel ?? new NorseKernel(),
    interruptBuffer: options.interruptBuffer,
  });
}
