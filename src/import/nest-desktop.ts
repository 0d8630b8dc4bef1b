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
import { t } from '../i18n';
import { stripBidi } from '../plots/bidi';

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
    // names from the file are shown as they are written, without reordering controls (bidi.ts)
    text = stripBidi(text);
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
    if (!num(stop) || !num(start) || !num(step) || step === 0) return t('files.ndArangeNeeds');
    const n = Math.ceil((stop - start) / step);
    if (n > 100_000) return t('files.ndArangeTooMany', { n });
    return Array.from({ length: Math.max(0, n) }, (_, k) => start + k * step);
  }
  const { start, stop, num: count = 50 } = specs;
  if (!num(start) || !num(stop) || !Number.isInteger(count) || count < 1 || count > 100_000) return t('files.ndLinspaceNeeds');
  if (count === 1) return [start];
  return Array.from({ length: count }, (_, k) => start + (k * (stop - start)) / (count - 1));
}

function readValue(raw: unknown, where: string, problems: Problems): Value | null {
  if (!isObject(raw)) {
    problems.add(t('files.ndParamNotObject', { where }));
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
    problems.add(t('files.ndParamNotNumber', { where, id, value: String(JSON.stringify(raw.value)?.slice(0, 40)) }));
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
      problems.add(t('files.ndParamRange', { where, id, why: values }));
      return null;
    }
    return { kind: 'range', how: type, values, start: values[0] ?? 0, step: values.length > 1 ? values[1] - values[0] : 1 };
  }
  problems.add(t('files.ndParamType', { where, id, type, random: [...RANDOM_TYPES.keys()].join(', ') }));
  return null;
}

