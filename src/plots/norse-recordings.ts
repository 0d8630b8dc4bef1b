/**
 * Norse programs hand back whole tensors: response["recordings"] holds, per record block, the
 * layer's spikes, v and i as (time steps, neurons) rows. The plots draw NEST-style recorder
 * events (one entry per spike or sample, with sender and time), so this turns a recording into
 * those: spikes into {senders, times} (only the nonzero entries), v/i/values into
 * {senders, times, v, i}. Neurons are numbered from 0, as in the tensor; times are step·dt in ms
 * (step 0 at dt: the values after the first step), or step numbers when `unit` is 'steps'.
 *
 * Rows come as Float32Array views from the local runtime (workers/api.ts TensorRows) or as plain
 * number lists from a remote Norse; both are read the same way, so both give the same plots.
 * The panels are named in Norse's words ("lif1 spikes", "lif1 v (voltage)"), not NEST's.
 */
import type { NorseRecordingData, NorseResponseData } from '../../workers/api';
import type { PlottedRecorder } from './recorders';
import { t } from '../i18n';

export type NorseTimeUnit = 'ms' | 'steps';

/** What the generator knows about each record block (same order as response.recordings). */
export interface NorseRecording {
  name: string;
  blockId: string;
}

type Rows = ArrayLike<ArrayLike<number>>;

/** What the results need to redraw a Norse run in the other time unit, and to explain it. */
export interface NorseRunInfo {
  /** the response as the program returned it */
  source: unknown;
  known: readonly NorseRecording[];
  unit: NorseTimeUnit;
  /** seconds per step (response["dt"]; Norse's default 0.001 when missing) */
  dt: number;
  steps: number;
}

export interface PlottableNorse {
  /** NEST-shaped: {"events": [...], "biological_time": …}, plus what the Norse run was. */
  response: { events: Record<string, Float64Array>[]; biological_time: number | null; norse: NorseRunInfo };
  recorders: PlottedRecorder[];
}

/** What each recorded quantity is, for headings and axes. Norse's LIF has no units: v is
 * dimensionless (threshold 1 by default), i is the synaptic input current in the same units. */
function norseQuantity(key: string): string {
  return key === 'v' ? t('plots.norseV') : key === 'i' ? t('plots.norseI') : key === 'values' ? t('plots.norseValues') : key;
}

/** Axis labels of the recorded quantities, saying they have no unit (in the learner's language,
 * made when a run is drawn). */
function norseAxisLabels(): Readonly<Record<string, string>> {
  return { v: t('plots.norseVAxis'), i: t('plots.norseIAxis'), values: t('plots.norseValueAxis') };
}

/** The same labels as CSV column heads: English whatever the page's language, so a script that
 * reads the file finds the same columns (results-csv.ts). */
export const NORSE_CSV_LABELS: Readonly<Record<string, string>> = {
  v: 'v (voltage, no unit)',
  i: 'i (current, no unit)',
  values: 'value',
};

function isRows(value: unknown): value is Rows {
  if (!Array.isArray(value)) return false;
  for (const row of value) if (!(Array.isArray(row) || ArrayBuffer.isView(row))) return false;
  return true;
}

/** True when a response has Norse's shape (a "recordings" list), so it is drawn through this. */
export function isNorseResponse(response: unknown): boolean {
  return Array.isArray((response as { recordings?: unknown } | null)?.recordings);
}

/** The x-axis label for a unit. */
export function timeLabel(unit: NorseTimeUnit): string {
  return unit === 'ms' ? t('plots.timeMs') : t('plots.timeSteps');
}

/**
 * The rows as one row-major array. The local runtime's rows are views of one Float32Array, so
 * that is a view too (no copy); plain lists (a remote Norse) are copied once. One flat, typed
 * array keeps the loops below monomorphic: reading 1M entries row by row through mixed row types
 * was the slow part here.
 */
function flatten(m: Rows, rows: number, cols: number): Float32Array | Float64Array {
  const first = m[0];
  if (first instanceof Float32Array) {
    let contiguous = true;
    for (let t = 0; t < rows && contiguous; t++) {
      const row = m[t];
      contiguous = row instanceof Float32Array && row.buffer === first.buffer && row.length === cols && row.byteOffset === first.byteOffset + t * cols * 4;
    }
    if (contiguous) return new Float32Array(first.buffer, first.byteOffset, rows * cols);
  }
  const flat = new Float64Array(rows * cols).fill(NaN);
  for (let t = 0; t < rows; t++) {
    const row = m[t];
    if (!row) continue;
    const have = Math.min(row.length, cols);
    for (let n = 0; n < have; n++) flat[t * cols + n] = row[n];
  }
  return flat;
}

