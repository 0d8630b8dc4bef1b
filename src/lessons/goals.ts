/**
 * A lesson's goal, checked on the result of a run. Pure functions of plain data: the program's
 * `response` (as the run returned it: NEST recorder events or Norse recordings), what the
 * generator knew about its recorders, and the serialized blocks. No DOM, no Blockly, so every
 * rule is tested on hand-made input (test/node/lessons-goals.test.ts).
 *
 * The messages speak to the learner, in their language (src/i18n/texts/lessons.ts): what the run
 * gave and how that stands to the goal ("12 spikes/s — too low: the goal is 20 to 50 spikes/s").
 * They never say what to change: whether more current or more inhibition helps depends on the
 * lesson, so a lesson file says it where it wants to (`tooLow`, `tooHigh`). A goal whose numbers
 * are the answer ("find the rheobase") keeps them to itself with `showAim: false`.
 */
import { language, t, type TextKey } from '../i18n';

/** Words on a goal: one text, or one per language ({"en": …, "de": …}). */
export type GoalWords = string | Record<string, string>;

/** What a check with limits may add: the lesson's words for a learner below or above the
 * limits (what to change, if the lesson wants to say it), and whether the limits are shown. */
interface Feedback {
  tooLow?: GoalWords;
  tooHigh?: GoalWords;
  /** false: the learner is told "too small" or "too large", not the limits (they are the answer) */
  showAim?: boolean;
}

/** One check of the vocabulary. Limits left out are open ("at least min" / "at most max"). */
export type Goal =
  /** mean firing rate per neuron of a spike recorder (spikes/s), between `from` and `to` ms */
  | ({ check: 'rate'; recorder?: string; min?: number; max?: number; from?: number; to?: number } & Feedback)
  /** number of spikes a spike recorder got (all neurons together), between `from` and `to` ms */
  | ({ check: 'spikes'; recorder?: string; min?: number; max?: number; from?: number; to?: number } & Feedback)
  /** at least one spike */
  | { check: 'fires'; recorder?: string }
  /** no spike at all */
  | { check: 'silent'; recorder?: string }
  /** time of the first spike (ms) */
  | ({ check: 'firstSpike'; recorder?: string; min?: number; max?: number } & Feedback)
  /** the rate in the `later` window is at least `factor` times the rate in the `earlier` one */
  | { check: 'rateGrows'; recorder?: string; earlier: [number, number]; later: [number, number]; factor: number }
  /** a number on a block: an input's value (its slider or number) or a number field */
  | ({ check: 'blockValue'; block: string; input: string; min?: number; max?: number; label?: GoalWords; unit?: GoalWords } & Feedback)
  /** a result table ("add to result table" blocks): at least `minRows` rows, its y never falls,
   * the first y is at most `firstAtMost` and the last at least `lastAtLeast` */
  | { check: 'tableRises'; table: string; minRows: number; firstAtMost?: number; lastAtLeast?: number }
  /** spikes of a Norse record block (all neurons and steps together; of an encoder: its
   * recorded values that are not 0) */
  | ({ check: 'norseSpikes'; recording: string; min?: number; max?: number } & Feedback)
  /** every one of the goals */
  | { check: 'all'; goals: Goal[] };

export const GOAL_CHECKS = ['rate', 'spikes', 'fires', 'silent', 'firstSpike', 'rateGrows', 'blockValue', 'tableRises', 'norseSpikes', 'all'] as const;

/** What a run gives the goal to check. */
export interface GoalRun {
  /** the program's response, as the run returned it */
  response: unknown;
  /** the generator's recorder infos (NEST: name, model, sources; same order as response.events) */
  recorders: readonly { name: string; model?: string; sources?: number | null }[];
  /** Blockly.serialization.workspaces.save() of the blocks that were run */
  workspace: Record<string, unknown>;
}

export interface GoalResult {
  passed: boolean;
  /** one line per check, in the learner's words */
  messages: string[];
}

type Numbers = ArrayLike<number>;

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** A number as a learner reads it: whole numbers as they are, others with one decimal, with
 * the decimal comma in German ("12,5"). No thousands separators: "7500 spikes/s" as in the texts. */
export function formatNumber(x: number): string {
  const plain = Number.isInteger(x) ? String(x) : Math.abs(x) < 0.1 ? x.toPrecision(2) : x.toFixed(1);
  return language() === 'de' ? plain.replace('.', ',') : plain;
}

/** A goal word in the learner's language (else the first one given). */
function words(w: GoalWords | undefined): string | undefined {
  if (w === undefined || typeof w === 'string') return w;
  return w[language()] ?? Object.values(w)[0];
}

