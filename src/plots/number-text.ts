/**
 * Numbers as the learner's language writes them in prose, tables and legends (12.5 → "12,5" in
 * German). The digits are chosen first, by the same rules in every language (toFixed,
 * toPrecision, formatValue), and only the decimal point is swapped: so the English text stays
 * exactly as it was and the two languages never differ in how many digits they show.
 *
 * Not for what a program or tool reads back: CSV files and generated code keep '.' (see
 * results-csv.ts); the bin-size field is given formatValue's '.' and reads a comma too.
 */
import { language } from '../i18n';

/** "12.5" → "12,5" in German; text without a number's point is left as it is. Grouping is not
 * added (1000 stays 1000), as in the English text. */
export function localDecimals(text: string): string {
  return language() === 'de' ? text.replace(/(\d)\.(\d)/g, '$1,$2') : text;
}

/** value.toFixed(digits) in the learner's language. */
export function fixedText(value: number, digits: number): string {
  return localDecimals(value.toFixed(digits));
}

/** Numbers in the charts' tables and legends: whole numbers as they are, others to 4 significant
 * digits. With '.' — also what the bin-size field is given. */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return '–';
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(4)));
}

/** formatValue as the learner's language writes it (decimal comma in German), for what is shown. */
export function shownValue(v: number): string {
  return localDecimals(formatValue(v));
}
