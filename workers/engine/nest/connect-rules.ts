/**
 * Connection rules: each turns (pre, post, conn_spec) into a list of (pre index, post index,
 * parameter index) triples. The parameter index picks a connection's weight/delay out of an array
 * given in syn_spec (PyNEST's shapes). New rules (fixed_indegree, pairwise_bernoulli, ...) are
 * added to CONNECTION_RULES; the kernel needs no other change.
 */
import { NestError, type ConnSpec } from './api';

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
  arrayLength(pre: number, post: number): number | null;
  /** PyNEST's ValueError text for a wrongly sized array. */
  arrayShapeError(key: string, pre: number, post: number): string;
  connect(ctx: RuleContext): void;
}

function autapsesAllowed(spec: ConnSpec): boolean {
  return spec.allow_autapses !== false;
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
};

/** Rules NEST has that the local engine does not implement yet (a clear error, not "unknown"). */
export const NEST_ONLY_RULES = [
  'fixed_indegree', 'fixed_outdegree', 'fixed_total_number', 'pairwise_bernoulli',
  'symmetric_pairwise_bernoulli', 'pairwise_poisson', 'tripartite_bernoulli_with_pool',
];
