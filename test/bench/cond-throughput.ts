/**
 * Throughput of the conductance-based models on the local kernel: 1000 neurons, 1000 ms at
 * 0.1 ms, driven by a poisson_generator (independent trains per target) (8 kHz, 6 nS for the conductance models, 30 pA for iaf_psc_alpha as a yardstick).
 * Prints JSON: neuron-updates per second per model. Run: npx tsx test/bench/cond-throughput.ts
 */
import { NestKernel } from '../../workers/engine/nest/kernel';

const N = 1000, T = 1000;
const out: Record<string, { ms: number; updatesPerSecond: number; spikes: number }> = {};
for (const model of ['iaf_cond_exp', 'iaf_cond_alpha', 'iaf_psc_alpha']) {
  const k = new NestKernel();
  const { first } = k.create(model, N);
  const ids = Array.from({ length: N }, (_, i) => first + i);
  const pg = [k.create('poisson_generator', 1, { rate: 8000 }).first];
  const sr = [k.create('spike_recorder', 1).first];
  k.connect(pg, ids, { rule: 'all_to_all' }, { weight: model === 'iaf_psc_alpha' ? 30 : 6, delay: 1 });
  k.connect(ids, sr, { rule: 'all_to_all' }, {});
  const t0 = performance.now();
  k.simulate(T);
  const ms = performance.now() - t0;
  out[model] = { ms, updatesPerSecond: (N * T / 0.1) / (ms / 1000), spikes: k.events(sr[0]).times.length };
}
console.log(JSON.stringify(out, null, 1));
