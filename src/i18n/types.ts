export type Language = 'en' | 'de';

export const LANGUAGES: readonly Language[] = ['en', 'de'];

/** Each language's name in itself (what the language menu shows). */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', de: 'Deutsch' };

/** One text in every language. */
export interface Text {
  en: string;
  de: string;
}

export type TextTable = Record<string, Text>;
