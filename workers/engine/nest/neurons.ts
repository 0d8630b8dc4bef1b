/**
 * Neuron populations as structure of arrays: one Float64Array per parameter, state variable and
 * propagator, one tight loop per population per step. Equations and update order: NEST 3.10's
 * exact integration (see /work/shared/reference/nest.md); the code is our own.
 *
 * Input arrives through ring buffers indexed [slot * n + i], slot = step % ringLength: the
 * kernel adds a spike's weight in the slot of the step in which the target reads it.
 */
import { NEST_MODELS, asNumber } from './models';

/** What the kernel needs from a population. */
export abstract class NeuronPopulation {
  readonly model: string;
  readonly first: number;
  readonly n: number;
  /** Parameters per neuron, in NEST's (absolute) units, as GetStatus shows them. */
  readonly par: Record<string, Float64Array> = {};
  /** Boolean parameters per neuron. */
  readonly flag: Record<string, Uint8Array> = {};
  /** Membrane potential relative to E_L, as NEST integrates it. */
  readonly y: Float64Array;
  /** Refractory steps left. */
  readonly refr: Int32Array;
  /** Current input read in the previous step (acts from this step on). */
  readonly iPrev: Float64Array;
  /** Time of the last spike (ms), -1 before the first. */
  readonly tSpike: Float64Array;
  /** Indices of the neurons that spiked in the last update. */
  readonly spiked: Int32Array;
  nSpiked = 0;
  /** Spikes per emitted spike event (only a parrot sends more than one at once); null: 1. */
  multiplicity: Float64Array | null = null;
  /** Does this model count incoming spikes instead of summing their weights (parrot)? */
  readonly countsSpikes: boolean = false;
  /** Some connection brings inhibitory spikes / currents here (else those loops are skipped;
   * the state they would update stays exactly zero). Set by the kernel, never cleared. */
  hasInhibitory = false;
  hasCurrent = false;
  /** Set when a parameter changed: the propagators must be recomputed. */
  dirty = true;
  ringLength = 0;
  /** Current input (pA), one slot per step. */
  curRing: Float64Array = new Float64Array(0);

  constructor(model: string, first: number, n: number) {
    this.model = model;
    this.first = first;
    this.n = n;
    for (const [k, p] of Object.entries(NEST_MODELS[model].params)) {
      if (typeof p.default === 'number') this.par[k] = new Float64Array(n).fill(p.default);
      else if (typeof p.default === 'boolean') this.flag[k] = new Uint8Array(n).fill(p.default ? 1 : 0);
    }
    // Models without E_L (izhikevich) integrate V_m itself; a parrot has no voltage at all.
    const el = this.par.E_L ? this.par.E_L[0] : 0;
    this.y = new Float64Array(n).fill(this.par.V_m ? this.par.V_m[0] - el : 0);
    this.refr = new Int32Array(n);
    this.iPrev = new Float64Array(n);
    this.tSpike = new Float64Array(n).fill(-1);
    this.spiked = new Int32Array(n);
  }

  /** The spike input rings of this model (weights by channel). */
  abstract spikeRings(): Float64Array[];
  /** Which ring a spike of this weight goes to (alpha/exp: sign picks the channel). */
  abstract ringFor(weight: number): Float64Array;
  /** Recompute propagators for resolution h (ms). */
  abstract calibrate(h: number, stepTics: number): void;
  /** Advance every neuron by one step, reading input slot `slot`; fills `spiked`. */
  abstract update(slot: number): void;
  /** A recordable value of neuron i. */
  abstract recordable(name: string, i: number): number;

  /** Reallocate rings to `length` slots, keeping input already scheduled for steps >= now. */
  resizeRings(length: number, now: number): void {
    const remap = (old: Float64Array): Float64Array => {
      const next = new Float64Array(length * this.n);
      const oldLen = this.ringLength;
      for (let k = 0; k < Math.min(oldLen, length); k++) {
        const step = now + k;
        const from = (step % oldLen) * this.n;
        const to = (step % length) * this.n;
        next.set(old.subarray(from, from + this.n), to);
      }
      return next;
    };
    if (this.ringLength === 0) {
      this.curRing = new Float64Array(length * this.n);
      this.replaceSpikeRings(this.spikeRings().map(() => new Float64Array(length * this.n)));
    } else {
      this.curRing = remap(this.curRing);
      this.replaceSpikeRings(this.spikeRings().map(remap));
    }
    this.ringLength = length;
  }

