/**
 * Throughput of the adaptive-step models on the local kernel: 1000 neurons, 1000 ms at 0.1 ms,
 * driven by a poisson_generator (independent trains per target, 8 kHz). Weights: 6 nS for the
 * conductance models (iaf_cond_*, aeif_cond_alpha), 100 pA for hh_psc_alpha, 30 pA for
 * iaf_psc_alpha as a yardstick.
 * Prints JSON: neuron-updates per second per model, by wall-clock and by CPU time (the latter is
 * steadier on a shared machine).
 * Run: npx tsx test/bench/cond-throughput.ts [model ...]
 * The same scenario on real NEST (single thread): .venv/bin/python test/bench/cond-throughput-nest.py
 */
import { NestKernel } from '../../workers/engine/nest/kernel';

const N = 1000, T = 1000;
const WEIGHT: Record<string, number> = { iaf_psc_alpha: 30, hh_psc_alpha: 100 };
const models = process.argv.length > 2
  ? process.argv.slice(2)
  : ['iaf_cond_exp', 'iaf_cond_alpha', 'iaf_psc_alpha', 'hh_psc_alpha', 'aeif_cond_alpha'];
const out: Record<string, { ms: number; updatesPerSecond: number; updatesPerCpuSecond: number; spikes: number }> = {};
for (const model of models) {
  const k = new NestKernel();
  const { first } = k.create(model, N);
  const ids = Array.from({ length: N }, (_, i) => first + i);
  const pg = [k.create('poisson_generator', 1, { rate: 8000 }).first];
  const sr = [k.create('spike_recorder', 1).first];
  k.connect(pg, ids, { rule: 'all_to_all' }, { weight: WEIGHT[model] ?? 6, delay: 1 });
  k.connect(ids, sr, { rule: 'all_to_all' }, {});
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  k.simulate(T);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  const updates = N * T / 0.1;
  out[model] = {
    ms, updatesPerSecond: updates / (ms / 1000), updatesPerCpuSecond: updates / ((cpu.user + cpu.system) / 1e6),
    spikes: k.events(sr[0]).times.length,
  };
}
console.log(JSON.stringify(out, null, 1));
