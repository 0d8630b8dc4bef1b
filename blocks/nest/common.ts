/**
 * Shared pieces of the NEST blocks: category colours, help links, the variable type of NEST
 * nodes, and the slider shadow blocks. Model facts (defaults, units, ranges) are never written
 * here: they come from workers/engine/nest/models.ts, the same data the kernel checks against.
 */
import { NEST_MODELS, type ParamInfo } from '../../workers/engine/nest/models';
import { t } from '../../src/i18n';
import { blocksTexts } from '../../src/i18n/texts/blocks';
import { madeMsg, msg, type BlocksTextKey } from '../messages';
import { RANGE_NUMBER_FIELD } from './range-number-field';
import { synapseSliderDefinitions, synapseSliderTypes } from './synapses';

/** One colour per toolbox category (MakeCode style), as Blockly hue values. */
export const COLOURS = {
  neurons: 230,
  stimuli: 20,
  recorders: 160,
  connections: 290,
  simulation: 60,
  random: 330,
} as const;

/** Every NEST node (population, generator, recorder) is a Blockly variable of this type, so the
 * dropdowns of connect blocks list only nodes, and Blockly's own Variables category does not. */
export const NODE_VARIABLE_TYPE = 'nest_node';

const DOCS = 'https://nest-simulator.readthedocs.io/en/stable';

/** The NEST documentation page of a model. */
export function modelHelpUrl(model: string): string {
  return `${DOCS}/models/${model}.html`;
}

export const HELP = {
  connect: `${DOCS}/synapses/connection_management.html`,
  kernel: `${DOCS}/nest_behavior/random_numbers.html`,
  simulate: `${DOCS}/nest_behavior/running_simulations.html`,
  setStatus: `${DOCS}/ref_material/pynest_api/nest.NodeCollection.html`,
  neurons: `${DOCS}/models/index_neuron.html`,
  recordables: `${DOCS}/devices/record_from_simulations.html`,
} as const;

/** Model names of one kind, in the order models.ts lists them. */
export function modelsOfKind(kind: 'neuron' | 'generator' | 'recorder'): string[] {
  return Object.values(NEST_MODELS)
    .filter((m) => m.kind === kind)
    .map((m) => m.name);
}

export function paramInfo(model: string, param: string): ParamInfo {
  const info = NEST_MODELS[model]?.params[param];
  if (!info) throw new Error(`models.ts has no parameter ${param} of ${model}`);
  return info;
}

/** " pA", " ms" … for labels; empty for unitless parameters. */
export function unitOf(model: string, param: string): string {
  return paramInfo(model, param).unit ?? '';
}

// ---- slider shadows ----------------------------------------------------------------------------

/** The type name of the slider shadow block of one model parameter. Stable: saved projects
 * contain it. */
export function sliderType(model: string, param: string): string {
  return `nest_slider_${model}_${param}`;
}

/** Sliders for ranges that are user-interface choices rather than model facts (connections,
 * simulation time), each with the step a learner can hit. */
export const UI_SLIDERS = {
  weight: { min: -100, max: 100, precision: 0.01, doc: msg('blocks.slider.weight') },
  delay: { min: 0.01, max: 20, precision: 0.01, doc: msg('blocks.slider.delay') },
  sim_time: { min: 0, max: 10000, precision: 0.1, doc: msg('blocks.slider.sim_time') },
} as const;

export function uiSliderType(name: keyof typeof UI_SLIDERS): string {
  return `nest_slider_${name}`;
}

/** Whole numbers ≥ 1 (population sizes) and random seeds: number fields, not sliders. */
export const COUNT_TYPE = 'nest_count';
export const SEED_TYPE = 'nest_seed';
/** A plain number (any real) for inputs without a known range; Blockly's own block. */
export const NUMBER_TYPE = 'math_number';

/** The step of a slider when dragged (typed values are kept as typed): times to 0.01 ms so any
 * resolution a learner picks stays reachable, wide ranges to 0.1, narrow ones to 0.01. */
function precisionFor(min: number, max: number, unit: string | undefined): number {
  if (unit === 'ms') return 0.01;
  return max - min >= 200 ? 0.1 : 0.01;
}

/** Every (model, parameter) with a known range gets a slider shadow type. */
export function sliderParams(): { model: string; param: string; info: ParamInfo }[] {
  const out: { model: string; param: string; info: ParamInfo }[] = [];
  for (const m of Object.values(NEST_MODELS)) {
    for (const [param, info] of Object.entries(m.params)) {
      if (typeof info.default === 'number' && info.min !== undefined && info.max !== undefined) {
        out.push({ model: m.name, param, info });
      }
    }
  }
  return out;
}