function readParams(list: unknown, where: string, problems: Problems, into = new Map<string, Value>()): Map<string, Value> {
  if (list === undefined) return into;
  if (!Array.isArray(list)) {
    problems.add(t('files.ndParamsNotList', { where }));
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

/** A node as every message names it: counted from 1 ("Node 2 (iaf_psc_alpha)"), though the file's
 * connections count from 0 — so a teacher finds it as the second node of the file. */
function nodeWhere(index: number, fileModel: string | null, inSentence = false): string {
  if (fileModel === null) return t('files.ndNodeNumber', { n: index + 1 });
  return t(inSentence ? 'files.ndNodeInline' : 'files.ndNode', { n: index + 1, model: stripBidi(fileModel) || t('files.ndNoModel') });
}

function describe(node: Node): string {
  return t('files.ndNodeNamed', { name: node.name, n: node.index + 1, model: node.fileModel });
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
  if (!isNestDesktopProject(data)) return { ok: false, message: t('files.ndNotProject') };
  const file = data as Json;
  const version = String(file.version ?? '');
  if (version && !/^4(\.|$)/.test(version)) {
    return { ok: false, message: t('files.ndVersion', { version: stripBidi(version.slice(0, 20)) }) };
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
      problems.add(t('files.ndCopyUnknown', { name: stripBidi(name), base: stripBidi(base) }));
      continue;
    }
    copies.set(name, { base, params: readParams(m.params, t('files.ndCopyWhere', { name: stripBidi(name) }), problems) });
  }

  const rawNodes = Array.isArray(network.nodes) ? network.nodes : [];
  if (rawNodes.length === 0) problems.add(t('files.ndNoNodes'));
  const counters = new Map<string, number>();
  const nodes: Node[] = [];
  rawNodes.forEach((raw, index) => {
    const n = isObject(raw) ? raw : {};
    const fileModel = String(n.model ?? '');
    const copy = copies.get(fileModel);
    const model = copy?.base ?? fileModel;
    const info = NEST_MODELS[model];
    const type = info ? blockTypeOf(model) : null;
    const where = nodeWhere(index, fileModel);
    if (!info || !type) {
      problems.add(t('files.ndUnknownModel', { where, model: stripBidi(fileModel), models: Object.keys(NEST_MODELS).join(', ') }));
      return;
    }
    if (isObject(n.spatial) && Object.keys(n.spatial).length > 0) {
      problems.add(t('files.ndSpatial', { where }));
    }
    const prefix = CREATORS[type].prefix;
    const k = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, k);
    const name = `${prefix}${k}`;
    if (copy) notes.push(t('files.ndCopyNote', { name, copy: stripBidi(fileModel), model }));
    const params = readParams(n.params, t('files.ndNodeNamed', { name, n: index + 1, model: stripBidi(fileModel) }), problems, new Map(copy?.params));
    const records = Array.isArray(n.records) ? n.records.map((r) => (isObject(r) ? String(r.id) : String(r))) : [];
    const size = n.size === undefined ? 1 : n.size;
    if (!Number.isInteger(size) || (size as number) < 1) problems.add(t('files.ndBadSize', { where, size: String(JSON.stringify(size)).slice(0, 40) }));
    nodes.push({ index, model, fileModel, kind: info.kind, size: Number(size) || 1, params, records, name, varId: `nd_var_${name}` });
  });
  if (problems.list.length) return refuse(problems);

  const connections: Connection[] = [];
  (Array.isArray(network.connections) ? network.connections : []).forEach((raw, index) => {
    const c = isObject(raw) ? raw : {};
    const source = nodes[Number(c.source)];
    const target = nodes[Number(c.target)];
    const where = t('files.ndConnection', { n: index + 1 });
    if (!Number.isInteger(c.source) || !Number.isInteger(c.target) || !source || !target) {
      // the file counts nodes from 0; every message counts them from 1, as "Node 1" above
      const end = (i: unknown) => (Number.isInteger(i) ? nodeWhere(i as number, nodes.find((x) => x.index === i)?.fileModel ?? null, true) : t('files.ndNodeRaw', { raw: String(JSON.stringify(i)).slice(0, 20) }));
      problems.add(t('files.ndBadEnds', { where, source: end(c.source), target: end(c.target), count: rawNodes.length }));
      return;
    }
    const label = t('files.ndConnectionNamed', { n: index + 1, source: source.name, target: target.name });
    const rule = c.rule === undefined ? 'all_to_all' : String(c.rule);
    if (!RULES.some(([, r]) => r === rule)) problems.add(t('files.ndBadRule', { label, rule: stripBidi(rule), rules: RULES.map(([, r]) => r).join(', ') }));
    const ruleParams = readParams(c.params, label, problems);
    const synapse = isObject(c.synapse) ? c.synapse : {};
    const synapseModel = synapse.model === undefined ? 'static_synapse' : String(synapse.model);
    if (synapseModel !== 'static_synapse' && synapseModel !== 'stdp_synapse') problems.add(t('files.ndBadSynapse', { label, model: stripBidi(synapseModel) }));
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
    notes.push(t('files.ndThreads', { n: kernel.localNumThreads }));
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
    const sweepParams = { n: sweep.values.length, model: sweep.generator.model, name: sweep.generator.name, param: sweep.param, how: sweep.how(), neurons: sweep.neurons.name, time, table: sweepTable(sweep) };
    notes.push(
      t('files.ndSweepNote', sweepParams) +
        // measured: 1000 steps of 1000 ms took ~30 s on the local engine (2 cores)
        (sweep.values.length > 100 ? t('files.ndSweepSlow', sweepParams) : ''),
    );
  } else {
    blocks.push({ type: 'nest_simulate', id: 'nd_simulate', inputs: { TIME: shadowOf(uiSliderType('sim_time'), time) } });
  }
  const top = chain(blocks)!;
  const workspace = { blocks: { languageVersion: 0, blocks: [{ ...top, x: 20, y: 20 }] }, variables };
  const name = typeof file.name === 'string' && file.name.trim() ? file.name : 'NEST Desktop project';
  return { ok: true, project: makeProject('nest', stripBidi(name), workspace), notes: notes.map(stripBidi) };
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
  const explain = t('files.ndSweepExplain');
  if (ranged.length > 1) {
    problems.add(t('files.ndSeveralRanges', { list: ranged.map((r) => `${describe(r.node)}: ${r.param}`).join('; '), explain }));
    return null;
  }
  const [{ node, param, v }] = ranged;
  const fail = (why: string) => {
    problems.add(t('files.ndSweepFail', { node: describe(node), param, how: howText(v.values, v.how, v.step), why, explain }));
    return null;
  };
  if (node.kind !== 'generator') return fail(t('files.ndSweepNotGenerator'));
  if (node.size !== v.values.length) return fail(t('files.ndSweepSize', { size: node.size, n: v.values.length }));
  const out = connections.filter((c) => c.source === node || c.target === node);
  if (out.length !== 1 || out[0].source !== node || out[0].rule !== 'one_to_one') return fail(t('files.ndSweepNotOneToOne'));
  const neurons = out[0].target;
  if (neurons.kind !== 'neuron' || neurons.size !== v.values.length) return fail(t('files.ndSweepNotDrive', { n: v.values.length }));
  const others = connections.filter((c) => c !== out[0] && (c.source === neurons || c.target === neurons));
  if (others.some((c) => (c.source === neurons ? c.target.kind !== 'recorder' : c.source.kind !== 'recorder'))) return fail(t('files.ndSweepOthers', { name: neurons.name }));
  const recorder = others.map((c) => (c.source === neurons ? c.target : c.source)).find((r) => r.model === 'spike_recorder');
  if (!recorder) return fail(t('files.ndSweepNoRecorder', { name: neurons.name }));
  if (connections.some((c) => c.source === recorder && c.target !== neurons) || connections.some((c) => c.target === recorder && c.source !== neurons)) {
    return fail(t('files.ndSweepRecorderOthers', { name: recorder.name }));
  }
  if ([...neurons.params.values()].some((x) => x.kind === 'random')) return fail(t('files.ndSweepRandom', { name: neurons.name }));
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
      problems.add(t('files.ndNoParam', { where, model: node.model, param: stripBidi(param) }));
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
    if (node.size > 1 && !swept) problems.add(t('files.ndStimulusSize', { where, n: node.size }));
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
      if (v.kind === 'random') problems.add(t('files.ndRandomStimulus', { where, param }));
      else if (v.kind === 'list') problems.add(t('files.ndListParam', { where, param, model: node.model }));
      else more.push(paramBlock(param, v, node.model));
    }
    for (const row of rows) {
      const v = node.params.get(row);
      if (v?.kind === 'random') problems.add(t('files.ndRandomStimulus', { where, param: row }));
    }
    if (more.length) inputs.PARAMS = { block: chain(more) };
    return block;
  }
  // recorders
  for (const [param, v] of node.params) {
    if (RECORDER_IGNORED.has(param)) continue;
    if (param === 'interval' && node.model !== 'spike_recorder' && v.kind === 'number') continue;
    problems.add(t('files.ndRecorderParam', { where, param: stripBidi(param) }));
  }
  if (node.size > 1) problems.add(t('files.ndRecorderSize', { where, n: node.size }));
  if (node.model !== 'spike_recorder') {
    const v = node.params.get('interval');
    inputs.interval = paramShadow(node.model, 'interval', v?.kind === 'number' ? v.value : undefined);
  }
  if (node.model === 'multimeter') {
    const records = node.records.length ? node.records : ['V_m'];
    const known = neuronRecordables();
    for (const r of records) {
      if (!known.includes(r)) problems.add(t('files.ndUnknownRecordable', { where, name: stripBidi(r) }));
      else fields[recordableField(r)] = true;
    }
    if (!records.includes('V_m')) fields[recordableField('V_m')] = false;
  }
  return block;
}

