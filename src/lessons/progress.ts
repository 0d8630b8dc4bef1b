/**
 * What the browser keeps about lessons: which are done, the learner's blocks in each (so
 * switching lessons or reloading never loses work), and which lesson was open. Each under its
 * own key; a value that cannot be read back counts as nothing stored, and is never thrown at.
 */
import type { StoredText } from '../storage/autosave';

const DONE_KEY = 'spikeblocks.lessons.done';
const WORK_PREFIX = 'spikeblocks.lessons.work.';
const OPEN_KEY = 'spikeblocks.lessons.open';

export class LessonProgress {
  constructor(private readonly store: StoredText) {}

  /** ids of the lessons whose goal was met once */
  done(): Set<string> {
    try {
      const data = JSON.parse(this.store.get(DONE_KEY) ?? '[]');
      return new Set(Array.isArray(data) ? data.filter((x): x is string => typeof x === 'string') : []);
    } catch {
      return new Set();
    }
  }

  markDone(id: string): boolean {
    const done = this.done();
    done.add(id);
    return this.write(DONE_KEY, JSON.stringify([...done]));
  }

  /** The learner's blocks in a lesson, or null when there are none (the lesson starts fresh). */
  work(id: string): Record<string, unknown> | null {
    try {
      const data = JSON.parse(this.store.get(WORK_PREFIX + id) ?? 'null');
      return data && typeof data === 'object' && !Array.isArray(data) ? data : null;
    } catch {
      return null;
    }
  }

  keepWork(id: string, workspace: Record<string, unknown>): boolean {
    return this.write(WORK_PREFIX + id, JSON.stringify(workspace));
  }

  /** The lesson open when the page was left, or null. */
  openLesson(): string | null {
    return this.store.get(OPEN_KEY) || null;
  }

  setOpenLesson(id: string | null): void {
    this.write(OPEN_KEY, id ?? '');
  }

  /** Returns false when the browser refused (storage full or disabled). */
  private write(key: string, value: string): boolean {
    try {
      this.store.set(key, value);
      return true;
    } catch {
      return false;
    }
  }
}
