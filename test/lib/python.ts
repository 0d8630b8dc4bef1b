// Run Python programs on real NEST 3.10 from the project's venv (made by test/python/setup-venv.sh)
// and on the local engine through the command-line runner (`npm run sim`, src/cli/sim.ts).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const REPO_ROOT = resolve(import.meta.dirname, '../..');

/** Path of the venv's python, or throws a message saying how to create the venv. */
export function venvPython(): string {
  const python = process.env.SPIKEBLOCKS_VENV
    ? resolve(process.env.SPIKEBLOCKS_VENV, 'bin/python')
    : resolve(REPO_ROOT, '.venv/bin/python');
  if (!existsSync(python)) {
    throw new Error(`${python} missing: run "bash test/python/setup-venv.sh" first`);
  }
  return python;
}

export interface ProcessOutput {
  stdout: string;
  stderr: string;
}

/** Run a Python file with the venv's python. NEST prints its banner to stdout: see lastJsonLine. */
export async function runVenvPython(file: string, args: string[] = [], timeoutMs = 300_000): Promise<ProcessOutput> {
  return run(venvPython(), [file, ...args], {
    cwd: REPO_ROOT,
    timeout: timeoutMs,
    maxBuffer: 256 * 1024 * 1024,
    // One thread: NEST's timings (benchmarks) and results must not depend on the core count.
    env: { ...process.env, OMP_NUM_THREADS: '1', PYTHONUNBUFFERED: '1' },
  });
}

/** Run a Python file on the local engine: `tsx src/cli/sim.ts FILE --json`. */
export async function runLocalSim(file: string, args: string[] = [], timeoutMs = 300_000): Promise<ProcessOutput> {
  const tsx = resolve(REPO_ROOT, 'node_modules/.bin/tsx');
  return run(tsx, [resolve(REPO_ROOT, 'src/cli/sim.ts'), file, '--json', ...args], {
    cwd: REPO_ROOT,
    timeout: timeoutMs,
    maxBuffer: 256 * 1024 * 1024,
  });
}

/**
 * The last line of `text` that parses as JSON. Programs print their result as one JSON line at
 * the end; anything before it (NEST's banner, log lines) is ignored.
 */
export function lastJsonLine(text: string): unknown {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i];
    if (!line.startsWith('{') && !line.startsWith('[')) continue;
    try {
      return JSON.parse(line);
    } catch {
      // not JSON after all: keep looking upwards
    }
  }
  throw new Error(`no JSON line in output:\n${text.slice(-2000)}`);
}

export interface NestRun {
  file: string;
  response: unknown;
  /** wall time inside nest.Simulate, seconds */
  simulate_s: number;
}

/**
 * Run PyNEST programs unmodified on the venv's real NEST, all in one Python process (NEST's
 * import takes most of a second), through test/lib/nest_response.py.
 */
export async function runOnRealNest(files: string[], timeoutMs = 300_000): Promise<NestRun[]> {
  const driver = resolve(REPO_ROOT, 'test/lib/nest_response.py');
  const { stdout } = await runVenvPython(driver, files, timeoutMs);
  const runs = stdout
    .split('\n')
    .filter((line) => line.startsWith('RESPONSE '))
    .map((line) => JSON.parse(line.slice('RESPONSE '.length)) as NestRun);
  if (runs.length !== files.length) {
    throw new Error(`expected ${files.length} responses from NEST, got ${runs.length}:\n${stdout.slice(-2000)}`);
  }
  return runs;
}
