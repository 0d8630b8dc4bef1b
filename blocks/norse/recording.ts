/** Recording: what a run returns in response["recordings"], one entry per record block. */
import { NORSE_COLOURS, NORSE_HELP, partField } from './common';

export const RECORDING_BLOCKS = [
  {
    type: 'norse_record',
    message0: 'record %1 spikes %2 v %3 i %4',
    args0: [
      partField('TARGET', 'lif1'),
      { type: 'field_checkbox', name: 'SPIKES', checked: true },
      { type: 'field_checkbox', name: 'V', checked: true },
      { type: 'field_checkbox', name: 'I', checked: true },
    ],
    previousStatement: null,
    nextStatement: null,
    colour: NORSE_COLOURS.recording,
    tooltip:
      'Returns a layer\'s spikes, membrane voltage v and input current i at every step (the layer then keeps its states: ' +
      'record_states=True). An LI layer has no spikes, a LIF box cell no current. For an input or an encoder, its values ' +
      'are recorded and the ticks do not matter.',
    helpUrl: NORSE_HELP.lif,
  },
];
