/**
 * The blocks in English and German: every block type of both plugins (and Blockly's own blocks in
 * the toolboxes) is built in a headless workspace in each language, and its labels, dropdown
 * labels and tooltip are read as the learner sees them. No Blockly message reference may be left
 * unresolved, no label empty, every label with words must read differently in German, every
 * tooltip must exist; in the test-only pseudo language every word of our blocks is inside ⟦ ⟧.
 * The generated Python must not depend on the language: the examples generate the same code.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, test } from 'node:test';
import * as Blockly from 'blockly';
import { createRequire } from 'node:module';
import * as blocklyEnglish from 'blockly/msg/en';
import { BLOCKLY_DE, SAME_IN_GERMAN, isNotForLearners } from '../../blocks/blockly-de';
import { categoryLabel, messageName, useBlocklyLanguageForTests } from '../../blocks/messages';
import { NEST_BLOCKS, registerNestBlocks } from '../../blocks/nest/index';
import { NORSE_BLOCKS, registerNorseBlocks } from '../../blocks/norse/index';
import { NEST_TOOLBOX, NORSE_TOOLBOX } from '../../blocks/toolbox';
import { generateNest } from '../../generators/nest';
import { generateNorse } from '../../generators/norse';
import { blocksTexts } from '../../src/i18n/texts/blocks';
import { generatorsTexts } from '../../src/i18n/texts/generators';
import { NEST_MODELS } from '../../workers/engine/nest/models';

registerNestBlocks();
registerNorseBlocks();
after(() => useBlocklyLanguageForTests('en'));

type Json = Record<string, unknown>;

/** Block types in the toolboxes, Blockly's own included (controls_if, math_number …). */
function toolboxTypes(toolbox: { contents: unknown[] }): string[] {
  const out: string[] = [];
  const walk = (items: unknown[]) => {
    for (const item of items as Json[]) {
      if (item.kind === 'block') out.push(item.type as string);
      if (Array.isArray(item.contents)) walk(item.contents);
    }
  };
  walk(toolbox.contents);
  return out;
}

const OUR_TYPES = [...NEST_BLOCKS, ...NORSE_BLOCKS].map((d) => d.type as string);
const ALL_TYPES = [...new Set([...OUR_TYPES, ...toolboxTypes(NEST_TOOLBOX), ...toolboxTypes(NORSE_TOOLBOX)])];

interface Shown {
  /** texts of the labels and of the dropdowns' chosen options, in block order */
  labels: string[];
  /** the labels alone (no dropdowns) */
  plain: string[];
  /** every option label of the block's own dropdowns (not variables) */
  options: string[];
  tooltip: string;
}

/** What a freshly built block shows. Variable names, numbers, typed text and ticks are values, not texts. */
function shown(ws: Blockly.Workspace, type: string): Shown {
  const block = ws.newBlock(type);
  const labels: string[] = [];
  const plain: string[] = [];
  const options: string[] = [];
  for (const input of block.inputList) {
    for (const field of input.fieldRow) {
      if (field instanceof Blockly.FieldVariable) continue;
      if (field instanceof Blockly.FieldLabel) {
        labels.push(field.getText());
        plain.push(field.getText());
      }
      else if (field instanceof Blockly.FieldDropdown) {
        // an option shown as its own value is a name (a NEST model, a surrogate method, a
        // parameter with its unit: "C_m (pF)"), not a text
        const isName = (label: string, value: unknown) => label === value || label.startsWith(`${value} (`);
        if (!isName(field.getText(), field.getValue())) labels.push(field.getText());
        for (const [label, value] of field.getOptions(false)) if (typeof label === 'string' && !isName(label, value)) options.push(label);
      }
    }
  }
  const tip = block.tooltip;
  return { labels, plain, options, tooltip: String(typeof tip === 'function' ? tip() : tip) };
}

async function showAll(lang: 'en' | 'de' | 'pseudo'): Promise<Map<string, Shown>> {
  await useBlocklyLanguageForTests(lang);
  const ws = new Blockly.Workspace();
  try {
    return new Map(ALL_TYPES.map((type) => [type, shown(ws, type)]));
  } finally {
    ws.dispose();
  }
}

