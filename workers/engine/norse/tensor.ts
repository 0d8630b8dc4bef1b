/**
 * Float32 tensors for the local Norse runtime: a Float32Array in row-major order plus a shape.
 * Every arithmetic result is rounded to float32 on its own (Math.fround), as PyTorch's float32
 * CPU kernels do, so programs that only add, subtract, multiply and divide match PyTorch bit for bit.
 *
 * Tensors are always contiguous copies: indexing returns a copy (PyTorch returns a view). The
 * Python facade refuses the few writes where the difference would show (see torch/__init__.py).
 */

export interface Tensor {
  data: Float32Array;
  shape: number[];
}

/** An error PyTorch/Norse itself would raise (or, for MemoryError, the browser's limit);
 * `pythonType` is the Python exception class. */
export class NorseError extends Error {
  constructor(public readonly pythonType: 'RuntimeError' | 'ValueError' | 'IndexError' | 'TypeError' | 'MemoryError', message: string) {
    super(message);
    this.name = pythonType;
  }
}

/**
 * The most numbers one tensor may hold here: 50 M float32 = 200 MB. Why that many and not more:
 * a LIF layer that records keeps its spikes, v and i at the size of its input (4 × 200 MB with
 * the input), and the response takes a copy of each recorded one, so one layer at the limit
 * already asks about 1.4 GB of a browser tab, whose renderer Chromium stops at a few GB (and a
 * school laptop may have 4 GB in all). A larger request would fail late (the tab killed, or
 * frozen while it swaps) instead of now with a message. generators/norse.ts flags it on the
 * blocks before Run. Real Norse has no such limit.
 */
export const MAX_TENSOR_ELEMENTS = 50_000_000;

export function numel(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** A shape as Python writes the tuple: (3,), (100000, 100000). */
function pythonShape(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/** "1.2 GB" / "200 MB": what a tensor of `elements` float32 would take. */
function bytesText(elements: number): string {
  const bytes = elements * 4;
  if (bytes >= 1e12) return `${(bytes / 1e12).toPrecision(3)} TB`;
  if (bytes >= 1e9) return `${(bytes / 1e9).toPrecision(3)} GB`;
  return `${Math.round(bytes / 1e6)} MB`;
}

export function makeTensor(shape: readonly number[], data?: Float32Array): Tensor {
  const size = numel(shape);
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) {
      throw new NorseError('RuntimeError', `Trying to create tensor with negative dimension ${d}: [${shape.join(', ')}]`);
    }
  }
  if (size > MAX_TENSOR_ELEMENTS) {
    // Checked before anything is allocated, so the tab never tries.
    throw new NorseError(
      'MemoryError',
      `a tensor of shape ${pythonShape(shape)} has ${size.toLocaleString('en-US')} numbers (${bytesText(size)}), too large for the browser: ` +
        `the local runtime holds at most ${MAX_TENSOR_ELEMENTS.toLocaleString('en-US')} numbers (${bytesText(MAX_TENSOR_ELEMENTS)}) per tensor. ` +
        'Make it smaller (fewer neurons or time steps), or run on a Norse backend (Jupyter with Norse installed, or a Norse Server).',
    );
  }
  if (data && data.length !== size) throw new NorseError('RuntimeError', `shape [${shape.join(', ')}] is invalid for input of size ${data.length}`);
  return { data: data ?? new Float32Array(size), shape: [...shape] };
}

export function full(shape: readonly number[], value: number): Tensor {
  const t = makeTensor(shape);
  t.data.fill(Math.fround(value));
  return t;
}

function shapeText(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/** NumPy/PyTorch broadcasting of two shapes (aligned at the right). */
export function broadcastShapes(a: readonly number[], b: readonly number[]): number[] {
  const n = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let k = 0; k < n; k++) {
    const da = a[a.length - n + k] ?? 1;
    const db = b[b.length - n + k] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new NorseError(
        'RuntimeError',
        `The size of tensor a (${da}) must match the size of tensor b (${db}) at non-singleton dimension ${k}`,
      );
    }
    out.push(da === 1 ? db : da);
  }
  return out;
}

