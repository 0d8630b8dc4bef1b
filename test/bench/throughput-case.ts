/**
 * Throughput case (browser-safe, no node: imports): poisson_generator → N iaf_psc_alpha →
 * spike_recorder on the local kernel. Each neuron gets its own Poisson draw per step, as in NEST.
 * Defaults (rate 10000 spikes/s, weight 10 pA, delay 1 ms) make the neurons fire at a clear rate
 * (real NEST 3.10: about 71 spikes/s per neuron, see test/fixtures/kernel/first_example_rates.json).
 */
import { NestKernel } from '../../workers/engine/nest/kernel';

export interface ThroughputOptions {
  neurons: number;
  simTimeMs: number;
  rate?: number;
  weight?: number;
}

export interface ThroughputResult {
  neuronUpdatesPerSecond: number;
  wallMs: number;
  spikes: number;
  steps: number;
}

export function runThroughputCase(opts: ThroughputOptions): ThroughputResult {
  const kernel = new NestKernel();
  const pg = kernel.create('poisson_generator', 1, { rate: opts.rate ?? 10000 });
  const pop = kernel.create('iaf_psc_alpha', opts.neurons);
  const sr = kernel.create('spike_recorder', 1);
  const ids = Int32Array.from({ length: opts.neurons }, (_, k) => pop.first + k);
  kernel.connect([pg.first], ids, { rule: 'all_to_all' }, { weight: opts.weight ?? 10, delay: 1.0 });
  kernel.connect(ids, [sr.first], { rule: 'all_to_all' }, {});
  const clock = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
  const t0 = clock();
  kernel.simulate(opts.simTimeMs);
  const wallMs = clock() - t0;
  const steps = Math.round(opts.simTimeMs / (kernel.getKernelStatus().resolution as number));
  return {
    neuronUpdatesPerSecond: (opts.neurons * steps) / (wallMs / 1000),
    wallMs,
    spikes: kernel.nEvents(sr.first),
    steps,
  };
}
