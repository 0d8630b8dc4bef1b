/**
 * nest.GetDefaults / nest.SetDefaults / nest.CopyModel: the model defaults a program changed and
 * the models it copied. Behaviour, error classes and texts as real NEST 3.10.0 shows them
 * (probed; see test/fixtures/make_defaults_fixtures.py):
 *  - SetDefaults changes what later Create / Connect start from; ResetKernel forgets it all.
 *  - CopyModel(old, new, params) makes `new` a model of its own (a copy of old's defaults at that
 *    moment); nodes and connections made with it report `new` as their model.
 *  - A CopyModel whose params fail still leaves the copy behind (with old's defaults), as NEST does.
 */
import { NestError } from './api';
import {
  LOCAL_SYNAPSE_MODELS, NEST_MODELS, NEST_NODE_MODEL_NAMES, NEST_SYNAPSE_MODEL_NAMES, NOT_AVAILABLE,
  asNumber, checkDelay, checkParams, cppTypeOf,
} from './models';
import { STDP_DEFAULTS, checkStdpParams } from './stdp';

/** NEST 3.10 has this many built-in models; copies get the ids after them (probed). */
const NEST_NODE_MODEL_COUNT = 106;
const NEST_SYNAPSE_MODEL_COUNT = 77;
/** NEST 3.10's synapse_modelid of the built-in local synapse models (probed). */
const BUILTIN_SYNAPSE_IDS: Record<string, number> = { static_synapse: 29, stdp_synapse: 50 };
/** sizeof of one connection, as NEST 3.10 reports it. */
const SYNAPSE_SIZEOF: Record<string, number> = { static_synapse: 32, stdp_synapse: 96 };

/** The synapse_id NEST gives connections of synapse model number `index` (see synapseNames). */
export function synapseModelId(index: number): number {
  return index < LOCAL_SYNAPSE_MODELS.length
    ? BUILTIN_SYNAPSE_IDS[LOCAL_SYNAPSE_MODELS[index]]
    : NEST_SYNAPSE_MODEL_COUNT + (index - LOCAL_SYNAPSE_MODELS.length);
}

/** Settable synapse defaults of each local synapse model, with NEST's values. */
function builtinSynapseParams(base: string): Record<string, number> {
  return base === 'stdp_synapse' ? { weight: 1, delay: 1, ...STDP_DEFAULTS } : { weight: 1, delay: 1 };
}

function deepCopy<T>(v: T): T {
  return Array.isArray(v) ? (v.map(deepCopy) as T) : v;
}

export class ModelRegistry {
  /** Synapse models by index: the built-in ones in NEST's id order, then copies as made. */
  readonly synapseNames: string[] = [...LOCAL_SYNAPSE_MODELS];
  /** copy name → built-in model */
  private nodeCopies = new Map<string, string>();
  private synapseCopies = new Map<string, string>();
  /** Node model (built-in or copy) → the values that differ from the built-in defaults. */
  private nodeChanges = new Map<string, Record<string, unknown>>();
  /** Synapse model (built-in or copy) → all its settable defaults. */
  private synapseParams = new Map<string, Record<string, number>>();

  nodeCopyNames(): string[] { return [...this.nodeCopies.keys()]; }
  synapseCopyNames(): string[] { return [...this.synapseCopies.keys()]; }

  /** The built-in model behind a copy (undefined: not a copy). */
  nodeBase(name: string): string | undefined { return this.nodeCopies.get(name); }
  synapseBase(name: string): string | undefined { return this.synapseCopies.get(name); }

  /** The changed defaults of a node model, or undefined when it has NEST's own. */
  nodeDefaults(name: string): Record<string, unknown> | undefined { return this.nodeChanges.get(name); }

  /** Index of a synapse model in synapseNames, -1 if there is none of that name. */
  synapseIndex(name: string): number { return this.synapseNames.indexOf(name); }

  private isNodeModel(name: string): boolean { return name in NEST_MODELS || this.nodeCopies.has(name); }
  private isSynapseModel(name: string): boolean {
    return LOCAL_SYNAPSE_MODELS.includes(name) || this.synapseCopies.has(name);
  }

  /** NEST's error for a name GetDefaults / SetDefaults cannot find. */
  private unknownComponent(name: string): NestError {
    if (NEST_NODE_MODEL_NAMES.includes(name) || NEST_SYNAPSE_MODEL_NAMES.includes(name)) {
      return new NestError(NOT_AVAILABLE, `'${name}' is a NEST model, but it is not available in the local engine (yet) — run this program on NEST Server`);
    }
    return new NestError('UnknownComponent', `${name} is not a known component.`);
  }

  /** The settable defaults of a synapse model (weight, delay, and the stdp parameters). */
  getSynapseParams(name: string): Record<string, number> {
    const base = this.synapseCopies.get(name) ?? name;
    return { ...(this.synapseParams.get(name) ?? builtinSynapseParams(base)) };
  }

  /** Every parameter value a new node of this model starts with. */
  private nodeParams(name: string): Record<string, unknown> {
    const base = this.nodeCopies.get(name) ?? name;
    const d: Record<string, unknown> = {};
    for (const [k, p] of Object.entries(NEST_MODELS[base].params)) d[k] = deepCopy(p.default);
    Object.assign(d, deepCopy(this.nodeChanges.get(name) ?? {}));
    return d;
  }

