/**
 * Two nonlinear neuron models that NEST integrates with GSL's adaptive Runge–Kutta–Fehlberg 4(5)
 * method, like the conductance models in cond-neurons.ts (same tableau, same step-size rule):
 *
 * - hh_psc_alpha: Hodgkin–Huxley sodium / potassium / leak currents with gates m, h, n and
 *   alpha-shaped input currents. There is no threshold and no reset: a spike is counted at the
 *   end of a step when V ≥ 0 mV and V is lower than at the start of the step (it has just passed
 *   its peak); t_ref is only a dead time for this detection. Error control: absolute 1e-3.
 * - aeif_cond_alpha: adaptive exponential integrate-and-fire (Brette & Gerstner 2005) with
 *   alpha-shaped conductances. The exponential term makes V run away above V_th, so the spike
 *   check (V ≥ V_peak → V = V_reset, w += b, refractory for t_ref) runs after every accepted
 *   integrator sub-step, not once per simulation step: several spikes can fall in one step.
 *   Error control: GSL's "yp" rule, tolerance gsl_error_tol (1e-6) both absolute and relative to
 *   h·dy/dt.
 *
 * Both follow NEST's arithmetic operation by operation, with the C library's functions where it
 * matters (libm.ts: aeif's exponential exactly as glibc computes it, pow correctly rounded for the
 * step-size rule), so traces agree with NEST 3.10 to ~1e-12 or better; only extreme bursts
 * (several spikes per step) can differ by ~1e-6 mV, from the rare arguments (~0.1%) where
 * glibc's pow is not correctly rounded.
 *
 * Equations and the behaviour around spikes: /work/shared/reference/nest.md, NEST's model docs,
 * and experiments against NEST 3.10 (test/fixtures/make_adaptive_fixtures.py). The code is ours.
 */
import { NestError } from './api';
import { expGlibc, pow } from './libm';
import { NeuronPopulation } from './neurons';
import {
  A2, AdaptiveStepPopulation, B31, B32, B41, B42, B43, B51, B52, B53, B54, B61, B62, B63, B64, B65,
  C1, C3, C4, C5, C6, E1, E3, E4, E5, E6, ORDER, SAFETY,
} from './cond-neurons';

/** GSL's DBL_MIN: where the largest error ratio starts (only matters when every error is 0). */
const DBL_MIN = 2.2250738585072014e-308;

/** rmax below this: the step may grow by the full factor 5 (0.9 / rmax^(1/6) > 5), no pow needed. */
const GROW_MAX_BELOW = 3.4e-5;
/** rmax above this: the step shrinks by the full factor 5 (0.9 / rmax^(1/5) < 0.2), no pow needed. */
const SHRINK_MAX_ABOVE = 1846;

/** GSL's step-size rule after an accepted try (rmax ≤ 1.1): the factor for the next step. */
function growFactor(rmax: number): number {
  if (rmax >= 0.5) return 1;
  if (rmax < GROW_MAX_BELOW) return 5;
  return Math.min(5, Math.max(1, SAFETY / pow(rmax, 1 / (ORDER + 1))));
}

/** GSL's step-size rule after a failed try (rmax > 1.1): the factor for the retry. */
function shrinkFactor(rmax: number): number {
  if (rmax > SHRINK_MAX_ABOVE) return 0.2;
  return Math.max(0.2, SAFETY / pow(rmax, 1 / ORDER));
}

/** Fehlberg's stage weights by stage (rows 2–5; row 1 is A2): the inputs of k3 … k6. */
const STAGES: readonly (readonly number[])[] = [[], [], [B31, B32], [B41, B42, B43], [B51, B52, B53, B54], [B61, B62, B63, B64, B65]];

/** What both models add to the shared adaptive-step base: the input current of the neuron being integrated. */
abstract class AdaptivePopulation extends AdaptiveStepPopulation {
  /** Total input current of the neuron being integrated (I_e + current input of the last step). */
  protected iIn = 0;
}

/** hh_psc_alpha. State: V, m, h, n, then dI/dt and I of the excitatory and inhibitory alpha currents. */
export class HhPscAlphaPopulation extends AdaptivePopulation {
  /** Alpha-current state (pA/ms, pA); the inhibitory current is negative. */
  readonly dIEx: Float64Array; readonly iEx: Float64Array;
  readonly dIIn: Float64Array; readonly iInh: Float64Array;
  private gNa = 0; private gK = 0; private gL = 0; private eNa = 0; private eK = 0; private eL = 0;
  private cm = 0; private tauEx = 0; private tauIn = 0;

