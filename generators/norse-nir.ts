/**
 * Blocks → NIR (the Neuromorphic Intermediate Representation, nir 1.0), as plain data: the
 * network the Norse blocks build, so a learner's network can be opened in Norse, snnTorch, Lava or
 * on a chip. src/export/nir-file.ts turns this data into the HDF5 file `nir.read` loads.
 *
 * What is exported is the network, not the experiment: inputs, encoders and record blocks stay
 * behind. The graph's Input node is what the first layer takes in (one value per neuron per step),
 * and metadata.input names the block that made it in Spikeblocks.
 *
 * From Norse's Euler step (reference: /work/shared/reference/norse.md) to NIR's continuous
 * equations, for a per-step input x held constant during its step of length dt:
 *
 *   Norse LIF          i ← i + x;  v ← v + dt·tau_mem_inv·((v_leak − v) + i);  i ← i·(1 − dt·tau_syn_inv)
 *   NIR CubaLIF        tau_syn·dI/dt = −I + w_in·S;  tau_mem·dv/dt = (v_leak − v) + r·I
 *
 *   Euler on NIR's I with step dt: I ← I + (dt/tau_syn)·(w_in·x − I) = (1 − dt/tau_syn)·I + (dt/tau_syn)·w_in·x.
 *   Norse's current after its jump obeys c ← (1 − dt·tau_syn_inv)·c + x. The two are the same when
 *   tau_syn = 1/tau_syn_inv and w_in = tau_syn/dt (= 1/(dt·tau_syn_inv), 5 with Norse's defaults);
 *   then v follows with tau_mem = 1/tau_mem_inv and r = 1.
 *
 * So w_in carries dt: the NIR file is only Norse's network for that dt, which is why dt is in the
 * metadata. Norse's own to_nir writes tau = dt/tau_inv and leaves w_in at 1; its from_nir reads
 * tau as seconds (tau_inv = 1/tau). This module follows from_nir and NIR's units (seconds).
 *
 * A pure function of the workspace. Anything that cannot be exported faithfully is refused with
 * a message naming the block, never left out silently.
 */
import * as Blockly from 'blockly';
import { DEFAULT_DT, NORSE_LITERAL_TYPES, PARAM_CLASSES, type ParamClass } from '../blocks/norse/common';
import { generateNorse, type Problem } from './norse';
import { parseNumbers } from './python-text';
import { t, type TextKey } from '../src/i18n';

/** A dense array: `data` in row-major order, `shape` its dimensions. */
export interface NirArray {
  dtype: 'float32' | 'int64';
  shape: number[];
  data: number[];
}

export type NirNodeType = 'Input' | 'Output' | 'Linear' | 'CubaLIF' | 'CubaLI' | 'LIF';

export interface NirNode {
  type: NirNodeType;
  /** every parameter as an array (nir.write fails on scalars) */
  params: Record<string, NirArray>;
  /** the block it comes from (none for Input and Output) */
  blockId?: string;
}

export interface NirGraph {
  nodes: Record<string, NirNode>;
  edges: [string, string][];
  /** dt (seconds), where it came from, what the input and outputs are */
  metadata: Record<string, string | number>;
}

/** `leftOut`: inputs and encoders that feed no layer, so are not in the file (warnings to show). */
export type NirExport =
  | { ok: true; graph: NirGraph; leftOut: Problem[] }
  /** `reasons[i]`: problem i without the lead-in its block's warning has (what a notice says) */
  | { ok: false; problems: Problem[]; reasons: string[] };

/** The NIR version this data follows (the nir package's own version is written into the file). */
export const NIR_FORMAT = '1.0';

// ---- reading the blocks --------------------------------------------------------------------------

class Refusal extends Error {
  constructor(readonly block: Blockly.Block, message: string) {
    super(message);
  }
}

function label(block: Blockly.Block, field = 'NAME'): string {
  return block.getField(field)?.getText() ?? '';
}

