/**
 * Conductance-based integrate-and-fire neurons (iaf_cond_exp, iaf_cond_alpha). Unlike the
 * current-based models these have no exact propagator: the voltage equation multiplies state by
 * state (g·(V − E)), so NEST integrates them numerically with an adaptive Runge–Kutta–Fehlberg
 * 4(5) method (GSL's rkf45, absolute error 1e-3, relative 0) over each step, keeping the
 * integrator's step size from one step to the next. We do the same with our own RKF45 (the
 * Fehlberg coefficients are textbook mathematics) and the same step-size rule, so our numbers
 * follow NEST's to well below the error bound. Equations: /work/shared/reference/nest.md.
 */
import { NeuronPopulation } from './neurons';
import { asNumber } from './models';

/** Absolute error allowed per integrator step, for every state variable (NEST's choice). */
const EPS_ABS = 1e-3;
/** Safety factor and order of the step-size rule (the error of a 4(5) pair scales with h^5). */
export const SAFETY = 0.9;
export const ORDER = 5;

// Fehlberg's 4(5) tableau: stage times, stage weights, 5th-order weights, and 5th − 4th error weights.
// Exported for the other adaptive-step models (adaptive-neurons.ts), with the step-size rule above.
export const A2 = 1 / 4;
export const B31 = 3 / 32, B32 = 9 / 32;
export const B41 = 1932 / 2197, B42 = -7200 / 2197, B43 = 7296 / 2197;
export const B51 = 439 / 216, B52 = -8, B53 = 3680 / 513, B54 = -845 / 4104;
export const B61 = -8 / 27, B62 = 2, B63 = -3544 / 2565, B64 = 1859 / 4104, B65 = -11 / 40;
export const C1 = 16 / 135, C3 = 6656 / 12825, C4 = 28561 / 56430, C5 = -9 / 50, C6 = 2 / 55;
export const E1 = 1 / 360, E3 = -128 / 4275, E4 = -2197 / 75240, E5 = 1 / 50, E6 = 2 / 55;

/**
 * The right-hand side of one neuron: writes dy/dt of `y` into `out`. The state layout is the
 * model's own (exp: V, g_ex, g_in; alpha: V, dg_ex, g_ex, dg_in, g_in).
 */
type Derivative = (y: Float64Array, out: Float64Array) => void;

/**
 * Advance `y` by one simulation step h with adaptive RKF45; `hInt` is the integrator's step
 * size carried over from the last call. Returns the step size to carry on.
 */
function integrateStep(f: Derivative, y: Float64Array, h: number, hInt: number, w: Work): number {
  const dim = y.length;
  const { y0, k1, k2, k3, k4, k5, k6, tmp, err } = w;
  let t = 0;
  while (t < h) {
    let hs = hInt;
    f(y, k1); // the slope at the start of the try is reused when a try is rejected
    y0.set(y);
    for (;;) {
      // Never step past the end of the simulation step.
      const last = hs >= h - t;
      if (last) hs = h - t;
      for (let d = 0; d < dim; d++) tmp[d] = y0[d] + A2 * hs * k1[d];
      f(tmp, k2);
      for (let d = 0; d < dim; d++) tmp[d] = y0[d] + hs * (B31 * k1[d] + B32 * k2[d]);
      f(tmp, k3);
      for (let d = 0; d < dim; d++) tmp[d] = y0[d] + hs * (B41 * k1[d] + B42 * k2[d] + B43 * k3[d]);
      f(tmp, k4);
      for (let d = 0; d < dim; d++) tmp[d] = y0[d] + hs * (B51 * k1[d] + B52 * k2[d] + B53 * k3[d] + B54 * k4[d]);
      f(tmp, k5);
      for (let d = 0; d < dim; d++) tmp[d] = y0[d] + hs * (B61 * k1[d] + B62 * k2[d] + B63 * k3[d] + B64 * k4[d] + B65 * k5[d]);
      f(tmp, k6);
      let rmax = Number.MIN_VALUE;
      for (let d = 0; d < dim; d++) {
        y[d] = y0[d] + hs * (C1 * k1[d] + C3 * k3[d] + C4 * k4[d] + C5 * k5[d] + C6 * k6[d]);
        err[d] = hs * (E1 * k1[d] + E3 * k3[d] + E4 * k4[d] + E5 * k5[d] + E6 * k6[d]);
        const r = Math.abs(err[d]) / EPS_ABS;
        if (r > rmax) rmax = r;
      }
      if (rmax > 1.1) {
        // Too inaccurate: shrink (at most 5x) and try again from the same start.
        const shrunk = Math.max(0.2, SAFETY / Math.pow(rmax, 1 / ORDER)) * hs;
        if (shrunk < hs && t + shrunk !== t) { hs = shrunk; continue; }
      } else if (rmax < 0.5) {
        // Comfortably accurate: the next try may be longer (at most 5x, never shorter).
        const r = Math.min(5, Math.max(1, SAFETY / Math.pow(rmax, 1 / (ORDER + 1))));
        t = last ? h : t + hs;
        hInt = r * hs;
        break;
      }
      t = last ? h : t + hs;
      hInt = hs;
      break;
    }
  }
  return hInt;
}