  protected abstract replaceSpikeRings(rings: Float64Array[]): void;

  getStatus(i: number): Record<string, unknown> {
    const d: Record<string, unknown> = {};
    for (const [k, a] of Object.entries(this.par)) d[k] = a[i];
    for (const [k, a] of Object.entries(this.flag)) d[k] = a[i] === 1;
    if (this.par.V_m) d.V_m = this.y[i] + (this.par.E_L ? this.par.E_L[i] : 0);
    d.t_spike = this.tSpike[i];
    d.recordables = [...(NEST_MODELS[this.model].recordables ?? [])];
    d.element_type = 'neuron';
    return d;
  }

  /** Apply already-checked parameters to neuron i. */
  setStatus(i: number, params: Record<string, unknown>): void {
    const eL = () => (this.par.E_L ? this.par.E_L[i] : 0);
    const vOld = this.y[i] + eL();
    for (const [k, v] of Object.entries(params)) {
      if (k === 'V_m') continue;
      if (k in this.par) this.par[k][i] = asNumber(v);
      else if (k in this.flag) this.flag[k][i] = v ? 1 : 0;
    }
    // NEST 3.10 keeps V_m in absolute terms when only E_L changes.
    const v = 'V_m' in params ? asNumber(params.V_m) : vOld;
    this.y[i] = v - eL();
    this.dirty = true;
  }

  /** Do all neurons share the parameters named (then the loop uses scalars: ~4x faster)? */
  protected sameForAll(names: string[]): boolean {
    for (const k of names) {
      const a = this.par[k];
      const v0 = a[0];
      for (let i = 1; i < this.n; i++) if (a[i] !== v0 && !(Number.isNaN(a[i]) && Number.isNaN(v0))) return false;
    }
    return true;
  }

  /** Refractory steps for t_ref (ms): round to tics, then up to whole steps. */
  protected refractorySteps(tRef: number, stepTics: number): number {
    return Math.ceil(Math.round(tRef * 1000) / stepTics);
  }
}

/** β-propagator of a current with time constant tauS into a membrane with tauM, C. It is the
 * P32 of the alpha model and the P21 of the exp model. Near tauS = tauM the closed form cancels
 * badly; the limit applies there. */
export function currentToVoltage(h: number, tauS: number, tauM: number, c: number): number {
  const limit = (h / c) * Math.exp(-h / tauM);
  if (tauS === tauM) return limit;
  const beta = (tauS * tauM) / (tauM - tauS);
  const gamma = beta / c;
  const p = gamma * Math.exp(-h / tauS) * Math.expm1(h / beta);
  if (!Number.isFinite(p) || Math.abs(tauM - tauS) < 1e-9 * tauM) return limit;
  return p;
}

export class AlphaPopulation extends NeuronPopulation {
  readonly iEx: Float64Array;
  readonly dIEx: Float64Array;
  readonly iIn: Float64Array;
  readonly dIIn: Float64Array;
  exRing: Float64Array = new Float64Array(0);
  inRing: Float64Array = new Float64Array(0);
  // propagators and derived constants, per neuron
  private P11ex: Float64Array; private P21ex: Float64Array; private P31ex: Float64Array; private P32ex: Float64Array;
  private P11in: Float64Array; private P21in: Float64Array; private P31in: Float64Array; private P32in: Float64Array;
  private P30: Float64Array; private expm1m: Float64Array;
  private pscEx: Float64Array; private pscIn: Float64Array;
  private thr: Float64Array; private vRes: Float64Array; private vMin: Float64Array;
  private refrSteps: Int32Array;
  /** All neurons share every parameter except I_e: use the scalar loop. */
  private uniform = false;

  constructor(first: number, n: number) {
    super('iaf_psc_alpha', first, n);
    const f = () => new Float64Array(n);
    this.iEx = f(); this.dIEx = f(); this.iIn = f(); this.dIIn = f();
    this.P11ex = f(); this.P21ex = f(); this.P31ex = f(); this.P32ex = f();
    this.P11in = f(); this.P21in = f(); this.P31in = f(); this.P32in = f();
    this.P30 = f(); this.expm1m = f(); this.pscEx = f(); this.pscIn = f();
    this.thr = f(); this.vRes = f(); this.vMin = f();
    this.refrSteps = new Int32Array(n);
  }

