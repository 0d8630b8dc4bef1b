/**
 * The numeric kernel behind the local `torch` and `norse` Python modules (workers/python/torch,
 * workers/python/norse). The Python side holds a tensor as a handle to one of these Tensor
 * objects and calls the methods below; every number is computed here, in float32.
 *
 * Random numbers come from our own generator seeded by torch.manual_seed: the same seed gives the
 * same numbers here, but not PyTorch's numbers (only the distributions agree).
 */
import { Rng } from '../nest/rng';
import {
  type BinaryOp, type IndexSpec, NorseError, type Tensor, binary, cat, full, getIndex, linear, makeTensor, numel, setIndex, stack, sum, transpose2d,
} from './tensor';
import type { TensorRows } from '../../api';
import { type LIFParams, currentEncoder, lifBoxStep, lifLayer, lifRecurrentLayer, liLayer } from './neurons';

export { NorseError } from './tensor';
export type { Tensor } from './tensor';

/** PyTorch's default seed when a program never calls manual_seed (its numbers still differ). */
const DEFAULT_SEED = 67280421310721;

const TWO_POW_MINUS_24 = 5.960464477539063e-8;

function toShape(shape: ArrayLike<number>): number[] {
  return Array.from(shape, Number);
}

export class NorseKernel {
  private rng = new Rng(DEFAULT_SEED);

  /** torch.manual_seed(seed): restarts the generator; the same seed gives the same draws. */
  manualSeed(seed: number): void {
    if (!Number.isFinite(seed) || !Number.isInteger(seed)) {
      throw new NorseError('RuntimeError', `manual_seed expected an integer seed, got ${seed}`);
    }
    // The generator takes 32 bits; fold the high bits of larger seeds in so they still matter.
    const high = Math.floor(seed / 4294967296);
    this.rng.seed((seed ^ Math.imul(high, 0x9e3779b9)) >>> 0);
  }

  /** A uniform float32 in [0, 1) with 24 random bits, as torch.rand makes them for float32. */
  private uniform(): number {
    return (this.rng.nextU32() >>> 8) * TWO_POW_MINUS_24;
  }

  // ---- making tensors ----------------------------------------------------------------------

  full(shape: ArrayLike<number>, value: number): Tensor {
    return full(toShape(shape), value);
  }

  /** torch.tensor(values): values flattened row by row, rounded to float32. */
  fromValues(values: ArrayLike<number>, shape: ArrayLike<number>): Tensor {
    return makeTensor(toShape(shape), Float32Array.from(values as ArrayLike<number>));
  }

  rand(shape: ArrayLike<number>): Tensor {
    const t = makeTensor(toShape(shape));
    for (let k = 0; k < t.data.length; k++) t.data[k] = this.uniform();
    return t;
  }

  randn(shape: ArrayLike<number>): Tensor {
    const t = makeTensor(toShape(shape));
    for (let k = 0; k < t.data.length; k++) t.data[k] = this.rng.normal();
    return t;
  }

  /** U(low, high) in float32, as nn.init.uniform_ (used for nn.Linear's default weights). */
  uniformTensor(shape: ArrayLike<number>, low: number, high: number): Tensor {
    const t = makeTensor(toShape(shape));
    const width = Math.fround(high - low);
    for (let k = 0; k < t.data.length; k++) t.data[k] = Math.fround(low + Math.fround(width * this.uniform()));
    return t;
  }

  copy(t: Tensor): Tensor {
    return makeTensor(t.shape, t.data.slice());
  }

  /** In place: every element = value (nn.init.constant_). */
  fill(t: Tensor, value: number): void {
    t.data.fill(Math.fround(value));
  }

  // ---- arithmetic, indexing, joining -----------------------------------------------------------

  binary(op: BinaryOp, a: Tensor, b: Tensor): Tensor {
    return binary(op, a, b);
  }

  /** a (op) s for a Python number s: PyTorch casts the number to float32 first. With `reversed`,
   * s (op) a (e.g. 1 - z). */
  binaryScalar(op: BinaryOp, a: Tensor, s: number, reversed: boolean): Tensor {
    const scalar = full([], s);
    return reversed ? binary(op, scalar, a) : binary(op, a, scalar);
  }

  getIndex(t: Tensor, spec: IndexSpec): Tensor {
    return getIndex(t, spec);
  }

  setIndex(t: Tensor, spec: IndexSpec, value: Tensor): void {
    setIndex(t, spec, value);
  }

  setIndexScalar(t: Tensor, spec: IndexSpec, value: number): void {
    setIndex(t, spec, full([], value));
  }

  stack(tensors: ArrayLike<Tensor>, dim: number): Tensor {
    return stack(Array.from(tensors), dim);
  }

  cat(tensors: ArrayLike<Tensor>, dim: number): Tensor {
    return cat(Array.from(tensors), dim);
  }

  linear(x: Tensor, weight: Tensor, bias?: Tensor | null): Tensor {
    return linear(x, weight, bias ?? null);
  }

  // ---- initial weights -------------------------------------------------------------------------

