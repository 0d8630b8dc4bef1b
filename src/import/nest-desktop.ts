/**
 * NEST Desktop 4.x project files → a Spikeblocks NEST project, so course material made there opens
 * as blocks. The file format is NEST Desktop's (see ../shared/reference/nest-desktop.md): nodes,
 * connections referring to nodes by index, parameters as {id, value[, type]}, kernel settings
 * and the simulated time. The blocks written are the ones the toolbox gives, in one stack:
 * simulation settings, the nodes in file order, the connections, simulate.
 *
 * What the blocks cannot say is refused with a message naming the node (by the name NEST Desktop
 * and the blocks both give it: n1, pg1, sr1 …) and the parameter, and nothing is opened — a
 * half-converted network would simulate something else without saying so. One NEST Desktop idiom
 * is translated rather than refused: a generator of n nodes whose parameter is np.arange or
 * np.linspace, driving n neurons one to one (its "f–I curve" example), becomes one generator whose
 * parameter a loop sweeps, with each step's firing rate in a result table — the blocks' own way of
 * drawing an f–I curve (blocks/examples/fi-curve.json).
 */
import { CREATORS, weightUnitLabel } from '../../blocks/nest/catalog';
import { NUMBER_TYPE, paramShadow, shadowOf, uiSliderType, COUNT_TYPE, SEED_TYPE } from '../../blocks/nest/common';
import { RULE_NUMBERS, RULES } from '../../blocks/nest/connections';
import { NEURON_MODELS, rowsOf } from '../../blocks/nest/neurons';
import { RANDOM_KINDS } from '../../blocks/nest/random';
import { neuronRecordables, recordableField } from '../../blocks/nest/recorders';
import { STIMULUS_BLOCKS } from '../../blocks/nest/stimuli';
import { STDP_PARAMS, synapseSliderType } from '../../blocks/nest/synapses';
import { NEST_MODELS } from '../../workers/engine/nest/models';
import { MAX_PROJECT_BYTES, makeProject, type Project } from '../storage/project';

export type NestDesktopImport = { ok: true; project: Project; notes: string[] } | { ok: false; message: string };

type Json = Record<string, unknown>;
type Block = Json & { type: string };

const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);
const num = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** A NEST Desktop project: its top level has a network and a simulation, and no Spikeblocks marker. */
export function isNestDesktopProject(data: unknown): boolean {
  return isObject(data) && !('format' in data) && isObject(data.network) && isObject(data.simulation);
}

/** What one parameter of the file says. */
type Value =
  | { kind: 'number'; value: number }
  | { kind: 'list'; values: number[] }
  | { kind: 'random'; type: string; args: Record<string, number> }
  | { kind: 'range'; how: string; values: number[]; start: number; step: number };

/** A node as the converter knows it. */
interface Node {
  index: number;
  /** the model the blocks create (a copied model's base model) */
  model: string;
  /** the model named in the file (a copied model's new name, or the same) */
  fileModel: string;
  kind: 'neuron' | 'generator' | 'recorder';
  size: number;
  params: Map<string, Value>;
  records: string[];
  name: string;
  varId: string;
}

/** Problems are collected and shown together: a teacher fixes a file once, not once per message. */
class Problems {
  readonly list: string[] = [];
  add(text: string): void {
    if (!this.list.includes(text)) this.list.push(text);
  }
}

/** NEST Desktop's random types and the blocks that draw the same numbers (nest.random.*). */
const RANDOM_TYPES = new Map(RANDOM_KINDS.map((k) => [`random.${k.fn}`, k]));

const RECORDER_IGNORED = new Set(['label', 'record_to', 'time_in_steps']);

/** The row inputs of a stimulus block (its own parameters), by block type. */
const STIMULUS_ROWS: Record<string, string[]> = Object.fromEntries(
  STIMULUS_BLOCKS.map((b) => [
    b.type,
    Object.entries(b)
      .filter(([k]) => k.startsWith('args'))
      .flatMap(([, args]) => args as { type: string; name: string }[])
      .filter((a) => a.type === 'input_value')
      .map((a) => a.name),
  ]),
);
/** List parameters that are text fields of their stimulus block. */
const LIST_FIELDS: Record<string, Record<string, string>> = {
  spike_generator: { spike_times: 'TIMES' },
  step_current_generator: { amplitude_times: 'TIMES', amplitude_values: 'VALUES' },
};

