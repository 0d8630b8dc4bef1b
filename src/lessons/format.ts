/**
 * The lesson file format (docs/lessons.md): one JSON file per lesson in lessons/, their order in
 * lessons/index.json. A teacher writes these files; this module checks them and says, in plain
 * words, what is wrong with one, so a broken lesson is left out with a message instead of
 * breaking the app.
 */
import { GOAL_CHECKS, type Goal } from './goals';

export const LESSON_FORMAT = 'spikeblocks-lesson';
export const LESSON_INDEX_FORMAT = 'spikeblocks-lessons';
export const LESSON_VERSION = 1;

/** Which toolbox blocks a lesson offers: a category of the simulator's toolbox, all of it or
 * only the listed blocks. A block is named by its type, or by its type and some of its fields
 * (`{"type": "nest_param", "fields": {"PARAM": "t_ref"}}`) where the toolbox has several. */
export interface ToolboxChoice {
  category: string;
  blocks?: (string | { type: string; fields?: Record<string, unknown> })[];
}

export interface Lesson {
  format: typeof LESSON_FORMAT;
  version: number;
  id: string;
  title: string;
  simulator: string;
  /** a few paragraphs in the Markdown subset of src/lessons/markdown.ts */
  text: string;
  /** an SVG in lessons/img/, e.g. "img/one-neuron.svg", and its description for screen readers */
  picture: string;
  pictureAlt: string;
  toolbox: ToolboxChoice[];
  /** Blockly workspace JSON the lesson starts from */
  start: Record<string, unknown>;
  /** what the goal asks for, in one sentence */
  goalText: string;
  goal: Goal;
  hints: string[];
  /** Blockly workspace JSON that meets the goal */
  solution: Record<string, unknown>;
}

export interface LessonIndex {
  format: typeof LESSON_INDEX_FORMAT;
  version: number;
  /** lesson ids in teaching order; lesson `id` is the file lessons/<id>.json */
  lessons: string[];
}

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const PICTURE = /^img\/[a-z0-9-]+\.svg$/;

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

const isText = (x: unknown): x is string => typeof x === 'string' && x.trim().length > 0;
const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** Text given as one string or as a list of lines (easier to write in JSON). */
function textOf(x: unknown): string | null {
  if (typeof x === 'string') return x;
  if (Array.isArray(x) && x.every((l) => typeof l === 'string')) return x.join('\n');
  return null;
}

/** What is wrong with a goal, or null. `at` says where it is ("goal", "goal.goals[1]"). */
export function goalProblem(goal: unknown, at = 'goal'): string | null {
  if (!isObject(goal)) return `${at} must be an object like {"check": "rate", "min": 10, "max": 20}.`;
  const check = goal.check;
  if (typeof check !== 'string' || !(GOAL_CHECKS as readonly string[]).includes(check)) {
    return `${at}.check is ${JSON.stringify(check)}; it must be one of ${GOAL_CHECKS.join(', ')}.`;
  }
  for (const key of ['min', 'max', 'from', 'to', 'factor', 'minRows', 'firstAtMost', 'lastAtLeast']) {
    if (key in goal && !isNumber(goal[key])) return `${at}.${key} must be a number.`;
  }
  for (const key of ['recorder', 'recording', 'block', 'input', 'table', 'label', 'unit']) {
    if (key in goal && !isText(goal[key])) return `${at}.${key} must be a text.`;
  }
  if (isNumber(goal.min) && isNumber(goal.max) && goal.min > goal.max) return `${at}: min (${goal.min}) is larger than max (${goal.max}).`;
  const needs = (keys: string[]): string | null => {
    const missing = keys.filter((k) => !(k in goal));
    return missing.length ? `${at} (${check}) needs ${missing.map((k) => `"${k}"`).join(' and ')}.` : null;
  };
  switch (check) {
    case 'rate':
    case 'spikes':
    case 'firstSpike':
    case 'norseSpikes':
      if (!('min' in goal) && !('max' in goal)) return `${at} (${check}) needs "min" or "max" (or both).`;
      return check === 'norseSpikes' ? needs(['recording']) : null;
    case 'blockValue':
      return needs(['block', 'input']) ?? (!('min' in goal) && !('max' in goal) ? `${at} (blockValue) needs "min" or "max".` : null);
    case 'tableRises':
      return needs(['table', 'minRows']);
    case 'rateGrows': {
      const missing = needs(['earlier', 'later', 'factor']);
      if (missing) return missing;
      for (const key of ['earlier', 'later']) {
        const w = goal[key];
        if (!Array.isArray(w) || w.length !== 2 || !w.every(isNumber) || !(w[1] > w[0])) return `${at}.${key} must be a time window [from, to] in ms, with from < to.`;
      }
      return null;
    }
    case 'all': {
      if (!Array.isArray(goal.goals) || goal.goals.length === 0) return `${at} (all) needs "goals": a list of goals.`;
      for (let i = 0; i < goal.goals.length; i++) {
        const p = goalProblem(goal.goals[i], `${at}.goals[${i}]`);
        if (p) return p;
      }
      return null;
    }
    default:
      return null;
  }
}

