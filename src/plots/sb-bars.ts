import { html, css, type PropertyDeclarations } from 'lit';
import type uPlot from 'uplot';
import { CHART_STYLES, FOLDED_TABLE_STYLES, UplotElement, timeRange, valueAxis, type ChartSpec } from './uplot-element';
import { lineColor } from './colors';
import { t } from '../i18n';
import { formatValue, shownValue } from './number-text';

/**
 * Bars from left[i] to right[i] of height values[i] (a histogram, or one bar per neuron), or,
 * with `points`, one dot per (x, value) joined by a line (an f–I curve). `rows` names each bar
 * in the table (e.g. "5–10"), `columns` gives the table's extra value columns.
 */
export interface BarData {
  left: Float64Array;
  right: Float64Array;
  values: Float64Array;
  /** the table's first column, one label per bar */
  rows: (i: number) => string;
  /** more numbers per bar for the table (e.g. the count beside the rate) */
  extra?: { name: string; values: ArrayLike<number>; format?: (v: number) => string }[];
}

/** Up to this many rows the table alternative lists every bar; beyond it the first ones, and says so. */
export const MAX_TABLE_ROWS = 500;

// (kept here too: the plots import them from the chart that uses them)
export { formatValue, shownValue };

/**
 * A bar chart with its numbers as a table below (folded; a screen reader reads the table instead
 * of the picture, which is one labelled image). The bars are drawn as one Path2D of rectangles:
 * a PSTH of 2000 bins or 12 500 neurons' counts costs one fill.
 */
export class SbBars extends UplotElement {
  static override properties: PropertyDeclarations = {
    data: { attribute: false },
    caption: { attribute: false },
    xLabel: { attribute: false },
    yLabel: { attribute: false },
    rowHeader: { attribute: false },
    points: { attribute: false },
    wholeX: { attribute: false },
    xMax: { attribute: false },
    syncKey: { attribute: false },
    colorIndex: { attribute: false },
    tableOpen: { state: true },
  };

  static override styles = [
    ...CHART_STYLES,
    FOLDED_TABLE_STYLES,
    css`
      .more {
        margin: 0.25rem 0 0;
        color: #444;
      }
      :host([high-contrast]) summary {
        color: #000;
        text-decoration: underline;
      }
      :host([high-contrast]) th,
      :host([high-contrast]) td {
        border-bottom-color: #000;
      }
    `,
  ];

  declare data: BarData | null;
  /** What the chart shows, e.g. "Population rate of sr1": the image's label and the table's caption. */
  declare caption: string;
  declare xLabel: string;
  declare yLabel: string;
  /** Heading of the table's first column, e.g. "time bin (ms)" or "neuron id". */
  declare rowHeader: string;
  /** Dots joined by a line instead of bars (x = the bar's left edge). */
  declare points: boolean;
  /** x counts whole things (neuron ids): ticks at whole numbers only, never 0.5. */
  declare wholeX: boolean;
  /** A time axis: the end of the run (x from 0 to xMax, like the raster above); null: fit the bars. */
  declare xMax: number | null;
  declare syncKey: string | null;
  declare colorIndex: number;
  /** Whether the table is unfolded (its rows are only rendered then: 12 500 rows cost a render). */
  declare tableOpen: boolean;

  constructor() {
    super();
    this.data = null;
    this.caption = '';
    this.xLabel = '';
    this.yLabel = '';
    this.rowHeader = '';
    this.points = false;
    this.wholeX = false;
    this.xMax = null;
    this.syncKey = null;
    this.colorIndex = 0;
    this.tableOpen = false;
  }

  protected override dataProperties(): readonly string[] {
    return ['data', 'xLabel', 'yLabel', 'points', 'xMax', 'syncKey', 'colorIndex'];
  }

  protected override chartHeight(): number {
    return 180;
  }

