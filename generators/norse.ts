/**
 * Blocks → Norse 1.1 program text (PyTorch), in the shape of docs/norse-subset.md:
 *
 *   import torch
 *   import norse.torch as norse
 *
 *   torch.manual_seed(1)
 *   dt = 0.001  # seconds per step
 *   x1 = torch.ones(100, 4) * 1.5
 *   p_lif1 = norse.LIFParameters(tau_syn_inv=torch.tensor(200.0), …, method="super", alpha=torch.tensor(100.0))
 *   lif1 = norse.LIF(p=p_lif1, record_states=True, dt=dt)
 *   z_lif1, s_lif1 = lif1(x1 * 0.4)
 *
 *   response = {
 *       "dt": dt,
 *       "steps": 100,
 *       "recordings": [
 *           {"name": "lif1", "spikes": z_lif1.detach().tolist(), "v": s_lif1.v.detach().tolist(), …},
 *       ],
 *   }
 *
 * A LIF layer returns a tuple (spikes, states), so a scale factor multiplies its input, never the
 * layer's result (the seed talk's `LIF1(x1) * 0.4` is a TypeError in real Python).
 *
 * A pure function of the workspace. Shapes (time steps, neurons) are followed from the inputs
 * through encoders, layers, Linear layers and containers, so a mismatch is flagged on the block
 * at fault, with the shapes named, before anything runs.
 *
 * Nothing typed into a field reaches the code unchecked: part names go through Blockly's name
 * database (valid identifiers, never a keyword or a name the program uses itself), names made
 * from them (z_lif1, s_lif1 …) through the same database, numbers must be finite, lists are parsed.
 */
import * as Blockly from 'blockly';
import { ProgramLines, stacksCode, takeDefinitions } from './program-lines';
import { Order, PythonGenerator, pythonGenerator } from 'blockly/python';
import { t } from '../src/i18n';
import {
  DEFAULT_DT,
  DEFAULT_SEED,
  LIF_ALPHA,
  LIF_METHODS,
  NORSE_LITERAL_TYPES,
  NORSE_VARIABLE_TYPE,
  PARAM_CLASSES,
  type ParamClass,
} from '../blocks/norse/common';
import { MARK, stripMarkers } from './line-map';
import { MAX_TENSOR_ELEMENTS } from '../workers/engine/norse/tensor';
import type { Problem } from './nest';
import { parseNumbers, pyFloat, pyInt, pyNonFinite, pyString } from './python-text';

export type { Problem } from './nest';

/** What one record block returns, in response["recordings"] order. The plots draw every key as
 * a (steps, neurons) array: spikes as a raster, v / i / values as traces over time
 * (time of step k = (k + 1) · dt). */
export interface NorseRecorderInfo {
  /** the Python name of the recorded part, also `recordings[k].name` */
  name: string;
  blockId: string;
  keys: ('spikes' | 'v' | 'i' | 'values')[];
  neurons: number | null;
  steps: number | null;
}

export interface NorseGeneratedProgram {
  code: string;
  lineBlocks: (string | null)[] /* [line-1] → block id */;
  recorders: NorseRecorderInfo[] /* same order as response["recordings"] */;
  /** steps · dt · 1000 (ms), when both are known */
  simTime: number | null;
  problems: Problem[];
}

const INDENT = '    ';
/** The most numbers one tensor may hold in the local runtime (why: workers/engine/norse/tensor.ts),
 * flagged on the blocks before Run. Real Norse on a server has no such limit. */
export const LOCAL_TENSOR_LIMIT = MAX_TENSOR_ELEMENTS;
/** Names the program itself uses: a part named so is renamed (dt2 …). `t` and `z_t` are the
 * loop names of the LIF box cell. */
const PROGRAM_NAMES = 'torch,norse,dt,response,t,z_t';
/** Name-database type of the names made from a part's name (z_lif1, s_lif1, p_lif1 …). */
const DERIVED = 'NORSE_DERIVED';

type Shape = { time: true; T: number | null; N: number | null } | { time: false; N: number | null };
type Kind = 'input' | 'vector' | 'encoder' | 'linear' | 'lif' | 'li' | 'recurrent' | 'box' | 'container';

/** A named part the program has made so far. */
interface Part {
  name: string;
  label: string;
  blockId: string;
  kind: Kind;
  shape: Shape;
  /** Python expression of its output tensor */
  out: string;
  /** Python expression of its states (with .v and .i), for layers */
  state?: string;
  /** the LIF box cell's stacked voltages */
  v?: string;
  /** for a container: the kind of its last layer */
  last?: 'linear' | 'lif' | 'li';
}

interface NumberArg {
  code: string;
  value: number | null;
}

type Gen = PythonGenerator;

class Program {
  readonly problems: Problem[] = [];
  readonly parts = new Map<string, Part>();
  readonly recorders: NorseRecorderInfo[] = [];
  readonly entries: { line: string; blockId: string }[] = [];
  readonly markerIds: string[] = [];
  /** Variable ids of parts whose v or i a record block asks for: they keep their states. */
  readonly keepStates = new Set<string>();
  dt: number | null = DEFAULT_DT;
  settingsBlock: string | null = null;

