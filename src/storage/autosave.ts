/**
 * Keeps the learner's work in the browser. The current project is written on every change; when
 * a stored project cannot be read back it is moved aside, never overwritten, so nothing is lost.
 */
import { type Project } from './project';

const CURRENT_KEY = 'spikeblocks.current';
const RESCUE_PREFIX = 'spikeblocks.rescued.';

export interface StoredText {
  get(key: string): string | null;
  set(key: string, value: string): void;
  keys(): string[];
}

export function browserStorage(): StoredText {
  return {
    get: (k) => localStorage.getItem(k),
    set: (k, v) => localStorage.setItem(k, v),
    keys: () => Object.keys(localStorage),
  };
}

export class Autosave {
  constructor(private readonly store: StoredText) {}

  /** Returns false when the browser refused (storage full or disabled), so the app can warn. */
  save(project: Project): boolean {
    try {
      this.store.set(CURRENT_KEY, JSON.stringify(project));
      return true;
    } catch {
      return false;
    }
  }

  loadText(): string | null {
    return this.store.get(CURRENT_KEY);
  }

  /** Moves an unreadable stored project aside under a dated key and reports that key. */
  rescue(text: string): string {
    const key = RESCUE_PREFIX + new Date().toISOString();
    try {
      this.store.set(key, text);
    } catch {
      /* storage full: the text stays under CURRENT_KEY until the next successful save */
    }
    return key;
  }
}
