/**
 * A lesson in one language, as the panel shows it: the learner's language when the lesson is
 * complete in it, else the lesson's own language (and the panel says so). One language for the
 * whole lesson — a half-translated lesson would mix two on one screen.
 */
import { GOAL_WORDS, type GoalWords, type Lesson } from './format';
import type { Goal } from './goals';
import { dataText } from '../i18n';

export interface ShownLesson {
  /** the language the texts below are in */
  language: string;
  /** false when the learner asked for another language the lesson does not have */
  inWantedLanguage: boolean;
  title: string;
  text: string;
  picture: string;
  pictureAlt: string;
  goalText: string;
  hints: string[];
  /** the goal with its words (labels, tooLow, tooHigh) in `language` */
  goal: Goal;
}

/** The lesson's language for a learner who wants `wanted`. */
export function shownLanguage(lesson: Pick<Lesson, 'language' | 'languages'>, wanted: string): string {
  return lesson.languages.includes(wanted) ? wanted : lesson.language;
}

/** One language's value of a per-language field, else the lesson's own language's. */
function pick<T>(field: Record<string, T>, lang: string, own: string): T {
  return field[lang] ?? field[own] ?? Object.values(field)[0];
}

/** A goal word in `lang` (a plain text is the same in every language). */
export function wordIn(words: GoalWords, lang: string, own: string): string {
  return typeof words === 'string' ? words : pick(words, lang, own);
}

function goalIn(goal: Goal, lang: string, own: string): Goal {
  const out: Record<string, unknown> = { ...goal };
  for (const key of GOAL_WORDS) {
    const w = out[key];
    if (w !== undefined) out[key] = wordIn(w as GoalWords, lang, own);
  }
  if (goal.check === 'all') out.goals = goal.goals.map((g) => goalIn(g, lang, own));
  return out as Goal;
}

export function showLesson(lesson: Lesson, wanted: string): ShownLesson {
  const lang = shownLanguage(lesson, wanted);
  const own = lesson.language;
  // the test-only pseudo language marks lesson content too (dataText), so a screen scan can tell
  // it from a text that bypasses both the table and the lesson file
  const mark = dataText;
  return {
    language: lang,
    inWantedLanguage: lang === wanted,
    title: mark(pick(lesson.title, lang, own)),
    text: mark(pick(lesson.text, lang, own)),
    picture: pick(lesson.picture, lang, own),
    pictureAlt: mark(pick(lesson.pictureAlt, lang, own)),
    goalText: mark(pick(lesson.goalText, lang, own)),
    hints: pick(lesson.hints, lang, own).map(mark),
    goal: goalIn(lesson.goal, lang, own),
  };
}
