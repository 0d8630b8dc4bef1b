/** Stimulating devices: Poisson spikes, a constant current, spikes at listed times. */
import { COLOURS, modelHelpUrl, NODE_VARIABLE_TYPE, unitOf } from './common';

function nameField(prefix: string) {
  return { type: 'field_variable', name: 'NAME', variable: `${prefix}1`, variableTypes: [NODE_VARIABLE_TYPE], defaultType: NODE_VARIABLE_TYPE };
}

const moreParams = { type: 'input_statement', name: 'PARAMS', check: 'nest_param' };

export const STIMULUS_BLOCKS = [
  {
    type: 'nest_poisson_generator',
    message0: '%1 = Poisson spikes',
    args0: [nameField('pg')],
    message1: `rate (${unitOf('poisson_generator', 'rate')}) %1`,
    args1: [{ type: 'input_value', name: 'rate', check: 'Number', align: 'RIGHT' }],
    message2: 'more parameters %1',
    args2: [moreParams],
    inputsInline: false,
    previousStatement: null,
    nextStatement: null,
    colour: COLOURS.stimuli,
    tooltip: 'poisson_generator: random spikes at an average rate; every connected neuron gets its own spike train.',
    helpUrl: modelHelpUrl('poisson_generator'),
    extensions: ['nest_fresh_name'],
  },
  {
    type: 'nest_dc_generator',
    message0: '%1 = constant current',
    args0: [nameField('dc')],
    message1: `amplitude (${unitOf('dc_generator', 'amplitude')}) %1`,
    args1: [{ type: 'input_value', name: 'amplitude', check: 'Number', align: 'RIGHT' }],
    message2: 'more parameters (start, stop …) %1',
    args2: [moreParams],
    inputsInline: false,
    previousStatement: null,
    nextStatement: null,
    colour: COLOURS.stimuli,
    tooltip: 'dc_generator: injects a constant current into the connected neurons, from start to stop (ms).',
    helpUrl: modelHelpUrl('dc_generator'),
    extensions: ['nest_fresh_name'],
  },
  {
    type: 'nest_spike_generator',
    message0: '%1 = spikes at chosen times',
    args0: [nameField('sg')],
    message1: `spike times %1 ${unitOf('spike_generator', 'spike_times')}`,
    args1: [{ type: 'field_input', name: 'TIMES', text: '10, 20.5, 30' }],
    message2: 'more parameters %1',
    args2: [moreParams],
    inputsInline: false,
    previousStatement: null,
    nextStatement: null,
    colour: COLOURS.stimuli,
    tooltip: 'spike_generator: sends a spike at each listed time (ms), e.g. "10, 20.5, 30". Times must increase.',
    helpUrl: modelHelpUrl('spike_generator'),
    extensions: ['nest_fresh_name'],
  },
];
