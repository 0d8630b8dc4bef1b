/**
 * noise_generator in the local kernel. Its random numbers differ from NEST's by design, so:
 * - statistics of iaf_psc_alpha driven by it (mean and variance of V_m, firing rate) against real
 *   NEST 3.10 (test/fixtures/kernel/plastic/noise_stats.json, same scenarios replayed here),
 * - the same mean and variance derived by hand from the membrane equation,
 * - the amplitude process itself (recorded I): held for dt, Gaussian with mean and std,
 *   0 outside start/stop, one independent value per target,
 * - timing: with std = 0 it must act exactly like a dc_generator (already NEST-verified).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { replay, type Op } from '../fixtures/kernel/replay';
import { NestKernel } from '../../workers/engine/nest/kernel';

const FILE = fileURLToPath(new URL('../fixtures/kernel/plastic/noise_stats.json', import.meta.url));

type Stat = { mean: number; se: number };
interface Case { ops: Op[]; t_from: number; stats: Record<string, Stat> }

/** Per neuron mean/var of V_m after tFrom and rate; then mean and standard error over neurons. */
function stats(ops: Op[], tFrom: number): Record<string, Stat> {
  const [vm, sr] = replay(ops).captured.map((c) => c.events);
  const byNeuron = new Map<number, number[]>();
  for (let k = 0; k < vm.times.length; k++) {
    if (vm.times[k] <= tFrom) continue;
    const s = vm.senders[k];
    if (!byNeuron.has(s)) byNeuron.set(s, []);
    byNeuron.get(s)!.push(vm.V_m[k]);
  }
  const T = (ops.find((o) => o.op === 'simulate')!.t as number);
  const counts = new Map<number, number>();
  for (let k = 0; k < sr.times.length; k++) if (sr.times[k] > tFrom) counts.set(sr.senders[k], (counts.get(sr.senders[k]) ?? 0) + 1);
  const per: Record<string, number[]> = { mean_V: [], var_V: [], rate: [] };
  for (const [s, v] of [...byNeuron.entries()].sort((a, b) => a[0] - b[0])) {
    const m = v.reduce((a, b) => a + b, 0) / v.length;
    per.mean_V.push(m);
    per.var_V.push(v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - 1));
    per.rate.push((counts.get(s) ?? 0) / ((T - tFrom) / 1000));
  }
  const out: Record<string, Stat> = {};
  for (const [key, xs] of Object.entries(per)) {
    const m = xs.reduce((a, b) => a + b, 0) / xs.length;
    const v = xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1);
    out[key] = { mean: m, se: Math.sqrt(v / xs.length) };
  }
  return out;
}

const fixture = JSON.parse(readFileSync(FILE, 'utf8')) as { nest_version: string; cases: Record<string, Case> };
const ours: Record<string, Record<string, Stat>> = {};
function oursFor(name: string): Record<string, Stat> {
  return (ours[name] ??= stats(fixture.cases[name].ops, fixture.cases[name].t_from));
}

for (const [name, c] of Object.entries(fixture.cases)) {
  test(`noise_generator '${name}': V_m mean/variance and rate agree with NEST 3.10 (z < 4)`, () => {
    assert.match(fixture.nest_version, /^3\.10/);
    const mine = oursFor(name);
    for (const [key, want] of Object.entries(c.stats)) {
      const got = mine[key];
      const se = Math.sqrt(want.se ** 2 + got.se ** 2);
      if (se === 0) {
        assert.equal(got.mean, want.mean, `${key}: both exactly`);
        continue;
      }
      const z = Math.abs(got.mean - want.mean) / se;
      assert.ok(z < 4, `${key}: ours ${got.mean} ± ${got.se}, NEST ${want.mean} ± ${want.se} (z = ${z.toFixed(2)})`);
    }
  });
}

test('hand-derived: subthreshold V_m mean E_L + mean·tau_m/C_m and its variance for a held current', () => {
  // I_k (std σ, held 1 ms) drives y' = −y/τ + I/C. Over one bin a = e^(−T/τ), b = (τ/C)(1 − a):
  // at bin ends Var_b = b²σ²/(1 − a²). The current drawn in step 10k acts on V over
  // (k + 1.1, k + 2.1] ms (one step early + delay 1 ms + one step into I_prev), so a sample at a
  // whole ms is u = 0.9 ms into its bin: Var = e^(−2u/τ)·Var_b + ((τ/C)(1 − e^(−u/τ)))²σ².
  const tau = 10, C = 250, sigma = 120, T = 1, u = 0.9;
  const a = Math.exp(-T / tau), b = (tau / C) * (1 - a);
  const varB = (b * b * sigma * sigma) / (1 - a * a);
  const au = Math.exp(-u / tau);
  const variance = au * au * varB + ((tau / C) * (1 - au)) ** 2 * sigma * sigma;
  // a per-neuron sample variance over 1950 ms is low by about 2·τ/1950 (the mean is estimated)
  const expected = variance * (1 - (2 * tau) / 1950);
  const mine = oursFor('subthreshold');
  assert.ok(Math.abs(mine.mean_V.mean - (-70 + (80 * tau) / C)) < 4 * mine.mean_V.se + 1e-3, `mean ${mine.mean_V.mean}`);
  assert.ok(Math.abs(mine.var_V.mean - expected) < 0.03 * expected, `var ${mine.var_V.mean} vs ${expected}`);
});