  /** nn.Linear's default init: weight and bias U(−1/√in, 1/√in) (kaiming_uniform_ with a=√5). */
  linearInit(inFeatures: number, outFeatures: number, withBias: boolean): { weight: Tensor; bias: Tensor | null } {
    const bound = inFeatures > 0 ? 1 / Math.sqrt(inFeatures) : 0;
    const weight = this.uniformTensor([outFeatures, inFeatures], -bound, bound);
    const bias = withBias ? this.uniformTensor([outFeatures], -bound, bound) : null;
    return { weight, bias };
  }

  /** LIFRecurrent's default weights: randn · sqrt(2/hidden) (float32), no autapses unless asked. */
  recurrentInit(inputSize: number, hiddenSize: number, autapses: boolean): { input: Tensor; recurrent: Tensor } {
    const scale = Math.fround(Math.sqrt(Math.fround(2 / hiddenSize)));
    const scaled = (shape: number[]) => binary('mul', this.randn(shape), full([], scale));
    const input = scaled([hiddenSize, inputSize]);
    const recurrent = scaled([hiddenSize, hiddenSize]);
    if (!autapses) for (let k = 0; k < hiddenSize; k++) recurrent.data[k * hiddenSize + k] = 0;
    return { input, recurrent };
  }

  // ---- Norse layers ----------------------------------------------------------------------------

  lif(
    x: Tensor, tauSynInv: number, tauMemInv: number, vLeak: number, vTh: number, vReset: number, dt: number,
    record: boolean, v0?: Tensor | null, i0?: Tensor | null,
  ) {
    return lifLayer(x, { tauSynInv, tauMemInv, vLeak, vTh, vReset }, dt, record, v0, i0);
  }

  li(x: Tensor, tauSynInv: number, tauMemInv: number, vLeak: number, dt: number, record: boolean, v0?: Tensor | null, i0?: Tensor | null) {
    return liLayer(x, { tauSynInv, tauMemInv, vLeak }, dt, record, v0, i0);
  }

  lifRecurrent(
    x: Tensor, inputWeights: Tensor, recurrentWeights: Tensor,
    tauSynInv: number, tauMemInv: number, vLeak: number, vTh: number, vReset: number, dt: number, record: boolean,
  ) {
    const p: LIFParams = { tauSynInv, tauMemInv, vLeak, vTh, vReset };
    return lifRecurrentLayer(x, inputWeights, recurrentWeights, p, dt, record);
  }

  lifBoxStep(x: Tensor, v: Tensor, tauMemInv: number, vLeak: number, vTh: number, vReset: number, dt: number) {
    return lifBoxStep(x, v, { tauMemInv, vLeak, vTh, vReset }, dt);
  }

  /**
   * norse's poisson_encode: one uniform draw per (step, element), a spike where
   * draw < dt·f_max·x. dt·f_max is a Python (double) product; times the float32 tensor x it is
   * float32(float32(dt·f_max)·x).
   */
  poisson(x: Tensor, steps: number, fMax: number, dt: number): Tensor {
    const n = x.data.length;
    const rate = Math.fround(dt * fMax);
    const threshold = new Float32Array(n);
    for (let k = 0; k < n; k++) threshold[k] = Math.fround(rate * x.data[k]);
    const out = makeTensor([steps, ...x.shape]);
    const o = out.data;
    for (let t = 0; t < steps; t++) {
      const base = t * n;
      for (let k = 0; k < n; k++) o[base + k] = this.uniform() < threshold[k] ? 1 : 0;
    }
    return out;
  }

  /** ConstantCurrentLIFEncoder (firstOnly false) / SpikeLatencyLIFEncoder (firstOnly true). */
  currentEncoder(
    x: Tensor, steps: number, tauSynInv: number, tauMemInv: number, vLeak: number, vTh: number, vReset: number, dt: number,
    firstOnly: boolean,
  ) {
    return currentEncoder(x, steps, { tauSynInv, tauMemInv, vLeak, vTh, vReset }, dt, firstOnly);
  }

  /** A float32 copy of the values, for Tensor.tolist(): the list keeps the numbers as they were
   * at the call, whatever the program writes into the tensor afterwards. */
  copyData(t: Tensor): Float32Array {
    return t.data.slice();
  }

  /** The values of `data` from `offset` on as rows shaped `shape` (what .tolist() gives in
   * Python): a Float32Array per innermost row, each a view of `data`, nested in arrays for the
   * outer dimensions. No number is copied, so the response's rows share one buffer, which the
   * worker transfers whole (workers/runtime.ts forTransfer). */
  rowsOf(data: Float32Array, shape: ArrayLike<number>, offset = 0): TensorRows {
    const dims = toShape(shape);
    const build = (at: number, dim: number): TensorRows => {
      const length = dims[dim];
      if (dim === dims.length - 1) return data.subarray(at, at + length);
      const inner = numel(dims.slice(dim + 1));
      return Array.from({ length }, (_, k) => build(at + k * inner, dim + 1));
    };
    return dims.length === 0 ? data.subarray(offset, offset + 1) : build(offset, 0);
  }

  numel(t: Tensor): number {
    return numel(t.shape);
  }

  sum(t: Tensor, dim: number | null | undefined, keepdim: boolean): Tensor {
    return sum(t, dim, keepdim);
  }

  transpose(t: Tensor): Tensor {
    return transpose2d(t);
  }
}
