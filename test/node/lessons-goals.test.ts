/**
 * The goal vocabulary, the lesson-file checks, the toolbox cut and the Markdown subset, on
 * hand-made input (numbers worked out by hand next to each case).
 *
 * Run: node --import tsx --test test/node/lessons-goals.test.ts
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { NEST_TOOLBOX } from '../../blocks/toolbox';
import { collectLessons } from '../../src/lessons/catalog';
import { parseLesson, restrictToolbox, type ToolboxDef } from '../../src/lessons/format';
import { aimText, checkGoal, type GoalRun } from '../../src/lessons/goals';
import { parseMarkdown } from '../../src/lessons/markdown';
import { LessonProgress } from '../../src/lessons/progress';
import { showLesson } from '../../src/lessons/localize';
import { translationGaps } from '../../src/lessons/format';
import { useLanguageForTests } from '../../src/i18n';

const sr = (name: string, sources: number | null = 1) => ({ name, model: 'spike_recorder', sources });

/** A NEST-shaped run: one spike recorder per entry of `spikes` (times, ms), 1000 ms simulated. */
function nestRun(spikes: number[][], extra: Partial<GoalRun> = {}, simMs = 1000): GoalRun {
  return {
    response: { events: spikes.map((times) => ({ times: Float64Array.from(times), senders: Float64Array.from(times.map(() => 1)) })), biological_time: simMs },
    recorders: spikes.map((_, i) => sr(`sr${i + 1}`)),
    workspace: { blocks: { blocks: [] } },
    ...extra,
  };
}

test('rate: spikes per second per neuron, with the aim in the message', () => {
  const twelve = Array.from({ length: 12 }, (_, i) => i * 80 + 5);
  const r = checkGoal({ check: 'rate', min: 10, max: 20 }, nestRun([twelve]));
  assert.equal(r.passed, true);
  assert.deepEqual(r.messages, ['✓ 12 spikes/s — the goal is 10 to 20 spikes/s']);
  // 12 spikes from 4 neurons in 1 s: 3 spikes/s per neuron
  const four = checkGoal({ check: 'rate', min: 10 }, { ...nestRun([twelve]), recorders: [sr('sr1', 4)] });
  assert.equal(four.passed, false);
  assert.deepEqual(four.messages, ['✗ 3 spikes/s per neuron — too low: the goal is at least 10 spikes/s']);
  // a run of 500 ms holds the 7 spikes before 500 ms (5, 85 … 485): 14 spikes/s
  assert.deepEqual(checkGoal({ check: 'rate', min: 10 }, nestRun([twelve.filter((t) => t < 500)], {}, 500)).messages, ['✓ 14 spikes/s — the goal is at least 10 spikes/s']);
  // a window: 3 of the spikes lie in [0, 200) ms → 15 spikes/s
  const w = checkGoal({ check: 'rate', min: 14, max: 16, from: 0, to: 200 }, nestRun([twelve]));
  assert.equal(w.passed, true, w.messages[0]);
  assert.match(w.messages[0], /15 spikes\/s between 0 and 200 ms/);
});

test('recorders: by name, else the first spike recorder; a missing one is said so', () => {
  const run = nestRun([[1, 2], [1, 2, 3]]);
  assert.equal(checkGoal({ check: 'spikes', recorder: 'sr2', min: 3, max: 3 }, run).passed, true);
  assert.equal(checkGoal({ check: 'spikes', min: 2, max: 2 }, run).passed, true);
  const missing = checkGoal({ check: 'fires', recorder: 'sr9' }, run);
  assert.equal(missing.passed, false);
  assert.match(missing.messages[0], /no spike recorder called "sr9"/);
  assert.equal(checkGoal({ check: 'fires' }, { response: { recordings: [] }, recorders: [], workspace: {} }).passed, false);
});

