/**
 * stdp_synapse, NEST 3.10's default spike-timing dependent plasticity (Guetig et al. 2003; with
 * mu_plus = mu_minus = 0 it is additive, with 1 multiplicative, as van Rossum et al. 2000).
 *
 * The rule, as NEST documents it, in normalised weights w' = w / Wmax:
 *   facilitation  w' ← w' + lambda · (1 − w')^mu_plus · K+        (capped at 1)
 *   depression    w' ← w' − alpha · lambda · w'^mu_minus · K−     (floored at 0)
 * Nothing happens between spikes. When a presynaptic spike with time t is delivered over a
 * connection with delay d (all of it dendritic):
 *   1. for every postsynaptic spike t_j with t_last − d < t_j ≤ t − d (those since the last
 *      presynaptic spike, seen at the synapse): facilitate with K+ = Kplus · exp((t_last − (t_j + d)) / tau_plus)
 *   2. depress with the postsynaptic trace K−(t − d): the sum of exp(−(t − d − t_j)/tau_minus)
 *      over the postsynaptic spikes strictly before t − d (tau_minus belongs to the neuron)
 *   3. the spike is sent with the new weight
 *   4. Kplus ← Kplus · exp((t_last − t) / tau_plus) + 1, t_last ← t (t_last starts at 0).
 * A postsynaptic neuron keeps its spike history (time, K− just after the spike) only once a
 * plastic connection targets it, as NEST's archiving nodes do.
 *
 * Times are kept in steps (integers), so "strictly before" needs no tolerance.
 */
import { NestError } from './api';

/** stdp_synapse's own parameters and their defaults (nest.GetDefaults('stdp_synapse')). */
export const STDP_DEFAULTS: Readonly<Record<string, number>> = {
  Kplus: 0, Wmax: 100, alpha: 1, lambda: 0.01, mu_minus: 1, mu_plus: 1, tau_plus: 20,
};

/** NEST's sign convention: 0 counts as positive. */
function sign(x: number): number {
  return x >= 0 ? 1 : -1;
}

/**
 * The checks NEST makes on an stdp_synapse's parameters (its BadProperty texts). The signs of
 * weight and Wmax are compared only when Wmax (or, in SynapseCollection.set, the weight) is set.
 */
export function checkStdpParams(p: Readonly<Record<string, number>>, weight: number, checkSign: boolean, prefix: string): NestError | null {
  if (checkSign && sign(weight) !== sign(p.Wmax)) return new NestError('BadProperty', prefix + 'Weight and Wmax must have same sign.');
  if (p.Kplus < 0) return new NestError('BadProperty', prefix + 'Kplus must be non-negative.');
  return null;
}

/** x^mu, without Math.pow for the usual exponents 1 (multiplicative) and 0 (additive). */
function power(x: number, mu: number): number {
  return mu === 1 ? x : mu === 0 ? 1 : Math.pow(x, mu);
}

/** Fields of one synapse's row (see StdpSynapses). */
const F_CONN = 0, F_WEIGHT = 1, F_DELAY = 2, F_KPLUS = 3, F_TLAST = 4, F_TAU_PLUS = 5, F_LAMBDA = 6,
  F_ALPHA = 7, F_MU_PLUS = 8, F_MU_MINUS = 9, F_WMAX = 10;
const STRIDE = 12; // 11 fields, padded: a row spans at most two cache lines
const FIELD: Record<string, number> = {
  weight: F_WEIGHT, delay: F_DELAY, Kplus: F_KPLUS, tau_plus: F_TAU_PLUS, lambda: F_LAMBDA, alpha: F_ALPHA,
  mu_plus: F_MU_PLUS, mu_minus: F_MU_MINUS, Wmax: F_WMAX,
};

/**
 * Every stdp_synapse connection. A connection has a fixed plastic id (what the kernel's
 * connection list refers to); its state and parameters are one row of a flat table, and the
 * kernel reorders the rows (reorder) so that the connections of one source neuron lie next to
 * each other: a presynaptic spike then reads consecutive memory.
 */
