/**
 * NEST model metadata as plain data, plus the parameter checks NEST 3.10 applies.
 *
 * Used by the kernel (on Create / SetStatus / SetKernelStatus / Connect) and by the blocks (to
 * flag impossible parameters before a run). Defaults, error class names and message texts were
 * read from real NEST 3.10.0 (nest.GetDefaults, and provoking each error).
 */
import { NestError } from './api';
import { NEST_NODE_MODEL_NAMES, NEST_SYNAPSE_MODEL_NAMES } from './nest-model-names';

export { NEST_NODE_MODEL_NAMES, NEST_SYNAPSE_MODEL_NAMES };

/** The synapse models the local engine implements (a subset of NEST_SYNAPSE_MODEL_NAMES). */
export const LOCAL_SYNAPSE_MODELS: readonly string[] = ['static_synapse', 'stdp_synapse'];

/** nestName of the errors for real NEST features the local engine lacks; the facade raises
 * them as nest.NotAvailableInLocalEngine (not a NEST class: real NEST would run the program). */
export const NOT_AVAILABLE = 'NotAvailableInLocalEngine';

/**
 * Why `model` cannot be created here. A name NEST 3.10 itself does not know gets NEST's own
 * UnknownModelName (same text as real NEST); a real NEST model the local engine does not
 * implement says so, so the learner knows the program is fine and where it would run.
 */
export function unknownModelError(model: string): NestError {
  if (NEST_NODE_MODEL_NAMES.includes(model)) {
    return new NestError(
      NOT_AVAILABLE,
      `'${model}' is a NEST model, but it is not available in the local engine (yet) — run this program on NEST Server`,
    );
  }
  return new NestError('UnknownModelName', `${model} is not a known model name.`);
}

/** The same for a synapse model in Connect's syn_spec; null when the local engine has it. */
export function checkSynapseModel(synapse: string): NestError | null {
  if (LOCAL_SYNAPSE_MODELS.includes(synapse)) return null;
  if (NEST_SYNAPSE_MODEL_NAMES.includes(synapse)) {
    return new NestError(
      NOT_AVAILABLE,
      `'${synapse}' is a NEST synapse model, but it is not available in the local engine (yet) — run this program on NEST Server`,
    );
  }
  // Real NEST 3.10.0's class and text for a synapse name it does not know.
  return new NestError('UnknownSynapseType', `Synapse with name ${synapse} does not exist.`);
}

export interface ParamInfo {
  default: number | boolean | string | number[];
  unit?: string;
  doc: string;
  /** slider range where a range is known */
  min?: number;
  max?: number;
}

export interface ModelInfo {
  name: string;
  kind: 'neuron' | 'generator' | 'recorder';
  doc: string;
  params: Record<string, ParamInfo>;
  recordables?: string[];
}

/** NEST's "forever": the largest double, used as the default `stop` of devices. */
export const NEST_FOREVER = 1.7976931348623157e308;

/** NEST counts time in tics of 1 µs. */
export const TICS_PER_MS = 1000;

// ---- shared parameter groups (each model gets its own copy, so nothing is aliased) ----

function neuronCommon(): Record<string, ParamInfo> {
  return {
    V_m: { default: -70, unit: 'mV', doc: 'Membrane potential: the voltage the neuron starts with.', min: -90, max: -40 },
    E_L: { default: -70, unit: 'mV', doc: 'Resting potential: where the voltage settles without input.', min: -90, max: -40 },
    C_m: { default: 250, unit: 'pF', doc: 'Membrane capacitance: how much charge it takes to change the voltage.', min: 1, max: 1000 },
    tau_m: { default: 10, unit: 'ms', doc: 'Membrane time constant: how quickly the voltage leaks back to rest.', min: 0.1, max: 100 },
    t_ref: { default: 2, unit: 'ms', doc: 'Refractory period: the dead time after a spike when the voltage is held at reset.', min: 0, max: 20 },
    V_th: { default: -55, unit: 'mV', doc: 'Spike threshold: the neuron fires when its voltage reaches this value.', min: -70, max: -30 },
    V_reset: { default: -70, unit: 'mV', doc: 'Reset potential: the voltage right after a spike.', min: -90, max: -40 },
    I_e: { default: 0, unit: 'pA', doc: 'Constant input current injected into the neuron.', min: 0, max: 1000 },
    ...stdpTrace(),
  };
}

/** The time constant of the neuron's spike trace that stdp_synapse connections into it read. */
function stdpTrace(): Record<string, ParamInfo> {
  return {
    tau_minus: { default: 20, unit: 'ms', doc: 'STDP: how long this neuron\'s spikes count for depression at its incoming stdp_synapse connections (time constant).', min: 1, max: 100 },
  };
}

function synapticTaus(): Record<string, ParamInfo> {
  return {
    tau_syn_ex: { default: 2, unit: 'ms', doc: 'How long an excitatory input current lasts (time constant).', min: 0.1, max: 20 },
    tau_syn_in: { default: 2, unit: 'ms', doc: 'How long an inhibitory input current lasts (time constant).', min: 0.1, max: 20 },
  };
}

function deviceWindow(): Record<string, ParamInfo> {
  return {
    start: { default: 0, unit: 'ms', doc: 'The device is active only after this time (relative to origin).', min: 0, max: 1000 },
    stop: { default: NEST_FOREVER, unit: 'ms', doc: 'The device is active only up to this time (relative to origin).' },
    origin: { default: 0, unit: 'ms', doc: 'Shifts start and stop by this amount.' },
  };
}

function recorderCommon(): Record<string, ParamInfo> {
  return {
    ...deviceWindow(),
    label: { default: '', doc: 'A name for this recorder.' },
    record_to: { default: 'memory', doc: 'Where the recorded data goes (memory keeps it for plotting).' },
    time_in_steps: { default: false, doc: 'Record times as step numbers instead of ms.' },
  };
}