/** Words a reader translates: runs of 3+ letters, leaving out names with _ or digits (V_m, n1),
 * and the names both languages keep. */
const KEPT_NAMES = new Set(['std', 'start', 'stop', 'offset', 'phase', 'frequency', 'LIF', 'STDP', 'Poisson', 'SequentialState', 'Wmax', 'lambda', 'alpha', 'tau_plus', 'super', 'heaviside', 'tanh', 'tent', 'circ']);
function words(text: string): string[] {
  return text
    .split(/[\s()=→+×,.:·-]+/)
    .filter((w) => w && !/[_\d]/.test(w) && !KEPT_NAMES.has(w) && /^[A-Za-zÄÖÜäöüß]{3,}$/.test(w));
}

const en = await showAll('en');
const de = await showAll('de');
const pseudo = await showAll('pseudo');

test('every block, both languages: no unresolved message, no empty label, a tooltip', () => {
  for (const [lang, all] of [['en', en], ['de', de]] as const) {
    for (const [type, s] of all) {
      for (const text of [...s.labels, ...s.options, s.tooltip]) {
        assert.ok(!text.includes('%{BKY_'), `${lang} ${type}: unresolved message in "${text}"`);
        assert.ok(!/\{\w+\}/.test(text), `${lang} ${type}: an unfilled place in "${text}"`);
      }
      for (const label of s.labels) assert.ok(label.trim() !== '', `${lang} ${type}: an empty label`);
      // sliders and number shadows say what they are in their tooltip too
      assert.ok(s.tooltip.trim() !== '', `${lang} ${type}: no tooltip`);
    }
  }
});

test('every label with words reads differently in German; our tooltips too', () => {
  let compared = 0;
  for (const type of ALL_TYPES) {
    const e = en.get(type)!;
    const d = de.get(type)!;
    const english = [...e.labels, ...e.options].join(' | ');
    if (words(english).length === 0) continue;
    compared++;
    assert.notEqual([...d.labels, ...d.options].join(' | '), english, `${type} shows the same words in German: ${english}`);
    // no label or option with words is left in English (a forgotten row)
    const german = new Set([...d.labels, ...d.options]);
    for (const text of [...e.labels, ...e.options]) {
      if (words(text).length) assert.ok(!german.has(text), `${type}: "${text}" is not translated`);
    }
    if (OUR_TYPES.includes(type)) assert.notEqual(d.tooltip, e.tooltip, `${type}: the tooltip is not German`);
  }
  // every NEST and Norse block with a title, and Blockly's own loop/logic blocks, were compared
  assert.ok(compared > 40, `only ${compared} blocks have words`);
  // a few by hand (German words from the table, English from the blocks as they were)
  assert.deepEqual(en.get('nest_simulate')!.labels, ['simulate', 'ms']);
  assert.deepEqual(de.get('nest_simulate')!.labels, ['simuliere', 'ms']);
  assert.ok(de.get('nest_population')!.labels.includes('Eingangsstrom I_e (pA)'));
  assert.ok(de.get('nest_connect')!.options.includes('alle mit allen'));
  assert.ok(de.get('controls_repeat_ext')!.labels.includes('wiederhole'), 'Blockly\'s own blocks in German (blockly/msg/de)');
});

test('dropdown values (saved in projects, written into code) are the same in both languages', async () => {
  const values = async (lang: 'en' | 'de') => {
    await useBlocklyLanguageForTests(lang);
    const ws = new Blockly.Workspace();
    const out: string[] = [];
    for (const type of OUR_TYPES) {
      for (const input of ws.newBlock(type).inputList) {
        for (const f of input.fieldRow) {
          if (f instanceof Blockly.FieldDropdown && !(f instanceof Blockly.FieldVariable)) {
            out.push(`${type}.${f.name}=${f.getValue()}:${f.getOptions(false).map((o) => o[1]).join(',')}`);
          }
        }
      }
    }
    ws.dispose();
    return out;
  };
  const english = await values('en');
  assert.ok(english.some((v) => v.startsWith('nest_connect.RULE=all_to_all:all_to_all,one_to_one,')), english.join('\n'));
  assert.deepEqual(await values('de'), english);
});

