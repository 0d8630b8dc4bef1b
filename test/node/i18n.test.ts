/**
 * The text table (src/i18n/texts/*): every text in English and German, the same {places} in both,
 * no key in two modules, German that is really German; and the language choice and t().
 * Every module in the folder is read (not only those index.ts names), so a module someone forgot
 * to add to TEXTS fails here too.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TEXTS } from '../../src/i18n/texts';
import { LANGUAGES, dataText, detectLanguage, formatNumber, language, t, textIn, useLanguageForTests } from '../../src/i18n';
import type { Text } from '../../src/i18n/types';

const TEXTS_DIR = join(import.meta.dirname, '../../src/i18n/texts');

/** Every `…Texts` table of every module in src/i18n/texts, by module file. */
async function textModules(): Promise<Map<string, Record<string, Text>>> {
  const modules = new Map<string, Record<string, Text>>();
  for (const file of readdirSync(TEXTS_DIR).sort()) {
    if (!/\.ts$/.test(file) || file === 'index.ts' || file.endsWith('.d.ts')) continue;
    const exported = (await import(pathToFileURL(join(TEXTS_DIR, file)).href)) as Record<string, unknown>;
    const tables = Object.entries(exported).filter(([name]) => name.endsWith('Texts'));
    assert.equal(tables.length, 1, `${file} exports ${tables.length} tables named …Texts (one per module)`);
    modules.set(file, tables[0][1] as Record<string, Text>);
  }
  return modules;
}

/** The {places} of a text, sorted, e.g. ["{name}", "{seconds}"]. */
function places(text: string): string[] {
  return [...text.matchAll(/\{\w+\}/g)].map((m) => m[0]).sort();
}

test('the texts folder has modules beyond index.ts, each with one table', async () => {
  const modules = await textModules();
  assert.ok(modules.has('app.ts'));
  assert.ok(modules.size >= 2, [...modules.keys()].join(', '));
});

test('no key is defined in two texts modules, and TEXTS holds every module\'s keys', async () => {
  const owner = new Map<string, string>();
  const twice: string[] = [];
  for (const [file, table] of await textModules()) {
    for (const key of Object.keys(table)) {
      const first = owner.get(key);
      if (first) twice.push(`${key}: in ${first} and ${file}`);
      else owner.set(key, file);
    }
  }
  assert.deepEqual(twice, [], 'keys defined twice');
  const missing = [...owner.keys()].filter((key) => !(key in TEXTS)).map((key) => `${key} (${owner.get(key)})`);
  assert.deepEqual(missing, [], 'keys in a module but not in TEXTS: add the module to src/i18n/texts/index.ts');
  // and the other way round: TEXTS has nothing that no module defines (and each entry is the module's)
  for (const [key, text] of Object.entries(TEXTS)) assert.ok(owner.has(key), `${key} is in TEXTS but in no module`);
  for (const [file, table] of await textModules()) {
    for (const [key, text] of Object.entries(table)) assert.equal((TEXTS as Record<string, Text>)[key], text, `${key} of ${file} is overridden in TEXTS`);
  }
});

test('every text has English and German, with the same {places} in both', () => {
  const problems: string[] = [];
  for (const [key, text] of Object.entries(TEXTS as Record<string, Text>)) {
    for (const lang of LANGUAGES) {
      if (typeof text[lang] !== 'string' || text[lang].trim() === '') problems.push(`${key}: no ${lang}`);
    }
    if (typeof text.en === 'string' && typeof text.de === 'string' && places(text.en).join() !== places(text.de).join()) {
      problems.push(`${key}: places ${places(text.en).join(' ') || '(none)'} in English, ${places(text.de).join(' ') || '(none)'} in German`);
    }
    // a key is "part.what": the module's part first
    if (!/^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9_-]+)+$/.test(key)) problems.push(`${key}: not a "part.what" key`);
  }
  assert.deepEqual(problems, []);
});

/**
 * Words German writes as English does. A text may be the same in both languages only when each
 * of its words is one of these or is no word of either language (a parameter name like V_m or
 * tau_syn, a unit, a model name such as iaf_psc_alpha, an acronym like NEST or CSV). Keep it short:
 * a word added here is a word nobody will translate.
 */
const SAME_IN_GERMAN = new Set(['Spikeblocks', 'Python', 'PyNEST', 'NEST', 'Norse', 'Jupyter', 'Server', 'Live', 'Simulator', 'Start', 'Name', 'Spike', 'Spikes', 'Neuron', 'Poisson', 'Generator', 'Multimeter', 'Voltmeter', 'Raster', 'Index', 'Code', 'Status', 'Max', 'Min', 'Simulation', 'in']);
const UNITS = new Set(['ms', 's', 'mV', 'pA', 'nA', 'Hz', 'nS', 'pF', 'kB', 'MB', 'dt']);