/** Parameters of the conductance-based models (NEST 3.10 defaults, nest.GetDefaults). */
function condParams(): Record<string, ParamInfo> {
  const common = neuronCommon();
  delete common.tau_m; // the membrane time constant is C_m / g_L here
  return {
    ...common,
    V_reset: { ...common.V_reset, default: -60 },
    g_L: { default: 16.6667, unit: 'nS', doc: 'Leak conductance: how strongly the voltage is pulled back to E_L (C_m / g_L is the membrane time constant).', min: 1, max: 100 },
    E_ex: { default: 0, unit: 'mV', doc: 'Excitatory reversal potential: excitatory conductances pull the voltage towards it.', min: -20, max: 20 },
    E_in: { default: -85, unit: 'mV', doc: 'Inhibitory reversal potential: inhibitory conductances pull the voltage towards it.', min: -100, max: -60 },
    tau_syn_ex: { default: 0.2, unit: 'ms', doc: 'How fast an excitatory conductance decays (time constant).', min: 0.1, max: 20 },
    tau_syn_in: { default: 2, unit: 'ms', doc: 'How fast an inhibitory conductance decays (time constant).', min: 0.1, max: 20 },
    g_ex: { default: 0, unit: 'nS', doc: 'Excitatory conductance now (state; each excitatory spike adds its weight).' },
    g_in: { default: 0, unit: 'nS', doc: 'Inhibitory conductance now (state; each inhibitory spike adds the size of its weight).' },
  };
}

