/**
 * What the plots need to know about each recorder block. It is the shape of `RecorderInfo` in
 * generators/nest.ts, written out here so the plots depend on data, not on the generator module:
 * a program pasted by hand or run on a remote server can be plotted from the same fields.
 */
export type RecorderModel = 'spike_recorder' | 'voltmeter' | 'multimeter';

export interface PlottedRecorder {
  name: string;
  model: RecorderModel;
  blockId: string;
  recordables: string[];
  /** neurons recorded, if the generator knows (used for the mean rate) */
  sources: number | null;
  /** The panel's heading in the simulator's own words (Norse: "lif1 spikes"); without one,
   * NEST's "name — model". */
  title?: string;
  /** Axis labels of recordables the NEST unit table does not know (Norse: "v (voltage, no unit)"). */
  labels?: Readonly<Record<string, string>>;
  /** Each recorded neuron's input (e.g. its I_e), when the neurons differ by it and the generator
   * knows the values: spikes per neuron are then drawn as an f–I curve. Without it, the program's
   * response["inputs"] is read (neuron-inputs.ts). */
  inputs?: NeuronInputs | null;
  /** Ids of every neuron recorded (a spike recorder's sources), when known: spikes per neuron
   * then list the silent ones with 0. Without it, the program's response["recorded"] is read
   * (neuron-inputs.ts). */
  neuronIds?: ArrayLike<number> | null;
}

/** One input value per neuron: ids[k] got values[k] (in `label`'s unit, e.g. "I_e (pA)"). */
export interface NeuronInputs {
  label: string;
  ids: ArrayLike<number>;
  values: ArrayLike<number>;
}

/** Detail of the `record-select` event: which recorder block a clicked panel belongs to. */
export interface RecordSelectDetail {
  blockId: string;
}
