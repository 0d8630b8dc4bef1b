/**
 * The toolboxes of the simulator plugins (each plugin's entry in src/registry.ts names its own).
 * NEST's category toolbox: the NEST categories first, then Blockly's own Logic, Loops, Math and
 * Variables. Every value input of a NEST block comes with its shadow (slider or number) set to
 * NEST's default, so a block dragged out is complete and a loop variable can still replace it.
 */
import { NEST_MODELS } from '../workers/engine/nest/models';
import {
  COLOURS,
  COUNT_TYPE,
  NUMBER_TYPE,
  NODE_VARIABLE_TYPE,
  paramShadow,
  SEED_TYPE,
  shadowOf,
  uiSliderType,
} from './nest/common';
import { NEURON_MODELS, rowsOf } from './nest/neurons';
import { RANDOM_KINDS } from './nest/random';
import { STDP_PARAMS, synapseSliderType } from './nest/synapses';

type Item = Record<string, unknown>;

function block(type: string, extra: Item = {}): Item {
  return { kind: 'block', type, ...extra };
}

const neuron = NEURON_MODELS[0];
const nodeVar = (name: string) => ({ name, type: NODE_VARIABLE_TYPE });

/** The inputs of a population of `model`: its size and its rows, at the model's defaults. */
function populationInputs(model: string): Item {
  const inputs: Item = { N: shadowOf(COUNT_TYPE, 1) };
  for (const p of rowsOf(model)) inputs[p] = paramShadow(model, p);
  return inputs;
}

/** A random block with a number shadow on every argument. */
function randomBlock(type: string, values: number[]): Item {
  const kind = RANDOM_KINDS.find((k) => k.type === type)!;
  return block(type, { inputs: Object.fromEntries(kind.args.map((a, i) => [a.name, shadowOf(NUMBER_TYPE, values[i] ?? a.default)])) });
}

/** A "set parameter" block preset to one parameter of a model, with that parameter's shadow. */
function paramBlock(model: string, param: string): Item {
  return block('nest_param', { fields: { PARAM: param }, inputs: { VALUE: paramShadow(model, param) } });
}

const defaultDelay = 1; // NEST's default delay of static_synapse (ms)
const defaultWeight = 1; // NEST's default weight of static_synapse

