/**
 * The result tables of a run: `response["results"]`, which the "add to result table" block fills
 * as {name: [[x, y], ...]} (generators/nest.ts). A hand-edited program may put anything there, so
 * every table is checked before it is drawn; one that is not a list of pairs of ordinary numbers
 * is skipped with a reason, and the others are still shown.
 */
import { t } from '../i18n';

/** One table that can be drawn: its points in the order the program added them. */
export interface ResultTable {
  name: string;
  x: Float64Array;
  y: Float64Array;
  /** Axis names, from the table's name when it reads like "f-I curve" (y against x). */
  xLabel: string;
  yLabel: string;
}

/** A table that is not drawn, and why, in words for the learner. */
export interface SkippedTable {
  name: string;
  reason: string;
}

export interface ResultTables {
  tables: ResultTable[];
  skipped: SkippedTable[];
}

/** More points than this is no longer a curve a learner reads point by point (and costs memory). */
export const MAX_POINTS = 100_000;
/** More tables than this would bury the recorder plots under charts; the rest are named, not drawn. */
export const MAX_TABLES = 12;
/**
 * Beyond this magnitude uPlot's tick arithmetic loses its precision (ticks collapse or the range
 * overflows to Infinity); no quantity of a NEST run gets near it, so such a number is a mistake.
 */
export const MAX_MAGNITUDE = 1e15;

const NO_TABLES: ResultTables = { tables: [], skipped: [] };

/**
 * Axis names from a table name written the usual way, "<y>-<x> curve": "f-I curve" plots f
 * against I, "I–V curve" I against V. Any other name gives plain "x" and "y".
 */
export function axisNames(name: string): { xLabel: string; yLabel: string } {
  const m = /^\s*([^\s\-–—]+)\s*[-–—]\s*([^\s\-–—]+)(?:\s|$)/.exec(name);
  return m ? { xLabel: m[2], yLabel: m[1] } : { xLabel: 'x', yLabel: 'y' };
}

function isNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= MAX_MAGNITUDE;
}

/** Why a value is not a usable number, e.g. "NaN" or "a string". */
function describe(v: unknown): string {
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : Number.isFinite(v) ? t('plots.valueTooLargeN', { v }) : String(v);
  if (typeof v === 'bigint') return t('plots.valueTooLarge');
  if (v === null) return 'None';
  if (Array.isArray(v)) return t('plots.valueList');
  // the JavaScript type of what came back (string, boolean, object): a name, as Python's are
  return t('plots.valueOfType', { type: typeof v });
}

/** One table checked: its points, or why it cannot be drawn. */
function checkTable(name: string, points: unknown): ResultTable | SkippedTable {
  if (!Array.isArray(points)) return { name, reason: t('plots.tableNotList') };
  if (points.length === 0) return { name, reason: t('plots.tableNoPoints') };
  if (points.length > MAX_POINTS) return { name, reason: t('plots.tableTooMany', { n: points.length, max: MAX_POINTS }) };
  const x = new Float64Array(points.length);
  const y = new Float64Array(points.length);
  for (let i = 0; i < points.length; i++) {
    const point: unknown = points[i];
    if (!Array.isArray(point) || point.length !== 2) {
      return { name, reason: t('plots.tableNotPair', { i: i + 1 }) };
    }
    for (const [k, v] of [[0, point[0]], [1, point[1]]] as const) {
      if (!isNumber(v)) return { name, reason: t('plots.tableNotNumber', { xy: k === 0 ? 'x' : 'y', i: i + 1, what: describe(v) }) };
    }
    x[i] = point[0] as number;
    y[i] = point[1] as number;
  }
  return { name, x, y, ...axisNames(name) };
}

/** The tables of `response["results"]`: those that can be drawn, and the others with a reason. */
export function resultTablesOf(response: unknown): ResultTables {
  if (response == null || typeof response !== 'object' || !('results' in response)) return NO_TABLES;
  const results = (response as { results: unknown }).results;
  if (results == null || typeof results !== 'object' || Array.isArray(results)) {
    return { tables: [], skipped: [{ name: 'results', reason: t('plots.resultsNotDict') }] };
  }
  const out: ResultTables = { tables: [], skipped: [] };
  for (const [name, points] of Object.entries(results)) {
    if (out.tables.length >= MAX_TABLES) {
      out.skipped.push({ name, reason: t('plots.onlyFirstTables', { max: MAX_TABLES }) });
      continue;
    }
    const checked = checkTable(name, points);
    if ('reason' in checked) out.skipped.push(checked);
    else out.tables.push(checked);
  }
  return out;
}

/** A number in a table cell: as the program gave it, without float noise (0.30000000000000004). */
export function formatCell(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
}