export const NEST_MODELS: Record<string, ModelInfo> = {
  iaf_psc_alpha: {
    name: 'iaf_psc_alpha',
    kind: 'neuron',
    doc: 'Leaky integrate-and-fire neuron; each input spike causes a smooth current bump (alpha shape).',
    params: {
      ...neuronCommon(),
      ...synapticTaus(),
      V_min: { default: -Infinity, unit: 'mV', doc: 'Lowest voltage the neuron can reach (no limit by default).' },
    },
    recordables: ['I_syn_ex', 'I_syn_in', 'V_m'],
  },
  iaf_psc_exp: {
    name: 'iaf_psc_exp',
    kind: 'neuron',
    doc: 'Leaky integrate-and-fire neuron; each input spike causes a current that jumps up and decays exponentially.',
    params: {
      ...neuronCommon(),
      ...synapticTaus(),
      delta: { default: 0, unit: 'mV', doc: 'Width of a soft threshold region (0 means a sharp threshold).', min: 0, max: 5 },
      rho: { default: 0.01, unit: '1/s', doc: 'Firing rate at threshold when the soft threshold (delta > 0) is used.', min: 0, max: 1 },
    },
    recordables: ['I_syn_ex', 'I_syn_in', 'V_m'],
  },
  iaf_cond_exp: {
    name: 'iaf_cond_exp',
    kind: 'neuron',
    doc: 'Leaky integrate-and-fire neuron with conductance synapses: each input spike opens a conductance (nS) that decays exponentially; its effect depends on how far V_m is from the reversal potential.',
    params: condParams(),
    recordables: ['V_m', 'g_ex', 'g_in'],
  },
  iaf_cond_alpha: {
    name: 'iaf_cond_alpha',
    kind: 'neuron',
    doc: 'Leaky integrate-and-fire neuron with conductance synapses: each input spike opens a conductance that rises and falls smoothly (alpha shape, peak = weight in nS); its effect depends on how far V_m is from the reversal potential.',
    params: {
      ...condParams(),
      dg_ex: { default: 0, unit: 'nS/ms', doc: 'Rate of change of the excitatory conductance (state of the alpha shape).' },
      dg_in: { default: 0, unit: 'nS/ms', doc: 'Rate of change of the inhibitory conductance (state of the alpha shape).' },
    },
    recordables: ['V_m', 'g_ex', 'g_in', 't_ref_remaining'],
  },
  hh_psc_alpha: {
    name: 'hh_psc_alpha',
    kind: 'neuron',
    doc: 'Hodgkin–Huxley neuron: sodium and potassium channels (gates m, h, n) make real action potentials; no threshold or reset. Each input spike causes a smooth current bump (alpha shape, peak = weight in pA).',
    params: {
      V_m: { default: -65, unit: 'mV', doc: 'Membrane potential: the voltage the neuron starts with (the gates Act_m, Inact_h, Act_n are not changed with it).', min: -90, max: -40 },
      E_L: { default: -54.402, unit: 'mV', doc: 'Leak reversal potential: the leak current pulls the voltage towards it.', min: -90, max: -40 },
      C_m: { default: 100, unit: 'pF', doc: 'Membrane capacitance: how much charge it takes to change the voltage.', min: 1, max: 1000 },
      g_Na: { default: 12000, unit: 'nS', doc: 'Peak sodium conductance: the fast inward current that makes the upstroke of a spike.', min: 0, max: 30000 },
      g_K: { default: 3600, unit: 'nS', doc: 'Peak potassium conductance: the slower outward current that brings the voltage back down.', min: 0, max: 10000 },
      g_L: { default: 30, unit: 'nS', doc: 'Leak conductance: how strongly the voltage is pulled towards E_L.', min: 0, max: 100 },
      E_Na: { default: 50, unit: 'mV', doc: 'Sodium reversal potential: the open sodium channels pull the voltage towards it.', min: 0, max: 100 },
      E_K: { default: -77, unit: 'mV', doc: 'Potassium reversal potential: the open potassium channels pull the voltage towards it.', min: -100, max: -50 },
      t_ref: { default: 2, unit: 'ms', doc: 'Dead time after a spike in which no new spike is counted (the voltage itself is not held).', min: 0, max: 20 },
      tau_syn_ex: { default: 0.2, unit: 'ms', doc: 'Rise time of an excitatory input current (alpha shape, peak after tau_syn_ex).', min: 0.1, max: 20 },
      tau_syn_in: { default: 2, unit: 'ms', doc: 'Rise time of an inhibitory input current (alpha shape, peak after tau_syn_in).', min: 0.1, max: 20 },
      I_e: { default: 0, unit: 'pA', doc: 'Constant input current injected into the neuron (from about 650 pA on it fires repeatedly).', min: 0, max: 3000 },
      Act_m: { default: 0.05293248525724958, doc: 'Sodium activation gate m (0 … 1; state). Starts at its resting value for V_m = −65 mV.' },
      Inact_h: { default: 0.5961207535084603, doc: 'Sodium inactivation gate h (0 … 1; state). Starts at its resting value for V_m = −65 mV.' },
      Act_n: { default: 0.3176769140606974, doc: 'Potassium activation gate n (0 … 1; state). Starts at its resting value for V_m = −65 mV.' },
    },
    recordables: ['Act_m', 'Act_n', 'I_syn_ex', 'I_syn_in', 'Inact_h', 'V_m'],
  },
  aeif_cond_alpha: {
    name: 'aeif_cond_alpha',
    kind: 'neuron',
    doc: 'Adaptive exponential integrate-and-fire neuron (AdEx, Brette & Gerstner 2005): the voltage takes off exponentially above V_th; at V_peak it is reset and the adaptation current w grows by b. Conductance synapses (alpha shape, peak = weight in nS).',
    params: {
      V_m: { default: -70.6, unit: 'mV', doc: 'Membrane potential: the voltage the neuron starts with.', min: -90, max: -40 },
      E_L: { default: -70.6, unit: 'mV', doc: 'Resting potential: where the voltage settles without input.', min: -90, max: -40 },
      C_m: { default: 281, unit: 'pF', doc: 'Membrane capacitance: how much charge it takes to change the voltage.', min: 1, max: 1000 },
      g_L: { default: 30, unit: 'nS', doc: 'Leak conductance: how strongly the voltage is pulled back to E_L (C_m / g_L is the membrane time constant).', min: 1, max: 100 },
      V_th: { default: -50.4, unit: 'mV', doc: 'Spike initiation threshold: above it the exponential term takes over and the voltage runs away.', min: -70, max: -30 },
      Delta_T: { default: 2, unit: 'mV', doc: 'Slope factor: how sharp the spike initiation is (0 makes it a plain threshold at V_th).', min: 0, max: 10 },
      V_peak: { default: 0, unit: 'mV', doc: 'Spike cut-off: when V_m reaches this value the neuron spikes and resets.', min: -40, max: 40 },
      V_reset: { default: -60, unit: 'mV', doc: 'Reset potential: the voltage right after a spike.', min: -90, max: -40 },
      t_ref: { default: 0, unit: 'ms', doc: 'Refractory period: the dead time after a spike when the voltage is held at V_reset.', min: 0, max: 20 },
      a: { default: 4, unit: 'nS', doc: 'Subthreshold adaptation: how strongly the adaptation current w follows the voltage.', min: 0, max: 100 },
      b: { default: 80.5, unit: 'pA', doc: 'Spike-triggered adaptation: how much w grows at every spike (slows the next spike down).', min: 0, max: 500 },
      tau_w: { default: 144, unit: 'ms', doc: 'Adaptation time constant: how slowly w decays back.', min: 1, max: 1000 },
      E_ex: { default: 0, unit: 'mV', doc: 'Excitatory reversal potential: excitatory conductances pull the voltage towards it.', min: -20, max: 20 },
      E_in: { default: -85, unit: 'mV', doc: 'Inhibitory reversal potential: inhibitory conductances pull the voltage towards it.', min: -100, max: -60 },
      tau_syn_ex: { default: 0.2, unit: 'ms', doc: 'Rise time of an excitatory conductance (alpha shape, peak after tau_syn_ex).', min: 0.1, max: 20 },
      tau_syn_in: { default: 2, unit: 'ms', doc: 'Rise time of an inhibitory conductance (alpha shape, peak after tau_syn_in).', min: 0.1, max: 20 },
      I_e: { default: 0, unit: 'pA', doc: 'Constant input current injected into the neuron.', min: 0, max: 1000 },
      gsl_error_tol: { default: 1e-6, doc: 'Error tolerance of the adaptive integrator (smaller = more accurate and slower). As in NEST it only takes effect when set before the first Simulate.' },
      w: { default: 0, unit: 'pA', doc: 'Adaptation current now (state; it is subtracted from the input).' },
      g_ex: { default: 0, unit: 'nS', doc: 'Excitatory conductance now (state).' },
      dg_ex: { default: 0, unit: 'nS/ms', doc: 'Rate of change of the excitatory conductance (state of the alpha shape).' },
      g_in: { default: 0, unit: 'nS', doc: 'Inhibitory conductance now (state).' },
      dg_in: { default: 0, unit: 'nS/ms', doc: 'Rate of change of the inhibitory conductance (state of the alpha shape).' },
    },
    recordables: ['V_m', 'g_ex', 'g_in', 'w'],
  },
  iaf_psc_delta: {
    name: 'iaf_psc_delta',
    kind: 'neuron',
    doc: 'Leaky integrate-and-fire neuron; each input spike makes the voltage jump at once.',
    params: {
      ...neuronCommon(),
      V_min: { default: -1.7976931348623157e308, unit: 'mV', doc: 'Lowest voltage the neuron can reach.' },
      refractory_input: { default: false, doc: 'If true, spikes arriving during the refractory period are added afterwards instead of lost.' },
    },
    recordables: ['V_m'],
  },
  parrot_neuron: {
    name: 'parrot_neuron',
    kind: 'neuron',
    doc: 'Repeats every spike it receives, at the moment it arrives. Useful to pass one spike train on to many neurons unchanged.',
    params: { ...stdpTrace() },
  },
  izhikevich: {
    name: 'izhikevich',
    kind: 'neuron',
    doc: 'Izhikevich neuron: two equations (voltage V_m and recovery U_m) that, with a, b, c, d, reproduce many real firing patterns (regular, bursting, chattering, ...).',
    params: {
      a: { default: 0.02, doc: 'How fast the recovery variable U_m follows the voltage (small = slow recovery).', min: 0, max: 0.2 },
      b: { default: 0.2, doc: 'How strongly the recovery variable U_m is pulled by the voltage.', min: 0, max: 0.5 },
      c: { default: -65, unit: 'mV', doc: 'Reset voltage: V_m jumps here after a spike.', min: -80, max: -40 },
      d: { default: 8, doc: 'How much U_m grows at each spike (slows the next spike down).', min: 0, max: 10 },
      V_th: { default: 30, unit: 'mV', doc: 'Spike cut-off: when V_m reaches this value the neuron spikes and resets.', min: 0, max: 50 },
      V_m: { default: -65, unit: 'mV', doc: 'Membrane potential: the voltage the neuron starts with.', min: -90, max: -40 },
      U_m: { default: -13, doc: 'Recovery variable: its start value (the default is b · V_m = 0.2 · −65).', min: -20, max: 10 },
      I_e: { default: 0, unit: 'pA', doc: 'Constant input current injected into the neuron (about 10 makes it fire).', min: 0, max: 50 },
      V_min: { default: -1.7976931348623157e308, unit: 'mV', doc: 'Lowest voltage the neuron can reach (no limit by default).' },
      consistent_integration: { default: true, doc: 'Use the standard step-by-step integration (true) or the one from Izhikevich’s 2003 paper (false).' },
      ...stdpTrace(),
    },
    recordables: ['U_m', 'V_m'],
  },
  dc_generator: {
    name: 'dc_generator',
    kind: 'generator',
    doc: 'Injects a constant current into the neurons it is connected to.',
    params: {
      amplitude: { default: 0, unit: 'pA', doc: 'Strength of the constant current.', min: -1000, max: 1000 },
      ...deviceWindow(),
    },
    recordables: ['I'],
  },
  ac_generator: {
    name: 'ac_generator',
    kind: 'generator',
    doc: 'Injects a sine-wave current: offset + amplitude · sin(2π · frequency · t + phase).',
    params: {
      amplitude: { default: 0, unit: 'pA', doc: 'Height of the sine wave (from its middle to its peak).', min: 0, max: 1000 },
      offset: { default: 0, unit: 'pA', doc: 'Constant current added to the sine wave (its middle line).', min: -1000, max: 1000 },
      frequency: { default: 0, unit: 'Hz', doc: 'How many full waves per second.', min: 0, max: 100 },
      phase: { default: 0, unit: 'deg', doc: 'Where in its cycle the wave is at t = 0 (0–360 degrees).', min: 0, max: 360 },
      ...deviceWindow(),
    },
    recordables: ['I'],
  },
  step_current_generator: {
    name: 'step_current_generator',
    kind: 'generator',
    doc: 'Injects a current that jumps to a new value at each time you list and stays there until the next one.',
    params: {
      amplitude_times: { default: [], unit: 'ms', doc: 'The times at which the current changes, in increasing order (all > 0).' },
      amplitude_values: { default: [], unit: 'pA', doc: 'The current from each of those times on (one value per time).' },
      allow_offgrid_times: { default: false, doc: 'Allow times between grid points; they move to the end of their step.' },
      ...deviceWindow(),
    },
    recordables: ['I'],
  },
  noise_generator: {
    name: 'noise_generator',
    kind: 'generator',
    doc: 'Injects a noisy current: every dt a new random value (Gaussian, mean ± std) for each connected neuron separately.',
    params: {
      mean: { default: 0, unit: 'pA', doc: 'Average current.', min: -1000, max: 1000 },
      std: { default: 0, unit: 'pA', doc: 'Standard deviation of the current (how strongly it fluctuates).', min: 0, max: 1000 },
      std_mod: { default: 0, unit: 'pA', doc: 'Modulation of the standard deviation by a sine wave (at most std).', min: 0, max: 1000 },
      frequency: { default: 0, unit: 'Hz', doc: 'Frequency of the sine wave modulating std.', min: 0, max: 100 },
      phase: { default: 0, unit: 'deg', doc: 'Phase of that sine wave at t = 0 (degrees).', min: 0, max: 360 },
      dt: { default: 1, unit: 'ms', doc: 'How long each random value is held (a multiple of the resolution).', min: 0.1, max: 10 },
      ...deviceWindow(),
    },
    recordables: ['I'],
  },
  poisson_generator: {
    name: 'poisson_generator',
    kind: 'generator',
    doc: 'Sends random spikes (a Poisson process) to every connected neuron, each neuron its own train.',
    params: {
      rate: { default: 0, unit: 'spikes/s', doc: 'Average number of spikes per second.', min: 0, max: 50000 },
      ...deviceWindow(),
    },
  },
  spike_generator: {
    name: 'spike_generator',
    kind: 'generator',
    doc: 'Sends spikes at the times you list.',
    params: {
      spike_times: { default: [], unit: 'ms', doc: 'The times of the spikes, in increasing order.' },
      spike_weights: { default: [], doc: 'Optional: one weight per spike (replaces the connection weight).' },
      spike_multiplicities: { default: [], doc: 'Optional: how many spikes to send at each time.' },
      precise_times: { default: false, doc: 'Send the exact off-grid times (only precise neuron models use them).' },
      allow_offgrid_times: { default: false, doc: 'Allow times between grid points; they move to the end of their step.' },
      shift_now_spikes: { default: false, doc: 'Move a spike at the current time one step later instead of dropping it.' },
      ...deviceWindow(),
    },
  },
  spike_recorder: {
    name: 'spike_recorder',
    kind: 'recorder',
    doc: 'Records which neuron spiked and when.',
    params: recorderCommon(),
  },
  voltmeter: {
    name: 'voltmeter',
    kind: 'recorder',
    doc: 'Records the membrane potential of the neurons it is connected to.',
    params: {
      interval: { default: 1, unit: 'ms', doc: 'Time between two samples.', min: 0.1, max: 10 },
      offset: { default: 0, unit: 'ms', doc: 'Time of the first possible sample.' },
      record_from: { default: ['V_m'] as unknown as number[], doc: 'What to record (V_m).' },
      ...recorderCommon(),
    },
  },
  multimeter: {
    name: 'multimeter',
    kind: 'recorder',
    doc: 'Records chosen state variables (e.g. V_m, I_syn_ex) of the neurons it is connected to.',
    params: {
      interval: { default: 1, unit: 'ms', doc: 'Time between two samples.', min: 0.1, max: 10 },
      offset: { default: 0, unit: 'ms', doc: 'Time of the first possible sample.' },
      record_from: { default: [], doc: 'What to record, e.g. ["V_m", "I_syn_ex"].' },
      ...recorderCommon(),
    },
  },
};

