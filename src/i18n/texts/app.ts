import type { TextTable } from '../types';

/** The app shell: header, run flow, notices (src/app/sb-app.ts). */
export const appTexts = {
  'app.language': { en: 'Language', de: 'Sprache' },
} satisfies TextTable;