test('fires, silent, first spike, spike count', () => {
  assert.equal(checkGoal({ check: 'fires' }, nestRun([[]])).passed, false);
  assert.equal(checkGoal({ check: 'silent' }, nestRun([[]])).passed, true);
  assert.deepEqual(checkGoal({ check: 'silent' }, nestRun([[3]])).messages, ['✗ sr1 recorded 1 spike — too many: the goal is none']);
  const first = checkGoal({ check: 'firstSpike', min: 20, max: 30 }, nestRun([[40, 26.3, 66]]));
  assert.deepEqual(first, { passed: true, messages: ['✓ first spike at 26.3 ms — the goal is 20 to 30 ms'] });
  assert.equal(checkGoal({ check: 'firstSpike', max: 30 }, nestRun([[]])).passed, false);
});

test('rateGrows: later window against earlier window, and the run must be long enough', () => {
  // 10 spikes in 0–1000 ms (10/s), 25 in 1000–2000 ms (25/s): 2.5 ×
  const times = [...Array.from({ length: 10 }, (_, i) => i * 100), ...Array.from({ length: 25 }, (_, i) => 1000 + i * 40)];
  const goal = { check: 'rateGrows' as const, earlier: [0, 1000] as [number, number], later: [1000, 2000] as [number, number], factor: 2 };
  assert.equal(checkGoal(goal, nestRun([times], {}, 2000)).passed, true);
  assert.equal(checkGoal({ ...goal, factor: 3 }, nestRun([times], {}, 2000)).passed, false);
  assert.match(checkGoal(goal, nestRun([times], {}, 1500)).messages[0], /Simulate at least 2000 ms/);
});

test('blockValue reads the plugged-in block over its shadow, and number fields', () => {
  const dc = (shadow: number, plugged?: number) => ({
    type: 'nest_dc_generator',
    inputs: { amplitude: { shadow: { type: 'slider', fields: { NUM: shadow } }, ...(plugged === undefined ? {} : { block: { type: 'math_number', fields: { NUM: plugged } } }) } },
  });
  const ws = (block: object) => ({ blocks: { blocks: [{ type: 'nest_kernel', next: { block } }] } });
  const goal = { check: 'blockValue' as const, block: 'nest_dc_generator', input: 'amplitude', min: 375, max: 385, label: 'current', unit: 'pA' };
  const run = (w: Record<string, unknown>) => ({ response: {}, recorders: [], workspace: w });
  assert.deepEqual(checkGoal(goal, run(ws(dc(380)))), { passed: true, messages: ['✓ current: 380 pA — the goal is 375 to 385 pA'] });
  assert.equal(checkGoal(goal, run(ws(dc(380, 500)))).passed, false, 'the plugged block counts');
  assert.match(checkGoal(goal, run({ blocks: { blocks: [] } })).messages[0], /missing/);
  const variable = { type: 'nest_dc_generator', inputs: { amplitude: { block: { type: 'variables_get', fields: { VAR: { id: 'x' } } } } } };
  assert.match(checkGoal(goal, run(ws(variable))).messages[0], /not a plain number/);
});

test('tableRises: enough rows, never falling, silent first, strong last', () => {
  const run = (rows: number[][]) => ({ response: { events: [], results: { 'f-I curve': rows } }, recorders: [], workspace: {} });
  const goal = { check: 'tableRises' as const, table: 'f-I curve', minRows: 3, firstAtMost: 0, lastAtLeast: 30 };
  assert.equal(checkGoal(goal, run([[0, 0], [400, 34], [500, 62]])).passed, true);
  assert.match(checkGoal(goal, run([[400, 34]])).messages[0], /1 row — too few: the goal is at least 3/);
  assert.match(checkGoal(goal, run([[0, 0], [1, 40], [2, 30]])).messages[0], /falls from 40 to 30/);
  assert.match(checkGoal(goal, run([[400, 34], [500, 62], [600, 85]])).messages[0], /first row of "f-I curve" has 34 — too high: the goal is at most 0/);
  assert.match(checkGoal(goal, run([[0, 0], [1, 0], [2, 10]])).messages[0], /last row of "f-I curve" has 10 — too low: the goal is at least 30/);
  assert.match(checkGoal(goal, run([])).messages[0], /empty/);
});