/** Strides of `shape` read as `outShape` (0 where a dimension is broadcast). */
function broadcastStrides(shape: readonly number[], outShape: readonly number[]): number[] {
  const strides = new Array<number>(outShape.length).fill(0);
  let stride = 1;
  for (let k = shape.length - 1; k >= 0; k--) {
    const outK = outShape.length - shape.length + k;
    strides[outK] = shape[k] === 1 ? 0 : stride;
    stride *= shape[k];
  }
  return strides;
}

export type BinaryOp = 'add' | 'sub' | 'mul' | 'div';

const OPS: Record<BinaryOp, (x: number, y: number) => number> = {
  add: (x, y) => Math.fround(x + y),
  sub: (x, y) => Math.fround(x - y),
  mul: (x, y) => Math.fround(x * y),
  div: (x, y) => Math.fround(x / y),
};

/** a (op) b elementwise with broadcasting, each result rounded to float32. */
export function binary(op: BinaryOp, a: Tensor, b: Tensor): Tensor {
  const f = OPS[op];
  const outShape = broadcastShapes(a.shape, b.shape);
  const out = makeTensor(outShape);
  const o = out.data, x = a.data, y = b.data;
  const n = o.length;
  if (x.length === n && y.length === n) {
    for (let k = 0; k < n; k++) o[k] = f(x[k], y[k]);
    return out;
  }
  if (x.length === n && y.length === 1) {
    const s = y[0];
    for (let k = 0; k < n; k++) o[k] = f(x[k], s);
    return out;
  }
  if (x.length === 1 && y.length === n) {
    const s = x[0];
    for (let k = 0; k < n; k++) o[k] = f(s, y[k]);
    return out;
  }
  // General case: walk the output with an odometer over broadcast strides.
  const sa = broadcastStrides(a.shape, outShape);
  const sb = broadcastStrides(b.shape, outShape);
  const dims = outShape.length;
  const counter = new Array<number>(dims).fill(0);
  let ia = 0, ib = 0;
  for (let k = 0; k < n; k++) {
    o[k] = f(x[ia], y[ib]);
    for (let d = dims - 1; d >= 0; d--) {
      counter[d]++;
      ia += sa[d];
      ib += sb[d];
      if (counter[d] < outShape[d]) break;
      ia -= sa[d] * counter[d];
      ib -= sb[d] * counter[d];
      counter[d] = 0;
    }
  }
  return out;
}

/**
 * A basic index as the facade sends it: 4 numbers per indexed dimension,
 * [0, i, 0, 0] for an integer i (already made non-negative and checked) or
 * [1, start, stop, step] for a slice (already clipped by Python's slice.indices).
 * Dimensions not mentioned are taken whole.
 */
export type IndexSpec = ArrayLike<number>;

interface Selection {
  /** For every dimension of the source, the source positions selected. */
  positions: number[][];
  /** Shape of the result (integer-indexed dimensions dropped). */
  shape: number[];
}

function select(t: Tensor, spec: IndexSpec): Selection {
  const nIndexed = spec.length / 4;
  if (nIndexed > t.shape.length) {
    throw new NorseError('IndexError', `too many indices for tensor of dimension ${t.shape.length}`);
  }
  const positions: number[][] = [];
  const shape: number[] = [];
  for (let d = 0; d < t.shape.length; d++) {
    if (d >= nIndexed) {
      positions.push(Array.from({ length: t.shape[d] }, (_, k) => k));
      shape.push(t.shape[d]);
      continue;
    }
    const [kind, start, stop, step] = [spec[4 * d], spec[4 * d + 1], spec[4 * d + 2], spec[4 * d + 3]];
    if (kind === 0) {
      if (start < 0 || start >= t.shape[d]) {
        throw new NorseError('IndexError', `index ${start} is out of bounds for dimension ${d} with size ${t.shape[d]}`);
      }
      positions.push([start]);
    } else {
      if (step <= 0) throw new NorseError('ValueError', 'step must be greater than zero');
      const picked: number[] = [];
      for (let k = start; k < stop; k += step) picked.push(k);
      positions.push(picked);
      shape.push(picked.length);
    }
  }
  return { positions, shape };
}