/** Spikes: one event per nonzero entry, in step order (so times ascend) and neuron order. */
function spikeEvents(m: Rows, timeOf: (step: number) => number): Record<string, Float64Array> {
  const rows = m.length;
  const cols = m[0]?.length ?? 0;
  const flat = flatten(m, rows, cols);
  let count = 0;
  for (let k = 0; k < flat.length; k++) if (flat[k] !== 0 && flat[k] === flat[k]) count++;
  const senders = new Float64Array(count);
  const times = new Float64Array(count);
  let at = 0;
  for (let t = 0; t < rows; t++) {
    const time = timeOf(t);
    const base = t * cols;
    for (let n = 0; n < cols; n++) {
      const z = flat[base + n];
      if (z === 0 || z !== z) continue; // NaN: a row shorter than the first
      senders[at] = n;
      times[at++] = time;
    }
  }
  return { senders, times };
}

/** v, i or values: samples interleaved per step, neuron by neuron, as a NEST multimeter lists
 * them, which is the rows' own row-major order. */
function sampleEvents(rec: NorseRecordingData, keys: string[], timeOf: (step: number) => number): Record<string, Float64Array> {
  const first = rec[keys[0] as keyof NorseRecordingData] as Rows;
  const rows = first.length;
  const cols = first[0]?.length ?? 0;
  const senders = new Float64Array(rows * cols);
  const times = new Float64Array(rows * cols);
  const out: Record<string, Float64Array> = { senders, times };
  for (let t = 0; t < rows; t++) {
    const time = timeOf(t);
    const base = t * cols;
    for (let n = 0; n < cols; n++) {
      senders[base + n] = n;
      times[base + n] = time;
    }
  }
  for (const key of keys) {
    const m = rec[key as keyof NorseRecordingData] as Rows;
    const flat = flatten(m, rows, cols);
    out[key] = flat instanceof Float64Array ? flat : Float64Array.from(flat);
  }
  return out;
}

export function norseToEvents(response: unknown, known: readonly NorseRecording[] = [], unit: NorseTimeUnit = 'ms'): PlottableNorse {
  const r = (response ?? {}) as Partial<NorseResponseData> & { dt?: unknown; steps?: unknown };
  const dt = typeof r.dt === 'number' && r.dt > 0 ? r.dt : 0.001;
  // rounded to 12 digits, so step 9 at dt 0.001 is 9 ms, not 9.000000000000002 (once per step)
  const timeOf = (step: number) => (unit === 'ms' ? +((step + 1) * dt * 1000).toPrecision(12) : step + 1);
  const events: Record<string, Float64Array>[] = [];
  const recorders: PlottedRecorder[] = [];
  let steps = typeof r.steps === 'number' ? r.steps : 0;
  (Array.isArray(r.recordings) ? r.recordings : []).forEach((entry, k) => {
    const rec = (entry ?? {}) as NorseRecordingData & Record<string, unknown>;
    const name = typeof rec.name === 'string' ? rec.name : (known[k]?.name ?? `recording ${k + 1}`);
    const blockId = known[k]?.blockId ?? '';
    if (isRows(rec.spikes)) {
      const m = rec.spikes;
      steps = Math.max(steps, m.length);
      events.push(spikeEvents(m, timeOf));
      recorders.push({ name: `${name} spikes`, title: t('plots.norseSpikesTitle', { name }), model: 'spike_recorder', blockId, recordables: [], sources: m[0]?.length ?? 0 });
    }
    const analog = ['v', 'i', 'values'].filter((key) => isRows(rec[key]));
    if (analog.length > 0) {
      const first = rec[analog[0]] as Rows;
      steps = Math.max(steps, first.length);
      events.push(sampleEvents(rec, analog, timeOf));
      recorders.push({
        name,
        title: `${name} ${analog.map(norseQuantity).join(', ')}`,
        model: 'multimeter',
        blockId,
        recordables: analog,
        sources: first[0]?.length ?? 0,
        labels: norseAxisLabels(),
      });
    }
  });
  const biological_time = steps > 0 ? (unit === 'ms' ? +(steps * dt * 1000).toPrecision(12) : steps) : null;
  return { response: { events, biological_time, norse: { source: response, known, unit, dt, steps } }, recorders };
}

/** The Norse run behind a plotted response (norseToEvents puts it there), or null for NEST's. */
export function norseRunOf(response: unknown): NorseRunInfo | null {
  const info = (response as { norse?: NorseRunInfo } | null)?.norse;
  return info && typeof info === 'object' && 'source' in info ? info : null;
}

const UNIT_KEY = 'spikeblocks.norseTimeUnit';
let sessionUnit: NorseTimeUnit | null = null;

/** The time unit chosen for Norse results in this session (browser tab); 'ms' until one is chosen. */
export function norseTimeUnit(): NorseTimeUnit {
  if (sessionUnit) return sessionUnit;
  try {
    const saved = globalThis.sessionStorage?.getItem(UNIT_KEY);
    if (saved === 'ms' || saved === 'steps') sessionUnit = saved;
  } catch {
    // storage refused (private mode, sandbox): remembered in memory only
  }
  return sessionUnit ?? 'ms';
}

export function setNorseTimeUnit(unit: NorseTimeUnit): void {
  sessionUnit = unit;
  try {
    globalThis.sessionStorage?.setItem(UNIT_KEY, unit);
  } catch {
    // as above
  }
}
