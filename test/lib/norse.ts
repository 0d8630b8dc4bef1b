// Run Norse programs on the real Norse 1.1 / PyTorch 2.15 (CPU) in the project's venv (installed by
// test/python/setup-venv.sh from test/python/requirements-norse.txt) and on the local Norse runtime
// (`npm run sim`), and compare their float32 results bit for bit.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { runLocalSim, venvPython } from './python';

const run = promisify(execFile);
const REPO_ROOT = resolve(import.meta.dirname, '../..');

export interface NorseRun {
  file: string;
  /** the program's `response`, as JSON */
  response: unknown;
  /** wall time of each run of the program (the response is the last run's), seconds */
  run_s: number[];
  /** torch.get_num_threads() while it ran */
  threads: number;
  /** torch.__version__, e.g. "2.15.0+cu132" */
  torch: string;
}

export interface RealNorseOptions {
  /** torch.set_num_threads before the first program; torch's own default when not given */
  threads?: number;
  /** run every program this many times (benchmarks); default 1 */
  repeat?: number;
  timeoutMs?: number;
}

/**
 * Runs Python files unmodified on the venv's real Norse, all in one Python process (importing
 * torch takes 2.5-9 s), through test/python/run_norse.py.
 */
export async function runOnRealNorse(files: string[], options: RealNorseOptions = {}): Promise<NorseRun[]> {
  const driver = resolve(REPO_ROOT, 'test/python/run_norse.py');
  const args = [driver, ...(options.threads ? ['--threads', String(options.threads)] : []), '--repeat', String(options.repeat ?? 1), ...files];
  // OMP_NUM_THREADS is left out on purpose: it is torch's default thread count, and a benchmark
  // measures that default too. --threads sets it explicitly where it matters.
  const env: NodeJS.ProcessEnv = { ...process.env, PYTHONUNBUFFERED: '1' };
  delete env.OMP_NUM_THREADS;
  const { stdout } = await run(venvPython(), args, { cwd: REPO_ROOT, timeout: options.timeoutMs ?? 300_000, maxBuffer: 512 * 1024 * 1024, env });
  const runs = stdout
    .split('\n')
    .filter((line) => line.startsWith('RESPONSE '))
    .map((line) => JSON.parse(line.slice('RESPONSE '.length)) as NorseRun);
  if (runs.length !== files.length) {
    throw new Error(`expected ${files.length} responses from Norse, got ${runs.length}:\n${stdout.slice(-2000)}`);
  }
  return runs;
}

