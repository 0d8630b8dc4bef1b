/**
 * How big a network the local engine takes on. A browser tab that runs out of memory freezes or
 * dies and takes the learner's page with it, so the kernel adds up what a network will need
 * *before* it allocates it (on Create, Connect and Simulate) and refuses, with an explanation,
 * what would not fit. Real NEST would run such a program: the error says to run it there.
 *
 * The byte counts are what the kernel's own arrays take (checked against process memory in
 * test/node/kernel-capacity.test.ts); the budget leaves room for Pyodide (~150 MB), the page and
 * the plots.
 */
import { NestError } from './api';
import { NOT_AVAILABLE } from './models';

/** What the kernel may use for neurons, connections and recordings together. */
export const MEMORY_BUDGET_BYTES = 1.5 * 1024 ** 3;

/** One stored connection: source, target, weight, delay as created (4 × 8 bytes, in growable
 * arrays that may hold up to twice their length), the flat target list built for the step loop
 * (32 bytes) and the list collected while Connect checks the connections (4 × 8 bytes). */
export const BYTES_PER_CONNECTION = 160;

/** A device (generator or recorder) object with its parameters. */
export const BYTES_PER_DEVICE = 2048;

/** One neuron: its parameters and state (8 bytes each) plus, per input channel, one ring slot per
 * step of the longest delay. */
export function bytesPerNeuron(nParams: number, ringSlots: number): number {
  return 8 * (nParams + 16) + ringBytesPerNeuron(ringSlots);
}

/** The input rings of one neuron: three channels (excitatory, inhibitory, current), 8 bytes a slot. */
export function ringBytesPerNeuron(ringSlots: number): number {
  return 8 * 3 * ringSlots;
}

/** One recorded spike (sender, time) and one multimeter sample (sender, time, values), 8 bytes
 * each: in growable arrays (up to twice their length) and once more in the copy handed to the page. */
export const BYTES_PER_SPIKE = 3 * 8 * 2;
export function bytesPerSample(nRecordables: number): number {
  return 3 * 8 * (2 + nRecordables);
}

function megabytes(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GB` : `${Math.round(bytes / 1024 ** 2)} MB`;
}

/**
 * Throws when `more` bytes for `what` on top of `used` exceed the budget. `what` says what is
 * being asked for, in the learner's terms ("12,500,000 connections"); `hint` what to make smaller.
 */
export function checkBudget(used: number, more: number, what: string, hint: string, budget = MEMORY_BUDGET_BYTES): void {
  if (used + more <= budget) return;
  throw new NestError(
    NOT_AVAILABLE,
    `This network is too large for the local engine in the browser: ${what} would need about ${megabytes(used + more)} ` +
      `in all, and the local engine stops at ${megabytes(budget)} so that the page keeps working. ` +
      `${hint} Or run the program on NEST Server, which has no such limit.`,
  );
}

/** How many connections a Connect call will make, before it makes them (expected count for
 * pairwise_bernoulli). Null when the rule is unknown (the rule itself then reports it). */
export function expectedConnections(rule: string, nPre: number, nPost: number, spec: Record<string, unknown>): number | null {
  const num = (k: string) => (typeof spec[k] === 'number' ? (spec[k] as number) : 0);
  switch (rule) {
    case 'all_to_all': return nPre * nPost;
    case 'one_to_one': return nPost;
    case 'fixed_indegree': return num('indegree') * nPost;
    case 'fixed_outdegree': return num('outdegree') * nPre;
    case 'fixed_total_number': return num('N');
    case 'pairwise_bernoulli': return num('p') * nPre * nPost;
    default: return null;
  }
}

export const count = (n: number) => Math.round(n).toLocaleString('en-US');