  protected override render() {
    const d = this.data;
    const n = d?.values.length ?? 0;
    if (!d || n === 0) return html`<p class="empty">${t('plots.nothingToShow')}</p>`;
    const shown = Math.min(n, MAX_TABLE_ROWS);
    const key = this.points ? (n === 1 ? 'plots.barsLabelPoint' : 'plots.barsLabelPoints') : n === 1 ? 'plots.barsLabelBar' : 'plots.barsLabelBars';
    return html`
      <div class="plot" role="img" aria-label=${t(key, { caption: this.caption, y: this.yLabel, x: this.xLabel, n })}></div>
      <details ?open=${this.tableOpen} @toggle=${(e: Event) => (this.tableOpen = (e.target as HTMLDetailsElement).open)}>
        <summary>${t(n === 1 ? 'plots.numbersRow' : 'plots.numbersRows', { n })}</summary>
        ${this.tableOpen
          ? html`<div class="numbers">
              <table>
                <caption>${this.caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">${this.rowHeader}</th>
                    <th scope="col">${this.yLabel}</th>
                    ${(d.extra ?? []).map((c) => html`<th scope="col">${c.name}</th>`)}
                  </tr>
                </thead>
                <tbody>
                  ${Array.from({ length: shown }, (_v, i) => html`<tr>
                    <th scope="row">${d.rows(i)}</th>
                    <td>${shownValue(d.values[i])}</td>
                    ${(d.extra ?? []).map((c) => html`<td>${(c.format ?? shownValue)(c.values[i])}</td>`)}
                  </tr>`)}
                </tbody>
              </table>
              ${n > shown ? html`<p class="more">${t('plots.firstRows', { shown, n })}</p>` : null}
            </div>`
          : null}
      </details>
    `;
  }

  protected override chartSpec(): ChartSpec | null {
    const d = this.data;
    if (!d || d.values.length === 0) return null;
    const color = lineColor(this.colorIndex, this.highContrast);
    const format = (_u: uPlot, v: number | null): string => (v == null ? '–' : shownValue(v));
    const x = this.points ? d.left : centres(d);
    const series: uPlot.Series = this.points
      ? { label: this.yLabel, stroke: color, width: 1.5, points: { show: true, size: 7, fill: color, stroke: color }, value: format }
      : { label: this.yLabel, stroke: color, fill: color, width: 0, points: { show: false }, paths: barPaths(d), value: format };
    return {
      data: [x, d.values] as unknown as uPlot.AlignedData,
      options: {
        series: [{ label: this.xLabel, value: format }, series],
        scales: {
          x: { time: false, range: this.xMax !== null ? timeRange(this.xMax) : barRange(d) },
          y: { range: (_u, min, max) => [Math.min(0, min), max > 0 ? max * 1.05 : 1] },
        },
        axes: [valueAxis(this.xLabel, { size: 32, ...(this.wholeX ? { incrs: WHOLE_STEPS } : {}) }), valueAxis(this.yLabel)],
        legend: { show: true, live: true },
        cursor: {
          drag: { x: true, y: false },
          points: { show: this.points },
          ...(this.syncKey ? { sync: { key: this.syncKey } } : {}),
        },
      },
    };
  }
}

/** Tick steps for a whole-number axis: 1, 2, 5, 10, 20, 50 … */
const WHOLE_STEPS = Array.from({ length: 24 }, (_v, i) => [1, 2, 5][i % 3] * 10 ** Math.floor(i / 3));

function centres(d: BarData): Float64Array {
  const x = new Float64Array(d.values.length);
  for (let i = 0; i < x.length; i++) x[i] = (d.left[i] + d.right[i]) / 2;
  return x;
}

/** x range of the bars: from the first bar's left edge to the last one's right edge. */
function barRange(d: BarData): uPlot.Range.Function {
  return (u, min, max) => {
    const xs = u.data[0];
    const n = d.values.length;
    const isDataFit = xs.length > 0 && min === xs[0] && max === xs[xs.length - 1];
    if (!isDataFit) return max > min ? [min, max] : [min - 1, max + 1];
    const lo = Math.min(d.left[0], d.right[0]);
    const hi = Math.max(d.left[n - 1], d.right[n - 1]);
    return hi > lo ? [lo, hi] : [lo - 1, hi + 1];
  };
}

/** The bars as one path of rectangles, from the value axis' 0 up to each value. */
function barPaths(d: BarData): uPlot.Series.PathBuilder {
  return (u, seriesIdx, idx0, idx1) => {
    const path = new Path2D();
    const values = u.data[seriesIdx] as ArrayLike<number>;
    const base = u.valToPos(0, 'y', true);
    for (let i = idx0; i <= idx1; i++) {
      const v = values[i];
      if (!(v > 0 || v < 0)) continue;
      const x0 = u.valToPos(d.left[i], 'x', true);
      const x1 = u.valToPos(d.right[i], 'x', true);
      const y = u.valToPos(v, 'y', true);
      // a gap of one pixel between wide bars; a bar never thinner than one pixel
      const width = Math.max(1, x1 - x0 - (x1 - x0 > 4 ? 1 : 0));
      path.rect(x0, Math.min(y, base), width, Math.abs(base - y));
    }
    return { stroke: path, fill: path, clip: undefined, flags: 0 };
  };
}

if (!customElements.get('sb-bars')) customElements.define('sb-bars', SbBars);

declare global {
  interface HTMLElementTagNameMap {
    'sb-bars': SbBars;
  }
}
