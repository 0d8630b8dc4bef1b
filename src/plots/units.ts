/**
 * Units of NEST recordables, as NEST documents them. A short table rather than rules guessed
 * from names: a wrong unit on an axis teaches the wrong thing, a missing one only omits it.
 */
export const RECORDABLE_UNITS: Readonly<Record<string, string>> = {
  V_m: 'mV',
  V_th: 'mV',
  I_syn_ex: 'pA',
  I_syn_in: 'pA',
  I_syn: 'pA',
  w: 'pA',
  g_ex: 'nS',
  g_in: 'nS',
};

/** Axis label for a recordable, e.g. "V_m (mV)"; just the name when the unit is not in the table. */
export function axisLabel(recordable: string): string {
  const unit = RECORDABLE_UNITS[recordable];
  return unit ? `${recordable} (${unit})` : recordable;
}
