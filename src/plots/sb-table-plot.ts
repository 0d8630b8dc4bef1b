import { html, css, type PropertyDeclarations } from 'lit';
import type uPlot from 'uplot';
import { CHART_STYLES, FOLDED_TABLE_STYLES, UplotElement, valueAxis, type ChartSpec } from './uplot-element';
import { formatCell, type ResultTable } from './result-tables';
import { lineColor } from './colors';
// `t` is the table in this file's functions, so the texts' t() goes by another name
import { t as text } from '../i18n';
import { localDecimals } from './number-text';
import { stripBidi } from './bidi';

/** Up to this many points the numbers are shown unfolded: a short table reads at a glance. */
export const OPEN_TABLE_POINTS = 10;

/**
 * The points in the order uPlot can draw: its x must not decrease (it finds the visible points by
 * binary search). A sweep upwards is drawn as given, one downwards reversed (the same line); any
 * other order is sorted by x (stable), and `reordered` says so, since the line then joins the
 * points from the smallest x to the largest rather than in the order they were added.
 */
export function chartColumns(x: Float64Array, y: Float64Array): { x: Float64Array; y: Float64Array; reordered: boolean } {
  let up = true;
  let down = true;
  for (let i = 1; i < x.length; i++) {
    if (x[i] < x[i - 1]) up = false;
    if (x[i] > x[i - 1]) down = false;
  }
  if (up) return { x, y, reordered: false };
  if (down) return { x: x.slice().reverse(), y: y.slice().reverse(), reordered: false };
  const order = Array.from(x, (_v, i) => i).sort((a, b) => x[a] - x[b] || a - b);
  return { x: Float64Array.from(order, (i) => x[i]), y: Float64Array.from(order, (i) => y[i]), reordered: true };
}

/** x range with a little room on both sides, so the first and the last dot are not cut in half. */
function paddedRange(): uPlot.Range.Function {
  return (u, min, max) => {
    const xs = u.data[0];
    const isDataFit = xs.length > 0 && min === xs[0] && max === xs[xs.length - 1];
    if (!isDataFit) return max > min ? [min, max] : [min - 1, max + 1]; // a zoom by drag: as asked
    const pad = max > min ? (max - min) * 0.03 : Math.max(Math.abs(min) * 0.1, 1);
    return [min - pad, max + pad];
  };
}

/**
 * One result table of a run (`response["results"][name]`): its points as a line with dots, in
 * the order the program added them, and below it the numbers as an HTML table that can be
 * folded (the table is also what a screen reader reads instead of the chart).
 */
export class SbTablePlot extends UplotElement {
  static override properties: PropertyDeclarations = {
    table: { attribute: false },
    colorIndex: { attribute: false },
  };

  static override styles = [
    ...CHART_STYLES,
    FOLDED_TABLE_STYLES,
    css`
      .note {
        margin: 0 0 0.25rem;
        font-size: 13px;
        color: #444;
      }
    `,
  ];

  /** The table to draw, already checked (./result-tables.ts). */
  declare table: ResultTable | null;
  /** Which Okabe–Ito colour the line gets, so tables of one run tell apart. */
  declare colorIndex: number;

  constructor() {
    super();
    this.table = null;
    this.colorIndex = 0;
  }

  protected override dataProperties(): readonly string[] {
    return ['table', 'colorIndex'];
  }

  protected override chartHeight(): number {
    return 200;
  }

  protected override render() {
    const t = this.table;
    if (!t || t.x.length === 0) return html`<p class="empty">${text('plots.noPointsInTable')}</p>`;
    const n = t.x.length;
    const { reordered } = chartColumns(t.x, t.y);
    return html`
      ${reordered ? html`<p class="note">${text('plots.xNotInOrder')}</p>` : null}
      <div class="plot" role="img" aria-label=${text(n === 1 ? 'plots.tableLabelPoint' : 'plots.tableLabelPoints', { name: stripBidi(t.name), y: t.yLabel, x: t.xLabel, n })}></div>
      <details ?open=${n <= OPEN_TABLE_POINTS}>
        <summary>${text(n === 1 ? 'plots.numbersPoint' : 'plots.numbersPoints', { n })}</summary>
        <div class="numbers">
          <table>
            <caption>${stripBidi(t.name)}</caption>
            <thead>
              <tr><th scope="col">${t.xLabel}</th><th scope="col">${t.yLabel}</th></tr>
            </thead>
            <tbody>
              ${Array.from(t.x, (x, i) => html`<tr><th scope="row">${localDecimals(formatCell(x))}</th><td>${localDecimals(formatCell(t.y[i]))}</td></tr>`)}
            </tbody>
          </table>
        </div>
      </details>
    `;
  }

  protected override chartSpec(): ChartSpec | null {
    const t = this.table;
    if (!t || t.x.length === 0) return null;
    const color = lineColor(this.colorIndex, this.highContrast);
    const { x, y } = chartColumns(t.x, t.y);
    const format = (_u: uPlot, v: number | null): string => (v == null ? '–' : localDecimals(formatCell(v)));
    return {
      data: [x, y] as unknown as uPlot.AlignedData,
      options: {
        series: [
          { label: t.xLabel, value: format },
          { label: t.yLabel, stroke: color, width: 1.5, points: { show: true, size: 7, fill: color, stroke: color }, value: format },
        ],
        scales: { x: { time: false, range: paddedRange() } },
        axes: [valueAxis(t.xLabel, { size: 32 }), valueAxis(t.yLabel)],
        legend: { show: true, live: true },
        cursor: { drag: { x: true, y: false } },
      },
    };
  }
}

if (!customElements.get('sb-table-plot')) customElements.define('sb-table-plot', SbTablePlot);

declare global {
  interface HTMLElementTagNameMap {
    'sb-table-plot': SbTablePlot;
  }
}