  problem(block: Blockly.Block, message: string, warning = false): void {
    this.problems.push(warning ? { blockId: block.id, message, warning: true } : { blockId: block.id, message });
  }

  /** A line-map marker: the lines after it belong to `block`. */
  marker(block: Blockly.Block): string {
    this.markerIds.push(block.id);
    return `${MARK}${this.markerIds.length - 1}\n`;
  }
}

function shapeText(s: Shape): string {
  const d = (x: number | null) => (x === null ? '?' : String(x));
  return s.time ? `(${d(s.T)}, ${d(s.N)})` : `(${d(s.N)},)`;
}

function fieldText(block: Blockly.Block, field: string): string {
  return block.getField(field)?.getText() ?? '';
}

/** A number input: literals as Python floats, an expression (math blocks) as Blockly writes it,
 * bound at least as tightly as `order` needs where it is used. */
function numberArg(block: Blockly.Block, input: string, gen: Gen, p: Program, label: string, order = Order.NONE): NumberArg | null {
  const target = block.getInputTargetBlock(input);
  if (!target) return null;
  if (NORSE_LITERAL_TYPES.has(target.type)) {
    const v = Number(target.getFieldValue('NUM'));
    if (!Number.isFinite(v)) {
      p.problem(block, t('generators.notFinite', { input: label, value: String(v) }));
      return { code: pyNonFinite(v), value: null };
    }
    return { code: pyFloat(v)!, value: v };
  }
  const code = gen.valueToCode(block, input, order);
  return code ? { code, value: null } : null;
}

/** A float input with a fallback when it is empty. */
function floatArg(block: Blockly.Block, input: string, gen: Gen, p: Program, label: string, fallback: number, order = Order.NONE): NumberArg {
  return numberArg(block, input, gen, p, label, order) ?? { code: pyFloat(fallback)!, value: fallback };
}

/** A whole number ≥ `min` (time steps, neurons, sizes); its value null when not a literal. */
function countArg(block: Blockly.Block, input: string, gen: Gen, p: Program, label: string, min = 1): NumberArg {
  const arg = numberArg(block, input, gen, p, label);
  if (!arg) {
    p.problem(block, t('generators.norse.give', { label }));
    return { code: String(min), value: null };
  }
  if (arg.value === null) return { code: `int(${arg.code})`, value: null };
  if (!Number.isInteger(arg.value) || arg.value < min) {
    p.problem(block, t('generators.norse.wholeNumber', { label, min, value: arg.value }));
    // the code shows what the block says (the problem keeps it from running)
    return { code: arg.code, value: null };
  }
  return { code: pyInt(arg.value)!, value: arg.value };
}

/** The Python name of the part a NAME field makes. */
function ownName(block: Blockly.Block, gen: Gen, p: Program): string | null {
  const id = block.getFieldValue('NAME');
  if (!id || !block.workspace.getVariableMap().getVariableById(id)) {
    p.problem(block, t('generators.needsName'));
    return null;
  }
  return gen.getVariableName(id);
}

/** A name made from a part's name (z_lif1 …), distinct from every other name in the program. */
function derived(gen: Gen, base: string): string {
  return gen.nameDB_!.getName(base, DERIVED);
}

function addPart(block: Blockly.Block, part: Part, p: Program): void {
  const before = p.parts.get(part.name);
  if (before && before.blockId !== block.id) p.problem(block, t('generators.norse.twoMakers', { name: part.label }));
  p.parts.set(part.name, part);
  const s = part.shape;
  if (s.time && s.T !== null && s.N !== null && s.T * s.N > LOCAL_TENSOR_LIMIT) {
    p.problem(block, t('generators.norse.tooLarge', {
      name: part.label, T: s.T, N: s.N, count: bigNumber(s.T * s.N), gb: +((s.T * s.N * 4) / 1e9).toPrecision(3), limit: bigNumber(LOCAL_TENSOR_LIMIT),
    }), true);
  }
}

/** 2.5e+9 → "2.5 billion": sizes a learner can read. */
function bigNumber(x: number): string {
  const units = [[1e12, 'generators.norse.trillion'], [1e9, 'generators.norse.billion'], [1e6, 'generators.norse.million']] as const;
  for (const [size, word] of units) if (x >= size) return t(word, { n: +(x / size).toPrecision(3) });
  return String(x);
}

/** The part a dropdown names, made by a block above; null (and a problem) otherwise. */
function usedPart(block: Blockly.Block, field: string, gen: Gen, p: Program): Part | null {
  const id = block.getFieldValue(field);
  if (!id || !block.workspace.getVariableMap().getVariableById(id)) {
    p.problem(block, t('generators.norse.chooseInput'));
    return null;
  }
  const part = p.parts.get(gen.getVariableName(id));
  if (!part) p.problem(block, t('generators.norse.nothingMakes', { name: fieldText(block, field) }));
  return part ?? null;
}