/** Parameters the blocks may set but whose type is a list of strings, not numbers. */
const STRING_LIST_PARAMS = new Set(['record_from']);
const DOUBLE_LIST_PARAMS = new Set(['spike_times', 'spike_weights', 'spike_multiplicities', 'amplitude_times', 'amplitude_values']);

// ---- formatting numbers the way NEST's C++ streams do (std::ostream default: %g, 6 digits) ----

/** Formats a number as C++'s default ostream would (like printf %g). */
export function formatCpp(x: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'nan' : x > 0 ? 'inf' : '-inf';
  if (x === 0) return '0';
  const exp = Math.floor(Math.log10(Math.abs(x)));
  if (exp < -5 || exp >= 6) {
    // scientific: mantissa with up to 6 significant digits, trailing zeros removed, exponent 2+ digits
    let [mant, e] = x.toExponential(5).split('e');
    if (mant.includes('.')) mant = mant.replace(/0+$/, '').replace(/\.$/, '');
    const en = Number(e);
    const es = String(Math.abs(en)).padStart(2, '0');
    return `${mant}e${en < 0 ? '-' : '+'}${es}`;
  }
  return String(Number(x.toPrecision(6)));
}

// ---- type checks (NEST's TypeMismatch texts) ----

/** The C++ type NEST names in its TypeMismatch messages for a value of this kind. */
export function cppTypeOf(v: unknown): string {
  if (typeof v === 'string') return 'std::string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'long' : 'double';
  if (Array.isArray(v)) return 'std::vector<double>';
  return 'unknown';
}