function blockTypeOf(model: string): string | null {
  if (NEURON_MODELS.includes(model)) return 'nest_population';
  return Object.entries(CREATORS).find(([, c]) => c.model === model)?.[0] ?? null;
}

/** np.arange(start, stop, step) and np.linspace(start, stop, num) as numpy computes them. */
function rangeValues(how: string, specs: Record<string, number>): number[] | string {
  if (how === 'np.arange') {
    const { start = 0, stop, step = 1 } = specs;
    if (!num(stop) || !num(start) || !num(step) || step === 0) return 'np.arange needs numbers start, stop and a step that is not 0';
    const n = Math.ceil((stop - start) / step);
    if (n > 100_000) return `np.arange gives ${n} values: more than a class network has`;
    return Array.from({ length: Math.max(0, n) }, (_, k) => start + k * step);
  }
  const { start, stop, num: count = 50 } = specs;
  if (!num(start) || !num(stop) || !Number.isInteger(count) || count < 1 || count > 100_000) return 'np.linspace needs numbers start, stop and a whole number num between 1 and 100000';
  if (count === 1) return [start];
  return Array.from({ length: count }, (_, k) => start + (k * (stop - start)) / (count - 1));
}

function readValue(raw: unknown, where: string, problems: Problems): Value | null {
  if (!isObject(raw)) {
    problems.add(`${where}: a parameter entry is not an object.`);
    return null;
  }
  const id = String(raw.id);
  const type = isObject(raw.type) ? String(raw.type.id ?? 'constant') : 'constant';
  const specs: Record<string, number> = {};
  if (isObject(raw.type) && Array.isArray(raw.type.specs)) {
    for (const s of raw.type.specs) if (isObject(s) && typeof s.id === 'string' && num(s.value)) specs[s.id] = s.value;
  }
  if (type === 'constant') {
    if (num(raw.value)) return { kind: 'number', value: raw.value };
    if (typeof raw.value === 'boolean') return { kind: 'number', value: raw.value ? 1 : 0 };
    if (Array.isArray(raw.value) && raw.value.every(num)) return { kind: 'list', values: raw.value };
    problems.add(`${where}: parameter ${id} has the value ${JSON.stringify(raw.value)?.slice(0, 40)}, which is not a number.`);
    return null;
  }
  const random = RANDOM_TYPES.get(type);
  if (random) {
    const args: Record<string, number> = {};
    for (const a of random.args) args[a.name] = specs[a.name] ?? a.default;
    return { kind: 'random', type: random.type, args };
  }
  if (type === 'np.arange' || type === 'np.linspace') {
    const values = rangeValues(type, specs);
    if (typeof values === 'string') {
      problems.add(`${where}: parameter ${id}: ${values}.`);
      return null;
    }
    return { kind: 'range', how: type, values, start: values[0] ?? 0, step: values.length > 1 ? values[1] - values[0] : 1 };
  }
  problems.add(`${where}: parameter ${id} is of the type "${type}", which the blocks cannot express (they take numbers, np.arange or np.linspace sweeps, and ${[...RANDOM_TYPES.keys()].join(', ')}).`);
  return null;
}

function readParams(list: unknown, where: string, problems: Problems, into = new Map<string, Value>()): Map<string, Value> {
  if (list === undefined) return into;
  if (!Array.isArray(list)) {
    problems.add(`${where}: "params" is not a list.`);
    return into;
  }
  for (const p of list) {
    // NEST Desktop passes only the parameters shown on the node (visible) to NEST
    if (isObject(p) && p.visible === false) continue;
    const v = readValue(p, where, problems);
    if (v && isObject(p)) into.set(String(p.id), v);
  }
  return into;
}

const numberShadow = (value: number) => shadowOf(NUMBER_TYPE, value);

function randomBlock(v: Extract<Value, { kind: 'random' }>): Block {
  return { type: v.type, inputs: Object.fromEntries(Object.entries(v.args).map(([k, x]) => [k, numberShadow(x)])) };
}

/** An input holding a number (in the given shadow) or a random block over the default shadow. */
function valueInput(v: Value | undefined, shadow: (value?: number) => { shadow: Json }): Json {
  if (v?.kind === 'random') return { ...shadow(), block: randomBlock(v) };
  if (v?.kind === 'range') return shadow(v.start);
  return shadow(v?.kind === 'number' ? v.value : undefined);
}

