/** Recording: what a run returns in response["recordings"], one entry per record block. */
import { msg } from '../messages';
import { NORSE_COLOURS, NORSE_HELP, partField } from './common';

export const RECORDING_BLOCKS = [
  {
    type: 'norse_record',
    message0: msg('blocks.norse.record.title'),
    args0: [
      partField('TARGET', 'lif1'),
      { type: 'field_checkbox', name: 'SPIKES', checked: true },
      { type: 'field_checkbox', name: 'V', checked: true },
      { type: 'field_checkbox', name: 'I', checked: true },
    ],
    previousStatement: null,
    nextStatement: null,
    colour: NORSE_COLOURS.recording,
    tooltip: msg('blocks.norse.record.tooltip'),
    helpUrl: NORSE_HELP.lif,
  },
];
