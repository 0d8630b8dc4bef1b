/** Encoders: one value per neuron (shape (neurons,)) in, spikes of shape (time steps, neurons) out. */
import { msg } from '../messages';
import { NORSE_COLOURS, NORSE_HELP, nameField, partField } from './common';

const colour = NORSE_COLOURS.encoders;
const statement = { previousStatement: null, nextStatement: null, colour, inputsInline: false };
const right = { align: 'RIGHT' } as const;
const input = partField('INPUT', 'r1');
const steps = { type: 'input_value', name: 'STEPS', check: 'Number', ...right };
const params = { type: 'input_value', name: 'P', check: 'norse_LIFParameters', ...right };

export const ENCODER_BLOCKS = [
  {
    type: 'norse_poisson_encoder',
    message0: msg('blocks.norse.poisson.title'),
    args0: [nameField('e'), input],
    message1: msg('blocks.norse.timeSteps'),
    args1: [steps],
    message2: msg('blocks.norse.poisson.fmax'),
    args2: [{ type: 'input_value', name: 'F_MAX', check: 'Number', ...right }],
    ...statement,
    tooltip: msg('blocks.norse.poisson.tooltip'),
    helpUrl: NORSE_HELP.poisson,
  },
  {
    type: 'norse_constant_current_encoder',
    message0: msg('blocks.norse.constantCurrent.title'),
    args0: [nameField('e'), input],
    message1: msg('blocks.norse.timeSteps'),
    args1: [steps],
    message2: msg('blocks.norse.neuronParameters'),
    args2: [params],
    ...statement,
    tooltip: msg('blocks.norse.constantCurrent.tooltip'),
    helpUrl: NORSE_HELP.constantCurrent,
  },
  {
    type: 'norse_spike_latency_encoder',
    message0: msg('blocks.norse.spikeLatency.title'),
    args0: [nameField('e'), input],
    message1: msg('blocks.norse.timeSteps'),
    args1: [steps],
    message2: msg('blocks.norse.neuronParameters'),
    args2: [params],
    ...statement,
    tooltip: msg('blocks.norse.spikeLatency.tooltip'),
    helpUrl: NORSE_HELP.spikeLatency,
  },
];