interface Work { y0: Float64Array; k1: Float64Array; k2: Float64Array; k3: Float64Array; k4: Float64Array;
  k5: Float64Array; k6: Float64Array; tmp: Float64Array; err: Float64Array }

function work(dim: number): Work {
  const f = () => new Float64Array(dim);
  return { y0: f(), k1: f(), k2: f(), k3: f(), k4: f(), k5: f(), k6: f(), tmp: f(), err: f() };
}

/**
 * What every model integrated with adaptive RKF45 shares (the conductance models here,
 * hh_psc_alpha and aeif_cond_alpha in adaptive-neurons.ts): absolute V_m, the integrator's step
 * size carried from step to step, refractory steps, one input ring per sign of weight.
 */
export abstract class AdaptiveStepPopulation extends NeuronPopulation {
  /** Membrane potential (mV, absolute: NEST integrates V_m itself for these models). */
  readonly v: Float64Array;
  /** The integrator's step size per neuron (ms); starts at the resolution. */
  readonly hInt: Float64Array;
  exRing: Float64Array = new Float64Array(0);
  inRing: Float64Array = new Float64Array(0);
  protected h = 0.1;
  protected refrSteps: Int32Array;

  constructor(model: string, first: number, n: number) {
    super(model, first, n);
    this.v = new Float64Array(n).fill(this.par.V_m[0]);
    this.hInt = new Float64Array(n);
    this.refrSteps = new Int32Array(n);
  }

  spikeRings(): Float64Array[] { return [this.exRing, this.inRing]; }
  protected replaceSpikeRings(r: Float64Array[]): void { [this.exRing, this.inRing] = r; }
  ringFor(w: number): Float64Array { return w >= 0 ? this.exRing : this.inRing; }

  calibrate(h: number, stepTics: number): void {
    // A new resolution restarts the integrator at one step (as NEST does when it calibrates).
    if (h !== this.h || this.hInt[0] === 0) this.hInt.fill(h);
    this.h = h;
    for (let i = 0; i < this.n; i++) this.refrSteps[i] = this.refractorySteps(this.par.t_ref[i], stepTics);
    this.dirty = false;
  }

  override getStatus(i: number): Record<string, unknown> {
    const d = super.getStatus(i);
    d.V_m = this.v[i];
    return d;
  }

  override setStatus(i: number, params: Record<string, unknown>): void {
    super.setStatus(i, params);
    if ('V_m' in params) this.v[i] = asNumber(params.V_m);
  }
}

/** What both conductance models share: the scratch state and the parameters the derivative reads. */
abstract class CondPopulation extends AdaptiveStepPopulation {
  /** One neuron's state while it is integrated, and the parameters its derivative reads. */
  protected readonly s: Float64Array;
  protected readonly w: Work;
  protected refractory = false;
  protected cm = 0; protected gl = 0; protected el = 0; protected eEx = 0; protected eIn = 0;
  protected iIn = 0; protected vReset = 0; protected tauEx = 0; protected tauIn = 0;
  protected abstract readonly f: Derivative;

  constructor(model: string, first: number, n: number, dim: number) {
    super(model, first, n);
    this.s = new Float64Array(dim);
    this.w = work(dim);
  }

  /** Load neuron i's parameters into the fields the derivative reads. */
  protected load(i: number): void {
    const p = this.par;
    this.cm = p.C_m[i]; this.gl = p.g_L[i]; this.el = p.E_L[i]; this.eEx = p.E_ex[i]; this.eIn = p.E_in[i];
    this.iIn = p.I_e[i] + this.iPrev[i]; this.vReset = p.V_reset[i];
    this.tauEx = p.tau_syn_ex[i]; this.tauIn = p.tau_syn_in[i];
    this.refractory = this.refr[i] > 0;
  }

  /** dV/dt; while refractory V is held at V_reset. */
  protected dv(v: number, gEx: number, gIn: number): number {
    if (this.refractory) return 0;
    return (-this.gl * (v - this.el) + this.iIn - gEx * (v - this.eEx) - gIn * (v - this.eIn)) / this.cm;
  }

  /** Advance neuron i's state (in the scratch vector) by one step. */
  protected integrate(i: number, h: number): void {
    this.hInt[i] = integrateStep(this.f, this.s, h, this.hInt[i], this.w);
  }

