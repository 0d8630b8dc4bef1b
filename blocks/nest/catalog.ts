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
  nest_spike_recorder: { model: 'spike_recorder', prefix: 'sr' },
  nest_voltmeter: { model: 'voltmeter', prefix: 'vm' },
  nest_multimeter: { model: 'multimeter', prefix: 'mm' },
};

/** Weights are currents (pA) except where a spike makes the voltage jump directly (mV). */
export const WEIGHT_UNIT_OF_MODEL: Record<string, string> = { iaf_psc_delta: 'mV' };
export const DEFAULT_WEIGHT_UNIT = 'pA';
