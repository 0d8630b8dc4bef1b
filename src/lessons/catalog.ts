/**
 * The lessons as the app has them: every file of lessons/ checked, in the order of
 * lessons/index.json, each with its toolbox cut out of its simulator's toolbox. A lesson file
 * that does not pass is left out and named in `problems`; the others still work.
 */
import { t } from '../i18n';
import { parseLesson, parseLessonIndex, restrictToolbox, translationGaps, type Lesson, type ToolboxDef } from './format';

export interface ReadyLesson extends Lesson {
  /** the lesson's restricted toolbox, ready for the editor */
  toolboxDef: ToolboxDef;
}

export interface LessonCatalog {
  lessons: ReadyLesson[];
  /** "lessons/x.json: what is wrong", one per left-out lesson */
  problems: string[];
  /** "lessons/x.json: the "de" version lacks …", one per half-translated lesson (it still works,
   * in its own language) */
  notes: string[];
}

/**
 * Checks the index and every lesson it lists. `files` maps a lesson id to its parsed JSON (or
 * undefined when there is no such file); `toolboxes` maps a simulator id to its full toolbox.
 */
export function collectLessons(index: unknown, files: Record<string, unknown>, toolboxes: Record<string, ToolboxDef>): LessonCatalog {
  const parsedIndex = parseLessonIndex(index);
  if (!parsedIndex.ok) return { lessons: [], problems: [parsedIndex.message], notes: [] };
  const lessons: ReadyLesson[] = [];
  const problems: string[] = [];
  const notes: string[] = [];
  for (const id of parsedIndex.value.lessons) {
    const where = `lessons/${id}.json`;
    if (files[id] === undefined) {
      problems.push(`${where}: ${t('lessonFile.notThere')}`);
      continue;
    }
    const parsed = parseLesson(files[id], Object.keys(toolboxes), id);
    if (!parsed.ok) {
      problems.push(`${where}: ${parsed.message}`);
      continue;
    }
    const toolbox = restrictToolbox(toolboxes[parsed.value.simulator], parsed.value.toolbox);
    if (!toolbox.ok) {
      problems.push(`${where}: ${toolbox.message}`);
      continue;
    }
    lessons.push({ ...parsed.value, toolboxDef: toolbox.value });
    for (const gap of translationGaps(parsed.value)) notes.push(`${where}: ${gap}`);
  }
  return { lessons, problems, notes };
}