/** "10 to 20", "at least 1 ms", "at most 5 spikes/s" (the unit, if any, after each number). */
export function aimText(min: number | undefined, max: number | undefined, unit = ''): string {
  const n = (x: number) => (unit ? `${formatNumber(x)} ${unit}` : formatNumber(x));
  if (min !== undefined && max !== undefined) {
    return min === max ? t('lessonGoal.aim.exactly', { value: n(min) }) : t('lessonGoal.aim.range', { min: formatNumber(min), max: n(max) });
  }
  if (min !== undefined) return t('lessonGoal.aim.atLeast', { value: n(min) });
  if (max !== undefined) return t('lessonGoal.aim.atMost', { value: n(max) });
  return t('lessonGoal.aim.any');
}

/** What kind of number a check measures: it decides the words for "below" and "above". */
type Measure = 'rate' | 'count' | 'time' | 'value';

/**
 * One line for a measured number against its limits: within ("✓ … — the goal is 20 to 50"),
 * below ("too low", "too few", "too early", "too small") or above, then the lesson's own words
 * for that side, if it has any.
 */
function verdict(value: number, measured: string, kind: Measure, goal: { min?: number; max?: number } & Feedback, unit = ''): GoalResult {
  const low = goal.min !== undefined && value < goal.min;
  const high = goal.max !== undefined && value > goal.max;
  const hidden = goal.showAim === false;
  const aim = aimText(goal.min, goal.max, unit);
  let line: string;
  if (!low && !high) line = hidden ? t('lessonGoal.okHidden', { measured }) : t('lessonGoal.ok', { measured, aim });
  else if (hidden) line = t(`lessonGoal.${low ? 'low' : 'high'}Hidden.${kind}` as TextKey, { measured });
  else line = t(`lessonGoal.${low ? 'low' : 'high'}.${kind}` as TextKey, { measured, aim });
  const advice = low ? words(goal.tooLow) : high ? words(goal.tooHigh) : undefined;
  return result(!low && !high, advice ? t('lessonGoal.withAdvice', { line, advice }) : line);
}

function within(x: number, min?: number, max?: number): boolean {
  return (min === undefined || x >= min) && (max === undefined || x <= max);
}

/** A NEST spike recorder of the run: its events and how many neurons it records. */
interface SpikeData {
  name: string;
  times: Numbers;
  senders: Numbers;
  neurons: number;
}

/** The spike recorder named `name` (the first spike recorder when no name is given), or a message. */
function spikeRecorder(run: GoalRun, name: string | undefined): SpikeData | string {
  const events = isObject(run.response) && Array.isArray(run.response.events) ? (run.response.events as unknown[]) : null;
  if (!events) return t('lessonGoal.noData');
  const index = run.recorders.findIndex((r) => r.model === 'spike_recorder' && (name === undefined || r.name === name));
  if (index < 0 || !isObject(events[index])) return name ? t('lessonGoal.noRecorderNamed', { name }) : t('lessonGoal.noRecorder');
  const ev = events[index] as Record<string, Numbers | undefined>;
  const times = ev.times ?? [];
  const senders = ev.senders ?? [];
  const info = run.recorders[index];
  const neurons = info.sources && info.sources > 0 ? info.sources : Math.max(1, new Set(Array.from(senders)).size);
  return { name: info.name, times, senders, neurons };
}

/** How long the run simulated (ms): response["biological_time"], else the last spike time. */
function simulatedMs(run: GoalRun, data: SpikeData): number {
  const t = isObject(run.response) ? run.response.biological_time : undefined;
  if (typeof t === 'number' && Number.isFinite(t) && t > 0) return t;
  let last = 0;
  for (let i = 0; i < data.times.length; i++) last = Math.max(last, data.times[i]);
  return last;
}

function countBetween(times: Numbers, from: number, to: number): number {
  let n = 0;
  for (let i = 0; i < times.length; i++) if (times[i] >= from && times[i] < to) n++;
  return n;
}

/** "between 0 and 200 ms", or '' for the whole run. */
function windowText(from: number | undefined, to: number | undefined): string {
  if (from === undefined && to === undefined) return '';
  return to === undefined ? t('lessonGoal.windowToEnd', { from: formatNumber(from ?? 0) }) : t('lessonGoal.window', { from: formatNumber(from ?? 0), to: formatNumber(to) });
}

/** spikes/s per neuron between from and to (ms); null when the window is empty. */
function rateOf(data: SpikeData, from: number, to: number): number | null {
  if (!(to > from)) return null;
  return countBetween(data.times, from, to) / data.neurons / ((to - from) / 1000);
}

