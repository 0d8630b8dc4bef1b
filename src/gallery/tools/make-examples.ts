/**
 * Writes the gallery's NEST examples (blocks/examples/<id>.json) from the short descriptions
 * below. They are our own rebuilds, with our blocks, of what classic PyNEST examples and NEST
 * Desktop example projects compute (the parameters are the published ones, noted per example);
 * no code of theirs is used. The JSON files are what the app ships and what a teacher may edit;
 * running this again overwrites them:
 *
 *   npx tsx src/gallery/tools/make-examples.ts
 *
 * first-example.json and fi-curve.json (older, written by hand) are not touched here.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ac, connect, kernel, poisson, population, simulate, spikeRecorder, stepCurrent, voltmeter, workspace } from './workspace-builder';

const DIR = resolve(import.meta.dirname, '../../../blocks/examples');

/** Brunel (2000) model A with PyNEST brunel_delta_nest's parameters at 1/25 of its size (order 100
 * instead of 2500: 400 excitatory and 100 inhibitory neurons, in-degrees 10 % of each population,
 * so 40 and 10 instead of 1000 and 250). The external rate follows the example's formula (eta
 * times the rate that alone brings the mean voltage to threshold), so with the smaller in-degree
 * the recurrent input is weaker than at full size and the neurons fire faster (~90 spikes/s). */
const BRUNEL = (() => {
  const order = 100;
  const NE = 4 * order, NI = order;
  const CE = NE / 10, CI = NI / 10;
  const J = 0.1, g = 5, eta = 2, delay = 1.5, tauMem = 20, theta = 20;
  // the external rate that alone would bring the mean voltage to threshold, times eta
  const nuTh = theta / (J * CE * tauMem);
  const pRate = 1000 * eta * nuTh * CE;
  const neuron = { C_m: 1, tau_m: tauMem, t_ref: 2, E_L: 0, V_reset: 10, V_m: 0, V_th: theta };
  return { NE, NI, CE, CI, J, g, delay, pRate, neuron };
})();

function brunelDelta() {
  const b = BRUNEL;
  const rows = { I_e: 0, V_th: b.neuron.V_th, tau_m: b.neuron.tau_m };
  const more = { C_m: b.neuron.C_m, t_ref: b.neuron.t_ref, E_L: b.neuron.E_L, V_reset: b.neuron.V_reset, V_m: b.neuron.V_m };
  return workspace([
    kernel(1),
    poisson('noise', b.pRate),
    population('ex', 'iaf_psc_delta', b.NE, rows, more),
    population('inh', 'iaf_psc_delta', b.NI, rows, more),
    spikeRecorder('sr_ex'),
    spikeRecorder('sr_in'),
    connect('noise', 'ex', { weight: b.J, delay: b.delay }),
    connect('noise', 'inh', { weight: b.J, delay: b.delay }),
    connect('ex', 'ex', { weight: b.J, delay: b.delay, rule: 'fixed_indegree', ruleNumber: b.CE }),
    connect('ex', 'inh', { weight: b.J, delay: b.delay, rule: 'fixed_indegree', ruleNumber: b.CE }),
    connect('inh', 'ex', { weight: -b.g * b.J, delay: b.delay, rule: 'fixed_indegree', ruleNumber: b.CI }),
    connect('inh', 'inh', { weight: -b.g * b.J, delay: b.delay, rule: 'fixed_indegree', ruleNumber: b.CI }),
    connect('ex', 'sr_ex'),
    connect('inh', 'sr_in'),
    // half of brunel_delta's 1000 ms: the run stays well under a second in the browser
    simulate(500),
  ]);
}

/** Peak of the membrane potential's response (mV) to one alpha-shaped current of peak 1 pA
 * (NEST's iaf_psc_alpha weight), I(s) = (e/τs) s e^(−s/τs): with a = 1/τs − 1/τm,
 * V(t) = (e / (τs C)) e^(−t/τm) (1 − e^(−at)(1 + at)) / a², largest on a 1 µs grid. */
