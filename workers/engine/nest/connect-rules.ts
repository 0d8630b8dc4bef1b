/**
 * Connection rules: each turns (pre, post, conn_spec) into a list of (pre index, post index,
 * parameter index) triples. The parameter index picks a connection's weight/delay out of an array
 * given in syn_spec (PyNEST's shapes). New rules (fixed_indegree, pairwise_bernoulli, ...) are
 * added to CONNECTION_RULES; the kernel needs no other change.
 */
import { NestError, type ConnSpec } from './api';
import { cppTypeOf } from './models';

export interface RuleContext {
  pre: ArrayLike<number>;
  post: ArrayLike<number>;
  spec: ConnSpec;
  /** Uniform random number in [0, 1), from the kernel's seeded stream. */
  uniform: () => number;
  /** Call for every connection made. */
  emit: (preIndex: number, postIndex: number, paramIndex: number) => void;
}

export interface ConnectionRule {
  /** How many weights/delays an array in syn_spec must hold, or null if arrays are not allowed. */
  arrayLength(pre: number, post: number, spec: ConnSpec): number | null;
  /** PyNEST's ValueError text for a wrongly sized array (TypeError text when arrays are not allowed). */
  arrayShapeError(key: string, pre: number, post: number, spec: ConnSpec): string;
  connect(ctx: RuleContext): void;
}

function autapsesAllowed(spec: ConnSpec): boolean {
  return spec.allow_autapses !== false;
}

function multapsesAllowed(spec: ConnSpec): boolean {
  return spec.allow_multapses !== false;
}


/** A rule's parameter as NEST reads it from conn_spec: missing → IndexError (NEST's C++ map
 * lookup fails with 'map::at'), wrong type → TypeMismatch with NEST's text. */
function readInteger(spec: ConnSpec, key: string): number {
  if (!(key in spec)) throw new NestError('IndexError', 'map::at');
  const v = spec[key];
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    throw new NestError('TypeMismatch', `Expected datatype: Failed to cast '${key}' from ${cppTypeOf(v)} to type long`);
  }
  return v;
}

function readProbability(spec: ConnSpec, key: string): number {
  if (!(key in spec)) throw new NestError('IndexError', 'map::at');
  const v = spec[key];
  if (typeof v !== 'number') {
    throw new NestError('TypeMismatch', `Expected datatype: Failed to cast '${key}' from ${cppTypeOf(v)} to type double.`);
  }
  return v;
}

/** Uniform integer in [0, n). */
function randomIndex(uniform: () => number, n: number): number {
  return Math.min(n - 1, Math.floor(uniform() * n));
}

/**
 * Draws `count` picks out of `choices` (indices into a population), every pick uniform:
 * with replacement when multapses are allowed, otherwise without (a partial Fisher–Yates
 * shuffle, so every subset of size `count` is equally likely).
 */
function drawIndices(choices: number[], count: number, multapses: boolean, uniform: () => number, out: (index: number, k: number) => void): void {
  if (multapses) {
    for (let k = 0; k < count; k++) out(choices[randomIndex(uniform, choices.length)], k);
    return;
  }
  for (let k = 0; k < count; k++) {
    const r = k + randomIndex(uniform, choices.length - k);
    const chosen = choices[r];
    choices[r] = choices[k];
    choices[k] = chosen;
    out(chosen, k);
  }
}

/** Indices 0..n-1 of a population, leaving out the position holding `exclude` (an autapse). */
function candidateIndices(ids: ArrayLike<number>, exclude: number | null): number[] {
  const out: number[] = [];
  for (let i = 0; i < ids.length; i++) if (ids[i] !== exclude) out.push(i);
  return out;
}

/**
 * fixed_indegree and fixed_outdegree are the same rule seen from the two ends: every node of
 * one population (`fixed`) gets exactly `degree` partners drawn from the other (`drawn`).
 */
function fixedDegree(
  degree: number, word: 'Indegree' | 'Outdegree', fixed: ArrayLike<number>, drawn: ArrayLike<number>,
  spec: ConnSpec, uniform: () => number, connect: (fixedIndex: number, drawnIndex: number, paramIndex: number) => void,
): void {
  const autapses = autapsesAllowed(spec);
  const multapses = multapsesAllowed(spec);
  if (degree < 0) throw new NestError('BadProperty', `${word} cannot be less than zero.`);
  if (!multapses && degree > drawn.length) throw new NestError('BadProperty', `${word} cannot be larger than population size.`);
  if (degree === 0) return;
  const drawnIds = new Set(Array.from(drawn));
  const all = candidateIndices(drawn, null);
  for (let f = 0; f < fixed.length; f++) {
    const self = !autapses && drawnIds.has(fixed[f]) ? fixed[f] : null;
    const choices = self === null ? all.slice() : candidateIndices(drawn, self);
    // NEST 3.10 redraws forever here (it hangs); the local engine says why instead.
    if (choices.length === 0 || (!multapses && degree > choices.length)) {
      throw new NestError('BadProperty', `${word} cannot be larger than population size (without autapses, node ${fixed[f]} has only ${choices.length} possible partners).`);
    }
    drawIndices(choices, degree, multapses, uniform, (d, k) => connect(f, d, f * degree + k));
  }
}

