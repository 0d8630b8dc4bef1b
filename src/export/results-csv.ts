/**
 * A run's numbers as CSV files a spreadsheet or pandas reads: one file per recorder and per
 * result table, units in the header.
 *
 *   spike recorder:  sender,time (ms)                       one row per spike, by time
 *   voltmeter, multimeter: time (ms),V_m (mV) neuron 1,…    one row per sample time, one column
 *                                                           per neuron and recordable
 *   result table:    I (pA),f (spikes/s)                    its points, as the chart draws them
 *
 * Pure functions of the response and the recorder infos the plots get (src/plots/recorders.ts);
 * the buttons in the results header call downloadCsv.
 *
 * CSV is data for tools, not text for the learner: whatever the page's language, numbers keep '.'
 * as decimal point, cells are separated by ',' and the column heads stay English ("time (ms)",
 * "sender", "V_m (mV) neuron 3"), so a pandas script or a spreadsheet formula written for one
 * class reads every class's files the same way. (A German spreadsheet opens it via its import
 * dialog with "." as decimal separator.)
 */
import { recordablesIn, spikeColumns, splitBySender, type RecorderEvents } from '../plots/events';
import type { PlottedRecorder } from '../plots/recorders';
import { resultTablesOf } from '../plots/result-tables';
import { axisLabel } from '../plots/units';
import { NORSE_CSV_LABELS, type NorseTimeUnit } from '../plots/norse-recordings';
import { stripBidi } from '../plots/bidi';
import { zipStore } from './zip';

/** The time column's head for a time unit: English, as every head (see above). */
export function csvTimeLabel(unit: NorseTimeUnit = 'ms'): string {
  return unit === 'ms' ? 'time (ms)' : 'time (steps)';
}

export interface CsvFile {
  /** what it holds, for a file name: "sr1", "vm1", "f-I curve" */
  name: string;
  text: string;
}