export const NEST_TOOLBOX = {
  kind: 'categoryToolbox',
  contents: [
    {
      kind: 'category',
      name: 'Neurons',
      colour: String(COLOURS.neurons),
      contents: [
        ...NEURON_MODELS.map((m) => block('nest_population', { fields: { MODEL: m }, inputs: populationInputs(m) })),
        paramBlock(neuron, 'C_m'),
        paramBlock(neuron, 'V_reset'),
        paramBlock(neuron, 't_ref'),
      ],
    },
    {
      kind: 'category',
      name: 'Stimuli',
      colour: String(COLOURS.stimuli),
      contents: [
        block('nest_poisson_generator', { inputs: { rate: paramShadow('poisson_generator', 'rate', 8000) } }),
        block('nest_dc_generator', { inputs: { amplitude: paramShadow('dc_generator', 'amplitude', 400) } }),
        block('nest_spike_generator'),
        block('nest_ac_generator', {
          inputs: { amplitude: paramShadow('ac_generator', 'amplitude', 100), frequency: paramShadow('ac_generator', 'frequency', 10) },
        }),
        block('nest_step_current_generator'),
        block('nest_noise_generator', {
          inputs: {
            // mean just below iaf_psc_alpha's rheobase (375 pA): the noise makes it fire, irregularly
            mean: paramShadow('noise_generator', 'mean', 350),
            std: paramShadow('noise_generator', 'std', 200),
            dt: paramShadow('noise_generator', 'dt'),
          },
        }),
        paramBlock('ac_generator', 'offset'),
        paramBlock('ac_generator', 'phase'),
        paramBlock('dc_generator', 'start'),
        block('nest_param', { fields: { PARAM: 'stop' }, inputs: { VALUE: shadowOf(NUMBER_TYPE, 500) } }),
      ],
    },
    {
      kind: 'category',
      name: 'Recorders',
      colour: String(COLOURS.recorders),
      contents: [
        block('nest_spike_recorder'),
        block('nest_voltmeter', { inputs: { interval: paramShadow('voltmeter', 'interval', 0.1) } }),
        block('nest_multimeter', { inputs: { interval: paramShadow('multimeter', 'interval', 0.1) } }),
        block('nest_spike_count', { fields: { RECORDER: nodeVar('sr1') } }),
        block('nest_record_result', { inputs: { X: shadowOf(NUMBER_TYPE, 0), Y: shadowOf(NUMBER_TYPE, 0) } }),
      ],
    },
    {
      kind: 'category',
      name: 'Connections',
      colour: String(COLOURS.connections),
      contents: [
        block('nest_connect', {
          fields: { SOURCE: nodeVar('pg1'), TARGET: nodeVar('n1') },
          inputs: { WEIGHT: shadowOf(uiSliderType('weight'), 10), DELAY: shadowOf(uiSliderType('delay'), defaultDelay) },
        }),
        block('nest_connect', {
          fields: { SOURCE: nodeVar('n1'), TARGET: nodeVar('sr1') },
          inputs: { WEIGHT: shadowOf(uiSliderType('weight'), defaultWeight), DELAY: shadowOf(uiSliderType('delay'), defaultDelay) },
        }),
        block('nest_connect', {
          fields: { SOURCE: nodeVar('vm1'), TARGET: nodeVar('n1') },
          inputs: { WEIGHT: shadowOf(uiSliderType('weight'), defaultWeight), DELAY: shadowOf(uiSliderType('delay'), defaultDelay) },
        }),
        block('nest_connect', {
          // n1 → n1 (names only existing blocks create): the learner picks the target population
          fields: { SOURCE: nodeVar('n1'), TARGET: nodeVar('n1'), SYNAPSE: 'stdp_synapse' },
          inputs: {
            WEIGHT: shadowOf(uiSliderType('weight'), 20),
            DELAY: shadowOf(uiSliderType('delay'), defaultDelay),
            ...Object.fromEntries(STDP_PARAMS.map((p) => [p.key, shadowOf(synapseSliderType(p.key), p.default)])),
          },
        }),
      ],
    },
    {
      kind: 'category',
      name: 'Random',
      colour: String(COLOURS.random),
      contents: [
        // positive and above the resolution: fits a weight, a delay or a time constant as it comes
        randomBlock('nest_random_uniform', [1, 2]),
        randomBlock('nest_random_normal', [10, 2]),
        randomBlock('nest_random_lognormal', [1, 0.5]),
        randomBlock('nest_random_exponential', [1]),
      ],
    },
    {
      kind: 'category',
      name: 'Simulation',
      colour: String(COLOURS.simulation),
      contents: [
        block('nest_kernel', { inputs: { RESOLUTION: shadowOf(NUMBER_TYPE, 0.1), SEED: shadowOf(SEED_TYPE, 1) } }),
        block('nest_simulate', { inputs: { TIME: shadowOf(uiSliderType('sim_time'), 1000) } }),
        block('nest_set', {
          fields: { PARAM: 'amplitude', TARGET: nodeVar('dc1') },
          inputs: { VALUE: paramShadow('dc_generator', 'amplitude', NEST_MODELS.dc_generator.params.amplitude.default as number) },
        }),
      ],
    },
    { kind: 'sep' },
    {
      kind: 'category',
      name: 'Logic',
      categorystyle: 'logic_category',
      contents: [
        block('controls_if'),
        block('logic_compare'),
        block('logic_operation'),
        block('logic_negate'),
        block('logic_boolean'),
      ],
    },
    {
      kind: 'category',
      name: 'Loops',
      categorystyle: 'loop_category',
      contents: [
        block('controls_repeat_ext', { inputs: { TIMES: shadowOf(NUMBER_TYPE, 10) } }),
        block('controls_for', {
          inputs: { FROM: shadowOf(NUMBER_TYPE, 100), TO: shadowOf(NUMBER_TYPE, 500), BY: shadowOf(NUMBER_TYPE, 100) },
        }),
        block('controls_forEach'),
        block('controls_whileUntil'),
        block('controls_flow_statements'),
      ],
    },
    {
      kind: 'category',
      name: 'Math',
      categorystyle: 'math_category',
      contents: [
        block('math_number', { fields: { NUM: 0 } }),
        block('math_arithmetic', { inputs: { A: shadowOf(NUMBER_TYPE, 1), B: shadowOf(NUMBER_TYPE, 1) } }),
        block('math_single', { inputs: { NUM: shadowOf(NUMBER_TYPE, 9) } }),
        block('math_round', { inputs: { NUM: shadowOf(NUMBER_TYPE, 3.1) } }),
        block('math_modulo', { inputs: { DIVIDEND: shadowOf(NUMBER_TYPE, 64), DIVISOR: shadowOf(NUMBER_TYPE, 10) } }),
        block('math_random_int', { inputs: { FROM: shadowOf(NUMBER_TYPE, 1), TO: shadowOf(NUMBER_TYPE, 100) } }),
      ],
    },
    { kind: 'category', name: 'Variables', categorystyle: 'variable_category', custom: 'VARIABLE' },
  ],
};

/** The NEST toolbox under its old name (the app and older tests import it so). */
export const TOOLBOX = NEST_TOOLBOX;

export { NORSE_TOOLBOX } from './norse/toolbox';