  /** Scratch: the slopes k1 … k6 (8 each), the present state, a stage's state. */
  private readonly k = new Float64Array(48);
  private readonly y8 = new Float64Array(8);
  private readonly x8 = new Float64Array(8);

  constructor(first: number, n: number) {
    super('hh_psc_alpha', first, n);
    const f = () => new Float64Array(n);
    this.dIEx = f(); this.iEx = f(); this.dIIn = f(); this.iInh = f();
  }

  /**
   * Advance neuron i by one simulation step with GSL-style RKF45 (see the file comment): one
   * accepted sub-step after another until the step is done. State: V, m, h, n, dI_ex, I_ex,
   * dI_in, I_in. The stages run in a loop so that the derivative is written (and inlined by V8)
   * once. The gates use V8's Math.exp: unlike aeif_cond_alpha this model is not sensitive to
   * last-place differences (traces agree with NEST to ~1e-12), and Math.exp is twice as fast
   * here as the glibc-exact expGlibc.
   */
  private integrate(i: number): void {
    const p = this.par, step = this.h, tauE = this.tauEx, tauI = this.tauIn, EPS = 1e-3;
    const gNa = this.gNa, gK = this.gK, gL = this.gL, eNa = this.eNa, eK = this.eK, eL = this.eL;
    const cm = this.cm, iIn = this.iIn;
    const K = this.k, Y = this.y8, X = this.x8;
    Y[0] = this.v[i]; Y[1] = p.Act_m[i]; Y[2] = p.Inact_h[i]; Y[3] = p.Act_n[i];
    Y[4] = this.dIEx[i]; Y[5] = this.iEx[i]; Y[6] = this.dIIn[i]; Y[7] = this.iInh[i];
    let t = 0, hTry = this.hInt[i];
    while (t < step) {
      const dt = step - t;
      let h = hTry;
      let first = 0;
      for (;;) {
        const final = h > dt;
        if (final) h = dt;
        for (let s = first; s <= 5; s++) {
          // where to evaluate: s = 0 the present state (k1), 1–5 the stages of k2 … k6
          if (s === 0) {
            for (let d = 0; d < 8; d++) X[d] = Y[d];
          } else if (s === 1) {
            for (let d = 0; d < 8; d++) X[d] = Y[d] + A2 * h * K[d];
          } else {
            const row = STAGES[s];
            for (let d = 0; d < 8; d++) {
              let acc = row[0] * K[d];
              for (let j = 1; j < s; j++) acc += row[j] * K[8 * j + d];
              X[d] = Y[d] + h * acc;
            }
          }
          // the derivative: standard HH rate functions (1/ms, V in mV), the membrane equation,
          // the two alpha currents
          const v = X[0], m = X[1], hg = X[2], n = X[3], o = 8 * s;
          const alphaN = (0.01 * (v + 55)) / (1 - Math.exp(-(v + 55) / 10));
          const betaN = 0.125 * Math.exp(-(v + 65) / 80);
          const alphaM = (0.1 * (v + 40)) / (1 - Math.exp(-(v + 40) / 10));
          const betaM = 4 * Math.exp(-(v + 65) / 18);
          const alphaH = 0.07 * Math.exp(-(v + 65) / 20);
          const betaH = 1 / (1 + Math.exp(-(v + 35) / 10));
          const iNa = gNa * m * m * m * hg * (v - eNa);
          const iK = gK * n * n * n * n * (v - eK);
          const iL = gL * (v - eL);
          K[o] = (-(iNa + iK + iL) + iIn + X[5] + X[7]) / cm;
          K[o + 1] = alphaM * (1 - m) - betaM * m;
          K[o + 2] = alphaH * (1 - hg) - betaH * hg;
          K[o + 3] = alphaN * (1 - n) - betaN * n;
          K[o + 4] = -X[4] / tauE;
          K[o + 5] = X[4] - X[5] / tauE;
          K[o + 6] = -X[6] / tauI;
          K[o + 7] = X[6] - X[7] / tauI;
        }
        first = 1;
        // the new state and the largest error / allowed error (absolute 1e-3 for every component)
        let rmax = DBL_MIN;
        for (let d = 0; d < 8; d++) {
          X[d] = Y[d] + h * (C1 * K[d] + C3 * K[16 + d] + C4 * K[24 + d] + C5 * K[32 + d] + C6 * K[40 + d]);
          const q = Math.abs(h * (E1 * K[d] + E3 * K[16 + d] + E4 * K[24 + d] + E5 * K[32 + d] + E6 * K[40 + d])) / EPS;
          if (q > rmax) rmax = q;
        }
        const tNew = final ? step : t + h;
        if (rmax > 1.1) {
          // too inaccurate: retry from the same start (same k1) with a shorter step
          const shrunk = shrinkFactor(rmax) * h;
          if (Math.abs(shrunk) < Math.abs(h) && tNew + shrunk !== tNew) { h = shrunk; continue; }
          hTry = h;
        } else {
          hTry = growFactor(rmax) * h;
        }
        for (let d = 0; d < 8; d++) Y[d] = X[d];
        t = tNew;
        break;
      }
    }
    this.hInt[i] = hTry;
    this.v[i] = Y[0]; p.Act_m[i] = Y[1]; p.Inact_h[i] = Y[2]; p.Act_n[i] = Y[3];
    this.dIEx[i] = Y[4]; this.iEx[i] = Y[5]; this.dIIn[i] = Y[6]; this.iInh[i] = Y[7];
  }