  /** Copy state in/out of the scratch vector; add the spikes read this step. */
  protected abstract gather(i: number): void;
  protected abstract scatter(i: number, ex: number, inh: number): void;

  update(slot: number): void {
    const n = this.n, base = slot * n, h = this.h, s = this.s;
    const exRing = this.exRing, inRing = this.inRing, curRing = this.curRing, spiked = this.spiked;
    const vTh = this.par.V_th, vReset = this.par.V_reset;
    let ns = 0;
    for (let i = 0; i < n; i++) {
      this.load(i);
      this.gather(i);
      this.integrate(i, h);
      let vi = s[0];
      if (this.refr[i] > 0) {
        this.refr[i]--;
        vi = vReset[i];
      } else if (vi >= vTh[i]) {
        this.refr[i] = this.refrSteps[i];
        vi = vReset[i];
        spiked[ns++] = i;
      }
      s[0] = vi;
      const k = base + i;
      // inhibitory weights arrive negative; the conductance grows by their size
      this.scatter(i, exRing[k], -inRing[k]);
      exRing[k] = 0;
      inRing[k] = 0;
      this.iPrev[i] = curRing[k];
      curRing[k] = 0;
    }
    this.nSpiked = ns;
  }
}

/** dV/dt of a conductance neuron (not refractory): leak, input current, both synapses. */
function dvExp(v: number, gx: number, gi: number, gl: number, el: number, iIn: number, eEx: number, eIn: number, cm: number): number {
  return (-gl * (v - el) + iIn - gx * (v - eEx) - gi * (v - eIn)) / cm;
}

/** iaf_cond_exp: each spike makes its conductance jump by the weight (nS), then decay. */
export class CondExpPopulation extends CondPopulation {
  protected readonly f: Derivative = (y, out) => {
    const v = this.refractory ? this.vReset : y[0];
    out[0] = this.dv(v, y[1], y[2]);
    out[1] = -y[1] / this.tauEx;
    out[2] = -y[2] / this.tauIn;
  };

  constructor(first: number, n: number) { super('iaf_cond_exp', first, n, 3); }

  /** Same method and arithmetic as integrateStep, written out for 3 scalars (3x faster in V8: no
   * array traffic, no closure calls). The fixture test checks it stays bit-identical to NEST. */
  protected override integrate(i: number, h: number): void {
    const s = this.s;
    const cm = this.cm, gl = this.gl, el = this.el, eEx = this.eEx, eIn = this.eIn, iIn = this.iIn;
    const rEx = this.tauEx, rIn = this.tauIn, refractory = this.refractory;
    let v = s[0], ge = s[1], gi = s[2];
    let hInt = this.hInt[i];
    let t = 0;
    while (t < h) {
      let hs = hInt;
      const k1v = refractory ? 0 : dvExp(v, ge, gi, gl, el, iIn, eEx, eIn, cm), k1e = -ge / rEx, k1i = -gi / rIn;
      for (;;) {
        const last = hs >= h - t;
        if (last) hs = h - t;
        let tv = v + A2 * hs * k1v, te = ge + A2 * hs * k1e, ti = gi + A2 * hs * k1i;
        const k2v = refractory ? 0 : dvExp(tv, te, ti, gl, el, iIn, eEx, eIn, cm), k2e = -te / rEx, k2i = -ti / rIn;
        tv = v + hs * (B31 * k1v + B32 * k2v); te = ge + hs * (B31 * k1e + B32 * k2e); ti = gi + hs * (B31 * k1i + B32 * k2i);
        const k3v = refractory ? 0 : dvExp(tv, te, ti, gl, el, iIn, eEx, eIn, cm), k3e = -te / rEx, k3i = -ti / rIn;
        tv = v + hs * (B41 * k1v + B42 * k2v + B43 * k3v); te = ge + hs * (B41 * k1e + B42 * k2e + B43 * k3e);
        ti = gi + hs * (B41 * k1i + B42 * k2i + B43 * k3i);
        const k4v = refractory ? 0 : dvExp(tv, te, ti, gl, el, iIn, eEx, eIn, cm), k4e = -te / rEx, k4i = -ti / rIn;
        tv = v + hs * (B51 * k1v + B52 * k2v + B53 * k3v + B54 * k4v); te = ge + hs * (B51 * k1e + B52 * k2e + B53 * k3e + B54 * k4e);
        ti = gi + hs * (B51 * k1i + B52 * k2i + B53 * k3i + B54 * k4i);
        const k5v = refractory ? 0 : dvExp(tv, te, ti, gl, el, iIn, eEx, eIn, cm), k5e = -te / rEx, k5i = -ti / rIn;
        tv = v + hs * (B61 * k1v + B62 * k2v + B63 * k3v + B64 * k4v + B65 * k5v);
        te = ge + hs * (B61 * k1e + B62 * k2e + B63 * k3e + B64 * k4e + B65 * k5e);
        ti = gi + hs * (B61 * k1i + B62 * k2i + B63 * k3i + B64 * k4i + B65 * k5i);
        const k6v = refractory ? 0 : dvExp(tv, te, ti, gl, el, iIn, eEx, eIn, cm), k6e = -te / rEx, k6i = -ti / rIn;
        const ev = Math.abs(hs * (E1 * k1v + E3 * k3v + E4 * k4v + E5 * k5v + E6 * k6v)) / EPS_ABS;
        const ee = Math.abs(hs * (E1 * k1e + E3 * k3e + E4 * k4e + E5 * k5e + E6 * k6e)) / EPS_ABS;
        const ei = Math.abs(hs * (E1 * k1i + E3 * k3i + E4 * k4i + E5 * k5i + E6 * k6i)) / EPS_ABS;
        const rmax = Math.max(Number.MIN_VALUE, ev, ee, ei);
        if (rmax > 1.1) {
          const shrunk = Math.max(0.2, SAFETY / Math.pow(rmax, 1 / ORDER)) * hs;
          if (shrunk < hs && t + shrunk !== t) { hs = shrunk; continue; }
          hInt = hs;
        } else if (rmax < 0.5) {
          hInt = Math.min(5, Math.max(1, SAFETY / Math.pow(rmax, 1 / (ORDER + 1)))) * hs;
        } else {
          hInt = hs;
        }
        v = v + hs * (C1 * k1v + C3 * k3v + C4 * k4v + C5 * k5v + C6 * k6v);
        ge = ge + hs * (C1 * k1e + C3 * k3e + C4 * k4e + C5 * k5e + C6 * k6e);
        gi = gi + hs * (C1 * k1i + C3 * k3i + C4 * k4i + C5 * k5i + C6 * k6i);
        t = last ? h : t + hs;
        break;
      }
    }
    s[0] = v; s[1] = ge; s[2] = gi;
    this.hInt[i] = hInt;
  }

