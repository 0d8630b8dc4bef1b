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
 * the buttons in the results header call downloadResultsCsv.
 */
import { recordablesIn, spikeColumns, splitBySender, type RecorderEvents } from '../plots/events';
import type { PlottedRecorder } from '../plots/recorders';
import { resultTablesOf } from '../plots/result-tables';
import { axisLabel } from '../plots/units';

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
    split.senders.forEach((s, k) => columns.push({ head: `${labels?.[r] ?? axisLabel(r)} neuron ${s}`, x: split.x, values: split.lines[k] }));
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

/** Saves each file as a download named after the project ("My-network-sr1.csv"). Browsers
 * ask once before a page downloads several files. */
export function downloadCsvFiles(files: readonly CsvFile[], projectName: string, fileNameFor: (name: string, ext: string) => string): void {
  for (const f of files) {
    const a = document.createElement('a');
    // a byte-order mark: Excel then reads µ and umlauts in the header as UTF-8
    a.href = URL.createObjectURL(new Blob(['\ufeff', f.text], { type: 'text/csv;charset=utf-8' }));
    a.download = fileNameFor(`${projectName} ${f.name}`, 'csv');
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }
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
