/**
 * A number as a learner types it into a field. German writes 375,5 for 375.5 and the app shows
 * German prose numbers with a comma, so a comma must not silently vanish (Blockly's own number
 * field drops every comma: "375,5" became 3755). One comma not written as thousands grouping is
 * a decimal comma in every language; "1,000" is a thousand in English and 1 in German; anything
 * else with a comma is refused, so the field shows it as invalid and keeps the old value.
 */
import { language, type Language } from './index';

const THOUSANDS = /^[-+]?\d{1,3}(,\d{3})+(\.\d*)?$/;
const DECIMAL_COMMA = /^[-+]?\d*,\d*(e[-+]?\d+)?$/i;

/** The typed text with a decimal point, or null when its commas cannot be read without guessing. */
export function typedNumberText(text: string, lang: Language = language()): string | null {
  const t = text.trim();
  if (!t.includes(',')) return t;
  if (lang === 'en' && THOUSANDS.test(t)) return t.replace(/,/g, '');
  if (DECIMAL_COMMA.test(t)) return t.replace(',', '.');
  return null;
}

/** The typed number, or null for text that is no finite number (an empty field included). */
export function readTypedNumber(text: string, lang: Language = language()): number | null {
  const t = typedNumberText(text, lang);
  if (t === null || t === '') return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}