  spikeRings(): Float64Array[] { return [this.exRing, this.inRing]; }
  protected replaceSpikeRings(r: Float64Array[]): void { [this.exRing, this.inRing] = r; }
  ringFor(w: number): Float64Array { return w >= 0 ? this.exRing : this.inRing; }

  calibrate(h: number, stepTics: number): void {
    const p = this.par;
    for (let i = 0; i < this.n; i++) {
      const tauM = p.tau_m[i], c = p.C_m[i], el = p.E_L[i];
      this.expm1m[i] = Math.expm1(-h / tauM);
      this.P30[i] = (-tauM / c) * Math.expm1(-h / tauM);
      const chan = (tauS: number, P11: Float64Array, P21: Float64Array, P31: Float64Array, P32: Float64Array, psc: Float64Array) => {
        const e = Math.exp(-h / tauS);
        P11[i] = e;
        P21[i] = h * e;
        P32[i] = currentToVoltage(h, tauS, tauM, c);
        if (tauS === tauM || Math.abs(tauM - tauS) < 1e-9 * tauM) {
          P31[i] = ((h * h) / (2 * c)) * Math.exp(-h / tauM);
        } else {
          const beta = (tauS * tauM) / (tauM - tauS);
          P31[i] = (beta / c) * e * (beta * Math.expm1(h / beta) - h);
        }
        psc[i] = Math.E / tauS; // weight = peak of the PSC
      };
      chan(p.tau_syn_ex[i], this.P11ex, this.P21ex, this.P31ex, this.P32ex, this.pscEx);
      chan(p.tau_syn_in[i], this.P11in, this.P21in, this.P31in, this.P32in, this.pscIn);
      this.thr[i] = p.V_th[i] - el;
      this.vRes[i] = p.V_reset[i] - el;
      this.vMin[i] = p.V_min[i] - el;
      this.refrSteps[i] = this.refractorySteps(p.t_ref[i], stepTics);
    }
    this.uniform = this.sameForAll(['C_m', 'tau_m', 'tau_syn_ex', 'tau_syn_in', 't_ref', 'E_L', 'V_th', 'V_reset', 'V_min']);
    this.dirty = false;
  }

  update(slot: number): void {
    if (this.uniform && !this.hasInhibitory && !this.hasCurrent) {
      this.nSpiked = alphaUniformExcitatoryOnly(
        this.n, slot * this.n, this.y, this.refr, this.par.I_e, this.iEx, this.dIEx, this.exRing, this.spiked,
        this.P11ex[0], this.P21ex[0], this.P31ex[0], this.P32ex[0], this.P30[0], this.expm1m[0], this.pscEx[0],
        this.thr[0], this.vRes[0], this.vMin[0], this.refrSteps[0],
      );
      return;
    }
    if (this.uniform) {
      this.nSpiked = alphaUniform(
        this.n, slot * this.n, this.y, this.refr, this.iPrev, this.par.I_e,
        this.iEx, this.dIEx, this.iIn, this.dIIn, this.exRing, this.inRing, this.curRing, this.spiked,
        this.P11ex[0], this.P21ex[0], this.P31ex[0], this.P32ex[0], this.P11in[0], this.P21in[0], this.P31in[0], this.P32in[0],
        this.P30[0], this.expm1m[0], this.pscEx[0], this.pscIn[0], this.thr[0], this.vRes[0], this.vMin[0], this.refrSteps[0],
        this.hasInhibitory, this.hasCurrent,
      );
      return;
    }
    const n = this.n, base = slot * n;
    const y = this.y, refr = this.refr, iPrev = this.iPrev, Ie = this.par.I_e;
    const iEx = this.iEx, dIEx = this.dIEx, iIn = this.iIn, dIIn = this.dIIn;
    const P11ex = this.P11ex, P21ex = this.P21ex, P31ex = this.P31ex, P32ex = this.P32ex;
    const P11in = this.P11in, P21in = this.P21in, P31in = this.P31in, P32in = this.P32in;
    const P30 = this.P30, em1 = this.expm1m, pscEx = this.pscEx, pscIn = this.pscIn;
    const thr = this.thr, vRes = this.vRes, vMin = this.vMin, refrSteps = this.refrSteps;
    const exRing = this.exRing, inRing = this.inRing, curRing = this.curRing, spiked = this.spiked;
    let ns = 0;
    for (let i = 0; i < n; i++) {
      let yi = y[i];
      const dex = dIEx[i], iex = iEx[i], din = dIIn[i], iin = iIn[i];
      if (refr[i] === 0) {
        yi = P30[i] * (iPrev[i] + Ie[i]) + P31ex[i] * dex + P32ex[i] * iex + P31in[i] * din + P32in[i] * iin + em1[i] * yi + yi;
        if (yi < vMin[i]) yi = vMin[i];
      } else {
        refr[i]--;
      }
      const k = base + i;
      iEx[i] = P21ex[i] * dex + P11ex[i] * iex;
      dIEx[i] = P11ex[i] * dex + pscEx[i] * exRing[k];
      exRing[k] = 0;
      iIn[i] = P21in[i] * din + P11in[i] * iin;
      dIIn[i] = P11in[i] * din + pscIn[i] * inRing[k];
      inRing[k] = 0;
      if (yi >= thr[i]) {
        yi = vRes[i];
        refr[i] = refrSteps[i];
        spiked[ns++] = i;
      }
      y[i] = yi;
      iPrev[i] = curRing[k];
      curRing[k] = 0;
    }
    this.nSpiked = ns;
  }

