/** Encoders: one value per neuron (shape (neurons,)) in, spikes of shape (time steps, neurons) out. */
import { NORSE_COLOURS, NORSE_HELP, nameField, partField } from './common';

const colour = NORSE_COLOURS.encoders;
const statement = { previousStatement: null, nextStatement: null, colour, inputsInline: false };
const right = { align: 'RIGHT' } as const;
const input = partField('INPUT', 'r1');
const steps = { type: 'input_value', name: 'STEPS', check: 'Number', ...right };
const params = { type: 'input_value', name: 'P', check: 'norse_LIFParameters', ...right };
const inputNote = 'Its input is one value per neuron (shape (neurons,)); its output has shape (time steps, neurons).';

export const ENCODER_BLOCKS = [
  {
    type: 'norse_poisson_encoder',
    message0: '%1 = Poisson encoder of %2',
    args0: [nameField('e'), input],
    message1: 'time steps %1',
    args1: [steps],
    message2: 'top rate f_max (Hz) %1',
    args2: [{ type: 'input_value', name: 'F_MAX', check: 'Number', ...right }],
    ...statement,
    tooltip:
      'norse.PoissonEncoder: random spikes; a value x spikes with probability dt · f_max · x per step ' +
      `(f_max 100 Hz and dt 0.001 s: 0.1 · x). ${inputNote}`,
    helpUrl: NORSE_HELP.poisson,
  },
  {
    type: 'norse_constant_current_encoder',
    message0: '%1 = constant-current LIF encoder of %2',
    args0: [nameField('e'), input],
    message1: 'time steps %1',
    args1: [steps],
    message2: 'neuron parameters %1',
    args2: [params],
    ...statement,
    tooltip:
      'norse.ConstantCurrentLIFEncoder: each value is a constant current into its own LIF neuron; a larger value ' +
      `spikes more often. ${inputNote}`,
    helpUrl: NORSE_HELP.constantCurrent,
  },
  {
    type: 'norse_spike_latency_encoder',
    message0: '%1 = spike-latency LIF encoder of %2',
    args0: [nameField('e'), input],
    message1: 'time steps %1',
    args1: [steps],
    message2: 'neuron parameters %1',
    args2: [params],
    ...statement,
    tooltip:
      'norse.SpikeLatencyLIFEncoder: each neuron spikes once at most; a larger value spikes earlier. ' + inputNote,
    helpUrl: NORSE_HELP.spikeLatency,
  },
];