function typeMismatch(key: string, v: unknown, target: string): NestError {
  // NEST adds a final '.' only for scalar targets (seen in 3.10's messages).
  const dot = target === 'double' ? '.' : '';
  return new NestError('TypeMismatch', `Expected datatype: Failed to cast '${key}' from ${cppTypeOf(v)} to type ${target}${dot}`);
}

/** Coerces a value like NEST's dictionary access would; returns a NestError on a type mismatch. */
function checkType(key: string, v: unknown, info: ParamInfo): NestError | null {
  if (v === null || v === undefined) {
    return new NestError('AttributeError', `when converting Python Dictionary: value of key (${key}) is not a known type, got <class 'NoneType'>`);
  }
  const d = info.default;
  if (STRING_LIST_PARAMS.has(key)) {
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
      return new NestError('TypeMismatch', `Expected datatype: Failed to cast '${key}' from ${cppTypeOf(v)} to type std::vector<string>`);
    }
    return null;
  }
  if (DOUBLE_LIST_PARAMS.has(key)) {
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'number' && typeof x !== 'boolean')) {
      return typeMismatch(key, v, 'std::vector<double>');
    }
    return null;
  }
  if (typeof d === 'number') {
    if (typeof v === 'number' || typeof v === 'boolean') return null;
    if (Array.isArray(v)) return null; // NEST 3.10 silently accepts a list here; we take its first element
    return typeMismatch(key, v, 'double');
  }
  if (typeof d === 'boolean') {
    if (typeof v === 'boolean') return null;
    return typeMismatch(key, v, 'bool');
  }
  if (typeof d === 'string') {
    if (typeof v === 'string') return null;
    return typeMismatch(key, v, 'std::string');
  }
  return null;
}

/** A parameter value as a number (NEST turns bool into 1.0/0.0, a list into its first element). */
export function asNumber(v: unknown): number {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (Array.isArray(v)) return Number(v[0]);
  return Number(v);
}

// ---- time grid helpers ----

/** Time in ms → whole tics (NEST rounds to the nearest tic). */
export function msToTics(t: number): number {
  return Math.round(t * TICS_PER_MS);
}

/** Is t (ms) on the grid of `resolution` (ms), to within NEST's tic rounding? */
export function isOnGrid(t: number, resolution: number): boolean {
  const tics = msToTics(t);
  const step = msToTics(resolution);
  return tics % step === 0;
}

// ---- the checks ----

function badProperty(model: string, nodeId: number | undefined, text: string): NestError {
  const prefix = nodeId === undefined ? '' : `Setting status of a '${model}' with node ID ${nodeId}: `;
  return new NestError('BadProperty', prefix + text);
}

