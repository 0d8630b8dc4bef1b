// The parity suite's shared pieces (test/parity/README.md): finding the programs, reading their
// header and fixture, setting a stochastic program's seed, and comparing a local response with
// what real NEST answered. Mirrors test/parity/make_fixtures.py, which writes the fixtures.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { mean, variance, welchTTest } from './stats';

export const PARITY_DIR = resolve(import.meta.dirname, '../parity');
export const PROGRAMS_DIR = join(PARITY_DIR, 'programs');
export const FIXTURES_DIR = join(PARITY_DIR, 'fixtures');

export type Compare =
  | { mode: 'values'; rtol: number; atol?: number }
  | { mode: 'stats'; seeds: number };

export interface ParityProgram {
  name: string;
  path: string;
  source: string;
  /** The `# parity:` line: what the program shows. */
  parity: string;
  compare: Compare;
}

export interface Fixture {
  program: string;
  parity: string;
  sha256: string;
  compare: Compare;
  nest_version: string;
  /** values programs: NEST's response. */
  values?: unknown;
  /** stats programs: each statistic's value per seed, in the order of `seeds`. */
  stats?: { seeds: number[]; samples: Record<string, number[]> };
}

/** Every program in test/parity/programs, by name (file name without .py). */
export function programNames(): string[] {
  return readdirSync(PROGRAMS_DIR)
    .filter((f) => f.endsWith('.py'))
    .map((f) => f.slice(0, -3))
    .sort();
}

/** Reads a program and its header; throws with the program's name on a malformed header. */
export function readProgram(name: string): ParityProgram {
  const path = join(PROGRAMS_DIR, `${name}.py`);
  const source = readFileSync(path, 'utf8');
  let parity: string | undefined;
  let compare: Compare | undefined;
  for (const line of source.split('\n')) {
    const stripped = line.trim();
    if (!stripped) continue;
    if (!stripped.startsWith('#')) break; // the header is the comment block at the top
    const body = stripped.replace(/^#+/, '').trim();
    if (body.startsWith('parity:')) parity = body.slice('parity:'.length).trim();
    else if (body.startsWith('compare:')) compare = parseCompare(body.slice('compare:'.length).trim(), name);
  }
  if (!parity) throw new Error(`${name}: no '# parity: ...' line at the top`);
  if (!compare) throw new Error(`${name}: no '# compare: ...' line at the top`);
  return { name, path, source, parity, compare };
}

function parseCompare(text: string, name: string): Compare {
  const [mode, ...rest] = text.split(/\s+/);
  const options: Record<string, number> = {};
  for (const word of rest) {
    const [key, value] = word.split('=');
    if (value === undefined || !Number.isFinite(Number(value))) throw new Error(`${name}: bad compare option ${word}`);
    options[key] = Number(value);
  }
  if (mode === 'values' && options.rtol !== undefined) {
    return options.atol === undefined ? { mode, rtol: options.rtol } : { mode, rtol: options.rtol, atol: options.atol };
  }
  if (mode === 'stats' && options.seeds >= 2) return { mode, seeds: options.seeds };
  throw new Error(`${name}: compare must be 'values rtol=...' or 'stats seeds=N', got '${text}'`);
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function readFixture(name: string): Fixture | null {
  const path = join(FIXTURES_DIR, `${name}.json`);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Fixture) : null;
}

const SEED_LINE = /^SEED\s*=\s*\d+[ \t]*$/gm;

/** The program with its one `SEED = ...` line set to `seed` (as make_fixtures.py does). */
export function withSeed(source: string, seed: number, name = 'program'): string {
  const count = source.match(SEED_LINE)?.length ?? 0;
  if (count !== 1) throw new Error(`${name}: a stats program needs exactly one line 'SEED = 1'`);
  return source.replace(SEED_LINE, `SEED = ${seed}`);
}

/** Typed arrays → plain arrays, so a local response has the shape of NEST's JSON. */
export function plainResponse(value: unknown): unknown {
  if (ArrayBuffer.isView(value)) return Array.from(value as Float64Array);
  if (Array.isArray(value)) return value.map(plainResponse);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainResponse(v)]));
  }
  return value;
}

const NON_FINITE = new Set(['Infinity', '-Infinity', 'NaN']);

export interface Mismatch {
  path: string;
  local: unknown;
  nest: unknown;
  why: string;
}

