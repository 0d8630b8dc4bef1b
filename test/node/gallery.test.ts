/**
 * The example gallery's data: every example of every plugin is in the gallery and the other way
 * round; each loads on a workspace, generates without flagged problems and simulates; each has a
 * title and a description in English and German and a picture (a small SVG with no external
 * addresses, in the Okabe–Ito palette) — and that picture is what a run of the example's blocks
 * on the local engine draws today (src/gallery/tools/make-thumbnails.ts), so a changed example with
 * an old picture fails here. The four examples older tests and lessons open keep their ids.
 *
 * Run: node --import tsx --test test/node/gallery.test.ts   (~10 s: one Pyodide load)
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { test } from 'node:test';
import * as Blockly from 'blockly';
import { SIMULATORS, simulator } from '../../src/registry';
import { GALLERY, galleryDescription, galleryTitle } from '../../src/gallery/catalog';
import { makeThumbnail, nestPicture, OKABE_ITO, thumbnailPath } from '../../src/gallery/tools/make-thumbnails';
import { loadNodeRuntime } from '../../src/cli/node-runtime';
import { useLanguageForTests } from '../../src/i18n';
import { TEXTS } from '../../src/i18n/texts';

for (const s of SIMULATORS) s.registerBlocks();

const MAX_BYTES = 8 * 1024;

test('the gallery shows every example of every simulator, each once, and only those', () => {
  const inRegistry = SIMULATORS.flatMap((s) => s.examples.map((e) => `${s.id}/${e.id}`)).sort();
  const inGallery = GALLERY.map((e) => `${e.simulator}/${e.id}`).sort();
  assert.deepEqual(inGallery, inRegistry);
  assert.equal(new Set(GALLERY.map((e) => e.id)).size, GALLERY.length, 'ids are unique');
  assert.ok(GALLERY.filter((e) => e.simulator === 'nest').length >= 8, 'at least 8 NEST examples');
});

test('the examples older tests, lessons and the kiosk open keep their ids (and NEST starts with the first example)', () => {
  assert.deepEqual(simulator('nest').examples.slice(0, 2).map((e) => e.id), ['first-example', 'fi-curve']);
  assert.deepEqual(simulator('norse').examples.map((e) => e.id).slice(0, 2), ['norse-lif', 'norse-two-layers']);
});

for (const entry of GALLERY) {
  test(`${entry.id}: loads, generates without problems and simulates`, () => {
    const plugin = simulator(entry.simulator);
    const example = plugin.examples.find((e) => e.id === entry.id)!;
    const ws = new Blockly.Workspace();
    try {
      Blockly.serialization.workspaces.load(example.workspace, ws);
      assert.ok(ws.getAllBlocks(false).length > 3, 'has blocks');
      assert.equal(ws.getTopBlocks(false).length, 1, 'one stack of blocks (nothing left lying around)');
      const program = plugin.generate(ws);
      assert.deepEqual(program.problems, [], JSON.stringify(program.problems));
      // (simTime is null when a loop decides how long: fi-curve)
      assert.ok((program.simTime ?? 0) > 0 || /nest\.Simulate\(/.test(program.code), 'simulates');
      assert.match(program.code, /response = /);
      assert.ok(program.recorders.length > 0, 'records something to plot');
    } finally {
      ws.dispose();
    }
  });
}

test('every example has a title and a description in English and German', () => {
  for (const entry of GALLERY) {
    for (const part of ['title', 'description'] as const) {
      const text = (TEXTS as Record<string, { en: string; de: string }>)[`gallery.example.${entry.id}.${part}`];
      assert.ok(text, `${entry.id}: no ${part} text`);
      assert.ok(text.en.trim() && text.de.trim(), `${entry.id} ${part}: empty`);
      assert.notEqual(text.de, text.en, `${entry.id} ${part}: the German text is the English one`);
      assert.ok(!/\{\w+\}/.test(text.en + text.de), `${entry.id} ${part}: an unfilled {place}`);
    }
  }
  try {
    useLanguageForTests('de');
    assert.equal(galleryTitle('two-neurons'), 'Zwei verbundene Neuronen');
    useLanguageForTests('pseudo');
    assert.match(galleryDescription('one-neuron'), /^⟦.*⟧$/);
  } finally {
    useLanguageForTests('en');
  }
  assert.equal(galleryTitle('two-neurons'), 'Two connected neurons');
});

const PALETTE = new Set([...Object.values(OKABE_ITO), '#fff', '#8a8f94']);

test('every picture: a small SVG (≤ 8 kB, 240 × 135) with no external addresses, in the Okabe–Ito palette', () => {
  for (const entry of GALLERY) {
    const file = thumbnailPath(entry.id);
    assert.ok(existsSync(file), `${file} missing: npx tsx src/gallery/tools/make-thumbnails.ts ${entry.id}`);
    assert.ok(statSync(file).size <= MAX_BYTES, `${entry.id}: ${statSync(file).size} bytes`);
    const svg = readFileSync(file, 'utf8');
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 240 135"/);
    assert.ok(!/(href|url\()/i.test(svg) && svg.match(/https?:/g)!.length === 1, `${entry.id}: only the SVG namespace may be an address`);
    for (const colour of svg.match(/#[0-9a-fA-F]{3,6}\b/g) ?? []) assert.ok(PALETTE.has(colour), `${entry.id}: colour ${colour} is not in the palette`);
    assert.ok(/<path d="M/.test(svg), `${entry.id}: draws something`);
  }
});

test('a raster draws one mark per spike, at its time', () => {
  // 3 spikes of 2 neurons in 100 ms: x = 6 + t / 100 · 228
  const svg = nestPicture({ events: [{ times: [10, 50, 90], senders: [1, 2, 1] }] }, [{ name: 'sr1', model: 'spike_recorder' }], 100);
  const marks = svg.match(/M[\d.]+ [\d.]+h1\.6/g)!;
  assert.equal(marks.length, 3);
  assert.deepEqual(marks.map((m) => Number(m.slice(1).split(' ')[0])), [28.8, 211.2, 120]);
});

test('each picture is what a run of its example draws today (re-make them after changing an example)', async () => {
  const runtime = await loadNodeRuntime();
  for (const entry of GALLERY) {
    const made = await makeThumbnail(entry, runtime);
    assert.equal(made, readFileSync(thumbnailPath(entry.id), 'utf8'), `${entry.id}: run npx tsx src/gallery/tools/make-thumbnails.ts ${entry.id}`);
  }
});