/** Flat source offsets of a selection, in the result's row-major order. */
function offsets(t: Tensor, sel: Selection): Int32Array {
  const dims = t.shape.length;
  const strides = new Array<number>(dims);
  let stride = 1;
  for (let d = dims - 1; d >= 0; d--) {
    strides[d] = stride;
    stride *= t.shape[d];
  }
  let flat = [0];
  for (let d = 0; d < dims; d++) {
    const next: number[] = [];
    for (const base of flat) for (const p of sel.positions[d]) next.push(base + p * strides[d]);
    flat = next;
  }
  return Int32Array.from(flat);
}

/** t[index]: a copy of the selected elements. */
export function getIndex(t: Tensor, spec: IndexSpec): Tensor {
  const sel = select(t, spec);
  const where = offsets(t, sel);
  const out = makeTensor(sel.shape);
  for (let k = 0; k < where.length; k++) out.data[k] = t.data[where[k]];
  return out;
}

/** t[index] = value (in place), the value broadcast to the selection's shape as PyTorch does. */
export function setIndex(t: Tensor, spec: IndexSpec, value: Tensor): void {
  const sel = select(t, spec);
  const where = offsets(t, sel);
  let source = value;
  if (numel(value.shape) !== where.length || value.shape.length !== sel.shape.length) {
    // Broadcast (e.g. a scalar or a row into a block). Leading 1s of the value may be dropped.
    const trimmed = [...value.shape];
    while (trimmed.length > sel.shape.length && trimmed[0] === 1) trimmed.shift();
    let ok = trimmed.length <= sel.shape.length;
    if (ok) {
      try {
        ok = broadcastShapes(trimmed, sel.shape).every((d, k) => d === sel.shape[k]);
      } catch {
        ok = false;
      }
    }
    if (!ok) {
      throw new NorseError(
        'RuntimeError',
        `shape mismatch: value tensor of shape ${shapeText(value.shape)} cannot be broadcast to indexing result of shape ${shapeText(sel.shape)}`,
      );
    }
    source = binary('add', { data: value.data, shape: trimmed }, full(sel.shape, 0));
  }
  for (let k = 0; k < where.length; k++) t.data[where[k]] = source.data[k];
}

function checkDim(dim: number, rank: number): number {
  const d = dim < 0 ? dim + rank : dim;
  if (d < 0 || d >= rank) {
    throw new NorseError('IndexError', `Dimension out of range (expected to be in range of [${-rank}, ${rank - 1}], but got ${dim})`);
  }
  return d;
}

/** torch.stack: same shapes, joined along a new dimension `dim`. */
export function stack(tensors: Tensor[], dim = 0): Tensor {
  if (tensors.length === 0) throw new NorseError('RuntimeError', 'stack expects a non-empty TensorList');
  const shape = tensors[0].shape;
  tensors.forEach((t, k) => {
    if (t.shape.length !== shape.length || t.shape.some((d, j) => d !== shape[j])) {
      throw new NorseError(
        'RuntimeError',
        `stack expects each tensor to be equal size, but got ${shapeText(shape)} at entry 0 and ${shapeText(t.shape)} at entry ${k}`,
      );
    }
  });
  const d = checkDim(dim, shape.length + 1);
  const outer = numel(shape.slice(0, d));
  const inner = numel(shape.slice(d));
  const out = makeTensor([...shape.slice(0, d), tensors.length, ...shape.slice(d)]);
  let o = 0;
  for (let a = 0; a < outer; a++) {
    for (const t of tensors) {
      out.data.set(t.data.subarray(a * inner, (a + 1) * inner), o);
      o += inner;
    }
  }
  return out;
}

/** torch.cat: joined along an existing dimension `dim`; the other sizes must agree. */
export function cat(tensors: Tensor[], dim = 0): Tensor {
  if (tensors.length === 0) throw new NorseError('RuntimeError', 'torch.cat(): expected a non-empty list of Tensors');
  const first = tensors[0].shape;
  if (first.length === 0) throw new NorseError('RuntimeError', 'zero-dimensional tensor (at position 0) cannot be concatenated');
  const d = checkDim(dim, first.length);
  tensors.forEach((t, k) => {
    if (t.shape.length !== first.length || t.shape.some((size, j) => j !== d && size !== first[j])) {
      throw new NorseError(
        'RuntimeError',
        `Sizes of tensors must match except in dimension ${d}. Expected size ${first[d === 0 ? 1 : 0]} but got size ${t.shape[d === 0 ? 1 : 0]} for tensor number ${k} in the list.`,
      );
    }
  });
  const outer = numel(first.slice(0, d));
  const total = tensors.reduce((s, t) => s + t.shape[d], 0);
  const out = makeTensor([...first.slice(0, d), total, ...first.slice(d + 1)]);
  let o = 0;
  for (let a = 0; a < outer; a++) {
    for (const t of tensors) {
      const block = numel(t.shape.slice(d));
      out.data.set(t.data.subarray(a * block, (a + 1) * block), o);
      o += block;
    }
  }
  return out;
}