/** One noise_generator into `n` neurons, its I recorded at every step. */
function recordI(noise: Record<string, number>, n: number, t: number): { times: Float64Array; I: Float64Array; kernel: NestKernel } {
  const k = new NestKernel();
  k.setKernelStatus({ rng_seed: 5 });
  k.create('iaf_psc_alpha', n, { V_th: 1e3 });
  k.create('noise_generator', 1, noise);
  k.create('multimeter', 1, { record_from: ['I'], interval: 0.1 });
  k.connect([n + 1], Array.from({ length: n }, (_, i) => i + 1), { rule: 'all_to_all' }, {});
  k.connect([n + 2], [n + 1], { rule: 'all_to_all' }, {});
  k.simulate(t);
  const ev = k.events(n + 2);
  return { times: ev.times, I: ev.I, kernel: k };
}

test('amplitudes: held for dt, new at every dt from start on, 0 outside [start, stop), Gaussian(mean, std)', () => {
  const { times, I } = recordI({ mean: 10, std: 5, dt: 0.5, start: 1, stop: 2001 }, 1, 2100);
  const blocks: number[] = [];
  for (let k = 0; k < times.length; k++) {
    const step = Math.round(times[k] * 10); // stamp in steps; the current of step s is stamped s + 1
    if (step < 10 || step >= 20010) {
      assert.equal(I[k], 0, `inactive at ${times[k]}`);
      continue;
    }
    // NEST (probed): the first value at stamp = start, then every dt; inside a block constant
    if ((step - 10) % 5 === 0) blocks.push(I[k]);
    else assert.equal(I[k], I[k - 1], `held at ${times[k]}`);
  }
  assert.equal(blocks.length, 4000);
  const n = blocks.length;
  const m = blocks.reduce((a, b) => a + b, 0) / n;
  const v = blocks.reduce((a, b) => a + (b - m) ** 2, 0) / (n - 1);
  // mean: SE = 5/√4000 ≈ 0.079; variance: SE ≈ 25·√(2/4000) ≈ 0.56 (bounds at 4 SE)
  assert.ok(Math.abs(m - 10) < 0.32, `mean ${m}`);
  assert.ok(Math.abs(v - 25) < 2.3, `variance ${v}`);
  // Gaussian shape: P(|x − mean| < std) = 0.6827, P(< 2 std) = 0.9545 (binomial SE at n = 4000)
  for (const [width, p] of [[1, 0.6827], [2, 0.9545]]) {
    const f = blocks.filter((x) => Math.abs(x - 10) < width * 5).length / n;
    assert.ok(Math.abs(f - p) < 4 * Math.sqrt((p * (1 - p)) / n), `within ${width} std: ${f}`);
  }
  // successive blocks are independent
  let c = 0;
  for (let k = 1; k < n; k++) c += (blocks[k] - m) * (blocks[k - 1] - m);
  assert.ok(Math.abs(c / (n - 1) / v) < 4 / Math.sqrt(n), 'lag-1 correlation');
});

test('every target gets its own amplitude; I records their average', () => {
  const { kernel } = recordI({ mean: 0, std: 100 }, 2, 10);
  // with two targets their V_m differ (independent currents) ...
  const v = kernel.getStatus([1, 2]).map((d) => d.V_m as number);
  assert.notEqual(v[0], v[1]);
  // ... and the spread of the recorded average is std/√2 (checked over many blocks)
  const { I } = recordI({ mean: 0, std: 100, dt: 0.1 }, 2, 400);
  const xs = Array.from(I).slice(1);
  const sd = Math.sqrt(xs.reduce((a, b) => a + b * b, 0) / xs.length);
  assert.ok(Math.abs(sd - 100 / Math.SQRT2) < 4 * (100 / Math.SQRT2) / Math.sqrt(2 * xs.length), `sd of the average ${sd}`);
});

test('with std = 0 a noise_generator acts exactly like a dc_generator (same start, stop, delay)', () => {
  const run = (model: string, params: Record<string, number>): number[] => {
    const k = new NestKernel();
    k.create('iaf_psc_alpha', 1);
    k.create(model, 1, { start: 2, stop: 12, ...params });
    k.create('voltmeter', 1, { interval: 0.1 });
    k.connect([2], [1], { rule: 'all_to_all' }, { delay: 1.5 });
    k.connect([3], [1], { rule: 'all_to_all' }, {});
    k.simulate(20);
    return Array.from(k.events(3).V_m);
  };
  const dc = run('dc_generator', { amplitude: 420 });
  const noise = run('noise_generator', { mean: 420, std: 0, dt: 0.7 });
  assert.ok(dc.some((x) => x !== -70));
  assert.deepEqual(noise, dc);
});

test('dt defaults to 1 ms, or 10 steps when 1 ms is off the grid (NEST 3.10 at resolution 0.3: 3.0)', () => {
  const k = new NestKernel();
  k.create('noise_generator', 1);
  assert.equal(k.getStatus([1])[0].dt, 1);
  const k3 = new NestKernel();
  k3.setKernelStatus({ resolution: 0.3 });
  k3.create('noise_generator', 1);
  assert.ok(Math.abs((k3.getStatus([1])[0].dt as number) - 3) < 1e-12);
  const k2 = new NestKernel();
  k2.setKernelStatus({ resolution: 0.2 });
  k2.create('noise_generator', 1);
  assert.equal(k2.getStatus([1])[0].dt, 1);
});
