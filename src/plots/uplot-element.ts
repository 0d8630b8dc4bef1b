import { LitElement, css, unsafeCSS, type PropertyDeclarations, type PropertyValues } from 'lit';
import { tickLabel } from './ticks';
import { t } from '../i18n';
import { localDecimals } from './number-text';
import uPlot from 'uplot';
// uPlot styles its legend and cursor with a stylesheet; in a shadow root it must be adopted here.
import uPlotCss from 'uplot/dist/uPlot.min.css?inline';
import { AXIS_FONT, AXIS_STROKE, GRID_STROKE, HIGH_CONTRAST_CHART, LABEL_FONT } from './colors';

/** What a chart component wants drawn: uPlot options without the size, plus the columns. */
export interface ChartSpec {
  options: Omit<uPlot.Options, 'width' | 'height'>;
  data: uPlot.AlignedData;
}

/** Styles of every chart component: uPlot's own sheet plus layout that lets the chart shrink. */
export const CHART_STYLES = [
  unsafeCSS(uPlotCss),
  css`
    :host {
      display: block;
      min-width: 0;
    }
    .plot {
      width: 100%;
      min-width: 0;
      overflow: hidden;
    }
    .uplot {
      font-family: system-ui, sans-serif;
    }
    .u-legend {
      font-size: 12px;
    }
    .empty {
      margin: 0.5rem 0;
      color: #444;
    }
    :host([high-contrast]) .u-legend,
    :host([high-contrast]) .empty {
      color: #000;
      font-size: 14px;
    }
  `,
];

/** The folded table of numbers under a chart (its screen-reader alternative), in one look everywhere. */
export const FOLDED_TABLE_STYLES = css`
  details {
    margin: 0.25rem 0 0;
    font-size: 13px;
  }
  summary {
    cursor: pointer;
    color: #0b4f8a;
  }
  summary:focus-visible {
    outline: 2px solid #0072b2;
    outline-offset: 2px;
  }
  .numbers {
    max-height: 16rem;
    overflow: auto;
    margin-top: 0.25rem;
  }
  table {
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: left;
    font-weight: 600;
    padding-bottom: 0.2rem;
  }
  th,
  td {
    padding: 0.1rem 0.75rem 0.1rem 0.4rem;
    text-align: right;
    border-bottom: 1px solid #e3e6ea;
  }
  thead th {
    border-bottom: 1px solid #888;
  }
  tbody th {
    font-weight: 400;
  }
`;

/** Used until the element has been laid out (e.g. inside a hidden tab); ResizeObserver corrects it. */
const FALLBACK_WIDTH = 600;

/**
 * Shared life cycle of a lit element that owns one uPlot chart: build it after render into the
 * element's `.plot` div, rebuild it when the data properties change (a new uPlot instance rather
 * than patching the old one: series count, labels and scales may all differ), follow the
 * element's width with a ResizeObserver, and destroy it on disconnect so no canvas or listener
 * outlives the element.
 */
export abstract class UplotElement extends LitElement {
  static override styles = CHART_STYLES;

  /** Declared here, so every chart has it (lit merges a subclass's properties with these). */
  static override properties: PropertyDeclarations = {
    highContrast: { type: Boolean, reflect: true, attribute: 'high-contrast' },
  };

  /** The high-contrast theme: black axes and text, a stronger grid, thicker lines (colors.ts). */
  declare highContrast: boolean;

  /** The uPlot instance drawn now (null when there is nothing to draw); tests read its data. */
  chart: uPlot | null = null;

  /** Milliseconds the last build took, from options to the end of the first draw. */
  lastBuildMs: number | null = null;

  /** Settles once the chart built last has drawn for the first time (uPlot draws in a microtask). */
  drawn: Promise<void> = Promise.resolve();

  private resizeObserver: ResizeObserver | null = null;
  private needsBuild = true;

  /** Chart height in CSS pixels (plot area plus axes; the legend comes on top of it). */
  protected abstract chartHeight(): number;

  /** Properties whose change means the chart must be built again. */
  protected abstract dataProperties(): readonly string[];

  /** The chart to draw, or null to draw none (the template then says why). */
  protected abstract chartSpec(): ChartSpec | null;

  constructor() {
    super();
    this.highContrast = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizeObserver = new ResizeObserver((entries) => {
      const width = Math.floor(entries[entries.length - 1].contentRect.width);
      if (this.chart && width > 0 && width !== this.chart.width) {
        this.chart.setSize({ width, height: this.chart.height });
      }
    });
    this.resizeObserver.observe(this);
    // Moved in the DOM: the chart was destroyed on disconnect, so draw it again.
    if (this.hasUpdated) {
      this.needsBuild = true;
      this.requestUpdate();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
    this.destroyChart();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.needsBuild || changed.has('highContrast') || this.dataProperties().some((name) => changed.has(name))) {
      this.needsBuild = false;
      this.buildChart();
    }
  }

