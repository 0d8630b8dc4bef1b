/**
 * Pure functions that turn recorder `events` (as PyNEST returns them) into the column arrays
 * uPlot draws. No DOM here, so every rule can be tested on hand-made input.
 *
 * Real NEST does not hand events over in one global order: a spike_recorder lists spikes per
 * min_delay slice and per neuron, and a multimeter lists each neuron's samples of one slice in a
 * block. uPlot needs x ascending, so the raster is sorted by time and analog samples are split
 * by sender before anything is drawn.
 */

/** One recorder's `events` dict. Arrays come as Float64Array (local engine) or number[] (JSON). */
export type RecorderEvents = Record<string, ArrayLike<number> | undefined>;

/** Keys of `events` that are bookkeeping, not recordables. */
const NON_RECORDABLE_KEYS = new Set(['senders', 'times', 'offsets', 'ports', 'receptors']);

/** Typed-array view of any numeric array; typed input is reused as is (uPlot never writes into it). */
export function toFloat64(values: ArrayLike<number> | undefined | null): Float64Array {
  if (!values) return new Float64Array(0);
  if (values instanceof Float64Array) return values;
  return Float64Array.from(values as ArrayLike<number>);
}

function isAscending(values: ArrayLike<number>): boolean {
  for (let i = 1; i < values.length; i++) if (values[i] < values[i - 1]) return false;
  return true;
}

/** Spike columns for a raster: times ascending (uPlot searches x by bisection), senders alongside. */
export interface SpikeColumns {
  times: Float64Array;
  senders: Float64Array;
}

export function spikeColumns(events: RecorderEvents | null | undefined): SpikeColumns {
  const times = toFloat64(events?.times);
  const senders = toFloat64(events?.senders);
  const n = Math.min(times.length, senders.length);
  if (isAscending(times) && times.length === n && senders.length === n) return { times, senders };
  // Sort without a comparator callback (200k calls into JS are the slow part): sort the times
  // natively, then place each sender at the next free slot of its time — a stable counting sort
  // keyed by the time's rank. Spikes at the same time keep their recorded order.
  const sortedTimes = times.slice(0, n).sort();
  let distinct = 0;
  const starts = new Float64Array(n); // distinct times, ascending
  for (let i = 0; i < n; i++) if (i === 0 || sortedTimes[i] !== sortedTimes[i - 1]) starts[distinct++] = sortedTimes[i];
  const next = new Uint32Array(distinct); // next free slot of each distinct time
  for (let r = 0, i = 0; i < n; i++) {
    if (i > 0 && sortedTimes[i] !== sortedTimes[i - 1]) r++;
    if (i === 0 || sortedTimes[i] !== sortedTimes[i - 1]) next[r] = i;
  }
  const sortedSenders = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const rank = bisect(starts, distinct, times[i]);
    sortedSenders[next[rank]++] = senders[i];
  }
  return { times: sortedTimes, senders: sortedSenders };
}

/** Sorted columns of each events object seen, so the raster and the class plots of one run sort
 * its spikes once (800k spikes: ~150–200 ms here). Keyed weakly: a run's events are let go with it. */
const sortedCache = new WeakMap<object, SpikeColumns>();

/** spikeColumns, remembered per events object (the events of a run are not changed after it). */
export function sortedSpikes(events: RecorderEvents | null | undefined): SpikeColumns {
  if (!events) return spikeColumns(events);
  let columns = sortedCache.get(events);
  if (!columns) {
    columns = spikeColumns(events);
    sortedCache.set(events, columns);
  }
  return columns;
}

