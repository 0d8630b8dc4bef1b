/**
 * nest.random parameters in the local kernel: drawn per connection (every rule) and per node,
 * from the kernel's seeded stream. Expected distributions are the textbook ones for NEST 3.10's
 * definitions (probed on real NEST: uniform(min, max), normal(mean, std), lognormal(mean, std)
 * of the underlying normal, exponential(beta) with mean beta; p * p multiplies two independent
 * draws: mean 1/4 for uniform(0, 1), as NEST gives 0.2526 over 20000 draws). Bounds are 4–5
 * standard errors. Errors: NEST 3.10's classes and texts (probed).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NestKernel } from '../../workers/engine/nest/kernel';
import { NestError } from '../../workers/engine/nest/api';
import type { RandomSpec } from '../../workers/engine/nest/random-params';

const U = (min: number, max: number): RandomSpec => ({ parameter: 'uniform', min, max });
const N = (mean: number, std: number): RandomSpec => ({ parameter: 'normal', mean, std });
const op = (o: string, a: RandomSpec | number, b: RandomSpec | number): RandomSpec => ({ parameter: 'op', op: o, a, b });

/** all_to_all over n × n neurons with the given weight; returns the weights (NEST's order). */
function weights(spec: RandomSpec, n = 100, seed = 1): number[] {
  const k = new NestKernel();
  k.setKernelStatus({ rng_seed: seed });
  k.create('iaf_psc_alpha', n);
  const ids = Array.from({ length: n }, (_, i) => i + 1);
  k.connect(ids, ids, { rule: 'all_to_all' }, { weight: spec });
  return k.getConnectionStatus(k.getConnections(null, null, null).index).map((d) => d.weight as number);
}

function moments(xs: number[]): { mean: number; variance: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return { mean, variance: xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1) };
}

/** mean within 5 SE, variance within 5 SE (normal-theory SE of the variance, kurtosis given). */
function assertMoments(xs: number[], mean: number, variance: number, kurtosis = 3, what = ''): void {
  const m = moments(xs);
  const n = xs.length;
  const seMean = Math.sqrt(variance / n), seVar = variance * Math.sqrt((kurtosis - 1) / n);
  assert.ok(Math.abs(m.mean - mean) < 5 * seMean, `${what} mean ${m.mean} vs ${mean}`);
  assert.ok(Math.abs(m.variance - variance) < 5 * seVar, `${what} variance ${m.variance} vs ${variance}`);
}

test('weights drawn per connection: uniform, normal, lognormal, exponential, uniform_int', () => {
  const u = weights(U(2, 5));
  assert.ok(u.every((w) => w >= 2 && w < 5));
  assertMoments(u, 3.5, 0.75, 1.8, 'uniform');
  assertMoments(weights(N(1, 2)), 1, 4, 3, 'normal');
  const mu = 0.5, s = 0.4;
  const ln = weights({ parameter: 'lognormal', mean: mu, std: s });
  assert.ok(ln.every((w) => w > 0));
  const lnMean = Math.exp(mu + s * s / 2), lnVar = (Math.exp(s * s) - 1) * Math.exp(2 * mu + s * s);
  const e2 = Math.exp(s * s);
  assertMoments(ln, lnMean, lnVar, e2 ** 4 + 2 * e2 ** 3 + 3 * e2 ** 2 - 3, 'lognormal');
  assertMoments(weights({ parameter: 'exponential', beta: 2 }), 2, 4, 9, 'exponential');
  const ui = weights({ parameter: 'uniform_int', max: 4 });
  assert.deepEqual([...new Set(ui)].sort(), [0, 1, 2, 3]);
  assertMoments(ui, 1.5, 1.25, 1.64, 'uniform_int');
});