function chain(blocks: Block[]): Json | undefined {
  let next: Json | undefined;
  for (let i = blocks.length - 1; i >= 0; i--) {
    const b = { ...blocks[i] };
    if (next) b.next = { block: next };
    next = b;
  }
  return next;
}

function paramBlock(param: string, v: Value, model: string): Block {
  return { type: 'nest_param', fields: { PARAM: param }, inputs: { VALUE: valueInput(v, (x) => paramShadow(model, param, x)) } };
}

function describe(node: Node): string {
  return `${node.name} (node ${node.index + 1}, ${node.fileModel})`;
}

/** The sweep idiom, when the file uses it: generator, swept parameter, neurons, their recorder. */
interface Sweep {
  generator: Node;
  param: string;
  values: number[];
  start: number;
  step: number;
  neurons: Node;
  recorder: Node;
}

interface Connection {
  index: number;
  source: Node;
  target: Node;
  rule: string;
  ruleParams: Map<string, Value>;
  synapse: string;
  synapseParams: Map<string, Value>;
}

export function importNestDesktop(data: unknown): NestDesktopImport {
  if (!isNestDesktopProject(data)) return { ok: false, message: 'This is not a NEST Desktop project (it has no "network" and "simulation").' };
  const file = data as Json;
  const version = String(file.version ?? '');
  if (version && !/^4(\.|$)/.test(version)) {
    return { ok: false, message: `This NEST Desktop project has version "${version.slice(0, 20)}"; Spikeblocks reads NEST Desktop 4.x projects. Open it in NEST Desktop 4 and save it again.` };
  }
  const problems = new Problems();
  const notes: string[] = [];
  const network = file.network as Json;
  const simulation = file.simulation as Json;

  // copied models (nest.CopyModel): the blocks have none, so each node gets its copy's parameters
  const copies = new Map<string, { base: string; params: Map<string, Value> }>();
  for (const m of Array.isArray(network.models) ? network.models : []) {
    if (!isObject(m)) continue;
    const base = String(m.existing ?? m.existingModelId ?? '');
    const name = String(m.new ?? m.newModelId ?? m.id ?? '');
    if (!NEST_MODELS[base]) {
      problems.add(`The copied model "${name}" is a copy of "${base}", a model the blocks do not have.`);
      continue;
    }
    copies.set(name, { base, params: readParams(m.params, `The copied model "${name}"`, problems) });
  }

  const rawNodes = Array.isArray(network.nodes) ? network.nodes : [];
  if (rawNodes.length === 0) problems.add('The network has no nodes.');
  const counters = new Map<string, number>();
  const nodes: Node[] = [];
  rawNodes.forEach((raw, index) => {
    const n = isObject(raw) ? raw : {};
    const fileModel = String(n.model ?? '');
    const copy = copies.get(fileModel);
    const model = copy?.base ?? fileModel;
    const info = NEST_MODELS[model];
    const type = info ? blockTypeOf(model) : null;
    const where = `Node ${index + 1} (${fileModel || 'no model'})`;
    if (!info || !type) {
      problems.add(`${where} uses the model "${fileModel}", which the blocks do not have. Models the blocks have: ${Object.keys(NEST_MODELS).join(', ')}.`);
      return;
    }
    if (isObject(n.spatial) && Object.keys(n.spatial).length > 0) {
      problems.add(`${where} is a spatial node (neurons placed in space, connections by distance); the blocks have no spatial networks.`);
    }
    const prefix = CREATORS[type].prefix;
    const k = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, k);
    const name = `${prefix}${k}`;
    if (copy) notes.push(`${name} used the copied model "${fileModel}": its parameters (copied from ${model}) are on ${name}'s block.`);
    const params = readParams(n.params, `${name} (node ${index + 1}, ${fileModel})`, problems, new Map(copy?.params));
    const records = Array.isArray(n.records) ? n.records.map((r) => (isObject(r) ? String(r.id) : String(r))) : [];
    const size = n.size === undefined ? 1 : n.size;
    if (!Number.isInteger(size) || (size as number) < 1) problems.add(`${where}: its size ${JSON.stringify(size)} is not a whole number ≥ 1.`);
    nodes.push({ index, model, fileModel, kind: info.kind, size: Number(size) || 1, params, records, name, varId: `nd_var_${name}` });
  });
  if (problems.list.length) return refuse(problems);

  const connections: Connection[] = [];
  (Array.isArray(network.connections) ? network.connections : []).forEach((raw, index) => {
    const c = isObject(raw) ? raw : {};
    const source = nodes[Number(c.source)];
    const target = nodes[Number(c.target)];
    const where = `Connection ${index + 1}`;
    if (!Number.isInteger(c.source) || !Number.isInteger(c.target) || !source || !target) {
      problems.add(`${where} refers to nodes ${JSON.stringify(c.source)} → ${JSON.stringify(c.target)}, which the network does not have.`);
      return;
    }
    const label = `${where} (${source.name} → ${target.name})`;
    const rule = c.rule === undefined ? 'all_to_all' : String(c.rule);
    if (!RULES.some(([, r]) => r === rule)) problems.add(`${label} uses the rule "${rule}"; the blocks have ${RULES.map(([, r]) => r).join(', ')}.`);
    const ruleParams = readParams(c.params, label, problems);
    const synapse = isObject(c.synapse) ? c.synapse : {};
    const synapseModel = synapse.model === undefined ? 'static_synapse' : String(synapse.model);
    if (synapseModel !== 'static_synapse' && synapseModel !== 'stdp_synapse') problems.add(`${label} uses the synapse model "${synapseModel}"; the blocks have static_synapse and stdp_synapse.`);
    const synapseParams = readParams(synapse.params, label, problems);
    // the blocks connect a voltmeter or multimeter to the neurons it records (connect vm1 → n1)
    const flip = (target.model === 'voltmeter' || target.model === 'multimeter') && source.kind === 'neuron';
    connections.push({ index, source: flip ? target : source, target: flip ? source : target, rule, ruleParams, synapse: synapseModel, synapseParams });
  });
  if (problems.list.length) return refuse(problems);

  const sweep = findSweep(nodes, connections, problems);
  if (problems.list.length) return refuse(problems);

  const blocks: Block[] = [];
  const kernel = isObject(simulation.kernel) ? simulation.kernel : {};
  const resolution = num(kernel.resolution) ? kernel.resolution : 0.1;
  const seed = num(kernel.rngSeed) && Number.isInteger(kernel.rngSeed) && kernel.rngSeed >= 1 ? kernel.rngSeed : 1;
  if (num(kernel.localNumThreads) && kernel.localNumThreads > 1) {
    notes.push(`NEST Desktop ran it with ${kernel.localNumThreads} threads; the blocks use one, so random numbers (not their statistics) differ from that run.`);
  }
  blocks.push({ type: 'nest_kernel', id: 'nd_kernel', inputs: { RESOLUTION: numberShadow(resolution), SEED: shadowOf(SEED_TYPE, seed) } });

  for (const node of nodes) {
    const block = nodeBlock(node, sweep, problems);
    if (block) blocks.push(block);
  }
  for (const c of connections) blocks.push(connectBlock(c, sweep, problems));
  if (problems.list.length) return refuse(problems);

  const time = num(simulation.time) && simulation.time > 0 ? simulation.time : 1000;
  const variables: Json[] = nodes.map((n) => ({ name: n.name, id: n.varId, type: 'nest_node' }));
  if (sweep) {
    blocks.push(...sweepBlocks(sweep, time, variables));
    notes.push(
      `The ${sweep.values.length} ${sweep.generator.model}s of ${sweep.generator.name}, each with its own ${sweep.param} (${sweep.how()}), ` +
        `became one ${sweep.generator.model} whose ${sweep.param} a loop sweeps over the same values, driving one neuron of ${sweep.neurons.name} for ${time} ms each; ` +
        `the firing rate at each value is in the result table "${sweepTable(sweep)}".` +
        // measured: 1000 steps of 1000 ms took ~30 s on the local engine (2 cores)
        (sweep.values.length > 100 ? ` That is ${sweep.values.length} simulations: in this browser they take a while (about half a minute for 1000); a larger step in the loop gives a quicker, coarser curve.` : ''),
    );
  } else {
    blocks.push({ type: 'nest_simulate', id: 'nd_simulate', inputs: { TIME: shadowOf(uiSliderType('sim_time'), time) } });
  }
  const top = chain(blocks)!;
  const workspace = { blocks: { languageVersion: 0, blocks: [{ ...top, x: 20, y: 20 }] }, variables };
  const name = typeof file.name === 'string' && file.name.trim() ? file.name : 'NEST Desktop project';
  return { ok: true, project: makeProject('nest', name, workspace), notes };
}

