import { html, type PropertyDeclarations } from 'lit';
import uPlot from 'uplot';
import { UplotElement, timeAxis, timeRange, valueAxis, type ChartSpec } from './uplot-element';
import { distinctSenders, sortedSpikes, type RecorderEvents, type SpikeColumns } from './events';
import { lineColor } from './colors';
import { t } from '../i18n';

/** Neuron ids are whole numbers: only whole-number tick steps on the y axis. */
const ID_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000];

/** "#0072B2" as one opaque RGBA pixel in the byte order of ImageData seen as a Uint32Array. */
function pixelOf(hex: string): number {
  const value = parseInt(hex.slice(1), 16);
  const [r, g, b] = [(value >> 16) & 255, (value >> 8) & 255, value & 255];
  const bytes = new Uint8Array([r, g, b, 255]);
  return new Uint32Array(bytes.buffer)[0];
}

/**
 * Square dots written straight into the canvas' pixels. A dense raster puts many spikes on the
 * same pixel; drawing each as uPlot's default circle made 200k spikes take about half a second
 * here, and even as one Path2D of squares the browser spent ~50 ms rasterizing 100k rectangles
 * (software rendering). Setting the pixels of the plot area (read once, written once, the grid
 * already drawn beneath) costs a few ms at any count. The path handed back is empty: the dots
 * are drawn already.
 */
function squareDots(cssSize: number, color: string): uPlot.Series.Points.PathBuilder {
  const dotPixel = pixelOf(color);
  return (u, seriesIdx, idx0, idx1) => {
    const xs = u.data[0];
    const ys = u.data[seriesIdx] as ArrayLike<number>;
    const { left, top, width, height } = u.bbox; // canvas pixels
    const { min: x0 = 0, max: x1 = 1 } = u.scales.x;
    const { min: y0 = 0, max: y1 = 1 } = u.scales.y;
    const side = Math.max(1, Math.round(cssSize * uPlot.pxRatio));
    const back = side >> 1; // a dot covers [centre − back, centre − back + side)
    const x = Math.round(left);
    const y = Math.round(top);
    const w = Math.min(Math.round(width), u.ctx.canvas.width - x);
    const h = Math.min(Math.round(height), u.ctx.canvas.height - y);
    const empty = { fill: new Path2D(), stroke: null, clip: null, flags: 0 };
    if (w <= 0 || h <= 0) return empty;
    const image = u.ctx.getImageData(x, y, w, h);
    const pixels = new Uint32Array(image.data.buffer);
    const kx = width / (x1 - x0);
    const ky = height / (y1 - y0);
    for (let i = idx0; i <= idx1; i++) {
      const px = Math.round((xs[i] - x0) * kx);
      const py = Math.round(height - (ys[i] - y0) * ky);
      if (px < 0 || px >= w || py < 0 || py >= h) continue;
      const fromX = Math.max(0, px - back);
      const toX = Math.min(w, px - back + side);
      const toY = Math.min(h, py - back + side);
      // plain stores: a fill() call per 2-pixel row cost more than the pixels (~30 ms for 150k dots)
      for (let row = Math.max(0, py - back); row < toY; row++) {
        const base = row * w;
        for (let col = fromX; col < toX; col++) pixels[base + col] = dotPixel;
      }
    }
    u.ctx.putImageData(image, x, y);
    return empty;
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
    timeLabel: { attribute: false },
  };

  /** The spike_recorder's `events`: {senders, times}. */
  declare events: RecorderEvents | null;
  /** Simulated time in ms (the x axis ends there), or null to end at the last spike. */
  declare xMax: number | null;
  /** uPlot cursor sync key shared by the charts of one run, or null for none. */
  declare syncKey: string | null;
  /** The x axis' label: 'time (ms)', or 'time (steps)' for a Norse run drawn in steps. */
  declare timeLabel: string;

  private columns: SpikeColumns = { times: new Float64Array(0), senders: new Float64Array(0) };

  constructor() {
    super();
    this.events = null;
    this.xMax = null;
    this.syncKey = null;
    this.timeLabel = '';
  }

  /** Number of spikes drawn. */
  get spikeCount(): number {
    return this.columns.times.length;
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('events')) this.columns = sortedSpikes(this.events);
  }

  protected override dataProperties(): readonly string[] {
    return ['events', 'xMax', 'syncKey', 'timeLabel'];
  }

  protected override chartHeight(): number {
    return 240;
  }

  protected override render() {
    if (this.spikeCount === 0) return html`<p class="empty">${t('plots.noSpikesRecorded')}</p>`;
    return html`<div class="plot" role="img" aria-label=${t('plots.rasterLabel', { n: this.spikeCount })}></div>`;
  }

  protected override chartSpec(): ChartSpec | null {
    const { times, senders } = this.columns;
    if (times.length === 0) return null;
    const neurons = distinctSenders(senders).length;
    // Dots small enough that rows of neighbouring neurons stay apart in a 200 px tall plot.
    const dot = neurons <= 40 ? 4 : neurons <= 150 ? 3 : 2;
    const color = lineColor(0, this.highContrast);
    const series: uPlot.Series[] = [
      { label: this.timeLabel || t('plots.timeMs') },
      {
        label: t('plots.neuronId'),
        stroke: color,
        // No path at all: a raster is dots. uPlot would hide dense points by default, so force them.
        paths: () => null,
        points: { show: true, size: dot, width: 0, fill: color, stroke: color, paths: squareDots(dot, color) },
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
          timeAxis(this.timeLabel || t('plots.timeMs')),
          valueAxis(t('plots.neuronId'), { incrs: ID_STEPS }),
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