/** `x1` or `x1 * 0.4`: the scale factor applies to the input (a layer's result is a tuple). */
function scaled(block: Blockly.Block, input: string, gen: Gen, p: Program): string {
  if (!block.getInput('SCALE')) return input;
  const target = block.getInputTargetBlock('SCALE');
  if (!target) return input;
  if (NORSE_LITERAL_TYPES.has(target.type)) {
    const v = Number(target.getFieldValue('NUM'));
    if (!Number.isFinite(v)) {
      p.problem(block, t('generators.norse.scaleNotFinite', { value: String(v) }));
      return `${input} * ${pyNonFinite(v)}`;
    }
    return v === 1 ? input : `${input} * ${pyFloat(v)}`;
  }
  const code = gen.valueToCode(block, 'SCALE', Order.MULTIPLICATIVE);
  return code ? `${input} * ${code}` : input;
}

// ---- parameters ---------------------------------------------------------------------------------

const PARAM_BLOCK_TYPES: Record<ParamClass, string> = {
  LIFParameters: 'norse_lif_parameters',
  LIParameters: 'norse_li_parameters',
  LIFBoxParameters: 'norse_lif_box_parameters',
};

/**
 * `p_lif1 = norse.LIFParameters(…)`: every field written out, at Norse's default unless the
 * plugged-in parameter block changes it. The line belongs to the parameter block when there is
 * one (so an error in it lands there), else to `owner`, whose marker follows again.
 */
function paramsLines(owner: Blockly.Block, cls: ParamClass, name: string, gen: Gen, p: Program): string {
  const pblock = owner.getInputTargetBlock('P');
  const args: string[] = [];
  const valid = pblock && pblock.type === PARAM_BLOCK_TYPES[cls] ? pblock : null;
  if (pblock && !valid) p.problem(pblock, t('generators.norse.wrongParams', { cls }));
  for (const f of PARAM_CLASSES[cls]) {
    let code = `torch.tensor(${pyFloat(f.default)})`;
    if (valid) {
      const arg = numberArg(valid, f.key, gen, p, f.key);
      if (arg && arg.value !== null) {
        code = `torch.tensor(${arg.code})`;
        if (f.rate && !(arg.value > 0)) {
          p.problem(valid, t('generators.norse.rateAboveZero', { key: f.key, value: arg.value }));
        } else if (f.rate && p.dt !== null && p.dt * arg.value > 1) {
          p.problem(valid, t('generators.norse.stepTooLong', { key: f.key, product: +(p.dt * arg.value).toPrecision(3) }), true);
        }
      } else if (arg) {
        code = `torch.tensor(float(${arg.code}))`;
      }
    }
    args.push(`${f.key}=${code}`);
  }
  if (cls === 'LIFParameters') {
    const method = valid ? valid.getFieldValue('METHOD') : 'super';
    if (!(LIF_METHODS as readonly string[]).includes(method)) {
      p.problem(valid!, t('generators.norse.unknownMethod', { method: JSON.stringify(method) }));
      args.push('method="super"');
    } else {
      args.push(`method=${pyString(method)}`);
    }
    args.push(`alpha=torch.tensor(${pyFloat(LIF_ALPHA)})`);
  }
  const line = `${name} = norse.${cls}(${args.join(', ')})\n`;
  return valid ? p.marker(valid) + line + p.marker(owner) : line;
}

// ---- inputs ------------------------------------------------------------------------------------

/** torch.ones / rand / randn / zeros of shape (steps, neurons). */
function seriesShape(block: Blockly.Block, gen: Gen, p: Program): { T: NumberArg; N: NumberArg } {
  return {
    T: countArg(block, 'STEPS', gen, p, t('generators.norse.label.timeSteps')),
    N: countArg(block, 'NEURONS', gen, p, t('generators.norse.label.neurons')),
  };
}

function inputPart(block: Blockly.Block, name: string, T: NumberArg, N: NumberArg, p: Program): void {
  addPart(block, { name, label: fieldText(block, 'NAME'), blockId: block.id, kind: 'input', shape: { time: true, T: T.value, N: N.value }, out: name }, p);
}

function tensorInput(block: Blockly.Block, gen: Gen, p: Program, make: (T: string, N: string) => string): string {
  const name = ownName(block, gen, p);
  const { T, N } = seriesShape(block, gen, p);
  if (!name) return '';
  inputPart(block, name, T, N, p);
  return `${name} = ${make(T.code, N.code)}\n`;
}

function stepInput(block: Blockly.Block, gen: Gen, p: Program): string {
  const name = ownName(block, gen, p);
  const { T, N } = seriesShape(block, gen, p);
  const from = countArg(block, 'FROM', gen, p, t('generators.norse.label.firstStep'), 0);
  const to = countArg(block, 'TO', gen, p, t('generators.norse.label.endStep'), 0);
  const value = floatArg(block, 'VALUE', gen, p, t('generators.norse.label.value'), 1);
  if (from.value !== null && to.value !== null && from.value >= to.value) {
    p.problem(block, t('generators.norse.stepOrder', { from: from.value, to: to.value }));
  }
  if (T.value !== null && to.value !== null && to.value > T.value) {
    p.problem(block, t('generators.norse.stepPastEnd', { to: to.value, name: fieldText(block, 'NAME'), T: T.value, last: T.value - 1 }));
  }
  if (!name) return '';
  inputPart(block, name, T, N, p);
  return `${name} = torch.zeros(${T.code}, ${N.code})\n${name}[${from.code}:${to.code}] = ${value.code}\n`;
}

