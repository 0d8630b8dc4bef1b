/**
 * The local NEST engine: a TypeScript kernel that computes what NEST 3.10 computes for the
 * beginner models (see /work/shared/reference/nest.md), behind the Kernel interface the Python
 * facade calls.
 *
 * Time is counted in steps of h = resolution. A spike emitted while updating step s carries the
 * stamp s+1; over a delay of D steps it is read by the target while it updates step s+D. Since
 * every delay is at least one step, a spike can be written straight into the target's ring buffer
 * when it is emitted; updating in min_delay slices (as NEST does) then changes nothing in the
 * state, only when multimeter samples become visible (see Multimeter.commit).
 */
import {
  NestError, SimulationInterrupted,
  type ConnSpec, type Events, type Kernel, type Params, type SynSpec,
} from './api';
import { GrowableF64 } from './buffers';
import { CONNECTION_RULES, NEST_ONLY_RULES } from './connect-rules';
import {
  AcGenerator, CURRENT_SOURCES, CurrentSource, DcGenerator, Device, Multimeter, PoissonGenerator, SpikeGenerator,
  SpikeRecorder, StepCurrentGenerator,
  type DeviceModel,
} from './devices';
import {
  LOCAL_SYNAPSE_MODELS, NEST_MODELS, TICS_PER_MS, asNumber, checkDelay, checkKernelStatus, checkParams,
  checkSynapseModel, delayToSteps, msToTics, unknownModelError,
} from './models';
import { NeuronPopulation, createPopulation, ExpPopulation } from './neurons';
import { createCondPopulation } from './cond-neurons';
import { Rng } from './rng';

export const DEFAULT_RNG_SEED = 143202461;
const DEFAULT_RESOLUTION = 0.1;
const NEURON_MODELS = ['iaf_psc_alpha', 'iaf_psc_exp', 'iaf_psc_delta', 'iaf_cond_exp', 'iaf_cond_alpha', 'izhikevich', 'parrot_neuron'];

/** How much work (neuron updates + generator draws) between two looks at the clock. */
const WORK_BETWEEN_CLOCK_CHECKS = 20000;
/** How often shouldStop() is asked, in ms of wall time. */
const POLL_INTERVAL_MS = 10;

interface MeterTaps {
  meters: Multimeter[];
  local: Int32Array;
}

const ILLEGAL = 'Creation of connection is not possible because:\n';

/** Where a global id lives. */
interface NodeRef {
  model: string;
  /** index into pops (neurons) or devices */
  index: number;
  /** index inside the population (neurons) */
  local: number;
}

/** Connections from one spike source, flat, built before a simulation. */
interface SpikeTargets {
  rings: Float64Array[];
  rowLength: Int32Array;
  local: Int32Array;
  weight: Float64Array;
  delay: Int32Array;
  /** index of the target population in `pops` */
  pop: Int32Array;
  /** spike_recorder indices listening to this source */
  recorders: SpikeRecorder[];
  /** All targets share one ring and one delay (e.g. a generator into one population): the
   * step loop can then skip the per-target ring and delay lookups. */
  sameRing: boolean;
}

/** A population's outgoing connections: those of neuron i are [offsets[i], offsets[i+1]). */
interface PopOutput extends SpikeTargets {
  offsets: Int32Array;
  recOffsets: Int32Array;
  recList: SpikeRecorder[];
  /** set when every neuron reports to exactly these recorders */
  sameRecorders: SpikeRecorder[] | null;
}

/** All target lists share one object shape, so the step loop stays monomorphic. */
function makeTargets(m: number): SpikeTargets {
  return {
    rings: new Array<Float64Array>(m), rowLength: new Int32Array(m), local: new Int32Array(m), weight: new Float64Array(m),
    delay: new Int32Array(m), pop: new Int32Array(m), recorders: [], sameRing: false,
  };
}

const NO_TARGETS: SpikeTargets = makeTargets(0);

export class NestKernel implements Kernel {
  private resolution = DEFAULT_RESOLUTION;
  private stepTics = 100;
  private rngSeed = DEFAULT_RNG_SEED;
  private rng = new Rng(DEFAULT_RNG_SEED);
  /** Steps simulated so far. */
  private now = 0;
  private simulated = false;

  private nodes: NodeRef[] = [];
  private pops: NeuronPopulation[] = [];
  private devices: Device[] = [];
  /** Everything that is updated per step, in creation order (a population, or a generator). */
  private updaters: (NeuronPopulation | Device)[] = [];

