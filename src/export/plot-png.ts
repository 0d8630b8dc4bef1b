/**
 * The result plots as one PNG image: every uPlot chart of the results, stacked in the order shown,
 * each under its panel's title and a legend of its lines (uPlot draws the legend as HTML, not on
 * its canvas), on white (the canvases are transparent). NEST Desktop users asked for exactly this
 * (#422: export of graphs as images).
 */
import type uPlot from 'uplot';

export interface ChartImage {
  title: string;
  chart: uPlot;
}

const MARGIN = 12;
const TITLE_PX = 15;
const LEGEND_PX = 12;
const LINE_GAP = 6;
/** More legend entries than this are summed up as "… and N more" (a trace panel may draw 20). */
const MAX_LEGEND = 10;

/** The lines a chart's legend lists: label and colour of each shown series but x. */
function legendOf(chart: uPlot): { label: string; color: string }[] {
  return chart.series
    .slice(1)
    .filter((s) => s.show !== false && typeof s.label === 'string' && s.label)
    .map((s) => ({ label: String(s.label), color: typeof s.stroke === 'string' ? s.stroke : '#333' }));
}

/** Heights (CSS px) of one chart's block: title, legend rows, the chart. Pure, for the layout. */
export function blockHeight(chartHeight: number, legendEntries: number): number {
  const legendRows = legendEntries > 1 ? 1 : 0;
  return TITLE_PX + LINE_GAP + legendRows * (LEGEND_PX + LINE_GAP) + chartHeight + MARGIN;
}

/** Draws the charts onto one canvas (device pixels of the charts, so the image is as sharp as
 * the screen). */
export function stackCharts(charts: readonly ChartImage[], doc: Document = document): HTMLCanvasElement {
  const ratio = charts[0] ? charts[0].chart.ctx.canvas.width / Math.max(1, charts[0].chart.width) : 1;
  const width = Math.max(320, ...charts.map((c) => c.chart.width)) + 2 * MARGIN;
  const legends = charts.map((c) => legendOf(c.chart));
  const height = MARGIN + charts.reduce((h, c, i) => h + blockHeight(c.chart.height, legends[i].length), 0);
  const canvas = doc.createElement('canvas');
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(ratio, ratio);
  ctx.fillStyle = 'white';
  ctx.fillRect(0, 0, width, height);
  let y = MARGIN;
  charts.forEach((c, i) => {
    ctx.fillStyle = '#222';
    ctx.font = `600 ${TITLE_PX}px system-ui, 'DejaVu Sans', sans-serif`;
    ctx.textBaseline = 'top';
    ctx.fillText(c.title, MARGIN, y);
    y += TITLE_PX + LINE_GAP;
    const legend = legends[i];
    if (legend.length > 1) {
      ctx.font = `${LEGEND_PX}px system-ui, 'DejaVu Sans', sans-serif`;
      let x = MARGIN;
      for (const entry of legend.slice(0, MAX_LEGEND)) {
        ctx.fillStyle = entry.color;
        ctx.fillRect(x, y + LEGEND_PX / 2 - 1, 14, 3);
        ctx.fillStyle = '#222';
        ctx.fillText(entry.label, x + 18, y);
        x += 18 + ctx.measureText(entry.label).width + 14;
      }
      if (legend.length > MAX_LEGEND) ctx.fillText(`… and ${legend.length - MAX_LEGEND} more`, x, y);
      y += LEGEND_PX + LINE_GAP;
    }
    ctx.drawImage(c.chart.ctx.canvas, MARGIN, y, c.chart.width, c.chart.height);
    y += c.chart.height + MARGIN;
  });
  return canvas;
}

type ChartHost = HTMLElement & { chart?: uPlot | null; caption?: unknown };

/** Whether an element draws a uPlot chart (the plots' UplotElement keeps it in `chart`). */
function chartOf(el: ChartHost): uPlot | null {
  const chart = el.chart;
  return chart && chart.ctx && chart.ctx.canvas instanceof HTMLCanvasElement ? chart : null;
}

/**
 * The charts of a results view, in the order shown, also those inside other plot elements'
 * shadow roots (a raster's rate and ISI histograms): every element with a uPlot `chart`. Each is
 * titled by its caption, else by the heading of its section (the recorder's name and model).
 */
export function chartsIn(root: ParentNode, inheritedTitle = ''): ChartImage[] {
  const found: ChartImage[] = [];
  for (const el of root.querySelectorAll<ChartHost>('*')) {
    const heading = el.closest('section')?.querySelector('h3')?.textContent?.replace(/\s+/g, ' ').trim();
    const title = heading || inheritedTitle;
    const chart = chartOf(el);
    if (chart) {
      const caption = typeof el.caption === 'string' && el.caption ? el.caption : '';
      found.push({ title: caption || title || el.tagName.toLowerCase(), chart });
    }
    if (el.shadowRoot) found.push(...chartsIn(el.shadowRoot, title));
  }
  return found;
}

export function canvasPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the browser could not encode the PNG'))), 'image/png'));
}

/** Saves the charts of a results view as one PNG; false when there is no chart to save. */
export async function downloadPlotsPng(root: ParentNode, fileName: string): Promise<boolean> {
  const charts = chartsIn(root);
  if (charts.length === 0) return false;
  const blob = await canvasPng(stackCharts(charts));
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  return true;
}
