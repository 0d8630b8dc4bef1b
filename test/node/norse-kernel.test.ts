/**
 * The local Norse kernel (workers/engine/norse) on its own, without Pyodide.
 * R1/R2 expected values are real Norse 1.1 / PyTorch float32 bits (cases.md, measured with real
 * Norse on this machine); R3 is real Norse's trace (data/norse_lifbox_trace.csv); the rest is
 * derived by hand from norse.md's equations.
 *
 * Run: node --import tsx --test test/node/norse-kernel.test.ts
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { NorseKernel, NorseError, type Tensor } from '../../workers/engine/norse/kernel';

const bits = (x: number): string => {
  const view = new DataView(new ArrayBuffer(4));
  view.setFloat32(0, x);
  return view.getUint32(0).toString(16).padStart(8, '0');
};
const fromBits = (hex: string): number => {
  const view = new DataView(new ArrayBuffer(4));
  view.setUint32(0, parseInt(hex, 16));
  return view.getFloat32(0);
};

function assertBits(actual: ArrayLike<number>, expectedHex: string[], what: string): void {
  assert.equal(actual.length, expectedHex.length, `${what}: length`);
  for (let k = 0; k < expectedHex.length; k++) {
    assert.equal(bits(actual[k]), expectedHex[k], `${what}[${k}]: got ${actual[k]} (${bits(actual[k])}), want ${fromBits(expectedHex[k])}`);
  }
}

// Real Norse 1.1 on PyTorch 2.15 (and 2.5.1): LIF(record_states=True)(torch.ones(12, 1)).
const R1_V = ['3dcccccd', '3e8a3d71', '3ef95811', '3f3bc6a8', '3f7f0e2c', '00000000', '3eca501b', '3f4590e4', '00000000', '3ee48322', '3f5bd5dd', '00000000'];
const R1_I = ['3f4ccccd', '3fb851eb', '3ff9db23', '40172475', '402c1d2a', '403ce422', '404a501b', '40550ce3', '405da3ea', '40648322', '406a0282', '406e6868'];
const R1_SPIKE_STEPS = [5, 8, 11];
// lif_current_encoder from v = 0 on a current of 1 (what ConstantCurrentLIFEncoder steps).
const R2_V = ['3dcccccd', '3e428f5c', '3e8ac083', '3eb013a9', '3ed1ab4c', '3eefe6f8', '3f058e56', '3f11cce7', '3f1cd203', '3f26bd03'];

const DEFAULT_LIF = { tauSynInv: 200, tauMemInv: 100, vLeak: 0, vTh: 1, vReset: 0 } as const;

function runLif(k: NorseKernel, x: Tensor, record = true) {
  const p = DEFAULT_LIF;
  return k.lif(x, p.tauSynInv, p.tauMemInv, p.vLeak, p.vTh, p.vReset, 0.001, record);
}

test('R1: LIF on a constant input matches real Norse bit for bit (v, i, spikes, 12 steps)', () => {
  const k = new NorseKernel();
  const result = runLif(k, k.full([12, 1], 1));
  assertBits(result.v.data, R1_V, 'v');
  assertBits(result.i.data, R1_I, 'i');
  const spikeSteps = [...result.out.data].flatMap((z, t) => (z === 1 ? [t] : []));
  assert.deepEqual(spikeSteps, R1_SPIKE_STEPS);
  assert.ok([...result.out.data].every((z) => z === 0 || z === 1));
  assert.deepEqual(result.v.shape, [12, 1]);
});

test('R1 over 8 steps without recording: one spike, final state v ≈ 0.7717421', () => {
  const k = new NorseKernel();
  const result = runLif(k, k.full([8, 3], 1), false);
  assert.deepEqual(result.v.shape, [3]);
  assert.equal(bits(result.v.data[2]), '3f4590e4');
  assert.equal([...result.out.data].filter((z) => z === 1).length, 3, 'one spike per neuron');
});

test('R2: constant-current encoder voltages match real Norse bit for bit, no spikes', () => {
  const k = new NorseKernel();
  const p = DEFAULT_LIF;
  const { spikes, v } = k.currentEncoder(k.fromValues([1], [1]), 10, p.tauSynInv, p.tauMemInv, p.vLeak, p.vTh, p.vReset, 0.001, false);
  assertBits(v.data, R2_V, 'v');
  assert.deepEqual([...spikes.data], new Array(10).fill(0));
  assert.deepEqual(spikes.shape, [10, 1]);
});

test('R3: LIFBox cell over real Norse trace: v to 1e-6, z exactly', () => {
  const rows = readFileSync('/work/shared/reference/data/norse_lifbox_trace.csv', 'utf8')
    .trim().split('\n').map((line) => line.split(',').map(Number));
  assert.equal(rows.length, 1000);
  const k = new NorseKernel();
  let v = k.full([], 0); // LIFBoxCell's initial state: a clone of v_leak (0-d)
  let spikes = 0;
  rows.forEach(([x, vWant, zWant], t) => {
    const step = k.lifBoxStep(k.fromValues([x], [1]), v, 400, 0, 0.1, 0, 1e-4);
    v = step.v;
    assert.ok(Math.abs(v.data[0] - vWant) <= 1e-6, `v at step ${t}: ${v.data[0]} vs ${vWant}`);
    assert.equal(step.z.data[0], zWant, `z at step ${t}`);
    spikes += step.z.data[0];
  });
  assert.equal(spikes, 4, 'four spikes, as cases.md says');
});

test('PoissonEncoder: spike probability dt·f_max·x per step within 5 sigma; same seed, same spikes', () => {
  const k = new NorseKernel();
  const x = k.fromValues([0.2, 0.5, 1.0, 0], [4]);
  const steps = 20000;
  k.manualSeed(1);
  const spikes = k.poisson(x, steps, 100, 0.001);
  assert.deepEqual(spikes.shape, [steps, 4]);
  [0.02, 0.05, 0.1, 0].forEach((p, n) => {
    let count = 0;
    for (let t = 0; t < steps; t++) count += spikes.data[t * 4 + n];
    const mean = steps * p;
    const sigma = Math.sqrt(steps * p * (1 - p));
    if (p === 0) assert.equal(count, 0, 'x = 0 never spikes');
    else assert.ok(Math.abs(count - mean) < 5 * sigma, `neuron ${n}: ${count} spikes, expected ${mean} ± ${5 * sigma}`);
  });
  assert.ok([...spikes.data].every((z) => z === 0 || z === 1));
  k.manualSeed(1);
  const again = k.poisson(x, steps, 100, 0.001);
  assert.deepEqual(again.data, spikes.data, 'manual_seed(1) twice: the same spikes');
  k.manualSeed(2);
  const other = k.poisson(x, steps, 100, 0.001);
  assert.notDeepEqual(other.data, spikes.data, 'another seed: other spikes');
});

test('rand and randn: float32 in [0, 1) and standard normal; reproducible', () => {
  const k = new NorseKernel();
  k.manualSeed(7);
  const u = k.rand([100000]);
  assert.ok([...u.data].every((v) => v >= 0 && v < 1));
  const meanU = u.data.reduce((s, v) => s + v, 0) / u.data.length;
  assert.ok(Math.abs(meanU - 0.5) < 5 * Math.sqrt(1 / 12 / u.data.length), `mean ${meanU}`);
  const g = k.randn([100000]);
  const mean = g.data.reduce((s, v) => s + v, 0) / g.data.length;
  const variance = g.data.reduce((s, v) => s + (v - mean) ** 2, 0) / g.data.length;
  assert.ok(Math.abs(mean) < 5 / Math.sqrt(g.data.length), `randn mean ${mean}`);
  assert.ok(Math.abs(variance - 1) < 0.03, `randn variance ${variance}`);
  k.manualSeed(7);
  assert.deepEqual(k.rand([100000]).data, u.data);
});

test('Linear with constant weights gives the hand-computed sums; bias added; shape errors like PyTorch', () => {
  const k = new NorseKernel();
  const x = k.fromValues([1, 0, 1, 1, 0, 1, 0, 0, 0.5, 0.25, 2, 4], [3, 4]);
  const w = k.full([3, 4], 0.5);
  const y = k.linear(x, w, null);
  assert.deepEqual(y.shape, [3, 3]);
  // row sums 3, 1, 6.75 times 0.5
  assert.deepEqual([...y.data], [1.5, 1.5, 1.5, 0.5, 0.5, 0.5, 3.375, 3.375, 3.375]);
  const withBias = k.linear(x, w, k.fromValues([1, -1, 0], [3]));
  assert.deepEqual([...withBias.data], [2.5, 0.5, 1.5, 1.5, -0.5, 0.5, 4.375, 2.375, 3.375]);
  assert.throws(
    () => k.linear(k.full([100, 4], 1), k.full([2, 3], 0.5), null),
    (e: unknown) => e instanceof NorseError && e.pythonType === 'RuntimeError' &&
      e.message === 'mat1 and mat2 shapes cannot be multiplied (100x4 and 3x2)',
  );
});

test('LIFRecurrent with hand-set weights: a tiny case worked out by hand', () => {
  // Neuron 0 gets 2·x, neuron 1 only 3·z0 from the previous step (no autapses).
  const k = new NorseKernel();
  const p = DEFAULT_LIF;
  const r = k.lifRecurrent(k.full([6, 1], 1), k.fromValues([2, 0], [2, 1]), k.fromValues([0, 0, 3, 0], [2, 2]),
    p.tauSynInv, p.tauMemInv, p.vLeak, p.vTh, p.vReset, 0.001, true);
  // By hand (c_mem = 0.1, c_syn = −0.2): neuron 0 i_jump = i + 2 each step; spike where v' > 1.
  //   step 0: v 0.2, i 1.6;  1: v 0.54, i 2.88;  2: v 0.974, i 3.904;  3: v' 1.467 → spike, v 0, i 4.7232
  //   4: v 0.67232, i 5.37856;  5: v' 1.342944 → spike, v 0, i 5.902848
  // Neuron 1 sees z0 one step late: step 4 i_jump 3 → v 0.3, i 2.4;  5: v 0.51, i 1.92.
  const want = {
    z: [[0, 0], [0, 0], [0, 0], [1, 0], [0, 0], [1, 0]],
    v: [[0.2, 0], [0.54, 0], [0.974, 0], [0, 0], [0.67232, 0.3], [0, 0.51]],
    i: [[1.6, 0], [2.88, 0], [3.904, 0], [4.7232, 0], [5.37856, 2.4], [5.902848, 1.92]],
  };
  assert.deepEqual(r.out.shape, [6, 2]);
  assert.deepEqual([...r.out.data], want.z.flat());
  assert.deepEqual([...r.z.data], want.z.flat());
  [...r.v.data].forEach((v, n) => assert.ok(Math.abs(v - want.v.flat()[n]) < 1e-6, `v[${n}] ${v}`));
  [...r.i.data].forEach((i, n) => assert.ok(Math.abs(i - want.i.flat()[n]) < 1e-5, `i[${n}] ${i}`));
});

test('LIFRecurrent default weights: no autapses, scale sqrt(2/hidden)', () => {
  const k = new NorseKernel();
  k.manualSeed(3);
  const hidden = 200;
  const { input, recurrent } = k.recurrentInit(50, hidden, false);
  assert.deepEqual(input.shape, [hidden, 50]);
  for (let j = 0; j < hidden; j++) assert.equal(recurrent.data[j * hidden + j], 0);
  const variance = input.data.reduce((s, v) => s + v * v, 0) / input.data.length;
  assert.ok(Math.abs(variance - 2 / hidden) < 0.1 * (2 / hidden), `variance ${variance}`);
});

test('LI: like LIF without threshold; LIFBox reset and 0-d start; current encoders', () => {
  const k = new NorseKernel();
  const li = k.li(k.full([3, 1], 1), 200, 100, 0, 0.001, true);
  // The same first steps as R1 (no threshold reached yet).
  assertBits(li.out.data, R1_V.slice(0, 3), 'LI v');
  assertBits(li.i.data, R1_I.slice(0, 3), 'LI i');
  // LIFBox with the defaults: v ← v + 0.1·((x + 0) − v); x = 20 spikes at step 0 (v' = 2 > 1).
  const box = k.lifBoxStep(k.fromValues([20, 5], [2]), k.full([], 0), 100, 0, 1, 0, 0.001);
  assert.deepEqual([...box.z.data], [1, 0]);
  assert.deepEqual([...box.v.data], [0, 0.5]);
  // Spike latency: only each neuron's first spike survives.
  const p = DEFAULT_LIF;
  const all = k.currentEncoder(k.fromValues([5], [1]), 30, p.tauSynInv, p.tauMemInv, p.vLeak, p.vTh, p.vReset, 0.001, false);
  const first = k.currentEncoder(k.fromValues([5], [1]), 30, p.tauSynInv, p.tauMemInv, p.vLeak, p.vTh, p.vReset, 0.001, true);
  const allSteps = [...all.spikes.data].flatMap((z, t) => (z ? [t] : []));
  assert.ok(allSteps.length > 1, 'the current keeps the neuron firing');
  assert.deepEqual([...first.spikes.data].flatMap((z, t) => (z ? [t] : [])), [allSteps[0]]);
});

test('tensor basics: broadcasting (N,) over (T, N), float32 rounding, indexing, stack/cat', () => {
  const k = new NorseKernel();
  const a = k.fromValues([1, 2, 3, 4, 5, 6], [2, 3]);
  const b = k.fromValues([10, 20, 30], [3]);
  assert.deepEqual([...k.binary('add', a, b).data], [11, 22, 33, 14, 25, 36]);
  assert.deepEqual([...k.binaryScalar('sub', a, 1, true).data], [0, -1, -2, -3, -4, -5]);
  // 0.1 in float32 times 3, rounded to float32 (not the double 0.30000000000000004)
  assert.equal(k.binaryScalar('mul', k.full([1], 3), 0.1, false).data[0], Math.fround(Math.fround(0.1) * 3));
  assert.throws(() => k.binary('add', a, k.full([2], 1)), /must match the size of tensor b/);
  const row = k.getIndex(a, [0, 1, 0, 0]);
  assert.deepEqual(row.shape, [3]);
  assert.deepEqual([...row.data], [4, 5, 6]);
  const block = k.full([5, 2], 0);
  k.setIndexScalar(block, [1, 1, 3, 1], 1.5);
  k.setIndexScalar(block, [0, 4, 0, 0, 0, 1, 0, 0], 7);
  assert.deepEqual([...block.data], [0, 0, 1.5, 1.5, 1.5, 1.5, 0, 0, 0, 7]);
  assert.deepEqual(k.stack([b, b], 0).shape, [2, 3]);
  assert.deepEqual([...k.stack([b, b], 1).data], [10, 10, 20, 20, 30, 30]);
  assert.deepEqual(k.cat([a, a], 0).shape, [4, 3]);
  assert.deepEqual([...k.cat([a, k.full([2, 1], 0)], 1).data], [1, 2, 3, 0, 4, 5, 6, 0]);
});

test('a tensor above 50 M numbers is refused before anything is allocated (MemoryError)', () => {
  const k = new NorseKernel();
  const refused = (make: () => unknown, shape: string) => {
    assert.throws(make, (e: unknown) => {
      assert.ok(e instanceof NorseError);
      assert.equal(e.pythonType, 'MemoryError');
      assert.ok(e.message.includes(`a tensor of shape ${shape}`), e.message);
      assert.match(e.message, /Make it smaller .* or run on a Norse backend/);
      return true;
    });
  };
  // 1e10 float32 would be 40 GB: the message says so
  refused(() => k.full([100000, 100000], 1), '(100000, 100000)');
  assert.throws(() => k.full([100000, 100000], 1), /10,000,000,000 numbers \(40\.0 GB\)/);
  refused(() => k.rand([50_000_001]), '(50000001,)');
  refused(() => k.poisson(k.full([1000], 0.5), 50_001, 100, 0.001), '(50001, 1000)');
  refused(() => k.binary('add', k.full([100000, 1], 1), k.full([1, 100000], 1)), '(100000, 100000)');
  // exactly at the limit it is allowed (200 MB, freed right after)
  assert.equal(k.full([5000, 10000], 0).data.length, 50_000_000);
});
