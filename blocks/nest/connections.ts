/** nest.Connect between two nodes named by their variables, with a static or an STDP synapse. */
import { msg } from '../messages';
import { COLOURS, HELP, NODE_VARIABLE_TYPE } from './common';
import { RANDOM_OR_NUMBER } from './random';
import { STDP_PARAMS, SYNAPSE_ROW, SYNAPSES } from './synapses';

/** Connection rules offered to learners. The option values are NEST's rule names and are stored
 * in saved projects: never rename them. */
export const RULES: [string, string][] = [
  [msg('blocks.connect.rule.all_to_all'), 'all_to_all'],
  [msg('blocks.connect.rule.one_to_one'), 'one_to_one'],
  [msg('blocks.connect.rule.fixed_indegree'), 'fixed_indegree'],
  [msg('blocks.connect.rule.fixed_outdegree'), 'fixed_outdegree'],
  [msg('blocks.connect.rule.fixed_total_number'), 'fixed_total_number'],
  [msg('blocks.connect.rule.pairwise_bernoulli'), 'pairwise_bernoulli'],
];

/** The one number a rule needs: the block's input, NEST's conn_spec key, whether NEST wants a
 * whole number, and the value a block dragged out starts with. */
export interface RuleNumber {
  input: string;
  key: string;
  integer: boolean;
  default: number;
  /** the row's text (a Blockly message with %1 for the input) */
  label: string;
}

export const RULE_NUMBERS: Record<string, RuleNumber> = {
  fixed_indegree: { input: 'INDEGREE', key: 'indegree', integer: true, default: 10, label: msg('blocks.connect.number.fixed_indegree') },
  fixed_outdegree: { input: 'OUTDEGREE', key: 'outdegree', integer: true, default: 10, label: msg('blocks.connect.number.fixed_outdegree') },
  fixed_total_number: { input: 'N', key: 'N', integer: true, default: 100, label: msg('blocks.connect.number.fixed_total_number') },
  pairwise_bernoulli: { input: 'P', key: 'p', integer: false, default: 0.1, label: msg('blocks.connect.number.pairwise_bernoulli') },
};

/** Rules that draw at random, where excluding self-connections (autapses) and repeated pairs
 * (multapses) changes what is drawn; all_to_all and one_to_one keep the row hidden. */
export const RANDOM_RULES = new Set(Object.keys(RULE_NUMBERS));

/** The dummy input holding the two checkboxes (hidden with them). */
export const ALLOW_ROW = 'ALLOW_ROW';

const ruleNumberRows = Object.values(RULE_NUMBERS);

export const CONNECTION_BLOCKS = [
  {
    type: 'nest_connect',
    message0: msg('blocks.connect.title'),
    args0: [
      { type: 'field_variable', name: 'SOURCE', variable: 'pg1', variableTypes: [NODE_VARIABLE_TYPE], defaultType: NODE_VARIABLE_TYPE },
      { type: 'field_variable', name: 'TARGET', variable: 'n1', variableTypes: [NODE_VARIABLE_TYPE], defaultType: NODE_VARIABLE_TYPE },
    ],
    message1: msg('blocks.connect.rule'),
    args1: [{ type: 'field_dropdown', name: 'RULE', options: RULES }],
    // one row per rule number; the nest_weight_unit extension shows only the chosen rule's row
    ...Object.fromEntries(
      ruleNumberRows.flatMap((r, i) => [
        [`message${2 + i}`, r.label],
        [`args${2 + i}`, [{ type: 'input_value', name: r.input, check: 'Number', align: 'RIGHT' }]],
      ]),
    ),
    [`message${2 + ruleNumberRows.length}`]: msg('blocks.connect.allow'),
    [`args${2 + ruleNumberRows.length}`]: [
      { type: 'field_checkbox', name: 'ALLOW_AUTAPSES', checked: true },
      { type: 'field_checkbox', name: 'ALLOW_MULTAPSES', checked: true },
      { type: 'input_dummy', name: ALLOW_ROW },
    ],
    [`message${3 + ruleNumberRows.length}`]: msg('blocks.connect.weight'),
    [`args${3 + ruleNumberRows.length}`]: [
      { type: 'input_value', name: 'WEIGHT', check: RANDOM_OR_NUMBER, align: 'RIGHT' },
      { type: 'field_label_serializable', name: 'WEIGHT_UNIT', text: '(pA)' },
    ],
    [`message${4 + ruleNumberRows.length}`]: msg('blocks.connect.delay'),
    [`args${4 + ruleNumberRows.length}`]: [{ type: 'input_value', name: 'DELAY', check: RANDOM_OR_NUMBER, align: 'RIGHT' }],
    // Added after the rows above, so saved connect blocks (no SYNAPSE field) load as static.
    [`message${5 + ruleNumberRows.length}`]: msg('blocks.connect.synapse'),
    [`args${5 + ruleNumberRows.length}`]: [
      { type: 'field_dropdown', name: 'SYNAPSE', options: SYNAPSES },
      { type: 'input_dummy', name: SYNAPSE_ROW },
    ],
    // stdp_synapse's rows; nest_weight_unit shows them only for stdp_synapse
    ...Object.fromEntries(
      STDP_PARAMS.flatMap((sp, i) => [
        [`message${6 + ruleNumberRows.length + i}`, sp.label],
        [`args${6 + ruleNumberRows.length + i}`, [{ type: 'input_value', name: sp.key, check: 'Number', align: 'RIGHT' }]],
      ]),
    ),
    inputsInline: false,
    previousStatement: null,
    nextStatement: null,
    colour: COLOURS.connections,
    tooltip: msg('blocks.connect.tooltip'),
    helpUrl: HELP.connect,
    extensions: ['nest_weight_unit'],
  },
];