function refuse(problems: Problems): NestDesktopImport {
  const [first, ...rest] = problems.list;
  return { ok: false, message: rest.length ? `${first}\n${rest.join('\n')}` : first };
}


/** The swept parameter of the sweep idiom in words: "np.arange(1, 1001, 1)". */
function howText(values: number[], how: string, step: number): string {
  const last = values[values.length - 1];
  return how === 'np.arange' ? `np.arange(${values[0]}, ${last + step}, ${step})` : `np.linspace(${values[0]}, ${last}, ${values.length})`;
}

function sweepTable(s: Sweep): string {
  return s.param === 'amplitude' || s.param === 'mean' ? 'f-I curve' : `f-${s.param} curve`;
}

/**
 * The sweep idiom: exactly one node has a range parameter; it is a generator of as many nodes as
 * values, connected one to one to as many neurons, which nothing else drives and which a spike
 * recorder records. Anything else with a range is refused, naming the node and the parameter.
 */
function findSweep(nodes: Node[], connections: Connection[], problems: Problems): (Sweep & { how(): string }) | null {
  const ranged = nodes.flatMap((n) => [...n.params].filter(([, v]) => v.kind === 'range').map(([p, v]) => ({ node: n, param: p, v: v as Extract<Value, { kind: 'range' }> })));
  if (ranged.length === 0) return null;
  const explain = 'The blocks sweep a parameter only as in NEST Desktop\'s f–I curve: one generator with as many nodes as values, connected one_to_one to as many neurons that nothing else drives, recorded by a spike recorder.';
  if (ranged.length > 1) {
    problems.add(`Several parameters are ranges (${ranged.map((r) => `${describe(r.node)}: ${r.param}`).join('; ')}). ${explain}`);
    return null;
  }
  const [{ node, param, v }] = ranged;
  const fail = (why: string) => {
    problems.add(`${describe(node)}: parameter ${param} is ${howText(v.values, v.how, v.step)}, and ${why}. ${explain}`);
    return null;
  };
  if (node.kind !== 'generator') return fail('it is not a generator');
  if (node.size !== v.values.length) return fail(`the node's size (${node.size}) is not the number of values (${v.values.length})`);
  const out = connections.filter((c) => c.source === node || c.target === node);
  if (out.length !== 1 || out[0].source !== node || out[0].rule !== 'one_to_one') return fail('its only connection is not one_to_one to the neurons');
  const neurons = out[0].target;
  if (neurons.kind !== 'neuron' || neurons.size !== v.values.length) return fail(`it does not drive ${v.values.length} neurons`);
  const others = connections.filter((c) => c !== out[0] && (c.source === neurons || c.target === neurons));
  if (others.some((c) => (c.source === neurons ? c.target.kind !== 'recorder' : c.source.kind !== 'recorder'))) return fail(`${neurons.name} is also connected to other neurons or stimuli`);
  const recorder = others.map((c) => (c.source === neurons ? c.target : c.source)).find((r) => r.model === 'spike_recorder');
  if (!recorder) return fail(`no spike recorder records ${neurons.name}`);
  if (connections.some((c) => c.source === recorder && c.target !== neurons) || connections.some((c) => c.target === recorder && c.source !== neurons)) {
    return fail(`${recorder.name} also records other neurons`);
  }
  if ([...neurons.params.values()].some((x) => x.kind === 'random')) return fail(`${neurons.name} has random parameters, which differ from neuron to neuron`);
  return { generator: node, param, values: v.values, start: v.start, step: v.step, neurons, recorder, how: () => howText(v.values, v.how, v.step) };
}