test('norseSpikes: nonzero entries of a recording (an encoder: its values), plain lists or typed rows', () => {
  const response = {
    recordings: [
      { name: 'lif1', spikes: [Float32Array.from([0, 1, 0]), Float32Array.from([1, 1, 0])] },
      { name: 'e1', values: [[0, 1], [1, 0]] },
      { name: 'x1', v: [[0.5]] },
    ],
  };
  const run = { response, recorders: [], workspace: {} };
  assert.deepEqual(checkGoal({ check: 'norseSpikes', recording: 'lif1', min: 3, max: 3 }, run), { passed: true, messages: ['✓ lif1: 3 spikes — the goal is exactly 3'] });
  assert.equal(checkGoal({ check: 'norseSpikes', recording: 'e1', min: 2 }, run).passed, true);
  assert.match(checkGoal({ check: 'norseSpikes', recording: 'x1', min: 1 }, run).messages[0], /not recorded/);
  assert.match(checkGoal({ check: 'norseSpikes', recording: 'lif9', min: 1 }, run).messages[0], /Nothing called "lif9"/);
});

test('all: every part must pass, each part says its own line', () => {
  const r = checkGoal({ check: 'all', goals: [{ check: 'fires' }, { check: 'spikes', max: 1 }] }, nestRun([[1, 2]]));
  assert.equal(r.passed, false);
  assert.equal(r.messages.length, 2);
  assert.ok(r.messages[0].startsWith('✓') && r.messages[1].startsWith('✗'));
  assert.equal(aimText(undefined, 5), 'at most 5');
});

const good = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../lessons/one-neuron.json'), 'utf8'));

test('a broken lesson file is refused with a message that names the mistake', () => {
  const broken = (change: Record<string, unknown>) => parseLesson({ ...good, ...change }, ['nest', 'norse'], 'one-neuron');
  assert.equal(parseLesson(good, ['nest', 'norse'], 'one-neuron').ok, true);
  const cases: [Record<string, unknown>, RegExp][] = [
    [{ format: 'x' }, /"format" must be "spikeblocks-lesson"/],
    [{ id: 'One Neuron' }, /lower-case words/],
    [{ id: 'other' }, /the file is one-neuron.json/],
    [{ simulator: 'brian2' }, /"simulator" must be one of nest, norse/],
    [{ picture: '../../etc/passwd' }, /SVG in lessons\/img/],
    [{ goal: { check: 'speed' } }, /goal.check is "speed"/],
    [{ goal: { check: 'rate' } }, /needs "min" or "max"/],
    [{ goal: { check: 'rate', min: 20, max: 10 } }, /min \(20\) is larger than max \(10\)/],
    [{ goal: { check: 'all', goals: [{ check: 'fires' }, { check: 'blockValue', block: 'x' }] } }, /goal.goals\[1\] \(blockValue\) needs "input"/],
    [{ start: { blocks: {} } }, /"start" has no blocks/],
    [{ hints: 'one' }, /"hints" must be a list/],
    [{ toolbox: [] }, /"toolbox" must be a list of categories/],
  ];
  for (const [change, message] of cases) {
    const r = broken(change);
    assert.equal(r.ok, false, JSON.stringify(change));
    assert.match((r as { message: string }).message, message);
  }
  // a teacher working in German reads the mistakes in German (the JSON names stay)
  try {
    useLanguageForTests('de');
    assert.equal((broken({ format: 'x' }) as { message: string }).message, '"format" muss "spikeblocks-lesson" sein.');
    assert.equal((broken({ goal: { check: 'rate', min: 20, max: 10 } }) as { message: string }).message, 'goal: min (20) ist größer als max (10).');
  } finally {
    useLanguageForTests('en');
  }
});

test('the catalog leaves a broken lesson out, names it, and keeps the others', () => {
  const index = { format: 'spikeblocks-lessons', version: 1, lessons: ['one-neuron', 'broken', 'missing'] };
  const files = { 'one-neuron': good, broken: { ...good, id: 'broken', toolbox: [{ category: 'Dance' }] } };
  const { lessons, problems } = collectLessons(index, files, { nest: NEST_TOOLBOX as ToolboxDef });
  assert.deepEqual(lessons.map((l) => l.id), ['one-neuron']);
  assert.equal(problems.length, 2);
  assert.match(problems[0], /^lessons\/broken.json: The toolbox has no category "Dance"/);
  assert.match(problems[1], /^lessons\/missing.json: the index lists it, but there is no such file/);
  assert.match(collectLessons({ lessons: [] }, {}, {}).problems[0], /index.json must have "format"/);
});