  recordable(name: string, i: number): number {
    if (name === 'V_m') return this.y[i] + this.par.E_L[i];
    if (name === 'I_syn_ex') return this.iEx[i];
    if (name === 'I_syn_in') return this.iIn[i];
    return NaN;
  }
}

export class ExpPopulation extends NeuronPopulation {
  readonly iEx: Float64Array;
  readonly iIn: Float64Array;
  exRing: Float64Array = new Float64Array(0);
  inRing: Float64Array = new Float64Array(0);
  private P11ex: Float64Array; private P11in: Float64Array; private P21ex: Float64Array; private P21in: Float64Array;
  private P22: Float64Array; private P20: Float64Array;
  private thr: Float64Array; private vRes: Float64Array; private refrSteps: Int32Array;
  private h = 0.1;
  /** Random numbers for the soft threshold (delta > 0); set by the kernel. */
  uniform: () => number = Math.random;

  constructor(first: number, n: number) {
    super('iaf_psc_exp', first, n);
    const f = () => new Float64Array(n);
    this.iEx = f(); this.iIn = f();
    this.P11ex = f(); this.P11in = f(); this.P21ex = f(); this.P21in = f(); this.P22 = f(); this.P20 = f();
    this.thr = f(); this.vRes = f(); this.refrSteps = new Int32Array(n);
  }

  spikeRings(): Float64Array[] { return [this.exRing, this.inRing]; }
  protected replaceSpikeRings(r: Float64Array[]): void { [this.exRing, this.inRing] = r; }
  ringFor(w: number): Float64Array { return w >= 0 ? this.exRing : this.inRing; }

  calibrate(h: number, stepTics: number): void {
    const p = this.par;
    this.h = h;
    for (let i = 0; i < this.n; i++) {
      const tauM = p.tau_m[i], c = p.C_m[i], el = p.E_L[i];
      this.P11ex[i] = Math.exp(-h / p.tau_syn_ex[i]);
      this.P11in[i] = Math.exp(-h / p.tau_syn_in[i]);
      this.P22[i] = Math.exp(-h / tauM);
      this.P21ex[i] = currentToVoltage(h, p.tau_syn_ex[i], tauM, c);
      this.P21in[i] = currentToVoltage(h, p.tau_syn_in[i], tauM, c);
      this.P20[i] = (-tauM / c) * Math.expm1(-h / tauM);
      this.thr[i] = p.V_th[i] - el;
      this.vRes[i] = p.V_reset[i] - el;
      this.refrSteps[i] = this.refractorySteps(p.t_ref[i], stepTics);
    }
    this.dirty = false;
  }