  // All connections, as created (global ids, weight, delay in steps).
  private connSrc = new GrowableF64();
  private connTgt = new GrowableF64();
  private connWeight = new GrowableF64();
  private connDelay = new GrowableF64();
  /** (meter id, neuron id) pairs already connected: NEST allows one per pair. */
  private meterPairs = new Set<string>();

  private minDelaySteps = 1;
  private maxDelaySteps = 1;
  private ringLength = 0;
  /** Connections changed since the last build of the flat target lists. */
  private wiringDirty = true;
  private spikeTargets: SpikeTargets[] = [];
  /** Per population: the meters recording its neurons (meter, local index). */
  private meterTaps: MeterTaps[] = [];
  /** meterTaps by position in `updaters` (null: no meter records that population). */
  private updaterTaps: (MeterTaps | null)[] = [];
  /** Outgoing connections of each population (CSR by local index), and by updater position. */
  private popOut: PopOutput[] = [];
  private updaterOut: (PopOutput | null)[] = [];
  private meters: Multimeter[] = [];
  private spikeRecorders: SpikeRecorder[] = [];

  constructor() {
    this.reset();
  }

  // ---------------------------------------------------------------- kernel status

  reset(): void {
    this.resolution = DEFAULT_RESOLUTION;
    this.stepTics = msToTics(DEFAULT_RESOLUTION);
    this.rngSeed = DEFAULT_RNG_SEED;
    this.rng = new Rng(DEFAULT_RNG_SEED);
    this.now = 0;
    this.simulated = false;
    this.nodes = [];
    this.pops = [];
    this.devices = [];
    this.updaters = [];
    this.connSrc = new GrowableF64();
    this.connTgt = new GrowableF64();
    this.connWeight = new GrowableF64();
    this.connDelay = new GrowableF64();
    this.meterPairs = new Set();
    this.minDelaySteps = 1;
    this.maxDelaySteps = 1;
    this.ringLength = 0;
    this.wiringDirty = true;
    this.spikeTargets = [];
    this.meterTaps = [];
    this.updaterTaps = [];
    this.popOut = [];
    this.updaterOut = [];
    this.meters = [];
    this.spikeRecorders = [];
  }

  setKernelStatus(params: Params): void {
    const err = checkKernelStatus(params, { nodesCreated: this.nodes.length > 0, simulated: this.simulated });
    if (err) throw err;
    if ('resolution' in params) {
      this.resolution = params.resolution as number;
      this.stepTics = msToTics(this.resolution);
    }
    if ('biological_time' in params && this.now !== 0) {
      // NEST moves its clock back to 0 and keeps every state; our ring buffers are indexed by the
      // clock, so rewinding it would misplace spikes in flight. Refuse rather than be wrong.
      throw new NestError('NotImplemented', 'Setting biological_time back to 0.0 after a simulation is not available in the local engine; use nest.ResetKernel(), or run the program on NEST Server.');
    }
    if ('rng_seed' in params) {
      this.rngSeed = params.rng_seed as number;
      this.rng.seed(this.rngSeed);
    }
    // Other valid NEST kernel keys (print_time, local_num_threads, ...) have no effect here.
  }

  getKernelStatus(): Record<string, unknown> {
    const hasConnections = this.connSrc.length > 0;
    return {
      resolution: this.resolution,
      rng_seed: this.rngSeed,
      rng_type: 'xoshiro128**',
      biological_time: this.stepsToMs(this.now),
      min_delay: hasConnections ? this.stepsToMs(this.minDelaySteps) : this.resolution,
      max_delay: hasConnections ? this.stepsToMs(this.maxDelaySteps) : this.resolution,
      network_size: this.nodes.length,
      num_connections: this.connSrc.length,
      node_models: Object.keys(NEST_MODELS).sort(),
      synapse_models: [...LOCAL_SYNAPSE_MODELS],
      connection_rules: Object.keys(CONNECTION_RULES),
      ms_per_tic: 1 / TICS_PER_MS,
      tics_per_ms: TICS_PER_MS,
      tics_per_step: this.stepTics,
      local_num_threads: 1,
      total_num_virtual_procs: 1,
      num_processes: 1,
    };
  }

  /** Steps → ms the way NEST converts (tics × ms per tic), so times print like NEST's. */
  private stepsToMs(steps: number): number {
    return steps * this.stepTics * 0.001;
  }

  // ---------------------------------------------------------------- nodes