test('restrictToolbox: whole categories, chosen blocks, blocks picked by a field', () => {
  const r = restrictToolbox(NEST_TOOLBOX as ToolboxDef, [
    { category: 'Stimuli', blocks: ['nest_dc_generator'] },
    { category: 'Neurons', blocks: [{ type: 'nest_param', fields: { PARAM: 't_ref' } }] },
    { category: 'Variables' },
  ]);
  assert.ok(r.ok);
  const [stimuli, neurons, variables] = r.value.contents as { name: string; contents?: { type: string; fields?: { PARAM?: string } }[]; custom?: string }[];
  assert.deepEqual(stimuli.contents!.map((b) => b.type), ['nest_dc_generator']);
  assert.deepEqual(neurons.contents!.map((b) => b.fields?.PARAM), ['t_ref']);
  assert.equal(variables.custom, 'VARIABLE');
  const bad = restrictToolbox(NEST_TOOLBOX as ToolboxDef, [{ category: 'Stimuli', blocks: ['norse_lif'] }]);
  assert.deepEqual(bad, { ok: false, message: 'The category "Stimuli" has no block "norse_lif".' });
});

test('Markdown subset: paragraphs, lists, bold, italic, code — and HTML stays text', () => {
  const blocks = parseMarkdown('A **spike** and *v* and `n1`.\n\n- one\n- two <b>x</b>\n  more\n\n<script>alert(1)</script>');
  assert.deepEqual(blocks, [
    { kind: 'p', spans: [{ text: 'A ' }, { text: 'spike', bold: true }, { text: ' and ' }, { text: 'v', italic: true }, { text: ' and ' }, { text: 'n1', code: true }, { text: '.' }] },
    { kind: 'ul', items: [[{ text: 'one' }], [{ text: 'two <b>x</b> more' }]] },
    { kind: 'p', spans: [{ text: '<script>alert(1)</script>' }] },
  ]);
});

test('progress: done lessons and work per lesson survive a new LessonProgress; bad stored text reads as nothing', () => {
  const map = new Map<string, string>();
  const store = { get: (k: string) => map.get(k) ?? null, set: (k: string, v: string) => void map.set(k, v), keys: () => [...map.keys()] };
  const a = new LessonProgress(store);
  a.markDone('one-neuron');
  a.keepWork('one-neuron', { blocks: { blocks: [{ type: 'x' }] } });
  a.setOpenLesson('rheobase');
  const b = new LessonProgress(store);
  assert.deepEqual([...b.done()], ['one-neuron']);
  assert.deepEqual(b.work('one-neuron'), { blocks: { blocks: [{ type: 'x' }] } });
  assert.equal(b.work('rheobase'), null);
  assert.equal(b.openLesson(), 'rheobase');
  map.set('spikeblocks.lessons.done', '{not json');
  assert.deepEqual([...b.done()], []);
  const full = new LessonProgress({ ...store, set: () => { throw new Error('QuotaExceededError'); } });
  assert.equal(full.keepWork('x', {}), false);
});