/** A serialized block's number at `input`: the block or shadow plugged in there (its NUM
 * field), or a field of that name on the block itself. Null when it is not a plain number. */
function numberAt(block: Record<string, unknown>, input: string): number | null {
  const fields = isObject(block.fields) ? block.fields : {};
  if (typeof fields[input] === 'number') return fields[input] as number;
  const inputs = isObject(block.inputs) ? block.inputs : {};
  const slot = inputs[input];
  if (!isObject(slot)) return null;
  // a block plugged in covers the shadow
  const plugged = isObject(slot.block) ? slot.block : isObject(slot.shadow) ? slot.shadow : null;
  if (!plugged) return null;
  const num = isObject(plugged.fields) ? plugged.fields.NUM : undefined;
  return typeof num === 'number' ? num : typeof num === 'string' && num.trim() !== '' && Number.isFinite(Number(num)) ? Number(num) : null;
}

/** Every block of a serialized workspace (top blocks, what is plugged in, what follows). */
export function serializedBlocks(workspace: Record<string, unknown>): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const visit = (block: unknown): void => {
    if (!isObject(block)) return;
    found.push(block);
    const inputs = isObject(block.inputs) ? Object.values(block.inputs) : [];
    for (const slot of [...inputs, block.next]) {
      if (!isObject(slot)) continue;
      visit(slot.block);
    }
  };
  const top = isObject(workspace.blocks) ? workspace.blocks.blocks : undefined;
  if (Array.isArray(top)) top.forEach(visit);
  return found;
}

/** The Norse recording named `name` in a Norse response, or a message. */
function norseRecording(response: unknown, name: string): Record<string, unknown> | string {
  const recordings = isObject(response) && Array.isArray(response.recordings) ? (response.recordings as unknown[]) : null;
  if (!recordings) return t('lessonGoal.norse.noRecordings');
  const found = recordings.find((r) => isObject(r) && r.name === name);
  if (!isObject(found)) return t('lessonGoal.norse.notRecorded', { name });
  return found;
}

function sumRows(rows: unknown): number | null {
  if (!Array.isArray(rows)) return null;
  let sum = 0;
  for (const row of rows) {
    if (!(Array.isArray(row) || ArrayBuffer.isView(row))) return null;
    const r = row as Numbers;
    for (let i = 0; i < r.length; i++) if (r[i] !== 0 && r[i] === r[i]) sum++;
  }
  return sum;
}

function result(passed: boolean, message: string): GoalResult {
  return { passed, messages: [message] };
}

/** Checks `goal` on a run's result. */
export function checkGoal(goal: Goal, run: GoalRun): GoalResult {
  switch (goal.check) {
    case 'all': {
      const parts = goal.goals.map((g) => checkGoal(g, run));
      return { passed: parts.every((p) => p.passed), messages: parts.flatMap((p) => p.messages) };
    }
    case 'rate':
    case 'spikes':
    case 'fires':
    case 'silent':
    case 'firstSpike':
    case 'rateGrows': {
      const data = spikeRecorder(run, goal.recorder);
      if (typeof data === 'string') return result(false, data);
      return checkSpikes(goal, data, simulatedMs(run, data));
    }
    case 'blockValue': {
      const blocks = serializedBlocks(run.workspace).filter((b) => b.type === goal.block);
      const label = words(goal.label) ?? goal.input;
      const unit = words(goal.unit) ?? '';
      if (blocks.length === 0) return result(false, t('lessonGoal.block.missing', { label }));
      const values = blocks.map((b) => numberAt(b, goal.input));
      const value = values.find((v) => v !== null);
      if (value === undefined || value === null) return result(false, t('lessonGoal.block.notNumber', { label }));
      return verdict(value, `${label}: ${formatNumber(value)}${unit ? ` ${unit}` : ''}`, 'value', goal, unit);
    }
    case 'tableRises': {
      const results = isObject(run.response) && isObject(run.response.results) ? run.response.results : {};
      const table = goal.table;
      const rows = results[table];
      if (!Array.isArray(rows) || rows.length === 0) return result(false, t('lessonGoal.table.empty', { table }));
      const ys = rows.map((r) => (Array.isArray(r) ? Number(r[1]) : NaN));
      if (rows.length < goal.minRows) {
        return result(false, rows.length === 1 ? t('lessonGoal.table.oneRow', { table, min: goal.minRows }) : t('lessonGoal.table.fewRows', { table, rows: rows.length, min: goal.minRows }));
      }
      const falls = ys.findIndex((y, i) => i > 0 && !(y >= ys[i - 1]));
      if (falls > 0) return result(false, t('lessonGoal.table.falls', { table, from: formatNumber(ys[falls - 1]), to: formatNumber(ys[falls]) }));
      const first = ys[0];
      const last = ys[ys.length - 1];
      if (goal.firstAtMost !== undefined && first > goal.firstAtMost) return result(false, t('lessonGoal.table.firstHigh', { table, value: formatNumber(first), max: formatNumber(goal.firstAtMost) }));
      if (goal.lastAtLeast !== undefined && last < goal.lastAtLeast) return result(false, t('lessonGoal.table.lastLow', { table, value: formatNumber(last), min: formatNumber(goal.lastAtLeast) }));
      return result(true, t('lessonGoal.table.ok', { table, rows: rows.length, first: formatNumber(first), last: formatNumber(last) }));
    }
    case 'norseSpikes': {
      const rec = norseRecording(run.response, goal.recording);
      if (typeof rec === 'string') return result(false, rec);
      // an encoder's output is recorded as its values: spikes are its entries that are not 0
      const count = sumRows(rec.spikes ?? rec.values);
      if (count === null) return result(false, t('lessonGoal.norse.noSpikes', { name: goal.recording }));
      const measured = count === 1 ? t('lessonGoal.measured.spike', { name: goal.recording }) : t('lessonGoal.measured.spikes', { name: goal.recording, count });
      return verdict(count, measured, 'count', goal);
    }
  }
}

