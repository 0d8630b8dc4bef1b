/** Stimulating devices: Poisson spikes, a constant current, spikes at listed times, a sine-wave
 * current, a current that steps at listed times. */
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
  {
    type: 'nest_ac_generator',
    message0: '%1 = sine-wave current',
    args0: [nameField('ac')],
    message1: `amplitude (${unitOf('ac_generator', 'amplitude')}) %1`,
    args1: [{ type: 'input_value', name: 'amplitude', check: 'Number', align: 'RIGHT' }],
    message2: `frequency (${unitOf('ac_generator', 'frequency')}) %1`,
    args2: [{ type: 'input_value', name: 'frequency', check: 'Number', align: 'RIGHT' }],
    message3: 'more parameters (offset, phase …) %1',
    args3: [moreParams],
    inputsInline: false,
    previousStatement: null,
    nextStatement: null,
    colour: COLOURS.stimuli,
    tooltip: 'ac_generator: injects a sine-wave current, offset + amplitude · sin(2π · frequency · t + phase), into the connected neurons.',
    helpUrl: modelHelpUrl('ac_generator'),
    extensions: ['nest_fresh_name'],
  },
  {
    type: 'nest_step_current_generator',
    message0: '%1 = stepping current',
    args0: [nameField('scg')],
    message1: `at times %1 ${unitOf('step_current_generator', 'amplitude_times')}`,
    args1: [{ type: 'field_input', name: 'TIMES', text: '100, 300' }],
    message2: `current becomes %1 ${unitOf('step_current_generator', 'amplitude_values')}`,
    args2: [{ type: 'field_input', name: 'VALUES', text: '200, -100' }],
    message3: 'more parameters %1',
    args3: [moreParams],
    inputsInline: false,
    previousStatement: null,
    nextStatement: null,
    colour: COLOURS.stimuli,
    tooltip:
      'step_current_generator: the current jumps to each listed value at the time listed with it (ms) and stays ' +
      'there until the next one, e.g. times "100, 300" with values "200, -100". Times must increase; one value per time.',
    helpUrl: modelHelpUrl('step_current_generator'),
    extensions: ['nest_fresh_name'],
  },
];