  private destroyChart(): void {
    this.chart?.destroy();
    this.chart = null;
  }

  private buildChart(): void {
    this.destroyChart();
    if (!this.isConnected) return;
    const target = this.renderRoot.querySelector<HTMLElement>('.plot');
    const chartSpec = this.chartSpec();
    if (!target || !chartSpec) return;
    const spec = this.highContrast ? highContrastSpec(chartSpec) : chartSpec;
    const started = performance.now();
    this.lastBuildMs = null;
    let markDrawn!: () => void;
    this.drawn = new Promise((resolve) => (markDrawn = resolve));
    const onDraw = (): void => {
      if (this.lastBuildMs === null) this.lastBuildMs = performance.now() - started;
      markDrawn();
    };
    const hooks = { ...spec.options.hooks, draw: [...(spec.options.hooks?.draw ?? []), onDraw] };
    const width = Math.floor(target.clientWidth) || FALLBACK_WIDTH;
    // Room on the right so the last time tick ("1000") is not cut in half at the edge.
    // right: room for half of the last time label ("1000") even when a scrollbar narrows the panel
    const padding = spec.options.padding ?? [10, 30, null, null];
    this.chart = new uPlot({ ...spec.options, padding, hooks, width, height: this.chartHeight() }, spec.data, target);
  }
}

/** A chart in the high-contrast theme: the same chart with black axes, a stronger grid and thicker lines. */
function highContrastSpec(spec: ChartSpec): ChartSpec {
  const theme = HIGH_CONTRAST_CHART;
  const axes = spec.options.axes?.map((a) => ({
    ...a,
    stroke: theme.axisStroke,
    font: theme.axisFont,
    labelFont: theme.labelFont,
    grid: { ...a.grid, stroke: theme.gridStroke },
    ticks: { ...a.ticks, stroke: theme.axisStroke },
  }));
  const series = spec.options.series.map((s, i) => (i === 0 || s.width === undefined ? s : { ...s, width: s.width + theme.extraWidth }));
  return { data: spec.data, options: { ...spec.options, axes, series } };
}

/**
 * Tick labels as plain numbers ("1000", not "1,000": times and ids are not money), without the
 * float noise of tick arithmetic (0.30000000000000004).
 */
const plainNumbers: uPlot.Axis.Values = (_u, splits) => splits.map((v) => localDecimals(tickLabel(v)));

/** Width reserved for every y axis, so the plot areas of all panels line up under one another. */
const Y_AXIS_SIZE = 64;

function axis(label: string, extra: uPlot.Axis): uPlot.Axis {
  return {
    label,
    stroke: AXIS_STROKE,
    font: AXIS_FONT,
    labelFont: LABEL_FONT,
    labelSize: 18,
    labelGap: 0,
    values: plainNumbers,
    grid: { stroke: GRID_STROKE, width: 1 },
    ticks: { stroke: GRID_STROKE, width: 1, size: 6 },
    ...extra,
  };
}

/** The time axis every chart shares; labelled with its unit so a learner can read the numbers. */
export function timeAxis(label = t('plots.timeMs')): uPlot.Axis {
  return axis(label, { size: 32 });
}

/** A y axis with its unit in the label, e.g. "V_m (mV)". */
export function valueAxis(label: string, extra: uPlot.Axis = {}): uPlot.Axis {
  return axis(label, { size: Y_AXIS_SIZE, ...extra });
}

/**
 * x range: [0, xMax] when the simulated time is known, so every panel of one run spans the same
 * interval and the synced cursors line up; otherwise from 0 to the last sample. uPlot calls the
 * range for its initial fit and for zooms alike; the initial fit is recognised by being exactly
 * the data's first and last x (a zoom by drag almost never is).
 */
export function timeRange(xMax: number | null): uPlot.Range.Function {
  return (u, min, max) => {
    const xs = u.data[0];
    const isDataFit = xs.length > 0 && min === xs[0] && max === xs[xs.length - 1];
    if (isDataFit) {
      const hi = xMax !== null && xMax > 0 ? Math.max(xMax, max) : max;
      const lo = Math.min(0, min);
      return hi > lo ? [lo, hi] : [lo - 1, hi + 1];
    }
    return max > min ? [min, max] : [min - 1, max + 1];
  };
}