test('a failed goal says which way the run is off: low or high, in words that fit what was measured', () => {
  const run = (times: number[]) => nestRun([times]);
  const ten = Array.from({ length: 10 }, (_, i) => i * 100);
  // 10 spikes in 1 s = 10 spikes/s against 20 to 50: below; against at most 2: above
  assert.equal(checkGoal({ check: 'rate', min: 20, max: 50 }, run(ten)).messages[0], '✗ 10 spikes/s — too low: the goal is 20 to 50 spikes/s');
  assert.equal(checkGoal({ check: 'rate', max: 2 }, run(ten)).messages[0], '✗ 10 spikes/s — too high: the goal is at most 2 spikes/s');
  // counts: too few / too many
  assert.equal(checkGoal({ check: 'spikes', min: 3, max: 3 }, run([1, 2])).messages[0], '✗ sr1: 2 spikes — too few: the goal is exactly 3');
  assert.equal(checkGoal({ check: 'spikes', min: 3, max: 3 }, run([1, 2, 3, 4])).messages[0], '✗ sr1: 4 spikes — too many: the goal is exactly 3');
  // times: too early / too late
  assert.equal(checkGoal({ check: 'firstSpike', min: 20, max: 30 }, run([12])).messages[0], '✗ first spike at 12 ms — too early: the goal is 20 to 30 ms');
  assert.equal(checkGoal({ check: 'firstSpike', min: 20, max: 30 }, run([31.5])).messages[0], '✗ first spike at 31.5 ms — too late: the goal is 20 to 30 ms');
  // a number on a block: too small / too large
  const dc = (amp: number) => ({ response: {}, recorders: [], workspace: { blocks: { blocks: [{ type: 'nest_dc_generator', inputs: { amplitude: { shadow: { type: 'slider', fields: { NUM: amp } } } } }] } } });
  const value = { check: 'blockValue' as const, block: 'nest_dc_generator', input: 'amplitude', min: 375, max: 385, label: 'current', unit: 'pA' };
  assert.equal(checkGoal(value, dc(300)).messages[0], '✗ current: 300 pA — too small: the goal is 375 to 385 pA');
  assert.equal(checkGoal(value, dc(400)).messages[0], '✗ current: 400 pA — too large: the goal is 375 to 385 pA');
  // the limits are the answer (find the rheobase): direction only, no number of the goal
  const hidden = { ...value, showAim: false, tooHigh: { en: 'Is there a smaller current where it still fires?', de: 'Gibt es einen kleineren Strom, bei dem es noch feuert?' } };
  assert.equal(checkGoal(hidden, dc(400)).messages[0], '✗ current: 400 pA — too large for the goal. Is there a smaller current where it still fires?');
  assert.equal(checkGoal(hidden, dc(300)).messages[0], '✗ current: 300 pA — too small for the goal');
  assert.equal(checkGoal(hidden, dc(380)).messages[0], '✓ current: 380 pA — right for the goal');
  for (const amp of [300, 380, 400]) assert.doesNotMatch(checkGoal(hidden, dc(amp)).messages[0], /375|385/);
});

test('goal lines in German: words, decimal comma, the lesson\'s own words in German; pseudo: all inside ⟦ ⟧', () => {
  const times = Array.from({ length: 25 }, (_, i) => i * 40);
  try {
    useLanguageForTests('de');
    // 25 spikes in 2 s = 12.5 spikes/s
    const advice = { tooLow: { en: 'More current.', de: 'Mehr Strom.' } };
    assert.equal(checkGoal({ check: 'rate', min: 20, max: 50, ...advice }, nestRun([times], {}, 2000)).messages[0], '✗ 12,5 Spikes/s — zu niedrig: Das Ziel ist 20 bis 50 Spikes/s. Mehr Strom.');
    assert.equal(checkGoal({ check: 'fires' }, nestRun([[]])).messages[0], '✗ sr1 hat keinen Spike aufgezeichnet — das Ziel ist mindestens ein Spike');
    assert.equal(checkGoal({ check: 'spikes', max: 2 }, nestRun([[1, 2, 3]])).messages[0], '✗ sr1: 3 Spikes — zu viele: Das Ziel ist höchstens 2');
    useLanguageForTests('pseudo');
    const lines = [
      checkGoal({ check: 'rate', min: 20, max: 50 }, nestRun([times], {}, 2000)),
      checkGoal({ check: 'silent' }, nestRun([[1]])),
      checkGoal({ check: 'fires', recorder: 'sr9' }, nestRun([[1]])),
      checkGoal({ check: 'tableRises', table: 'f-I curve', minRows: 3 }, { response: { results: { 'f-I curve': [[0, 1]] } }, recorders: [], workspace: {} }),
    ].flatMap((r) => r.messages);
    // texts inside texts nest (⟦12.5 ⟦spikes/s⟧⟧): take the innermost away until nothing is left
    const outside = (line: string): string => {
      let rest = line;
      for (let before = ''; before !== rest; ) [before, rest] = [rest, rest.replace(/⟦[^⟦⟧]*⟧/g, '')];
      return rest;
    };
    for (const line of lines) assert.equal(outside(line), '', line);
    assert.equal(outside('⟦a⟧ b'), ' b', 'the check itself sees a word outside');
  } finally {
    useLanguageForTests('en');
  }
});