function sliderBlock(type: string, min: number, max: number, precision: number, value: number, tooltip: string): Record<string, unknown> {
  return {
    type,
    message0: '%1',
    args0: [{ type: RANGE_NUMBER_FIELD, name: 'NUM', value, min, max, precision }],
    output: 'Number',
    style: 'math_blocks',
    tooltip,
    helpUrl: '',
  };
}

/** The Blockly message of a parameter slider's tooltip (made by sliderTooltips()). */
function sliderTooltipName(model: string, param: string): string {
  return `SB_TIP_${sliderType(model, param).toUpperCase()}`;
}

let docKeys: Map<string, BlocksTextKey> | null = null;

/** What models.ts says of a model or parameter (`doc`, English), in the learner's language: the
 * texts blocks.doc.* give the German of each (found by its English; unknown ones stay English). */
export function modelDoc(english: string): string {
  if (!docKeys) {
    docKeys = new Map();
    for (const [key, text] of Object.entries(blocksTexts)) if (key.startsWith('blocks.doc.')) docKeys.set(text.en, key as BlocksTextKey);
  }
  const key = docKeys.get(english);
  return key ? t(key) : english;
}

/** The tooltips of the parameter sliders: "V_m (mV): what it is" from the model table. */
export function sliderTooltips(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { model, param, info } of sliderParams()) {
    out[sliderTooltipName(model, param)] = t('blocks.slider.param', { param, unit: info.unit ? ` (${info.unit})` : '', doc: modelDoc(info.doc) });
  }
  return out;
}

/** Definitions of the value (shadow) blocks: sliders (model parameters, connections, stdp_synapse
 * rows), counts, seeds. */
export function valueBlockDefinitions(): Record<string, unknown>[] {
  const defs: Record<string, unknown>[] = [];
  for (const { model, param, info } of sliderParams()) {
    const d = sliderBlock(
      sliderType(model, param),
      info.min!,
      info.max!,
      precisionFor(info.min!, info.max!, info.unit),
      info.default as number,
      madeMsg(sliderTooltipName(model, param)),
    );
    d.helpUrl = modelHelpUrl(model);
    defs.push(d);
  }
  for (const [name, s] of Object.entries(UI_SLIDERS)) {
    const d = sliderBlock(uiSliderType(name as keyof typeof UI_SLIDERS), s.min, s.max, s.precision, s.min, s.doc);
    d.helpUrl = name === 'sim_time' ? HELP.simulate : HELP.connect;
    defs.push(d);
  }
  defs.push(...synapseSliderDefinitions());
  defs.push({
    type: COUNT_TYPE,
    message0: '%1',
    args0: [{ type: 'field_number', name: 'NUM', value: 1, min: 1, precision: 1 }],
    output: 'Number',
    style: 'math_blocks',
    tooltip: msg('blocks.count.tooltip'),
    helpUrl: HELP.neurons,
  });
  defs.push({
    type: SEED_TYPE,
    message0: '%1',
    args0: [{ type: 'field_number', name: 'NUM', value: 1, min: 1, max: 4294967294, precision: 1 }],
    output: 'Number',
    style: 'math_blocks',
    tooltip: msg('blocks.seed.tooltip'),
    helpUrl: HELP.kernel,
  });
  return defs;
}

/** Types of every block whose NUM field is a plain number literal (the generator reads them as
 * literals, for checks before running). */
export function numberLiteralTypes(): Set<string> {
  const s = new Set<string>([NUMBER_TYPE, COUNT_TYPE, SEED_TYPE]);
  for (const { model, param } of sliderParams()) s.add(sliderType(model, param));
  for (const name of Object.keys(UI_SLIDERS)) s.add(uiSliderType(name as keyof typeof UI_SLIDERS));
  for (const type of synapseSliderTypes()) s.add(type);
  return s;
}

/** A toolbox/serialization shadow for a model parameter: its slider when the range is known,
 * else a plain number, set to the model's default. */
export function paramShadow(model: string, param: string, value?: number): { shadow: { type: string; fields: { NUM: number } } } {
  const info = paramInfo(model, param);
  const v = value ?? (info.default as number);
  const hasRange = typeof info.default === 'number' && info.min !== undefined && info.max !== undefined;
  return { shadow: { type: hasRange ? sliderType(model, param) : NUMBER_TYPE, fields: { NUM: v } } };
}

export function shadowOf(type: string, value: number): { shadow: { type: string; fields: { NUM: number } } } {
  return { shadow: { type, fields: { NUM: value } } };
}