test('arithmetic: p * 2 - 1, -p, p * p (independent draws), p / 2, comparisons', () => {
  const p = U(0, 1);
  const shifted = weights(op('-', op('*', p, 2), 1));
  assert.ok(shifted.every((w) => w >= -1 && w < 1));
  assertMoments(shifted, 0, 1 / 3, 1.8, '2p - 1');
  const neg = weights({ parameter: 'neg', a: p });
  assert.ok(neg.every((w) => w <= 0 && w > -1));
  // E[U1·U2] = 1/4, Var = 1/9 − 1/16 (NEST: 0.2526 and 0.0490 over 20000 draws)
  assertMoments(weights(op('*', p, p)), 1 / 4, 1 / 9 - 1 / 16, 4.0, 'p*p');
  assertMoments(weights(op('/', p, 2)), 1 / 4, 1 / 48, 1.8, 'p/2');
  const lt = weights(op('<', p, 0.25));
  assert.deepEqual([...new Set(lt)].sort(), [0, 1]);
  assertMoments(lt, 0.25, 0.1875, 1 / (0.25 * 0.75) - 3, 'p < 0.25');
});

test('the same rng_seed gives the same draws, another seed others', () => {
  assert.deepEqual(weights(N(0, 1), 10, 7), weights(N(0, 1), 10, 7));
  assert.notDeepEqual(weights(N(0, 1), 10, 7), weights(N(0, 1), 10, 8));
});

test('every connection rule takes random weights and delays', () => {
  const k = new NestKernel();
  k.create('iaf_psc_alpha', 3);
  const ids = [1, 2, 3];
  const rules = [
    { rule: 'all_to_all' }, { rule: 'one_to_one' }, { rule: 'fixed_indegree', indegree: 2 },
    { rule: 'fixed_outdegree', outdegree: 2 }, { rule: 'fixed_total_number', N: 4 }, { rule: 'pairwise_bernoulli', p: 1 },
  ];
  for (const r of rules) k.connect(ids, ids, r, { weight: U(5, 6), delay: U(1, 3) });
  const st = k.getConnectionStatus(k.getConnections(null, null, null).index);
  assert.equal(st.length, 9 + 3 + 6 + 6 + 4 + 9);
  assert.ok(st.every((d) => (d.weight as number) >= 5 && (d.weight as number) < 6));
  assert.ok(st.every((d) => (d.delay as number) >= 1 && (d.delay as number) <= 3));
  assert.ok(new Set(st.map((d) => d.weight)).size === st.length, 'one draw per connection');
});

test('drawn delays are rounded to the nearest step (NEST: uniform(0.5, 2.0) gives 0.5 half as often as 1.0)', () => {
  const k = new NestKernel();
  k.create('iaf_psc_alpha', 100);
  const ids = Array.from({ length: 100 }, (_, i) => i + 1);
  k.connect(ids, ids, { rule: 'all_to_all' }, { delay: U(0.5, 2.0) });
  const d = k.getConnectionStatus(k.getConnections(null, null, null).index).map((x) => x.delay as number);
  for (const x of d) assert.ok(Math.abs(x * 10 - Math.round(x * 10)) < 1e-9, `${x} on the grid`);
  assert.equal(Math.min(...d), 0.5);
  assert.equal(Math.max(...d), 2.0);
  // 16 values 0.5..2.0; the end ones have half-width bins: P = 1/30, inner ones 1/15
  const n = d.length;
  const f05 = d.filter((x) => Math.abs(x - 0.5) < 1e-9).length / n;
  const f10 = d.filter((x) => Math.abs(x - 1.0) < 1e-9).length / n;
  assert.ok(Math.abs(f05 - 1 / 30) < 5 * Math.sqrt((1 / 30) * (29 / 30) / n), `P(0.5) = ${f05}`);
  assert.ok(Math.abs(f10 - 1 / 15) < 5 * Math.sqrt((1 / 15) * (14 / 15) / n), `P(1.0) = ${f10}`);
  assert.equal(k.getKernelStatus().min_delay, 0.5);
});

function thrown(f: () => void): NestError {
  try {
    f();
  } catch (e) {
    if (e instanceof NestError) return e;
    throw e;
  }
  assert.fail('expected a NestError');
}

