/** Simulation settings and the inputs: tensors of shape (time steps, neurons), and one value per
 * neuron (shape (neurons,)) for the encoders. */
import { NORSE_COLOURS, NORSE_HELP, nameField, partField } from './common';

const colour = NORSE_COLOURS.inputs;
const statement = { previousStatement: null, nextStatement: null, colour, inputsInline: false };
const right = { align: 'RIGHT' } as const;
const steps = { type: 'input_value', name: 'STEPS', check: 'Number', ...right };
const neurons = { type: 'input_value', name: 'NEURONS', check: 'Number', ...right };
const shapeNote = 'Shape (time steps, neurons): row t is what every neuron gets at step t.';

export const INPUT_BLOCKS = [
  {
    type: 'norse_settings',
    message0: 'simulation settings',
    message1: 'time step dt (s) %1',
    args1: [{ type: 'input_value', name: 'DT', check: 'Number', ...right }],
    message2: 'random seed %1',
    args2: [{ type: 'input_value', name: 'SEED', check: 'Number', ...right }],
    ...statement,
    tooltip:
      'dt is in seconds (Norse\'s default 0.001 s = 1 ms per step); every layer and encoder uses it. ' +
      'torch.manual_seed(seed): the same seed gives the same random inputs every run. Put it first.',
    helpUrl: NORSE_HELP.start,
  },
  {
    type: 'norse_constant',
    message0: '%1 = constant input',
    args0: [nameField('x')],
    message1: 'time steps %1',
    args1: [steps],
    message2: 'neurons %1',
    args2: [neurons],
    message3: 'value %1',
    args3: [{ type: 'input_value', name: 'VALUE', check: 'Number', ...right }],
    ...statement,
    tooltip: `torch.ones(steps, neurons) * value: the same input at every step for every neuron. ${shapeNote}`,
    helpUrl: NORSE_HELP.lif,
  },
  {
    type: 'norse_rand',
    message0: '%1 = random input (uniform)',
    args0: [nameField('x')],
    message1: 'time steps %1',
    args1: [steps],
    message2: 'neurons %1',
    args2: [neurons],
    message3: 'times %1',
    args3: [{ type: 'input_value', name: 'SCALE', check: 'Number', ...right }],
    ...statement,
    tooltip: `torch.rand(steps, neurons) * scale: a new random number between 0 and scale for every step and neuron. ${shapeNote}`,
    helpUrl: NORSE_HELP.lif,
  },
  {
    type: 'norse_randn',
    message0: '%1 = random input (normal)',
    args0: [nameField('x')],
    message1: 'time steps %1',
    args1: [steps],
    message2: 'neurons %1',
    args2: [neurons],
    message3: 'mean %1',
    args3: [{ type: 'input_value', name: 'MEAN', check: 'Number', ...right }],
    message4: 'spread (std) %1',
    args4: [{ type: 'input_value', name: 'STD', check: 'Number', ...right }],
    ...statement,
    tooltip: `torch.randn(steps, neurons) * std + mean: Gaussian noise, a new number for every step and neuron. ${shapeNote}`,
    helpUrl: NORSE_HELP.lif,
  },
  {
    type: 'norse_step_current',
    message0: '%1 = step input',
    args0: [nameField('x')],
    message1: 'time steps %1',
    args1: [steps],
    message2: 'neurons %1',
    args2: [neurons],
    message3: 'from step %1',
    args3: [{ type: 'input_value', name: 'FROM', check: 'Number', ...right }],
    message4: 'up to (not including) step %1',
    args4: [{ type: 'input_value', name: 'TO', check: 'Number', ...right }],
    message5: 'value %1',
    args5: [{ type: 'input_value', name: 'VALUE', check: 'Number', ...right }],
    ...statement,
    tooltip:
      'Zero, then value from one step up to (not including) another, for every neuron: torch.zeros(steps, neurons), ' +
      `then x[from:to] = value. Steps count from 0; with dt = 0.001 s, step 20 is at 20 ms. ${shapeNote}`,
    helpUrl: NORSE_HELP.lif,
  },
  {
    type: 'norse_spike_train',
    message0: '%1 = spikes at chosen steps',
    args0: [nameField('x')],
    message1: 'time steps %1',
    args1: [steps],
    message2: 'neurons %1',
    args2: [neurons],
    message3: 'spikes (step:neuron) %1',
    args3: [{ type: 'field_input', name: 'SPIKES', text: '10:0, 30:1' }],
    ...statement,
    tooltip:
      'Zeros with a 1 wherever a spike is listed as step:neuron, e.g. "10:0, 30:1" is neuron 0 at step 10 and neuron 1 ' +
      `at step 30 (both count from 0). ${shapeNote}`,
    helpUrl: NORSE_HELP.poisson,
  },
  {
    type: 'norse_values',
    message0: '%1 = one value per neuron',
    args0: [nameField('r')],
    message1: 'values %1',
    args1: [{ type: 'field_input', name: 'VALUES', text: '0.2, 0.5, 1.0' }],
    ...statement,
    tooltip:
      'torch.tensor([...]): one number per neuron, shape (neurons,), no time steps. Feed it to an encoder, which turns ' +
      'it into spikes over time.',
    helpUrl: NORSE_HELP.poisson,
  },
  {
    type: 'norse_add',
    message0: '%1 = %2 + %3',
    args0: [nameField('x'), partField('A', 'x1'), partField('B', 'x2')],
    ...statement,
    inputsInline: true,
    tooltip:
      'Adds two inputs step by step, e.g. a step input plus noise. Both need the same time steps and neurons ' +
      '(or one value per neuron, added at every step).',
    helpUrl: NORSE_HELP.lif,
  },
];