function connectBlock(c: Connection, sweep: Sweep | null, problems: Problems): Block {
  const label = t('files.ndConnectionNamed', { n: c.index + 1, source: c.source.name, target: c.target.name });
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
      problems.add(t(v.kind !== 'number' && ruleNumber?.key === param ? 'files.ndRuleParamNumber' : 'files.ndRuleParam', { label, rule: c.rule, param: stripBidi(param) }));
    }
  }
  if (ruleNumber && !(ruleNumber.input in inputs)) problems.add(t('files.ndRuleNeeds', { label, rule: c.rule, key: ruleNumber.key }));
  const stdpKeys = new Set(STDP_PARAMS.map((p) => p.key));
  for (const [param, v] of c.synapseParams) {
    if (param === 'weight' || param === 'delay') continue;
    if (c.synapse === 'stdp_synapse' && stdpKeys.has(param) && v.kind === 'number') inputs[param] = shadowOf(synapseSliderType(param), v.value);
    else problems.add(t(c.synapse === 'static_synapse' ? 'files.ndSynapseParamStatic' : 'files.ndSynapseParam', { label, param: stripBidi(param) }));
  }
  for (const param of ['weight', 'delay'] as const) {
    const v = c.synapseParams.get(param);
    if (v && v.kind !== 'number' && v.kind !== 'random') problems.add(t(param === 'weight' ? 'files.ndWeightKind' : 'files.ndDelayKind', { label }));
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
