/**
 * The contract between the Python `nest` facade (workers/python/nest) and the TypeScript
 * numeric kernel. The facade owns PyNEST's surface (NodeCollection, argument shapes, Python
 * exceptions); the kernel owns every number and every parameter check, so the blocks can reuse
 * the same checks before a run.
 *
 * Node ids are NEST's global ids: 1-based, consecutive in creation order.
 * All times are in ms, all values in NEST's units.
 */

/** A failure NEST itself would report. `nestName` is NEST's exception class (BadProperty,
 * BadDelay, UnknownModelName, KernelException, BadParameter, IllegalConnection, ...); `message`
 * is NEST 3.10's own text as far as we reproduce it. */
export class NestError extends Error {
  constructor(public readonly nestName: string, message: string) {
    super(message);
    this.name = nestName;
  }
}

/** Thrown out of simulate() when the interrupt check returns true. */
export class SimulationInterrupted extends Error {
  constructor() {
    super('Simulation interrupted');
    this.name = 'KeyboardInterrupt';
  }
}

/** A nest.random parameter as the facade sends it (see random-params.ts). */
export type { RandomSpec } from './random-params';
import type { RandomSpec } from './random-params';

export type ParamValue = number | boolean | string | number[] | string[] | RandomSpec;
export type Params = Record<string, ParamValue>;

export interface ConnSpec {
  rule: 'all_to_all' | 'one_to_one' | string;
  allow_autapses?: boolean;
  allow_multapses?: boolean;
  [key: string]: unknown;
}

export interface SynSpec {
  synapse_model?: string; // default 'static_synapse'
  /** scalar, or per connection: one_to_one → len(pre); all_to_all → post-major matrix flattened
   * row by row, shape len(post) × len(pre) as PyNEST expects. */
  weight?: number | number[] | RandomSpec;
  delay?: number | number[] | RandomSpec;
  receptor_type?: number;
  /** stdp_synapse: tau_plus, lambda, alpha, mu_plus, mu_minus, Wmax, Kplus (same shapes) */
  [key: string]: unknown;
}

/** Recorded events of one recorder. spike_recorder: senders, times. multimeter/voltmeter: senders,
 * times and one array per recordable. */
export type Events = Record<string, Float64Array>;

export interface Kernel {
  /** nest.ResetKernel(): drop every node and connection, kernel status back to defaults. */
  reset(): void;
  /** nest.SetKernelStatus / nest.resolution = ... . Keys: resolution, rng_seed, ... */
  setKernelStatus(params: Params): void;
  /** nest.GetKernelStatus(): resolution, rng_seed, biological_time, min_delay, max_delay,
   * network_size, num_connections, node_models, synapse_models, ... */
  getKernelStatus(): Record<string, unknown>;
  /** nest.Create(model, n, params): returns the first and last global id. A params list gives one
   * dict per node. Throws UnknownModelName / BadProperty. */
  create(model: string, n: number, params?: Params | Params[]): { first: number; last: number };
  /** One status dict per id, as NodeCollection.get() would return for a single node. */
  getStatus(ids: ArrayLike<number>): Record<string, unknown>[];
  /** A single dict applies to all ids; a list gives one dict per id. */
  setStatus(ids: ArrayLike<number>, params: Params | Params[]): void;
  connect(pre: ArrayLike<number>, post: ArrayLike<number>, connSpec: ConnSpec, synSpec: SynSpec): void;
  /** nest.Simulate(t). `shouldStop` is polled often enough that a Stop takes effect within
   * 100 ms; when it returns true, simulate throws SimulationInterrupted. */
  simulate(t: number, shouldStop?: () => boolean): void;
  /** The events a recorder holds (what recorder.events returns in PyNEST). */
  events(id: number): Events;
  /** Number of events (n_events). */
  nEvents(id: number): number;
  /** nest.GetConnections(source, target, synapse_model): connection indices in NEST's order
   * (null: no filter), with their sources and targets. */
  getConnections(source: ArrayLike<number> | null, target: ArrayLike<number> | null, synapseModel: string | null): {
    index: Int32Array; source: Int32Array; target: Int32Array;
  };
  /** SynapseCollection.get(): one status dict per connection index. */
  getConnectionStatus(index: ArrayLike<number>): Record<string, unknown>[];
  /** SynapseCollection.get(keys): the same values, one column per key (numbers as Float64Array). */
  getConnectionColumns(index: ArrayLike<number>, keys: string[]): Record<string, Float64Array | string[]>;
  /** SynapseCollection.set(): one dict for all, or one per connection. */
  setConnectionStatus(index: ArrayLike<number>, params: Params | Params[]): void;
  /** nest.GetDefaults(model): the defaults of a node or synapse model (copies included). */
  getDefaults(model: string): Record<string, unknown>;
  /** nest.SetDefaults(model, params): what later Create / Connect start from. */
  setDefaults(model: string, params: Params): void;
  /** nest.CopyModel(old, new, params): a new model name with old's defaults (and params). */
  copyModel(old: string, name: string, params?: Params): void;
  /** nest.random parameter's GetValue(): one draw from the kernel's stream. */
  drawParameter(spec: RandomSpec): number;
}
