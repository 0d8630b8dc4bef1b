/** Kernel settings, Simulate, and changing a parameter between two Simulate calls. */
import { msg } from '../messages';
import { COLOURS, HELP, NODE_VARIABLE_TYPE } from './common';
import { PARAM_FIELD } from './params';
import { RANDOM_OR_NUMBER } from './random';

export const SIMULATION_BLOCKS = [
  {
    type: 'nest_kernel',
    message0: msg('blocks.simulationSettings'),
    message1: msg('blocks.kernel.resolution'),
    args1: [{ type: 'input_value', name: 'RESOLUTION', check: 'Number', align: 'RIGHT' }],
    message2: msg('blocks.randomSeed'),
    args2: [{ type: 'input_value', name: 'SEED', check: 'Number', align: 'RIGHT' }],
    previousStatement: null,
    nextStatement: null,
    colour: COLOURS.simulation,
    tooltip: msg('blocks.kernel.tooltip'),
    helpUrl: HELP.kernel,
  },
  {
    type: 'nest_simulate',
    message0: msg('blocks.simulate.title'),
    args0: [{ type: 'input_value', name: 'TIME', check: 'Number' }],
    inputsInline: true,
    previousStatement: null,
    nextStatement: null,
    colour: COLOURS.simulation,
    tooltip: msg('blocks.simulate.tooltip'),
    helpUrl: HELP.simulate,
  },
  {
    type: 'nest_set',
    message0: msg('blocks.set.title'),
    args0: [
      { type: PARAM_FIELD, name: 'PARAM' },
      { type: 'field_variable', name: 'TARGET', variable: 'dc1', variableTypes: [NODE_VARIABLE_TYPE], defaultType: NODE_VARIABLE_TYPE },
      { type: 'input_value', name: 'VALUE', check: RANDOM_OR_NUMBER },
    ],
    inputsInline: true,
    previousStatement: null,
    nextStatement: null,
    colour: COLOURS.simulation,
    tooltip: msg('blocks.set.tooltip'),
    helpUrl: HELP.setStatus,
  },
];