export class StdpSynapses {
  private data = new Float64Array(64 * STRIDE);
  /** row of each plastic id */
  private rowOf = new Int32Array(64);
  private n = 0;

  get length(): number { return this.n; }

  add(conn: number, weight: number, delaySteps: number, p: Readonly<Record<string, number>>): number {
    if (this.n === this.rowOf.length) {
      const data = new Float64Array(this.data.length * 2);
      data.set(this.data);
      this.data = data;
      const rowOf = new Int32Array(this.rowOf.length * 2);
      rowOf.set(this.rowOf);
      this.rowOf = rowOf;
    }
    const id = this.n++;
    this.rowOf[id] = id;
    const r = id * STRIDE, d = this.data;
    d[r + F_CONN] = conn;
    d[r + F_WEIGHT] = weight;
    d[r + F_DELAY] = delaySteps;
    d[r + F_KPLUS] = p.Kplus;
    d[r + F_TLAST] = 0;
    d[r + F_TAU_PLUS] = p.tau_plus;
    d[r + F_LAMBDA] = p.lambda;
    d[r + F_ALPHA] = p.alpha;
    d[r + F_MU_PLUS] = p.mu_plus;
    d[r + F_MU_MINUS] = p.mu_minus;
    d[r + F_WMAX] = p.Wmax;
    return id;
  }

  /** Put the rows in this order of plastic ids (every id once): id ids[k] moves to row k. */
  reorder(ids: Int32Array): void {
    const data = new Float64Array(this.data.length);
    for (let k = 0; k < ids.length; k++) {
      const from = this.rowOf[ids[k]] * STRIDE;
      data.set(this.data.subarray(from, from + STRIDE), k * STRIDE);
      this.rowOf[ids[k]] = k;
    }
    this.data = data;
  }

  /** The row of plastic id `id` (valid until the next reorder). */
  row(id: number): number { return this.rowOf[id]; }

  /** Index of the connection in the kernel's list, by row. */
  connAt(row: number): number { return this.data[row * STRIDE + F_CONN]; }
  /** Delay (steps), by row. */
  delayAt(row: number): number { return this.data[row * STRIDE + F_DELAY]; }
  /** t_last − delay (steps), by row: the synapse reads no postsynaptic spike at or before it. */
  horizonAt(row: number): number { return this.data[row * STRIDE + F_TLAST] - this.data[row * STRIDE + F_DELAY]; }

  /** The synapse's parameters as GetConnections shows them (without source/target/delay). */
  status(id: number): Record<string, number> {
    const r = this.rowOf[id] * STRIDE, d = this.data;
    return {
      Kplus: d[r + F_KPLUS], Wmax: d[r + F_WMAX], alpha: d[r + F_ALPHA], lambda: d[r + F_LAMBDA],
      mu_minus: d[r + F_MU_MINUS], mu_plus: d[r + F_MU_PLUS], tau_plus: d[r + F_TAU_PLUS], weight: d[r + F_WEIGHT],
    };
  }

  /** A parameter (a key of STDP_DEFAULTS, 'weight' or 'delay' in steps) of plastic id `id`. */
  get(id: number, key: string): number {
    return this.data[this.rowOf[id] * STRIDE + FIELD[key]];
  }

  /** Set a parameter (a key of STDP_DEFAULTS, 'weight' or 'delay' in steps) of plastic id `id`. */
  set(id: number, key: string, value: number): void {
    this.data[this.rowOf[id] * STRIDE + FIELD[key]] = value;
  }