/** Read-only status entries: NEST refuses to set them ("Unaccessed elements"). */
function unknownKeys(model: string, params: Record<string, unknown>): string[] {
  const info = NEST_MODELS[model];
  return Object.keys(params).filter((k) => !(k in info.params)).sort();
}

/**
 * The checks NEST 3.10 applies when `params` are set on a node of `model`.
 * `current` is the node's present parameter values (the model defaults when omitted), because
 * several checks compare two parameters (V_reset < V_th). `nodeId`, when given, produces NEST's
 * full text "Setting status of a 'model' with node ID n: ..."; without it, only the reason.
 * `resolution` (ms) is needed for the time-grid checks of devices (default 0.1).
 */
export function checkParams(
  model: string,
  params: Record<string, unknown>,
  nodeId?: number,
  current?: Record<string, unknown>,
  resolution = 0.1,
): NestError | null {
  const info = NEST_MODELS[model];
  if (!info) return unknownModelError(model);

  const unknown = unknownKeys(model, params);
  for (const [k, v] of Object.entries(params)) {
    if (k in info.params) {
      const err = checkType(k, v, info.params[k]);
      if (err) return err;
    }
  }
  if (unknown.length > 0) {
    return new NestError(
      'UnaccessedDictionaryEntry',
      `Unaccessed elements in params, in function NodeManager::set_status: ${unknown.map((k) => ' ' + k).join('')}`,
    );
  }

  // The merged values: what the node would hold after the change.
  const merged: Record<string, unknown> = {};
  for (const [k, p] of Object.entries(info.params)) merged[k] = p.default;
  if (current) Object.assign(merged, current);
  Object.assign(merged, params);
  const num = (k: string) => asNumber(merged[k]);
  const bad = (text: string) => badProperty(model, nodeId, text);

  // every neuron keeps a spike trace for stdp_synapse (NEST's archiving node checks it)
  if (info.kind === 'neuron' && 'tau_minus' in params && !(num('tau_minus') > 0)) {
    return bad('All time constants must be strictly positive.');
  }

  switch (model) {
    case 'iaf_psc_alpha':
      // Order of checks as NEST 3.10 reports them when several fail at once.
      if (num('C_m') <= 0) return bad('Capacitance must be > 0.');
      if (num('tau_m') <= 0) return bad('Membrane time constant must be > 0.');
      if (num('tau_syn_ex') <= 0 || num('tau_syn_in') <= 0) return bad('All synaptic time constants must be > 0.');
      if (num('t_ref') < 0) return bad("The refractory time t_ref can't be negative.");
      if (num('V_reset') >= num('V_th')) return bad('Reset potential must be smaller than threshold.');
      return null;
    case 'iaf_psc_exp':
      if (num('V_reset') >= num('V_th')) return bad('Reset potential must be smaller than threshold.');
      if (num('C_m') <= 0) return bad('Capacitance must be strictly positive.');
      if (num('tau_m') <= 0 || num('tau_syn_ex') <= 0 || num('tau_syn_in') <= 0) {
        return bad('Membrane and synapse time constants must be strictly positive.');
      }
      if (num('t_ref') < 0) return bad('Refractory time must not be negative.');
      if (num('rho') < 0) return bad('Stochastic firing intensity must not be negative.');
      if (num('delta') < 0) return bad('Width of threshold region must not be negative.');
      return null;
    case 'iaf_cond_exp':
    case 'iaf_cond_alpha':
      // Order of checks as NEST 3.10 reports them when several fail at once.
      if (num('V_reset') >= num('V_th')) return bad('Reset potential must be smaller than threshold.');
      if (num('C_m') <= 0) return bad('Capacitance must be strictly positive.');
      if (num('t_ref') < 0) return bad('Refractory time cannot be negative.');
      if (num('tau_syn_ex') <= 0 || num('tau_syn_in') <= 0) return bad('All time constants must be strictly positive.');
      return null;
    case 'hh_psc_alpha':
      // Order of checks as NEST 3.10 reports them when several fail at once (probed).
      if (num('C_m') <= 0) return bad('Capacitance must be strictly positive.');
      if (num('t_ref') < 0) return bad('Refractory time cannot be negative.');
      if (num('tau_syn_ex') <= 0 || num('tau_syn_in') <= 0) return bad('All time constants must be strictly positive.');
      if (num('g_K') < 0 || num('g_Na') < 0 || num('g_L') < 0) return bad('All conductances must be non-negative.');
      if (num('Act_m') < 0 || num('Inact_h') < 0 || num('Act_n') < 0) return bad('All (in)activation variables must be non-negative.');
      return null;
    case 'aeif_cond_alpha': {
      if (num('V_reset') >= num('V_peak')) return bad('Ensure that: V_reset < V_peak .');
      if (num('Delta_T') < 0) return bad('Delta_T must be positive.');
      if (num('V_peak') < num('V_th')) return bad('V_peak >= V_th required.');
      // exp((V_peak − V_th) / Delta_T) must stay 1e20 below the largest double (boundary probed).
      if (num('Delta_T') > 0 && (num('V_peak') - num('V_th')) / num('Delta_T') >= Math.log(Number.MAX_VALUE / 1e20)) {
        return bad('The current combination of V_peak, V_th and Delta_Twill lead to numerical overflow at spike time; tryfor instance to increase Delta_T or to reduce V_peakto avoid this problem.');
      }
      if (num('C_m') <= 0) return bad('Capacitance must be strictly positive.');
      if (num('t_ref') < 0) return bad('Refractory time cannot be negative.');
      if (num('tau_syn_ex') <= 0 || num('tau_syn_in') <= 0 || num('tau_w') <= 0) return bad('All time constants must be strictly positive.');
      if (num('gsl_error_tol') <= 0) return bad('The gsl_error_tol must be strictly positive.');
      return null;
    }
    case 'iaf_psc_delta':
      if (num('V_reset') >= num('V_th')) return bad('Reset potential must be smaller than threshold.');
      if (num('C_m') <= 0) return bad('Capacitance must be > 0.');
      if (num('t_ref') < 0) return bad('Refractory time must not be negative.');
      if (num('tau_m') <= 0) return bad('Membrane time constant must be > 0.');
      return null;
    case 'izhikevich': // NEST 3.10 accepts any values (probed: negative a, b, d; V_th below c)
    case 'parrot_neuron':
      return null;
  }

  // Devices: rate / spike times first, then the activity window.
  if (model === 'poisson_generator' && num('rate') < 0) return bad('The rate cannot be negative.');
  if (model === 'noise_generator') {
    if (num('std') < 0 || num('std_mod') < 0) return bad('The standard deviation cannot be negative.');
    if (num('std_mod') > num('std')) return bad('The modulation apmlitude must be smaller or equal to the baseline amplitude.');
    const err = checkStepMultiple('dt', num('dt'), model, resolution);
    if (err) return err;
  }
  if (model === 'spike_generator') {
    const err = checkSpikeGenerator(merged, params, bad, resolution);
    if (err) return err;
  }
  if (model === 'step_current_generator') {
    const err = checkStepCurrentGenerator(merged, params, current, bad, resolution);
    if (err) return err;
  }
  if (model === 'voltmeter' || model === 'multimeter') {
    const iv = num('interval');
    if (msToTics(iv) < msToTics(resolution)) return bad('The sampling interval must be at least as long as the simulation resolution.');
    if (!isOnGrid(iv, resolution)) return bad('The sampling interval must be a multiple of the simulation resolution.');
    const off = num('offset');
    if (off !== 0 && msToTics(off) < msToTics(resolution)) {
      return bad('The offset for the sampling interval must be at least as long as the simulation resolution.');
    }
  }
  for (const k of ['origin', 'start', 'stop']) {
    const t = num(k);
    if (k === 'stop' && t === NEST_FOREVER) continue;
    if (t < 0 && k !== 'origin') return bad(`${k} must be a multiple of the simulation resolution.`);
    if (!isOnGrid(t, resolution)) return bad(`${k} must be a multiple of the simulation resolution.`);
  }
  if (num('stop') < num('start')) return bad('stop >= start required.');
  return null;
}

