/**
 * The numbers behind the class plots: population rate (PSTH), inter-spike intervals, spikes per
 * neuron and the statistics table. Pure functions over typed arrays, no DOM, so each rule is
 * tested on spike trains whose answer is known by hand (test/node/plots-stats.test.ts).
 *
 * Big runs: a Brunel network returns ~800k spikes. Everything here is one or two passes over
 * Float64Arrays with per-neuron accumulators in typed arrays indexed by a neuron's slot (its
 * position among the distinct ids), never a Map or an object per spike.
 *
 * Conventions (said once, used everywhere):
 * - Times are in ms, rates in spikes/s.
 * - PSTH bins are closed on the right, (a, b]: NEST and Norse stamp a spike with the end of the
 *   step it happened in, so times lie in (0, T] and a bin of 5 ms at 0.1 ms resolution then holds
 *   exactly 50 steps; a spike at exactly 0 (a hand-written program) is put in the first bin.
 * - ISI histogram bins are closed on the left, [a, b), the usual histogram convention: an interval
 *   of exactly 100 ms lies in [100, 105).
 * - A value that sits on a bin edge only up to floating-point noise (0.3 / 0.1 =
 *   2.9999999999999996) counts as on the edge: bins are found with a tolerance of 1e-9 bin widths.
 * - SD is the population SD (divide by n), as numpy's std and Elephant's cv use by default.
 * - CV of ISI: per neuron SD/mean of its intervals, then the mean over the neurons with at least
 *   2 intervals (3 spikes); pooling all neurons' intervals would mix different rates and inflate it.
 */

/** Bins are found with this tolerance, in bin widths (see above). */
const EDGE_TOLERANCE = 1e-9;

/** Bars of a histogram: bin i spans [edges[i], edges[i+1]] and holds counts[i] values. */
export interface Histogram {
  edges: Float64Array;
  counts: Float64Array;
  /** values outside the histogram's range (not counted in any bin) */
  outside: number;
}

/**
 * Bin edges from `start` in steps of `bin` up to `end`; the last bin is shorter when the span is
 * not a whole number of bins (its rate is then divided by its own width).
 */
export function binEdges(start: number, end: number, bin: number): Float64Array {
  if (!(bin > 0) || !(end > start)) return Float64Array.of(start, Math.max(start, end));
  const n = Math.max(1, Math.ceil((end - start) / bin - EDGE_TOLERANCE));
  const edges = new Float64Array(n + 1);
  for (let k = 0; k < n; k++) edges[k] = +(start + k * bin).toPrecision(12);
  edges[n] = end;
  return edges;
}

/**
 * Count `values` into bins of width `bin` starting at edges[0] (all bins but the last are `bin`
 * wide, as binEdges makes them). `closed` says which side of a bin belongs to it.
 */
export function histogram(values: ArrayLike<number>, edges: Float64Array, bin: number, closed: 'left' | 'right'): Histogram {
  const n = edges.length - 1;
  const counts = new Float64Array(Math.max(0, n));
  const start = edges[0];
  const end = edges[n];
  let outside = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const position = (v - start) / bin;
    let k = closed === 'right' ? Math.ceil(position - EDGE_TOLERANCE) - 1 : Math.floor(position + EDGE_TOLERANCE);
    if (closed === 'right' && k === -1 && position > -EDGE_TOLERANCE) k = 0; // exactly at start
    if (closed === 'left' && k === n && v <= end + bin * EDGE_TOLERANCE && v >= end - bin * EDGE_TOLERANCE) k = n - 1; // the last edge closes the last bin
    if (k >= 0 && k < n && (closed === 'left' || v <= end + bin * EDGE_TOLERANCE)) counts[k]++;
    else outside++;
  }
  return { edges, counts, outside };
}

/** A population rate: spikes per bin and what that is per neuron per second. */
export interface PopulationRate extends Histogram {
  /** spikes/s per neuron in each bin: counts / neurons / bin width in s */
  rate: Float64Array;
  neurons: number;
  binMs: number;
}

/**
 * PSTH / population rate of `neurons` neurons over (startMs, endMs] in bins of `binMs`.
 * Counts are spikes in the bin; rate is counts / neurons / width (s), so a population of
 * neurons each firing at 10 spikes/s shows 10 whatever its size.
 */
export function populationRate(times: ArrayLike<number>, neurons: number, startMs: number, endMs: number, binMs: number): PopulationRate {
  const edges = binEdges(startMs, endMs, binMs);
  const h = histogram(times, edges, binMs, 'right');
  const rate = new Float64Array(h.counts.length);
  if (neurons > 0) {
    for (let k = 0; k < rate.length; k++) {
      const widthS = (edges[k + 1] - edges[k]) / 1000;
      rate[k] = widthS > 0 ? h.counts[k] / neurons / widthS : 0;
    }
  }
  return { ...h, rate, neurons, binMs };
}