function untranslatedWords(text: string): string[] {
  // {places} and `code` are not words
  const words = text.replace(/\{\w+\}|`[^`]*`/g, ' ').match(/[A-Za-zÄÖÜäöüß][\w'’-]*/g) ?? [];
  return words.filter((w) => !SAME_IN_GERMAN.has(w) && !UNITS.has(w) && !/[_\d]/.test(w) && !/^[A-Z]{2,}s?$/.test(w));
}

test('German is German: a text the same in both languages has no word to translate', () => {
  const same = Object.entries(TEXTS as Record<string, Text>)
    .filter(([, text]) => text.en === text.de && untranslatedWords(text.en).length > 0)
    .map(([key, text]) => `${key}: "${text.en}" (${untranslatedWords(text.en).join(', ')})`);
  assert.deepEqual(same, []);
});

test('the check above can fail: an English sentence copied as German is caught, names are not', () => {
  assert.deepEqual(untranslatedWords('Run the program'), ['Run', 'the', 'program']);
  assert.deepEqual(untranslatedWords('{name}: V_m with mV, iaf_psc_alpha on NEST'), ['with', 'on']);
  assert.deepEqual(untranslatedWords('Live'), []);
  assert.deepEqual(untranslatedWords('`nest` (NEST Simulator 3)'), []);
});

test('detectLanguage: ?lang= first, then the choice kept on this device, then the browser, else English', () => {
  const page = 'http://127.0.0.1:5173/';
  assert.equal(detectLanguage(`${page}?lang=de`, 'en', ['en-US']), 'de');
  assert.equal(detectLanguage(`${page}?lang=en`, 'de', ['de-DE']), 'en');
  assert.equal(detectLanguage(`${page}?lang=pseudo`, 'de', ['de-DE']), 'pseudo');
  // an unknown ?lang= is passed over, not obeyed
  assert.equal(detectLanguage(`${page}?lang=fr`, 'de', ['en-US']), 'de');
  assert.equal(detectLanguage(page, 'de', ['en-US']), 'de');
  assert.equal(detectLanguage(page, 'en', ['de-DE']), 'en');
  assert.equal(detectLanguage(page, 'klingon', ['de-DE']), 'de');
  assert.equal(detectLanguage(page, null, ['de-AT', 'en']), 'de');
  // the first of the browser's languages that Spikeblocks has
  assert.equal(detectLanguage(page, null, ['fr-FR', 'DE-ch', 'en']), 'de');
  assert.equal(detectLanguage(page, null, ['fr-FR', 'en-GB', 'de']), 'en');
  assert.equal(detectLanguage(page, null, ['fr-FR', 'it']), 'en');
  assert.equal(detectLanguage(page, null, []), 'en');
  assert.equal(detectLanguage(undefined, null, ['de']), 'de');
});

test('t() fills {places}, in the language shown; pseudo wraps the English text in ⟦ ⟧', () => {
  try {
    useLanguageForTests('en');
    assert.equal(language(), 'en');
    assert.equal(t('app.opened', { name: 'Spike activity' }), 'Opened "Spike activity".');
    useLanguageForTests('de');
    assert.equal(language(), 'de');
    assert.equal(t('app.opened', { name: 'Spike activity' }), '„Spike activity“ geöffnet.');
    assert.equal(t('app.notConnected', { address: 'localhost:52425' }), 'nicht verbunden mit localhost:52425');
    // a place without a value stays visible, so a screen test sees it
    assert.equal(t('app.opened'), '„{name}“ geöffnet.');
    assert.equal(t('app.opened', { other: 'x' }), '„{name}“ geöffnet.');
    // numbers as German prose writes them
    assert.equal(formatNumber(12.5), '12,5');
    assert.equal(formatNumber(6, 1, 1), '6,0');
    assert.equal(t('app.engineReadyAfter', { seconds: formatNumber(5.74, 1) }), 'Python-Engine bereit (5,7 s)');
    // a control offering English speaks English, whatever the page shows
    assert.equal(textIn('en', 'app.kioskLanguageTitle', { language: 'English' }), 'Show Spikeblocks in English');
    // texts that come with data (a lesson file): the shown language's, else English
    assert.equal(dataText({ en: 'One neuron', de: 'Ein Neuron' }), 'Ein Neuron');
    assert.equal(dataText({ en: 'One neuron' }), 'One neuron');
    assert.equal(dataText('Spike activity'), 'Spike activity');
    useLanguageForTests('pseudo');
    assert.equal(dataText({ en: 'One neuron', de: 'Ein Neuron' }), '⟦One neuron⟧');
    assert.equal(language(), 'en');
    assert.equal(t('app.opened', { name: 'n1' }), '⟦Opened "n1".⟧');
    assert.equal(textIn('de', 'app.undo'), '⟦Undo⟧');
    assert.equal(formatNumber(12.5), '12.5');
  } finally {
    useLanguageForTests('en');
  }
});