function checkSpikeGenerator(
  merged: Record<string, unknown>,
  params: Record<string, unknown>,
  bad: (text: string) => NestError,
  resolution: number,
): NestError | null {
  const precise = Boolean(merged.precise_times);
  const offgrid = Boolean(merged.allow_offgrid_times);
  const shift = Boolean(merged.shift_now_spikes);
  if (precise && (offgrid || shift)) {
    return bad('Option precise_times cannot be set to true when either allow_offgrid_times or shift_now_spikes is set to true.');
  }
  const times = (merged.spike_times as number[]).map(asNumber);
  for (let i = 1; i < times.length; i++) {
    if (times[i] < times[i - 1]) return bad('Spike times must be sorted in non-descending order.');
  }
  if ('spike_times' in params && !precise) {
    for (const t of times) {
      if (t === 0 && !shift) return bad('spike time cannot be set to 0.');
      if (!offgrid && (t < 0 || !isOnGrid(t, resolution))) {
        return bad(`spike_generator: Time point ${formatCpp(t)} is not representable in current resolution.`);
      }
    }
  }
  const w = merged.spike_weights as number[];
  if (w.length !== 0 && w.length !== times.length) {
    return bad('spike_weights must have the same number of elements as spike_times, or 0 elements to clear the property.');
  }
  const m = merged.spike_multiplicities as number[];
  if (m.length !== 0 && m.length !== times.length) {
    return bad('spike_multiplicities must have the same number of elements as spike_times or 0 elements to clear the property.');
  }
  return null;
}

/** step_current_generator's rules, in the order NEST 3.10 reports them (probed). */
function checkStepCurrentGenerator(
  merged: Record<string, unknown>,
  params: Record<string, unknown>,
  current: Record<string, unknown> | undefined,
  bad: (text: string) => NestError,
  resolution: number,
): NestError | null {
  const setTimes = 'amplitude_times' in params, setValues = 'amplitude_values' in params;
  if (setTimes !== setValues) return bad('Amplitude times and values must be reset together.');
  const times = (merged.amplitude_times as number[]).map(asNumber);
  if (times.length !== (merged.amplitude_values as number[]).length) {
    return bad('Amplitude times and values have to be the same size.');
  }
  const offgrid = Boolean(merged.allow_offgrid_times);
  if ('allow_offgrid_times' in params && !setTimes) {
    const before = current ? (current.amplitude_times as number[]) : [];
    if (before.length > 0 && Boolean(params.allow_offgrid_times) !== Boolean(current?.allow_offgrid_times)) {
      return bad('allow_offgrid_times can only be changed before amplitude_times have been set, or together with amplitude_times and amplitude_values.');
    }
  }
  if (!setTimes) return null;
  const stepTics = msToTics(resolution);
  let last = -Infinity;
  for (const t of times) {
    if (!(t > 0)) return bad('Amplitude can only be changed at strictly positive times (t > 0).');
    const tics = msToTics(t);
    if (!offgrid && tics % stepTics !== 0) {
      return bad(`step_current_generator: Time point ${formatCpp(t)} is not representable in current resolution.`);
    }
    // on the grid, or moved to the end of its step
    const step = Math.ceil(tics / stepTics);
    if (step <= last) return bad('step_current_generator: amplitude times must be at strictly increasing time steps.');
    last = step;
  }
  return null;
}

