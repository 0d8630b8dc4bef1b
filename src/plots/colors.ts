/**
 * Okabe–Ito colours, distinguishable with the common colour-vision deficiencies. Their yellow
 * (#F0E442) is left out: it cannot be read against the light background.
 */
export const LINE_COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'] as const;

export function lineColor(index: number): string {
  return LINE_COLORS[index % LINE_COLORS.length];
}

/** Text and grid colours shared by every chart, so all panels read as one figure. */
export const AXIS_STROKE = '#333';
export const GRID_STROKE = 'rgba(0, 0, 0, 0.08)';
export const AXIS_FONT = '12px system-ui, sans-serif';
export const LABEL_FONT = 'bold 12px system-ui, sans-serif';