  /**
   * A presynaptic spike stamped `stamp` (steps) reaches the synapse in `row`, whose target's
   * history is (times, kminus) from index `from` on; h is the resolution (ms). Updates the
   * synapse; returns the new weight.
   */
  onPreSpike(row: number, stamp: number, times: readonly number[], kminus: readonly number[], from: number, h: number, tauMinus: number): number {
    const data = this.data, r = row * STRIDE;
    const d = data[r + F_DELAY];
    const tLast = data[r + F_TLAST];
    const tauPlus = data[r + F_TAU_PLUS], wmax = data[r + F_WMAX], lambda = data[r + F_LAMBDA];
    const muPlus = data[r + F_MU_PLUS];
    const kplus = data[r + F_KPLUS];
    let w = data[r + F_WEIGHT];
    const lo = tLast - d, hi = stamp - d;
    // The history is sorted by time: facilitation from the spikes in (lo, hi], and the trace
    // from the last spike strictly before hi. Binary search for the first spike after lo (a
    // long history must not be scanned at every delivery); the one before it is before hi.
    let a = from, b = times.length;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (times[mid] > lo) b = mid;
      else a = mid + 1;
    }
    let last = a - 1 >= from ? a - 1 : -1;
    for (let k = a; k < times.length; k++) {
      const tj = times[k];
      if (tj > hi) break;
      if (tj < hi) last = k;
      const kp = kplus * Math.exp(((tLast - (tj + d)) * h) / tauPlus);
      const norm = w / wmax + lambda * power(1 - w / wmax, muPlus) * kp;
      w = norm < 1 ? norm * wmax : wmax;
    }
    const km = last < 0 ? 0 : kminus[last] * Math.exp(((times[last] - hi) * h) / tauMinus);
    const norm = w / wmax - data[r + F_ALPHA] * lambda * power(w / wmax, data[r + F_MU_MINUS]) * km;
    w = norm > 0 ? norm * wmax : 0;
    data[r + F_WEIGHT] = w;
    data[r + F_KPLUS] = kplus * Math.exp(((tLast - stamp) * h) / tauPlus) + 1;
    data[r + F_TLAST] = stamp;
    return w;
  }
}

/**
 * The spike history of the neurons of one population that receive plastic connections: per
 * neuron, spike stamps (steps) and K− just after each spike. Entries no incoming synapse can
 * read any more are dropped now and then (see prune).
 */
export class SpikeHistory {
  readonly times: number[][];
  readonly kminus: number[][];
  /** Index of the first entry still kept. */
  readonly start: Int32Array;
  /** Does a plastic connection target this neuron (only then is its history kept)? */
  readonly tracked: Uint8Array;
  /** Entries kept at the last prune, per neuron (the next prune waits until this doubles). */
  private readonly pruneAt: Int32Array;

  constructor(n: number) {
    this.times = Array.from({ length: n }, () => []);
    this.kminus = Array.from({ length: n }, () => []);
    this.start = new Int32Array(n);
    this.tracked = new Uint8Array(n);
    this.pruneAt = new Int32Array(n).fill(64);
  }

  /** Record the spikes of this step (stamp in steps); tauMinus per neuron, h in ms. */
  record(spiked: Int32Array, ns: number, stamp: number, mult: Float64Array | null, tauMinus: Float64Array, h: number, prune: (i: number) => void): void {
    for (let k = 0; k < ns; k++) {
      const i = spiked[k];
      if (this.tracked[i] === 0) continue;
      const times = this.times[i], kminus = this.kminus[i];
      const m = mult === null ? 1 : mult[i];
      for (let r = 0; r < m; r++) {
        const n = times.length;
        const before = n === 0 ? 0 : kminus[n - 1] * Math.exp(((times[n - 1] - stamp) * h) / tauMinus[i]);
        times.push(stamp);
        kminus.push(before + 1);
      }
      if (times.length - this.start[i] > this.pruneAt[i]) prune(i);
    }
  }

  /**
   * Forget neuron i's entries that no synapse will read: every incoming synapse reads only
   * spikes after `oldest` (the earliest t_last − d of them) plus the last one at or before it,
   * which carries the trace.
   */
  prune(i: number, oldest: number): void {
    const times = this.times[i];
    let s = this.start[i];
    while (s + 1 < times.length && times[s + 1] <= oldest) s++;
    if (s > 4096 && s > times.length / 2) {
      // compact the arrays now and then so memory stays bounded
      times.splice(0, s);
      this.kminus[i].splice(0, s);
      s = 0;
    }
    this.start[i] = s;
    this.pruneAt[i] = Math.max(64, 2 * (times.length - s));
  }
}