  update(slot: number): void {
    const n = this.n, base = slot * n;
    const y = this.y, refr = this.refr, iPrev = this.iPrev, Ie = this.par.I_e;
    const iEx = this.iEx, iIn = this.iIn;
    const P11ex = this.P11ex, P11in = this.P11in, P21ex = this.P21ex, P21in = this.P21in, P22 = this.P22, P20 = this.P20;
    const thr = this.thr, vRes = this.vRes, refrSteps = this.refrSteps;
    const exRing = this.exRing, inRing = this.inRing, curRing = this.curRing, spiked = this.spiked;
    const delta = this.par.delta, rho = this.par.rho, h = this.h;
    let ns = 0;
    for (let i = 0; i < n; i++) {
      let yi = y[i];
      if (refr[i] === 0) {
        yi = yi * P22[i] + iEx[i] * P21ex[i] + iIn[i] * P21in[i] + (Ie[i] + iPrev[i]) * P20[i];
      } else {
        refr[i]--;
      }
      const k = base + i;
      iEx[i] = iEx[i] * P11ex[i] + exRing[k];
      exRing[k] = 0;
      iIn[i] = iIn[i] * P11in[i] + inRing[k];
      inRing[k] = 0;
      let fire: boolean;
      if (delta[i] < 1e-10) fire = yi >= thr[i];
      else {
        // soft threshold: firing intensity rho·exp((V − V_th)/delta) in 1/s
        fire = this.uniform() < rho[i] * Math.exp((yi - thr[i]) / delta[i]) * h * 1e-3;
      }
      if (fire) {
        yi = vRes[i];
        refr[i] = refrSteps[i];
        spiked[ns++] = i;
      }
      y[i] = yi;
      iPrev[i] = curRing[k];
      curRing[k] = 0;
    }
    this.nSpiked = ns;
  }

  recordable(name: string, i: number): number {
    if (name === 'V_m') return this.y[i] + this.par.E_L[i];
    if (name === 'I_syn_ex') return this.iEx[i];
    if (name === 'I_syn_in') return this.iIn[i];
    return NaN;
  }
}

export class DeltaPopulation extends NeuronPopulation {
  ring: Float64Array = new Float64Array(0);
  /** Input that arrived while refractory (refractory_input = true), decayed to the end of it. */
  readonly refrInput: Float64Array;
  private P33: Float64Array; private P30: Float64Array;
  private thr: Float64Array; private vRes: Float64Array; private vMin: Float64Array; private refrSteps: Int32Array;
  private h = 0.1;

  constructor(first: number, n: number) {
    super('iaf_psc_delta', first, n);
    const f = () => new Float64Array(n);
    this.refrInput = f();
    this.P33 = f(); this.P30 = f(); this.thr = f(); this.vRes = f(); this.vMin = f();
    this.refrSteps = new Int32Array(n);
  }

  spikeRings(): Float64Array[] { return [this.ring]; }
  protected replaceSpikeRings(r: Float64Array[]): void { [this.ring] = r; }
  ringFor(): Float64Array { return this.ring; }

  calibrate(h: number, stepTics: number): void {
    const p = this.par;
    this.h = h;
    for (let i = 0; i < this.n; i++) {
      const tauM = p.tau_m[i], el = p.E_L[i];
      this.P33[i] = Math.exp(-h / tauM);
      this.P30[i] = (-tauM / p.C_m[i]) * Math.expm1(-h / tauM);
      this.thr[i] = p.V_th[i] - el;
      this.vRes[i] = p.V_reset[i] - el;
      this.vMin[i] = p.V_min[i] - el;
      this.refrSteps[i] = this.refractorySteps(p.t_ref[i], stepTics);
    }
    this.dirty = false;
  }

  update(slot: number): void {
    const n = this.n, base = slot * n;
    const y = this.y, refr = this.refr, iPrev = this.iPrev, Ie = this.par.I_e;
    const P33 = this.P33, P30 = this.P30, thr = this.thr, vRes = this.vRes, vMin = this.vMin, refrSteps = this.refrSteps;
    const ring = this.ring, curRing = this.curRing, spiked = this.spiked;
    const keep = this.flag.refractory_input, refrInput = this.refrInput, tauM = this.par.tau_m, h = this.h;
    let ns = 0;
    for (let i = 0; i < n; i++) {
      let yi = y[i];
      const k = base + i;
      if (refr[i] === 0) {
        yi = P30[i] * (iPrev[i] + Ie[i]) + P33[i] * yi + ring[k] + refrInput[i];
        refrInput[i] = 0;
        if (yi < vMin[i]) yi = vMin[i];
      } else {
        // Spikes during the refractory period are lost, unless refractory_input: then they are
        // added when it ends, decayed as if they had arrived at its end.
        if (keep[i] === 1) refrInput[i] += ring[k] * Math.exp((-refr[i] * h) / tauM[i]);
        refr[i]--;
      }
      ring[k] = 0;
      if (yi >= thr[i]) {
        yi = vRes[i];
        refr[i] = refrSteps[i];
        spiked[ns++] = i;
      }
      y[i] = yi;
      iPrev[i] = curRing[k];
      curRing[k] = 0;
    }
    this.nSpiked = ns;
  }

