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
}

/** Detail of the `record-select` event: which recorder block a clicked panel belongs to. */
export interface RecordSelectDetail {
  blockId: string;
}
