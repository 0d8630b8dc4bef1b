/**
 * The Norse toolbox: its own categories (Inputs, Encoders, Layers, Containers, Recording), one
 * colour each. Every number input comes with its shadow at Norse's default; layers come with
 * their parameter block attached (a real block: it can be taken off, and the layer then uses
 * Norse's defaults).
 */
import {
  DEFAULT_DT,
  DEFAULT_SEED,
  NORSE_COLOURS,
  NORSE_COUNT_TYPE,
  NORSE_SEED_TYPE,
  NORSE_VARIABLE_TYPE,
  NUMBER_TYPE,
  PARAM_CLASSES,
  shadowOf,
  type ParamClass,
} from './common';

type Item = Record<string, unknown>;

function block(type: string, extra: Item = {}): Item {
  return { kind: 'block', type, ...extra };
}

const part = (name: string) => ({ name, type: NORSE_VARIABLE_TYPE });
const count = (n: number) => shadowOf(NORSE_COUNT_TYPE, n);
const num = (v: number) => shadowOf(NUMBER_TYPE, v);

const PARAM_TYPES: Record<ParamClass, string> = {
  LIFParameters: 'norse_lif_parameters',
  LIParameters: 'norse_li_parameters',
  LIFBoxParameters: 'norse_lif_box_parameters',
};

/** A parameter block with every field at Norse's default, as toolbox / serialization state. */
export function paramsState(cls: ParamClass): Item {
  return {
    type: PARAM_TYPES[cls],
    ...(cls === 'LIFParameters' ? { fields: { METHOD: 'super' } } : {}),
    inputs: Object.fromEntries(PARAM_CLASSES[cls].map((f) => [f.key, num(f.default)])),
  };
}

const withParams = (cls: ParamClass) => ({ P: { block: paramsState(cls) } });
const series = (T: number, N: number) => ({ STEPS: count(T), NEURONS: count(N) });

export const NORSE_TOOLBOX = {
  kind: 'categoryToolbox',
  contents: [
    {
      kind: 'category',
      name: 'Inputs',
      colour: String(NORSE_COLOURS.inputs),
      contents: [
        block('norse_settings', { inputs: { DT: num(DEFAULT_DT), SEED: shadowOf(NORSE_SEED_TYPE, DEFAULT_SEED) } }),
        block('norse_constant', { fields: { NAME: part('x1') }, inputs: { ...series(100, 4), VALUE: num(1.5) } }),
        block('norse_rand', { fields: { NAME: part('x1') }, inputs: { ...series(100, 4), SCALE: num(2) } }),
        block('norse_randn', { fields: { NAME: part('x1') }, inputs: { ...series(100, 4), MEAN: num(1), STD: num(0.5) } }),
        block('norse_step_current', {
          fields: { NAME: part('x1') },
          inputs: { ...series(100, 4), FROM: shadowOf(NUMBER_TYPE, 20), TO: shadowOf(NUMBER_TYPE, 60), VALUE: num(1.5) },
        }),
        block('norse_spike_train', { fields: { NAME: part('x1') }, inputs: series(100, 4) }),
        block('norse_values', { fields: { NAME: part('r1') } }),
        block('norse_add', { fields: { NAME: part('x1'), A: part('x1'), B: part('x2') } }),
      ],
    },
    {
      kind: 'category',
      name: 'Encoders',
      colour: String(NORSE_COLOURS.encoders),
      contents: [
        block('norse_poisson_encoder', { fields: { NAME: part('e1'), INPUT: part('r1') }, inputs: { STEPS: count(100), F_MAX: num(100) } }),
        block('norse_constant_current_encoder', {
          fields: { NAME: part('e1'), INPUT: part('r1') }, inputs: { STEPS: count(100), ...withParams('LIFParameters') },
        }),
        block('norse_spike_latency_encoder', {
          fields: { NAME: part('e1'), INPUT: part('r1') }, inputs: { STEPS: count(100), ...withParams('LIFParameters') },
        }),
      ],
    },
    {
      kind: 'category',
      name: 'Layers',
      colour: String(NORSE_COLOURS.layers),
      contents: [
        block('norse_lif', { fields: { NAME: part('lif1'), INPUT: part('x1') }, inputs: { SCALE: num(1), ...withParams('LIFParameters') } }),
        block('norse_li', { fields: { NAME: part('li1'), INPUT: part('lif1') }, inputs: { SCALE: num(1), ...withParams('LIParameters') } }),
        block('norse_lif_recurrent', {
          fields: { NAME: part('rec1'), INPUT: part('x1') }, inputs: { SCALE: num(1), HIDDEN: count(3), ...withParams('LIFParameters') },
        }),
        block('norse_lif_box', { fields: { NAME: part('box1'), INPUT: part('x1') }, inputs: { SCALE: num(1), ...withParams('LIFBoxParameters') } }),
        block('norse_linear', { fields: { NAME: part('lin1'), INPUT: part('lif1') }, inputs: { IN: count(4), OUT: count(3), WEIGHT: num(0.5) } }),
        block(PARAM_TYPES.LIFParameters, { fields: { METHOD: 'super' }, inputs: paramsState('LIFParameters').inputs }),
        block(PARAM_TYPES.LIParameters, { inputs: paramsState('LIParameters').inputs }),
        block(PARAM_TYPES.LIFBoxParameters, { inputs: paramsState('LIFBoxParameters').inputs }),
      ],
    },
    {
      kind: 'category',
      name: 'Containers',
      colour: String(NORSE_COLOURS.containers),
      contents: [
        block('norse_sequential', {
          fields: { NAME: part('net1'), INPUT: part('x1') },
          inputs: {
            SCALE: num(1),
            LAYERS: {
              block: {
                type: 'norse_seq_linear',
                inputs: { IN: count(4), OUT: count(3), WEIGHT: num(0.5) },
                next: { block: { type: 'norse_seq_lif', inputs: withParams('LIFParameters') } },
              },
            },
          },
        }),
        block('norse_seq_linear', { inputs: { IN: count(3), OUT: count(2), WEIGHT: num(0.5) } }),
        block('norse_seq_lif', { inputs: withParams('LIFParameters') }),
        block('norse_seq_li', { inputs: withParams('LIParameters') }),
      ],
    },
    {
      kind: 'category',
      name: 'Recording',
      colour: String(NORSE_COLOURS.recording),
      contents: [block('norse_record', { fields: { TARGET: part('lif1'), SPIKES: 'TRUE', V: 'TRUE', I: 'TRUE' } })],
    },
  ],
};
