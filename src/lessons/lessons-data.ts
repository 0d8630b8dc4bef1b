/** The contents of lessons/ as vite bundles them (loaded lazily by bundled.ts). */
import index from '../../lessons/index.json';

export const LESSON_INDEX: unknown = index;
export const LESSON_FILES = import.meta.glob('../../lessons/*.json', { eager: true, import: 'default' }) as Record<string, unknown>;
export const PICTURE_URLS = import.meta.glob('../../lessons/img/*.svg', { eager: true, query: '?url', import: 'default' }) as Record<string, string>;