function nodeBlock(node: Node, sweep: Sweep | null, problems: Problems): Block | null {
  const type = blockTypeOf(node.model)!;
  const info = NEST_MODELS[node.model];
  const block: Block = { type, id: `nd_node_${node.name}`, fields: { NAME: { id: node.varId } }, inputs: {} };
  const inputs = block.inputs as Json;
  const fields = block.fields as Json;
  const where = describe(node);
  for (const param of node.params.keys()) {
    if (!(param in info.params) && !(node.kind === 'recorder' && RECORDER_IGNORED.has(param))) {
      problems.add(`${where}: ${node.model} has no parameter "${param}".`);
    }
  }
  const swept = sweep && (sweep.generator === node || sweep.neurons === node);
  if (node.kind === 'neuron') {
    fields.MODEL = node.model;
    inputs.N = shadowOf(COUNT_TYPE, swept ? 1 : node.size);
    const rows = rowsOf(node.model);
    for (const row of rows) inputs[row] = valueInput(node.params.get(row), (x) => paramShadow(node.model, row, x));
    const more = [...node.params].filter(([p]) => !rows.includes(p) && p in info.params).map(([p, v]) => paramBlock(p, v, node.model));
    if (more.length) inputs.PARAMS = { block: chain(more) };
    return block;
  }
  if (node.kind === 'generator') {
    if (node.size > 1 && !swept) problems.add(`${where} has ${node.size} nodes; the blocks' stimuli are single nodes (connect one to many neurons instead).`);
    const rows = STIMULUS_ROWS[type] ?? [];
    const listFields = LIST_FIELDS[node.model] ?? {};
    for (const row of rows) inputs[row] = valueInput(node.params.get(row), (x) => paramShadow(node.model, row, x));
    for (const [param, field] of Object.entries(listFields)) {
      const v = node.params.get(param);
      const values = v?.kind === 'list' ? v.values : v?.kind === 'number' ? [v.value] : [];
      fields[field] = values.join(', ');
    }
    const more: Block[] = [];
    for (const [param, v] of node.params) {
      if (rows.includes(param) || param in listFields || !(param in info.params)) continue;
      if (v.kind === 'random') problems.add(`${where}: parameter ${param} is random; the blocks take random values for neurons and connections only.`);
      else if (v.kind === 'list') problems.add(`${where}: parameter ${param} is a list, which the blocks cannot set on ${node.model}.`);
      else more.push(paramBlock(param, v, node.model));
    }
    for (const row of rows) {
      const v = node.params.get(row);
      if (v?.kind === 'random') problems.add(`${where}: parameter ${row} is random; the blocks take random values for neurons and connections only.`);
    }
    if (more.length) inputs.PARAMS = { block: chain(more) };
    return block;
  }
  // recorders
  for (const [param, v] of node.params) {
    if (RECORDER_IGNORED.has(param)) continue;
    if (param === 'interval' && node.model !== 'spike_recorder' && v.kind === 'number') continue;
    problems.add(`${where}: parameter ${param} of a recorder cannot be set on its block (the blocks record the whole run).`);
  }
  if (node.size > 1) problems.add(`${where} has ${node.size} nodes; a recorder is one node.`);
  if (node.model !== 'spike_recorder') {
    const v = node.params.get('interval');
    inputs.interval = paramShadow(node.model, 'interval', v?.kind === 'number' ? v.value : undefined);
  }
  if (node.model === 'multimeter') {
    const records = node.records.length ? node.records : ['V_m'];
    const known = neuronRecordables();
    for (const r of records) {
      if (!known.includes(r)) problems.add(`${where} records "${r}", which no neuron model of the blocks has.`);
      else fields[recordableField(r)] = true;
    }
    if (!records.includes('V_m')) fields[recordableField('V_m')] = false;
  }
  return block;
}