/** Ids up to this are looked up in a dense table (NEST's node ids are small whole numbers). */
const DENSE_MAX_ID = 1 << 24;

/** Each spike's neuron as a slot 0..ids.length-1 (ids ascending), found in one pass. */
export interface Slots {
  /** distinct neuron ids, ascending */
  ids: Float64Array;
  /** slot of each spike's sender */
  slot: Uint32Array;
}

export function senderSlots(senders: ArrayLike<number>): Slots {
  const n = senders.length;
  let max = -1;
  let dense = true;
  for (let i = 0; i < n; i++) {
    const id = senders[i];
    if (!(Number.isInteger(id) && id >= 0 && id <= DENSE_MAX_ID)) {
      dense = false;
      break;
    }
    if (id > max) max = id;
  }
  const slot = new Uint32Array(n);
  if (dense) {
    const table = new Int32Array(max + 1).fill(-1);
    for (let i = 0; i < n; i++) table[senders[i]] = 0;
    let count = 0;
    for (let id = 0; id <= max; id++) if (table[id] === 0) table[id] = count++;
    const ids = new Float64Array(count);
    for (let id = 0, k = 0; id <= max; id++) if (table[id] >= 0) ids[k++] = id;
    for (let i = 0; i < n; i++) slot[i] = table[senders[i]];
    return { ids, slot };
  }
  const ids = Float64Array.from(new Set(Array.from({ length: n }, (_v, i) => senders[i]))).sort();
  const slotOf = new Map<number, number>();
  ids.forEach((id, k) => slotOf.set(id, k));
  for (let i = 0; i < n; i++) slot[i] = slotOf.get(senders[i])!;
  return { ids, slot };
}

/** Per-neuron spike statistics of one spike recorder. */
export interface SpikeTrainStats {
  /** neuron ids that spiked, ascending */
  ids: Float64Array;
  /** spikes of each neuron in ids */
  counts: Float64Array;
  /** every inter-spike interval (ms), neuron by neuron in the order met */
  intervals: Float64Array;
  /** CV of each neuron's intervals (NaN with fewer than 2 intervals) */
  cv: Float64Array;
  /** mean of the CVs over neurons with at least 2 intervals; null when there is none */
  meanCv: number | null;
  /** how many neurons the mean CV is over */
  cvNeurons: number;
}

/**
 * Counts, intervals and CVs of a spike recorder's events in one pass plus one for the variances.
 * `times` must be ascending within each neuron (NEST lists them so, and spikeColumns sorts them);
 * an interval is the time from a neuron's spike to its next.
 */
export function spikeTrainStats(times: ArrayLike<number>, senders: ArrayLike<number>): SpikeTrainStats {
  const n = Math.min(times.length, senders.length);
  const { ids, slot } = senderSlots(n === senders.length ? senders : Array.prototype.slice.call(senders, 0, n));
  const m = ids.length;
  const counts = new Float64Array(m);
  const last = new Float64Array(m);
  const sum = new Float64Array(m);
  const intervals = new Float64Array(Math.max(0, n - m));
  let at = 0;
  for (let i = 0; i < n; i++) {
    const s = slot[i];
    const t = times[i];
    if (counts[s] > 0) {
      const isi = t - last[s];
      intervals[at++] = isi;
      sum[s] += isi;
    }
    counts[s]++;
    last[s] = t;
  }
  // second pass: squared deviations from each neuron's mean interval (no cancellation)
  const squares = new Float64Array(m);
  const seen = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    const s = slot[i];
    const t = times[i];
    if (seen[s] > 0) {
      const intervalsOfS = counts[s] - 1;
      const d = t - last[s] - sum[s] / intervalsOfS;
      squares[s] += d * d;
    }
    seen[s]++;
    last[s] = t;
  }
  const cv = new Float64Array(m);
  let cvSum = 0;
  let cvNeurons = 0;
  for (let s = 0; s < m; s++) {
    const k = counts[s] - 1;
    if (k < 2) {
      cv[s] = NaN;
      continue;
    }
    const mean = sum[s] / k;
    cv[s] = mean > 0 ? Math.sqrt(squares[s] / k) / mean : NaN;
    if (cv[s] === cv[s]) {
      cvSum += cv[s];
      cvNeurons++;
    }
  }
  return { ids, counts, intervals: intervals.subarray(0, at), cv, meanCv: cvNeurons > 0 ? cvSum / cvNeurons : null, cvNeurons };
}