/** Index of `value` in the first `length` entries of ascending `sorted` (it must be there). */
function bisect(sorted: Float64Array, length: number, value: number): number {
  let lo = 0;
  let hi = length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Ids up to this are counted in a byte map (NEST's node ids are small whole numbers). */
const MAP_MAX_ID = 1 << 24;

/** Distinct sender ids, ascending. A byte map for whole-number ids: a Set of 800k spikes' senders
 * took ~25 ms, the map ~3 ms, and a big run's plots ask more than once. */
export function distinctSenders(senders: ArrayLike<number>): number[] {
  let max = -1;
  for (let i = 0; i < senders.length; i++) {
    const id = senders[i];
    if (!(Number.isInteger(id) && id >= 0 && id <= MAP_MAX_ID)) return distinctBySet(senders);
    if (id > max) max = id;
  }
  const seen = new Uint8Array(max + 1);
  let count = 0;
  for (let i = 0; i < senders.length; i++) {
    if (seen[senders[i]] === 0) count++;
    seen[senders[i]] = 1;
  }
  const ids = new Array<number>(count);
  for (let id = 0, k = 0; id <= max; id++) if (seen[id]) ids[k++] = id;
  return ids;
}

function distinctBySet(senders: ArrayLike<number>): number[] {
  const seen = new Set<number>();
  for (let i = 0; i < senders.length; i++) seen.add(senders[i]);
  return [...seen].sort((a, b) => a - b);
}

/**
 * Recordables present in `events`, in the order the recorder block declared them (its
 * `record_from`), then any others the simulator returned. Only arrays as long as `times` count.
 */
export function recordablesIn(events: RecorderEvents | null | undefined, declared: readonly string[] = []): string[] {
  if (!events) return [];
  const n = events.times?.length ?? 0;
  const present = Object.keys(events).filter(
    (key) => !NON_RECORDABLE_KEYS.has(key) && events[key] != null && events[key]!.length === n,
  );
  const ordered = declared.filter((key) => present.includes(key));
  return [...ordered, ...present.filter((key) => !ordered.includes(key)).sort()];
}

/** Analog samples split into one line per neuron, sharing one time axis (uPlot's mode 1). */
export interface TraceColumns {
  /** sample times, ascending */
  x: Float64Array;
  /** ids of the neurons drawn, ascending (at most `maxLines`) */
  senders: number[];
  /** one value array per drawn sender, aligned with x; null where that neuron has no sample */
  lines: (Float64Array | (number | null)[])[];
  /** how many distinct neurons the recorder sampled (may exceed senders.length) */
  totalSenders: number;
}

/**
 * Split interleaved samples `values` by `senders`. Typical recordings sample every neuron at the
 * same times; then each line is a dense Float64Array found in one pass. Otherwise (a neuron with
 * missing samples) x is the union of all sample times and gaps are null, which uPlot leaves open.
 */
export function splitBySender(
  senders: ArrayLike<number>,
  times: ArrayLike<number>,
  values: ArrayLike<number>,
  maxLines = Infinity,
): TraceColumns {
  const n = Math.min(senders.length, times.length, values.length);
  const all = distinctSenders(senders);
  const drawn = all.slice(0, Math.max(0, maxLines));
  const slotOf = new Map<number, number>();
  drawn.forEach((id, slot) => slotOf.set(id, slot));

  const counts = new Uint32Array(drawn.length);
  for (let i = 0; i < n; i++) {
    const slot = slotOf.get(senders[i]);
    if (slot !== undefined) counts[slot]++;
  }
  const lineTimes = drawn.map((_, slot) => new Float64Array(counts[slot]));
  const lineValues = drawn.map((_, slot) => new Float64Array(counts[slot]));
  const filled = new Uint32Array(drawn.length);
  for (let i = 0; i < n; i++) {
    const slot = slotOf.get(senders[i]);
    if (slot === undefined) continue;
    const at = filled[slot]++;
    lineTimes[slot][at] = times[i];
    lineValues[slot][at] = values[i];
  }
  for (let slot = 0; slot < drawn.length; slot++) {
    if (!isAscending(lineTimes[slot])) sortPairs(lineTimes[slot], lineValues[slot]);
  }

  if (drawn.length === 0) return { x: new Float64Array(0), senders: [], lines: [], totalSenders: all.length };
  if (lineTimes.every((t) => sameValues(t, lineTimes[0]))) {
    return { x: lineTimes[0], senders: drawn, lines: lineValues, totalSenders: all.length };
  }

  // Ragged: align every line on the union of sample times.
  const x = unionAscending(lineTimes);
  const lines = lineTimes.map((t, slot) => {
    const line: (number | null)[] = new Array(x.length).fill(null);
    let j = 0;
    for (let k = 0; k < t.length; k++) {
      while (x[j] < t[k]) j++;
      line[j] = lineValues[slot][k];
    }
    return line;
  });
  return { x, senders: drawn, lines, totalSenders: all.length };
}

function sameValues(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sortPairs(keys: Float64Array, values: Float64Array): void {
  const order = Array.from(keys.keys()).sort((a, b) => keys[a] - keys[b]);
  const k = Float64Array.from(order, (i) => keys[i]);
  const v = Float64Array.from(order, (i) => values[i]);
  keys.set(k);
  values.set(v);
}

function unionAscending(arrays: Float64Array[]): Float64Array {
  const total = arrays.reduce((sum, a) => sum + a.length, 0);
  const merged = new Float64Array(total);
  let at = 0;
  for (const a of arrays) {
    merged.set(a, at);
    at += a.length;
  }
  merged.sort();
  let unique = 0;
  for (let i = 0; i < merged.length; i++) {
    if (i === 0 || merged[i] !== merged[unique - 1]) merged[unique++] = merged[i];
  }
  return merged.slice(0, unique);
}

/** Largest value of a numeric array, or null when empty. */
export function maxOf(values: ArrayLike<number> | undefined): number | null {
  if (!values || values.length === 0) return null;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) if (values[i] > max) max = values[i];
  return max;
}