function connectBlock(c: Connection, sweep: Sweep | null, problems: Problems): Block {
  const label = `Connection ${c.index + 1} (${c.source.name} → ${c.target.name})`;
  const fields: Json = {
    SOURCE: { id: c.source.varId },
    TARGET: { id: c.target.varId },
    RULE: c.rule,
    ALLOW_AUTAPSES: true,
    ALLOW_MULTAPSES: true,
    WEIGHT_UNIT: weightUnitLabel(c.source.model, c.target.model),
    SYNAPSE: c.synapse,
  };
  const inputs: Json = {};
  const ruleNumber = RULE_NUMBERS[c.rule];
  for (const [param, v] of c.ruleParams) {
    if (param === 'allow_autapses' || param === 'allow_multapses') {
      if (v.kind === 'number') fields[param.toUpperCase()] = v.value !== 0;
    } else if (ruleNumber && param === ruleNumber.key && v.kind === 'number') {
      inputs[ruleNumber.input] = numberShadow(v.value);
    } else {
      problems.add(`${label}: the rule ${c.rule} has no parameter "${param}" the blocks can set${v.kind !== 'number' && ruleNumber?.key === param ? ' to anything but a number' : ''}.`);
    }
  }
  if (ruleNumber && !(ruleNumber.input in inputs)) problems.add(`${label}: the rule ${c.rule} needs its ${ruleNumber.key}.`);
  const stdpKeys = new Set(STDP_PARAMS.map((p) => p.key));
  for (const [param, v] of c.synapseParams) {
    if (param === 'weight' || param === 'delay') continue;
    if (c.synapse === 'stdp_synapse' && stdpKeys.has(param) && v.kind === 'number') inputs[param] = shadowOf(synapseSliderType(param), v.value);
    else problems.add(`${label}: the synapse parameter "${param}" cannot be set on a connect block${c.synapse === 'static_synapse' ? ' with a static synapse' : ''}.`);
  }
  for (const param of ['weight', 'delay'] as const) {
    const v = c.synapseParams.get(param);
    if (v && v.kind !== 'number' && v.kind !== 'random') problems.add(`${label}: the ${param} must be a number or random.`);
  }
  inputs.WEIGHT = valueInput(c.synapseParams.get('weight'), (x) => shadowOf(uiSliderType('weight'), x ?? 1));
  inputs.DELAY = valueInput(c.synapseParams.get('delay'), (x) => shadowOf(uiSliderType('delay'), x ?? 1));
  void sweep; // the swept generator's one_to_one connection stays one_to_one: one generator, one neuron
  return { type: 'nest_connect', id: `nd_connect_${c.index + 1}`, fields, inputs };
}