test('a lesson in two languages: the learner\'s language when complete, else the lesson\'s own, and a half translation is named', () => {
  const raw = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../lessons/one-neuron.json'), 'utf8'));
  const parsed = parseLesson(raw, ['nest', 'norse'], 'one-neuron');
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.value.languages, ['en', 'de']);
  const de = showLesson(parsed.value, 'de');
  assert.equal(de.title, '1. Ein Neuron und ein Strom');
  assert.equal(de.picture, 'img/one-neuron-de.svg');
  assert.equal(de.inWantedLanguage, true);
  assert.deepEqual((de.goal as { tooLow?: unknown }).tooLow, 'Ein stärkerer Strom lässt das Neuron öfter feuern.');
  // a learner whose language the lesson lacks gets the lesson's own language
  const fr = showLesson(parsed.value, 'fr');
  assert.equal(fr.title, '1. One neuron and a current');
  assert.equal(fr.inWantedLanguage, false);
  // a lesson written only in German (the old one-language format with "language")
  const onlyGerman = { ...raw, language: 'de', title: raw.title.de, text: raw.text.de, picture: raw.picture.de, pictureAlt: raw.pictureAlt.de, goalText: raw.goalText.de, hints: raw.hints.de, goal: { check: 'rate', min: 20, max: 50 } };
  const g = parseLesson(onlyGerman, ['nest'], 'one-neuron');
  assert.ok(g.ok);
  assert.deepEqual(g.value.languages, ['de']);
  assert.equal(showLesson(g.value, 'en').language, 'de');
  assert.equal(showLesson(g.value, 'en').inWantedLanguage, false);
  assert.deepEqual(translationGaps(g.value), []);
  // the old format without "language": English
  const old = parseLesson({ ...raw, language: undefined, title: 'One', text: 'Text', picture: 'img/one-neuron.svg', pictureAlt: 'Alt', goalText: 'Goal', hints: [], goal: { check: 'fires' } }, ['nest'], 'one-neuron');
  assert.ok(old.ok);
  assert.equal(old.value.language, 'en');
  assert.deepEqual(old.value.languages, ['en']);
  // German with one hint less: shown in English, and the file's problem is said
  const half = parseLesson({ ...raw, hints: { en: raw.hints.en, de: raw.hints.de.slice(1) } }, ['nest'], 'one-neuron');
  assert.ok(half.ok);
  assert.deepEqual(half.value.languages, ['en']);
  assert.equal(showLesson(half.value, 'de').title, '1. One neuron and a current');
  assert.deepEqual(translationGaps(half.value), ['the "de" version lacks hints (2, but 3 in "en"), so it is shown in "en".']);
  // German without its goal text: also incomplete
  const noGoal = parseLesson({ ...raw, goalText: raw.goalText.en }, ['nest'], 'one-neuron');
  assert.ok(noGoal.ok);
  assert.match(translationGaps(noGoal.value)[0], /"de" version lacks goalText/);
  // a text lacking the lesson's own language is a mistake
  const wrong = parseLesson({ ...raw, title: { de: 'Titel' } }, ['nest'], 'one-neuron');
  assert.equal(wrong.ok, false);
  assert.match((wrong as { message: string }).message, /"title" has no "en" version/);
  assert.match((parseLesson({ ...raw, language: 'English' }, ['nest'], 'one-neuron') as { message: string }).message, /"language" must be a language code/);
  assert.match((parseLesson({ ...raw, goal: { check: 'rate', min: 1, tooLow: 5 } }, ['nest'], 'one-neuron') as { message: string }).message, /goal.tooLow must be a text/);
});
