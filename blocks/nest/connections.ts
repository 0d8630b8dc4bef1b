/** nest.Connect between two nodes named by their variables, with a static or an STDP synapse. */
import { COLOURS, HELP, NODE_VARIABLE_TYPE } from './common';
import { RANDOM_OR_NUMBER } from './random';
import { STDP_PARAMS, SYNAPSE_ROW, SYNAPSES } from './synapses';

/** Connection rules offered to learners. The option values are NEST's rule names and are stored
 * in saved projects: never rename them. */
export const RULES: [string, string][] = [
  ['all to all', 'all_to_all'],
  ['one to one', 'one_to_one'],
  ['fixed indegree', 'fixed_indegree'],
  ['fixed outdegree', 'fixed_outdegree'],
  ['fixed total number', 'fixed_total_number'],
  ['random, probability p', 'pairwise_bernoulli'],
];

/** The one number a rule needs: the block's input, NEST's conn_spec key, whether NEST wants a
 * whole number, and the value a block dragged out starts with. */
export interface RuleNumber {
  input: string;
  key: string;
  integer: boolean;
  default: number;
  label: string;
}

export const RULE_NUMBERS: Record<string, RuleNumber> = {
  fixed_indegree: { input: 'INDEGREE', key: 'indegree', integer: true, default: 10, label: 'indegree (sources per target)' },
  fixed_outdegree: { input: 'OUTDEGREE', key: 'outdegree', integer: true, default: 10, label: 'outdegree (targets per source)' },
  fixed_total_number: { input: 'N', key: 'N', integer: true, default: 100, label: 'N (connections in all)' },
  pairwise_bernoulli: { input: 'P', key: 'p', integer: false, default: 0.1, label: 'p (probability per pair)' },
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
    message0: 'connect %1 → %2',
    args0: [
      { type: 'field_variable', name: 'SOURCE', variable: 'pg1', variableTypes: [NODE_VARIABLE_TYPE], defaultType: NODE_VARIABLE_TYPE },
      { type: 'field_variable', name: 'TARGET', variable: 'n1', variableTypes: [NODE_VARIABLE_TYPE], defaultType: NODE_VARIABLE_TYPE },
    ],
    message1: 'rule %1',
    args1: [{ type: 'field_dropdown', name: 'RULE', options: RULES }],
    // one row per rule number; the nest_weight_unit extension shows only the chosen rule's row
    ...Object.fromEntries(
      ruleNumberRows.flatMap((r, i) => [
        [`message${2 + i}`, `${r.label} %1`],
        [`args${2 + i}`, [{ type: 'input_value', name: r.input, check: 'Number', align: 'RIGHT' }]],
      ]),
    ),
    [`message${2 + ruleNumberRows.length}`]: 'allow autapses %1 multapses %2 %3',
    [`args${2 + ruleNumberRows.length}`]: [
      { type: 'field_checkbox', name: 'ALLOW_AUTAPSES', checked: true },
      { type: 'field_checkbox', name: 'ALLOW_MULTAPSES', checked: true },
      { type: 'input_dummy', name: ALLOW_ROW },
    ],
    [`message${3 + ruleNumberRows.length}`]: 'weight %2 %1',
    [`args${3 + ruleNumberRows.length}`]: [
      { type: 'input_value', name: 'WEIGHT', check: RANDOM_OR_NUMBER, align: 'RIGHT' },
      { type: 'field_label_serializable', name: 'WEIGHT_UNIT', text: '(pA)' },
    ],
    [`message${4 + ruleNumberRows.length}`]: 'delay (ms) %1',
    [`args${4 + ruleNumberRows.length}`]: [{ type: 'input_value', name: 'DELAY', check: RANDOM_OR_NUMBER, align: 'RIGHT' }],
    // Added after the rows above, so saved connect blocks (no SYNAPSE field) load as static.
    [`message${5 + ruleNumberRows.length}`]: 'synapse %1 %2',
    [`args${5 + ruleNumberRows.length}`]: [
      { type: 'field_dropdown', name: 'SYNAPSE', options: SYNAPSES },
      { type: 'input_dummy', name: SYNAPSE_ROW },
    ],
    // stdp_synapse's rows; nest_weight_unit shows them only for stdp_synapse
    ...Object.fromEntries(
      STDP_PARAMS.flatMap((sp, i) => [
        [`message${6 + ruleNumberRows.length + i}`, `${sp.label} %1`],
        [`args${6 + ruleNumberRows.length + i}`, [{ type: 'input_value', name: sp.key, check: 'Number', align: 'RIGHT' }]],
      ]),
    ),
    inputsInline: false,
    previousStatement: null,
    nextStatement: null,
    colour: COLOURS.connections,
    tooltip:
      'Connects sources to targets (nest.Connect). Rules: all to all; one to one; fixed indegree (every target gets ' +
      'that many random sources); fixed outdegree (every source gets that many random targets); fixed total number ' +
      '(N random pairs); random with probability p per pair. Autapses: a neuron connected to itself; multapses: the ' +
      'same pair connected more than once. Weight: peak current in pA (jump in mV for iaf_psc_delta); ' +
      'negative weights inhibit. From a current generator the weight is a factor that multiplies its current. ' +
      'Delay: ms until the spike arrives. Weight and delay also take a random value (each connection draws its own). ' +
      'Synapse: static keeps the weight; STDP (stdp_synapse) strengthens it when the source fires just before the target ' +
      'and weakens it when it fires just after, up to Wmax — only between neurons (NEST refuses it from stimuli). ' +
      'Recorders ignore weight, delay and synapse, so the block hides them.',
    helpUrl: HELP.connect,
    extensions: ['nest_weight_unit'],
  },
];
