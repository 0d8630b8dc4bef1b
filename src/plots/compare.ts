/**
 * Side by side: the same program's results from the local engine and from a real simulator,
 * recorder by recorder — spike counts and whether the spikes are the same ones, and for analog
 * recorders how far the traces lie apart. Pure functions, so every rule is tested on hand-made input.
 */
import { distinctSenders, recordablesIn, splitBySender, type RecorderEvents } from './events';
import type { PlottedRecorder } from './recorders';
import { axisLabel } from './units';
import { t } from '../i18n';

/** Spike times within this many ms count as the same spike (NEST's times are multiples of the 0.1 ms step or finer). */
const SAME_SPIKE_MS = 1e-6;

export interface SpikeComparison {
  name: string;
  blockId: string;
  local: number;
  remote: number;
  /** the same (neuron, time) pairs on both sides */
  sameSpikes: boolean;
}

export interface TraceComparison {
  name: string;
  blockId: string;
  recordable: string;
  /** what the recordable is called on the axis, e.g. "V_m (mV)" or, for Norse, "v (voltage, no unit)" */
  label: string;
  /** neurons sampled (on the local side) */
  neurons: number;
  /** largest |local − remote| over all samples both sides have at the same time, or null when none line up */
  maxDifference: number | null;
  /** samples compared */
  compared: number;
  /** the first neuron's trace of each side on one time axis, for the overlay chart */
  overlay: { neuron: number; x: Float64Array; local: (number | null)[]; remote: (number | null)[] } | null;
}

export interface Comparison {
  spikes: SpikeComparison[];
  traces: TraceComparison[];
  /** a difference in the shape of the results (recorder count), said in words; null when they match */
  shapeNote: string | null;
}

function eventsOf(response: unknown): (RecorderEvents | null)[] {
  const events = (response as { events?: unknown } | null)?.events;
  return Array.isArray(events) ? events.map((e) => (e && typeof e === 'object' ? (e as RecorderEvents) : null)) : [];
}

export function compareResults(local: unknown, remote: unknown, recorders: readonly PlottedRecorder[]): Comparison {
  const l = eventsOf(local);
  const r = eventsOf(remote);
  const shapeNote = l.length === r.length ? null : t('plots.compareShape', { local: l.length, remote: r.length });
  const spikes: SpikeComparison[] = [];
  const traces: TraceComparison[] = [];
  for (let i = 0; i < Math.min(l.length, r.length); i++) {
    const name = recorders[i]?.name ?? `recorder ${i + 1}`;
    const blockId = recorders[i]?.blockId ?? '';
    const recordables = recordablesIn(l[i], recorders[i]?.recordables ?? []);
    if (recordables.length === 0) {
      spikes.push({ name, blockId, local: l[i]?.times?.length ?? 0, remote: r[i]?.times?.length ?? 0, sameSpikes: sameSpikes(l[i], r[i]) });
      continue;
    }
    for (const recordable of recordables) {
      const label = recorders[i]?.labels?.[recordable] ?? axisLabel(recordable);
      traces.push(compareTrace(name, blockId, recordable, label, l[i]!, r[i]));
    }
  }
  return { spikes, traces, shapeNote };
}

/** (sender, time) pairs sorted, so the order each simulator lists them in does not matter. */
function spikePairs(events: RecorderEvents | null | undefined): [number, number][] {
  const times = events?.times ?? [];
  const senders = events?.senders ?? [];
  const pairs: [number, number][] = [];
  for (let i = 0; i < times.length; i++) pairs.push([senders[i] ?? 0, times[i]]);
  return pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

function sameSpikes(a: RecorderEvents | null | undefined, b: RecorderEvents | null | undefined): boolean {
  const pa = spikePairs(a);
  const pb = spikePairs(b);
  return pa.length === pb.length && pa.every(([s, t], i) => s === pb[i][0] && Math.abs(t - pb[i][1]) <= SAME_SPIKE_MS);
}

function compareTrace(name: string, blockId: string, recordable: string, label: string, local: RecorderEvents, remote: RecorderEvents | null): TraceComparison {
  const senders = distinctSenders(local.senders ?? []);
  let maxDifference: number | null = null;
  let compared = 0;
  const l = splitBySender(local.senders ?? [], local.times ?? [], local[recordable] ?? []);
  const r = remote ? splitBySender(remote.senders ?? [], remote.times ?? [], remote[recordable] ?? []) : null;
  let overlay: TraceComparison['overlay'] = null;
  l.senders.forEach((id, slot) => {
    const other = r ? r.senders.indexOf(id) : -1;
    if (!r || other < 0) return;
    const aligned = align(l.x, l.lines[slot], r.x, r.lines[other]);
    for (let k = 0; k < aligned.x.length; k++) {
      const a = aligned.local[k];
      const b = aligned.remote[k];
      if (a === null || b === null) continue;
      compared++;
      const d = Math.abs(a - b);
      if (maxDifference === null || d > maxDifference) maxDifference = d;
    }
    if (!overlay) overlay = { neuron: id, ...aligned };
  });
  return { name, blockId, recordable, label, neurons: senders.length, maxDifference, compared, overlay };
}

/** Two sampled lines on the union of their sample times; null where a side has no sample. */
function align(xa: ArrayLike<number>, ya: ArrayLike<number | null>, xb: ArrayLike<number>, yb: ArrayLike<number | null>) {
  const x: number[] = [];
  const local: (number | null)[] = [];
  const remote: (number | null)[] = [];
  let i = 0;
  let j = 0;
  while (i < xa.length || j < xb.length) {
    const ta = i < xa.length ? xa[i] : Infinity;
    const tb = j < xb.length ? xb[j] : Infinity;
    if (i < xa.length && j < xb.length && Math.abs(ta - tb) <= 1e-9 * Math.max(1, Math.abs(ta))) {
      x.push(ta);
      local.push(ya[i++] ?? null);
      remote.push(yb[j++] ?? null);
    } else if (ta < tb) {
      x.push(ta);
      local.push(ya[i++] ?? null);
      remote.push(null);
    } else {
      x.push(tb);
      local.push(null);
      remote.push(yb[j++] ?? null);
    }
  }
  return { x: Float64Array.from(x), local, remote };
}
