import { html, type PropertyDeclarations } from 'lit';
import uPlot from 'uplot';
import { UplotElement, timeAxis, timeRange, valueAxis, type ChartSpec } from './uplot-element';
import { distinctSenders, spikeColumns, type RecorderEvents, type SpikeColumns } from './events';
import { lineColor } from './colors';

/** Neuron ids are whole numbers: only whole-number tick steps on the y axis. */
const ID_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000];

/**
 * Square dots, one per occupied pixel. A dense raster puts many spikes on the same pixel; drawing
 * each of them as uPlot's default circle made 200k spikes take about half a second here. Squares
 * (cheaper to fill than arcs) and skipping already-covered pixels keep it fast at any count.
 */
function squareDots(cssSize: number): uPlot.Series.Points.PathBuilder {
  return (u, seriesIdx, idx0, idx1) => {
    const xs = u.data[0];
    const ys = u.data[seriesIdx] as ArrayLike<number>;
    const { left, top, width, height } = u.bbox; // canvas pixels
    const { min: x0 = 0, max: x1 = 1 } = u.scales.x;
    const { min: y0 = 0, max: y1 = 1 } = u.scales.y;
    const side = Math.max(1, Math.round(cssSize * uPlot.pxRatio));
    const half = side / 2;
    const w = Math.ceil(width);
    const h = Math.ceil(height);
    const covered = new Uint8Array(w * h);
    const kx = width / (x1 - x0);
    const ky = height / (y1 - y0);
    const fill = new Path2D();
    for (let i = idx0; i <= idx1; i++) {
      const px = Math.round((xs[i] - x0) * kx);
      const py = Math.round(height - (ys[i] - y0) * ky);
      if (px < 0 || px >= w || py < 0 || py >= h) continue;
      const at = py * w + px;
      if (covered[at]) continue;
      covered[at] = 1;
      fill.rect(left + px - half, top + py - half, side, side);
    }
    return { fill, stroke: null, clip: null, flags: 0 };
  };
}

/**
 * Spike raster of one spike_recorder: a dot per spike at (time, sender). One uPlot series with
 * points only — lines between spikes of different neurons would mean nothing.
 */
export class SbRaster extends UplotElement {
  static override properties: PropertyDeclarations = {
    events: { attribute: false },
    xMax: { attribute: false },
    syncKey: { attribute: false },
  };

  /** The spike_recorder's `events`: {senders, times}. */
  declare events: RecorderEvents | null;
  /** Simulated time in ms (the x axis ends there), or null to end at the last spike. */
  declare xMax: number | null;
  /** uPlot cursor sync key shared by the charts of one run, or null for none. */
  declare syncKey: string | null;

  private columns: SpikeColumns = { times: new Float64Array(0), senders: new Float64Array(0) };

  constructor() {
    super();
    this.events = null;
    this.xMax = null;
    this.syncKey = null;
  }

  /** Number of spikes drawn. */
  get spikeCount(): number {
    return this.columns.times.length;
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('events')) this.columns = spikeColumns(this.events);
  }

  protected override dataProperties(): readonly string[] {
    return ['events', 'xMax', 'syncKey'];
  }

  protected override chartHeight(): number {
    return 240;
  }

  protected override render() {
    if (this.spikeCount === 0) return html`<p class="empty">No spikes recorded.</p>`;
    return html`<div class="plot" role="img" aria-label="Spike raster: ${this.spikeCount} spikes"></div>`;
  }

  protected override chartSpec(): ChartSpec | null {
    const { times, senders } = this.columns;
    if (times.length === 0) return null;
    const neurons = distinctSenders(senders).length;
    // Dots small enough that rows of neighbouring neurons stay apart in a 200 px tall plot.
    const dot = neurons <= 40 ? 4 : neurons <= 150 ? 3 : 2;
    const color = lineColor(0);
    const series: uPlot.Series[] = [
      { label: 'time (ms)' },
      {
        label: 'neuron id',
        stroke: color,
        // No path at all: a raster is dots. uPlot would hide dense points by default, so force them.
        paths: () => null,
        points: { show: true, size: dot, width: 0, fill: color, stroke: color, paths: squareDots(dot) },
      },
    ];
    return {
      data: [times, senders] as unknown as uPlot.AlignedData,
      options: {
        series,
        scales: {
          x: { time: false, range: timeRange(this.xMax) },
          y: { range: (_u, min, max) => [min - 0.5, max + 0.5] },
        },
        axes: [
          timeAxis(),
          valueAxis('neuron id', { incrs: ID_STEPS }),
        ],
        legend: { show: false },
        cursor: {
          y: false,
          points: { show: false },
          drag: { x: true, y: false },
          ...(this.syncKey ? { sync: { key: this.syncKey } } : {}),
        },
      },
    };
  }
}

if (!customElements.get('sb-raster')) customElements.define('sb-raster', SbRaster);

declare global {
  interface HTMLElementTagNameMap {
    'sb-raster': SbRaster;
  }
}
