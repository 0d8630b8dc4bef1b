/**
 * The lesson files bundled with the app and the URLs of their pictures. The files themselves
 * (lessons-data.ts, ~13 kB gzipped) load on first use — when the learner opens the list or a
 * lesson — so the app shell does not carry them. Kept apart from catalog.ts so Node tests check
 * the same rules on the files read from disk.
 */
import { SIMULATORS } from '../registry';
import { collectLessons, type LessonCatalog } from './catalog';
import type { ToolboxDef } from './format';

let catalog: Promise<LessonCatalog> | null = null;
let pictures: Record<string, string> = {};

/** Checked once, on first use. */
export function bundledLessons(): Promise<LessonCatalog> {
  catalog ??= import('./lessons-data').then(({ LESSON_FILES, LESSON_INDEX, PICTURE_URLS }) => {
    pictures = PICTURE_URLS;
    const byId: Record<string, unknown> = {};
    for (const [path, data] of Object.entries(LESSON_FILES)) {
      const id = path.replace(/^.*\//, '').replace(/\.json$/, '');
      if (id !== 'index') byId[id] = data;
    }
    const toolboxes = Object.fromEntries(SIMULATORS.map((s) => [s.id, s.toolbox as ToolboxDef]));
    return collectLessons(LESSON_INDEX, byId, toolboxes);
  });
  return catalog;
}

/** The URL of a lesson's picture ("img/x.svg"), or null when the file is missing. */
export function pictureUrl(picture: string): string | null {
  return pictures[`../../lessons/${picture}`] ?? null;
}
