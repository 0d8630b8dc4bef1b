/**
 * The rules of the per-neuron plot and the bin fields under each raster (sb-spike-plots.ts), as
 * pure functions so they are tested without a page (test/node/plots-stats-inputs.test.ts).
 */
import { t } from '../i18n';
import { shownValue } from './number-text';
import type { NeuronInputs } from './recorders';
import type { SpikeTrainStats } from './stats';
import { readTypedNumber } from '../i18n/typed-number';

/** More bins than this would be thinner than a pixel and slow to list: a smaller bin is refused
 * (and a run that got longer since the bin was chosen widens it to fit). */
export const MAX_BINS = 5000;

/**
 * Spikes of every recorded neuron: the ids that spiked, and, when the recorded population's ids
 * are known (`recorded`), every other one of them with 0 — a silent neuron is a result too.
 * Ascending ids.
 */
export function neuronCounts(trains: SpikeTrainStats, recorded: ArrayLike<number> | null): { ids: Float64Array; counts: Float64Array } {
  if (!recorded || recorded.length === 0) return { ids: trains.ids, counts: trains.counts };
  const countOf = new Map<number, number>();
  trains.ids.forEach((id, k) => countOf.set(id, trains.counts[k]));
  const all = new Set<number>(trains.ids);
  for (let i = 0; i < recorded.length; i++) if (Number.isFinite(recorded[i])) all.add(recorded[i]);
  const ids = Float64Array.from(all).sort();
  return { ids, counts: Float64Array.from(ids, (id) => countOf.get(id) ?? 0) };
}

/** Whether the neurons got different inputs (an f–I curve needs at least two x values). */
export function inputsDiffer(inputs: NeuronInputs | null): inputs is NeuronInputs {
  if (!inputs || inputs.values.length < 2) return false;
  for (let i = 1; i < inputs.values.length; i++) if (inputs.values[i] !== inputs.values[0]) return true;
  return false;
}

/** Why a typed bin width cannot be used, or null when it can (a bin under `smallest` would make
 * more than MAX_BINS bins: thinner than a pixel, and slow). */
export function binProblem(text: string, smallest: number): string | null {
  if (text.trim() === '') return t('plots.binEmpty');
  const value = readTypedNumber(text);
  if (value === null) return t('plots.binNotNumber');
  if (value <= 0) return t('plots.binNotPositive');
  if (value < smallest * (1 - 1e-9)) return t('plots.binTooSmall', { min: shownValue(roundedUp(smallest)), max: MAX_BINS });
  return null;
}

/** `v` to 4 significant digits, rounded up: the smallest bin said is one the field takes. */
function roundedUp(v: number): number {
  const shown = Number(v.toPrecision(4));
  return shown >= v ? shown : Number((shown + 10 ** (Math.floor(Math.log10(v)) - 3)).toPrecision(4));
}

