/**
 * Each neuron's input, as a program can hand it back beside the events, so spikes per neuron can
 * be drawn as an f–I curve when the neurons of one population got different currents (a random
 * I_e, or I_e set per neuron):
 *
 *   response["inputs"] = [None, {"label": "I_e (pA)", "ids": [1, 2, 3], "values": [300.0, 500.0, 400.0]}, ...]
 *
 * one entry per entry of response["events"] (None where there is nothing to say). A generator
 * writes it from nest.GetStatus / node.get("I_e"); a hand-edited program may put anything there,
 * so an entry is used only when it is well formed, else ignored (the spike counts are drawn).
 * An entry whose neurons all got the same input is no f–I curve: spikes per neuron are drawn,
 * with its ids as the recorded neurons (sb-spike-plots.ts).
 *
 * Which neurons a spike recorder records (so the silent ones show with 0 spikes):
 *
 *   response["recorded"] = [[1, 2, 3, 4], None, ...]
 *
 * also one entry per entry of response["events"]; in PyNEST
 * `sorted(set(nest.GetConnections(target=sr1).sources()))`.
 */
import type { NeuronInputs } from './recorders';

function numbers(value: unknown): number[] | null {
  if (!Array.isArray(value) && !ArrayBuffer.isView(value)) return null;
  const list = Array.from(value as ArrayLike<unknown>);
  return list.every((v) => typeof v === 'number' && Number.isFinite(v)) ? (list as number[]) : null;
}

/** The inputs of response.events[index]'s neurons, or null when the response has none (or not usable ones). */
export function neuronInputsOf(response: unknown, index: number): NeuronInputs | null {
  const inputs = (response as { inputs?: unknown } | null)?.inputs;
  if (!Array.isArray(inputs)) return null;
  const entry = inputs[index] as { label?: unknown; ids?: unknown; values?: unknown } | null | undefined;
  if (!entry || typeof entry !== 'object') return null;
  const ids = numbers(entry.ids);
  // node.get("I_e") of a single neuron is a number, not a list
  const values = typeof entry.values === 'number' && Number.isFinite(entry.values) ? [entry.values] : numbers(entry.values);
  if (!ids || !values || ids.length === 0 || ids.length !== values.length) return null;
  const label = typeof entry.label === 'string' && entry.label.trim() !== '' ? entry.label : 'input';
  return { label, ids, values };
}

/** The ids of the neurons response.events[index]'s recorder records, or null when not given (or
 * not a list of whole numbers). */
export function recordedIdsOf(response: unknown, index: number): number[] | null {
  const recorded = (response as { recorded?: unknown } | null)?.recorded;
  if (!Array.isArray(recorded)) return null;
  const ids = numbers(recorded[index]);
  return ids && ids.length > 0 && ids.every((id) => Number.isInteger(id)) ? ids : null;
}