/** NEST's StepMultipleRequired: a time property that must be a whole number (≥ 1) of steps. */
function checkStepMultiple(key: string, t: number, model: string, resolution: number): NestError | null {
  const tics = Math.trunc(t * TICS_PER_MS + (t >= 0 ? 0.5 : -0.5));
  const stepTics = msToTics(resolution);
  if (tics > 0 && tics % stepTics === 0) return null;
  const steps = Math.trunc((tics + stepTics / 2) / stepTics);
  const unit = (k: number) => (k === 1 ? 'step' : 'steps');
  return new NestError(
    'StepMultipleRequired',
    `The time property ${key} = ${formatCpp(tics / TICS_PER_MS)} ms (= ${tics} tics = ${steps} ${unit(steps)}) of model ${model} must be a multiple of the resolution ${formatCpp(resolution)} ms (= ${stepTics} tics = 1 step).`,
  );
}

/** Kernel parameters NEST 3.10 knows (the list its ValueError prints). */
export const KERNEL_PARAMETERS = [
  'T_max', 'T_min', 'adaptive_target_buffers', 'biological_time', 'buffer_size_spike_data',
  'buffer_size_target_data', 'build_info', 'connection_rules', 'cycle_time_log', 'data_path',
  'data_prefix', 'dict_miss_is_error', 'eprop_learning_window', 'eprop_reset_neurons_on_update',
  'eprop_update_interval', 'growth_curves', 'growth_factor_buffer_target_data', 'keep_source_table',
  'kernel_status', 'local_num_threads', 'local_spike_counter', 'max_buffer_size_target_data',
  'max_delay', 'max_num_syn_models', 'max_update_time', 'memory_size', 'min_delay', 'min_update_time',
  'ms_per_tic', 'network_size', 'node_models', 'num_connections', 'num_processes', 'off_grid_spiking',
  'overwrite_files', 'print_time', 'recording_backends', 'recv_buffer_size_secondary_events',
  'resolution', 'rng_seed', 'rng_type', 'rng_types', 'send_buffer_size_secondary_events',
  'spike_buffer_grow_extra', 'spike_buffer_resize_log', 'spike_buffer_shrink_limit',
  'spike_buffer_shrink_spare', 'stimulation_backends', 'structural_plasticity_synapses',
  'structural_plasticity_update_interval', 'synapse_models', 'tics_per_ms', 'tics_per_step', 'to_do',
  'total_num_virtual_procs', 'update_time_limit', 'use_compressed_spikes', 'use_wfr', 'verbosity',
  'wfr_comm_interval', 'wfr_interpolation_order', 'wfr_max_iterations', 'wfr_tol',
];

/**
 * The checks of nest.SetKernelStatus. `state` tells whether nodes exist or the network has been
 * simulated (then the resolution is frozen, as in NEST).
 */
export function checkKernelStatus(
  params: Record<string, unknown>,
  state: { nodesCreated?: boolean; simulated?: boolean } = {},
): NestError | null {
  for (const k of Object.keys(params)) {
    if (!KERNEL_PARAMETERS.includes(k)) {
      return new NestError(
        'ValueError',
        `\`${k}\` is not a valid kernel parameter, valid parameters are: ${KERNEL_PARAMETERS.map((p) => `'${p}'`).join(', ')}`,
      );
    }
  }
  if ('resolution' in params) {
    const r = params.resolution;
    if (typeof r !== 'number') return typeMismatch('resolution', r, 'double');
    if (state.simulated && state.nodesCreated) {
      return new NestError('KernelException', 'Time representation unchanged. Error conditions: Nodes have already been created. Network has been simulated.');
    }
    if (state.simulated) return new NestError('KernelException', 'Network has been simulated: time representation cannot be changed.');
    if (state.nodesCreated) return new NestError('KernelException', 'Nodes have already been created: time representation cannot be changed.');
    // "One tic" = 0.001 ms; NEST compares the value rounded to tics.
    if (!(r * TICS_PER_MS >= 1 - 1e-9)) return new NestError('KernelException', 'Resolution must be greater than or equal to one tic. Value unchanged.');
    if (Math.abs(r * TICS_PER_MS - Math.round(r * TICS_PER_MS)) > 1e-6) {
      return new NestError('KernelException', 'Resolution must be a multiple of the tic length. Value unchanged.');
    }
  }
  if ('biological_time' in params && params.biological_time !== 0) {
    return new NestError('BadProperty', 'The simulation time can only be set to 0.0.');
  }
  if ('rng_seed' in params) {
    const s = params.rng_seed;
    if (typeof s !== 'number' || !Number.isInteger(s)) {
      return new NestError('TypeMismatch', `Expected datatype: Failed to cast 'rng_seed' from ${cppTypeOf(s)} to type long`);
    }
    if (s < 1 || s > 4294967295 - 1) return new NestError('BadProperty', 'RNG seed must be in (0, 2^32-1).');
  }
  return null;
}

/**
 * The delay check of nest.Connect: the delay, rounded to whole steps, must be at least one step.
 * (NEST 3.10 rounds 0.05 at h = 0.1 up to 0.1 and accepts it; 0.04 becomes 0 and is refused.)
 */
export function checkDelay(delay: number, resolution: number): NestError | null {
  const steps = delayToSteps(delay, resolution);
  if (steps < 1) {
    // NEST prints the delay rounded to the grid (-0.63 → -0.6, 0.04 → 0)
    const shown = steps * resolution;
    return new NestError('BadDelay', `Delay value ${formatCpp(shown)} is invalid: Delay must be greater than or equal to resolution`);
  }
  return null;
}

/** A delay in ms → whole steps, rounded to the nearest step as NEST does (half rounds up). */
export function delayToSteps(delay: number, resolution: number): number {
  const tics = msToTics(delay);
  const stepTics = msToTics(resolution);
  return Math.floor(tics / stepTics + 0.5);
}