  protected gather(i: number): void {
    this.s[0] = this.v[i]; this.s[1] = this.par.g_ex[i]; this.s[2] = this.par.g_in[i];
  }

  protected scatter(i: number, ex: number, inh: number): void {
    this.v[i] = this.s[0];
    this.par.g_ex[i] = this.s[1] + ex;
    this.par.g_in[i] = this.s[2] + inh;
  }

  recordable(name: string, i: number): number {
    if (name === 'V_m') return this.v[i];
    if (name === 'g_ex') return this.par.g_ex[i];
    if (name === 'g_in') return this.par.g_in[i];
    return NaN;
  }
}

/** iaf_cond_alpha: each spike starts an alpha-shaped conductance (peak = weight, in nS, at t = tau).
 * Two state variables per channel: g and its rate dg; a spike adds weight·e/tau to dg. */
export class CondAlphaPopulation extends CondPopulation {
  protected readonly f: Derivative = (y, out) => {
    const v = this.refractory ? this.vReset : y[0];
    out[0] = this.dv(v, y[2], y[4]);
    out[1] = -y[1] / this.tauEx;
    out[2] = y[1] - y[2] / this.tauEx;
    out[3] = -y[3] / this.tauIn;
    out[4] = y[3] - y[4] / this.tauIn;
  };

  constructor(first: number, n: number) { super('iaf_cond_alpha', first, n, 5); }

  protected gather(i: number): void {
    const p = this.par, s = this.s;
    s[0] = this.v[i]; s[1] = p.dg_ex[i]; s[2] = p.g_ex[i]; s[3] = p.dg_in[i]; s[4] = p.g_in[i];
  }

  protected scatter(i: number, ex: number, inh: number): void {
    const p = this.par, s = this.s;
    this.v[i] = s[0];
    p.dg_ex[i] = s[1] + ex * (Math.E / p.tau_syn_ex[i]);
    p.g_ex[i] = s[2];
    p.dg_in[i] = s[3] + inh * (Math.E / p.tau_syn_in[i]);
    p.g_in[i] = s[4];
  }

  recordable(name: string, i: number): number {
    if (name === 'V_m') return this.v[i];
    if (name === 'g_ex') return this.par.g_ex[i];
    if (name === 'g_in') return this.par.g_in[i];
    if (name === 't_ref_remaining') return this.refr[i] * this.h;
    return NaN;
  }
}

/** The conductance-based populations (the kernel asks here before createPopulation). */
export function createCondPopulation(model: string, first: number, n: number): NeuronPopulation | null {
  if (model === 'iaf_cond_exp') return new CondExpPopulation(first, n);
  if (model === 'iaf_cond_alpha') return new CondAlphaPopulation(first, n);
  return null;
}
