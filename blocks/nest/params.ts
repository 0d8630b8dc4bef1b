/**
 * The "more parameters" block: one NEST parameter of the enclosing neuron or stimulus block.
 * Its dropdown lists every numeric parameter of every neuron and stimulus model, with its unit;
 * the generator reports a parameter that the enclosing model does not have.
 */
import { NEST_MODELS } from '../../workers/engine/nest/models';
import { COLOURS, HELP } from './common';

/** Parameters shown on blocks of their own, never in the "more parameters" list. */
const OWN_FIELDS = new Set(['spike_times']);

/** [label, parameter] pairs: numeric parameters of neuron and stimulus models, in model order. */
export function settableParamOptions(): [string, string][] {
  const seen = new Map<string, string>();
  for (const m of Object.values(NEST_MODELS)) {
    if (m.kind === 'recorder') continue;
    for (const [name, info] of Object.entries(m.params)) {
      if (typeof info.default !== 'number' || OWN_FIELDS.has(name) || seen.has(name)) continue;
      seen.set(name, info.unit ? `${name} (${info.unit})` : name);
    }
  }
  return [...seen].map(([name, label]) => [label, name]);
}

export const PARAM_BLOCKS = [
  {
    type: 'nest_param',
    message0: 'set %1 to %2',
    args0: [
      { type: 'field_dropdown', name: 'PARAM', options: settableParamOptions() },
      { type: 'input_value', name: 'VALUE', check: 'Number' },
    ],
    inputsInline: true,
    previousStatement: 'nest_param',
    nextStatement: 'nest_param',
    colour: COLOURS.neurons,
    tooltip: 'One more parameter of the neuron or stimulus this block sits in. Units as NEST uses them.',
    helpUrl: HELP.neurons,
  },
];