  update(slot: number): void {
    const n = this.n, base = slot * n, p = this.par;
    const exRing = this.exRing, inRing = this.inRing, curRing = this.curRing, spiked = this.spiked;
    let ns = 0;
    for (let i = 0; i < n; i++) {
      this.gNa = p.g_Na[i]; this.gK = p.g_K[i]; this.gL = p.g_L[i]; this.eNa = p.E_Na[i]; this.eK = p.E_K[i];
      this.eL = p.E_L[i]; this.cm = p.C_m[i]; this.tauEx = p.tau_syn_ex[i]; this.tauIn = p.tau_syn_in[i];
      this.iIn = p.I_e[i] + this.iPrev[i];
      const vOld = this.v[i];
      this.integrate(i);
      const k = base + i;
      // Spikes read this step start alpha currents with peak = weight (inhibitory ones negative).
      this.dIEx[i] += exRing[k] * (Math.E / this.tauEx);
      this.dIIn[i] += inRing[k] * (Math.E / this.tauIn);
      exRing[k] = 0;
      inRing[k] = 0;
      // A spike: V at or above 0 mV and falling (its peak just passed), outside the dead time.
      const v = this.v[i];
      if (this.refr[i] > 0) {
        this.refr[i]--;
      } else if (v >= 0 && vOld > v) {
        this.refr[i] = this.refrSteps[i];
        spiked[ns++] = i;
      }
      this.iPrev[i] = curRing[k];
      curRing[k] = 0;
    }
    this.nSpiked = ns;
  }

  recordable(name: string, i: number): number {
    switch (name) {
      case 'V_m': return this.v[i];
      case 'Act_m': return this.par.Act_m[i];
      case 'Inact_h': return this.par.Inact_h[i];
      case 'Act_n': return this.par.Act_n[i];
      case 'I_syn_ex': return this.iEx[i];
      case 'I_syn_in': return this.iInh[i];
    }
    return NaN;
  }
}

/** NEST's text when V or w of an aeif neuron leave all reasonable bounds. */
const INSTABILITY = 'NEST detected a numerical instability while updating aeif_cond_alpha.';

/** aeif_cond_alpha. State: V, dg_ex, g_ex, dg_in, g_in, w. */
export class AeifCondAlphaPopulation extends AdaptivePopulation {
  /** Spikes per neuron in this step (several are possible without refractoriness). */
  private readonly count: Float64Array;
  /** Scratch: the slopes of the stages, the present state, a stage's state. */
  private readonly k = new Float64Array(42);
  private readonly y6 = new Float64Array(6);
  private readonly x6 = new Float64Array(6);
  private cm = 0; private gl = 0; private el = 0; private eEx = 0; private eIn = 0; private deltaT = 0;
  private vTh = 0; private vPeak = 0; private vPeakParam = 0; private vReset = 0; private a = 0; private tauW = 0;
  private tauEx = 0; private tauIn = 0;
  /** The integrator's tolerance per neuron: gsl_error_tol as it was at the first Simulate (NEST
   * sets up its error control then; a later change of gsl_error_tol has no effect — probed). */
  private readonly tol: Float64Array;
  private started = false;

