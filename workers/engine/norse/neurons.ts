/**
 * Norse 1.1's neuron and encoder time loops (forward Euler) over float32 arrays, one loop per
 * layer. Each line rounds every operation to float32 in the order Norse's Python writes it
 * (norse/torch/functional/lif.py, leaky_integrator.py, lif_box.py, encode.py), because PyTorch
 * evaluates each operator of such an expression as its own float32 kernel: no fused multiply-add,
 * no regrouping. That is what makes the results equal to real Norse bit for bit.
 *
 * Parameters arrive as float32 values (Norse wraps them in 0-d float32 tensors).
 */
import { NorseError, type Tensor, makeTensor, numel } from './tensor';

const f = Math.fround;

export interface LIFParams {
  tauSynInv: number;
  tauMemInv: number;
  vLeak: number;
  vTh: number;
  vReset: number;
}

export type LIParams = Pick<LIFParams, 'tauSynInv' | 'tauMemInv' | 'vLeak'>;
export type LIFBoxParams = Pick<LIFParams, 'tauMemInv' | 'vLeak' | 'vTh' | 'vReset'>;

/** `dt * p.tau_mem_inv`: a Python float times a 0-d float32 tensor is a float32 product of
 * float32(dt) and the parameter (e.g. float32(0.1) for the defaults). */
export function membraneFactor(dt: number, tauMemInv: number): number {
  return f(f(dt) * tauMemInv);
}

/** `-dt * p.tau_syn_inv` (e.g. float32(−0.2) for the defaults). */
export function synapseFactor(dt: number, tauSynInv: number): number {
  return f(f(-dt) * tauSynInv);
}

/** Initial state values: one per neuron, or one for all (a 0-d tensor such as v_leak). */
function stateArray(n: number, init: Tensor | null | undefined, fallback: number, what: string): Float32Array {
  const out = new Float32Array(n);
  if (!init) return out.fill(fallback);
  if (init.data.length === 1) return out.fill(init.data[0]);
  if (init.data.length !== n) {
    throw new NorseError('RuntimeError', `the ${what} state has ${init.data.length} values, but the layer has ${n} neurons`);
  }
  out.set(init.data);
  return out;
}

function timeAndNeurons(x: Tensor, layer: string): { steps: number; n: number; neuronShape: number[] } {
  if (x.shape.length === 0) {
    throw new NorseError('IndexError', `${layer} loops over the first dimension (time): it needs a tensor of shape (time steps, neurons), got a 0-d tensor`);
  }
  const neuronShape = x.shape.slice(1);
  return { steps: x.shape[0], n: numel(neuronShape), neuronShape };
}

export interface RecordedLayer {
  /** Spikes (LIF) or voltages (LI): the layer's output, (T, ...neurons). */
  out: Tensor;
  /** With record: every state after each step, (T, ...neurons); without: the final state. */
  v: Tensor;
  i: Tensor;
}

/**
 * norse.torch.LIF over x (T, ...): lif_feed_forward_step at every step.
 *   i_new = i + x;  dv = c_mem·((v_leak − v) + i_new);  v' = v + dv
 *   i' = i_new + c_syn·i_new;  z = (v' − v_th > 0);  v = (1 − z)·v' + z·v_reset
 */
export function lifLayer(
  x: Tensor, p: LIFParams, dt: number, record: boolean, v0?: Tensor | null, i0?: Tensor | null,
): RecordedLayer {
  const { steps, n, neuronShape } = timeAndNeurons(x, 'LIF');
  const cm = membraneFactor(dt, p.tauMemInv);
  const cs = synapseFactor(dt, p.tauSynInv);
  const { vLeak, vTh, vReset } = p;
  const v = stateArray(n, v0, vLeak, 'v');
  const i = stateArray(n, i0, 0, 'i');
  const z = makeTensor(x.shape);
  const vRec = record ? makeTensor(x.shape) : null;
  const iRec = record ? makeTensor(x.shape) : null;
  const xs = x.data, zs = z.data;
  for (let t = 0; t < steps; t++) {
    const base = t * n;
    for (let k = 0; k < n; k++) {
      const iNew = f(i[k] + xs[base + k]);
      const vOld = v[k];
      const dv = f(cm * f(f(vLeak - vOld) + iNew));
      const vDecayed = f(vOld + dv);
      i[k] = f(iNew + f(cs * iNew));
      const spike = f(vDecayed - vTh) > 0 ? 1 : 0;
      v[k] = f(f((1 - spike) * vDecayed) + spike * vReset);
      zs[base + k] = spike;
    }
    if (vRec && iRec) {
      vRec.data.set(v, base);
      iRec.data.set(i, base);
    }
  }
  return {
    out: z,
    v: vRec ?? makeTensor(neuronShape, v),
    i: iRec ?? makeTensor(neuronShape, i),
  };
}

