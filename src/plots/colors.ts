/**
 * Okabe–Ito colours, distinguishable with the common colour-vision deficiencies. Their yellow
 * (#F0E442) is left out: it cannot be read against the light background.
 */
export const LINE_COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'] as const;

/**
 * The high-contrast palette: black first, then the Okabe–Ito colours that keep at least 3:1
 * against white (WCAG 1.4.11 for graphics; orange and sky blue fall below it). Lines are also
 * thicker and dashed differently (lineDash), so colour is never the only thing that tells them apart.
 */
export const HIGH_CONTRAST_COLORS = ['#000000', '#0072B2', '#D55E00', '#009E73', '#CC79A7'] as const;

export function lineColor(index: number, highContrast = false): string {
  const palette = highContrast ? HIGH_CONTRAST_COLORS : LINE_COLORS;
  return palette[index % palette.length];
}

/**
 * Dash pattern of line `index` in the high-contrast theme (undefined: solid, the normal theme).
 * Four dashes against five colours: a (colour, dash) pair repeats only after 20 lines.
 */
export function lineDash(index: number, highContrast: boolean): number[] | undefined {
  if (!highContrast) return undefined;
  const dashes = [[], [8, 4], [2, 3], [10, 3, 2, 3]];
  return dashes[index % dashes.length];
}

/** Text and grid colours shared by every chart, so all panels read as one figure. */
export const AXIS_STROKE = '#333';
export const GRID_STROKE = 'rgba(0, 0, 0, 0.08)';
export const AXIS_FONT = '12px system-ui, sans-serif';
export const LABEL_FONT = 'bold 12px system-ui, sans-serif';

/** The high-contrast theme's chart colours: black axes, a grid that is still seen, bigger text. */
export const HIGH_CONTRAST_CHART = {
  axisStroke: '#000',
  gridStroke: 'rgba(0, 0, 0, 0.3)',
  axisFont: '14px system-ui, sans-serif',
  labelFont: 'bold 14px system-ui, sans-serif',
  /** added to every line's width */
  extraWidth: 1,
} as const;

/** WCAG relative luminance of "#rrggbb". */
export function luminance(hex: string): number {
  const value = parseInt(hex.slice(1), 16);
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel((value >> 16) & 255) + 0.7152 * channel((value >> 8) & 255) + 0.0722 * channel(value & 255);
}

/** WCAG contrast ratio of two "#rrggbb" colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
