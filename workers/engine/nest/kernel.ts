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
  AcGenerator, CURRENT_SOURCES, CurrentSource, DcGenerator, Device, Multimeter, NoiseGenerator, PoissonGenerator, SpikeGenerator,
  SpikeRecorder, StepCurrentGenerator,
  type DeviceModel,
} from './devices';
import {
  LOCAL_SYNAPSE_MODELS, NEST_MODELS, TICS_PER_MS, asNumber, checkDelay, checkKernelStatus, checkParams,
  checkSynapseModel, delayToSteps, isOnGrid, msToTics, unknownModelError,
} from './models';
import { ModelRegistry, synapseModelId } from './model-defaults';
import { NeuronPopulation, createPopulation, ExpPopulation } from './neurons';
import { createCondPopulation } from './cond-neurons';
import { createAdaptivePopulation } from './adaptive-neurons';
import { Rng } from './rng';
import {
  BYTES_PER_CONNECTION, BYTES_PER_DEVICE, BYTES_PER_SPIKE, bytesPerNeuron, bytesPerSample, checkBudget, count,
  expectedConnections, MEMORY_BUDGET_BYTES, ringBytesPerNeuron,
} from './capacity';
import { checkRandomSpec, drawParameter, isRandomSpec, type RandomSpec } from './random-params';
import { STDP_DEFAULTS, SpikeHistory, StdpSynapses, checkStdpParams } from './stdp';

export const DEFAULT_RNG_SEED = 143202461;
const DEFAULT_RESOLUTION = 0.1;
/** NEST's tau_minus of every neuron (the trace stdp_synapse reads), for models that lack the entry. */
const DEFAULT_TAU_MINUS = 20;
const NEURON_MODELS = ['iaf_psc_alpha', 'iaf_psc_exp', 'iaf_psc_delta', 'iaf_cond_exp', 'iaf_cond_alpha', 'hh_psc_alpha', 'aeif_cond_alpha', 'izhikevich', 'parrot_neuron'];

/** A poisson_generator with at least this many targets and a mean count per target and step below
 * SPLIT_MAX_MEAN draws its events in all and spreads them (emitPoisson). */
const SPLIT_MIN_TARGETS = 32;
const SPLIT_MAX_MEAN = 1;

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
  /** the built-in model (what NEST_MODELS describes) */
  model: string;
  /** the name it was created by: the model, or a CopyModel copy of it */
  name: string;
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
  /** stdp_synapse connections out of this population (kept apart: the static loop stays as it was) */
  plastic: PlasticOut | null;
  /** spike history of this population's neurons, when plastic connections target them */
  history: SpikeHistory | null;
}

/** Plastic connections of a population: those of neuron i are ids[offsets[i] .. offsets[i+1]). */
interface PlasticOut {
  offsets: Int32Array;
  /** rows of the kernel's StdpSynapses (consecutive: rows are kept in this order) */
  ids: Int32Array;
  /** target population (index into pops) and local index, per entry */
  pop: Int32Array;
  local: Int32Array;
  /** 1: into a parrot's port 1 (nothing is delivered) */
  silent: Uint8Array;
}

/** syn_spec keys each local synapse model reads (others: NEST's UnaccessedDictionaryEntry). */
const SYN_SPEC_KEYS: Record<string, readonly string[]> = {
  static_synapse: ['synapse_model', 'weight', 'delay', 'receptor_type'],
  stdp_synapse: ['synapse_model', 'weight', 'delay', 'receptor_type', ...Object.keys(STDP_DEFAULTS)],
};

/** What GetConnections returns: the connections' indices in NEST's order, and their columns. */
export interface ConnectionList {
  index: Int32Array;
  source: Int32Array;
  target: Int32Array;
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
  /** Per connection: the plastic id in `stdp`, or -1 for a static_synapse. */
  private connPlastic = new GrowableF64();
  /** Per connection: receptor_type (only a parrot's port 1 is not 0: spikes there are not
   * repeated, they only count for the stdp_synapse history). */
  private connReceptor = new GrowableF64();
  /** Per connection: its synapse model, as an index into models.synapseNames (copies included). */
  private connSyn = new GrowableF64();
  /** SetDefaults / CopyModel: changed defaults and model copies (gone after ResetKernel). */
  private models = new ModelRegistry();
  /** Every stdp_synapse connection's state and parameters. */
  private stdp = new StdpSynapses();
  /** (meter id, neuron id) pairs already connected: NEST allows one per pair. */
  private meterPairs = new Set<string>();
  /** Per population: the rows (in `stdp`) of the plastic connections into each neuron (for pruning spike histories). */
  private plasticIn: (Int32Array[] | null)[] = [];

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