/** norse.torch.LI (li_feed_forward_step): as LIF without threshold and reset; outputs v. */
export function liLayer(
  x: Tensor, p: LIParams, dt: number, record: boolean, v0?: Tensor | null, i0?: Tensor | null,
): RecordedLayer {
  const { steps, n, neuronShape } = timeAndNeurons(x, 'LI');
  const cm = membraneFactor(dt, p.tauMemInv);
  const cs = synapseFactor(dt, p.tauSynInv);
  const vLeak = p.vLeak;
  const v = stateArray(n, v0, vLeak, 'v');
  const i = stateArray(n, i0, 0, 'i');
  const out = makeTensor(x.shape);
  const iRec = record ? makeTensor(x.shape) : null;
  const xs = x.data, os = out.data;
  for (let t = 0; t < steps; t++) {
    const base = t * n;
    for (let k = 0; k < n; k++) {
      const iJump = f(i[k] + xs[base + k]);
      const vOld = v[k];
      const vNew = f(vOld + f(cm * f(f(vLeak - vOld) + iJump)));
      i[k] = f(iJump + f(cs * iJump));
      v[k] = vNew;
      os[base + k] = vNew;
    }
    if (iRec) iRec.data.set(i, base);
  }
  return {
    out,
    // LI's voltage output and its recorded v are the same numbers.
    v: record ? makeTensor(x.shape, out.data.slice()) : makeTensor(neuronShape, v),
    i: iRec ?? makeTensor(neuronShape, i),
  };
}

export interface RecurrentResult extends RecordedLayer {
  /** Recorded (T, hidden) or final (hidden) spikes of the state (LIFState.z). */
  z: Tensor;
}

/**
 * norse.torch.LIFRecurrent (lif_step) over x (T, input): per step
 *   i_jump = (i + W_in·x) + W_rec·z_prev, then the LIF update with i_jump in place of i_new.
 * The two matrix–vector products run over their inputs in order, float32 partial sums.
 */
export function lifRecurrentLayer(
  x: Tensor, inputWeights: Tensor, recurrentWeights: Tensor, p: LIFParams, dt: number, record: boolean,
): RecurrentResult {
  if (x.shape.length !== 2) {
    throw new NorseError('RuntimeError', `LIFRecurrent in the local runtime takes a (time steps, inputs) tensor, got shape [${x.shape.join(', ')}]`);
  }
  const [steps, nIn] = x.shape;
  const [hidden, wIn] = inputWeights.shape;
  if (wIn !== nIn) {
    throw new NorseError('RuntimeError', `mat1 and mat2 shapes cannot be multiplied (1x${nIn} and ${wIn}x${hidden})`);
  }
  if (recurrentWeights.shape[0] !== hidden || recurrentWeights.shape[1] !== hidden) {
    throw new NorseError('RuntimeError', `recurrent weights must have shape [${hidden}, ${hidden}], got [${recurrentWeights.shape.join(', ')}]`);
  }
  const cm = membraneFactor(dt, p.tauMemInv);
  const cs = synapseFactor(dt, p.tauSynInv);
  const { vLeak, vTh, vReset } = p;
  const v = new Float32Array(hidden).fill(vLeak);
  const i = new Float32Array(hidden);
  let zPrev = new Float32Array(hidden);
  let zNext = new Float32Array(hidden);
  const outShape = [steps, hidden];
  const z = makeTensor(outShape);
  const vRec = record ? makeTensor(outShape) : null;
  const iRec = record ? makeTensor(outShape) : null;
  const xs = x.data, win = inputWeights.data, wrec = recurrentWeights.data;
  for (let t = 0; t < steps; t++) {
    const xo = t * nIn;
    for (let j = 0; j < hidden; j++) {
      let fromInput = 0;
      for (let k = 0; k < nIn; k++) {
        const term = f(xs[xo + k] * win[j * nIn + k]);
        fromInput = k === 0 ? term : f(fromInput + term);
      }
      let fromRecurrent = 0;
      for (let k = 0; k < hidden; k++) {
        const term = f(zPrev[k] * wrec[j * hidden + k]);
        fromRecurrent = k === 0 ? term : f(fromRecurrent + term);
      }
      const iJump = f(f(i[j] + fromInput) + fromRecurrent);
      const vOld = v[j];
      const vDecayed = f(vOld + f(cm * f(f(vLeak - vOld) + iJump)));
      i[j] = f(iJump + f(cs * iJump));
      const spike = f(vDecayed - vTh) > 0 ? 1 : 0;
      v[j] = f(f((1 - spike) * vDecayed) + spike * vReset);
      zNext[j] = spike;
    }
    z.data.set(zNext, t * hidden);
    if (vRec && iRec) {
      vRec.data.set(v, t * hidden);
      iRec.data.set(i, t * hidden);
    }
    [zPrev, zNext] = [zNext, zPrev];
  }
  return {
    out: z,
    z: record ? makeTensor(outShape, z.data.slice()) : makeTensor([hidden], zPrev.slice()),
    v: vRec ?? makeTensor([hidden], v),
    i: iRec ?? makeTensor([hidden], i),
  };
}