/** A temporary folder with the given programs written into it as NAME.py; remove() deletes it. */
export function writePrograms(programs: Record<string, string>): { dir: string; files: Record<string, string>; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'spikeblocks-norse-'));
  const files: Record<string, string> = {};
  for (const [name, code] of Object.entries(programs)) {
    files[name] = join(dir, `${name}.py`);
    writeFileSync(files[name], code);
  }
  return { dir, files, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs named program texts on real Norse; the responses by name. */
export async function realNorseResponses(programs: Record<string, string>, options: RealNorseOptions = {}): Promise<Record<string, unknown>> {
  const written = writePrograms(programs);
  try {
    const names = Object.keys(programs);
    const runs = await runOnRealNorse(names.map((n) => written.files[n]), options);
    return Object.fromEntries(names.map((n, k) => [n, runs[k].response]));
  } finally {
    written.remove();
  }
}

/** Runs a program text on the local runtime in Node (`npm run -s sim -- FILE --json`); its response. */
export async function localResponse(code: string, timeoutMs = 300_000): Promise<unknown> {
  const written = writePrograms({ program: code });
  try {
    const { stdout } = await runLocalSim(written.files.program, ['--timeout', '0'], timeoutMs);
    return JSON.parse(stdout);
  } finally {
    written.remove();
  }
}

/** The local Norse runtime's Python facades; until both exist the local side cannot run Norse code. */
export const LOCAL_NORSE_FACADES = ['workers/python/torch/__init__.py', 'workers/python/norse/__init__.py'];

/** null when the local Norse runtime is there, else why not (for t.skip). */
export function localNorseMissing(): string | null {
  const missing = LOCAL_NORSE_FACADES.filter((f) => !existsSync(resolve(REPO_ROOT, f)));
  return missing.length ? `the local Norse runtime is not built yet (missing ${missing.join(', ')})` : null;
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** The float32 bit pattern of x, as 8 hex digits (x rounded to float32 first). */
export function float32Hex(x: number): string {
  f32[0] = x;
  return u32[0].toString(16).padStart(8, '0');
}

/**
 * Where two JSON values differ. Numbers must be the same double, which for float32 results (JSON
 * carries the double equal to each float32) means the same float32 bit pattern; messages show the
 * float32 bits, and say so when a value is not a float32 at all (a double computed without
 * rounding every step). +0 and −0 count as equal: the local side's JSON (JSON.stringify) writes
 * −0 as 0. Keys, lengths and non-numbers must match exactly. At most `limit` differences are listed.
 */
export function float32Mismatches(expected: unknown, actual: unknown, path = '', limit = 10): string[] {
  const out: string[] = [];
  const walk = (e: unknown, a: unknown, at: string): void => {
    if (out.length >= limit) return;
    if (typeof e === 'number' && typeof a === 'number') {
      if (e === a) return; // also +0 === −0
      if (Math.fround(a) !== a && Math.fround(e) === e) out.push(`${at}: ${a} is not a float32 (expected ${e}, ${float32Hex(e)})`);
      else out.push(`${at}: ${a} (f32 ${float32Hex(a)}) ≠ ${e} (f32 ${float32Hex(e)})`);
      return;
    }
    if (Array.isArray(e) && Array.isArray(a)) {
      if (e.length !== a.length) {
        out.push(`${at}: length ${a.length} ≠ ${e.length}`);
        return;
      }
      e.forEach((x, k) => walk(x, a[k], `${at}[${k}]`));
      return;
    }
    if (e && a && typeof e === 'object' && typeof a === 'object' && !Array.isArray(e) && !Array.isArray(a)) {
      const ek = Object.keys(e).sort();
      const ak = Object.keys(a).sort();
      if (ek.join() !== ak.join()) {
        out.push(`${at}: keys ${ak.join(',')} ≠ ${ek.join(',')}`);
        return;
      }
      for (const k of ek) walk((e as Record<string, unknown>)[k], (a as Record<string, unknown>)[k], `${at}.${k}`);
      return;
    }
    if (e !== a) out.push(`${at}: ${JSON.stringify(a)} ≠ ${JSON.stringify(e)}`);
  };
  walk(expected, actual, path || 'response');
  return out;
}

/** Per-neuron sums over time of a (T, N) list of lists: e.g. spike counts per neuron. */
export function columnSums(rows: number[][]): number[] {
  const sums = new Array<number>(rows[0]?.length ?? 0).fill(0);
  for (const row of rows) row.forEach((x, n) => (sums[n] += x));
  return sums;
}

/** The head of every generated Norse program (contract: docs/norse-subset.md layout). */
export function programHead(seed: number, dt = 0.001): string {
  return `import torch
import norse.torch as norse

torch.manual_seed(${seed})
dt = ${dt}  # seconds per step
`;
}

/** LIFParameters with every field written out, Norse's defaults unless changed, as the generator writes it. */
export function lifParameters(changes: Partial<Record<'tau_syn_inv' | 'tau_mem_inv' | 'v_leak' | 'v_th' | 'v_reset' | 'alpha', number>> = {}): string {
  const p = { tau_syn_inv: 200.0, tau_mem_inv: 100.0, v_leak: 0.0, v_th: 1.0, v_reset: 0.0, alpha: 100.0, ...changes };
  const t = (x: number) => `torch.tensor(${Number.isInteger(x) ? x.toFixed(1) : x})`;
  return `norse.LIFParameters(tau_syn_inv=${t(p.tau_syn_inv)}, tau_mem_inv=${t(p.tau_mem_inv)}, v_leak=${t(p.v_leak)}, v_th=${t(p.v_th)}, v_reset=${t(p.v_reset)}, method="super", alpha=${t(p.alpha)})`;
}

/**
 * Norse's LIF feed-forward step done by hand (norse.md: forward Euler in Norse's order, every
 * operation rounded to float32), from v = i = 0 with a constant input x: the exact float32 values
 * R1 must have. The printed digits of cases.md are checked against real Norse separately.
 */
export function lifByHand(steps: number, x: number): { v: number[]; i: number[]; z: number[] } {
  const f = Math.fround;
  const memory = f(0.1); // dt·tau_mem_inv = 0.001·100, as float32
  const synapse = f(-0.2); // −dt·tau_syn_inv
  let v = 0;
  let i = 0;
  const out = { v: [] as number[], i: [] as number[], z: [] as number[] };
  for (let t = 0; t < steps; t++) {
    const iJump = f(i + x);
    const vDecayed = f(v + f(memory * f(f(0 - v) + iJump)));
    i = f(iJump + f(synapse * iJump));
    const z = f(vDecayed - 1) > 0 ? 1 : 0;
    v = f(f((1 - z) * vDecayed) + f(z * 0));
    out.v.push(v);
    out.i.push(i);
    out.z.push(z);
  }
  return out;
}