  create(model: string, n: number, params?: Params | Params[]): { first: number; last: number } {
    const info = NEST_MODELS[model];
    if (!info) throw unknownModelError(model);
    if (!Number.isInteger(n) || n < 0) throw new NestError('BadProperty', '');
    if (n === 0) throw new NestError('BadParameterValue', 'BadParameterValue');
    const first = this.nodes.length + 1;
    if (Array.isArray(params) && params.length !== n) {
      throw new NestError('BadProperty', `List of parameter dictionaries must have the same length as the number of nodes (${n}).`);
    }
    // Check everything before creating anything, so a failed Create leaves no half-made nodes.
    const paramsFor = (k: number): Params | undefined => (Array.isArray(params) ? params[k] : params);
    for (let k = 0; k < n; k++) {
      const p = paramsFor(k);
      if (!p) continue;
      if (k > 0 && !Array.isArray(params)) break; // the same dict for all: one check is enough
      const err = checkParams(model, p, first + k, undefined, this.resolution);
      if (err) throw err;
    }
    if (info.kind === 'neuron') {
      const pop = createCondPopulation(model, first, n) ?? createPopulation(model, first, n);
      if (pop instanceof ExpPopulation) pop.uniform = () => this.rng.uniform();
      const index = this.pops.length;
      this.pops.push(pop);
      this.updaters.push(pop);
      for (let k = 0; k < n; k++) {
        this.nodes.push({ model, index, local: k });
        const p = paramsFor(k);
        if (p) pop.setStatus(k, p);
      }
    } else {
      for (let k = 0; k < n; k++) {
        const id = first + k;
        const dev = this.makeDevice(id, model as DeviceModel);
        const p = paramsFor(k);
        dev.setStatus(p ?? {}, this.stepTics);
        if (dev instanceof SpikeGenerator) dev.loadTimes(this.stepTics, this.now);
        this.nodes.push({ model, index: this.devices.length, local: 0 });
        this.devices.push(dev);
        if (info.kind === 'generator') this.updaters.push(dev);
        if (dev instanceof Multimeter) this.meters.push(dev);
        if (dev instanceof SpikeRecorder) this.spikeRecorders.push(dev);
      }
    }
    this.wiringDirty = true;
    return { first, last: first + n - 1 };
  }

  private makeDevice(id: number, model: DeviceModel): Device {
    switch (model) {
      case 'dc_generator': return new DcGenerator(id);
      case 'ac_generator': return new AcGenerator(id);
      case 'step_current_generator': return new StepCurrentGenerator(id);
      case 'poisson_generator': return new PoissonGenerator(id);
      case 'spike_generator': return new SpikeGenerator(id);
      case 'spike_recorder': return new SpikeRecorder(id);
      case 'voltmeter': return new Multimeter(id, 'voltmeter');
      case 'multimeter': return new Multimeter(id, 'multimeter');
    }
  }

  private node(id: number): NodeRef {
    const ref = Number.isInteger(id) && id >= 1 ? this.nodes[id - 1] : undefined;
    if (!ref) throw new NestError('UnknownNode', `Node with id ${id} does not exist.`);
    return ref;
  }

