/**
 * Every lesson comes in English and German, completely: title, text, picture description, goal
 * text, as many hints, the goal's own words — and the German is a translation, not a copy. Block
 * names in `code` and the numbers stay the same in both (a German learner finds the same `dc1`
 * and types the same 420). A lesson whose task is to find a number does not print it in its goal,
 * text or picture.
 *
 * Run: node --import tsx --test test/node/lessons-languages.test.ts
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { parseLesson, translationGaps, type Lesson } from '../../src/lessons/format';
import { parseMarkdown } from '../../src/lessons/markdown';
import { showLesson } from '../../src/lessons/localize';
import type { Goal } from '../../src/lessons/goals';

const DIR = resolve(import.meta.dirname, '../../lessons');
const ids: string[] = JSON.parse(readFileSync(resolve(DIR, 'index.json'), 'utf8')).lessons;
const lessons: Lesson[] = ids.map((id) => {
  const parsed = parseLesson(JSON.parse(readFileSync(resolve(DIR, `${id}.json`), 'utf8')), ['nest', 'norse'], id);
  assert.ok(parsed.ok, `${id}: ${(parsed as { message?: string }).message}`);
  return parsed.value;
});

/** The `code` spans of a text, in order: block and parameter names. */
const codeOf = (md: string): string[] => parseMarkdown(md).flatMap((b) => (b.kind === 'p' ? b.spans : b.items.flat())).filter((s) => s.code).map((s) => s.text);
/** Paragraphs and list items: the shape of a text. */
const shapeOf = (md: string): string[] => parseMarkdown(md).map((b) => (b.kind === 'p' ? 'p' : `ul${b.items.length}`));
/** The numbers of a text, the German decimal comma read as a point ("0,2" → "0.2"). */
const numbersOf = (text: string): string[] => [...text.replace(/(\d),(\d)/g, '$1.$2').matchAll(/\d+(\.\d+)?/g)].map((m) => m[0]).sort();

function goalWords(goal: Goal): unknown[] {
  const g = goal as Record<string, unknown>;
  const own = ['label', 'tooLow', 'tooHigh'].filter((k) => k in g).map((k) => g[k]);
  return [...own, ...(goal.check === 'all' ? goal.goals.flatMap(goalWords) : [])];
}

test('there are 13 lessons, each complete in English and German', () => {
  assert.equal(lessons.length, 13);
  for (const l of lessons) {
    assert.equal(l.language, 'en', l.id);
    assert.deepEqual(l.languages, ['en', 'de'], `${l.id}: ${translationGaps(l).join('; ')}`);
    assert.deepEqual(translationGaps(l), [], l.id);
    for (const field of ['title', 'text', 'pictureAlt', 'goalText', 'hints'] as const) {
      assert.deepEqual(Object.keys(l[field]).sort(), ['de', 'en'], `${l.id}: ${field}`);
    }
    assert.equal(l.hints.de.length, l.hints.en.length, `${l.id}: as many hints in German`);
    assert.ok(l.hints.en.length >= 2, `${l.id}: hints`);
  }
});

test('the German is a translation: every text differs from the English one, with the same shape, names and numbers', () => {
  for (const l of lessons) {
    for (const field of ['title', 'text', 'pictureAlt', 'goalText'] as const) {
      assert.notEqual(l[field].de, l[field].en, `${l.id}: ${field} is translated`);
      assert.ok(l[field].de.trim().length > 0, `${l.id}: ${field}`);
    }
    l.hints.en.forEach((hint, i) => assert.notEqual(l.hints.de[i], hint, `${l.id}: hint ${i + 1} is translated`));
    assert.deepEqual(shapeOf(l.text.de), shapeOf(l.text.en), `${l.id}: same paragraphs and list items`);
    assert.deepEqual(codeOf(l.text.de), codeOf(l.text.en), `${l.id}: the same block names`);
    assert.deepEqual(numbersOf(l.text.de), numbersOf(l.text.en), `${l.id}: the same numbers in the text`);
    assert.deepEqual(numbersOf(l.goalText.de), numbersOf(l.goalText.en), `${l.id}: the same numbers in the goal`);
    l.hints.en.forEach((hint, i) => assert.deepEqual(numbersOf(l.hints.de[i]), numbersOf(hint), `${l.id}: the numbers of hint ${i + 1}`));
    for (const w of goalWords(l.goal)) {
      assert.ok(typeof w === 'object' && w !== null, `${l.id}: goal words in both languages: ${JSON.stringify(w)}`);
      const { en, de } = w as { en: string; de: string };
      assert.ok(en && de && en !== de, `${l.id}: ${JSON.stringify(w)}`);
    }
    // a picture with words has a German copy; either way the German lesson names one
    const shown = showLesson(l, 'de');
    assert.equal(shown.inWantedLanguage, true, l.id);
    assert.ok(shown.picture.startsWith('img/'), l.id);
  }
});

test('German texts use the German terms (Membranpotential, Schwelle, Feuerrate …) and "du", not "Sie"', () => {
  const all = lessons.map((l) => [l.text.de, l.goalText.de, ...l.hints.de].join('\n')).join('\n');
  for (const term of ['Membranpotential', 'Schwelle', 'Spike', 'Feuerrate', 'Eingangsstrom', 'Refraktärzeit', 'Erregung', 'Hemmung', 'Synapse', 'Gewicht', 'Verzögerung']) {
    assert.ok(all.includes(term), term);
  }
  // addressing the learner: imperatives in du-form ("Ändere", "Probier", "Drück"), never "Ihr"/"Ihnen"/"Sie" as a form of address after a verb
  assert.doesNotMatch(all, /\b(Ihnen|Ihre[mnrs]?|Probieren Sie|Ändern Sie|Drücken Sie|Klicken Sie)\b/);
  assert.match(all, /\bProbier\b/);
  for (const english of [/\bthe\b/, /\band\b/, /\bspikes per second\b/]) assert.doesNotMatch(all, english);
});

test('a lesson whose task is to find a number keeps it out of its goal, text and picture (hints may say it)', () => {
  const svg = (p: string) => readFileSync(resolve(DIR, p), 'utf8');
  for (const l of lessons) {
    const hidden = (l.goal.check === 'all' ? l.goal.goals : [l.goal]).filter((g) => (g as { showAim?: boolean }).showAim === false) as { min?: number; max?: number }[];
    for (const g of hidden) {
      for (const n of [g.min, g.max].filter((x): x is number => x !== undefined)) {
        for (const lang of ['en', 'de']) {
          const shown = showLesson(l, lang);
          for (const [what, text] of [['title', shown.title], ['text', shown.text], ['goalText', shown.goalText], ['pictureAlt', shown.pictureAlt], ['picture', svg(shown.picture)]]) {
            assert.doesNotMatch(text, new RegExp(`\\b${n}\\b`), `${l.id} (${lang}): ${what} gives away ${n}`);
          }
        }
      }
    }
  }
  assert.ok(lessons.some((l) => l.id === 'rheobase' && JSON.stringify(l.goal).includes('"showAim":false')), 'the rheobase lesson hides its answer');
});