/** Steps of a "nice" bin width: 1, 2, 5 × 10^k. */
export function niceStep(rough: number): number {
  if (!(rough > 0) || !Number.isFinite(rough)) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  const mantissa = rough / power;
  const nice = mantissa <= 1 ? 1 : mantissa <= 2 ? 2 : mantissa <= 5 ? 5 : 10;
  return +(nice * power).toPrecision(12);
}

/** About this many bins when the learner has not chosen a width. */
export const DEFAULT_BINS = 40;

/** ISI histogram from 0 in bins of `binMs`, up to the bin that holds the longest interval. */
export function isiHistogram(intervals: ArrayLike<number>, binMs: number): Histogram {
  let max = 0;
  for (let i = 0; i < intervals.length; i++) if (intervals[i] > max) max = intervals[i];
  const bins = Math.max(1, Math.floor(max / binMs + EDGE_TOLERANCE) + 1);
  const edges = new Float64Array(bins + 1);
  for (let k = 0; k <= bins; k++) edges[k] = +(k * binMs).toPrecision(12);
  return histogram(intervals, edges, binMs, 'left');
}

/** A bin width for intervals up to `maxIsi`: a nice step giving about DEFAULT_BINS bins. */
export function defaultIsiBin(intervals: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < intervals.length; i++) if (intervals[i] > max) max = intervals[i];
  return niceStep(max / DEFAULT_BINS);
}

/** A PSTH bin width for a run of `durationMs`: a nice step giving about DEFAULT_BINS bins, at least `resolution`. */
export function defaultRateBin(durationMs: number, resolution = 0): number {
  return Math.max(niceStep(durationMs / DEFAULT_BINS), resolution);
}

/** Mean and SD (population SD) of some samples; null for none. Two passes, no cancellation. */
export function meanAndSd(values: ArrayLike<number>): { mean: number; sd: number; n: number } | null {
  const n = values.length;
  if (n === 0) return null;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - mean;
    squares += d * d;
  }
  return { mean, sd: Math.sqrt(squares / n), n };
}

/** What the statistics table needs of one recorder (times in ms). */
export interface RecorderStatsInput {
  name: string;
  model: 'spike_recorder' | 'voltmeter' | 'multimeter';
  /** neurons recorded, if known; else the distinct senders are counted */
  sources: number | null;
  events: Readonly<Record<string, ArrayLike<number> | undefined>> | null;
}

/** One row of the statistics table; null where the number does not apply or is unknown. */
export interface RecorderStatsRow {
  name: string;
  model: RecorderStatsInput['model'];
  neurons: number | null;
  spikes: number | null;
  /** spikes/s per neuron over the run */
  ratePerNeuron: number | null;
  meanCv: number | null;
  /** neurons with ≥ 3 spikes, over which meanCv is taken */
  cvNeurons: number;
  /** the membrane potential's name: V_m (NEST) or v (Norse); null when not recorded */
  potential: string | null;
  meanPotential: number | null;
  sdPotential: number | null;
}

/** The membrane potential among a recorder's keys: NEST's V_m, else Norse's v. */
export function potentialOf(events: RecorderStatsInput['events']): string | null {
  const n = events?.times?.length ?? 0;
  for (const key of ['V_m', 'v']) if (events?.[key] && events[key]!.length === n && n > 0) return key;
  return null;
}

/** Statistics of one recorder over a run of `durationMs` (null: rate unknown). */
export function recorderStats(input: RecorderStatsInput, durationMs: number | null, trains?: SpikeTrainStats): RecorderStatsRow {
  const events = input.events;
  const times = events?.times ?? [];
  const senders = events?.senders ?? [];
  const row: RecorderStatsRow = {
    name: input.name,
    model: input.model,
    neurons: null,
    spikes: null,
    ratePerNeuron: null,
    meanCv: null,
    cvNeurons: 0,
    potential: null,
    meanPotential: null,
    sdPotential: null,
  };
  if (input.model === 'spike_recorder') {
    const stats = trains ?? spikeTrainStats(times, senders);
    row.neurons = input.sources ?? stats.ids.length;
    row.spikes = times.length;
    row.ratePerNeuron = row.neurons > 0 && durationMs !== null && durationMs > 0 ? row.spikes / row.neurons / (durationMs / 1000) : null;
    row.meanCv = stats.meanCv;
    row.cvNeurons = stats.cvNeurons;
    return row;
  }
  row.neurons = input.sources ?? senderSlots(senders).ids.length;
  const potential = potentialOf(events);
  if (potential) {
    const ms = meanAndSd(events![potential]!);
    row.potential = potential;
    row.meanPotential = ms?.mean ?? null;
    row.sdPotential = ms?.sd ?? null;
  }
  return row;
}
