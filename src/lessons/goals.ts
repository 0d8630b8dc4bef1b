/**
 * A lesson's goal, checked on the result of a run. Pure functions of plain data: the program's
 * `response` (as the run returned it: NEST recorder events or Norse recordings), what the
 * generator knew about its recorders, and the serialized blocks. No DOM, no Blockly, so every
 * rule is tested on hand-made input (test/node/lessons-goals.test.ts).
 *
 * The messages speak to the learner: what the run gave, and what to aim for
 * ("12.0 spikes/s — aim for 10 to 20").
 */

/** One check of the vocabulary. Limits left out are open ("at least min" / "at most max"). */
export type Goal =
  /** mean firing rate per neuron of a spike recorder (spikes/s), between `from` and `to` ms */
  | { check: 'rate'; recorder?: string; min?: number; max?: number; from?: number; to?: number }
  /** number of spikes a spike recorder got (all neurons together), between `from` and `to` ms */
  | { check: 'spikes'; recorder?: string; min?: number; max?: number; from?: number; to?: number }
  /** at least one spike */
  | { check: 'fires'; recorder?: string }
  /** no spike at all */
  | { check: 'silent'; recorder?: string }
  /** time of the first spike (ms) */
  | { check: 'firstSpike'; recorder?: string; min?: number; max?: number }
  /** the rate in the `later` window is at least `factor` times the rate in the `earlier` one */
  | { check: 'rateGrows'; recorder?: string; earlier: [number, number]; later: [number, number]; factor: number }
  /** a number on a block: an input's value (its slider or number) or a number field */
  | { check: 'blockValue'; block: string; input: string; min?: number; max?: number; label?: string; unit?: string }
  /** a result table ("add to result table" blocks): at least `minRows` rows, its y never falls,
   * the first y is at most `firstAtMost` and the last at least `lastAtLeast` */
  | { check: 'tableRises'; table: string; minRows: number; firstAtMost?: number; lastAtLeast?: number }
  /** spikes of a Norse record block (all neurons and steps together; of an encoder: its
   * recorded values that are not 0) */
  | { check: 'norseSpikes'; recording: string; min?: number; max?: number }
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

/** A number as a learner reads it: whole numbers as they are, others with one decimal. */
export function formatNumber(x: number): string {
  if (Number.isInteger(x)) return String(x);
  if (Math.abs(x) < 0.1) return x.toPrecision(2);
  return x.toFixed(1);
}

/** "aim for 10 to 20", "aim for at least 1", "aim for at most 5". */
export function aimText(min: number | undefined, max: number | undefined, unit = ''): string {
  const u = unit ? ` ${unit}` : '';
  if (min !== undefined && max !== undefined) return min === max ? `aim for exactly ${formatNumber(min)}${u}` : `aim for ${formatNumber(min)} to ${formatNumber(max)}${u}`;
  if (min !== undefined) return `aim for at least ${formatNumber(min)}${u}`;
  if (max !== undefined) return `aim for at most ${formatNumber(max)}${u}`;
  return 'any value';
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
  if (!events) return 'The run returned no recorder data: add a spike recorder and connect the neurons to it.';
  const index = run.recorders.findIndex((r) => r.model === 'spike_recorder' && (name === undefined || r.name === name));
  if (index < 0 || !isObject(events[index])) {
    return name ? `There is no spike recorder called "${name}": add one and connect the neurons to it.` : 'There is no spike recorder: add one and connect the neurons to it.';
  }
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

function windowText(from: number | undefined, to: number | undefined): string {
  if (from === undefined && to === undefined) return '';
  return ` between ${formatNumber(from ?? 0)} and ${to === undefined ? 'the end' : `${formatNumber(to)} ms`}`;
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
  if (!recordings) return 'The run returned no Norse recordings: add a "record" block.';
  const found = recordings.find((r) => isObject(r) && r.name === name);
  if (!isObject(found)) return `Nothing called "${name}" was recorded: add a "record" block for ${name}.`;
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

const tick = (ok: boolean) => (ok ? '✓' : '✗');

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
      if (typeof data === 'string') return result(false, `✗ ${data}`);
      return checkSpikes(goal, data, simulatedMs(run, data));
    }
    case 'blockValue': {
      const blocks = serializedBlocks(run.workspace).filter((b) => b.type === goal.block);
      const label = goal.label ?? goal.input;
      const unit = goal.unit ? ` ${goal.unit}` : '';
      if (blocks.length === 0) return result(false, `✗ The ${label} block is missing: put it back from the toolbox.`);
      const values = blocks.map((b) => numberAt(b, goal.input));
      const value = values.find((v) => v !== null);
      if (value === undefined || value === null) return result(false, `✗ The ${label} is not a plain number: put a number in it.`);
      const ok = within(value, goal.min, goal.max);
      return result(ok, `${tick(ok)} ${label}: ${formatNumber(value)}${unit} — ${aimText(goal.min, goal.max, goal.unit)}`);
    }
    case 'tableRises': {
      const results = isObject(run.response) && isObject(run.response.results) ? run.response.results : {};
      const rows = results[goal.table];
      if (!Array.isArray(rows) || rows.length === 0) return result(false, `✗ The result table "${goal.table}" is empty: an "add to result table" block must run.`);
      const ys = rows.map((r) => (Array.isArray(r) ? Number(r[1]) : NaN));
      if (rows.length < goal.minRows) return result(false, `✗ "${goal.table}" has ${rows.length} row${rows.length === 1 ? '' : 's'} — aim for at least ${goal.minRows} (one per step of the loop).`);
      const falls = ys.findIndex((y, i) => i > 0 && !(y >= ys[i - 1]));
      if (falls > 0) return result(false, `✗ In "${goal.table}" the count falls from ${formatNumber(ys[falls - 1])} to ${formatNumber(ys[falls])} — it should never fall as the current grows.`);
      const first = ys[0];
      const last = ys[ys.length - 1];
      if (goal.firstAtMost !== undefined && first > goal.firstAtMost) return result(false, `✗ The first row of "${goal.table}" has ${formatNumber(first)} — start the sweep where the neuron is still silent (at most ${formatNumber(goal.firstAtMost)}).`);
      if (goal.lastAtLeast !== undefined && last < goal.lastAtLeast) return result(false, `✗ The last row of "${goal.table}" has ${formatNumber(last)} — go on to currents where it fires at least ${formatNumber(goal.lastAtLeast)}.`);
      return result(true, `✓ "${goal.table}": ${rows.length} rows, from ${formatNumber(first)} up to ${formatNumber(last)}`);
    }
    case 'norseSpikes': {
      const rec = norseRecording(run.response, goal.recording);
      if (typeof rec === 'string') return result(false, `✗ ${rec}`);
      // an encoder's output is recorded as its values: spikes are its entries that are not 0
      const count = sumRows(rec.spikes ?? rec.values);
      if (count === null) return result(false, `✗ The spikes of ${goal.recording} were not recorded: tick "spikes" on its record block.`);
      const ok = within(count, goal.min, goal.max);
      return result(ok, `${tick(ok)} ${goal.recording}: ${count} spike${count === 1 ? '' : 's'} — ${aimText(goal.min, goal.max)}`);
    }
  }
}

