/**
 * Shared pieces of the Norse blocks: category colours, help links, the variable type of named
 * parts, Norse 1.1's parameter defaults (units: dt in seconds, tau_*_inv in 1/s) and the number
 * shadows. Facts about Norse come from /work/shared/reference/norse.md.
 */

import { msg } from '../messages';

/** One colour per toolbox category (MakeCode style), as Blockly hue values. */
export const NORSE_COLOURS = {
  inputs: 20,
  encoders: 330,
  layers: 230,
  containers: 290,
  recording: 160,
} as const;

/**
 * Every named part (an input tensor, an encoder, a layer, a container) is a Blockly variable of
 * this type: the input and record dropdowns list exactly these. A layer's name stands for its
 * output (its spikes; an LI layer's voltage).
 */
export const NORSE_VARIABLE_TYPE = 'norse_tensor';

const DOCS = 'https://norse.github.io/norse';

/** The Norse documentation page of a class (Sphinx autosummary pages). */
export function norseDoc(qualified: string): string {
  return `${DOCS}/generated/${qualified}.html`;
}

export const NORSE_HELP = {
  start: `${DOCS}/`,
  lif: norseDoc('norse.torch.module.lif.LIF'),
  li: norseDoc('norse.torch.module.leaky_integrator.LI'),
  lifRecurrent: norseDoc('norse.torch.module.lif.LIFRecurrent'),
  lifBoxCell: norseDoc('norse.torch.module.lif_box.LIFBoxCell'),
  lifParameters: norseDoc('norse.torch.functional.lif.LIFParameters'),
  liParameters: norseDoc('norse.torch.functional.leaky_integrator.LIParameters'),
  lifBoxParameters: norseDoc('norse.torch.functional.lif_box.LIFBoxParameters'),
  poisson: norseDoc('norse.torch.module.encode.PoissonEncoder'),
  constantCurrent: norseDoc('norse.torch.module.encode.ConstantCurrentLIFEncoder'),
  spikeLatency: norseDoc('norse.torch.module.encode.SpikeLatencyLIFEncoder'),
  sequential: norseDoc('norse.torch.module.sequential.SequentialState'),
} as const;

/** A parameter of a Norse parameter class: its default and what the tooltip says about it. */
export interface NorseParam {
  key: string;
  default: number;
  /** a rate 1/τ in 1/s: must be positive */
  rate?: true;
  /** what the tooltip says about it (a Blockly message) */
  doc: string;
}

const TAU_SYN: NorseParam = {
  key: 'tau_syn_inv', default: 200, rate: true,
  doc: msg('blocks.norse.doc.tau_syn_inv'),
};
const TAU_MEM: NorseParam = {
  key: 'tau_mem_inv', default: 100, rate: true,
  doc: msg('blocks.norse.doc.tau_mem_inv'),
};
const V_LEAK: NorseParam = { key: 'v_leak', default: 0, doc: msg('blocks.norse.doc.v_leak') };
const V_TH: NorseParam = { key: 'v_th', default: 1, doc: msg('blocks.norse.doc.v_th') };
const V_RESET: NorseParam = { key: 'v_reset', default: 0, doc: msg('blocks.norse.doc.v_reset') };

/** Norse 1.1's parameter classes, their fields in Norse's order, with its defaults. */
export const PARAM_CLASSES = {
  LIFParameters: [TAU_SYN, TAU_MEM, V_LEAK, V_TH, V_RESET],
  LIParameters: [TAU_SYN, TAU_MEM, V_LEAK],
  LIFBoxParameters: [TAU_MEM, V_LEAK, V_TH, V_RESET],
} as const satisfies Record<string, readonly NorseParam[]>;

export type ParamClass = keyof typeof PARAM_CLASSES;

/** LIFParameters.alpha (the sharpness of the surrogate gradient): written out at its default. */
export const LIF_ALPHA = 100;

/** Surrogate-gradient methods of LIFParameters. The forward pass (what a run computes) is the
 * same step function for every one; they differ only when training. */
export const LIF_METHODS = ['super', 'heaviside', 'tanh', 'tent', 'circ'] as const;

/** Norse's default time step (seconds). */
export const DEFAULT_DT = 0.001;
export const DEFAULT_SEED = 1;

/** Whole numbers ≥ 1 (time steps, neurons, layer sizes) and random seeds: number fields. */
export const NORSE_COUNT_TYPE = 'norse_count';
export const NORSE_SEED_TYPE = 'norse_seed';
/** A plain number (any real) for inputs without a known range; Blockly's own block. */
export const NUMBER_TYPE = 'math_number';

export function shadowOf(type: string, value: number): { shadow: { type: string; fields: { NUM: number } } } {
  return { shadow: { type, fields: { NUM: value } } };
}

export const VALUE_BLOCKS = [
  {
    type: NORSE_COUNT_TYPE,
    message0: '%1',
    // no min: a 0 typed in stays 0 and the block says why it needs at least 1, instead of
    // silently becoming 1
    args0: [{ type: 'field_number', name: 'NUM', value: 1, precision: 1 }],
    output: 'Number',
    style: 'math_blocks',
    tooltip: msg('blocks.norse.count.tooltip'),
    helpUrl: NORSE_HELP.start,
  },
  {
    type: NORSE_SEED_TYPE,
    message0: '%1',
    args0: [{ type: 'field_number', name: 'NUM', value: 1, min: 0, max: 4294967295, precision: 1 }],
    output: 'Number',
    style: 'math_blocks',
    tooltip: msg('blocks.norse.seed.tooltip'),
    helpUrl: NORSE_HELP.start,
  },
];

/** Types whose NUM field is a plain number literal (read as literals for checks before running). */
export const NORSE_LITERAL_TYPES = new Set<string>([NUMBER_TYPE, NORSE_COUNT_TYPE, NORSE_SEED_TYPE]);

/** The name field of a block that makes a named part: x1, lif1 … */
export function nameField(prefix: string) {
  return { type: 'field_variable', name: 'NAME', variable: `${prefix}1`, variableTypes: [NORSE_VARIABLE_TYPE], defaultType: NORSE_VARIABLE_TYPE };
}

/** A dropdown of the named parts, for what a block takes in or records. */
export function partField(name: string, initial: string) {
  return { type: 'field_variable', name, variable: initial, variableTypes: [NORSE_VARIABLE_TYPE], defaultType: NORSE_VARIABLE_TYPE };
}