function checkSpikes(goal: Extract<Goal, { recorder?: string }>, data: SpikeData, simMs: number): GoalResult {
  const n = data.times.length;
  const name = data.name;
  switch (goal.check) {
    case 'fires':
      return result(n > 0, n === 0 ? t('lessonGoal.fires.none', { name }) : n === 1 ? t('lessonGoal.fires.okOne', { name }) : t('lessonGoal.fires.ok', { name, count: n }));
    case 'silent':
      return result(n === 0, n === 0 ? t('lessonGoal.silent.ok', { name }) : n === 1 ? t('lessonGoal.silent.one', { name }) : t('lessonGoal.silent.some', { name, count: n }));
    case 'spikes': {
      const count = countBetween(data.times, goal.from ?? 0, goal.to ?? Infinity);
      const window = windowText(goal.from, goal.to);
      const measured = window
        ? t(count === 1 ? 'lessonGoal.measured.spikeWindow' : 'lessonGoal.measured.spikesWindow', { name, count, window })
        : t(count === 1 ? 'lessonGoal.measured.spike' : 'lessonGoal.measured.spikes', { name, count });
      return verdict(count, measured, 'count', goal);
    }
    case 'rate': {
      const window = windowText(goal.from, goal.to);
      const rate = rateOf(data, goal.from ?? 0, goal.to ?? simMs);
      if (rate === null) return result(false, window ? t('lessonGoal.rate.tooShortWindow', { window }) : t('lessonGoal.rate.tooShort'));
      const perNeuron = data.neurons > 1;
      const key = perNeuron ? (window ? 'lessonGoal.measured.ratePerNeuronWindow' : 'lessonGoal.measured.ratePerNeuron') : window ? 'lessonGoal.measured.rateWindow' : 'lessonGoal.measured.rate';
      return verdict(rate, t(key, { rate: formatNumber(rate), window }), 'rate', goal, t('lessonGoal.unit.rate'));
    }
    case 'firstSpike': {
      if (n === 0) return result(false, t('lessonGoal.firstSpike.none', { name, aim: goal.showAim === false ? '…' : aimText(goal.min, goal.max, 'ms') }));
      let first = Infinity;
      for (let i = 0; i < n; i++) first = Math.min(first, data.times[i]);
      return verdict(first, t('lessonGoal.measured.firstSpike', { time: formatNumber(first) }), 'time', goal, 'ms');
    }
    case 'rateGrows': {
      const [a, b] = goal.earlier;
      const [c, d] = goal.later;
      const times = { a: formatNumber(a), b: formatNumber(b), c: formatNumber(c), d: formatNumber(d) };
      if (d > simMs + 1e-9) return result(false, t('lessonGoal.grows.tooShort', { end: formatNumber(d), ...times }));
      const early = rateOf(data, a, b) ?? 0;
      const late = rateOf(data, c, d) ?? 0;
      const ok = late > 0 && late >= goal.factor * early;
      return result(ok, t(ok ? 'lessonGoal.grows.ok' : 'lessonGoal.grows.low', { early: formatNumber(early), late: formatNumber(late), factor: formatNumber(goal.factor), ...times }));
    }
  }
  return result(false, t('lessonGoal.unknown'));
}