export function alphaPspPeak(tauM: number, cM: number, tauS: number): number {
  const a = 1 / tauS - 1 / tauM;
  let peak = 0;
  for (let t = 0.001; t < 5 * tauM; t += 0.001) {
    peak = Math.max(peak, ((Math.E / (tauS * cM)) * Math.exp(-t / tauM) * (1 - Math.exp(-a * t) * (1 + a * t))) / (a * a));
  }
  return peak;
}

/** PyNEST brunel_alpha_nest at the same 1/25 size: iaf_psc_alpha neurons whose PSCs (τs = 0.5 ms)
 * are scaled so that one excitatory spike raises V by J = 0.1 mV at its peak, as in the example. */
function brunelAlpha() {
  const b = BRUNEL;
  const tauSyn = 0.5, cMem = 250;
  const jEx = Math.round((b.J / alphaPspPeak(b.neuron.tau_m, cMem, tauSyn)) * 1000) / 1000;
  const rows = { I_e: 0, V_th: b.neuron.V_th, tau_m: b.neuron.tau_m };
  const more = { C_m: cMem, t_ref: b.neuron.t_ref, E_L: 0, V_reset: 0, V_m: 0, tau_syn_ex: tauSyn, tau_syn_in: tauSyn };
  return workspace([
    kernel(1),
    poisson('noise', b.pRate),
    population('ex', 'iaf_psc_alpha', b.NE, rows, more),
    population('inh', 'iaf_psc_alpha', b.NI, rows, more),
    spikeRecorder('sr_ex'),
    spikeRecorder('sr_in'),
    connect('noise', 'ex', { weight: jEx, delay: b.delay }),
    connect('noise', 'inh', { weight: jEx, delay: b.delay }),
    connect('ex', 'ex', { weight: jEx, delay: b.delay, rule: 'fixed_indegree', ruleNumber: b.CE }),
    connect('ex', 'inh', { weight: jEx, delay: b.delay, rule: 'fixed_indegree', ruleNumber: b.CE }),
    connect('inh', 'ex', { weight: -b.g * jEx, delay: b.delay, rule: 'fixed_indegree', ruleNumber: b.CI }),
    connect('inh', 'inh', { weight: -b.g * jEx, delay: b.delay, rule: 'fixed_indegree', ruleNumber: b.CI }),
    connect('ex', 'sr_ex'),
    connect('inh', 'sr_in'),
    simulate(500),
  ]);
}