/**
 * torch.nn.functional.linear: y = x·Wᵀ (+ b) over the last dimension of x. Each sum runs over the
 * inputs in order, rounding every product and partial sum to float32; the bias is added last
 * (addmm adds the bias to the finished product). PyTorch's BLAS may block or fuse the sums, so for
 * arbitrary weights the last bit can differ; sums of exactly representable terms (0/1 spikes times
 * constant weights) are exact either way.
 */
export function linear(x: Tensor, weight: Tensor, bias: Tensor | null): Tensor {
  const [outF, inF] = weight.shape;
  const rows = x.shape.length <= 1 ? 1 : numel(x.shape.slice(0, -1));
  const inX = x.shape.length === 0 ? 1 : x.shape[x.shape.length - 1];
  if (x.shape.length === 0 || inX !== inF) {
    const shownRows = x.shape.length <= 1 ? 1 : rows;
    throw new NorseError('RuntimeError', `mat1 and mat2 shapes cannot be multiplied (${shownRows}x${inX} and ${inF}x${outF})`);
  }
  const out = makeTensor([...x.shape.slice(0, -1), outF]);
  const xs = x.data, w = weight.data, y = out.data;
  const b = bias ? bias.data : null;
  for (let r = 0; r < rows; r++) {
    const xo = r * inF;
    for (let j = 0; j < outF; j++) {
      const wo = j * inF;
      let acc = inF > 0 ? Math.fround(xs[xo] * w[wo]) : 0;
      for (let k = 1; k < inF; k++) acc = Math.fround(acc + Math.fround(xs[xo + k] * w[wo + k]));
      y[r * outF + j] = b ? Math.fround(acc + b[j]) : acc;
    }
  }
  return out;
}

/**
 * The sum of all elements (dim null) or along one dimension (that dimension removed, or kept with
 * size 1). Accumulated in float64 and rounded once to float32: exact for spike counts and any
 * integer-valued tensor below 2^24; for other values it may differ from PyTorch in the last bit,
 * whose float32 summation order is its own.
 */
export function sum(t: Tensor, dim: number | null | undefined, keepdim = false): Tensor {
  // (Python's None arrives as undefined)
  if (dim === null || dim === undefined) return makeTensor([], Float32Array.of(t.data.reduce((a, b) => a + b, 0)));
  const rank = t.shape.length;
  const d = dim < 0 ? dim + rank : dim;
  if (!Number.isInteger(d) || d < 0 || d >= rank) {
    throw new NorseError('IndexError', `Dimension out of range (expected to be in range of [${-rank}, ${rank - 1}], but got ${dim})`);
  }
  const outer = numel(t.shape.slice(0, d));
  const size = t.shape[d];
  const inner = numel(t.shape.slice(d + 1));
  const acc = new Float64Array(outer * inner);
  for (let o = 0; o < outer; o++) {
    for (let k = 0; k < size; k++) {
      const base = (o * size + k) * inner;
      for (let i = 0; i < inner; i++) acc[o * inner + i] += t.data[base + i];
    }
  }
  const shape = keepdim ? t.shape.map((x, k) => (k === d ? 1 : x)) : t.shape.filter((_, k) => k !== d);
  return makeTensor(shape, Float32Array.from(acc));
}

/** The transpose of a 1-D or 2-D tensor (PyTorch's t()); a 1-D tensor is its own transpose. */
export function transpose2d(t: Tensor): Tensor {
  if (t.shape.length > 2) throw new NorseError('RuntimeError', `t() expects a tensor with <= 2 dimensions, but self is ${t.shape.length}D`);
  if (t.shape.length < 2) return makeTensor(t.shape.slice(), t.data.slice());
  const [rows, cols] = t.shape;
  const out = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = t.data[r * cols + c];
  return makeTensor([cols, rows], out);
}