/**
 * Every place where `local` differs from `nest`: dict keys (as sets: key order is not part of a
 * response), list lengths, types, strings and booleans exactly, numbers within
 * |local − nest| ≤ atol + rtol·|nest| (the numpy.isclose rule). JSON has no inf/nan: fixtures hold
 * them as the strings "Infinity", "-Infinity", "NaN", which match the same local number.
 */
export function compareValues(local: unknown, nest: unknown, rtol: number, atol = 0, path = 'response'): Mismatch[] {
  const out: Mismatch[] = [];
  const visit = (a: unknown, b: unknown, where: string): void => {
    if (typeof b === 'number') {
      if (typeof a !== 'number') {
        out.push({ path: where, local: a, nest: b, why: 'not a number' });
      } else if (!(Math.abs(a - b) <= atol + rtol * Math.abs(b))) {
        out.push({ path: where, local: a, nest: b, why: `differs by ${Math.abs(a - b).toPrecision(3)}` });
      }
      return;
    }
    if (Array.isArray(b)) {
      if (!Array.isArray(a)) {
        out.push({ path: where, local: summary(a), nest: summary(b), why: 'not a list' });
        return;
      }
      if (a.length !== b.length) {
        out.push({ path: where, local: summary(a), nest: summary(b), why: `length ${a.length} vs ${b.length}` });
        return;
      }
      b.forEach((x, i) => visit(a[i], x, `${where}[${i}]`));
      return;
    }
    if (b && typeof b === 'object') {
      if (!a || typeof a !== 'object' || Array.isArray(a)) {
        out.push({ path: where, local: summary(a), nest: '{…}', why: 'not a dict' });
        return;
      }
      const aKeys = Object.keys(a).sort();
      const bKeys = Object.keys(b).sort();
      if (aKeys.join('\0') !== bKeys.join('\0')) {
        out.push({ path: where, local: aKeys, nest: bKeys, why: 'different keys' });
        return;
      }
      for (const k of bKeys) visit((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${where}.${k}`);
      return;
    }
    if (typeof a === 'number' && typeof b === 'string' && NON_FINITE.has(b)) {
      if (String(a) !== b) out.push({ path: where, local: a, nest: b, why: 'differs' });
      return;
    }
    if (a !== b) out.push({ path: where, local: a, nest: b, why: 'differs' });
  };
  visit(local, nest, path);
  return out;
}

function summary(value: unknown): string {
  if (Array.isArray(value)) {
    const head = value.slice(0, 5).map((v) => JSON.stringify(v)).join(', ');
    return `[${head}${value.length > 5 ? ', …' : ''}] (${value.length} items)`;
  }
  return JSON.stringify(value) ?? String(value);
}

/** The first `limit` mismatches, one line each, and how many more there are. */
export function describeMismatches(mismatches: Mismatch[], limit = 8): string {
  const lines = mismatches
    .slice(0, limit)
    .map((m) => `  ${m.path}: local ${fmt(m.local)}, NEST ${fmt(m.nest)} (${m.why})`);
  if (mismatches.length > limit) lines.push(`  … and ${mismatches.length - limit} more`);
  return lines.join('\n');
}

const fmt = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

export interface StatVerdict {
  statistic: string;
  localMean: number;
  nestMean: number;
  localSd: number;
  nestSd: number;
  /** Welch's two-sided p-value; 1 when both samples are constant and equal, 0 when constant and unequal. */
  p: number;
}

/**
 * Per statistic, Welch's t-test of equal means between the local and NEST samples (one value per
 * seed on each side). Samples that are constant (to rounding: sd ≤ 1e-12·|mean|, e.g. a value
 * computed without randomness) cannot be t-tested — a one-ulp difference would look infinitely
 * significant — so two constant samples pass (p = 1) when their means agree to 1e-9 relative,
 * and fail (p = 0) otherwise.
 */
export function compareStats(local: Record<string, number[]>, nest: Record<string, number[]>): StatVerdict[] {
  const constant = (xs: number[]): boolean => Math.sqrt(variance(xs)) <= 1e-12 * Math.max(1, Math.abs(mean(xs)));
  return Object.keys(nest).map((statistic) => {
    const a = local[statistic];
    const b = nest[statistic];
    const localMean = mean(a);
    const nestMean = mean(b);
    let p: number;
    if (constant(a) && constant(b)) {
      p = Math.abs(localMean - nestMean) <= 1e-9 * Math.max(1, Math.abs(nestMean)) ? 1 : 0;
    } else {
      p = welchTTest(a, b).p;
    }
    return { statistic, localMean, nestMean, localSd: Math.sqrt(variance(a)), nestSd: Math.sqrt(variance(b)), p };
  });
}