/**
 * for value from first to last by step: change the swept parameter; note the spike count; simulate;
 * add (value, spikes per second of this step) to the result table — as blocks/examples/fi-curve.json.
 */
function sweepBlocks(s: Sweep, time: number, variables: Json[]): Block[] {
  const valueVar = { name: s.param === 'amplitude' ? 'current' : s.param, id: 'nd_var_sweep' };
  const beforeVar = { name: 'spikes_before', id: 'nd_var_before' };
  variables.push(valueVar, beforeVar);
  const get = (v: { id: string }): Block => ({ type: 'variables_get', fields: { VAR: { id: v.id } } });
  const count: Block = { type: 'nest_spike_count', fields: { RECORDER: { id: s.recorder.varId } } };
  const spikes: Block = { type: 'math_arithmetic', fields: { OP: 'MINUS' }, inputs: { A: { block: count }, B: { block: get(beforeVar) } } };
  const rate: Block = time === 1000 ? spikes : { type: 'math_arithmetic', fields: { OP: 'MULTIPLY' }, inputs: { A: { block: spikes }, B: numberShadow(1000 / time) } };
  const last = s.values[s.values.length - 1];
  const body = chain([
    { type: 'nest_set', fields: { PARAM: s.param, TARGET: { id: s.generator.varId } }, inputs: { VALUE: { ...numberShadow(s.start), block: get(valueVar) } } },
    { type: 'variables_set', fields: { VAR: { id: beforeVar.id } }, inputs: { VALUE: { block: { ...count } } } },
    { type: 'nest_simulate', inputs: { TIME: shadowOf(uiSliderType('sim_time'), time) } },
    { type: 'nest_record_result', fields: { TABLE: sweepTable(s) }, inputs: { X: { block: get(valueVar) }, Y: { block: rate } } },
  ]);
  return [
    {
      type: 'controls_for',
      id: 'nd_sweep',
      fields: { VAR: { id: valueVar.id } },
      inputs: { FROM: numberShadow(s.start), TO: numberShadow(last), BY: numberShadow(s.step), DO: { block: body } },
    },
  ];
}

/** A file's text as a NEST Desktop import, or null when it is no NEST Desktop project. */
export function importNestDesktopText(text: string): NestDesktopImport | null {
  // too large for a project: parseProject says so
  if (text.length > MAX_PROJECT_BYTES) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  return isNestDesktopProject(data) ? importNestDesktop(data) : null;
}