  /**
   * nest.GetDefaults(model). Keys NEST 3.10 has but the local engine cannot know are left out:
   * for nodes model_id of built-in models, elementsize, available / capacity / instantiations
   * (memory pools), the structural-plasticity and calcium entries (Ca, beta_Ca, tau_Ca,
   * synaptic_elements), archiver_length, post_trace, tau_minus_triplet, the ignore_and_spike
   * options and node_uses_wfr, and a recorder's events; for synapses weight_recorder (the facade
   * adds an empty NodeCollection, as NEST shows).
   */
  getDefaults(name: string, numConnections: (index: number) => number): Record<string, unknown> {
    if (this.isSynapseModel(name)) {
      const base = this.synapseCopies.get(name) ?? name;
      const index = this.synapseIndex(name);
      return {
        ...this.getSynapseParams(name),
        element_type: 'synapse',
        has_delay: true,
        num_connections: numConnections(index),
        receptor_type: 0,
        requires_symmetric: false,
        sizeof: SYNAPSE_SIZEOF[base],
        synapse_model: name,
        synapse_modelid: synapseModelId(index),
      };
    }
    if (!this.isNodeModel(name)) throw this.unknownComponent(name);
    const base = this.nodeCopies.get(name) ?? name;
    const info = NEST_MODELS[base];
    const d = this.nodeParams(name);
    d.element_type = info.kind === 'generator' ? 'stimulator' : info.kind;
    if (info.recordables) d.recordables = [...info.recordables];
    if (info.kind === 'neuron') d.t_spike = -1;
    if (info.kind === 'recorder') d.n_events = 0;
    d.model = name;
    d.type_id = base;
    const copy = [...this.nodeCopies.keys()].indexOf(name);
    if (copy >= 0) d.model_id = NEST_NODE_MODEL_COUNT + copy;
    d.global_id = 0;
    d.frozen = false;
    d.local = true;
    d.thread = -1;
    d.thread_local_id = -1;
    d.vp = -1;
    return d;
  }

  /** Node defaults for checkParams' `current` (every parameter's value). */
  getNodeDefaults(name: string, _resolution: number): Record<string, unknown> {
    return this.nodeParams(name);
  }

  /** nest.SetDefaults(model, params): checked as NEST checks them, then kept. */
  setDefaults(name: string, params: Record<string, unknown>, resolution: number): void {
    if (this.isSynapseModel(name)) {
      this.setSynapseDefaults(name, params, resolution);
      return;
    }
    if (!this.isNodeModel(name)) throw this.unknownComponent(name);
    const base = this.nodeCopies.get(name) ?? name;
    const err = checkParams(base, params, undefined, this.nodeParams(name), resolution);
    if (err) {
      if (err.nestName === 'BadProperty') throw new NestError('BadProperty', `Setting status of model '${name}': ${err.message}`);
      if (err.nestName === 'UnaccessedDictionaryEntry') {
        throw new NestError(err.nestName, err.message.replace('NodeManager::set_status', 'ModelManager::set_node_defaults_'));
      }
      throw err;
    }
    const changes = { ...(this.nodeChanges.get(name) ?? {}) };
    for (const [k, v] of Object.entries(params)) changes[k] = deepCopy(v);
    this.nodeChanges.set(name, changes);
  }

  private setSynapseDefaults(name: string, params: Record<string, unknown>, resolution: number): void {
    const current = this.getSynapseParams(name);
    const unknown = Object.keys(params).filter((k) => !(k in current)).sort();
    if (unknown.length > 0) {
      throw new NestError('UnaccessedDictionaryEntry', `Unaccessed elements in params, in function ModelManager::set_synapse_defaults_: ${unknown.map((k) => ' ' + k).join('')}`);
    }
    for (const [k, v] of Object.entries(params)) {
      if (typeof v !== 'number' && typeof v !== 'boolean') {
        throw new NestError('TypeMismatch', `Expected datatype: Failed to cast '${k}' from ${cppTypeOf(v)} to type double.`);
      }
      current[k] = asNumber(v);
    }
    if ('delay' in params) {
      const err = checkDelay(current.delay, resolution);
      if (err) throw err;
    }
    if ((this.synapseCopies.get(name) ?? name) === 'stdp_synapse') {
      // (NEST keeps the values even when this check fails; here a failed SetDefaults changes nothing)
      const err = checkStdpParams(current, current.weight, true, '');
      if (err) throw err;
    }
    this.synapseParams.set(name, current);
  }

  /** nest.CopyModel(old, new, params). */
  copyModel(old: string, name: string, params: Record<string, unknown> | undefined, resolution: number): void {
    const taken = NEST_NODE_MODEL_NAMES.includes(name) || NEST_SYNAPSE_MODEL_NAMES.includes(name)
      || this.isNodeModel(name) || this.isSynapseModel(name);
    if (taken) throw new NestError('NewModelNameExists', `Model ${name} is the name of an existing model and cannot be re-used.`);
    if (this.isSynapseModel(old)) {
      this.synapseCopies.set(name, this.synapseCopies.get(old) ?? old);
      this.synapseNames.push(name);
      this.synapseParams.set(name, this.getSynapseParams(old));
    } else if (this.isNodeModel(old)) {
      this.nodeCopies.set(name, this.nodeCopies.get(old) ?? old);
      const changes = this.nodeChanges.get(old);
      if (changes) this.nodeChanges.set(name, deepCopy({ ...changes }));
    } else if (NEST_NODE_MODEL_NAMES.includes(old) || NEST_SYNAPSE_MODEL_NAMES.includes(old)) {
      throw this.unknownComponent(old);
    } else {
      throw new NestError('UnknownModelName', `${old} is not a known model name.`);
    }
    if (params && Object.keys(params).length > 0) this.setDefaults(name, params, resolution);
  }
}