function workspaceProblem(x: unknown, key: string): string | null {
  if (!isObject(x)) return `"${key}" must be a Blockly workspace (the "workspace" object of a saved project).`;
  const blocks = x.blocks;
  if (!isObject(blocks) || !Array.isArray(blocks.blocks)) return `"${key}" has no blocks ("${key}".blocks.blocks must be a list).`;
  return null;
}

function toolboxProblem(x: unknown): string | null {
  if (!Array.isArray(x) || x.length === 0) return '"toolbox" must be a list of categories, e.g. [{"category": "Stimuli", "blocks": ["nest_dc_generator"]}].';
  for (const [i, c] of x.entries()) {
    if (!isObject(c) || !isText(c.category)) return `toolbox[${i}] needs "category": the name of a toolbox category.`;
    if ('blocks' in c) {
      if (!Array.isArray(c.blocks) || c.blocks.length === 0) return `toolbox[${i}].blocks must be a list of block types (leave it out for the whole category).`;
      for (const b of c.blocks) if (!isText(b) && !(isObject(b) && isText(b.type))) return `toolbox[${i}].blocks: every entry is a block type or {"type": …, "fields": {…}}.`;
    }
  }
  return null;
}

/** Checks one lesson file's content. `fileId` is the name the index knows it by. */
export function parseLesson(data: unknown, knownSimulators: readonly string[], fileId?: string): Checked<Lesson> {
  if (!isObject(data)) return { ok: false, message: 'A lesson file must hold one JSON object.' };
  if (data.format !== LESSON_FORMAT) return { ok: false, message: `"format" must be "${LESSON_FORMAT}".` };
  if (data.version !== LESSON_VERSION) return { ok: false, message: `"version" must be ${LESSON_VERSION} (this Spikeblocks reads lesson files of version ${LESSON_VERSION}).` };
  if (typeof data.id !== 'string' || !ID.test(data.id)) return { ok: false, message: '"id" must be lower-case words joined by "-", e.g. "one-neuron".' };
  if (fileId !== undefined && data.id !== fileId) return { ok: false, message: `"id" is "${data.id}" but the file is ${fileId}.json: they must be the same.` };
  if (!isText(data.title)) return { ok: false, message: '"title" is missing.' };
  if (typeof data.simulator !== 'string' || !knownSimulators.includes(data.simulator)) {
    return { ok: false, message: `"simulator" must be one of ${knownSimulators.join(', ')}.` };
  }
  const text = textOf(data.text);
  if (text === null || !text.trim()) return { ok: false, message: '"text" is missing (a string, or a list of lines).' };
  if (typeof data.picture !== 'string' || !PICTURE.test(data.picture)) return { ok: false, message: '"picture" must name an SVG in lessons/img/, e.g. "img/one-neuron.svg".' };
  if (!isText(data.pictureAlt)) return { ok: false, message: '"pictureAlt" is missing: say in words what the picture shows.' };
  const toolbox = toolboxProblem(data.toolbox);
  if (toolbox) return { ok: false, message: toolbox };
  const start = workspaceProblem(data.start, 'start') ?? workspaceProblem(data.solution, 'solution');
  if (start) return { ok: false, message: start };
  if (!isText(data.goalText)) return { ok: false, message: '"goalText" is missing: the goal in one sentence for the learner.' };
  const goal = goalProblem(data.goal);
  if (goal) return { ok: false, message: goal };
  if (!Array.isArray(data.hints) || !data.hints.every(isText)) return { ok: false, message: '"hints" must be a list of texts (it may be empty).' };
  return {
    ok: true,
    value: {
      format: LESSON_FORMAT,
      version: LESSON_VERSION,
      id: data.id,
      title: data.title.trim(),
      simulator: data.simulator,
      text,
      picture: data.picture,
      pictureAlt: data.pictureAlt,
      toolbox: data.toolbox as ToolboxChoice[],
      start: data.start as Record<string, unknown>,
      goalText: data.goalText,
      goal: data.goal as Goal,
      hints: data.hints as string[],
      solution: data.solution as Record<string, unknown>,
    },
  };
}