function checkSpikes(goal: Extract<Goal, { recorder?: string }>, data: SpikeData, simMs: number): GoalResult {
  const n = data.times.length;
  switch (goal.check) {
    case 'fires':
      return result(n > 0, n > 0 ? `✓ ${data.name} recorded ${n} spike${n === 1 ? '' : 's'}` : `✗ ${data.name} recorded no spike — the neuron must fire`);
    case 'silent':
      return result(n === 0, n === 0 ? `✓ ${data.name} recorded no spike` : `✗ ${data.name} recorded ${n} spike${n === 1 ? '' : 's'} — aim for none`);
    case 'spikes': {
      const from = goal.from ?? 0;
      const to = goal.to ?? Infinity;
      const count = countBetween(data.times, from, to);
      const ok = within(count, goal.min, goal.max);
      return result(ok, `${tick(ok)} ${data.name}: ${count} spike${count === 1 ? '' : 's'}${windowText(goal.from, goal.to)} — ${aimText(goal.min, goal.max)}`);
    }
    case 'rate': {
      const rate = rateOf(data, goal.from ?? 0, goal.to ?? simMs);
      if (rate === null) return result(false, `✗ The run was too short for a rate${windowText(goal.from, goal.to)}: simulate longer.`);
      const ok = within(rate, goal.min, goal.max);
      const per = data.neurons > 1 ? ' per neuron' : '';
      return result(ok, `${tick(ok)} ${formatNumber(rate)} spikes/s${per}${windowText(goal.from, goal.to)} — ${aimText(goal.min, goal.max)}`);
    }
    case 'firstSpike': {
      if (n === 0) return result(false, `✗ ${data.name} recorded no spike, so there is no first spike — ${aimText(goal.min, goal.max, 'ms')}`);
      let first = Infinity;
      for (let i = 0; i < n; i++) first = Math.min(first, data.times[i]);
      const ok = within(first, goal.min, goal.max);
      return result(ok, `${tick(ok)} first spike at ${formatNumber(first)} ms — ${aimText(goal.min, goal.max, 'ms')}`);
    }
    case 'rateGrows': {
      const [a, b] = goal.earlier;
      const [c, d] = goal.later;
      if (d > simMs + 1e-9) return result(false, `✗ Simulate at least ${formatNumber(d)} ms: the goal compares ${formatNumber(a)}–${formatNumber(b)} ms with ${formatNumber(c)}–${formatNumber(d)} ms.`);
      const early = rateOf(data, a, b) ?? 0;
      const late = rateOf(data, c, d) ?? 0;
      const ok = late > 0 && late >= goal.factor * early;
      return result(
        ok,
        `${tick(ok)} ${formatNumber(early)} spikes/s at ${formatNumber(a)}–${formatNumber(b)} ms, ${formatNumber(late)} spikes/s at ${formatNumber(c)}–${formatNumber(d)} ms — aim for the later rate at least ${formatNumber(goal.factor)} × the earlier one`,
      );
    }
  }
  return result(false, '✗ unknown check');
}