export const EXAMPLES: Record<string, () => Record<string, unknown>> = {
  // PyNEST one_neuron: iaf_psc_alpha with a constant internal current I_e = 376 pA, just above
  // the rheobase C_m (V_th − E_L) / tau_m = 375 pA: it fires slowly and regularly.
  'one-neuron': () =>
    workspace([kernel(1), population('n1', 'iaf_psc_alpha', 1, { I_e: 376 }), voltmeter('vm1'), spikeRecorder('sr1'),
      connect('vm1', 'n1'), connect('n1', 'sr1'), simulate(1000)]),
  // PyNEST one_neuron_with_noise: Poisson input 80 000 spikes/s of weight 1.2 pA and
  // 15 000 spikes/s of weight −1 pA (each standing for many presynaptic neurons).
  'one-neuron-noise': () =>
    workspace([kernel(1), poisson('pg_ex', 80000), poisson('pg_in', 15000), population('n1', 'iaf_psc_alpha', 1),
      voltmeter('vm1'), spikeRecorder('sr1'),
      connect('pg_ex', 'n1', { weight: 1.2, delay: 1 }), connect('pg_in', 'n1', { weight: -1, delay: 1 }),
      connect('vm1', 'n1'), connect('n1', 'sr1'), simulate(1000)]),
  // PyNEST twoneurons: n1 (I_e 376 pA) drives n2 through a synapse of weight 20 pA (delay 1 ms);
  // each spike of n1 shows as a small bump in n2's membrane potential.
  'two-neurons': () =>
    workspace([kernel(1), population('n1', 'iaf_psc_alpha', 1, { I_e: 376 }), population('n2', 'iaf_psc_alpha', 1),
      voltmeter('vm1'), spikeRecorder('sr1'),
      connect('n1', 'n2', { weight: 20, delay: 1 }), connect('vm1', 'n2'), connect('n1', 'sr1'), simulate(1000)]),
  // PyNEST balancedneuron: 16 000 excitatory inputs at 5 spikes/s (80 000 spikes/s, +45 pA) and
  // 4 000 inhibitory ones (−45 pA) whose rate is found by bisection so that the neuron fires at
  // the rate of its inputs, 5 spikes/s. We ran that bisection on real NEST 3.10 (50 s per step,
  // 14 steps): 20.787 spikes/s per inhibitory input, i.e. 83 150 spikes/s in all.
  'balanced-neuron': () =>
    workspace([kernel(1), poisson('pg_ex', 80000), poisson('pg_in', 83150), population('n1', 'iaf_psc_alpha', 1),
      voltmeter('vm1', 1), spikeRecorder('sr1'),
      connect('pg_ex', 'n1', { weight: 45, delay: 1 }), connect('pg_in', 'n1', { weight: -45, delay: 1 }),
      connect('vm1', 'n1'), connect('n1', 'sr1'), simulate(5000)]),
  'brunel-delta': brunelDelta,
  'brunel-alpha': brunelAlpha,
  // A sine-wave current (ac_generator) around a mean below the rheobase: the neuron fires only
  // near the wave's peaks, in bursts at the wave's frequency.
  'sine-current': () =>
    workspace([kernel(1), ac('ac1', 200, 4, { offset: 300 }), population('n1', 'iaf_psc_alpha', 1), voltmeter('vm1'), spikeRecorder('sr1'),
      connect('ac1', 'n1'), connect('vm1', 'n1'), connect('n1', 'sr1'), simulate(1000)]),
  // A current in steps (step_current_generator): 300 pA stays below threshold, 500 pA fires,
  // 0 pA lets the voltage relax back to rest.
  'step-current': () =>
    workspace([kernel(1), stepCurrent('scg1', [100, 400, 700], [300, 500, 0]), population('n1', 'iaf_psc_alpha', 1),
      voltmeter('vm1'), spikeRecorder('sr1'),
      connect('scg1', 'n1'), connect('vm1', 'n1'), connect('n1', 'sr1'), simulate(1000)]),
  // NEST Desktop "spike activity": Poisson input 6 500 spikes/s (weight 10 pA) into 100 neurons.
  'spike-activity': () =>
    workspace([kernel(1), poisson('pg1', 6500), population('n1', 'iaf_psc_alpha', 100), spikeRecorder('sr1'),
      connect('pg1', 'n1', { weight: 10, delay: 1 }), connect('n1', 'sr1'), simulate(1000)]),
  // After NEST Desktop's "E-I network": 80 excitatory and 20 inhibitory neurons, random
  // connections (p = 0.1), inhibition 4 times as strong as excitation, all driven by Poisson input.
  'ei-network': () =>
    workspace([kernel(1), poisson('pg1', 8000), population('ex', 'iaf_psc_alpha', 80), population('inh', 'iaf_psc_alpha', 20),
      spikeRecorder('sr_ex'), spikeRecorder('sr_in'),
      connect('pg1', 'ex', { weight: 10, delay: 1 }), connect('pg1', 'inh', { weight: 10, delay: 1 }),
      connect('ex', 'ex', { weight: 20, delay: 1.5, rule: 'pairwise_bernoulli', ruleNumber: 0.1 }),
      connect('ex', 'inh', { weight: 20, delay: 1.5, rule: 'pairwise_bernoulli', ruleNumber: 0.1 }),
      connect('inh', 'ex', { weight: -80, delay: 1.5, rule: 'pairwise_bernoulli', ruleNumber: 0.1 }),
      connect('inh', 'inh', { weight: -80, delay: 1.5, rule: 'pairwise_bernoulli', ruleNumber: 0.1 }),
      connect('ex', 'sr_ex'), connect('inh', 'sr_in'), simulate(1000)]),
};

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  for (const [id, build] of Object.entries(EXAMPLES)) {
    writeFileSync(resolve(DIR, `${id}.json`), `${JSON.stringify(build(), null, 2)}\n`);
    console.log(`blocks/examples/${id}.json`);
  }
}