  constructor(first: number, n: number) {
    super('aeif_cond_alpha', first, n);
    this.count = new Float64Array(n);
    this.tol = new Float64Array(n);
  }

  override calibrate(h: number, stepTics: number): void {
    super.calibrate(h, stepTics);
    if (!this.started) this.tol.set(this.par.gsl_error_tol);
    this.started = true;
  }

  /**
   * Advance neuron i by one simulation step; returns the number of spikes in it. GSL-style RKF45
   * (see the file comment) for the 6 state variables, with the spike check after every accepted
   * sub-step. The stages run in a loop so that the derivative (with its exponential) is written,
   * and inlined by V8, once: a call per stage would box every double it passes.
   *
   * K holds the slopes: K[0..5] k1, K[6s..6s+5] k(s+1) for s = 1..5, K[36..41] the slope at the
   * new state (GSL's "dydt_out": it enters the error allowance and is the next sub-step's k1
   * unless a spike changes the state).
   */
  private integrate(i: number): number {
    const p = this.par, step = this.h, tauE = this.tauEx, tauI = this.tauIn, tol = this.tol[i];
    const vReset = this.vReset, vPeak = this.vPeak, b = p.b[i], refrSteps = this.refrSteps[i];
    const vClamp = this.vPeakParam, gl = this.gl, deltaT = this.deltaT, vTh = this.vTh, el = this.el;
    const eEx = this.eEx, eIn = this.eIn, cm = this.cm, a = this.a, tauW = this.tauW, iIn = this.iIn;
    const K = this.k, Y = this.y6, X = this.x6;
    Y[0] = this.v[i]; Y[1] = p.dg_ex[i]; Y[2] = p.g_ex[i]; Y[3] = p.dg_in[i]; Y[4] = p.g_in[i]; Y[5] = p.w[i];
    let r = this.refr[i];
    let refractory = r > 0;
    let spikes = 0, t = 0, hTry = this.hInt[i];
    let haveSlope = false;
    while (t < step) {
      const dt = step - t;
      let h = hTry;
      let first = 0;
      if (haveSlope) { for (let d = 0; d < 6; d++) K[d] = K[36 + d]; first = 1; }
      for (;;) {
        const final = h > dt;
        if (final) h = dt;
        for (let s = first; s <= 6; s++) {
          // where to evaluate: s = 0 the present state, 1–5 the inner stages, 6 the new state
          if (s === 0) {
            for (let d = 0; d < 6; d++) X[d] = Y[d];
          } else if (s === 1) {
            for (let d = 0; d < 6; d++) X[d] = Y[d] + A2 * h * K[d];
          } else if (s < 6) {
            const row = STAGES[s];
            for (let d = 0; d < 6; d++) {
              let acc = row[0] * K[d];
              for (let j = 1; j < s; j++) acc += row[j] * K[6 * j + d];
              X[d] = Y[d] + h * acc;
            }
          } else {
            for (let d = 0; d < 6; d++) {
              X[d] = Y[d] + h * (C1 * K[d] + C3 * K[12 + d] + C4 * K[18 + d] + C5 * K[24 + d] + C6 * K[30 + d]);
            }
          }
          // the derivative: V (0 while refractory; the equations see V at most at V_peak), the
          // two alpha conductances, w
          const o = s === 6 ? 36 : 6 * s;
          const x1 = X[1], x2 = X[2], x3 = X[3], x4 = X[4], x5 = X[5];
          const vc = refractory ? vReset : Math.min(X[0], vClamp);
          if (refractory) {
            K[o] = 0;
          } else {
            const iSpike = deltaT === 0 ? 0 : gl * deltaT * expGlibc((vc - vTh) / deltaT);
            K[o] = (-gl * (vc - el) + iSpike - x2 * (vc - eEx) - x4 * (vc - eIn) - x5 + iIn) / cm;
          }
          K[o + 1] = -x1 / tauE;
          K[o + 2] = x1 - x2 / tauE;
          K[o + 3] = -x3 / tauI;
          K[o + 4] = x3 - x4 / tauI;
          K[o + 5] = (a * (vc - el) - x5) / tauW;
        }
        first = 1;
        // largest error / allowed error, GSL's allowance tol + tol·|h·y'(new state)|
        let rmax = DBL_MIN;
        for (let d = 0; d < 6; d++) {
          const err = h * (E1 * K[d] + E3 * K[12 + d] + E4 * K[18 + d] + E5 * K[24 + d] + E6 * K[30 + d]);
          const q = Math.abs(err) / (tol * Math.abs(h * K[36 + d]) + tol);
          if (q > rmax) rmax = q;
        }
        const tNew = final ? step : t + h;
        if (rmax > 1.1) {
          // too inaccurate: retry from the same start (same k1) with a shorter step
          const shrunk = shrinkFactor(rmax) * h;
          if (Math.abs(shrunk) < Math.abs(h) && tNew + shrunk !== tNew) { h = shrunk; continue; }
          hTry = h;
        } else {
          hTry = growFactor(rmax) * h;
        }
        for (let d = 0; d < 6; d++) Y[d] = X[d];
        t = tNew;
        haveSlope = true;
        break;
      }
      const v = Y[0], w = Y[5];
      if (v < -1e3 || w < -1e6 || w > 1e6) {
        this.hInt[i] = hTry;
        throw new NestError('NumericalInstability', INSTABILITY);
      }
      if (r > 0) {
        if (v !== vReset) { Y[0] = vReset; haveSlope = false; }
      } else if (v >= vPeak) {
        Y[0] = vReset;
        Y[5] = w + b;
        // Refractory from now on (the +1 makes up for the count-down at the end of this step).
        r = refrSteps > 0 ? refrSteps + 1 : 0;
        refractory = r > 0;
        haveSlope = false;
        spikes++;
      }
    }
    if (r > 0) r--;
    this.refr[i] = r;
    this.hInt[i] = hTry;
    this.v[i] = Y[0]; p.dg_ex[i] = Y[1]; p.g_ex[i] = Y[2]; p.dg_in[i] = Y[3]; p.g_in[i] = Y[4]; p.w[i] = Y[5];
    return spikes;
  }

