/** Neuron populations: N neurons of one NEST model, the parameters a learner changes first on
 * the block, every other parameter through "more parameters". */
import { NEST_MODELS } from '../../workers/engine/nest/models';
import { COLOURS, modelHelpUrl, modelsOfKind, NODE_VARIABLE_TYPE, unitOf } from './common';

/** The parameters shown on the population block itself (the rest go through nest_param). */
export const MAIN_NEURON_PARAMS = ['I_e', 'V_th', 'tau_m'] as const;

/** The models the population block offers: those that have every parameter it shows (the iaf
 * family). Models with other parameters (izhikevich, parrot_neuron …) run from Python already and
 * need blocks whose rows fit them; until then the block does not pretend they share its rows. */
export const NEURON_MODELS = modelsOfKind('neuron').filter((m) => MAIN_NEURON_PARAMS.every((p) => p in NEST_MODELS[m].params));

const LABELS: Record<(typeof MAIN_NEURON_PARAMS)[number], string> = {
  I_e: 'input current I_e',
  V_th: 'threshold V_th',
  tau_m: 'time constant tau_m',
};

const first = NEURON_MODELS[0];

function mainParamRows(): Record<string, unknown> {
  const rows: Record<string, unknown> = {};
  MAIN_NEURON_PARAMS.forEach((p, i) => {
    rows[`message${i + 2}`] = `${LABELS[p]} (${unitOf(first, p)}) %1`;
    rows[`args${i + 2}`] = [{ type: 'input_value', name: p, check: 'Number', align: 'RIGHT' }];
  });
  const k = MAIN_NEURON_PARAMS.length + 2;
  rows[`message${k}`] = 'more parameters %1';
  rows[`args${k}`] = [{ type: 'input_statement', name: 'PARAMS', check: 'nest_param' }];
  return rows;
}

export const NEURON_BLOCKS = [
  {
    type: 'nest_population',
    message0: '%1 = neurons of model %2',
    args0: [
      { type: 'field_variable', name: 'NAME', variable: 'n1', variableTypes: [NODE_VARIABLE_TYPE], defaultType: NODE_VARIABLE_TYPE },
      { type: 'field_dropdown', name: 'MODEL', options: NEURON_MODELS.map((m) => [m, m]) },
    ],
    message1: 'how many %1',
    args1: [{ type: 'input_value', name: 'N', check: 'Number', align: 'RIGHT' }],
    ...mainParamRows(),
    inputsInline: false,
    previousStatement: null,
    nextStatement: null,
    colour: COLOURS.neurons,
    tooltip: 'Creates a population of neurons of a NEST model (nest.Create). Change the parameters here; the rest under "more parameters".',
    helpUrl: modelHelpUrl(first),
    extensions: ['nest_fresh_name', 'nest_model_help'],
  },
];
