/** nest.Connect between two nodes named by their variables. */
import { COLOURS, HELP, NODE_VARIABLE_TYPE } from './common';

/** Connection rules offered to learners (NEST has more; these two need no extra numbers). */
export const RULES: [string, string][] = [
  ['all to all', 'all_to_all'],
  ['one to one', 'one_to_one'],
];

export const CONNECTION_BLOCKS = [
  {
    type: 'nest_connect',
    message0: 'connect %1 → %2',
    args0: [
      { type: 'field_variable', name: 'SOURCE', variable: 'pg1', variableTypes: [NODE_VARIABLE_TYPE], defaultType: NODE_VARIABLE_TYPE },
      { type: 'field_variable', name: 'TARGET', variable: 'n1', variableTypes: [NODE_VARIABLE_TYPE], defaultType: NODE_VARIABLE_TYPE },
    ],
    message1: 'rule %1',
    args1: [{ type: 'field_dropdown', name: 'RULE', options: RULES }],
    message2: 'weight %2 %1',
    args2: [
      { type: 'input_value', name: 'WEIGHT', check: 'Number', align: 'RIGHT' },
      { type: 'field_label_serializable', name: 'WEIGHT_UNIT', text: '(pA)' },
    ],
    message3: 'delay (ms) %1',
    args3: [{ type: 'input_value', name: 'DELAY', check: 'Number', align: 'RIGHT' }],
    inputsInline: false,
    previousStatement: null,
    nextStatement: null,
    colour: COLOURS.connections,
    tooltip:
      'Connects every source to its targets (nest.Connect). Weight: peak current in pA (jump in mV for iaf_psc_delta); ' +
      'negative weights inhibit. From a current generator the weight is a factor that multiplies its current. ' +
      'Delay: ms until the spike arrives. Recorders ignore weight and delay, so the block hides them.',
    helpUrl: HELP.connect,
    extensions: ['nest_weight_unit'],
  },
];