/** The number plugged into `input`: `fallback` when empty, refused when computed (math blocks). */
function literal(block: Blockly.Block, input: string, what: string, fallback?: number): number {
  const target = block.getInputTargetBlock(input);
  if (!target) {
    if (fallback === undefined) throw new Refusal(block, t('generators.nir.give', { what }));
    return fallback;
  }
  if (!NORSE_LITERAL_TYPES.has(target.type)) {
    throw new Refusal(block, t('generators.nir.computed', { what }));
  }
  const v = Number(target.getFieldValue('NUM'));
  if (!Number.isFinite(v)) throw new Refusal(block, t('generators.nir.notFinite', { what, value: String(v) }));
  return v;
}

/** The parameter values of a layer: Norse's defaults unless its parameter block changes them. */
function parameters(owner: Blockly.Block, cls: ParamClass): Record<string, number> {
  const pblock = owner.getInputTargetBlock('P');
  const out: Record<string, number> = {};
  for (const f of PARAM_CLASSES[cls]) out[f.key] = pblock ? literal(pblock, f.key, f.key, f.default) : f.default;
  return out;
}

/** Where a layer's input comes from: a source outside the network, or a layer's output. */
type Feed =
  | { from: 'source'; name: string; blockId: string; what: string; N: number; upstream: string[] }
  | { from: 'node'; node: string; N: number };

// A source's "what" says in words which block the network's input stands for (in the file's
// metadata, English like the rest of the file; problems say it in the learner's language).
const SOURCE_WORDS: Record<string, string> = {
  norse_constant: 'constant input',
  norse_rand: 'random input (uniform)',
  norse_randn: 'random input (normal)',
  norse_step_current: 'step input',
  norse_spike_train: 'spikes at chosen steps',
  norse_add: 'sum of inputs',
  norse_poisson_encoder: 'Poisson encoder',
  norse_constant_current_encoder: 'constant-current LIF encoder',
  norse_spike_latency_encoder: 'spike-latency LIF encoder',
};
const ENCODER_TYPES = new Set(['norse_poisson_encoder', 'norse_constant_current_encoder', 'norse_spike_latency_encoder']);

/** What a source block is, in the learner's words (for problems). */
function sourceWords(type: string): string {
  const key = `generators.nir.source.${type in SOURCE_WORDS ? type : 'norse_values'}`;
  return t(key as TextKey);
}

class Builder {
  readonly nodes: Record<string, NirNode> = {};
  readonly edges: [string, string][] = [];
  /** variable id → what it stands for */
  readonly parts = new Map<string, Feed | { from: 'vector'; N: number; blockId: string }>();
  /** every input and encoder block, in order, with its name */
  readonly sourceBlocks: { blockId: string; name: string; what: string; type: string }[] = [];
  readonly sources = new Map<string, Extract<Feed, { from: 'source' }>>();
  /** nodes whose output something takes in */
  readonly used = new Set<string>();
  dt = DEFAULT_DT;
  dtSource = "Norse's default (no simulation settings block)";

  /** A node name NIR and nirtorch accept (a Python identifier, not Input/Output's names), unique. */
  nodeName(base: string): string {
    let name = base.replace(/[^A-Za-z0-9_]/g, '_');
    if (!/^[A-Za-z_]/.test(name)) name = `n_${name}`;
    if (name === 'input' || name === 'output') name = `${name}_layer`;
    let unique = name;
    for (let k = 2; unique in this.nodes; k++) unique = `${name}_${k}`;
    return unique;
  }

  /** What a layer's INPUT dropdown names: a source or the output of a layer above. */
  feedOf(block: Blockly.Block, field = 'INPUT'): Feed {
    const id = block.getFieldValue(field);
    const part = id ? this.parts.get(id) : undefined;
    if (!part) throw new Refusal(block, t('generators.nir.nothingToExport', { name: label(block, field) }));
    if (part.from === 'vector') {
      throw new Refusal(block, t('generators.nir.noTimeSteps', { name: label(block, field) }));
    }
    return part;
  }

  connect(feed: Feed, node: string): void {
    if (feed.from === 'node') {
      this.edges.push([feed.node, node]);
      this.used.add(feed.node);
    } else {
      this.sources.set(feed.name, feed);
      this.edges.push([`source:${feed.name}`, node]);
    }
  }

  add(name: string, node: NirNode, feed: Feed, madeBy: Blockly.Block): string {
    const key = this.nodeName(name);
    this.nodes[key] = node;
    this.connect(feed, key);
    this.parts.set(madeBy.getFieldValue('NAME'), { from: 'node', node: key, N: outSize(node) });
    return key;
  }
}

