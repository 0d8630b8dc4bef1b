/**
 * All of the app's texts, one module per part of the app (each owned by that part). Keys are
 * "part.what", e.g. "app.run". A key in two modules would hide one of them: test/node/i18n.test.ts refuses that.
 */
import { appTexts } from './app';

export const TEXTS = {
  ...appTexts,
};

export type TextKey = keyof typeof TEXTS;