  update(slot: number): void {
    const n = this.n, base = slot * n, p = this.par;
    const exRing = this.exRing, inRing = this.inRing, curRing = this.curRing, spiked = this.spiked;
    const count = this.count;
    let ns = 0, several = false;
    for (let i = 0; i < n; i++) {
      this.cm = p.C_m[i]; this.gl = p.g_L[i]; this.el = p.E_L[i]; this.eEx = p.E_ex[i]; this.eIn = p.E_in[i];
      this.deltaT = p.Delta_T[i]; this.vTh = p.V_th[i]; this.vReset = p.V_reset[i]; this.a = p.a[i];
      this.tauW = p.tau_w[i]; this.tauEx = p.tau_syn_ex[i]; this.tauIn = p.tau_syn_in[i];
      // Without the exponential term the spike cut-off is the threshold itself.
      this.vPeakParam = p.V_peak[i];
      this.vPeak = this.deltaT > 0 ? this.vPeakParam : this.vTh;
      this.iIn = p.I_e[i] + this.iPrev[i];
      const spikes = this.integrate(i);
      if (spikes > 0) {
        spiked[ns++] = i;
        count[i] = spikes;
        if (spikes > 1) several = true;
      }
      const k = base + i;
      // Spikes read this step start alpha conductances with peak = |weight| (nS).
      p.dg_ex[i] += exRing[k] * (Math.E / this.tauEx);
      p.dg_in[i] -= inRing[k] * (Math.E / this.tauIn);
      exRing[k] = 0;
      inRing[k] = 0;
      this.iPrev[i] = curRing[k];
      curRing[k] = 0;
    }
    this.nSpiked = ns;
    this.multiplicity = several ? count : null;
  }

  recordable(name: string, i: number): number {
    switch (name) {
      case 'V_m': return this.v[i];
      case 'g_ex': return this.par.g_ex[i];
      case 'g_in': return this.par.g_in[i];
      case 'w': return this.par.w[i];
    }
    return NaN;
  }
}

/** The populations of this file (the kernel asks here when creating neurons). */
export function createAdaptivePopulation(model: string, first: number, n: number): NeuronPopulation | null {
  if (model === 'hh_psc_alpha') return new HhPscAlphaPopulation(first, n);
  if (model === 'aeif_cond_alpha') return new AeifCondAlphaPopulation(first, n);
  return null;
}