function f32(shape: number[], value: number | ((k: number) => number)): NirArray {
  const n = shape.reduce((a, b) => a * b, 1);
  return { dtype: 'float32', shape, data: Array.from({ length: n }, (_, k) => (typeof value === 'number' ? value : value(k))) };
}

function outSize(node: NirNode): number {
  if (node.type === 'Linear') return node.params.weight.shape[0];
  return (node.params.tau_mem ?? node.params.tau).shape[0];
}

// ---- the mapping, one function per NIR node kind ------------------------------------------------

/** Norse LIF (LIFParameters) → NIR CubaLIF; `scale` (the block's input ×) goes into w_in. */
export function cubaLIF(p: Record<string, number>, N: number, dt: number, scale = 1): NirNode {
  const tauSyn = 1 / p.tau_syn_inv;
  return {
    type: 'CubaLIF',
    params: {
      tau_syn: f32([N], tauSyn),
      tau_mem: f32([N], 1 / p.tau_mem_inv),
      r: f32([N], 1),
      v_leak: f32([N], p.v_leak),
      v_threshold: f32([N], p.v_th),
      v_reset: f32([N], p.v_reset),
      w_in: f32([N], (scale * tauSyn) / dt),
    },
  };
}

/** Norse LI (LIParameters): the same current and membrane, no threshold → NIR CubaLI. */
export function cubaLI(p: Record<string, number>, N: number, dt: number, scale = 1): NirNode {
  const tauSyn = 1 / p.tau_syn_inv;
  return {
    type: 'CubaLI',
    params: {
      tau_syn: f32([N], tauSyn),
      tau_mem: f32([N], 1 / p.tau_mem_inv),
      r: f32([N], 1),
      v_leak: f32([N], p.v_leak),
      w_in: f32([N], (scale * tauSyn) / dt),
    },
  };
}

/**
 * Norse LIFBoxCell (no synaptic current: v ← v + dt·tau_mem_inv·((x + v_leak) − v)) → NIR LIF
 * (tau·dv/dt = (v_leak − v) + r·I): tau = 1/tau_mem_inv, r = 1 (× the block's input factor).
 */
export function lifBox(p: Record<string, number>, N: number, scale = 1): NirNode {
  return {
    type: 'LIF',
    params: {
      tau: f32([N], 1 / p.tau_mem_inv),
      r: f32([N], scale),
      v_leak: f32([N], p.v_leak),
      v_threshold: f32([N], p.v_th),
      v_reset: f32([N], p.v_reset),
    },
  };
}

/** torch.nn.Linear(in, out, bias=False), every weight `w` → NIR Linear, weight of shape (out, in). */
export function linear(inSize: number, outSize: number, w: number): NirNode {
  return { type: 'Linear', params: { weight: f32([outSize, inSize], w) } };
}

// ---- blocks → nodes ------------------------------------------------------------------------------

function checkIn(block: Blockly.Block, feed: Feed, inSize: number, what: string): void {
  if (feed.N !== inSize) throw new Refusal(block, t('generators.nir.inputs', { what, expected: inSize, N: feed.N }));
}