/** "10:0, 30:2" → [[10, 0], [30, 2]]; tokens that are not step:neuron are reported. */
export function parseSpikeList(text: string): { spikes: [number, number][]; bad: string[] } {
  const spikes: [number, number][] = [];
  const bad: string[] = [];
  for (const token of String(text).split(/[\s,;]+/)) {
    if (token === '') continue;
    const m = /^(\d+):(\d+)$/.exec(token);
    if (m) spikes.push([Number(m[1]), Number(m[2])]);
    else bad.push(token);
  }
  return { spikes, bad };
}

/** "0.2, 0.5, 1" → numbers; anything that is not a plain number is reported. */
export const parseValues = parseNumbers;

function quoted(bad: string[]): string {
  return bad.slice(0, 3).map((s) => JSON.stringify(s.slice(0, 20))).join(', ');
}

function spikeTrain(block: Blockly.Block, gen: Gen, p: Program): string {
  const name = ownName(block, gen, p);
  const { T, N } = seriesShape(block, gen, p);
  const { spikes, bad } = parseSpikeList(block.getFieldValue('SPIKES') ?? '');
  if (bad.length) p.problem(block, t('generators.norse.spikeList', { bad: quoted(bad) }));
  for (const [step, n] of spikes) {
    if (T.value !== null && step >= T.value) {
      p.problem(block, t('generators.norse.spikePastEnd', { spike: `${step}:${n}`, t: step, T: T.value, last: T.value - 1 }));
    } else if (N.value !== null && n >= N.value) {
      p.problem(block, t('generators.norse.spikeNoNeuron', { spike: `${step}:${n}`, n, N: N.value, last: N.value - 1 }));
    }
  }
  if (!name) return '';
  inputPart(block, name, T, N, p);
  return `${name} = torch.zeros(${T.code}, ${N.code})\n` + spikes.map(([t, n]) => `${name}[${t}, ${n}] = 1.0\n`).join('');
}

function valuesInput(block: Blockly.Block, gen: Gen, p: Program): string {
  const name = ownName(block, gen, p);
  const { values, bad } = parseValues(block.getFieldValue('VALUES') ?? '');
  if (bad.length) p.problem(block, t('generators.norse.values', { bad: quoted(bad) }));
  if (!values.length && !bad.length) p.problem(block, t('generators.norse.noValues'));
  if (!name) return '';
  addPart(block, { name, label: fieldText(block, 'NAME'), blockId: block.id, kind: 'vector', shape: { time: false, N: values.length }, out: name }, p);
  return `${name} = torch.tensor([${values.map((v) => pyFloat(v)).join(', ')}])\n`;
}

function addInputs(block: Blockly.Block, gen: Gen, p: Program): string {
  const name = ownName(block, gen, p);
  const a = usedPart(block, 'A', gen, p);
  const b = usedPart(block, 'B', gen, p);
  if (!name || !a || !b) return '';
  let shape: Shape = a.shape.time ? a.shape : b.shape;
  const sa = a.shape;
  const sb = b.shape;
  if (sa.time && sb.time && sa.T !== null && sb.T !== null && sa.T !== sb.T) {
    p.problem(block, t('generators.norse.addSteps', { a: a.label, aT: sa.T, aShape: shapeText(sa), b: b.label, bT: sb.T, bShape: shapeText(sb) }));
  } else if (sa.N !== null && sb.N !== null && sa.N !== sb.N) {
    p.problem(block, t('generators.norse.addNeurons', { a: a.label, aN: sa.N, aShape: shapeText(sa), b: b.label, bN: sb.N, bShape: shapeText(sb) }));
  }
  if (!sa.time && !sb.time) shape = { time: false, N: sa.N ?? sb.N };
  addPart(block, { name, label: fieldText(block, 'NAME'), blockId: block.id, kind: shape.time ? 'input' : 'vector', shape, out: name }, p);
  return `${name} = ${a.out} + ${b.out}\n`;
}

// ---- encoders ----------------------------------------------------------------------------------

const ENCODERS: Record<string, { cls: string; params: boolean }> = {
  norse_poisson_encoder: { cls: 'PoissonEncoder', params: false },
  norse_constant_current_encoder: { cls: 'ConstantCurrentLIFEncoder', params: true },
  norse_spike_latency_encoder: { cls: 'SpikeLatencyLIFEncoder', params: true },
};