  recordable(name: string, i: number): number {
    return name === 'V_m' ? this.y[i] + this.par.E_L[i] : NaN;
  }
}

/**
 * parrot_neuron: repeats every spike it receives, at the time it arrives (no voltage, no
 * threshold). Weights are ignored; the ring counts spikes, and all spikes read in one step leave
 * as one event with that multiplicity (so a target gets weight × count).
 */
export class ParrotPopulation extends NeuronPopulation {
  override readonly countsSpikes = true;
  ring: Float64Array = new Float64Array(0);

  constructor(first: number, n: number) {
    super('parrot_neuron', first, n);
    this.multiplicity = new Float64Array(n);
  }

  spikeRings(): Float64Array[] { return [this.ring]; }
  protected replaceSpikeRings(r: Float64Array[]): void { [this.ring] = r; }
  ringFor(): Float64Array { return this.ring; }
  calibrate(): void { this.dirty = false; }

  update(slot: number): void {
    const n = this.n, base = slot * n, ring = this.ring, mult = this.multiplicity!, spiked = this.spiked;
    let ns = 0;
    for (let i = 0; i < n; i++) {
      const count = ring[base + i];
      ring[base + i] = 0;
      if (count > 0) {
        mult[i] = count;
        spiked[ns++] = i;
      }
    }
    this.nSpiked = ns;
  }

  recordable(): number { return NaN; }
}

/**
 * izhikevich: dV/dt = 0.04 V² + 5 V + 140 − U + I + I_e, dU/dt = a (b V − U); at V ≥ V_th:
 * V ← c, U ← U + d. consistent_integration (default) is one forward-Euler step of h for both,
 * then spike weights add to V; otherwise Izhikevich's published scheme: two half steps for V
 * (spike weights acting as a current), then U from the new V.
 */
export class IzhikevichPopulation extends NeuronPopulation {
  readonly u: Float64Array;
  ring: Float64Array = new Float64Array(0);
  private h = 0.1;

  constructor(first: number, n: number) {
    super('izhikevich', first, n);
    this.u = new Float64Array(n).fill(this.par.U_m[0]);
  }

  spikeRings(): Float64Array[] { return [this.ring]; }
  protected replaceSpikeRings(r: Float64Array[]): void { [this.ring] = r; }
  ringFor(): Float64Array { return this.ring; }
  calibrate(h: number): void { this.h = h; this.dirty = false; }

  override getStatus(i: number): Record<string, unknown> {
    const d = super.getStatus(i);
    d.U_m = this.u[i];
    return d;
  }

  override setStatus(i: number, params: Record<string, unknown>): void {
    super.setStatus(i, params);
    if ('U_m' in params) this.u[i] = asNumber(params.U_m);
  }

  update(slot: number): void {
    const n = this.n, base = slot * n, h = this.h;
    const y = this.y, u = this.u, iPrev = this.iPrev, ring = this.ring, curRing = this.curRing, spiked = this.spiked;
    const { a, b, c, d, I_e: Ie, V_th: vth, V_min: vmin } = this.par;
    const consistent = this.flag.consistent_integration;
    let ns = 0;
    for (let i = 0; i < n; i++) {
      const k = base + i;
      const v0 = y[i], u0 = u[i], I = iPrev[i] + Ie[i], w = ring[k];
      ring[k] = 0;
      let v: number, uu: number;
      if (consistent[i] === 1) {
        v = v0 + h * (0.04 * v0 * v0 + 5.0 * v0 + 140.0 - u0 + I);
        uu = u0 + h * a[i] * (b[i] * v0 - u0);
        v += w;
      } else {
        // The published scheme treats this step's spike weights as a current in both half
        // steps (measured on NEST 3.10: a weight w moves V by about w·h, not by w).
        v = v0 + (h / 2.0) * (0.04 * v0 * v0 + 5.0 * v0 + 140.0 - u0 + I + w);
        v = v + (h / 2.0) * (0.04 * v * v + 5.0 * v + 140.0 - u0 + I + w);
        uu = u0 + h * a[i] * (b[i] * v - u0);
      }
      if (v < vmin[i]) v = vmin[i];
      if (v >= vth[i]) {
        v = c[i];
        uu += d[i];
        spiked[ns++] = i;
      }
      y[i] = v;
      u[i] = uu;
      iPrev[i] = curRing[k];
      curRing[k] = 0;
    }
    this.nSpiked = ns;
  }