export function parseLessonIndex(data: unknown): Checked<LessonIndex> {
  if (!isObject(data) || data.format !== LESSON_INDEX_FORMAT) return { ok: false, message: `lessons/index.json must have "format": "${LESSON_INDEX_FORMAT}".` };
  if (data.version !== LESSON_VERSION) return { ok: false, message: `lessons/index.json: "version" must be ${LESSON_VERSION}.` };
  if (!Array.isArray(data.lessons) || !data.lessons.every((id) => typeof id === 'string' && ID.test(id))) {
    return { ok: false, message: 'lessons/index.json: "lessons" must be a list of lesson ids.' };
  }
  const seen = new Set<string>();
  for (const id of data.lessons as string[]) {
    if (seen.has(id)) return { ok: false, message: `lessons/index.json lists "${id}" twice.` };
    seen.add(id);
  }
  return { ok: true, value: { format: LESSON_INDEX_FORMAT, version: LESSON_VERSION, lessons: data.lessons as string[] } };
}

type ToolboxItem = Record<string, unknown>;
export type ToolboxDef = { kind: string; contents: unknown[] };

function matches(item: ToolboxItem, wanted: string | { type: string; fields?: Record<string, unknown> }): boolean {
  if (typeof wanted === 'string') return item.type === wanted;
  if (item.type !== wanted.type) return false;
  const fields = isObject(item.fields) ? item.fields : {};
  return Object.entries(wanted.fields ?? {}).every(([k, v]) => {
    const have = fields[k];
    // a variable field is {name, type}: name it by its name
    return isObject(have) ? have.name === v : have === v;
  });
}

/**
 * The lesson's toolbox: the chosen categories of the simulator's toolbox, in the lesson's order,
 * each with all its blocks or only the listed ones. A category or block the toolbox does not
 * have is a mistake in the lesson file and is said so.
 */
export function restrictToolbox(full: ToolboxDef, choices: readonly ToolboxChoice[]): Checked<ToolboxDef> {
  const categories = full.contents.filter((c): c is ToolboxItem => isObject(c) && c.kind === 'category');
  const contents: unknown[] = [];
  for (const choice of choices) {
    const category = categories.find((c) => c.name === choice.category);
    if (!category) return { ok: false, message: `The toolbox has no category "${choice.category}" (it has ${categories.map((c) => c.name).join(', ')}).` };
    if (!choice.blocks) {
      contents.push(category);
      continue;
    }
    const items = Array.isArray(category.contents) ? (category.contents as ToolboxItem[]) : [];
    const kept: ToolboxItem[] = [];
    for (const wanted of choice.blocks) {
      const found = items.filter((item) => matches(item, wanted));
      if (found.length === 0) return { ok: false, message: `The category "${choice.category}" has no block ${JSON.stringify(wanted)}.` };
      for (const f of found) if (!kept.includes(f)) kept.push(f);
    }
    contents.push({ ...category, contents: kept });
  }
  return { ok: true, value: { kind: 'categoryToolbox', contents } };
}
