/**
 * The lesson file format (docs/lessons.md): one JSON file per lesson in lessons/, their order in
 * lessons/index.json. A teacher writes these files; this module checks them and says, in plain
 * words, what is wrong with one, so a broken lesson is left out with a message instead of
 * breaking the app.
 */
import { GOAL_CHECKS, type Goal } from './goals';
import { t } from '../i18n';

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

/** A lesson's words in one or more languages: language code ("en", "de") → the text. A field
 * written as plain text in the file is in the lesson's own language (its "language"). */
export type Translated<T> = Record<string, T>;

/** A goal's words (a label, a unit, what to tell a learner who is below or above the aim): a
 * plain text, or one per language. */
export type GoalWords = string | Translated<string>;

export interface Lesson {
  format: typeof LESSON_FORMAT;
  version: number;
  id: string;
  /** the language the lesson was written in ("language" in the file, "en" when left out): its
   * plain texts are in it, and a learner whose language the lesson lacks gets this one */
  language: string;
  /** the languages the lesson is complete in, its own first */
  languages: string[];
  title: Translated<string>;
  simulator: string;
  /** a few paragraphs in the Markdown subset of src/lessons/markdown.ts */
  text: Translated<string>;
  /** an SVG in lessons/img/, e.g. "img/one-neuron.svg" (one per language where its words
   * differ), and its description for screen readers */
  picture: Translated<string>;
  pictureAlt: Translated<string>;
  toolbox: ToolboxChoice[];
  /** Blockly workspace JSON the lesson starts from */
  start: Record<string, unknown>;
  /** what the goal asks for, in one sentence */
  goalText: Translated<string>;
  goal: Goal;
  hints: Translated<string[]>;
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

/** The goal fields that are words for the learner (each a text or one text per language). */
export const GOAL_WORDS = ['label', 'unit', 'tooLow', 'tooHigh'] as const;

const LANGUAGE_CODE = /^[a-z]{2}$/;

/** A per-language object: every key a language code like "en" or "de". */
function isPerLanguage(x: unknown): x is Record<string, unknown> {
  return isObject(x) && Object.keys(x).length > 0 && Object.keys(x).every((k) => LANGUAGE_CODE.test(k));
}

const isWords = (x: unknown): boolean => isText(x) || (isPerLanguage(x) && Object.values(x).every(isText));

/**
 * A field that may come in several languages: a plain value is in the lesson's own language
 * `own`; {"en": …, "de": …} gives one per language. `read` checks one language's value. Null
 * when a value is not what `read` accepts.
 */
function translated<T>(x: unknown, own: string, read: (v: unknown) => T | null): Translated<T> | null {
  if (isPerLanguage(x)) {
    const out: Translated<T> = {};
    for (const [lang, v] of Object.entries(x)) {
      const value = read(v);
      if (value === null) return null;
      out[lang] = value;
    }
    return out;
  }
  const value = read(x);
  return value === null ? null : { [own]: value };
}

/** Every per-language goal word in a goal (and its parts), to see which languages it has. */
function goalWordsOf(goal: unknown): GoalWords[] {
  if (!isObject(goal)) return [];
  const own = GOAL_WORDS.filter((k) => k !== 'unit' && k in goal).map((k) => goal[k] as GoalWords);
  return [...own, ...(Array.isArray(goal.goals) ? goal.goals.flatMap(goalWordsOf) : [])];
}

/** Text given as one string or as a list of lines (easier to write in JSON). */
function textOf(x: unknown): string | null {
  if (typeof x === 'string') return x;
  if (Array.isArray(x) && x.every((l) => typeof l === 'string')) return x.join('\n');
  return null;
}

/** What is wrong with a goal, or null. `at` says where it is ("goal", "goal.goals[1]"). */
export function goalProblem(goal: unknown, at = 'goal'): string | null {
  if (!isObject(goal)) return t('lessonFile.goalObject', { at });
  const check = goal.check;
  if (typeof check !== 'string' || !(GOAL_CHECKS as readonly string[]).includes(check)) {
    return t('lessonFile.goalCheck', { at, check: JSON.stringify(check) ?? 'nothing', checks: GOAL_CHECKS.join(', ') });
  }
  for (const key of ['min', 'max', 'from', 'to', 'factor', 'minRows', 'firstAtMost', 'lastAtLeast']) {
    if (key in goal && !isNumber(goal[key])) return t('lessonFile.goalNumber', { at, key });
  }
  for (const key of ['recorder', 'recording', 'block', 'input', 'table']) {
    if (key in goal && !isText(goal[key])) return t('lessonFile.goalText', { at, key });
  }
  for (const key of GOAL_WORDS) {
    if (key in goal && !isWords(goal[key])) return t('lessonFile.goalWords', { at, key });
  }
  if ('showAim' in goal && typeof goal.showAim !== 'boolean') return t('lessonFile.showAim', { at });
  if (isNumber(goal.min) && isNumber(goal.max) && goal.min > goal.max) return t('lessonFile.minMax', { at, min: goal.min, max: goal.max });
  const needs = (keys: string[]): string | null => {
    const missing = keys.filter((k) => !(k in goal));
    return missing.length ? `${at} (${check}) needs ${missing.map((k) => `"${k}"`).join(' and ')}.` : null;
  };
  switch (check) {
    case 'rate':
    case 'spikes':
    case 'firstSpike':
    case 'norseSpikes':
      if (!('min' in goal) && !('max' in goal)) return t('lessonFile.needsLimit', { at, check });
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
        if (!Array.isArray(w) || w.length !== 2 || !w.every(isNumber) || !(w[1] > w[0])) return t('lessonFile.window', { at, key });
      }
      return null;
    }
    case 'all': {
      if (!Array.isArray(goal.goals) || goal.goals.length === 0) return t('lessonFile.allGoals', { at });
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
  if (!isObject(x)) return t('lessonFile.workspace', { key });
  const blocks = x.blocks;
  if (!isObject(blocks) || !Array.isArray(blocks.blocks)) return t('lessonFile.noBlocks', { key });
  return null;
}

function toolboxProblem(x: unknown): string | null {
  if (!Array.isArray(x) || x.length === 0) return t('lessonFile.toolbox');
  for (const [i, c] of x.entries()) {
    if (!isObject(c) || !isText(c.category)) return t('lessonFile.toolboxCategory', { i });
    if ('blocks' in c) {
      if (!Array.isArray(c.blocks) || c.blocks.length === 0) return t('lessonFile.toolboxBlocks', { i });
      for (const b of c.blocks) if (!isText(b) && !(isObject(b) && isText(b.type))) return t('lessonFile.toolboxEntry', { i });
    }
  }
  return null;
}

/** Checks one lesson file's content. `fileId` is the name the index knows it by. */
export function parseLesson(data: unknown, knownSimulators: readonly string[], fileId?: string): Checked<Lesson> {
  if (!isObject(data)) return { ok: false, message: t('lessonFile.object') };
  if (data.format !== LESSON_FORMAT) return { ok: false, message: t('lessonFile.format', { format: LESSON_FORMAT }) };
  if (data.version !== LESSON_VERSION) return { ok: false, message: t('lessonFile.version', { version: LESSON_VERSION }) };
  if (typeof data.id !== 'string' || !ID.test(data.id)) return { ok: false, message: t('lessonFile.id') };
  if (fileId !== undefined && data.id !== fileId) return { ok: false, message: t('lessonFile.idFile', { id: data.id, file: fileId }) };
  const own = data.language ?? 'en';
  if (typeof own !== 'string' || !LANGUAGE_CODE.test(own)) return { ok: false, message: t('lessonFile.language') };
  const inOwn = (field: string, x: Translated<unknown> | null): string | null =>
    x !== null && !(own in x) ? t('lessonFile.noOwnLanguage', { field, own }) : null;
  const title = translated(data.title, own, (v) => (isText(v) ? v.trim() : null));
  if (!title) return { ok: false, message: t('lessonFile.title') };
  if (typeof data.simulator !== 'string' || !knownSimulators.includes(data.simulator)) {
    return { ok: false, message: t('lessonFile.simulator', { simulators: knownSimulators.join(', ') }) };
  }
  const text = translated(data.text, own, (v) => {
    const t = textOf(v);
    return t !== null && t.trim() ? t : null;
  });
  if (!text) return { ok: false, message: t('lessonFile.text') };
  const picture = translated(data.picture, own, (v) => (typeof v === 'string' && PICTURE.test(v) ? v : null));
  if (!picture) return { ok: false, message: t('lessonFile.picture') };
  const pictureAlt = translated(data.pictureAlt, own, (v) => (isText(v) ? v : null));
  if (!pictureAlt) return { ok: false, message: t('lessonFile.pictureAlt') };
  const toolbox = toolboxProblem(data.toolbox);
  if (toolbox) return { ok: false, message: toolbox };
  const start = workspaceProblem(data.start, 'start') ?? workspaceProblem(data.solution, 'solution');
  if (start) return { ok: false, message: start };
  const goalText = translated(data.goalText, own, (v) => (isText(v) ? v : null));
  if (!goalText) return { ok: false, message: t('lessonFile.goalTextMissing') };
  const goal = goalProblem(data.goal);
  if (goal) return { ok: false, message: goal };
  const hints = translated(data.hints, own, (v) => (Array.isArray(v) && v.every(isText) ? (v as string[]) : null));
  if (!hints) return { ok: false, message: t('lessonFile.hints') };
  const missingOwn =
    inOwn('title', title) ?? inOwn('text', text) ?? inOwn('picture', picture) ?? inOwn('pictureAlt', pictureAlt) ?? inOwn('goalText', goalText) ?? inOwn('hints', hints);
  if (missingOwn) return { ok: false, message: missingOwn };
  const words = goalWordsOf(data.goal);
  for (const w of words) if (typeof w !== 'string' && !(own in w)) return { ok: false, message: t('lessonFile.goalWordsOwn', { words: JSON.stringify(w), own }) };
  return {
    ok: true,
    value: {
      format: LESSON_FORMAT,
      version: LESSON_VERSION,
      id: data.id,
      language: own,
      languages: [own, ...otherLanguages(own, { title, text, pictureAlt, goalText, hints }, words).filter((l) => !languageGaps(l, own, { title, text, pictureAlt, goalText, hints }, words).length)],
      title,
      simulator: data.simulator,
      text,
      picture,
      pictureAlt,
      toolbox: data.toolbox as ToolboxChoice[],
      start: data.start as Record<string, unknown>,
      goalText,
      goal: data.goal as Goal,
      hints,
      solution: data.solution as Record<string, unknown>,
    },
  };
}

/** The texts every language of a lesson must have (the picture may stay the same). */
interface NeededTexts {
  title: Translated<string>;
  text: Translated<string>;
  pictureAlt: Translated<string>;
  goalText: Translated<string>;
  hints: Translated<string[]>;
}

/** The languages a lesson gives any text in, besides its own. */
function otherLanguages(own: string, texts: NeededTexts, words: readonly GoalWords[]): string[] {
  const all = new Set<string>();
  for (const field of Object.values(texts)) for (const lang of Object.keys(field)) all.add(lang);
  for (const w of words) if (typeof w !== 'string') for (const lang of Object.keys(w)) all.add(lang);
  all.delete(own);
  return [...all].sort();
}

/** What a lesson lacks in `lang` (empty: complete): field names, and the hints when their
 * number differs from those in the lesson's own language `own`. */
function languageGaps(lang: string, own: string, texts: NeededTexts, words: readonly GoalWords[]): string[] {
  const ownHints = texts.hints[own] ?? [];
  const gaps: string[] = (Object.keys(texts) as (keyof NeededTexts)[]).filter((k) => !(lang in texts[k]) && !(k === 'hints' && ownHints.length === 0));
  const theirs = texts.hints[lang];
  if (theirs && theirs.length !== ownHints.length) gaps.push(t('lessonFile.gapHints', { count: theirs.length, ownCount: ownHints.length, own }));
  if (words.some((w) => typeof w === 'string' || !(lang in w))) gaps.push(t('lessonFile.gapGoalWords'));
  return gaps;
}

/**
 * What a lesson file lacks in a language it was partly translated into, one line per language
 * (empty when every language it names is complete). Such a lesson still works: a learner of that
 * language gets its own language, with a note.
 */
export function translationGaps(lesson: Lesson): string[] {
  const texts: NeededTexts = { title: lesson.title, text: lesson.text, pictureAlt: lesson.pictureAlt, goalText: lesson.goalText, hints: lesson.hints };
  const words = goalWordsOf(lesson.goal);
  return otherLanguages(lesson.language, texts, words)
    .map((lang) => ({ lang, gaps: languageGaps(lang, lesson.language, texts, words) }))
    .filter((g) => g.gaps.length)
    .map((g) => t('lessonFile.gaps', { lang: g.lang, gaps: g.gaps.join(', '), own: lesson.language }));
}

export function parseLessonIndex(data: unknown): Checked<LessonIndex> {
  if (!isObject(data) || data.format !== LESSON_INDEX_FORMAT) return { ok: false, message: t('lessonFile.indexFormat', { format: LESSON_INDEX_FORMAT }) };
  if (data.version !== LESSON_VERSION) return { ok: false, message: t('lessonFile.indexVersion', { version: LESSON_VERSION }) };
  if (!Array.isArray(data.lessons) || !data.lessons.every((id) => typeof id === 'string' && ID.test(id))) {
    return { ok: false, message: t('lessonFile.indexLessons') };
  }
  const seen = new Set<string>();
  for (const id of data.lessons as string[]) {
    if (seen.has(id)) return { ok: false, message: t('lessonFile.indexTwice', { id }) };
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
    if (!category) return { ok: false, message: t('lessonFile.noCategory', { category: choice.category, categories: categories.map((c) => c.name).join(', ') }) };
    if (!choice.blocks) {
      contents.push(category);
      continue;
    }
    const items = Array.isArray(category.contents) ? (category.contents as ToolboxItem[]) : [];
    const kept: ToolboxItem[] = [];
    for (const wanted of choice.blocks) {
      const found = items.filter((item) => matches(item, wanted));
      if (found.length === 0) return { ok: false, message: t('lessonFile.noBlock', { category: choice.category, block: JSON.stringify(wanted) }) };
      for (const f of found) if (!kept.includes(f)) kept.push(f);
    }
    contents.push({ ...category, contents: kept });
  }
  return { ok: true, value: { kind: 'categoryToolbox', contents } };
}