  getStatus(ids: ArrayLike<number>): Record<string, unknown>[] {
    const out: Record<string, unknown>[] = [];
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k];
      const ref = this.node(id);
      let d: Record<string, unknown>;
      if (NEST_MODELS[ref.model].kind === 'neuron') {
        d = this.pops[ref.index].getStatus(ref.local);
      } else {
        const dev = this.devices[ref.index];
        d = dev.getStatus();
        if (dev instanceof SpikeRecorder || dev instanceof Multimeter) {
          d.n_events = dev.nEvents;
          d.events = this.events(id);
        }
      }
      d.model = ref.model;
      d.global_id = id;
      d.frozen = false;
      d.local = true;
      d.thread = 0;
      d.vp = 0;
      out.push(d);
    }
    return out;
  }

  setStatus(ids: ArrayLike<number>, params: Params | Params[]): void {
    if (Array.isArray(params) && params.length !== ids.length) {
      throw new NestError('BadProperty', 'The number of parameter dictionaries must match the number of nodes.');
    }
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k];
      const ref = this.node(id);
      const p = { ...(Array.isArray(params) ? params[k] : params) } as Record<string, unknown>;
      const kind = NEST_MODELS[ref.model].kind;
      if (kind === 'neuron') {
        const pop = this.pops[ref.index];
        const err = checkParams(ref.model, p, id, pop.getStatus(ref.local), this.resolution);
        if (err) throw err;
        pop.setStatus(ref.local, p);
        continue;
      }
      const dev = this.devices[ref.index];
      if (kind === 'recorder' && 'n_events' in p) {
        if (asNumber(p.n_events) !== 0) {
          throw new NestError('BadProperty', `Setting status of a '${ref.model}' with node ID ${id}: Property n_events can only be set to 0 (which clears all stored events).`);
        }
        (dev as SpikeRecorder | Multimeter).clear();
        delete p.n_events;
      }
      if (dev instanceof Multimeter && dev.targets.length > 0 && ['interval', 'offset', 'record_from'].some((key) => key in p)) {
        throw new NestError('BadProperty', `Setting status of a '${ref.model}' with node ID ${id}: The recording interval, the interval offset and the list of properties to record cannot be changed after the multimeter has been connected to nodes.`);
      }
      const err = checkParams(ref.model, p, id, dev.par, this.resolution);
      if (err) throw err;
      dev.setStatus(p, this.stepTics);
      if (dev instanceof SpikeGenerator) dev.loadTimes(this.stepTics, this.now);
    }
  }

  // ---------------------------------------------------------------- connections

  connect(pre: ArrayLike<number>, post: ArrayLike<number>, connSpec: ConnSpec, synSpec: SynSpec): void {
    for (let k = 0; k < pre.length; k++) this.node(pre[k]);
    for (let k = 0; k < post.length; k++) this.node(post[k]);
    const synapse = synSpec.synapse_model ?? 'static_synapse';
    const synapseError = checkSynapseModel(synapse);
    if (synapseError) throw synapseError;
    const ruleName = connSpec.rule ?? 'all_to_all';
    const rule = CONNECTION_RULES[ruleName];
    if (!rule) {
      if (NEST_ONLY_RULES.includes(ruleName)) {
        throw new NestError('NotImplemented', `The connection rule '${ruleName}' is not available in the local engine yet; run the program on real NEST.`);
      }
      throw new NestError('BadProperty', `Unknown connectivity rule: ${ruleName}`);
    }
    const weight = synSpec.weight ?? 1.0;
    const delay = synSpec.delay ?? 1.0;
    for (const [key, v] of [['weight', weight], ['delay', delay]] as const) {
      if (Array.isArray(v)) {
        const len = rule.arrayLength(pre.length, post.length, connSpec);
        if (len === null) throw new NestError('TypeError', rule.arrayShapeError(key, pre.length, post.length, connSpec));
        if (v.length !== len) throw new NestError('ValueError', rule.arrayShapeError(key, pre.length, post.length, connSpec));
      }
    }
    const receptor = synSpec.receptor_type ?? 0;

    // Collect first, commit only if every connection is legal (NEST checks as it goes, but a
    // learner's failed Connect should not leave half a projection behind).
    const made: number[] = [];
    rule.connect({
      pre, post, spec: connSpec,
      uniform: () => this.rng.uniform(),
      emit: (i, j, p) => {
        const w = Array.isArray(weight) ? weight[p] : weight;
        const d = Array.isArray(delay) ? delay[p] : delay;
        this.checkConnection(pre[i], post[j], receptor);
        const derr = checkDelay(d, this.resolution);
        if (derr) throw derr;
        made.push(pre[i], post[j], w, delayToSteps(d, this.resolution));
      },
    });
    const pairs = new Set<string>();
    for (let k = 0; k < made.length; k += 4) {
      const [src, tgt] = [made[k], made[k + 1]];
      if (this.isMeter(src)) {
        const key = `${src}:${tgt}`;
        if (this.meterPairs.has(key) || pairs.has(key)) {
          throw new NestError('IllegalConnection', ILLEGAL + 'Each multimeter can only be connected once to a given node.');
        }
        pairs.add(key);
      }
    }
    for (let k = 0; k < made.length; k += 4) {
      const [src, tgt, w, d] = [made[k], made[k + 1], made[k + 2], made[k + 3]];
      this.connSrc.push(src);
      this.connTgt.push(tgt);
      this.connWeight.push(w);
      this.connDelay.push(d);
      if (this.connSrc.length === 1) {
        this.minDelaySteps = d;
        this.maxDelaySteps = d;
      } else {
        if (d < this.minDelaySteps) this.minDelaySteps = d;
        if (d > this.maxDelaySteps) this.maxDelaySteps = d;
      }
      const srcRef = this.nodes[src - 1];
      if (srcRef.model === 'voltmeter' || srcRef.model === 'multimeter') {
        this.meterPairs.add(`${src}:${tgt}`);
        (this.devices[srcRef.index] as Multimeter).targets.push(tgt);
      }
    }
    this.wiringDirty = true;
  }

  /** Which node may send what to which (NEST's IllegalConnection texts). */
  private checkConnection(src: number, tgt: number, receptor: number): void {
    const s = this.nodes[src - 1], t = this.nodes[tgt - 1];
    const sKind = NEST_MODELS[s.model].kind, tKind = NEST_MODELS[t.model].kind;
    const isMeter = s.model === 'voltmeter' || s.model === 'multimeter';
    if (s.model === 'spike_recorder') {
      throw new NestError('IllegalConnection', ILLEGAL + 'Source node does not send output.\n  Note that recorders must be connected as Connect(neuron, recorder).');
    }
    if (isMeter) {
      if (tKind !== 'neuron' || !NEST_MODELS[t.model].recordables) throw new NestError('IllegalConnection', ILLEGAL + 'The target node or synapse model does not support data logging requests.');
      const meter = this.devices[s.index] as Multimeter;
      const available = NEST_MODELS[t.model].recordables ?? [];
      for (const r of meter.recordFrom) {
        if (!available.includes(r)) throw new NestError('IllegalConnection', ILLEGAL + `Cannot connect with unknown recordable ${r}`);
      }
      return;
    }
    if (CURRENT_SOURCES.includes(s.model)) {
      // a parrot only takes spikes
      if (tKind !== 'neuron' || t.model === 'parrot_neuron') throw new NestError('IllegalConnection', ILLEGAL + 'The target node or synapse model does not support current input.');
    } else {
      // spike sources: neurons, poisson_generator, spike_generator
      const takesSpikes = tKind === 'neuron' || t.model === 'spike_recorder';
      if (!takesSpikes) {
        throw new NestError('IllegalConnection', ILLEGAL + 'The target node or synapse model does not support spike input.\n  Note that volt/multimeters must be connected as Connect(meter, neuron).');
      }
    }
    if (receptor !== 0 && (tKind === 'neuron' || sKind === 'neuron')) {
      throw new NestError('UnknownReceptorType', `Receptor type ${receptor} is not available in ${t.model}.`);
    }
  }

  // ---------------------------------------------------------------- simulation

  /** Build the flat per-source target lists and (re)allocate ring buffers. */
  private prepare(): void {
    const h = this.resolution;
    const length = this.maxDelaySteps + 1;
    for (const pop of this.pops) {
      if (pop.ringLength !== length) {
        pop.resizeRings(length, this.now);
        this.wiringDirty = true; // the target lists point at the old rings
      }
      if (pop.dirty) pop.calibrate(h, this.stepTics);
    }
    this.ringLength = length;
    for (const dev of this.devices) {
      dev.calibrate(this.stepTics);
      if (dev instanceof CurrentSource) dev.startRun(this.now, this.stepTics);
      if (dev instanceof PoissonGenerator) dev.setMean(h);
    }
    if (this.wiringDirty) this.buildTargets();
  }

  private buildTargets(): void {
    const nNodes = this.nodes.length;
    const nConn = this.connSrc.length;
    const src = this.connSrc.raw, tgt = this.connTgt.raw, w = this.connWeight.raw, d = this.connDelay.raw;
    // Count, per source, the connections to neurons and to spike recorders.
    const toNeuron = new Int32Array(nNodes + 2);
    const toRecorder = new Int32Array(nNodes + 2);
    for (let c = 0; c < nConn; c++) {
      if (this.isMeter(src[c])) continue;
      const kind = NEST_MODELS[this.nodes[tgt[c] - 1].model].kind;
      if (kind === 'neuron') toNeuron[src[c]]++;
      else toRecorder[src[c]]++;
    }
    // Generators: one flat list each. Populations: one CSR table each (offsets by local index).
    this.spikeTargets = new Array(nNodes + 1).fill(NO_TARGETS);
    for (const dev of this.devices) {
      if (NEST_MODELS[dev.model].kind === 'generator') this.spikeTargets[dev.id] = makeTargets(toNeuron[dev.id]);
    }
    this.popOut = this.pops.map((pop) => {
      const offsets = new Int32Array(pop.n + 1);
      const recOffsets = new Int32Array(pop.n + 1);
      for (let i = 0; i < pop.n; i++) {
        offsets[i + 1] = offsets[i] + toNeuron[pop.first + i];
        recOffsets[i + 1] = recOffsets[i] + toRecorder[pop.first + i];
      }
      const out = makeTargets(offsets[pop.n]) as PopOutput;
      out.offsets = offsets;
      out.recOffsets = recOffsets;
      out.recList = new Array(recOffsets[pop.n]);
      out.sameRecorders = null;
      return out;
    });
    const fill = new Int32Array(nNodes + 2);
    const recFill = new Int32Array(nNodes + 2);
    const taps: { meter: Multimeter; local: number; pop: number; id: number }[] = [];
    for (const m of this.meters) m.targets.length = 0;
    for (let c = 0; c < nConn; c++) {
      const s = src[c], t = tgt[c];
      const sRef = this.nodes[s - 1], tRef = this.nodes[t - 1];
      if (this.isMeter(s)) {
        const meter = this.devices[sRef.index] as Multimeter;
        meter.targets.push(t);
        taps.push({ meter, local: tRef.local, pop: tRef.index, id: t });
        continue;
      }
      const fromNeuron = NEST_MODELS[sRef.model].kind === 'neuron';
      const list = fromNeuron ? this.popOut[sRef.index] : this.spikeTargets[s];
      if (tRef.model === 'spike_recorder') {
        const rec = this.devices[tRef.index] as SpikeRecorder;
        if (fromNeuron) (list as PopOutput).recList[(list as PopOutput).recOffsets[sRef.local] + recFill[s]++] = rec;
        else list.recorders.push(rec);
        continue;
      }
      const k = (fromNeuron ? (list as PopOutput).offsets[sRef.local] : 0) + fill[s]++;
      const pop = this.pops[tRef.index];
      const current = CURRENT_SOURCES.includes(sRef.model);
      list.rings[k] = current ? pop.curRing : pop.ringFor(w[c]);
      if (current) pop.hasCurrent = true;
      // A spike_generator's spike_weights can flip the sign: open both channels.
      else if (w[c] < 0 || sRef.model === 'spike_generator') pop.hasInhibitory = true;
      list.pop[k] = tRef.index;
      list.rowLength[k] = pop.n;
      list.local[k] = tRef.local;
      // A parrot counts spikes: each one arrives as 1, whatever the weight.
      list.weight[k] = pop.countsSpikes ? 1 : w[c];
      list.delay[k] = d[c];
    }
    for (const st of this.spikeTargets) {
      if (st === NO_TARGETS || st.local.length === 0) continue;
      st.sameRing = st.rings.every((r, k) => r === st.rings[0] && st.delay[k] === st.delay[0]);
    }
    // When every neuron of a population reports to the same recorders (the usual
    // Connect(pop, spike_recorder)), spikes are recorded in one batch per step.
    for (const out of this.popOut) {
      const n = out.offsets.length - 1;
      const per = out.recOffsets[1] - out.recOffsets[0];
      let same = per > 0;
      for (let i = 1; same && i < n; i++) {
        if (out.recOffsets[i + 1] - out.recOffsets[i] !== per) same = false;
        else for (let r = 0; r < per; r++) if (out.recList[out.recOffsets[i] + r] !== out.recList[r]) same = false;
      }
      out.sameRecorders = same ? out.recList.slice(0, per) : null;
    }
    // Meter taps per population, in global-id order (NEST hands samples over node by node).
    taps.sort((a, b) => a.id - b.id);
    const perPop: { meters: Multimeter[]; local: number[] }[] = this.pops.map(() => ({ meters: [], local: [] }));
    for (const tap of taps) {
      perPop[tap.pop].meters.push(tap.meter);
      perPop[tap.pop].local.push(tap.local);
    }
    this.meterTaps = perPop.map((p) => ({ meters: p.meters, local: Int32Array.from(p.local) }));
    this.updaterTaps = this.updaters.map((u) => {
      if (!(u instanceof NeuronPopulation)) return null;
      const taps = this.meterTaps[this.pops.indexOf(u)];
      return taps.meters.length > 0 ? taps : null;
    });
    this.updaterOut = this.updaters.map((u) => (u instanceof NeuronPopulation ? this.popOut[this.pops.indexOf(u)] : null));
    this.wiringDirty = false;
  }

  /** Send the spikes of this step's spiking neurons along their connections and to recorders. */
  private deliverPopulationSpikes(pop: NeuronPopulation, out: PopOutput, s: number, stamp: number, stampMs: number): void {
    const ns = pop.nSpiked, spiked = pop.spiked, first = pop.first, tSpike = pop.tSpike;
    const L = this.ringLength;
    const { offsets, rings, rowLength, local, weight, delay } = out;
    const mult = pop.multiplicity;
    for (let k = 0; k < ns; k++) {
      const i = spiked[k];
      tSpike[i] = stampMs;
      const m = mult === null ? 1 : mult[i];
      for (let c = offsets[i], e = offsets[i + 1]; c < e; c++) {
        rings[c][((s + delay[c]) % L) * rowLength[c] + local[c]] += weight[c] * m;
      }
    }
    if (mult !== null) {
      // a spike of multiplicity m is recorded m times (as NEST's spike_recorder does)
      for (let k = 0; k < ns; k++) {
        const i = spiked[k];
        for (let r = out.recOffsets[i]; r < out.recOffsets[i + 1]; r++) {
          for (let j = 0; j < mult[i]; j++) out.recList[r].record(first + i, stamp, stampMs);
        }
      }
    } else if (out.sameRecorders !== null) {
      for (const rec of out.sameRecorders) rec.recordBatch(first, spiked, ns, stamp, stampMs);
    } else if (out.recList.length > 0) {
      for (let k = 0; k < ns; k++) {
        const i = spiked[k];
        for (let r = out.recOffsets[i]; r < out.recOffsets[i + 1]; r++) out.recList[r].record(first + i, stamp, stampMs);
      }
    }
  }

  private isMeter(id: number): boolean {
    const m = this.nodes[id - 1].model;
    return m === 'voltmeter' || m === 'multimeter';
  }

  simulate(t: number, shouldStop?: () => boolean): void {
    if (!(t >= 0)) throw new NestError('BadParameter', 'The simulation time cannot be negative.');
    const tics = msToTics(t);
    if (Math.abs(t * TICS_PER_MS - tics) > 1e-6 * Math.max(1, Math.abs(tics)) || tics % this.stepTics !== 0) {
      throw new NestError('BadParameter', 'The simulation time must be a multiple of the simulation resolution.');
    }
    const steps = tics / this.stepTics;
    this.simulated = true;
    if (steps === 0) return;
    this.prepare();

    const end = this.now + steps;
    const m = this.minDelaySteps;
    let work = 0;
    let lastPoll = now();
    const workPerStep = this.workPerStep();
    while (this.now < end) {
      const s = this.now;
      // NEST hands a meter its samples at the start of the next min_delay slice (slices are
      // aligned to multiples of min_delay from t = 0).
      if (s % m === 0) {
        for (const meter of this.meters) meter.commit();
        for (const rec of this.spikeRecorders) rec.endSlice();
      }
      this.step(s);
      this.now = s + 1;
      work += workPerStep;
      if (work >= WORK_BETWEEN_CLOCK_CHECKS) {
        work = 0;
        const tNow = now();
        if (tNow - lastPoll >= POLL_INTERVAL_MS) {
          lastPoll = tNow;
          if (shouldStop && shouldStop()) {
            for (const rec of this.spikeRecorders) rec.endSlice();
            throw new SimulationInterrupted();
          }
        }
      }
    }
    // NEST delivers the spikes of the last (possibly unfinished) slice when Simulate returns.
    for (const rec of this.spikeRecorders) rec.endSlice();
  }

  private workPerStep(): number {
    let w = 1;
    for (const pop of this.pops) w += pop.n;
    for (const dev of this.devices) if (dev instanceof PoissonGenerator) w += this.spikeTargets[dev.id].local.length;
    return w;
  }

  /** Update every node for step s (interval (s·h, (s+1)·h]). */
  private step(s: number): void {
    const L = this.ringLength;
    const slot = s % L;
    const stamp = s + 1;
    const stampMs = this.stepsToMs(stamp);
    for (const meter of this.meters) meter.active = meter.samplesAt(stamp);
    const updaters = this.updaters;
    for (let u = 0; u < updaters.length; u++) {
      const node = updaters[u];
      if (node instanceof NeuronPopulation) {
        node.update(slot);
        if (node.nSpiked > 0) this.deliverPopulationSpikes(node, this.updaterOut[u]!, s, stamp, stampMs);
        const taps = this.updaterTaps[u];
        if (taps !== null) this.sample(node, taps, stampMs);
      } else if (node instanceof PoissonGenerator) {
        if (node.emitsAt(s)) this.emitPoisson(node, s, stamp, stampMs);
      } else if (node instanceof CurrentSource) {
        const amp = node.advance(s);
        if (amp !== null) this.emitCurrent(node, s, amp);
      } else if (node instanceof SpikeGenerator) {
        this.emitSpikeGenerator(node, s, stamp, stampMs);
      }
    }
  }

  private sample(pop: NeuronPopulation, taps: MeterTaps, stampMs: number): void {
    for (let k = 0; k < taps.meters.length; k++) {
      const meter = taps.meters[k];
      if (!meter.active) continue;
      const i = taps.local[k];
      meter.senders.push(pop.first + i);
      meter.times.push(stampMs);
      const rf = meter.recordFrom;
      for (let r = 0; r < rf.length; r++) meter.values[r].push(pop.recordable(rf[r], i));
    }
  }

  /** Send a spike (or `mult` spikes) emitted while updating step s to every target of `src`. */
  private deliverSpike(src: number, s: number, stamp: number, stampMs: number, mult: number, weightFactor: number): void {
    const st = this.spikeTargets[src];
    if (st === NO_TARGETS) return;
    const L = this.ringLength;
    const { rings, rowLength, local, weight, delay } = st;
    const f = mult * weightFactor;
    if (weightFactor === 1) {
      for (let c = 0; c < local.length; c++) {
        rings[c][((s + delay[c]) % L) * rowLength[c] + local[c]] += weight[c] * f;
      }
    } else {
      // spike_weights scale the connection weight; the product's sign picks the channel
      for (let c = 0; c < local.length; c++) {
        const target = this.pops[st.pop[c]];
        const w = target.countsSpikes ? mult : weight[c] * f; // a parrot ignores spike_weights
        target.ringFor(w)[((s + delay[c]) % L) * rowLength[c] + local[c]] += w;
      }
    }
    for (const rec of st.recorders) for (let k = 0; k < mult; k++) rec.record(src, stamp, stampMs);
  }

  /** Every target gets its own Poisson count for this step (NEST's poisson_generator). */
  private emitPoisson(gen: PoissonGenerator, s: number, stamp: number, stampMs: number): void {
    const st = this.spikeTargets[gen.id];
    const sampler = gen.sampler;
    if (sampler.mean <= 0) return;
    const L = this.ringLength;
    const { rings, rowLength, local, weight, delay } = st;
    const rng = this.rng;
    const table = sampler.table;
    const n = local.length;
    if (table !== null && st.sameRing) {
      rng.scatterPoisson(table, sampler.guide, n, rings[0], ((s + delay[0]) % L) * rowLength[0], local, weight);
    } else {
      for (let c = 0; c < n; c++) {
        const k = sampler.draw(rng);
        if (k > 0) rings[c][((s + delay[c]) % L) * rowLength[c] + local[c]] += weight[c] * k;
      }
    }
    for (const rec of st.recorders) {
      const k = sampler.draw(rng);
      for (let j = 0; j < k; j++) rec.record(gen.id, stamp, stampMs);
    }
  }

  private emitCurrent(gen: CurrentSource, s: number, amp: number): void {
    const st = this.spikeTargets[gen.id];
    if (st === NO_TARGETS) return;
    const L = this.ringLength;
    const { rings, rowLength, local, weight, delay } = st;
    for (let c = 0; c < local.length; c++) {
      rings[c][((s + delay[c]) % L) * rowLength[c] + local[c]] += amp * weight[c];
    }
  }

  private emitSpikeGenerator(gen: SpikeGenerator, s: number, stamp: number, stampMs: number): void {
    const stamps = gen.stamps;
    while (gen.position < stamps.length && stamps[gen.position] <= stamp) {
      const p = gen.position++;
      if (stamps[p] < stamp) continue; // in the past: never sent
      if (stamp <= gen.startStep || stamp > gen.stopStep) continue;
      const mult = gen.multiplicities.length > 0 ? gen.multiplicities[p] : 1;
      const w = gen.weights.length > 0 ? gen.weights[p] : 1;
      if (mult > 0) this.deliverSpike(gen.id, s, stamp, stampMs, mult, w);
    }
  }

  // ---------------------------------------------------------------- recorded data

  events(id: number): Events {
    const ref = this.node(id);
    const dev = NEST_MODELS[ref.model].kind === 'recorder' ? this.devices[ref.index] : undefined;
    if (dev instanceof SpikeRecorder) {
      return { senders: dev.senders.copy(), times: dev.times.copy() };
    }
    if (dev instanceof Multimeter) {
      const n = dev.committed;
      const ev: Events = { senders: dev.senders.copy(n), times: dev.times.copy(n) };
      dev.recordFrom.forEach((r, k) => (ev[r] = dev.values[k].copy(n)));
      return ev;
    }
    throw new NestError('KeyError', `'events'`);
  }

  nEvents(id: number): number {
    const ref = this.node(id);
    const dev = this.devices[ref.index];
    if (NEST_MODELS[ref.model].kind === 'recorder' && (dev instanceof SpikeRecorder || dev instanceof Multimeter)) return dev.nEvents;
    throw new NestError('KeyError', `'n_events'`);
  }
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

export { NEURON_MODELS };