/**
 * The text outside ⟦ ⟧. The labels of one message are split at its fields ("⟦", "= neurons of
 * model", "⟧"), and Blockly moves words its dropdown's options share into a label beside it
 * ("⟦break out" [dropdown] "of loop⟧"): a bracket whose partner is in a field left out here
 * covers everything up to the text's start or end.
 */
function outsideBrackets(text: string): string {
  let outside = '';
  let depth = 0;
  for (const ch of text) {
    if (ch === '⟦') depth++;
    else if (ch === '⟧') {
      if (depth === 0) outside = ''; // opened before this text
      else depth--;
    } else if (depth === 0) outside += ch;
  }
  return outside;
}

test('pseudo language: every word of our blocks and Blockly\'s own is inside ⟦ ⟧', () => {
  for (const type of ALL_TYPES) {
    const s = pseudo.get(type)!;
    // Blockly's own dropdowns show the words all their options share beside the menu, so one
    // option alone may show a bracket without its partner: only ours are checked with dropdowns
    const ours = OUR_TYPES.includes(type);
    for (const text of [(ours ? s.labels : s.plain).join(' '), ...(ours ? s.options : []), s.tooltip]) {
      assert.deepEqual(words(outsideBrackets(text)), [], `${type}: words outside ⟦ ⟧ in "${text}"`);
    }
  }
});

test('toolbox categories: a text for each, in German where German has its own word', async () => {
  const names = [...NEST_TOOLBOX.contents, ...NORSE_TOOLBOX.contents].filter((c) => (c as Json).kind === 'category').map((c) => (c as Json).name as string);
  for (const name of names) assert.ok(`blocks.category.${name}` in blocksTexts, `category ${name} has no text`);
  await useBlocklyLanguageForTests('de');
  assert.deepEqual(names.map(categoryLabel).slice(0, 6), ['Neuronen', 'Reize', 'Messgeräte', 'Verbindungen', 'Zufall', 'Simulation']);
  await useBlocklyLanguageForTests('en');
  assert.deepEqual(names.map(categoryLabel).slice(0, 6), ['Neurons', 'Stimuli', 'Recorders', 'Connections', 'Random', 'Simulation']);
});

test('every explanation in the model table has its German, and every text its own Blockly message', () => {
  const english = new Set(Object.entries(blocksTexts).filter(([k]) => k.startsWith('blocks.doc.')).map(([, v]) => v.en));
  for (const m of Object.values(NEST_MODELS)) {
    assert.ok(english.has(m.doc), `${m.name}: its doc has no text blocks.doc.*`);
    for (const [p, info] of Object.entries(m.params)) assert.ok(english.has(info.doc), `${m.name}.${p}: its doc has no text blocks.doc.*`);
  }
  const names = Object.keys(blocksTexts).map(messageName);
  assert.equal(new Set(names).size, names.length, 'two texts share a Blockly message name');
});

const EXAMPLES = resolve(import.meta.dirname, '../../blocks/examples');

async function generateIn(lang: 'en' | 'de', file: string): Promise<{ code: string; problems: string[] }> {
  await useBlocklyLanguageForTests(lang);
  const state = JSON.parse(readFileSync(resolve(EXAMPLES, file), 'utf8'));
  const ws = new Blockly.Workspace();
  try {
    Blockly.serialization.workspaces.load(state, ws);
    await Promise.resolve(); // the multimeter narrows its boxes in a microtask
    const norse = ws.getAllBlocks(false).some((b) => b.type.startsWith('norse_'));
    const program = norse ? generateNorse(ws) : generateNest(ws);
    return { code: program.code, problems: program.problems.map((p) => p.message) };
  } finally {
    ws.dispose();
  }
}