  recordable(name: string, i: number): number {
    if (name === 'V_m') return this.y[i];
    if (name === 'U_m') return this.u[i];
    return NaN;
  }
}

export function createPopulation(model: string, first: number, n: number): NeuronPopulation {
  switch (model) {
    case 'parrot_neuron': return new ParrotPopulation(first, n);
    case 'izhikevich': return new IzhikevichPopulation(first, n);
    case 'iaf_psc_alpha': return new AlphaPopulation(first, n);
    case 'iaf_psc_exp': return new ExpPopulation(first, n);
    case 'iaf_psc_delta': return new DeltaPopulation(first, n);
  }
  throw new Error(`not a neuron model: ${model}`);
}

/** alphaUniform for a population that only ever gets excitatory spikes (the common case of a
 * generator driving a population): a loop this small runs about twice as fast in V8. The
 * inhibitory and current terms it leaves out are exactly zero there. */
function alphaUniformExcitatoryOnly(
  n: number, base: number, y: Float64Array, refr: Int32Array, Ie: Float64Array,
  iEx: Float64Array, dIEx: Float64Array, exRing: Float64Array, spiked: Int32Array,
  P11ex: number, P21ex: number, P31ex: number, P32ex: number, P30: number, em1: number, pscEx: number,
  thr: number, vRes: number, vMin: number, refrSteps: number,
): number {
  let ns = 0;
  for (let i = 0; i < n; i++) {
    let yi = y[i];
    const dex = dIEx[i], iex = iEx[i];
    const k = base + i;
    if (refr[i] === 0) {
      yi = P30 * (0 + Ie[i]) + P31ex * dex + P32ex * iex + em1 * yi + yi;
      if (yi < vMin) yi = vMin;
    } else {
      refr[i]--;
    }
    iEx[i] = P21ex * dex + P11ex * iex;
    dIEx[i] = P11ex * dex + pscEx * exRing[k];
    exRing[k] = 0;
    if (yi >= thr) {
      yi = vRes;
      refr[i] = refrSteps;
      spiked[ns++] = i;
    }
    y[i] = yi;
  }
  return ns;
}

/** The alpha loop for a population whose neurons share all parameters (except I_e): the
 * propagators are scalars, which V8 keeps in registers. Same arithmetic as the general loop. */
function alphaUniform(
  n: number, base: number, y: Float64Array, refr: Int32Array, iPrev: Float64Array, Ie: Float64Array,
  iEx: Float64Array, dIEx: Float64Array, iIn: Float64Array, dIIn: Float64Array,
  exRing: Float64Array, inRing: Float64Array, curRing: Float64Array, spiked: Int32Array,
  P11ex: number, P21ex: number, P31ex: number, P32ex: number, P11in: number, P21in: number, P31in: number, P32in: number,
  P30: number, em1: number, pscEx: number, pscIn: number, thr: number, vRes: number, vMin: number, refrSteps: number,
  useIn: boolean, useCur: boolean,
): number {
  let ns = 0;
  for (let i = 0; i < n; i++) {
    let yi = y[i];
    const dex = dIEx[i], iex = iEx[i];
    const k = base + i;
    if (refr[i] === 0) {
      // Terms of channels that never receive input are exactly zero: skip reading them.
      let v = P30 * ((useCur ? iPrev[i] : 0) + Ie[i]) + P31ex * dex + P32ex * iex;
      if (useIn) v = v + P31in * dIIn[i] + P32in * iIn[i]; // same rounding order as the general loop
      yi = v + em1 * yi + yi;
      if (yi < vMin) yi = vMin;
    } else {
      refr[i]--;
    }
    iEx[i] = P21ex * dex + P11ex * iex;
    dIEx[i] = P11ex * dex + pscEx * exRing[k];
    exRing[k] = 0;
    if (useIn) {
      const din = dIIn[i], iin = iIn[i];
      iIn[i] = P21in * din + P11in * iin;
      dIIn[i] = P11in * din + pscIn * inRing[k];
      inRing[k] = 0;
    }
    if (yi >= thr) {
      yi = vRes;
      refr[i] = refrSteps;
      spiked[ns++] = i;
    }
    y[i] = yi;
    if (useCur) {
      iPrev[i] = curRing[k];
      curRing[k] = 0;
    }
  }
  return ns;
}