function sourceBlock(block: Blockly.Block, b: Builder): void {
  const id = block.getFieldValue('NAME');
  const what = SOURCE_WORDS[block.type] ?? 'one value per neuron';
  b.sourceBlocks.push({ blockId: block.id, name: label(block), what, type: block.type });
  if (block.type === 'norse_values') {
    b.parts.set(id, { from: 'vector', N: parseNumbers(block.getFieldValue('VALUES') ?? '').values.length, blockId: block.id });
    return;
  }
  let N: number;
  // the blocks this one is made from: they feed the network when this one does
  const upstream: string[] = [];
  const take = (part: Feed | { from: 'vector'; blockId: string } | undefined) => {
    if (part?.from === 'vector') upstream.push(part.blockId);
    else if (part?.from === 'source') upstream.push(part.blockId, ...part.upstream);
  };
  if (ENCODER_TYPES.has(block.type)) {
    const inputId = block.getFieldValue('INPUT');
    const input = inputId ? b.parts.get(inputId) : undefined;
    if (!input) throw new Refusal(block, t('generators.nir.nothingMakes', { name: label(block, 'INPUT') }));
    take(input);
    N = input.N;
  } else if (block.type === 'norse_add') {
    const parts = ['A', 'B'].map((f) => b.parts.get(block.getFieldValue(f)));
    const layer = ['A', 'B'].find((f, k) => parts[k]?.from === 'node');
    if (layer) {
      throw new Refusal(block, t('generators.nir.addsLayer', { name: label(block), layer: label(block, layer) }));
    }
    parts.forEach(take);
    const shaped = parts.find((p) => p && p.from !== 'vector') ?? parts[0];
    if (!shaped) throw new Refusal(block, t('generators.nir.nothingAdded'));
    N = shaped.N;
  } else {
    N = literal(block, 'NEURONS', t('generators.nir.label.neurons'));
  }
  b.parts.set(id, { from: 'source', name: label(block), blockId: block.id, what, N, upstream });
}

function scaleOf(block: Blockly.Block): number {
  return block.getInput('SCALE') ? literal(block, 'SCALE', t('generators.nir.label.scale'), 1) : 1;
}

function layerBlock(block: Blockly.Block, b: Builder): void {
  const feed = b.feedOf(block);
  const name = label(block);
  const scale = scaleOf(block);
  switch (block.type) {
    case 'norse_lif':
      b.add(name, { ...cubaLIF(parameters(block, 'LIFParameters'), feed.N, b.dt, scale), blockId: block.id }, feed, block);
      return;
    case 'norse_li':
      b.add(name, { ...cubaLI(parameters(block, 'LIParameters'), feed.N, b.dt, scale), blockId: block.id }, feed, block);
      return;
    case 'norse_lif_box':
      b.add(name, { ...lifBox(parameters(block, 'LIFBoxParameters'), feed.N, scale), blockId: block.id }, feed, block);
      return;
    case 'norse_linear': {
      const inSize = literal(block, 'IN', t('generators.norse.label.inputsPerStep'));
      checkIn(block, feed, inSize, t('generators.nir.thisLinear'));
      const node = linear(inSize, literal(block, 'OUT', t('generators.norse.label.outputsPerStep')), literal(block, 'WEIGHT', t('generators.norse.label.weight'), 1) * scale);
      b.add(name, { ...node, blockId: block.id }, feed, block);
      return;
    }
    case 'norse_lif_recurrent':
      throw new Refusal(block, t('generators.nir.recurrent', { name }));
    case 'norse_sequential':
      sequenceBlock(block, feed, scale, b);
      return;
  }
}

function sequenceBlock(block: Blockly.Block, feed: Feed, scale: number, b: Builder): void {
  const name = label(block);
  let at: Feed = feed;
  let k = 0;
  let factor = scale; // the sequence's input factor goes into its first layer
  for (let m = block.getInputTargetBlock('LAYERS'); m; m = m.getNextBlock()) {
    if (!m.isEnabled()) continue;
    let node: NirNode;
    if (m.type === 'norse_seq_linear') {
      const inSize = literal(m, 'IN', t('generators.norse.label.inputsPerStep'));
      checkIn(m, at, inSize, t('generators.nir.layerOf', { k, name }));
      node = linear(inSize, literal(m, 'OUT', t('generators.norse.label.outputsPerStep')), literal(m, 'WEIGHT', t('generators.norse.label.weight'), 1) * factor);
    } else if (m.type === 'norse_seq_lif') {
      node = cubaLIF(parameters(m, 'LIFParameters'), at.N, b.dt, factor);
    } else if (m.type === 'norse_seq_li') {
      node = cubaLI(parameters(m, 'LIParameters'), at.N, b.dt, factor);
    } else {
      throw new Refusal(m, t('generators.norse.onlyLayers'));
    }
    factor = 1;
    const key = b.nodeName(`${name}_${k}`);
    b.nodes[key] = { ...node, blockId: m.id };
    b.connect(at, key);
    at = { from: 'node', node: key, N: outSize(node) };
    k++;
  }
  if (k === 0) throw new Refusal(block, t('generators.norse.emptySequence'));
  b.parts.set(block.getFieldValue('NAME'), at);
}