export const CONNECTION_RULES: Record<string, ConnectionRule> = {
  all_to_all: {
    arrayLength: (pre, post) => pre * post,
    arrayShapeError: (key, pre, post) =>
      `'${key}' has to be an array of dimension ${post}x${pre} (n_target x n_sources), a scalar or a dictionary.`,
    connect({ pre, post, spec, emit }) {
      const autapses = autapsesAllowed(spec);
      // post-major, as PyNEST's len(post) × len(pre) weight matrix is laid out
      for (let j = 0; j < post.length; j++) {
        for (let i = 0; i < pre.length; i++) {
          if (!autapses && pre[i] === post[j]) continue;
          emit(i, j, j * pre.length + i);
        }
      }
    },
  },
  one_to_one: {
    arrayLength: (pre) => pre,
    arrayShapeError: (key, pre) => `'${key}' has to be an array of dimension ${pre}, a scalar or a dictionary.`,
    connect({ pre, post, spec, emit }) {
      if (pre.length !== post.length) throw new NestError('DimensionMismatch', 'Source and Target population must be of the same size.');
      const autapses = autapsesAllowed(spec);
      for (let i = 0; i < pre.length; i++) {
        if (!autapses && pre[i] === post[i]) continue;
        emit(i, i, i);
      }
    },
  },
  fixed_indegree: {
    arrayLength: (_pre, post, spec) => post * readInteger(spec, 'indegree'),
    arrayShapeError: (key, _pre, post, spec) =>
      `'${key}' has to be an array of dimension ${post}x${readInteger(spec, 'indegree')} (n_target x indegree), a scalar or a dictionary.`,
    connect({ pre, post, spec, uniform, emit }) {
      // every target draws its sources; the weight array is len(post) × indegree
      fixedDegree(readInteger(spec, 'indegree'), 'Indegree', post, pre, spec, uniform, (j, i, p) => emit(i, j, p));
    },
  },
  fixed_outdegree: {
    arrayLength: (pre, _post, spec) => pre * readInteger(spec, 'outdegree'),
    arrayShapeError: (key, pre, _post, spec) =>
      `'${key}' has to be an array of dimension ${pre}x${readInteger(spec, 'outdegree')} (n_sources x outdegree), a scalar or a dictionary.`,
    connect({ pre, post, spec, uniform, emit }) {
      // every source draws its targets; the weight array is len(pre) × outdegree
      fixedDegree(readInteger(spec, 'outdegree'), 'Outdegree', pre, post, spec, uniform, (i, j, p) => emit(i, j, p));
    },
  },
  fixed_total_number: {
    arrayLength: (_pre, _post, spec) => readInteger(spec, 'N'),
    // NEST's text for this rule has no final '.'
    arrayShapeError: (key, _pre, _post, spec) => `'${key}' has to be an array of dimension ${readInteger(spec, 'N')}, a scalar or a dictionary`,
    connect({ pre, post, spec, uniform, emit }) {
      const n = readInteger(spec, 'N');
      const multapses = multapsesAllowed(spec);
      if (n < 0) throw new NestError('BadProperty', 'Total number of connections cannot be negative.');
      if (!multapses && n > pre.length * post.length) {
        throw new NestError('BadProperty', 'Total number of connections cannot exceed product of source and target population sizes.');
      }
      if (!multapses) throw new NestError('NotImplemented', "Connect doesn't support the suppression of multapses in the FixedTotalNumber connector.");
      if (n === 0) return;
      const autapses = autapsesAllowed(spec);
      if (!autapses && pre.length === 1 && post.length === 1 && pre[0] === post[0]) {
        // the only pair is an autapse; NEST would redraw forever
        throw new NestError('BadProperty', `Total number of connections cannot be reached: the only possible pair is node ${pre[0]} to itself and autapses are not allowed.`);
      }
      // N pairs, each uniform over pre × post (an autapse is redrawn when not allowed)
      for (let k = 0; k < n; k++) {
        let i: number, j: number;
        do {
          i = randomIndex(uniform, pre.length);
          j = randomIndex(uniform, post.length);
        } while (!autapses && pre[i] === post[j]);
        emit(i, j, k);
      }
    },
  },
  pairwise_bernoulli: {
    arrayLength: () => null,
    arrayShapeError: (key) =>
      `'${key}' has the wrong type. Two-dimensional parameter arrays can only be used in conjunction with rules 'all_to_all', 'fixed_indegree' or fixed_outdegree'.`,
    connect({ pre, post, spec, uniform, emit }) {
      const p = readProbability(spec, 'p');
      if (!(p >= 0 && p <= 1)) throw new NestError('BadProperty', 'Connection probability 0 <= p <= 1 required.');
      const autapses = autapsesAllowed(spec);
      // one independent coin per (source, target) pair, so multapses cannot arise
      for (let j = 0; j < post.length; j++) {
        for (let i = 0; i < pre.length; i++) {
          if (!autapses && pre[i] === post[j]) continue;
          if (uniform() < p) emit(i, j, 0);
        }
      }
    },
  },
};

/** Rules NEST has that the local engine does not implement yet (a clear error, not "unknown"). */
export const NEST_ONLY_RULES = [
  'symmetric_pairwise_bernoulli', 'pairwise_poisson', 'tripartite_bernoulli_with_pool',
];