test('the examples generate the same Python in English and German', async () => {
  const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.json'));
  assert.ok(files.length >= 4);
  for (const file of files) {
    const english = await generateIn('en', file);
    const german = await generateIn('de', file);
    assert.ok(english.code.includes('nest.') || english.code.includes('norse.'), `${file}: no program`);
    assert.equal(german.code, english.code, `${file}: the code depends on the language`);
    assert.equal(german.problems.length, english.problems.length, file);
  }
});

test('a problem on a block is said in the learner\'s language; the code stays the same', async () => {
  const state = {
    blocks: { languageVersion: 0, blocks: [
      { type: 'nest_simulate', id: 'sim', x: 0, y: 0 },
      { type: 'nest_simulate', id: 'loose', x: 0, y: 200, inputs: { TIME: { shadow: { type: 'math_number', fields: { NUM: 10 } } } } },
    ] },
  };
  const run = async (lang: 'en' | 'de') => {
    await useBlocklyLanguageForTests(lang);
    const ws = new Blockly.Workspace();
    Blockly.serialization.workspaces.load(state, ws);
    const program = generateNest(ws);
    ws.dispose();
    return program;
  };
  const english = await run('en');
  const german = await run('de');
  assert.equal(german.code, english.code);
  const messages = (p: typeof english, id: string) => p.problems.filter((x) => x.blockId === id).map((x) => x.message);
  assert.deepEqual(messages(english, 'sim'), [generatorsTexts['generators.nest.simulateNeedsTime'].en]);
  assert.deepEqual(messages(german, 'sim'), ['simuliere braucht eine Zeit in ms.']);
  assert.deepEqual(messages(german, 'loose'), [generatorsTexts['generators.detachedStack'].de]);
  assert.match(messages(german, 'loose')[0], /Dieser Stapel hängt nicht am Programm/);
});

/** Blockly's English messages as the package ships them (strings only: the …_HUE numbers are not texts). */
const ENGLISH: Record<string, string> = Object.fromEntries(Object.entries(blocklyEnglish).filter((e): e is [string, string] => typeof e[1] === 'string'));
const places = (text: string) => (text.match(/%\d+/g) ?? []).sort();

test('our German for Blockly\'s untranslated messages: known names, the same %n places, not English', () => {
  const keys = Object.keys(BLOCKLY_DE);
  assert.ok(keys.length > 250, `only ${keys.length} messages`);
  const unknown = keys.filter((k) => !(k in ENGLISH));
  assert.deepEqual(unknown, [], `not Blockly messages (renamed in an upgrade?): ${unknown.join(', ')}`);
  const wrongPlaces = keys.filter((k) => places(BLOCKLY_DE[k]).join() !== places(ENGLISH[k]).join());
  assert.deepEqual(wrongPlaces, [], wrongPlaces.map((k) => `${k}: "${ENGLISH[k]}" → "${BLOCKLY_DE[k]}"`).join('\n'));
  const english = keys.filter((k) => BLOCKLY_DE[k] === ENGLISH[k] && !SAME_IN_GERMAN.includes(k));
  assert.deepEqual(english, [], `still English: ${english.join(', ')}`);
  // the allowlist stays honest: only words German really writes like English
  assert.deepEqual(SAME_IN_GERMAN.filter((k) => BLOCKLY_DE[k] !== ENGLISH[k]), []);
  assert.ok(SAME_IN_GERMAN.length <= 8);
  for (const [k, v] of Object.entries(BLOCKLY_DE)) assert.equal(v.trim() === '', false, `${k} is empty`);
});

test('every message blockly/msg/de leaves in English is in our table, unless no learner meets it', () => {
  const source = readFileSync(createRequire(import.meta.url).resolve('blockly/msg/de'), 'utf8');
  const untranslated = [...source.matchAll(/^Blockly\.Msg\["(\w+)"\] = .*\/\/ untranslated$/gm)].map((m) => m[1]);
  assert.ok(untranslated.length > 100, `found only ${untranslated.length} untranslated messages: did the file's form change?`);
  const missing = untranslated.filter((k) => !(k in BLOCKLY_DE) && !isNotForLearners(k));
  assert.deepEqual(missing, [], `new untranslated Blockly messages (add German to blocks/blockly-de.ts): ${missing.join(', ')}`);
  // what is left out really is links, backpack/bitmap plugins, OS names and symbols
  const skipped = untranslated.filter((k) => !(k in BLOCKLY_DE));
  assert.ok(skipped.every((k) => /_HELPURL$|BACKPACK|BITMAP|_SYMBOL$|^(CHROME_OS|LINUX|MAC_OS|WINDOWS|PROCEDURES_DEFNORETURN_DO)$/.test(k)), skipped.join(', '));
});

