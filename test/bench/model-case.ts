/**
 * One model-throughput case (browser-safe, no node: imports): poisson_generator (8000 spikes/s,
 * its own train per target) → N neurons of one model → spike_recorder, on the local kernel.
 * The weight per model is chosen so every model fires at a moderate rate (see WEIGHTS).
 */
import { NestKernel } from '../../workers/engine/nest/kernel';

export const MODELS = [
  'iaf_psc_alpha', 'iaf_psc_exp', 'iaf_psc_delta', 'iaf_cond_exp', 'iaf_cond_alpha',
  'hh_psc_alpha', 'aeif_cond_alpha', 'izhikevich', 'parrot_neuron',
] as const;

/** Synaptic weight per model, in the model's own unit: pA (psc, hh), nS (cond, aeif), mV
 * (iaf_psc_delta, izhikevich: a jump of V), none (parrot). */
export const WEIGHTS: Record<string, number> = {
  iaf_psc_alpha: 30, iaf_psc_exp: 30, iaf_psc_delta: 1, iaf_cond_exp: 6, iaf_cond_alpha: 6,
  hh_psc_alpha: 100, aeif_cond_alpha: 6, izhikevich: 1, parrot_neuron: 1,
};
export const RATE = 8000;

export interface ModelResult { wallMs: number; spikes: number }

export function runModelCase(model: string, neurons: number, simTimeMs: number): ModelResult {
  const k = new NestKernel();
  const { first } = k.create(model, neurons);
  const ids = Int32Array.from({ length: neurons }, (_, i) => first + i);
  const pg = k.create('poisson_generator', 1, { rate: RATE }).first;
  const sr = k.create('spike_recorder', 1).first;
  k.connect([pg], ids, { rule: 'all_to_all' }, { weight: WEIGHTS[model], delay: 1 });
  k.connect(ids, [sr], { rule: 'all_to_all' }, {});
  const t0 = performance.now();
  k.simulate(simTimeMs);
  return { wallMs: performance.now() - t0, spikes: k.nEvents(sr) };
}
