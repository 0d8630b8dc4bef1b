// The PNG export's legend (src/export/plot-png.ts layoutLegend): entries wrap into rows that fit
// the image, so none is cut at its right edge; a label longer than a row is shortened with "…".
// Widths from a fixed 7 px per character, so every position below is counted by hand. The image
// itself is drawn and looked at in Chromium: test/e2e/plots-class.test.ts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { layoutLegend } from '../../src/export/plot-png';

const measure = (text: string) => text.length * 7;
const entries = (n: number) => Array.from({ length: n }, (_v, i) => ({ label: `neuron ${i + 1}`, color: '#000' }));

test('legend entries wrap before the right edge instead of running past it', () => {
  // "neuron 1" is 8 chars = 56 px; an entry is swatch 14 + gap 4 + 56 = 74 px, then 14 px to the next
  // (88 px per entry). A 300 px row from x = 12 holds 3: the 4th would end at 12 + 3·88 + 74 = 350 > 312.
  const places = layoutLegend(entries(7), 300, measure);
  assert.deepEqual(places.map((p) => [p.row, p.x]), [[0, 12], [0, 100], [0, 188], [1, 12], [1, 100], [1, 188], [2, 12]]);
  for (const p of places) assert.ok(p.x + 18 + measure(p.text) <= 12 + 300, `${p.text} ends inside the image`);
});

test('one entry: no legend (the title names the line); more than 10: "… and N more", also wrapped', () => {
  assert.deepEqual(layoutLegend(entries(1), 300, measure), []);
  const places = layoutLegend(entries(12), 2000, measure);
  assert.equal(places.length, 11);
  assert.equal(places[10].text, '… and 2 more');
  assert.equal(places[10].color, null);
  assert.ok(places.every((p) => p.row === 0));
});

test('a label longer than a whole row is shortened with "…" to fit', () => {
  const long = [{ label: 'x'.repeat(100), color: '#000' }, { label: 'b', color: '#000' }];
  const places = layoutLegend(long, 200, measure);
  assert.ok(places[0].text.endsWith('…'));
  assert.ok(18 + measure(places[0].text) <= 200, places[0].text);
  assert.equal(places[1].row, 1);
});