function encoder(block: Blockly.Block, gen: Gen, p: Program): string {
  const { cls, params } = ENCODERS[block.type];
  const name = ownName(block, gen, p);
  const input = usedPart(block, 'INPUT', gen, p);
  const T = countArg(block, 'STEPS', gen, p, t('generators.norse.label.timeSteps'));
  if (input?.shape.time) {
    p.problem(block, t('generators.norse.encoderInput', { cls, name: input.label, shape: shapeText(input.shape) }));
  }
  if (!name || !input) return '';
  const out = derived(gen, `z_${name}`);
  let code = '';
  let extra: string;
  if (params) {
    const pname = derived(gen, `p_${name}`);
    code += paramsLines(block, 'LIFParameters', pname, gen, p);
    extra = `p=${pname}`;
  } else {
    const fmax = floatArg(block, 'F_MAX', gen, p, 'f_max', 100);
    if (fmax.value !== null && fmax.value < 0) p.problem(block, t('generators.norse.fmaxNegative', { value: fmax.value }));
    extra = `f_max=${fmax.code}`;
  }
  addPart(block, {
    name, label: fieldText(block, 'NAME'), blockId: block.id, kind: 'encoder',
    shape: { time: true, T: T.value, N: input.shape.N }, out,
  }, p);
  code += `${name} = norse.${cls}(${T.code}, ${extra}, dt=dt)\n`;
  code += `${out} = ${name}(${input.out})\n`;
  return code;
}

// ---- layers ------------------------------------------------------------------------------------

/** The input of a layer: a part with a time dimension (a problem names the shape otherwise). */
function layerInput(block: Blockly.Block, what: string, gen: Gen, p: Program): Part | null {
  const input = usedPart(block, 'INPUT', gen, p);
  if (input && !input.shape.time) {
    p.problem(block, t('generators.norse.layerInput', { what, name: input.label, shape: shapeText(input.shape) }));
  }
  return input;
}

function keepsStates(block: Blockly.Block, p: Program): boolean {
  return p.keepStates.has(block.getFieldValue('NAME'));
}

function recordFlag(on: boolean): string {
  return `record_states=${on ? 'True' : 'False'}`;
}

function lifLayer(block: Blockly.Block, gen: Gen, p: Program, kind: 'lif' | 'li' | 'recurrent'): string {
  const what = t(({ lif: 'generators.norse.layer.lif', li: 'generators.norse.layer.li', recurrent: 'generators.norse.layer.recurrent' } as const)[kind]);
  const name = ownName(block, gen, p);
  const input = layerInput(block, what, gen, p);
  const hidden = kind === 'recurrent' ? countArg(block, 'HIDDEN', gen, p, t('generators.norse.label.neurons')) : null;
  if (!name || !input) return '';
  const cls: ParamClass = kind === 'li' ? 'LIParameters' : 'LIFParameters';
  const pname = derived(gen, `p_${name}`);
  const out = derived(gen, `${kind === 'li' ? 'v' : 'z'}_${name}`);
  const state = derived(gen, `s_${name}`);
  let code = paramsLines(block, cls, pname, gen, p);
  const rec = recordFlag(keepsStates(block, p));
  const T = input.shape.time ? input.shape.T : null;
  let N = input.shape.N;
  if (kind === 'recurrent') {
    const inSize = input.shape.N === null ? `${input.out}.shape[1]` : pyInt(input.shape.N)!;
    code += `${name} = norse.LIFRecurrent(${inSize}, ${hidden!.code}, p=${pname}, ${rec}, dt=dt)\n`;
    N = hidden!.value;
  } else {
    code += `${name} = norse.${kind === 'li' ? 'LI' : 'LIF'}(p=${pname}, ${rec}, dt=dt)\n`;
  }
  code += `${out}, ${state} = ${name}(${scaled(block, input.out, gen, p)})\n`;
  addPart(block, { name, label: fieldText(block, 'NAME'), blockId: block.id, kind, shape: { time: true, T, N }, out, state }, p);
  return code;
}

/** The LIF box cell stepped over time in a Python loop; spikes and v stacked to (T, N). */
function boxLayer(block: Blockly.Block, gen: Gen, p: Program): string {
  const name = ownName(block, gen, p);
  const input = layerInput(block, t('generators.norse.layer.box'), gen, p);
  if (!name || !input) return '';
  const pname = derived(gen, `p_${name}`);
  const state = derived(gen, `s_${name}`);
  const zs = derived(gen, `zs_${name}`);
  const vs = derived(gen, `vs_${name}`);
  const out = derived(gen, `z_${name}`);
  const v = derived(gen, `v_${name}`);
  const i = INDENT;
  const code =
    paramsLines(block, 'LIFBoxParameters', pname, gen, p) +
    `${name} = norse.LIFBoxCell(p=${pname}, dt=dt)\n` +
    `${state} = None\n` +
    `${zs}, ${vs} = [], []\n` +
    `for t in range(${input.out}.shape[0]):\n` +
    `${i}z_t, ${state} = ${name}(${scaled(block, `${input.out}[t]`, gen, p)}, ${state})\n` +
    `${i}${zs}.append(z_t)\n` +
    `${i}${vs}.append(${state}.v)\n` +
    `${out} = torch.stack(${zs})\n` +
    `${v} = torch.stack(${vs})\n`;
  const shape: Shape = input.shape.time ? input.shape : { time: true, T: null, N: input.shape.N };
  addPart(block, { name, label: fieldText(block, 'NAME'), blockId: block.id, kind: 'box', shape, out, v }, p);
  return code;
}

