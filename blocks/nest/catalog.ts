import { t } from '../../src/i18n';

/** Which blocks create a NEST node, which model each creates, and the prefix of its default
 * variable name (n1, pg1, … as NEST Desktop names them). Shared by the blocks and the generator. */
export interface CreatorInfo {
  /** The NEST model, or null when a MODEL dropdown on the block chooses it. */
  model: string | null;
  prefix: string;
}

export const CREATORS: Record<string, CreatorInfo> = {
  nest_population: { model: null, prefix: 'n' },
  nest_poisson_generator: { model: 'poisson_generator', prefix: 'pg' },
  nest_dc_generator: { model: 'dc_generator', prefix: 'dc' },
  nest_spike_generator: { model: 'spike_generator', prefix: 'sg' },
  nest_ac_generator: { model: 'ac_generator', prefix: 'ac' },
  nest_step_current_generator: { model: 'step_current_generator', prefix: 'scg' },
  nest_noise_generator: { model: 'noise_generator', prefix: 'ng' },
  nest_spike_recorder: { model: 'spike_recorder', prefix: 'sr' },
  nest_voltmeter: { model: 'voltmeter', prefix: 'vm' },
  nest_multimeter: { model: 'multimeter', prefix: 'mm' },
};

/** The unit of a spike's weight at a target model: a current (pA) for the current-based models, a
 * conductance (nS) for the conductance-based ones, a jump of the voltage (mV) where a spike moves
 * V directly; a parrot only counts spikes. */
export const WEIGHT_UNIT_OF_MODEL: Record<string, string> = {
  iaf_psc_delta: 'mV', izhikevich: 'mV',
  iaf_cond_exp: 'nS', iaf_cond_alpha: 'nS', aeif_cond_alpha: 'nS',
  parrot_neuron: 'any',
};
export const DEFAULT_WEIGHT_UNIT = 'pA';

/** Generators that inject a current: the weight of their connection is a dimensionless factor
 * that multiplies the current (NEST scales the generator's current by the weight). */
export const CURRENT_GENERATORS = new Set(['dc_generator', 'ac_generator', 'noise_generator', 'step_current_generator']);

/** Recording devices: NEST ignores weight and delay of their connections. */
export const RECORDER_MODELS = new Set(['spike_recorder', 'voltmeter', 'multimeter']);

/** The text of the weight's unit label on a connect block: "(pA)", "(mV)" or "(× current)". */
export function weightUnitLabel(sourceModel: string | null, targetModel: string | null): string {
  if (sourceModel && CURRENT_GENERATORS.has(sourceModel)) return t('blocks.connect.timesCurrent');
  return `(${(targetModel && WEIGHT_UNIT_OF_MODEL[targetModel]) || DEFAULT_WEIGHT_UNIT})`;
}
