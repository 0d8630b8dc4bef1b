/**
 * The synapse a connect block makes: static_synapse (NEST's default, the weight never changes) or
 * stdp_synapse (the weight learns from spike timing). stdp_synapse's main parameters are rows of
 * the connect block, shown only when it is chosen. Defaults are the kernel's (nest.GetDefaults),
 * the slider ranges are user-interface choices. Imports nothing from the other block modules, so
 * common.ts can list its slider shadows.
 */
import { STDP_DEFAULTS } from '../../workers/engine/nest/stdp';
import { RANGE_NUMBER_FIELD } from './range-number-field';

/** Dropdown options; the values are NEST's synapse model names and are saved: never rename. */
export const SYNAPSES: [string, string][] = [
  ['static (fixed weight)', 'static_synapse'],
  ['STDP (weight learns)', 'stdp_synapse'],
];
export const DEFAULT_SYNAPSE = 'static_synapse';

export interface SynapseParam {
  /** NEST's syn_spec key, also the name of the block's input */
  key: string;
  label: string;
  default: number;
  min: number;
  max: number;
  precision: number;
  doc: string;
}

/** The rows of stdp_synapse on the connect block (mu_plus, mu_minus and the others keep NEST's
 * defaults: weight-dependent, "multiplicative" STDP). */
export const STDP_PARAMS: SynapseParam[] = [
  {
    key: 'tau_plus', label: 'STDP window tau_plus (ms)', default: STDP_DEFAULTS.tau_plus, min: 1, max: 100, precision: 0.1,
    doc: 'How long a presynaptic spike counts for strengthening (time constant, ms). The window for weakening is tau_minus of the target neurons.',
  },
  {
    key: 'lambda', label: 'learning rate lambda', default: STDP_DEFAULTS.lambda, min: 0, max: 0.1, precision: 0.001,
    doc: 'How big each weight change is (as a fraction of Wmax).',
  },
  {
    key: 'alpha', label: 'weakening vs strengthening alpha', default: STDP_DEFAULTS.alpha, min: 0, max: 2, precision: 0.01,
    doc: 'How strong weakening is compared with strengthening (1: the same).',
  },
  {
    key: 'Wmax', label: 'largest weight Wmax', default: STDP_DEFAULTS.Wmax, min: -1000, max: 1000, precision: 0.1,
    doc: 'The weight never grows beyond this value. It must have the same sign as the weight.',
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
    tooltip: `${p.key}: ${p.doc}`,
    helpUrl: STDP_HELP,
  }));
}

export function synapseSliderTypes(): string[] {
  return STDP_PARAMS.map((p) => synapseSliderType(p.key));
}
