/**
 * poisson_generator statistics, and the first example against real NEST's mean rate.
 * Bounds are 5 standard deviations: a correct sampler fails one of them with probability
 * below about 6e-7 per bound.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { NestKernel } from '../../workers/engine/nest/kernel';
import { PoissonSampler, Rng } from '../../workers/engine/nest/rng';

const Z = 5;

function poissonPmf(mean: number, k: number): number {
  let logp = -mean + k * Math.log(mean);
  for (let j = 2; j <= k; j++) logp -= Math.log(j);
  return Math.exp(logp);
}

for (const mean of [0.01, 0.5, 3, 9.99, 10, 37.5, 1000]) {
  test(`PoissonSampler(mean ${mean}): mean, variance and P(k) within ${Z} sigma`, () => {
    const rng = new Rng(12345);
    const sampler = new PoissonSampler(mean);
    const n = 200000;
    const counts = new Map<number, number>();
    let sum = 0, sumSq = 0;
    for (let i = 0; i < n; i++) {
      const k = sampler.draw(rng);
      assert.ok(Number.isInteger(k) && k >= 0);
      sum += k;
      sumSq += k * k;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    const m = sum / n;
    const v = (sumSq - n * m * m) / (n - 1);
    assert.ok(Math.abs(m - mean) <= Z * Math.sqrt(mean / n), `sample mean ${m}`);
    // Var(s²) ≈ (λ + 2λ²)/n for Poisson counts
    assert.ok(Math.abs(v - mean) <= Z * Math.sqrt((mean + 2 * mean * mean) / n), `sample variance ${v}`);
    // each frequent value's count is Binomial(n, P(k))
    const mode = Math.floor(mean);
    for (const k of [0, 1, 2, mode, mode + 1]) {
      const p = poissonPmf(mean, k);
      if (n * p < 50) continue;
      const c = counts.get(k) ?? 0;
      assert.ok(Math.abs(c - n * p) <= Z * Math.sqrt(n * p * (1 - p)), `count of ${k}: ${c} vs ${n * p}`);
    }
  });
}

/** Spikes each target received: iaf_psc_delta with no leak (tau_m huge), weight 1 mV, no
 * threshold in reach, so V_m − E_L counts the input spikes. */
function receivedCounts(rate: number, neurons: number, tMs: number, seed: number): { counts: number[]; expected: number } {
  const k = new NestKernel();
  k.setKernelStatus({ rng_seed: seed });
  const pg = k.create('poisson_generator', 1, { rate }).first;
  const pop = k.create('iaf_psc_delta', neurons, { tau_m: 1e12, C_m: 1, V_th: 1e9 });
  const ids = Array.from({ length: neurons }, (_, i) => pop.first + i);
  k.connect([pg], ids, { rule: 'all_to_all' }, { weight: 1, delay: 1.0 });
  k.simulate(tMs);
  const counts = k.getStatus(ids).map((d) => Math.round((d.V_m as number) - (d.E_L as number)));
  // Emission steps s = 1 .. T/h − 1 − D (start 0 < s·h), read D steps later, within the run.
  const steps = Math.round(tMs / 0.1) - 1 - 10;
  return { counts, expected: (steps * rate * 0.1) / 1000 };
}

for (const rate of [5000, 300000]) {
  test(`poisson_generator rate ${rate}: every target its own Poisson train (count and spread)`, () => {
    const { counts, expected } = receivedCounts(rate, 400, 200, 7);
    const n = counts.length;
    const total = counts.reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(total - n * expected) <= Z * Math.sqrt(n * expected), `total ${total} vs ${n * expected}`);
    const m = total / n;
    const v = counts.reduce((a, c) => a + (c - m) ** 2, 0) / (n - 1);
    assert.ok(Math.abs(v - expected) <= Z * Math.sqrt((expected + 2 * expected * expected) / n), `variance ${v} vs ${expected}`);
    // independent trains: not all targets got the same count
    assert.ok(new Set(counts).size > 5);
  });
}

test('the same rng_seed gives the same result, another seed a different one', () => {
  const a = receivedCounts(5000, 50, 50, 3).counts;
  const b = receivedCounts(5000, 50, 50, 3).counts;
  const c = receivedCounts(5000, 50, 50, 4).counts;
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
});

test('poisson_generator window: spikes only for start < s·h ≤ stop', () => {
  const k = new NestKernel();
  const pg = k.create('poisson_generator', 1, { rate: 1e6, start: 1.0, stop: 2.0 }).first;
  const sr = k.create('spike_recorder', 1).first;
  k.connect([pg], [sr], { rule: 'all_to_all' }, {});
  k.simulate(5.0);
  const times = Array.from(new Set(Array.from(k.events(sr).times)));
  // stamps (s+1)·h for s·h in (1.0, 2.0]: 1.2 … 2.1 (NEST 3.10 probed: 2.2 … 3.1 after a 1 ms delay)
  assert.equal(times.length, 10);
  assert.ok(Math.abs(times[0] - 1.2) < 1e-9 && Math.abs(times[9] - 2.1) < 1e-9, times.join());
});

interface RateCase { rate: number; weight: number; neurons: number; sim_time: number; rates_per_seed: number[]; mean_rate: number; sd_rate: number }