/** A cell: shortest text that reads back as the same number; text quoted when it must be. */
function cell(value: number | string | null | undefined): string {
  if (value === null || value === undefined) return '';
  // 12 significant digits: no float noise (364.90000000000003 is 364.9), and still every double
  // NEST prints and every float32 value (9 digits round-trip) as it was
  if (typeof value === 'number') return Number.isFinite(value) ? String(Number(value.toPrecision(12))) : value > 0 ? 'inf' : value < 0 ? '-inf' : 'nan';
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function rowsToCsv(rows: (number | string | null | undefined)[][]): string {
  // CRLF is what RFC 4180 says; every reader also takes it
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** Spike events: sender,time — by time (recorded order kept for spikes at the same time). */
export function spikesCsv(events: RecorderEvents | null, timeLabel = 'time (ms)'): string {
  const { times, senders } = spikeColumns(events);
  const rows: (number | string)[][] = [['sender', timeLabel]];
  for (let i = 0; i < times.length; i++) rows.push([senders[i], times[i]]);
  return rowsToCsv(rows);
}

/** Samples: one row per time, one column per recordable and neuron ("V_m (mV) neuron 3"). */
export function tracesCsv(events: RecorderEvents | null, recordables: readonly string[] = [], labels: Readonly<Record<string, string>> | null = null, timeLabel = 'time (ms)'): string {
  const present = recordablesIn(events, recordables);
  const times = events?.times ?? [];
  const senders = events?.senders ?? [];
  const columns: { head: string; x: ArrayLike<number>; values: ArrayLike<number | null> }[] = [];
  for (const r of present) {
    const split = splitBySender(senders, times, events![r]!);
    // the heads stay English (see above): a Norse quantity by its English label, not the one shown
    const shown = labels?.[r];
    const head = shown !== undefined ? (NORSE_CSV_LABELS[r] ?? shown) : axisLabel(r);
    split.senders.forEach((s, k) => columns.push({ head: `${head} neuron ${s}`, x: split.x, values: split.lines[k] }));
  }
  // every recordable of a recorder is sampled at the same times; a ragged one is aligned on the
  // union of the sample times (empty cells where a neuron has no sample)
  const shared = columns.every((c) => sameTimes(c.x, columns[0].x));
  const allTimes = columns.length === 0 ? [] : shared ? columns[0].x : [...new Set(columns.flatMap((c) => Array.from(c.x)))].sort((a, b) => a - b);
  const rows: (number | string | null)[][] = [[timeLabel, ...columns.map((c) => c.head)]];
  const at = columns.map(() => 0);
  for (let i = 0; i < allTimes.length; i++) {
    const t = allTimes[i];
    const row: (number | null)[] = [t];
    columns.forEach((c, k) => {
      while (at[k] < c.x.length && c.x[at[k]] < t) at[k]++;
      row.push(at[k] < c.x.length && c.x[at[k]] === t ? c.values[at[k]] : null);
    });
    rows.push(row);
  }
  return rowsToCsv(rows);
}

function sameTimes(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** One download: its file name, bytes and type. */
export interface CsvDownload {
  fileName: string;
  bytes: Uint8Array;
  type: string;
}

/** A byte-order mark first: Excel then reads µ and umlauts in the header as UTF-8. */
function csvBytes(text: string): Uint8Array {
  return new TextEncoder().encode(`\ufeff${text}`);
}

/**
 * What the CSV button saves: one recorder's (or table's) file as it is ("My-network-sr1.csv"),
 * several as one .zip of one CSV each ("My-network-csv.zip" holding sr1.csv, vm1.csv): one
 * download, not one per recorder (browsers ask before a page starts several, and some block
 * them). Names go through `fileNameFor` (letters, digits, '-'; bidirectional controls gone), and
 * two recorders whose names clean to the same get "-2", "-3".
 */
export function csvDownload(files: readonly CsvFile[], projectName: string, fileNameFor: (name: string, ext: string) => string): CsvDownload | null {
  if (files.length === 0) return null;
  const project = stripBidi(projectName);
  if (files.length === 1) {
    return { fileName: fileNameFor(`${project} ${stripBidi(files[0].name)}`, 'csv'), bytes: csvBytes(files[0].text), type: 'text/csv;charset=utf-8' };
  }
  const used = new Set<string>();
  const entries = files.map((f) => {
    const base = fileNameFor(stripBidi(f.name), 'csv').replace(/\.csv$/, '');
    let name = `${base}.csv`;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base}-${k}.csv`;
    used.add(name.toLowerCase());
    return { name, data: csvBytes(f.text) };
  });
  return { fileName: fileNameFor(`${project} csv`, 'zip'), bytes: zipStore(entries), type: 'application/zip' };
}

/** Saves the run's CSV as one download (see csvDownload); false when there is nothing to save. */
export function downloadCsv(files: readonly CsvFile[], projectName: string, fileNameFor: (name: string, ext: string) => string): CsvDownload | null {
  const download = csvDownload(files, projectName, fileNameFor);
  if (!download) return null;
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([download.bytes as BlobPart], { type: download.type }));
  a.download = download.fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  return download;
}

/** Every CSV file of a run, in the order the results show them: result tables, then recorders. */
export function resultsCsvFiles(response: unknown, recorders: readonly PlottedRecorder[], timeLabel = 'time (ms)'): CsvFile[] {
  const files: CsvFile[] = [];
  for (const table of resultTablesOf(response).tables) {
    const rows: (number | string)[][] = [[table.xLabel, table.yLabel]];
    for (let i = 0; i < table.x.length; i++) rows.push([table.x[i], table.y[i]]);
    files.push({ name: table.name, text: rowsToCsv(rows) });
  }
  const events = (response as { events?: unknown } | null)?.events;
  if (Array.isArray(events)) {
    events.forEach((entry, i) => {
      const data = entry && typeof entry === 'object' ? (entry as RecorderEvents) : null;
      const recorder = recorders[i];
      const spikes = recorder ? recorder.model === 'spike_recorder' : recordablesIn(data).length === 0;
      files.push({
        name: recorder?.name ?? `recorder-${i + 1}`,
        text: spikes ? spikesCsv(data, timeLabel) : tracesCsv(data, recorder?.recordables ?? [], recorder?.labels ?? null, timeLabel),
      });
    });
  }
  return files;
}
