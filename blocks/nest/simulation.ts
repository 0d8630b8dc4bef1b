/** Kernel settings, Simulate, and changing a parameter between two Simulate calls. */
import { COLOURS, HELP, NODE_VARIABLE_TYPE } from './common';
import { PARAM_FIELD } from './params';
import { RANDOM_OR_NUMBER } from './random';

export const SIMULATION_BLOCKS = [
  {
    type: 'nest_kernel',
    message0: 'simulation settings',
    message1: 'resolution %1 ms',
    args1: [{ type: 'input_value', name: 'RESOLUTION', check: 'Number', align: 'RIGHT' }],
    message2: 'random seed %1',
    args2: [{ type: 'input_value', name: 'SEED', check: 'Number', align: 'RIGHT' }],
    previousStatement: null,
    nextStatement: null,
    colour: COLOURS.simulation,
    tooltip: 'nest.SetKernelStatus: the time step of the simulation (ms) and the seed of its random numbers. Put it first.',
    helpUrl: HELP.kernel,
  },
  {
    type: 'nest_simulate',
    message0: 'simulate %1 ms',
    args0: [{ type: 'input_value', name: 'TIME', check: 'Number' }],
    inputsInline: true,
    previousStatement: null,
    nextStatement: null,
    colour: COLOURS.simulation,
    tooltip: 'nest.Simulate: runs the network for this many ms. Run it again to continue where it stopped.',
    helpUrl: HELP.simulate,
  },
  {
    type: 'nest_set',
    message0: 'change %1 of %2 to %3',
    args0: [
      { type: PARAM_FIELD, name: 'PARAM' },
      { type: 'field_variable', name: 'TARGET', variable: 'dc1', variableTypes: [NODE_VARIABLE_TYPE], defaultType: NODE_VARIABLE_TYPE },
      { type: 'input_value', name: 'VALUE', check: RANDOM_OR_NUMBER },
    ],
    inputsInline: true,
    previousStatement: null,
    nextStatement: null,
    colour: COLOURS.simulation,
    tooltip:
      'Changes one parameter of a node (node.set), e.g. the amplitude of a current between two simulate blocks. ' +
      'A neuron parameter also takes a random value: each neuron draws its own.',
    helpUrl: HELP.setStatus,
  },
];