const rates = JSON.parse(readFileSync(new URL('../fixtures/kernel/first_example_rates.json', import.meta.url), 'utf8')) as {
  nest_version: string; cases: RateCase[];
};

for (const c of rates.cases) {
  test(`first example: poisson_generator ${c.rate}/s → ${c.neurons} iaf_psc_alpha (weight ${c.weight}) rate matches NEST ${rates.nest_version} (${c.mean_rate.toFixed(2)}/s)`, () => {
    const ours: number[] = [];
    for (let seed = 1; seed <= c.rates_per_seed.length; seed++) {
      const k = new NestKernel();
      k.setKernelStatus({ rng_seed: seed });
      const pg = k.create('poisson_generator', 1, { rate: c.rate }).first;
      const pop = k.create('iaf_psc_alpha', c.neurons);
      const sr = k.create('spike_recorder', 1).first;
      const ids = Array.from({ length: c.neurons }, (_, i) => pop.first + i);
      k.connect([pg], ids, { rule: 'all_to_all' }, { weight: c.weight, delay: 1.0 });
      k.connect(ids, [sr], { rule: 'all_to_all' }, {});
      k.simulate(c.sim_time);
      ours.push(k.nEvents(sr) / c.neurons / (c.sim_time / 1000));
    }
    const n = ours.length;
    const mean = ours.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(ours.reduce((a, r) => a + (r - mean) ** 2, 0) / (n - 1));
    // difference of two means of n seeds each; spread from both samples
    const se = Math.sqrt((sd * sd + c.sd_rate * c.sd_rate) / n);
    assert.ok(mean > 1, 'the neurons fire');
    assert.ok(Math.abs(mean - c.mean_rate) <= Z * se, `ours ${mean.toFixed(3)} ± ${sd.toFixed(3)} vs NEST ${c.mean_rate.toFixed(3)} ± ${c.sd_rate.toFixed(3)} (bound ${(Z * se).toFixed(3)})`);
  });
}

test('poisson_generator into several populations (events drawn in all, then spread): per target and step Poisson, independent targets', () => {
  // Two parrot populations, so the targets do not share one input ring: the generator draws the
  // number of events of all 100 targets together and spreads them (kernel.ts, emitPoisson).
  const k = new NestKernel();
  k.setKernelStatus({ rng_seed: 11 });
  const mean = 0.2; // per target and step: 2000 spikes/s at h = 0.1 ms
  const pg = k.create('poisson_generator', 1, { rate: 2000 }).first;
  const a = k.create('parrot_neuron', 60), b = k.create('parrot_neuron', 40);
  const sr = k.create('spike_recorder', 1).first;
  const targets = [...Array.from({ length: 60 }, (_, i) => a.first + i), ...Array.from({ length: 40 }, (_, i) => b.first + i)];
  k.connect([pg], targets, { rule: 'all_to_all' }, { weight: 1, delay: 0.1 });
  k.connect(targets, [sr], { rule: 'all_to_all' }, {});
  k.simulate(2000);
  const ev = k.events(sr);
  // events per (target, step) and per step
  const perCell = new Map<string, number>();
  const perStep = new Map<number, number>();
  for (let e = 0; e < ev.times.length; e++) {
    const step = Math.round(ev.times[e] * 10);
    perCell.set(`${ev.senders[e]}:${step}`, (perCell.get(`${ev.senders[e]}:${step}`) ?? 0) + 1);
    perStep.set(step, (perStep.get(step) ?? 0) + 1);
  }
  // emission steps 1 .. 19999 (start 0 < s·h), each read one step later; the last is not read
  const steps = 19998;
  const cells = steps * targets.length;
  const total = ev.times.length;
  assert.ok(Math.abs(total - cells * mean) <= Z * Math.sqrt(cells * mean), `total ${total} vs ${cells * mean}`);
  const p0 = Math.exp(-mean);
  const zeros = cells - perCell.size;
  assert.ok(Math.abs(zeros - cells * p0) <= Z * Math.sqrt(cells * p0 * (1 - p0)), `cells without a spike ${zeros} vs ${cells * p0}`);
  const p2 = poissonPmf(mean, 2);
  const twos = [...perCell.values()].filter((c) => c === 2).length;
  assert.ok(Math.abs(twos - cells * p2) <= Z * Math.sqrt(cells * p2 * (1 - p2)), `cells with two spikes ${twos} vs ${cells * p2}`);
  // Independent targets: the total of one step is Poisson(100 · mean), so its variance over steps
  // equals its mean (a fixed or anti-correlated split would show a smaller variance).
  const lambda = targets.length * mean;
  const totals = Array.from({ length: steps }, (_, s) => perStep.get(s + 2) ?? 0);
  const m = totals.reduce((x, y) => x + y, 0) / steps;
  const v = totals.reduce((x, c) => x + (c - m) ** 2, 0) / (steps - 1);
  assert.ok(Math.abs(v - lambda) <= Z * Math.sqrt((lambda + 2 * lambda * lambda) / steps), `variance of step totals ${v} vs ${lambda}`);
  // and the two populations got their share (60 : 40)
  let fromA = 0;
  for (let e = 0; e < total; e++) if (ev.senders[e] <= a.last) fromA++;
  assert.ok(Math.abs(fromA - 0.6 * total) <= Z * Math.sqrt(total * 0.6 * 0.4), `from the first population ${fromA} of ${total}`);
});