/** The keyboard and screen-reader messages the brief of issue 6 names (prefixes, suffixes and single names). */
const KEYBOARD_AND_READER = /^(ANNOUNCE_|ARIA_LABEL_|ARIA_TYPE_|BLOCK_LABEL_|BUBBLE_LABEL_|FIELD_LABEL_|ICON_LABEL_|INPUT_LABEL_|KEYBOARD_NAV_|SHORTCUTS_|WORKSPACE_|SCREENREADER_)|_KEY$|^(MATH|LOGIC_COMPARE|TEXT)_\w+_ARIA$|^(CLOSE|ESCAPE|COPY_SHORTCUT|CUT_SHORTCUT|PASTE_SHORTCUT|MOVE_BLOCK|RESET_ZOOM|ZOOM_IN|ZOOM_OUT|HELP_PROMPT|CURRENT_BLOCK_ANNOUNCEMENT|PARENT_BLOCKS_ANNOUNCEMENT|NO_PARENT_ANNOUNCEMENT|EDIT_BLOCK_CONTENTS|UNKNOWN|OPEN_TRASH)$/;

test('in German, no keyboard or screen-reader message of Blockly is still its English text', async () => {
  await useBlocklyLanguageForTests('de');
  const checked = Object.keys(ENGLISH).filter((k) => KEYBOARD_AND_READER.test(k) && !isNotForLearners(k) && !SAME_IN_GERMAN.includes(k));
  assert.ok(checked.length > 250, `only ${checked.length} messages checked`);
  const english = checked.filter((k) => Blockly.Msg[k] === ENGLISH[k]);
  assert.deepEqual(english, [], `still English in German: ${english.map((k) => `${k} "${ENGLISH[k]}"`).join(', ')}`);
  // by hand, from German keyboards and the table
  assert.equal(Blockly.Msg.CONTROL_KEY, 'Strg');
  assert.equal(Blockly.Msg.SHIFT_KEY, 'Umschalt');
  assert.equal(Blockly.Msg.HOME_KEY, 'Pos1');
  assert.equal(Blockly.Msg.ANNOUNCE_MOVE_INSIDE.replace('%1', 'Messgerät').replace('%2', 'n1'), 'Messgerät wird in n1 verschoben.');
  // Blockly itself uses them: a block's role as a screen reader says it
  const ws = new Blockly.Workspace();
  try {
    assert.equal(ws.newBlock('controls_if').getAriaRoleDescription(), 'Behälter');
    assert.equal(ws.newBlock('nest_simulate').getAriaRoleDescription(), 'Anweisung');
  } finally {
    ws.dispose();
  }
  // Blockly's translated messages stay Blockly's (ours only fills what it left in English)
  assert.equal(Blockly.Msg.DELETE_BLOCK, 'Baustein löschen');
});

test('English and the pseudo language do not see the German table', async () => {
  await useBlocklyLanguageForTests('pseudo');
  assert.equal(Blockly.Msg.CONTROL_KEY, '⟦Control⟧');
  assert.equal(Blockly.Msg.ANNOUNCE_MOVE_INSIDE, '⟦Moving %1 inside %2.⟧');
  await useBlocklyLanguageForTests('en');
  assert.equal(Blockly.Msg.CONTROL_KEY, 'Control');
  assert.equal(Blockly.Msg.BLOCK_LABEL_STATEMENT, 'statement');
  await useBlocklyLanguageForTests('de');
  await useBlocklyLanguageForTests('en');
  assert.equal(Blockly.Msg.HOME_KEY, 'Home', 'back in English after German');
});
