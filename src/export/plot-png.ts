/**
 * The result plots as one PNG image: every uPlot chart of the results, stacked in the order shown,
 * each under its panel's title and a legend of its lines (uPlot draws the legend as HTML, not on
 * its canvas), on white (the canvases are transparent). NEST Desktop users asked for exactly this
 * (#422: export of graphs as images).
 */
import type uPlot from 'uplot';
import { t } from '../i18n';
import { stripBidi } from '../plots/bidi';

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
    .map((s, i) => ({ s, i }))
    .slice(1)
    .filter(({ s }) => s.show !== false && typeof s.label === 'string' && s.label)
    .map(({ s, i }) => ({ label: String(s.label), color: strokeOf(chart, s, i) }));
}

/** A series' line colour: uPlot keeps the stroke given as a function of (chart, series index). */
function strokeOf(chart: uPlot, s: uPlot.Series, i: number): string {
  const stroke = s.stroke as unknown;
  const value = typeof stroke === 'function' ? (stroke as (u: uPlot, i: number) => unknown)(chart, i) : stroke;
  return typeof value === 'string' ? value : '#333';
}

/** Heights (CSS px) of one chart's block: title, legend rows, the chart. Pure, for the layout. */
export function blockHeight(chartHeight: number, legendRows: number): number {
  return TITLE_PX + LINE_GAP + legendRows * (LEGEND_PX + LINE_GAP) + chartHeight + MARGIN;
}

/** Where one legend entry goes: its row and its x (CSS px from the image's left edge). */
export interface LegendPlace {
  text: string;
  color: string | null;
  row: number;
  x: number;
}

const SWATCH = 14;
const SWATCH_GAP = 4;
const ENTRY_GAP = 14;

/**
 * The legend's entries in rows that fit `width` (the image's width less its margins): an entry
 * that would reach past the right edge starts a new row, and a label longer than a whole row is
 * shortened with "…" so nothing is cut off at the edge. Past MAX_LEGEND entries the rest are
 * summed up as "… and N more". `measure` gives a text's width in the legend's font. Pure: tested
 * without a canvas.
 */
export function layoutLegend(entries: readonly { label: string; color: string }[], width: number, measure: (text: string) => number): LegendPlace[] {
  const places: LegendPlace[] = [];
  if (entries.length <= 1) return places;
  const right = MARGIN + width;
  let row = 0;
  let x = MARGIN;
  const put = (text: string, color: string | null) => {
    const room = width - (color ? SWATCH + SWATCH_GAP : 0);
    let shown = text;
    while (shown.length > 1 && measure(shown) > room) shown = `${shown.slice(0, -2)}…`;
    const w = (color ? SWATCH + SWATCH_GAP : 0) + measure(shown);
    if (x > MARGIN && x + w > right) {
      row++;
      x = MARGIN;
    }
    places.push({ text: shown, color, row, x });
    x += w + ENTRY_GAP;
  };
  for (const entry of entries.slice(0, MAX_LEGEND)) put(entry.label, entry.color);
  if (entries.length > MAX_LEGEND) put(t('files.legendMore', { n: entries.length - MAX_LEGEND }), null);
  return places;
}

function legendRows(places: readonly LegendPlace[]): number {
  return places.length === 0 ? 0 : places[places.length - 1].row + 1;
}

/** Draws the charts onto one canvas (device pixels of the charts, so the image is as sharp as
 * the screen). */
export function stackCharts(charts: readonly ChartImage[], doc: Document = document): HTMLCanvasElement {
  const ratio = charts[0] ? charts[0].chart.ctx.canvas.width / Math.max(1, charts[0].chart.width) : 1;
  const width = Math.max(320, ...charts.map((c) => c.chart.width)) + 2 * MARGIN;
  const canvas = doc.createElement('canvas');
  const ctx = canvas.getContext('2d')!;
  const legendFont = `${LEGEND_PX}px system-ui, 'DejaVu Sans', sans-serif`;
  // the legends are laid out first, in the font they are drawn in, so the height is known
  ctx.font = legendFont;
  const measure = (text: string) => ctx.measureText(text).width;
  const legends = charts.map((c) => layoutLegend(legendOf(c.chart), width - 2 * MARGIN, measure));
  const height = MARGIN + charts.reduce((h, c, i) => h + blockHeight(c.chart.height, legendRows(legends[i])), 0);
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  // (resizing the canvas reset its state: scale and fonts are set after)
  ctx.scale(ratio, ratio);
  ctx.fillStyle = 'white';
  ctx.fillRect(0, 0, width, height);
  let y = MARGIN;
  charts.forEach((c, i) => {
    ctx.fillStyle = '#222';
    ctx.font = `600 ${TITLE_PX}px system-ui, 'DejaVu Sans', sans-serif`;
    ctx.textBaseline = 'top';
    ctx.fillText(stripBidi(c.title), MARGIN, y, width - 2 * MARGIN);
    y += TITLE_PX + LINE_GAP;
    const legend = legends[i];
    ctx.font = legendFont;
    for (const place of legend) {
      const top = y + place.row * (LEGEND_PX + LINE_GAP);
      let x = place.x;
      if (place.color) {
        ctx.fillStyle = place.color;
        ctx.fillRect(x, top + LEGEND_PX / 2 - 1, SWATCH, 3);
        x += SWATCH + SWATCH_GAP;
      }
      ctx.fillStyle = '#222';
      ctx.fillText(place.text, x, top);
    }
    y += legendRows(legend) * (LEGEND_PX + LINE_GAP);
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
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error(t('files.pngEncodeFailed')))), 'image/png'));
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