/** In/out sizes and the weight of a Linear layer, with the check of its in-size. */
function linearSizes(block: Blockly.Block, gen: Gen, p: Program, N: number | null, T: number | null, from: string) {
  const inSize = countArg(block, 'IN', gen, p, t('generators.norse.label.inputsPerStep'));
  const outSize = countArg(block, 'OUT', gen, p, t('generators.norse.label.outputsPerStep'));
  const weight = floatArg(block, 'WEIGHT', gen, p, t('generators.norse.label.weight'), 1);
  if (inSize.value !== null && N !== null && inSize.value !== N) {
    p.problem(block, t('generators.norse.linearInputs', { expected: inSize.value, N, from, T: T ?? '?' }));
  }
  return { inSize, outSize, weight };
}

function linearLayer(block: Blockly.Block, gen: Gen, p: Program): string {
  const name = ownName(block, gen, p);
  const input = layerInput(block, t('generators.norse.layer.linear'), gen, p);
  const T = input?.shape.time ? input.shape.T : null;
  const { inSize, outSize, weight } = linearSizes(block, gen, p, input?.shape.time ? input.shape.N : null, T, input?.label ?? '');
  if (!name || !input) return '';
  const out = derived(gen, `y_${name}`);
  addPart(block, { name, label: fieldText(block, 'NAME'), blockId: block.id, kind: 'linear', shape: { time: true, T, N: outSize.value }, out }, p);
  return (
    `${name} = torch.nn.Linear(${inSize.code}, ${outSize.code}, bias=False)\n` +
    `torch.nn.init.constant_(${name}.weight, ${weight.code})\n` +
    `${out} = ${name}(${scaled(block, input.out, gen, p)})\n`
  );
}

// ---- containers --------------------------------------------------------------------------------

const MODULE_KINDS: Record<string, 'linear' | 'lif' | 'li'> = { norse_seq_linear: 'linear', norse_seq_lif: 'lif', norse_seq_li: 'li' };

function sequential(block: Blockly.Block, gen: Gen, p: Program): string {
  const name = ownName(block, gen, p);
  const input = layerInput(block, t('generators.norse.layer.sequence'), gen, p);
  const modules: Blockly.Block[] = [];
  for (let c = block.getInputTargetBlock('LAYERS'); c; c = c.getNextBlock()) {
    if (!c.isEnabled()) continue;
    if (!(c.type in MODULE_KINDS)) p.problem(c, t('generators.norse.onlyLayers'));
    else modules.push(c);
  }
  if (!modules.length) p.problem(block, t('generators.norse.emptySequence'));
  if (!name || !input || !modules.length) return '';
  const T = input.shape.time ? input.shape.T : null;
  let N = input.shape.time ? input.shape.N : null;
  const keep = keepsStates(block, p);
  // Linear layers are made and given their weight before the sequence, by name: the weight is set
  // on the layer itself, not through net1[k] (Norse Server's RestrictedPython refuses subscripts of
  // modules)
  let code = '';
  const made: string[] = [];
  modules.forEach((m, k) => {
    const kind = MODULE_KINDS[m.type];
    if (kind === 'linear') {
      const { inSize, outSize, weight } = linearSizes(m, gen, p, N, T, k === 0 ? input.label : t('generators.norse.layerAbove'));
      const layer = derived(gen, `${name}_${k}`);
      code += p.marker(m) + `${layer} = torch.nn.Linear(${inSize.code}, ${outSize.code}, bias=False)\n` + `torch.nn.init.constant_(${layer}.weight, ${weight.code})\n`;
      made.push(layer);
      N = outSize.value;
    } else {
      const pname = derived(gen, `p_${name}_${k}`);
      code += p.marker(m) + paramsLines(m, kind === 'li' ? 'LIParameters' : 'LIFParameters', pname, gen, p);
      // only the last layer's states are recorded (recording a sequence records its last layer)
      made.push(`norse.${kind === 'li' ? 'LI' : 'LIF'}(p=${pname}, ${recordFlag(keep && k === modules.length - 1)}, dt=dt)`);
    }
  });
  const out = derived(gen, `z_${name}`);
  const state = derived(gen, `s_${name}`);
  const last = MODULE_KINDS[modules[modules.length - 1].type];
  code = code + p.marker(block) + `${name} = norse.SequentialState(${made.join(', ')})\n`;
  code += p.marker(block) + `${out}, ${state} = ${name}(${scaled(block, input.out, gen, p)})\n`;
  addPart(block, {
    name, label: fieldText(block, 'NAME'), blockId: block.id, kind: 'container',
    shape: { time: true, T, N }, out, state: `${state}[${modules.length - 1}]`, last,
  }, p);
  return code;
}

// ---- recording and settings --------------------------------------------------------------------

/** What can be recorded of a part: key → Python expression of a (T, N) tensor. */
function recordables(part: Part): Partial<Record<'spikes' | 'v' | 'i' | 'values', string>> {
  const kind = part.kind === 'container' ? part.last! : part.kind;
  switch (kind) {
    case 'lif':
    case 'recurrent':
      return { spikes: part.out, v: `${part.state}.v`, i: `${part.state}.i` };
    case 'li':
      return { v: part.out, i: `${part.state}.i` };
    case 'box':
      return { spikes: part.out, v: part.v! };
    case 'encoder':
      // every encoder sends spikes (0 or 1 per step and neuron): a raster, not a trace
      return { spikes: part.out };
    default:
      return { values: part.out };
  }
}