const LAYER_TYPES = new Set(['norse_lif', 'norse_li', 'norse_lif_box', 'norse_linear', 'norse_lif_recurrent', 'norse_sequential']);

function visit(block: Blockly.Block, b: Builder): void {
  if (block.type === 'norse_settings') {
    b.dt = literal(block, 'DT', t('generators.nir.label.dt'), DEFAULT_DT);
    b.dtSource = `simulation settings block (${block.id})`;
  } else if (block.type in SOURCE_WORDS || block.type === 'norse_values') {
    sourceBlock(block, b);
  } else if (LAYER_TYPES.has(block.type)) {
    layerBlock(block, b);
  }
  // record blocks and number blocks are not part of the network
}

// ---- the export ----------------------------------------------------------------------------------

function refused(block: Blockly.Block | null, message: string): NirExport {
  return { ok: false, problems: [{ blockId: block?.id ?? '', message }], reasons: [message] };
}

/**
 * The network of a Norse workspace as a NIR graph, or why it cannot be exported (each problem
 * names its block). A workspace with a problem flagged by generateNorse is refused first: what
 * it would export is not what Run computes.
 */
export function norseToNir(workspace: Blockly.Workspace): NirExport {
  const errors = generateNorse(workspace).problems.filter((p) => !p.warning);
  if (errors.length) {
    return {
      ok: false,
      problems: errors.map((p) => ({ blockId: p.blockId, message: t('generators.nir.fixFirst', { message: p.message }) })),
      reasons: errors.map((p) => p.message),
    };
  }
  const b = new Builder();
  try {
    for (const top of workspace.getTopBlocks(true)) {
      if (top.outputConnection) continue;
      for (let block: Blockly.Block | null = top; block; block = block.getNextBlock()) {
        if (block.isEnabled()) visit(block, b);
      }
    }
  } catch (e) {
    if (e instanceof Refusal) return refused(e.block, e.message);
    throw e;
  }
  if (!Object.keys(b.nodes).length) {
    const first = workspace.getTopBlocks(true)[0] ?? null;
    return refused(first, t('generators.nir.noLayer'));
  }
  if (b.sources.size > 1) {
    const [a, c] = [...b.sources.values()];
    const block = workspace.getBlockById(c.blockId);
    return refused(block, t('generators.nir.twoInputs', { a: a.name, b: c.name }));
  }
  const [source] = b.sources.values();

  // Input: what the first layer takes in; Output: every layer whose output nothing takes in.
  const nodes: Record<string, NirNode> = { input: { type: 'Input', params: { shape: { dtype: 'int64', shape: [1], data: [source.N] } } } };
  Object.assign(nodes, b.nodes);
  const edges: [string, string][] = b.edges.map(([from, to]) => [from.startsWith('source:') ? 'input' : from, to]);
  const sinks = Object.keys(b.nodes).filter((k) => !b.used.has(k));
  sinks.forEach((k) => {
    let out = sinks.length === 1 ? 'output' : `output_${k}`;
    while (out in nodes) out = `${out}_`;
    nodes[out] = { type: 'Output', params: { shape: { dtype: 'int64', shape: [1], data: [outSize(b.nodes[k])] } } };
    edges.push([k, out]);
  });
  const feeding = new Set([source.blockId, ...source.upstream]);
  const leftOut = b.sourceBlocks
    .filter((s) => !feeding.has(s.blockId))
    .map((s) => ({ blockId: s.blockId, message: t('generators.nir.leftOut', { name: s.name, what: sourceWords(s.type) }), warning: true as const }));
  return {
    ok: true,
    leftOut,
    graph: {
      nodes,
      edges,
      metadata: {
        dt: b.dt,
        dt_unit: 's',
        dt_source: b.dtSource,
        input: `${source.name} (${source.what}, block ${source.blockId}): one value per neuron per step`,
        outputs: sinks.join(', '),
        discretisation:
          "Norse's forward Euler step, input held constant over each step: w_in = tau_syn / dt, so load it with this dt",
        generator: 'Spikeblocks (Norse blocks)',
        nir_format: NIR_FORMAT,
      },
    },
  };
}