test('a drawn delay below the resolution: NEST 3.10 BadDelay with the rounded value, nothing connected', () => {
  const k = new NestKernel();
  k.create('iaf_psc_alpha', 3);
  let e = thrown(() => k.connect([1, 2, 3], [1, 2], { rule: 'all_to_all' }, { delay: U(0, 0.04) }));
  assert.equal(e.nestName, 'BadDelay');
  assert.equal(e.message, 'Delay value 0 is invalid: Delay must be greater than or equal to resolution');
  e = thrown(() => k.connect([1], [2], { rule: 'all_to_all' }, { delay: U(-0.64, -0.62) }));
  assert.equal(e.message, 'Delay value -0.6 is invalid: Delay must be greater than or equal to resolution');
  assert.equal(k.getKernelStatus().num_connections, 0);
});

test('parameter errors (NEST 3.10 texts) and non-numeric syn_spec values', () => {
  const k = new NestKernel();
  k.create('iaf_psc_alpha', 2);
  const cases: [RandomSpec, string][] = [
    [U(2, 1), 'nest::UniformParameter: min < max required.'],
    [N(0, 0), 'nest::NormalParameter: std > 0 required.'],
    [{ parameter: 'lognormal', mean: 0, std: -1 }, 'nest::LognormalParameter: std > 0 required.'],
    [{ parameter: 'uniform_int', max: 0 }, 'nest::UniformIntParameter: max > 0 required.'],
  ];
  for (const [spec, text] of cases) {
    const e = thrown(() => k.connect([1], [2], { rule: 'all_to_all' }, { weight: spec }));
    assert.deepEqual([e.nestName, e.message], ['BadProperty', text]);
    assert.deepEqual([thrown(() => k.drawParameter(spec)).message], [text]);
  }
  const e = thrown(() => k.connect([1], [2], { rule: 'all_to_all' }, { weight: 'x' as unknown as number }));
  assert.deepEqual([e.nestName, e.message], ['BadProperty', 'Cannot handle parameter type. Received std::string']);
});

test('node parameters: Create and SetStatus draw one value per node', () => {
  const k = new NestKernel();
  k.create('iaf_psc_alpha', 400, { V_m: U(-70, -55), I_e: 10 });
  const ids = Array.from({ length: 400 }, (_, i) => i + 1);
  const v = k.getStatus(ids).map((d) => d.V_m as number);
  assert.ok(v.every((x) => x >= -70 && x < -55));
  assert.equal(new Set(v).size, 400);
  assertMoments(v, -62.5, 225 / 12, 1.8, 'V_m');
  assert.ok(k.getStatus(ids).every((d) => d.I_e === 10));
  k.setStatus(ids, { V_m: op('+', -50, { parameter: 'exponential', beta: 2 }) });
  const v2 = k.getStatus(ids).map((d) => d.V_m as number);
  assert.ok(v2.every((x) => x >= -50));
  assertMoments(v2, -48, 4, 9, 'V_m after set');
});

test('node parameters: NEST 3.10 errors (checks per drawn value, no Parameter for list parameters)', () => {
  const k = new NestKernel();
  let e = thrown(() => k.create('iaf_psc_alpha', 2, { C_m: U(-2, -1) }));
  assert.deepEqual([e.nestName, e.message], ['BadProperty', "Setting status of a 'iaf_psc_alpha' with node ID 1: Capacitance must be > 0."]);
  e = thrown(() => k.create('spike_generator', 1, { spike_times: U(0, 1) as unknown as number[] }));
  assert.deepEqual([e.nestName, e.message],
    ['TypeMismatch', "Expected datatype: Failed to cast 'spike_times' from std::shared_ptr<nest::Parameter> to type std::vector<double>"]);
  assert.equal(k.getKernelStatus().network_size, 0);
});

test('stdp_synapse parameters take arrays and random values too (as in NEST 3.10)', () => {
  const k = new NestKernel();
  k.create('iaf_psc_alpha', 2);
  k.connect([1, 2], [1, 2], { rule: 'one_to_one' }, { synapse_model: 'stdp_synapse', tau_plus: [1, 2], alpha: U(1, 2) });
  const st = k.getConnectionStatus(k.getConnections(null, null, 'stdp_synapse').index);
  assert.deepEqual(st.map((d) => d.tau_plus), [1, 2]);
  const alpha = st.map((d) => d.alpha as number);
  assert.ok(alpha.every((a) => a >= 1 && a < 2), `${alpha}`);
  assert.notEqual(alpha[0], alpha[1]);
});