  /** Bytes the kernel may use (capacity.ts); smaller only in tests of the limit itself. */
  memoryBudget = MEMORY_BUDGET_BYTES;

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
    this.connPlastic = new GrowableF64();
    this.connReceptor = new GrowableF64();
    this.connSyn = new GrowableF64();
    this.models = new ModelRegistry();
    this.stdp = new StdpSynapses();
    this.plasticIn = [];
    this.histories = [];
    this.portsCache = null;
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
      node_models: [...Object.keys(NEST_MODELS), ...this.models.nodeCopyNames()].sort(),
      synapse_models: [...LOCAL_SYNAPSE_MODELS, ...this.models.synapseCopyNames()].sort(),
      connection_rules: Object.keys(CONNECTION_RULES),
      ms_per_tic: 1 / TICS_PER_MS,
      tics_per_ms: TICS_PER_MS,
      tics_per_step: this.stepTics,
      local_num_threads: 1,
      total_num_virtual_procs: 1,
      num_processes: 1,
    };
  }

  // ---------------------------------------------------------------- model defaults

  /** nest.GetDefaults(model): a node or synapse model's defaults (see model-defaults.ts). */
  getDefaults(model: string): Record<string, unknown> {
    return this.models.getDefaults(model, (index) => {
      let n = 0;
      const syn = this.connSyn.raw;
      for (let c = 0; c < this.connSyn.length; c++) if (syn[c] === index) n++;
      return n;
    });
  }

  /** nest.SetDefaults(model, params): later Create / Connect start from these values. */
  setDefaults(model: string, params: Params): void {
    this.models.setDefaults(model, params, this.resolution);
  }

  /** nest.CopyModel(old, new, params): `new` becomes a model name of its own. */
  copyModel(old: string, name: string, params?: Params): void {
    this.models.copyModel(old, name, params ?? undefined, this.resolution);
  }

  /** Steps → ms the way NEST converts (tics × ms per tic), so times print like NEST's. */
  private stepsToMs(steps: number): number {
    return steps * this.stepTics * 0.001;
  }

  // ---------------------------------------------------------------- nodes

  create(name: string, n: number, params?: Params | Params[]): { first: number; last: number } {
    // a CopyModel copy is its built-in model with other defaults
    const model = this.models.nodeBase(name) ?? name;
    const info = NEST_MODELS[model];
    if (!info) throw unknownModelError(name);
    const defaults = this.models.nodeDefaults(name);
    if (!Number.isInteger(n) || n < 0) throw new NestError('BadProperty', '');
    if (n === 0) throw new NestError('BadParameterValue', 'BadParameterValue');
    const first = this.nodes.length + 1;
    if (Array.isArray(params) && params.length !== n) {
      throw new NestError('BadProperty', `List of parameter dictionaries must have the same length as the number of nodes (${n}).`);
    }
    if (params) params = this.drawNodeParams(model, n, params);
    // Check everything before creating anything, so a failed Create leaves no half-made nodes.
    const paramsFor = (k: number): Params | undefined => (Array.isArray(params) ? params[k] : params);
    for (let k = 0; k < n; k++) {
      const p = paramsFor(k);
      if (!p) continue;
      if (k > 0 && !Array.isArray(params)) break; // the same dict for all: one check is enough
      const err = checkParams(model, p, first + k, defaults ? this.models.getNodeDefaults(name, this.resolution) : undefined, this.resolution);
      if (err) throw err;
    }
    // SetDefaults / CopyModel values first, then the params of this Create
    const startValues = (k: number): Params | undefined => {
      const p = paramsFor(k);
      return defaults ? ({ ...defaults, ...p } as Params) : p;
    };
    this.checkRoom(
      info.kind === 'neuron' ? n * this.neuronBytes(model, this.maxDelaySteps + 1) : n * BYTES_PER_DEVICE,
      `${count(n)} more ${info.kind === 'neuron' ? 'neurons' : 'devices'} (${count(this.nodes.length + n)} nodes in all)`,
      'Use fewer neurons.',
    );
    if (info.kind === 'neuron') {
      const pop = createCondPopulation(model, first, n) ?? createAdaptivePopulation(model, first, n) ?? createPopulation(model, first, n);
      if (pop instanceof ExpPopulation) pop.uniform = () => this.rng.uniform();
      const index = this.pops.length;
      this.pops.push(pop);
      this.updaters.push(pop);
      for (let k = 0; k < n; k++) {
        this.nodes.push({ model, name, index, local: k });
        const p = startValues(k);
        if (p) pop.setStatus(k, p);
      }
    } else {
      for (let k = 0; k < n; k++) {
        const id = first + k;
        const dev = this.makeDevice(id, model as DeviceModel);
        // noise_generator's dt defaults to 1 ms, or 10 steps when 1 ms is off the grid (probed)
        if (dev instanceof NoiseGenerator && !isOnGrid(1, this.resolution)) dev.par.dt = 10 * this.resolution;
        const p = startValues(k);
        dev.setStatus(p ?? {}, this.stepTics);
        if (dev instanceof SpikeGenerator) dev.loadTimes(this.stepTics, this.now);
        this.nodes.push({ model, name, index: this.devices.length, local: 0 });
        this.devices.push(dev);
        if (info.kind === 'generator') this.updaters.push(dev);
        if (dev instanceof Multimeter) this.meters.push(dev);
        if (dev instanceof SpikeRecorder) this.spikeRecorders.push(dev);
      }
    }
    this.wiringDirty = true;
    return { first, last: first + n - 1 };
  }

  /**
   * Node parameters given as nest.random parameters: every node draws its own value (node by
   * node, keys in order), as NEST does for Create(params=...) and NodeCollection.set.
   */
  private drawNodeParams(model: string, n: number, params: Params | Params[]): Params | Params[] {
    const list = Array.isArray(params);
    const dicts = list ? params : [params];
    if (!dicts.some((d) => Object.values(d).some(isRandomSpec))) return params;
    const out: Params[] = [];
    for (let k = 0; k < n; k++) {
      const d: Record<string, unknown> = { ...(list ? dicts[k] : dicts[0]) };
      for (const [key, v] of Object.entries(d)) {
        if (!isRandomSpec(v)) continue;
        const err = checkRandomSpec(v);
        if (err) throw err;
        const def = NEST_MODELS[model].params[key]?.default;
        if (Array.isArray(def)) {
          throw new NestError('TypeMismatch', `Expected datatype: Failed to cast '${key}' from std::shared_ptr<nest::Parameter> to type std::vector<double>`);
        }
        d[key] = drawParameter(v, this.rng);
      }
      out.push(d as Params);
    }
    return out;
  }

  /** One value of a nest.random parameter (Parameter.GetValue()). */
  drawParameter(spec: RandomSpec): number {
    const err = checkRandomSpec(spec);
    if (err) throw err;
    return drawParameter(spec, this.rng);
  }

  private makeDevice(id: number, model: DeviceModel): Device {
    switch (model) {
      case 'dc_generator': return new DcGenerator(id);
      case 'ac_generator': return new AcGenerator(id);
      case 'step_current_generator': return new StepCurrentGenerator(id);
      case 'noise_generator': return new NoiseGenerator(id);
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
      d.model = ref.name;
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
    if (ids.length > 0) params = this.drawNodeParams(this.node(ids[0]).model, ids.length, params);
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
    const synapseName = synSpec.synapse_model ?? 'static_synapse';
    // a CopyModel copy connects as its built-in model, with the copy's defaults
    const synapse = this.models.synapseBase(synapseName) ?? synapseName;
    const synapseError = checkSynapseModel(synapse);
    if (synapseError) throw synapseError;
    const synIndex = this.models.synapseIndex(synapseName);
    const synDefaults = this.models.getSynapseParams(synapseName);
    const ruleName = connSpec.rule ?? 'all_to_all';
    const rule = CONNECTION_RULES[ruleName];
    if (!rule) {
      if (NEST_ONLY_RULES.includes(ruleName)) {
        throw new NestError('NotImplemented', `The connection rule '${ruleName}' is not available in the local engine yet; run the program on real NEST.`);
      }
      throw new NestError('BadProperty', `Unknown connectivity rule: ${ruleName}`);
    }
    const plastic = synapse === 'stdp_synapse';
    const allowed = SYN_SPEC_KEYS[synapse];
    const unknown = Object.keys(synSpec).filter((k) => !allowed.includes(k)).sort();
    if (unknown.length > 0) {
      throw new NestError('UnaccessedDictionaryEntry', `Unaccessed elements in syn_spec, in function Connect: ${unknown.map((k) => ' ' + k).join('')}`);
    }
    // Every numeric synapse parameter: a number, one value per connection, or a nest.random
    // parameter drawn per connection.
    const spec = synSpec as Record<string, unknown>;
    const values: [string, unknown][] = [['weight', spec.weight ?? synDefaults.weight], ['delay', spec.delay ?? synDefaults.delay]];
    if (plastic) for (const k of Object.keys(STDP_DEFAULTS)) values.push([k, spec[k] ?? synDefaults[k]]);
    for (const [key, v] of values) {
      if (Array.isArray(v)) {
        const len = rule.arrayLength(pre.length, post.length, connSpec);
        if (len === null) throw new NestError('TypeError', rule.arrayShapeError(key, pre.length, post.length, connSpec));
        if (v.length !== len) throw new NestError('ValueError', rule.arrayShapeError(key, pre.length, post.length, connSpec));
      } else if (isRandomSpec(v)) {
        const err = checkRandomSpec(v);
        if (err) throw err;
      } else if (typeof v !== 'number' && typeof v !== 'boolean') {
        throw new NestError('BadProperty', `Cannot handle parameter type. Received ${v === null ? 'NoneType' : typeof v === 'string' ? 'std::string' : typeof v}`);
      }
    }
    const rng = this.rng;
    const valueOf = (v: unknown, p: number): number =>
      Array.isArray(v) ? asNumber(v[p]) : isRandomSpec(v) ? drawParameter(v, rng) : asNumber(v);
    const receptor = synSpec.receptor_type ?? 0;
    const checkSign = plastic && 'Wmax' in spec;

    const expected = expectedConnections(ruleName, pre.length, post.length, connSpec) ?? 0;
    this.checkRoom(
      expected * BYTES_PER_CONNECTION,
      `${count(expected)} more connections (${count(this.connSrc.length + expected)} in all)`,
      'Use fewer neurons, or fewer connections per neuron.',
    );

    // Collect first, commit only if every connection is legal (NEST checks as it goes, but a
    // learner's failed Connect should not leave half a projection behind).
    const made: number[] = [];
    const madeParams: Record<string, number>[] = [];
    rule.connect({
      pre, post, spec: connSpec,
      uniform: () => rng.uniform(),
      emit: (i, j, p) => {
        this.checkConnection(pre[i], post[j], receptor, synapse);
        const w = valueOf(values[0][1], p);
        const d = valueOf(values[1][1], p);
        const derr = checkDelay(d, this.resolution);
        if (derr) throw derr;
        made.push(pre[i], post[j], w, delayToSteps(d, this.resolution));
        if (plastic) {
          const sp: Record<string, number> = {};
          for (let k = 2; k < values.length; k++) sp[values[k][0]] = valueOf(values[k][1], p);
          const err = checkStdpParams(sp, w, checkSign, '');
          if (err) throw err;
          madeParams.push(sp);
        }
      },
    });
    // Longer delays need longer input rings in every neuron.
    let longest = this.maxDelaySteps;
    for (let k = 3; k < made.length; k += 4) if (made[k] > longest) longest = made[k];
    if (longest > this.maxDelaySteps) {
      this.checkRoom(
        this.ringBytes(longest + 1) - this.ringBytes(this.maxDelaySteps + 1) + ((made.length / 4) * BYTES_PER_CONNECTION),
        `a delay of ${this.stepsToMs(longest)} ms (every neuron keeps its input for that long)`,
        'Use shorter delays, or fewer neurons.',
      );
    }
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
      const index = this.connSrc.length;
      this.connSrc.push(src);
      this.connTgt.push(tgt);
      this.connWeight.push(w);
      this.connDelay.push(d);
      this.connPlastic.push(plastic ? this.stdp.add(index, w, d, madeParams[k / 4]) : -1);
      this.connReceptor.push(receptor);
      this.connSyn.push(synIndex);
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

  // ---------------------------------------------------------------- GetConnections

  /**
   * nest.GetConnections(source, target, synapse_model): the matching connections in NEST 3.10's
   * order (probed): by synapse model; within one, first neuron → neuron connections, then those
   * into devices (spike_recorder), then those out of devices (generators, meters); within each
   * group by source id, and for one source in the order they were made.
   */
  getConnections(source: ArrayLike<number> | null, target: ArrayLike<number> | null, synapseModel: string | null): ConnectionList {
    // (from Python, None arrives as undefined)
    const want = synapseModel == null ? -1 : this.models.synapseIndex(synapseModel);
    if (synapseModel != null) {
      const err = checkSynapseModel(synapseModel);
      if (err && want < 0) {
        // a NEST model we do not implement has no connections here
        if (err.nestName !== 'NotAvailableInLocalEngine') throw err;
        return { index: new Int32Array(0), source: new Int32Array(0), target: new Int32Array(0) };
      }
    }
    const srcSet = source == null ? null : new Set(Array.from(source));
    const tgtSet = target == null ? null : new Set(Array.from(target));
    const src = this.connSrc.raw, tgt = this.connTgt.raw, syn = this.connSyn.raw;
    const picked: number[] = [];
    for (let c = 0; c < this.connSrc.length; c++) {
      if (srcSet !== null && !srcSet.has(src[c])) continue;
      if (tgtSet !== null && !tgtSet.has(tgt[c])) continue;
      if (want >= 0 && syn[c] !== want) continue;
      picked.push(c);
    }
    const group = (c: number): number => {
      if (NEST_MODELS[this.nodes[src[c] - 1].model].kind !== 'neuron') return 2;
      return NEST_MODELS[this.nodes[tgt[c] - 1].model].kind === 'neuron' ? 0 : 1;
    };
    // synapse models in NEST's id order: static_synapse, stdp_synapse, then copies as made
    const key = picked.map((c) => [syn[c] * 3 + group(c), src[c], c]);
    key.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
    const index = Int32Array.from(key, (k) => k[2]);
    return { index, source: index.map((c) => src[c]), target: index.map((c) => tgt[c]) };
  }

  /** Status dicts of connections (by index, as getConnections returned them). */
  getConnectionStatus(index: ArrayLike<number>): Record<string, unknown>[] {
    const ports = this.connectionPorts();
    const out: Record<string, unknown>[] = [];
    for (let k = 0; k < index.length; k++) {
      const c = this.connection(index[k]);
      const pid = this.connPlastic.raw[c];
      const d: Record<string, unknown> = {
        delay: this.stepsToMs(this.connDelay.raw[c]),
        port: ports[c],
        receptor: this.connReceptor.raw[c],
        // what NEST 3.10 reports (its model id and C++ object size), for programs that print it
        sizeof: pid >= 0 ? 96 : 32,
        source: this.connSrc.raw[c],
        synapse_id: synapseModelId(this.connSyn.raw[c]),
        synapse_model: this.models.synapseNames[this.connSyn.raw[c]],
        target: this.connTgt.raw[c],
        target_thread: 0,
        weight: this.connWeight.raw[c],
      };
      if (pid >= 0) Object.assign(d, this.stdp.status(pid));
      out.push(d);
    }
    return out;
  }

  /**
   * The same values as getConnectionStatus, one column per key (numbers as a Float64Array,
   * synapse_model as strings): what SynapseCollection.get('weight') needs for a large network
   * without building a dict per connection. Keys no connection has are left out.
   */
  getConnectionColumns(index: ArrayLike<number>, keys: string[]): Record<string, Float64Array | string[]> {
    const n = index.length;
    const out: Record<string, Float64Array | string[]> = {};
    const rows = Array.from({ length: n }, (_, k) => this.connection(index[k]));
    const plastic = this.connPlastic.raw;
    const ports = keys.includes('port') ? this.connectionPorts() : null;
    for (const key of keys) {
      if (key === 'synapse_model') {
        out[key] = rows.map((c) => this.models.synapseNames[this.connSyn.raw[c]]);
        continue;
      }
      const col = new Float64Array(n);
      let some = false;
      for (let k = 0; k < n; k++) {
        const c = rows[k];
        let v: number | undefined;
        switch (key) {
          case 'weight': v = plastic[c] >= 0 ? this.stdp.get(plastic[c], 'weight') : this.connWeight.raw[c]; break;
          case 'delay': v = this.stepsToMs(this.connDelay.raw[c]); break;
          case 'source': v = this.connSrc.raw[c]; break;
          case 'target': v = this.connTgt.raw[c]; break;
          case 'port': v = ports![c]; break;
          case 'receptor': v = this.connReceptor.raw[c]; break;
          case 'target_thread': v = 0; break;
          case 'sizeof': v = plastic[c] >= 0 ? 96 : 32; break;
          case 'synapse_id': v = synapseModelId(this.connSyn.raw[c]); break;
          default: v = plastic[c] >= 0 && key in STDP_DEFAULTS ? this.stdp.get(plastic[c], key) : undefined;
        }
        if (v === undefined) {
          some = false;
          break;
        }
        col[k] = v;
        some = true;
      }
      if (some || n === 0) out[key] = col;
    }
    return out;
  }

  /** SynapseCollection.set: one dict for all, or one dict per connection. */
  setConnectionStatus(index: ArrayLike<number>, params: Params | Params[]): void {
    if (Array.isArray(params) && params.length !== index.length) {
      throw new NestError('BadProperty', 'The number of parameter dictionaries must match the number of connections.');
    }
    const ports = this.connectionPorts();
    for (let k = 0; k < index.length; k++) {
      const c = this.connection(index[k]);
      const p = (Array.isArray(params) ? params[k] : params) as Record<string, unknown>;
      const pid = this.connPlastic.raw[c];
      const model = this.models.synapseNames[this.connSyn.raw[c]];
      const allowed = ['weight', 'delay', ...(pid >= 0 ? Object.keys(STDP_DEFAULTS) : [])];
      const unknown = Object.keys(p).filter((key) => !allowed.includes(key)).sort();
      if (unknown.length > 0) {
        throw new NestError('UnaccessedDictionaryEntry', `Unaccessed elements in params, in function connection.set(): ${unknown.map((x) => ' ' + x).join('')}`);
      }
      for (const [key, v] of Object.entries(p)) {
        if (typeof v !== 'number' && typeof v !== 'boolean') {
          const what = isRandomSpec(v) ? 'std::shared_ptr<nest::Parameter>' : typeof v === 'string' ? 'std::string' : 'unknown';
          throw new NestError('TypeMismatch', `Expected datatype: Failed to cast '${key}' from ${what} to type double.`);
        }
      }
      if ('delay' in p) {
        const derr = checkDelay(asNumber(p.delay), this.resolution);
        if (derr) throw derr;
        this.connDelay.raw[c] = delayToSteps(asNumber(p.delay), this.resolution);
        if (pid >= 0) this.stdp.set(pid, 'delay', this.connDelay.raw[c]);
        this.updateDelayExtrema();
      }
      if ('weight' in p) {
        this.connWeight.raw[c] = asNumber(p.weight);
        if (pid >= 0) this.stdp.set(pid, 'weight', asNumber(p.weight));
      }
      if (pid >= 0) {
        // as NEST: the values are taken, then checked
        for (const key of Object.keys(STDP_DEFAULTS)) if (key in p) this.stdp.set(pid, key, asNumber(p[key]));
        const prefix = `Setting status of '${model}' connecting from node ID ${this.connSrc.raw[c]} to node ID ${this.connTgt.raw[c]} via port ${ports[c]}: `;
        const st = this.stdp.status(pid);
        const err = checkStdpParams(st, st.weight, 'Wmax' in p || 'weight' in p, prefix);
        if (err) throw err;
      }
    }
    this.wiringDirty = true;
  }

  private connection(c: number): number {
    if (!Number.isInteger(c) || c < 0 || c >= this.connSrc.length) {
      throw new NestError('KernelException', 'The connection does not exist any more (the network was reset).');
    }
    return c;
  }

  /** NEST's "port" of each connection: its position among the connections of its synapse model. */
  private connectionPorts(): Int32Array {
    if (this.portsCache !== null && this.portsCache.length === this.connSrc.length) return this.portsCache;
    const ports = new Int32Array(this.connSrc.length);
    for (const model of this.models.synapseNames) {
      const list = this.getConnections(null, null, model).index;
      for (let k = 0; k < list.length; k++) ports[list[k]] = k;
    }
    this.portsCache = ports; // connections are only ever added (ResetKernel clears the cache)
    return ports;
  }

  private updateDelayExtrema(): void {
    const d = this.connDelay.raw;
    let lo = Infinity, hi = -Infinity;
    for (let c = 0; c < this.connDelay.length; c++) {
      if (d[c] < lo) lo = d[c];
      if (d[c] > hi) hi = d[c];
    }
    if (this.connDelay.length > 0) {
      this.minDelaySteps = lo;
      this.maxDelaySteps = hi;
    }
  }

  /** Which node may send what to which (NEST's IllegalConnection texts). */
  private checkConnection(src: number, tgt: number, receptor: number, synapse: string): void {
    const s = this.nodes[src - 1], t = this.nodes[tgt - 1];
    const sKind = NEST_MODELS[s.model].kind, tKind = NEST_MODELS[t.model].kind;
    const isMeter = s.model === 'voltmeter' || s.model === 'multimeter';
    if (synapse === 'stdp_synapse') {
      // NEST 3.10's texts (probed): devices cannot send through an stdp_synapse, and only
      // neurons keep the spike history it needs
      if (sKind === 'generator') {
        const what = CURRENT_SOURCES.includes(s.model) ? 'current' : 'spike';
        throw new NestError('IllegalConnection', ILLEGAL + `The target node or synapse model does not support ${what} input.`);
      }
      if (sKind === 'neuron' && tKind !== 'neuron') throw new NestError('IllegalConnection', ILLEGAL + 'The target node does not support STDP synapses.');
    }
    if (s.model === 'spike_recorder') {
      throw new NestError('IllegalConnection', ILLEGAL + 'Source node does not send output.\n  Note that recorders must be connected as Connect(neuron, recorder).');
    }
    if (isMeter) {
      // a noise_generator's current I can be recorded too
      const loggable = (tKind === 'neuron' || t.model === 'noise_generator') && NEST_MODELS[t.model].recordables;
      if (!loggable) throw new NestError('IllegalConnection', ILLEGAL + 'The target node or synapse model does not support data logging requests.');
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
    // parrot_neuron's port 1: spikes there are not repeated (NEST's way to drive STDP by hand)
    if (receptor === 1 && t.model === 'parrot_neuron' && !isMeter) return;
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
    for (const dev of this.devices) if (dev instanceof NoiseGenerator) dev.setTargets(this.spikeTargets[dev.id].local.length);
  }

  private buildTargets(): void {
    const nNodes = this.nodes.length;
    const nConn = this.connSrc.length;
    const src = this.connSrc.raw, tgt = this.connTgt.raw, w = this.connWeight.raw, d = this.connDelay.raw;
    // Count, per source, the connections to neurons and to spike recorders.
    const toNeuron = new Int32Array(nNodes + 2);
    const toRecorder = new Int32Array(nNodes + 2);
    const plasticOf = this.connPlastic.raw;
    const receptorOf = this.connReceptor.raw;
    for (let c = 0; c < nConn; c++) {
      // a parrot's port 1 takes no spikes to repeat: such static connections deliver nothing
      if (this.isMeter(src[c]) || plasticOf[c] >= 0 || receptorOf[c] !== 0) continue;
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
      out.plastic = null;
      out.history = null;
      return out;
    });
    this.buildPlastic();
    const fill = new Int32Array(nNodes + 2);
    const recFill = new Int32Array(nNodes + 2);
    const taps: { meter: Multimeter; local: number; pop: number; id: number }[] = [];
    for (const m of this.meters) m.targets.length = 0;
    for (const dev of this.devices) if (dev instanceof NoiseGenerator) dev.meters = [];
    for (let c = 0; c < nConn; c++) {
      const s = src[c], t = tgt[c];
      const sRef = this.nodes[s - 1], tRef = this.nodes[t - 1];
      if (this.isMeter(s)) {
        const meter = this.devices[sRef.index] as Multimeter;
        meter.targets.push(t);
        const dev = NEST_MODELS[tRef.model].kind === 'neuron' ? null : this.devices[tRef.index];
        if (dev instanceof NoiseGenerator) dev.meters.push(meter);
        else taps.push({ meter, local: tRef.local, pop: tRef.index, id: t });
        continue;
      }
      if (plasticOf[c] >= 0 || receptorOf[c] !== 0) continue; // plastic: in buildPlastic's lists
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

  /**
   * The stdp_synapse connections, apart from the static ones: per source population a CSR
   * table of plastic ids, per target population the spike history (only its targeted neurons
   * keep one) and, per neuron, the plastic ids into it (to know which history entries may go).
   */
  private buildPlastic(): void {
    const st = this.stdp;
    const n = st.length;
    this.plasticIn = this.pops.map(() => null);
    if (n === 0) return;
    const src = this.connSrc.raw, tgt = this.connTgt.raw;
    const connOf = (id: number) => st.connAt(st.row(id));
    const counts = this.pops.map((pop) => new Int32Array(pop.n + 1));
    for (let id = 0; id < n; id++) {
      const sRef = this.nodes[src[connOf(id)] - 1];
      counts[sRef.index][sRef.local + 1]++;
    }
    // Rows in CSR order (population by population, neuron by neuron), so that one spike's
    // connections are consecutive rows: base[p] is population p's first row.
    const base = new Int32Array(this.pops.length + 1);
    this.pops.forEach((pop, p) => {
      const offsets = counts[p];
      for (let i = 0; i < pop.n; i++) offsets[i + 1] += offsets[i];
      base[p + 1] = base[p] + offsets[pop.n];
    });
    const order = new Int32Array(n);
    const fillAt = this.pops.map((pop) => new Int32Array(pop.n));
    for (let id = 0; id < n; id++) {
      const sRef = this.nodes[src[connOf(id)] - 1];
      order[base[sRef.index] + counts[sRef.index][sRef.local] + fillAt[sRef.index][sRef.local]++] = id;
    }
    st.reorder(order);
    const inLists: number[][][] = this.pops.map(() => []);
    this.pops.forEach((pop, p) => {
      const out = this.popOut[p];
      const offsets = counts[p];
      const m = offsets[pop.n];
      if (m === 0) return;
      const plastic: PlasticOut = { offsets, ids: new Int32Array(m), pop: new Int32Array(m), local: new Int32Array(m), silent: new Uint8Array(m) };
      for (let k = 0; k < m; k++) {
        const row = base[p] + k;
        const c = st.connAt(row);
        const tRef = this.nodes[tgt[c] - 1];
        plastic.ids[k] = row;
        plastic.pop[k] = tRef.index;
        plastic.local[k] = tRef.local;
        plastic.silent[k] = this.connReceptor.raw[c] !== 0 ? 1 : 0;
        (inLists[tRef.index][tRef.local] ??= []).push(row);
        const sp = st.status(order[row]);
        if (sp.weight < 0 || sp.Wmax < 0) this.pops[tRef.index].hasInhibitory = true;
      }
      out.plastic = plastic;
    });
    this.pops.forEach((pop, p) => {
      if (inLists[p].length === 0) return;
      // keep the history across rebuilds (it holds the spikes of earlier Simulate calls)
      const history = this.histories[p] ?? new SpikeHistory(pop.n);
      this.histories[p] = history;
      this.popOut[p].history = history;
      this.plasticIn[p] = Array.from({ length: pop.n }, (_, i) => Int32Array.from(inLists[p][i] ?? []));
      for (let i = 0; i < pop.n; i++) if (inLists[p][i]) history.tracked[i] = 1;
    });
  }

  /** NEST's port of every connection, computed once per set of connections. */
  private portsCache: Int32Array | null = null;

  /** Spike histories by population index (null: no plastic connection into it). */
  private histories: (SpikeHistory | null)[] = [];

  /** Deliver a spike of population neuron i (stamp s+1) through its plastic connections. */
  private deliverPlastic(plastic: PlasticOut, i: number, s: number, m: number): void {
    const st = this.stdp;
    const L = this.ringLength;
    const h = this.resolution;
    const stamp = s + 1;
    for (let k = plastic.offsets[i], e = plastic.offsets[i + 1]; k < e; k++) {
      const row = plastic.ids[k];
      const target = this.pops[plastic.pop[k]];
      const j = plastic.local[k];
      const history = this.histories[plastic.pop[k]]!;
      const w = st.onPreSpike(row, stamp, history.times[j], history.kminus[j], history.start[j], h, target.par.tau_minus?.[j] ?? DEFAULT_TAU_MINUS);
      if (plastic.silent[k] === 1) continue; // into a parrot's port 1: only the weight changes
      const d = st.delayAt(row);
      const weight = target.countsSpikes ? 1 : w;
      target.ringFor(weight)[((s + d) % L) * target.n + j] += weight * m;
    }
  }

  /** Drop the history entries of neuron i of population p that no incoming synapse will read. */
  private pruneHistory(p: number, i: number): void {
    const rows = this.plasticIn[p]?.[i];
    if (!rows || rows.length === 0) return;
    const st = this.stdp;
    let oldest = Infinity;
    for (let k = 0; k < rows.length; k++) {
      const t = st.horizonAt(rows[k]);
      if (t < oldest) oldest = t;
    }
    this.histories[p]!.prune(i, oldest);
  }

  /** Send the spikes of this step's spiking neurons along their connections and to recorders. */
  private deliverPopulationSpikes(pop: NeuronPopulation, out: PopOutput, s: number, stamp: number, stampMs: number): void {
    const ns = pop.nSpiked, spiked = pop.spiked, first = pop.first, tSpike = pop.tSpike;
    const L = this.ringLength;
    const { offsets, rings, rowLength, local, weight, delay } = out;
    const mult = pop.multiplicity;
    // (s + delay) % L without a division per connection: delays are below L.
    const slot = s % L;
    for (let k = 0; k < ns; k++) {
      const i = spiked[k];
      tSpike[i] = stampMs;
      const m = mult === null ? 1 : mult[i];
      for (let c = offsets[i], e = offsets[i + 1]; c < e; c++) {
        let q = slot + delay[c];
        if (q >= L) q -= L;
        rings[c][q * rowLength[c] + local[c]] += weight[c] * m;
      }
    }
    if (out.history !== null) {
      const p = this.pops.indexOf(pop);
      const tauMinus = pop.par.tau_minus ?? new Float64Array(pop.n).fill(DEFAULT_TAU_MINUS);
      out.history.record(spiked, ns, stamp, mult, tauMinus, this.resolution, (i) => this.pruneHistory(p, i));
    }
    if (out.plastic !== null) {
      for (let k = 0; k < ns; k++) this.deliverPlastic(out.plastic, spiked[k], s, mult === null ? 1 : mult[spiked[k]]);
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
    const end = this.now + steps;
    this.checkRoom(this.meterBytes(this.now, end), 'the multimeter samples of this run', 'Record fewer neurons, sample less often (a larger interval), or simulate a shorter time.');
    this.prepare();

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
          // Spikes cannot be foreseen: count them as they come.
          if (this.bytesInUse() > this.memoryBudget) {
            for (const rec of this.spikeRecorders) rec.endSlice();
            checkBudget(this.bytesInUse(), 0, `the ${count(this.recordedSpikes())} spikes recorded by ${this.stepsToMs(this.now)} ms`,
              'Record fewer neurons (connect only some of them to the spike_recorder), or simulate a shorter time.', this.memoryBudget);
          }
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

  // ---------------------------------------------------------------- memory (see capacity.ts)

  /** What the network and its recordings take now, as capacity.ts counts it. */
  private bytesInUse(): number {
    let bytes = 0, neurons = 0;
    for (const pop of this.pops) {
      bytes += pop.n * this.neuronBytes(pop.model, Math.max(pop.ringLength, this.maxDelaySteps + 1));
      neurons += pop.n;
    }
    bytes += (this.nodes.length - neurons) * BYTES_PER_DEVICE;
    bytes += this.connSrc.length * BYTES_PER_CONNECTION;
    bytes += this.recordedSpikes() * BYTES_PER_SPIKE;
    for (const m of this.meters) bytes += m.senders.length * bytesPerSample(m.recordFrom.length);
    return bytes;
  }

  private neuronBytes(model: string, ringSlots: number): number {
    return bytesPerNeuron(Object.keys(NEST_MODELS[model].params).length, ringSlots);
  }

  /** The input rings of every neuron at `slots` slots each. */
  private ringBytes(slots: number): number {
    let neurons = 0;
    for (const pop of this.pops) neurons += pop.n;
    return neurons * ringBytesPerNeuron(slots);
  }

  private recordedSpikes(): number {
    let n = 0;
    for (const rec of this.spikeRecorders) n += rec.nEvents;
    return n;
  }

  /** The samples the multimeters will take while steps [from, to) are simulated. */
  private meterBytes(from: number, to: number): number {
    let bytes = 0;
    for (const m of this.meters) {
      const interval = Math.max(1, Math.round(Math.round(asNumber(m.par.interval) * TICS_PER_MS) / this.stepTics));
      const samples = Math.floor(to / interval) - Math.floor(from / interval);
      bytes += m.targets.length * samples * bytesPerSample((m.par.record_from as string[]).length);
    }
    return bytes;
  }

  private checkRoom(more: number, what: string, hint: string): void {
    if (more > 0) checkBudget(this.bytesInUse(), more, what, hint, this.memoryBudget);
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
      } else if (node instanceof NoiseGenerator) {
        if (node.step(s, this.rng)) this.emitNoise(node, s);
        for (const meter of node.meters) {
          if (!meter.active) continue;
          meter.senders.push(node.id);
          meter.times.push(stampMs);
          for (let r = 0; r < meter.recordFrom.length; r++) meter.values[r].push(node.current); // 'I' only
        }
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
    } else if (n >= SPLIT_MIN_TARGETS && sampler.mean < SPLIT_MAX_MEAN) {
      // Poisson splitting: K ~ Poisson(n·mean) events in all, each sent to a target chosen
      // uniformly, gives every target an independent Poisson(mean) count — exactly the
      // distribution of one draw per target, for one random number per event instead of one per
      // target (a Brunel network's drive: 0.2 events per target and step).
      const slot = s % L;
      const events = gen.samplerForAll(n).draw(rng);
      for (let e = 0; e < events; e++) {
        const c = Math.floor(rng.uniform32() * n);
        let q = slot + delay[c];
        if (q >= L) q -= L;
        rings[c][q * rowLength[c] + local[c]] += weight[c];
      }
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

  /** noise_generator: every target its own current. */
  private emitNoise(gen: NoiseGenerator, s: number): void {
    const st = this.spikeTargets[gen.id];
    if (st === NO_TARGETS) return;
    const L = this.ringLength;
    const { rings, rowLength, local, weight, delay } = st;
    const amps = gen.amps;
    for (let c = 0; c < local.length; c++) {
      rings[c][((s + delay[c]) % L) * rowLength[c] + local[c]] += amps[c] * weight[c];
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
