/** Layers applied to a (time steps, neurons) tensor, a Linear layer with one weight for all, and
 * the neuron parameter blocks (Norse's parameter classes, every field at Norse's default). */
import { LIF_METHODS, NORSE_COLOURS, NORSE_HELP, PARAM_CLASSES, nameField, partField, type ParamClass } from './common';

const colour = NORSE_COLOURS.layers;
const statement = { previousStatement: null, nextStatement: null, colour, inputsInline: false };
const right = { align: 'RIGHT' } as const;

/** The rows of a Linear layer, alone or inside a sequence: its sizes and its one weight. */
export const LINEAR_ROWS = {
  message1: 'inputs per step %1',
  args1: [{ type: 'input_value', name: 'IN', check: 'Number', ...right }],
  message2: 'outputs per step %1',
  args2: [{ type: 'input_value', name: 'OUT', check: 'Number', ...right }],
  message3: 'every weight %1',
  args3: [{ type: 'input_value', name: 'WEIGHT', check: 'Number', ...right }],
};
const input = (initial = 'x1') => partField('INPUT', initial);
const scale = { type: 'input_value', name: 'SCALE', check: 'Number', ...right };
const params = (cls: ParamClass) => ({ type: 'input_value', name: 'P', check: `norse_${cls}`, ...right });
const tupleNote = 'The input row scales what goes in (a layer returns spikes and states together, so scale the input, not the layer).';

/** The output check of a parameter block: plugs only into layers of its class. */
export function paramCheck(cls: ParamClass): string {
  return `norse_${cls}`;
}

const UNITS =
  'Units: dt is in seconds, the tau_*_inv are rates in 1/s (1/τ; 100 means τ = 10 ms), and each step moves by ' +
  'dt · tau_inv (0.001 · 100 = 0.1). Voltages have no unit.';

function paramBlock(type: string, cls: ParamClass, title: string, helpUrl: string, what: string) {
  const fields = PARAM_CLASSES[cls];
  const block: Record<string, unknown> = {
    type,
    message0: title,
    output: paramCheck(cls),
    colour,
    inputsInline: false,
    tooltip: `norse.${cls}: ${what} ${UNITS} Defaults are Norse's: ${fields.map((f) => `${f.key} ${f.default}`).join(', ')}. ` +
      fields.map((f) => f.doc).join(' '),
    helpUrl,
  };
  fields.forEach((f, i) => {
    block[`message${i + 1}`] = `${f.key}${f.rate ? ' (1/s)' : ''} %1`;
    block[`args${i + 1}`] = [{ type: 'input_value', name: f.key, check: 'Number', ...right }];
  });
  if (cls === 'LIFParameters') {
    const k = fields.length + 1;
    block[`message${k}`] = 'surrogate method %1';
    block[`args${k}`] = [{ type: 'field_dropdown', name: 'METHOD', options: LIF_METHODS.map((m) => [m, m]) }];
  }
  return block;
}

export const LAYER_BLOCKS = [
  {
    type: 'norse_lif',
    message0: '%1 = LIF layer on %2',
    args0: [nameField('lif'), input()],
    message1: 'input × %1',
    args1: [scale],
    message2: 'neuron parameters %1',
    args2: [params('LIFParameters')],
    ...statement,
    tooltip:
      'norse.LIF: leaky integrate-and-fire neurons, one per input column, stepped over dimension 0 (time). It returns ' +
      `spikes of the same shape and its states (v, i). ${tupleNote}`,
    helpUrl: NORSE_HELP.lif,
  },
  {
    type: 'norse_li',
    message0: '%1 = leaky integrator (LI) on %2',
    args0: [nameField('li'), input('lif1')],
    message1: 'input × %1',
    args1: [scale],
    message2: 'neuron parameters %1',
    args2: [params('LIParameters')],
    ...statement,
    tooltip:
      'norse.LI: integrates its input without spiking; its output is the voltage v, shape (time steps, neurons). ' +
      'Often the read-out after spiking layers. ' + tupleNote,
    helpUrl: NORSE_HELP.li,
  },
  {
    type: 'norse_lif_recurrent',
    message0: '%1 = recurrent LIF layer on %2',
    args0: [nameField('rec'), input()],
    message1: 'input × %1',
    args1: [scale],
    message2: 'neurons %1',
    args2: [{ type: 'input_value', name: 'HIDDEN', check: 'Number', ...right }],
    message3: 'neuron parameters %1',
    args3: [params('LIFParameters')],
    ...statement,
    tooltip:
      'norse.LIFRecurrent(inputs, neurons): LIF neurons whose spikes feed back to each other. Input and recurrent weights ' +
      'are random (seeded by the settings), with no self-connections. ' + tupleNote,
    helpUrl: NORSE_HELP.lifRecurrent,
  },
  {
    type: 'norse_lif_box',
    message0: '%1 = LIF box cell on %2',
    args0: [nameField('box'), input()],
    message1: 'input × %1',
    args1: [scale],
    message2: 'neuron parameters %1',
    args2: [params('LIFBoxParameters')],
    ...statement,
    tooltip:
      'norse.LIFBoxCell: the simplest LIF neuron (no synaptic current: the input goes straight into v), stepped one ' +
      'time step at a time in a Python loop. Outputs spikes; v can be recorded.',
    helpUrl: NORSE_HELP.lifBoxCell,
  },
  {
    type: 'norse_linear',
    message0: '%1 = Linear layer on %2',
    args0: [nameField('lin'), input('lif1')],
    ...LINEAR_ROWS,
    ...statement,
    tooltip:
      'torch.nn.Linear(inputs, outputs, bias=False): every output is the weighted sum of all inputs, at every time step. ' +
      'All weights are set to one number (torch.nn.init.constant_). Inputs per step must match the neurons of its input.',
    helpUrl: NORSE_HELP.sequential,
  },
  paramBlock('norse_lif_parameters', 'LIFParameters', 'LIF parameters', NORSE_HELP.lifParameters,
    'the parameters of LIF neurons (layers, recurrent layers, LIF encoders).'),
  paramBlock('norse_li_parameters', 'LIParameters', 'LI parameters', NORSE_HELP.liParameters,
    'the parameters of a leaky integrator (no threshold, no reset).'),
  paramBlock('norse_lif_box_parameters', 'LIFBoxParameters', 'LIF box parameters', NORSE_HELP.lifBoxParameters,
    'the parameters of the LIF box cell (no synaptic current).'),
];
