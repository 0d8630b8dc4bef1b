/** SequentialState: layers stacked so each one's output is the next one's input. The layer blocks
 * inside have no name and no input of their own: the container feeds them. */
import { msg } from '../messages';
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
    message0: msg('blocks.norse.sequential.title'),
    args0: [nameField('net'), partField('INPUT', 'x1')],
    message1: msg('blocks.norse.inputTimes'),
    args1: [{ type: 'input_value', name: 'SCALE', check: 'Number', ...right }],
    message2: msg('blocks.norse.sequential.layers'),
    args2: [{ type: 'input_statement', name: 'LAYERS', check: MODULE_CHECK }],
    previousStatement: null,
    nextStatement: null,
    colour,
    inputsInline: false,
    tooltip: msg('blocks.norse.sequential.tooltip'),
    helpUrl: NORSE_HELP.sequential,
  },
  {
    type: 'norse_seq_linear',
    message0: msg('blocks.norse.seqLinear.title'),
    ...LINEAR_ROWS,
    ...inside,
    tooltip: msg('blocks.norse.seqLinear.tooltip'),
    helpUrl: NORSE_HELP.sequential,
  },
  {
    type: 'norse_seq_lif',
    message0: msg('blocks.norse.seqLif.title'),
    message1: msg('blocks.norse.neuronParameters'),
    args1: [{ type: 'input_value', name: 'P', check: paramCheck('LIFParameters'), ...right }],
    ...inside,
    tooltip: msg('blocks.norse.seqLif.tooltip'),
    helpUrl: NORSE_HELP.lif,
  },
  {
    type: 'norse_seq_li',
    message0: msg('blocks.norse.seqLi.title'),
    message1: msg('blocks.norse.neuronParameters'),
    args1: [{ type: 'input_value', name: 'P', check: paramCheck('LIParameters'), ...right }],
    ...inside,
    tooltip: msg('blocks.norse.seqLi.tooltip'),
    helpUrl: NORSE_HELP.li,
  },
];
