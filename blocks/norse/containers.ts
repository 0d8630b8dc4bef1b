/** SequentialState: layers stacked so each one's output is the next one's input. The layer blocks
 * inside have no name and no input of their own: the container feeds them. */
import { NORSE_COLOURS, NORSE_HELP, nameField, partField } from './common';
import { LINEAR_ROWS, paramCheck } from './layers';

const colour = NORSE_COLOURS.containers;
const right = { align: 'RIGHT' } as const;
/** The connection type of the layers inside a container. */
export const MODULE_CHECK = 'norse_module';
const inside = { previousStatement: MODULE_CHECK, nextStatement: MODULE_CHECK, colour, inputsInline: false };

export const CONTAINER_BLOCKS = [
  {
    type: 'norse_sequential',
    message0: '%1 = layers in sequence (SequentialState) on %2',
    args0: [nameField('net'), partField('INPUT', 'x1')],
    message1: 'input × %1',
    args1: [{ type: 'input_value', name: 'SCALE', check: 'Number', ...right }],
    message2: 'layers %1',
    args2: [{ type: 'input_statement', name: 'LAYERS', check: MODULE_CHECK }],
    previousStatement: null,
    nextStatement: null,
    colour,
    inputsInline: false,
    tooltip:
      'norse.SequentialState: runs the layers inside one after another, each on the output of the one above, and keeps ' +
      'the state of each. Its output is the output of the last layer; recording it records the last layer.',
    helpUrl: NORSE_HELP.sequential,
  },
  {
    type: 'norse_seq_linear',
    message0: 'Linear layer',
    ...LINEAR_ROWS,
    ...inside,
    tooltip:
      'torch.nn.Linear(inputs, outputs, bias=False) inside a sequence: weighted sums of the output of the layer above ' +
      '(or of the sequence\'s input). Every weight is set to one number.',
    helpUrl: NORSE_HELP.sequential,
  },
  {
    type: 'norse_seq_lif',
    message0: 'LIF layer',
    message1: 'neuron parameters %1',
    args1: [{ type: 'input_value', name: 'P', check: paramCheck('LIFParameters'), ...right }],
    ...inside,
    tooltip: 'norse.LIF inside a sequence: spiking neurons, as many as the layer above has outputs.',
    helpUrl: NORSE_HELP.lif,
  },
  {
    type: 'norse_seq_li',
    message0: 'leaky integrator (LI)',
    message1: 'neuron parameters %1',
    args1: [{ type: 'input_value', name: 'P', check: paramCheck('LIParameters'), ...right }],
    ...inside,
    tooltip: 'norse.LI inside a sequence: integrates the output of the layer above without spiking; outputs the voltage.',
    helpUrl: NORSE_HELP.li,
  },
];
