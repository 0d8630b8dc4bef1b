/**
 * Norse programs hand back whole tensors: response["recordings"] holds, per record block, the
 * layer's spikes, v and i as (time steps, neurons) lists. The plots draw NEST-style recorder
 * events (one entry per spike or sample, with sender and time), so this turns a recording into
 * those: spikes into a spike recorder's {senders, times}, v/i/values into a multimeter's
 * {senders, times, v, i}. Neurons are numbered from 0, as in the tensor; times are step·dt in ms
 * (step 0 at dt: the values after the first step), or step numbers when `unit` is 'steps'.
 */
import type { PlottedRecorder } from './recorders';

export type NorseTimeUnit = 'ms' | 'steps';

/** What the generator knows about each record block (same order as response.recordings). */
export interface NorseRecording {
  name: string;
  blockId: string;
}

type Matrix = ArrayLike<ArrayLike<number>>;

export interface PlottableNorse {
  /** NEST-shaped: {"events": [...], "biological_time": …} */
  response: { events: Record<string, Float64Array>[]; biological_time: number | null };
  recorders: PlottedRecorder[];
}

function isMatrix(value: unknown): value is Matrix {
  return Array.isArray(value) && value.every((row) => Array.isArray(row) || ArrayBuffer.isView(row));
}

/** True when a response has Norse's shape (a "recordings" list), so it is drawn through this. */
export function isNorseResponse(response: unknown): boolean {
  return Array.isArray((response as { recordings?: unknown } | null)?.recordings);
}

export function norseToEvents(response: unknown, known: readonly NorseRecording[] = [], unit: NorseTimeUnit = 'ms'): PlottableNorse {
  const r = (response ?? {}) as { recordings?: unknown[]; dt?: unknown; steps?: unknown };
  const dt = typeof r.dt === 'number' && r.dt > 0 ? r.dt : 0.001;
  const timeOf = (step: number) => (unit === 'ms' ? (step + 1) * dt * 1000 : step + 1);
  const events: Record<string, Float64Array>[] = [];
  const recorders: PlottedRecorder[] = [];
  let steps = typeof r.steps === 'number' ? r.steps : 0;
  (r.recordings ?? []).forEach((entry, k) => {
    const rec = (entry ?? {}) as Record<string, unknown>;
    const name = typeof rec.name === 'string' ? rec.name : (known[k]?.name ?? `recording ${k + 1}`);
    const blockId = known[k]?.blockId ?? '';
    if (isMatrix(rec.spikes)) {
      const m = rec.spikes;
      steps = Math.max(steps, m.length);
      let count = 0;
      for (let t = 0; t < m.length; t++) for (let n = 0; n < m[t].length; n++) if (m[t][n] !== 0) count++;
      const senders = new Float64Array(count);
      const times = new Float64Array(count);
      let at = 0;
      for (let t = 0; t < m.length; t++) {
        for (let n = 0; n < m[t].length; n++) {
          if (m[t][n] === 0) continue;
          senders[at] = n;
          times[at++] = timeOf(t);
        }
      }
      events.push({ senders, times });
      recorders.push({ name: `${name} spikes`, model: 'spike_recorder', blockId, recordables: [], sources: m[0]?.length ?? 0 });
    }
    const analog = ['v', 'i', 'values'].filter((key) => isMatrix(rec[key]));
    if (analog.length > 0) {
      const first = rec[analog[0]] as Matrix;
      const rows = first.length;
      const cols = first[0]?.length ?? 0;
      steps = Math.max(steps, rows);
      const senders = new Float64Array(rows * cols);
      const times = new Float64Array(rows * cols);
      const entryEvents: Record<string, Float64Array> = { senders, times };
      for (const key of analog) entryEvents[key] = new Float64Array(rows * cols);
      // interleaved per step, neuron by neuron, as a NEST multimeter lists samples
      for (let t = 0; t < rows; t++) {
        for (let n = 0; n < cols; n++) {
          const at = t * cols + n;
          senders[at] = n;
          times[at] = timeOf(t);
          for (const key of analog) entryEvents[key][at] = (rec[key] as Matrix)[t]?.[n] ?? NaN;
        }
      }
      events.push(entryEvents);
      recorders.push({ name, model: 'multimeter', blockId, recordables: analog, sources: cols });
    }
  });
  const biological_time = steps > 0 ? (unit === 'ms' ? steps * dt * 1000 : steps) : null;
  return { response: { events, biological_time }, recorders };
}
