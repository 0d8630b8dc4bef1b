/**
 * Stimulating and recording devices. Their activity windows follow NEST 3.10 (probed):
 * - dc_generator emits at step s when start ≤ (s+1)·h < stop (it sends one step early, so the
 *   current acts on V over (start + d, stop + d]).
 * - poisson_generator emits at step s when start < s·h ≤ stop.
 * - spike_generator, spike_recorder, multimeter: an event stamped t counts when start < t ≤ stop.
 * All windows are shifted by origin. Times are kept in steps.
 */
import { GrowableF64 } from './buffers';
import { NEST_FOREVER, NEST_MODELS, asNumber } from './models';
import { PoissonSampler, type Rng } from './rng';

export type DeviceModel = 'dc_generator' | 'ac_generator' | 'step_current_generator' | 'noise_generator' | 'poisson_generator' | 'spike_generator' | 'spike_recorder' | 'voltmeter' | 'multimeter';

export abstract class Device {
  readonly id: number;
  readonly model: DeviceModel;
  /** Current parameter values, as GetStatus shows them. */
  readonly par: Record<string, unknown> = {};
  /** Activity window in steps: (startStep, stopStep], both already shifted by origin. */
  startStep = 0;
  stopStep = Infinity;

  constructor(id: number, model: DeviceModel) {
    this.id = id;
    this.model = model;
    for (const [k, p] of Object.entries(NEST_MODELS[model].params)) {
      this.par[k] = Array.isArray(p.default) ? [...p.default] : p.default;
    }
  }

  /** Apply already-checked parameters. */
  setStatus(params: Record<string, unknown>, stepTics: number): void {
    for (const [k, v] of Object.entries(params)) {
      const d = NEST_MODELS[this.model].params[k]?.default;
      if (typeof d === 'number') this.par[k] = asNumber(v);
      else if (Array.isArray(v)) this.par[k] = [...v];
      else this.par[k] = v;
    }
    this.calibrate(stepTics);
  }

  calibrate(stepTics: number): void {
    const toSteps = (ms: number) => Math.round(Math.round(ms * 1000) / stepTics);
    const origin = toSteps(asNumber(this.par.origin));
    this.startStep = origin + toSteps(asNumber(this.par.start));
    const stop = asNumber(this.par.stop);
    this.stopStep = stop >= NEST_FOREVER ? Infinity : origin + toSteps(stop);
  }

  getStatus(): Record<string, unknown> {
    const d: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(this.par)) d[k] = Array.isArray(v) ? [...v] : v;
    d.element_type = NEST_MODELS[this.model].kind === 'recorder' ? 'recorder' : 'stimulator';
    if (CURRENT_SOURCES.includes(this.model)) d.recordables = ['I'];
    return d;
  }
}

/** Connections from a generator to neurons, as flat arrays for the step loop. */
export interface TargetList {
  /** ring array of the target's channel (rebuilt whenever rings are reallocated) */
  rings: Float64Array[];
  /** neurons in the target population (the ring's row length) */
  rowLength: Int32Array;
  local: Int32Array;
  weight: Float64Array;
  delay: Int32Array;
  /** global id of the target, or of the spike_recorder */
  target: Int32Array;
  count: number;
}

/** Devices that inject a current (not spikes) into neurons. */
export const CURRENT_SOURCES: readonly string[] = ['dc_generator', 'ac_generator', 'step_current_generator', 'noise_generator'];

/** A current generator: called once per step, it says what current (pA, before the connection
 * weight) it sends while updating step s, or null when it sends nothing. */
export abstract class CurrentSource extends Device {
  /** Is the current sent while updating step s? (It sends one step early, see the top.) */
  emitsAt(s: number): boolean {
    return this.startStep <= s + 1 && s + 1 < this.stopStep;
  }
  /** Called once at the start of every Simulate call, at step `now`. */
  startRun(_now: number, _stepTics: number): void {}
  abstract advance(s: number): number | null;
}

export class DcGenerator extends CurrentSource {
  constructor(id: number) { super(id, 'dc_generator'); }
  advance(s: number): number | null {
    return this.emitsAt(s) ? (this.par.amplitude as number) : null;
  }
}

