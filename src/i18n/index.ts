/**
 * The app's languages: one table of texts (src/i18n/texts/*), each entry in every language, so a
 * text missing in one language is a type error. Call `t()` where a text is shown (at render time),
 * never in a module's top level: the language is chosen once, as this module loads, before any
 * component renders (a language change reloads the page; autosave keeps the work).
 */
import { TEXTS, type TextKey } from './texts';
import type { Language, Text } from './types';

export type { Language, TextKey };
export { LANGUAGES, LANGUAGE_NAMES } from './types';

const STORAGE_KEY = 'spikeblocks.language';

/**
 * 'pseudo' is for tests only (?lang=pseudo): every text is the English one in ⟦ ⟧, so a screen
 * showing any words outside ⟦ ⟧ has a text that does not come from the table.
 */
type ShownLanguage = Language | 'pseudo';

function isLanguage(value: string | null | undefined): value is Language {
  return value === 'en' || value === 'de';
}

/** ?lang= first, then the learner's choice on this device, then the browser's languages. */
export function detectLanguage(
  href: string | undefined,
  stored: string | null,
  browserLanguages: readonly string[],
): ShownLanguage {
  if (href !== undefined) {
    const asked = new URL(href).searchParams.get('lang');
    if (asked === 'pseudo') return 'pseudo';
    if (isLanguage(asked)) return asked;
  }
  if (isLanguage(stored)) return stored;
  for (const wanted of browserLanguages) {
    const base = wanted.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

function detectHere(): ShownLanguage {
  if (typeof location === 'undefined') return 'en'; // Node (tests, CLI): English
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    // storage may be blocked (private mode): the browser's languages decide
  }
  return detectLanguage(location.href, stored, typeof navigator === 'undefined' ? [] : navigator.languages ?? []);
}

let current: ShownLanguage = detectHere();
if (typeof document !== 'undefined') document.documentElement.lang = current === 'pseudo' ? 'en' : current;

/** The language texts are shown in ('en' for the test-only pseudo language). */
export function language(): Language {
  return current === 'pseudo' ? 'en' : current;
}

/** True while the test-only pseudo language is on. */
export function isPseudoLanguage(): boolean {
  return current === 'pseudo';
}

/** For tests in Node: show texts in another language without a page. */
export function useLanguageForTests(lang: ShownLanguage): void {
  current = lang;
}

/** Sets the language where there is no page to choose it: a web worker gets the page's choice. */
export const useLanguage = useLanguageForTests;

/** Remembers the learner's choice on this device and reloads the page in that language. */
export function chooseLanguage(lang: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // not remembered; the address below still shows the language now
  }
  const url = new URL(location.href);
  if (url.searchParams.has('lang')) url.searchParams.set('lang', lang);
  location.replace(url.toString());
}

export type TextParams = Record<string, string | number>;

/** Fills `{name}` places; a place without a value stays visible (a test catches it). */
function fill(text: string, params: TextParams | undefined): string {
  if (params === undefined) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The text for `key` in the current language, with `{name}` places filled from `params`. */
export function t(key: TextKey, params?: TextParams): string {
  const entry: Text | undefined = TEXTS[key];
  // a key no module defines (a module not yet in TEXTS): the key shows, nothing breaks, a test sees it
  if (entry === undefined) return key;
  if (current === 'pseudo') return `⟦${fill(entry.en, params)}⟧`;
  return fill(entry[current], params);
}

/**
 * The text for `key` in a given language, whatever the page shows: a control that offers another
 * language speaks that language (a visitor who cannot read this one must still find it).
 */
export function textIn(lang: Language, key: TextKey, params?: TextParams): string {
  if (current === 'pseudo' || TEXTS[key] === undefined) return t(key, params);
  return fill(TEXTS[key][lang], params);
}

/**
 * A text that comes with data rather than from the table — a lesson file's title, an example's
 * name — in each language it has: the shown language's, else the English one, ⟦wrapped⟧ in the
 * pseudo language like every table text, so the screen test sees it is handled.
 */
export function dataText(texts: string | Partial<Record<Language, string>>): string {
  const text = typeof texts === 'string' ? texts : (texts[language()] ?? texts.en ?? Object.values(texts)[0] ?? '');
  return current === 'pseudo' ? `⟦${text}⟧` : text;
}

/** A number as the learner's language writes it in prose (12.5 → "12,5" in German), not in code. */
export function formatNumber(value: number, maximumFractionDigits = 2, minimumFractionDigits = 0): string {
  // 'min2': 1000 ms stays 1000 (as in the code and on the blocks); 12,500 / 12.500 are grouped
  const options = { maximumFractionDigits, minimumFractionDigits, useGrouping: 'min2' } as unknown as Intl.NumberFormatOptions;
  return new Intl.NumberFormat(language(), options).format(value);
}
