/**
 * The synapse a connect block makes: static_synapse (NEST's default, the weight never changes) or
 * stdp_synapse (the weight learns from spike timing). stdp_synapse's main parameters are rows of
 * the connect block, shown only when it is chosen. Defaults are the kernel's (nest.GetDefaults),
 * the slider ranges are user-interface choices. Imports nothing from the other block modules, so
 * common.ts can list its slider shadows.
 */
import { STDP_DEFAULTS } from '../../workers/engine/nest/stdp';
import { msg } from '../messages';
import { RANGE_NUMBER_FIELD } from './range-number-field';

/** Dropdown options; the values are NEST's synapse model names and are saved: never rename. */
export const SYNAPSES: [string, string][] = [
  [msg('blocks.connect.synapse.static_synapse'), 'static_synapse'],
  [msg('blocks.connect.synapse.stdp_synapse'), 'stdp_synapse'],
];
export const DEFAULT_SYNAPSE = 'static_synapse';

export interface SynapseParam {
  /** NEST's syn_spec key, also the name of the block's input */
  key: string;
  /** the row's text (a Blockly message with %1 for the input) */
  label: string;
  default: number;
  min: number;
  max: number;
  precision: number;
  /** the slider's tooltip (a Blockly message) */
  doc: string;
}

/** The rows of stdp_synapse on the connect block (mu_plus, mu_minus and the others keep NEST's
 * defaults: weight-dependent, "multiplicative" STDP). */
export const STDP_PARAMS: SynapseParam[] = [
  {
    key: 'tau_plus', label: msg('blocks.stdp.tau_plus'), default: STDP_DEFAULTS.tau_plus, min: 1, max: 100, precision: 0.1,
    doc: msg('blocks.stdp.tau_plus.tooltip'),
  },
  {
    key: 'lambda', label: msg('blocks.stdp.lambda'), default: STDP_DEFAULTS.lambda, min: 0, max: 0.1, precision: 0.001,
    doc: msg('blocks.stdp.lambda.tooltip'),
  },
  {
    key: 'alpha', label: msg('blocks.stdp.alpha'), default: STDP_DEFAULTS.alpha, min: 0, max: 2, precision: 0.01,
    doc: msg('blocks.stdp.alpha.tooltip'),
  },
  {
    key: 'Wmax', label: msg('blocks.stdp.Wmax'), default: STDP_DEFAULTS.Wmax, min: -1000, max: 1000, precision: 0.1,
    doc: msg('blocks.stdp.Wmax.tooltip'),
  },
];

/** The dummy input holding the synapse dropdown. */
export const SYNAPSE_ROW = 'SYNAPSE_ROW';

export function synapseSliderType(key: string): string {
  return `nest_slider_stdp_synapse_${key}`;
}

const STDP_HELP = 'https://nest-simulator.readthedocs.io/en/stable/models/stdp_synapse.html';

/** The slider shadow blocks of the stdp rows. */
export function synapseSliderDefinitions(): Record<string, unknown>[] {
  return STDP_PARAMS.map((p) => ({
    type: synapseSliderType(p.key),
    message0: '%1',
    args0: [{ type: RANGE_NUMBER_FIELD, name: 'NUM', value: p.default, min: p.min, max: p.max, precision: p.precision }],
    output: 'Number',
    style: 'math_blocks',
    tooltip: p.doc,
    helpUrl: STDP_HELP,
  }));
}

export function synapseSliderTypes(): string[] {
  return STDP_PARAMS.map((p) => synapseSliderType(p.key));
}