/**
 * ac_generator: I(t) = offset + amplitude·sin(2π·f·t/1000 + phase·π/180). The sine is kept as a
 * rotating vector (y0, y1) = amplitude·(cos, sin): one exact rotation by ω·h per step, started
 * afresh from the clock at every Simulate call (as NEST does), instead of calling sin each step.
 */
export class AcGenerator extends CurrentSource {
  private y0 = 0;
  private y1 = 0;
  private cosWh = 1;
  private sinWh = 0;
  constructor(id: number) { super(id, 'ac_generator'); }

  override startRun(now: number, stepTics: number): void {
    const omega = (2 * Math.PI * asNumber(this.par.frequency)) / 1000; // rad per ms
    const phi = (asNumber(this.par.phase) / 180) * Math.PI;
    const h = stepTics * 0.001;
    const t = now * stepTics * 0.001;
    const amp = asNumber(this.par.amplitude);
    this.cosWh = Math.cos(omega * h);
    this.sinWh = Math.sin(omega * h);
    this.y0 = amp * Math.cos(omega * t + phi);
    this.y1 = amp * Math.sin(omega * t + phi);
  }

  advance(s: number): number | null {
    const y0 = this.y0;
    this.y0 = this.cosWh * y0 - this.sinWh * this.y1;
    this.y1 = this.sinWh * y0 + this.cosWh * this.y1;
    return this.emitsAt(s) ? this.y1 + asNumber(this.par.offset) : null;
  }
}

/**
 * step_current_generator: the current is amplitude_values[k] from amplitude_times[k] on (0
 * before the first). Times on the grid keep their step; with allow_offgrid_times an off-grid
 * time moves to the end of its step. A change is taken when its step comes; times already past
 * when they are set are never taken.
 */
export class StepCurrentGenerator extends CurrentSource {
  /** The steps (stamps) at which the amplitude changes. */
  private stamps: number[] = [];
  private next = 0;
  private amplitude = 0;
  constructor(id: number) { super(id, 'step_current_generator'); }

  override setStatus(params: Record<string, unknown>, stepTics: number): void {
    super.setStatus(params, stepTics);
    if ('amplitude_times' in params) {
      this.next = 0;
      this.amplitude = 0;
    }
  }

  override calibrate(stepTics: number): void {
    super.calibrate(stepTics);
    const offgrid = Boolean(this.par.allow_offgrid_times);
    this.stamps = (this.par.amplitude_times as number[]).map((t) => {
      const tics = Math.round(asNumber(t) * 1000);
      return offgrid ? Math.ceil(tics / stepTics) : Math.round(tics / stepTics);
    });
  }

  advance(s: number): number | null {
    const stamps = this.stamps;
    while (this.next < stamps.length && stamps[this.next] <= s + 1) {
      if (stamps[this.next] === s + 1) this.amplitude = asNumber((this.par.amplitude_values as number[])[this.next]);
      this.next++;
    }
    return this.emitsAt(s) ? this.amplitude : null;
  }
}

/**
 * noise_generator: a piecewise constant Gaussian current, a new value every dt for every target
 * separately: I = mean + sqrt(std² + std_mod²·sin(2π·f·t/1000 + phase·π/180)) · N(0, 1).
 * The first value is drawn in the first active step, the next ones dt later (counted from the
 * last draw, so after an inactive stretch the clock restarts). The sine is a rotating vector,
 * as in the ac_generator, restarted from the clock at every Simulate call.
 */
export class NoiseGenerator extends CurrentSource {
  /** This step's current for every target (in connection order). */
  amps = new Float64Array(0);
  private nextStep = 0;
  private dtSteps = 10;
  private y0 = 0;
  private y1 = 0;
  private cosWh = 1;
  private sinWh = 0;
  constructor(id: number) { super(id, 'noise_generator'); }

  override calibrate(stepTics: number): void {
    super.calibrate(stepTics);
    this.dtSteps = Math.max(1, Math.round(Math.round(asNumber(this.par.dt) * 1000) / stepTics));
  }

  override startRun(now: number, stepTics: number): void {
    const omega = (2 * Math.PI * asNumber(this.par.frequency)) / 1000;
    const phi = (asNumber(this.par.phase) / 180) * Math.PI;
    const h = stepTics * 0.001;
    const t = now * stepTics * 0.001;
    this.cosWh = Math.cos(omega * h);
    this.sinWh = Math.sin(omega * h);
    this.y0 = Math.cos(omega * t + phi);
    this.y1 = Math.sin(omega * t + phi);
  }

