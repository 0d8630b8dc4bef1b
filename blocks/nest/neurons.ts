/** Neuron populations: N neurons of one NEST model. The MODEL dropdown chooses which parameter
 * rows the block shows (the ones a learner changes first for that model, see MODEL_ROWS); every
 * other parameter of the model goes through "more parameters". The rows are built by the
 * nest_population_rows extension (./population-rows.ts) from the model alone, so a saved block
 * loads with the rows its model had when it was saved. */
import { NEST_MODELS } from '../../workers/engine/nest/models';
import { t } from '../../src/i18n';
import { isBlocksText, msg } from '../messages';
import { COLOURS, modelHelpUrl, modelsOfKind, NODE_VARIABLE_TYPE } from './common';
import { RANDOM_OR_NUMBER } from './random';

/** The rows of the iaf_psc_* models, which the block showed before it had one table per model
 * (saved projects have these inputs: never rename them). */
export const MAIN_NEURON_PARAMS = ['I_e', 'V_th', 'tau_m'] as const;

/**
 * The rows of each model, in block order. A row is an input named after the NEST parameter. The
 * models' order is the dropdown's; the first is the default of a new block.
 */
export const MODEL_ROWS: Record<string, readonly string[]> = {
  iaf_psc_alpha: MAIN_NEURON_PARAMS,
  iaf_psc_exp: MAIN_NEURON_PARAMS,
  iaf_psc_delta: MAIN_NEURON_PARAMS,
  iaf_cond_alpha: ['I_e', 'V_th', 'g_L'],
  iaf_cond_exp: ['I_e', 'V_th', 'g_L'],
  hh_psc_alpha: ['I_e', 'g_Na', 'g_K'],
  izhikevich: ['I_e', 'a', 'b', 'c', 'd'],
  aeif_cond_alpha: ['I_e', 'a', 'b', 'tau_w', 'Delta_T'],
  parrot_neuron: [],
};

/** Words before a parameter's name on its row (texts blocks.row.<param>). Per model where the
 * same name means something else (a and b of izhikevich are rates; of aeif_cond_alpha, adaptation
 * strengths): blocks.row.<model>.<param>. */
function rowWords(model: string, param: string): string | null {
  for (const key of [`blocks.row.${model}.${param}`, `blocks.row.${param}`]) {
    if (isBlocksText(key)) return t(key);
  }
  return null;
}

/** The models the population block offers: those of MODEL_ROWS that the model table has (in
 * that order), then any other neuron model of the table with the rows of MODEL_ROWS it has. */
export const NEURON_MODELS: string[] = [
  ...Object.keys(MODEL_ROWS).filter((m) => NEST_MODELS[m]?.kind === 'neuron'),
  ...modelsOfKind('neuron').filter((m) => !(m in MODEL_ROWS)),
];

/** The parameter rows a population of `model` shows. */
export function rowsOf(model: string): readonly string[] {
  const params = NEST_MODELS[model]?.params ?? {};
  return (MODEL_ROWS[model] ?? MAIN_NEURON_PARAMS).filter((p) => p in params);
}

/** "input current I_e (pA)": the label of a row. */
export function rowLabel(model: string, param: string): string {
  const words = rowWords(model, param);
  const unit = NEST_MODELS[model]?.params[param]?.unit;
  return `${words ? `${words} ` : ''}${param}${unit ? ` (${unit})` : ''}`;
}

/** Every parameter that is a row of some model: the inputs the block may ever have. */
export const ALL_ROWS = [...new Set(Object.values(MODEL_ROWS).flat())];

/** Value inputs of the rows accept numbers and random values (nest.random.*): NEST draws one
 * value per neuron. */
export const ROW_CHECK = RANDOM_OR_NUMBER;

const first = NEURON_MODELS[0];

export const NEURON_BLOCKS = [
  {
    type: 'nest_population',
    message0: msg('blocks.population.title'),
    args0: [
      { type: 'field_variable', name: 'NAME', variable: 'n1', variableTypes: [NODE_VARIABLE_TYPE], defaultType: NODE_VARIABLE_TYPE },
      { type: 'field_dropdown', name: 'MODEL', options: NEURON_MODELS.map((m) => [m, m]) },
    ],
    message1: msg('blocks.population.howMany'),
    args1: [{ type: 'input_value', name: 'N', check: 'Number', align: 'RIGHT' }],
    // the model's parameter rows go here (nest_population_rows)
    message2: `${msg('blocks.moreParameters')} %1`,
    args2: [{ type: 'input_statement', name: 'PARAMS', check: 'nest_param' }],
    inputsInline: false,
    previousStatement: null,
    nextStatement: null,
    colour: COLOURS.neurons,
    tooltip: msg('blocks.population.tooltip'),
    helpUrl: modelHelpUrl(first),
    extensions: ['nest_fresh_name', 'nest_model_help', 'nest_population_rows'],
  },
];