const KEY_WORDS = { spikes: 'generators.norse.word.spikes', v: 'generators.norse.word.v', i: 'generators.norse.word.i' } as const;

function record(block: Blockly.Block, gen: Gen, p: Program): string {
  const part = usedPart(block, 'TARGET', gen, p);
  if (!part) return '';
  if (!part.shape.time) {
    p.problem(block, t('generators.norse.noTimeSteps', { name: part.label, shape: shapeText(part.shape) }));
    return '';
  }
  const available = recordables(part);
  let keys: NorseRecorderInfo['keys'];
  if (available.values) keys = ['values'];
  else {
    const ticked = (['spikes', 'v', 'i'] as const).filter((k) => block.getFieldValue(k === 'spikes' ? 'SPIKES' : k.toUpperCase()) === 'TRUE');
    if (!ticked.length) p.problem(block, t('generators.norse.tickSomething'));
    const absent = ticked.filter((k) => !available[k]);
    if (absent.length) {
      // a warning: nothing is computed wrong, those are just not recorded
      const what = t(part.kind === 'box' ? 'generators.norse.absent.box' : part.kind === 'encoder' ? 'generators.norse.absent.encoder' : 'generators.norse.absent.li');
      const words = absent.map((k) => t(KEY_WORDS[k])).join(t('generators.norse.or'));
      const params = { what, name: part.label, words, untick: absent.join(t('generators.norse.and')) };
      p.problem(block, t(absent.length > 1 ? 'generators.norse.notRecordedMany' : 'generators.norse.notRecordedOne', params), true);
    }
    keys = ticked.filter((k) => available[k]);
  }
  const fields = keys.map((k) => `${pyString(k)}: ${available[k]}.detach().tolist()`);
  p.entries.push({ line: `{${[`"name": ${pyString(part.name)}`, ...fields].join(', ')}},`, blockId: block.id });
  p.recorders.push({ name: part.name, blockId: block.id, keys, neurons: part.shape.N, steps: part.shape.T });
  return '';
}

function settings(block: Blockly.Block, gen: Gen, p: Program): string {
  if (p.settingsBlock !== null) {
    p.problem(block, t('generators.norse.secondSettings'));
    return '';
  }
  p.settingsBlock = block.id;
  if (p.parts.size) p.problem(block, t('generators.norse.settingsFirst'));
  const dt = floatArg(block, 'DT', gen, p, 'dt', DEFAULT_DT);
  const seed = numberArg(block, 'SEED', gen, p, t('generators.norse.label.seed'));
  p.dt = dt.value;
  if (dt.value !== null) {
    if (!(dt.value > 0)) {
      p.problem(block, t('generators.norse.dtPositive', { value: dt.value }));
      p.dt = null;
    } else if (dt.value >= 0.01) {
      p.problem(block, t('generators.norse.dtLong', { value: dt.value }), true);
    }
  }
  let seedCode = String(DEFAULT_SEED);
  if (seed && seed.value !== null) {
    if (!Number.isInteger(seed.value) || seed.value < 0) p.problem(block, t('generators.norse.seed', { value: seed.value }));
    else seedCode = pyInt(seed.value) ?? seedCode;
  } else if (seed) {
    seedCode = `int(${seed.code})`;
  }
  return `torch.manual_seed(${seedCode})\ndt = ${dt.code}  # seconds per step\n`;
}

// ---- the generator -----------------------------------------------------------------------------

function numberLiteral(block: Blockly.Block): [string, Order] {
  const v = Number(block.getFieldValue('NUM'));
  if (!Number.isFinite(v)) return [pyNonFinite(v), Order.UNARY_SIGN];
  return [String(v), v < 0 ? Order.UNARY_SIGN : Order.ATOMIC];
}

