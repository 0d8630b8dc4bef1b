/**
 * Tick labels as plain numbers (0.1, 250, -70); a label longer than 6 characters (-200000000, or
 * 0.0000015) in powers of ten instead (-2e8, 1.5e-6), so it fits the axis width every panel reserves.
 */
export function tickLabel(v: number | null | undefined): string {
  if (v == null) return '';
  const plain = String(Number(v.toFixed(9)));
  if (plain.length <= 6) return plain;
  // as many digits as the number has (1.5e-6, not 1.50e-6), at most 3
  const digits = Math.min(3, v.toExponential().replace(/^-/, '').replace(/e.*$/, '').replace('.', '').length);
  return v.toExponential(digits - 1).replace('e+', 'e');
}