  /** Make room for one amplitude per target (called when the connections are rebuilt). */
  setTargets(n: number): void {
    if (this.amps.length !== n) this.amps = new Float64Array(n);
  }

  /** Not used: the kernel calls step() (one current per target). */
  advance(): number | null { return null; }

  /** The recordable I: this step's current averaged over the targets (0 while inactive), as NEST records it. */
  current = 0;
  /** Multimeters recording I (set by the kernel). */
  meters: Multimeter[] = [];

  override getStatus(): Record<string, unknown> {
    const d = super.getStatus();
    d.y_0 = this.y0;
    d.y_1 = this.y1;
    return d;
  }

  /** Advance over step s; true when it sends (then `amps` holds every target's current). */
  step(s: number, rng: Rng): boolean {
    if (!this.emitsAt(s)) {
      this.current = 0;
      return false;
    }
    const stdMod = asNumber(this.par.std_mod);
    if (stdMod !== 0) {
      const y0 = this.y0;
      this.y0 = this.cosWh * y0 - this.sinWh * this.y1;
      this.y1 = this.sinWh * y0 + this.cosWh * this.y1;
    }
    if (s >= this.nextStep) {
      const mean = asNumber(this.par.mean), std = asNumber(this.par.std);
      const sigma = Math.sqrt(std * std + this.y1 * stdMod * stdMod);
      const amps = this.amps;
      let sum = 0;
      for (let c = 0; c < amps.length; c++) {
        amps[c] = mean + sigma * rng.normal();
        sum += amps[c];
      }
      this.current = amps.length > 0 ? sum / amps.length : 0;
      this.nextStep = s + this.dtSteps;
    }
    return true;
  }
}

export class PoissonGenerator extends Device {
  sampler = new PoissonSampler(0);
  constructor(id: number) { super(id, 'poisson_generator'); }
  /** Counts of all `n` targets together (Poisson with n times the mean), made when first needed. */
  private all: PoissonSampler | null = null;
  setMean(h: number): void {
    const mean = (asNumber(this.par.rate) * h) / 1000;
    if (mean !== this.sampler.mean) {
      this.sampler = new PoissonSampler(mean);
      this.all = null;
    }
  }
  samplerForAll(n: number): PoissonSampler {
    const mean = this.sampler.mean * n;
    if (this.all === null || this.all.mean !== mean) this.all = new PoissonSampler(mean);
    return this.all;
  }
  emitsAt(s: number): boolean {
    return this.startStep < s && s <= this.stopStep;
  }
}

export class SpikeGenerator extends Device {
  /** Stamps of the spikes in steps, sorted. */
  stamps: Float64Array = new Float64Array(0);
  weights: Float64Array = new Float64Array(0);
  multiplicities: Float64Array = new Float64Array(0);
  /** Index of the next spike to send. */
  position = 0;
  constructor(id: number) { super(id, 'spike_generator'); }

  /** Convert spike times to stamps (steps); spikes not after `now` (steps) are dropped. */
  loadTimes(stepTics: number, now: number): void {
    const times = (this.par.spike_times as number[]).map(asNumber);
    const origin = Math.round(Math.round(asNumber(this.par.origin) * 1000) / stepTics);
    this.stamps = Float64Array.from(times, (t) => {
      const tics = Math.round(t * 1000);
      // On-grid times stay; off-grid ones (allowed only with allow_offgrid_times / precise_times)
      // move to the end of their step.
      return Math.ceil(tics / stepTics) + origin;
    });
    this.weights = Float64Array.from((this.par.spike_weights as number[]).map(asNumber));
    this.multiplicities = Float64Array.from((this.par.spike_multiplicities as number[]).map(asNumber));
    const shift = Boolean(this.par.shift_now_spikes);
    if (shift) for (let i = 0; i < this.stamps.length; i++) if (this.stamps[i] === now) this.stamps[i] = now + 1;
    let p = 0;
    while (p < this.stamps.length && this.stamps[p] <= now) p++;
    this.position = p;
  }
}