function makeGenerator(p: Program): Gen {
  const gen = new PythonGenerator('SpikeblocksNorse');
  Object.assign(gen.forBlock, pythonGenerator.forBlock);
  gen.INDENT = INDENT;
  gen.addReservedWords(PROGRAM_NAMES);
  gen.quote_ = pyString;
  gen.multiline_quote_ = pyString;
  gen.STATEMENT_PREFIX = `${MARK}%1\n`;
  gen.injectId = (msg: string, block: Blockly.Block) => {
    p.markerIds.push(block.id);
    return msg.replace(/%1/g, String(p.markerIds.length - 1));
  };
  const f = gen.forBlock;
  f.norse_settings = (b) => settings(b, gen, p);
  f.norse_constant = (b) => {
    const value = floatArg(b, 'VALUE', gen, p, t('generators.norse.label.value'), 1, Order.MULTIPLICATIVE);
    return tensorInput(b, gen, p, (T, N) => `torch.ones(${T}, ${N}) * ${value.code}`);
  };
  f.norse_rand = (b) => {
    const scale = floatArg(b, 'SCALE', gen, p, t('generators.norse.label.scale'), 1, Order.MULTIPLICATIVE);
    return tensorInput(b, gen, p, (T, N) => `torch.rand(${T}, ${N}) * ${scale.code}`);
  };
  f.norse_randn = (b) => {
    const std = floatArg(b, 'STD', gen, p, t('generators.norse.label.spread'), 1, Order.MULTIPLICATIVE);
    const mean = floatArg(b, 'MEAN', gen, p, t('generators.norse.label.mean'), 0, Order.ADDITIVE);
    if (std.value !== null && std.value < 0) p.problem(b, t('generators.norse.stdNegative', { value: std.value }));
    return tensorInput(b, gen, p, (T, N) => `torch.randn(${T}, ${N}) * ${std.code} + ${mean.code}`);
  };
  f.norse_step_current = (b) => stepInput(b, gen, p);
  f.norse_spike_train = (b) => spikeTrain(b, gen, p);
  f.norse_values = (b) => valuesInput(b, gen, p);
  f.norse_add = (b) => addInputs(b, gen, p);
  for (const type of Object.keys(ENCODERS)) f[type] = (b) => encoder(b, gen, p);
  f.norse_lif = (b) => lifLayer(b, gen, p, 'lif');
  f.norse_li = (b) => lifLayer(b, gen, p, 'li');
  f.norse_lif_recurrent = (b) => lifLayer(b, gen, p, 'recurrent');
  f.norse_lif_box = (b) => boxLayer(b, gen, p);
  f.norse_linear = (b) => linearLayer(b, gen, p);
  f.norse_sequential = (b) => sequential(b, gen, p);
  for (const type of Object.keys(MODULE_KINDS)) {
    f[type] = (b) => {
      p.problem(b, t('generators.norse.seqOutside'));
      return '';
    };
  }
  f.norse_record = (b) => record(b, gen, p);
  for (const type of NORSE_LITERAL_TYPES) f[type] = numberLiteral;
  return gen;
}

export { detachedStackMessage } from './program-lines';

function hasNorseBlock(top: Blockly.Block): boolean {
  return top.getDescendants(false).some((b) => !b.isShadow() && b.type.startsWith('norse_'));
}

/** Variable ids of the parts whose v or i an enabled record block asks for. */
function partsKeepingStates(workspace: Blockly.Workspace): Set<string> {
  const keep = new Set<string>();
  for (const b of workspace.getAllBlocks(false)) {
    if (b.type !== 'norse_record' || !b.isEnabled()) continue;
    if (b.getFieldValue('V') === 'TRUE' || b.getFieldValue('I') === 'TRUE') keep.add(b.getFieldValue('TARGET'));
  }
  return keep;
}

export function generateNorse(workspace: Blockly.Workspace): NorseGeneratedProgram {
  const p = new Program();
  for (const id of partsKeepingStates(workspace)) p.keepStates.add(id);
  const gen = makeGenerator(p);
  gen.init(workspace);

  const body = stacksCode(workspace, gen, hasNorseBlock, (blockId, message, warning) =>
    p.problems.push(warning ? { blockId, message, warning } : { blockId, message }),
  );

  // Blockly declares every variable (`x = None`); Norse parts are assigned by their blocks.
  const partNames = new Set(workspace.getVariableMap().getVariablesOfType(NORSE_VARIABLE_TYPE).map((v) => gen.getVariableName(v.getId())));
  const { imports, others } = takeDefinitions(gen, partNames);

  const mapped = stripMarkers(body, p.markerIds, INDENT);
  const program = new ProgramLines();
  const push = (text: string, id: string | null = null) => program.push(text, id);
  push('import torch');
  push('import norse.torch as norse');
  program.pushPreamble(imports, others);
  if (p.settingsBlock === null) {
    push(`torch.manual_seed(${DEFAULT_SEED})`);
    push(`dt = ${pyFloat(DEFAULT_DT)}  # seconds per step`);
  }
  mapped.lines.forEach((l, i) => push(l, mapped.blocks[i]));
  push('');

  // The time axis of the plots: the longest recorded part (every part, if none is recorded).
  const known = (xs: (number | null)[]) => xs.filter((x): x is number => x !== null);
  const recorded = known(p.recorders.map((r) => r.steps));
  const all = known([...p.parts.values()].map((x) => (x.shape.time ? x.shape.T : null)));
  const steps = recorded.length ? Math.max(...recorded) : all.length ? Math.max(...all) : 0;
  push('response = {');
  push(`${INDENT}"dt": dt,`);
  push(`${INDENT}"steps": ${steps},`);
  if (p.entries.length === 0) push(`${INDENT}"recordings": [],`);
  else {
    push(`${INDENT}"recordings": [`);
    for (const e of p.entries) push(`${INDENT}${INDENT}${e.line}`, e.blockId);
    push(`${INDENT}],`);
  }
  push('}');

  return {
    code: program.code,
    lineBlocks: program.blocks,
    recorders: p.recorders,
    simTime: p.dt !== null && steps > 0 ? +(steps * p.dt * 1000).toPrecision(12) : null,
    problems: p.problems,
  };
}