/**
 * One step of norse.torch.LIFBoxCell (lif_box_feed_forward_step, reset_value):
 *   dv = c_mem·((x + v_leak) − v);  v' = v + dv;  z = (v' − v_th > 0);  v = (1 − z)·v' + z·v_reset
 * `v` may hold one value (the initial 0-d state) or one per element of x.
 */
export function lifBoxStep(x: Tensor, v: Tensor, p: LIFBoxParams, dt: number): { z: Tensor; v: Tensor } {
  const n = x.data.length;
  if (v.data.length !== 1 && v.data.length !== n) {
    throw new NorseError('RuntimeError', `The size of tensor a (${n}) must match the size of tensor b (${v.data.length}) at non-singleton dimension 0`);
  }
  const shape = x.data.length >= v.data.length ? x.shape : v.shape;
  const cm = membraneFactor(dt, p.tauMemInv);
  const { vLeak, vTh, vReset } = p;
  const z = makeTensor(shape);
  const vNew = makeTensor(shape);
  const scalarV = v.data.length === 1;
  for (let k = 0; k < n; k++) {
    const vOld = scalarV ? v.data[0] : v.data[k];
    const vDecayed = f(vOld + f(cm * f(f(x.data[k] + vLeak) - vOld)));
    const spike = f(vDecayed - vTh) > 0 ? 1 : 0;
    z.data[k] = spike;
    vNew.data[k] = f(f((1 - spike) * vDecayed) + spike * vReset);
  }
  return { z, v: vNew };
}

/**
 * norse's lif_current_encoder, stepped `steps` times from v = 0 on a constant current x:
 *   v ← v + c_mem·((v_leak − v) + x);  z = (v − v_th > 0);  v ← v − z·(v − v_reset)
 * ConstantCurrentLIFEncoder returns every step's z; SpikeLatencyLIFEncoder (firstOnly) keeps only
 * each neuron's first spike. Also returns the voltages (not part of Norse's output; for tests).
 */
export function currentEncoder(
  x: Tensor, steps: number, p: LIFParams, dt: number, firstOnly: boolean,
): { spikes: Tensor; v: Tensor } {
  const n = x.data.length;
  const cm = membraneFactor(dt, p.tauMemInv);
  const { vLeak, vTh, vReset } = p;
  const v = new Float32Array(n);
  const spiked = new Uint8Array(n);
  const shape = [steps, ...x.shape];
  const spikes = makeTensor(shape);
  const vRec = makeTensor(shape);
  for (let t = 0; t < steps; t++) {
    for (let k = 0; k < n; k++) {
      let vk = f(v[k] + f(cm * f(f(vLeak - v[k]) + x.data[k])));
      const spike = f(vk - vTh) > 0 ? 1 : 0;
      vk = f(vk - f(spike * f(vk - vReset)));
      v[k] = vk;
      vRec.data[t * n + k] = vk;
      if (firstOnly) {
        spikes.data[t * n + k] = spiked[k] ? 0 : spike;
        if (spike) spiked[k] = 1;
      } else {
        spikes.data[t * n + k] = spike;
      }
    }
  }
  return { spikes, v: vRec };
}