export class SpikeRecorder extends Device {
  readonly senders = new GrowableF64();
  readonly times = new GrowableF64();
  constructor(id: number) { super(id, 'spike_recorder'); }
  /** Record a spike stamped `stamp` (steps) if inside the window. */
  record(sender: number, stamp: number, ms: number): void {
    if (stamp > this.startStep && stamp <= this.stopStep) {
      this.senders.push(sender);
      this.times.push(ms);
    }
  }
  /** Record neurons first + spiked[k] (k < n), all stamped `stamp`. */
  recordBatch(first: number, spiked: Int32Array, n: number, stamp: number, ms: number): void {
    if (stamp <= this.startStep || stamp > this.stopStep) return;
    this.senders.reserve(n);
    this.times.reserve(n);
    const s = this.senders.raw, t = this.times.raw, at = this.senders.length;
    for (let k = 0; k < n; k++) {
      s[at + k] = first + spiked[k];
      t[at + k] = ms;
    }
    this.senders.length = at + n;
    this.times.length = at + n;
  }
  /** Start of the events recorded in the current min_delay slice. */
  private sliceStart = 0;

  /**
   * NEST delivers a slice's spikes at its end, grouped by sender (each node runs through the
   * whole slice before the next one), so within a slice events are ordered by sender, then time.
   */
  endSlice(): void {
    const from = this.sliceStart, total = this.senders.length;
    this.sliceStart = total;
    sortSegmentBySender(this.senders, [this.times], from, total);
  }

  get nEvents(): number { return this.senders.length; }
  clear(): void { this.senders.clear(); this.times.clear(); this.sliceStart = 0; }
}

export class Multimeter extends Device {
  readonly senders = new GrowableF64();
  readonly times = new GrowableF64();
  values: GrowableF64[] = [];
  recordFrom: string[] = [];
  intervalSteps = 10;
  offsetSteps = 0;
  /** Samples taken so far that PyNEST would already see (NEST hands them over one min_delay
   * slice later, see commit()). */
  committed = 0;
  /** Set per step by the kernel: does this meter sample at the end of the current step? */
  active = false;
  /** Global ids of the recorded neurons (one connection each). */
  readonly targets: number[] = [];

  constructor(id: number, model: 'voltmeter' | 'multimeter') {
    super(id, model);
  }

  override calibrate(stepTics: number): void {
    super.calibrate(stepTics);
    this.intervalSteps = Math.round(Math.round(asNumber(this.par.interval) * 1000) / stepTics);
    this.offsetSteps = Math.round(Math.round(asNumber(this.par.offset) * 1000) / stepTics);
    const rf = this.par.record_from as string[];
    if (rf.join() !== this.recordFrom.join()) {
      this.recordFrom = [...rf];
      this.values = rf.map(() => new GrowableF64());
    }
  }

  /** Sample times: offset + k·interval (k ≥ 0), after 0, inside the window. */
  samplesAt(stamp: number): boolean {
    if (stamp <= this.startStep || stamp > this.stopStep || stamp < this.offsetSteps) return false;
    return (stamp - this.offsetSteps) % this.intervalSteps === 0;
  }

  /**
   * Make the samples taken so far visible. NEST delivers a meter's samples at the start of the
   * next min_delay slice, node by node, so within one slice they are ordered by sender, then time.
   */
  commit(): void {
    const total = this.senders.length;
    sortSegmentBySender(this.senders, [this.times, ...this.values], this.committed, total);
    this.committed = total;
  }

  get nEvents(): number { return this.committed; }
  clear(): void {
    this.senders.clear(); this.times.clear(); this.values.forEach((v) => v.clear()); this.committed = 0;
  }
}

/** Stable-sort events [from, to) by sender, moving the other columns along. */
function sortSegmentBySender(senders: GrowableF64, others: GrowableF64[], from: number, to: number): void {
  const s = senders.raw;
  let sorted = true;
  for (let k = from + 1; k < to && sorted; k++) if (s[k] < s[k - 1]) sorted = false;
  if (sorted) return;
  const idx = Array.from({ length: to - from }, (_, k) => from + k);
  idx.sort((a, b) => s[a] - s[b] || a - b);
  for (const g of [senders, ...others]) {
    const copy = g.raw.slice(from, to);
    for (let k = 0; k < idx.length; k++) g.raw[from + k] = copy[idx[k] - from];
  }
}
