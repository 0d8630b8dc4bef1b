// response["inputs"] (each neuron's input, for the f–I view) read from a response: well-formed
// entries are used, anything else is ignored.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { neuronInputsOf } from '../../src/plots/neuron-inputs';

test('an entry per recorder, aligned with response.events', () => {
  const response = { events: [{}, {}], inputs: [null, { label: 'I_e (pA)', ids: [1, 2, 3], values: [300, 500, 400] }] };
  assert.equal(neuronInputsOf(response, 0), null);
  assert.deepEqual(neuronInputsOf(response, 1), { label: 'I_e (pA)', ids: [1, 2, 3], values: [300, 500, 400] });
  assert.equal(neuronInputsOf(response, 2), null);
});

test('malformed entries are ignored: lengths differ, not numbers, no list', () => {
  const bad = [
    { ids: [1, 2], values: [1] },
    { ids: [1, 'a'], values: [1, 2] },
    { ids: [1], values: [Number.NaN] },
    { ids: [], values: [] },
    'I_e',
  ];
  for (const entry of bad) assert.equal(neuronInputsOf({ inputs: [entry] }, 0), null, JSON.stringify(entry));
  assert.equal(neuronInputsOf({ inputs: 'x' }, 0), null);
  assert.equal(neuronInputsOf(null, 0), null);
  // a missing label still draws, as "input"; typed arrays (the local engine) are read too
  assert.deepEqual(neuronInputsOf({ inputs: [{ ids: Float64Array.of(4), values: Float64Array.of(2.5) }] }, 0), { label: 'input', ids: [4], values: [2.5] });
});

// ---- which neurons were recorded (silent ones count 0), f–I only when inputs differ, the bin fields ----

import { recordedIdsOf } from '../../src/plots/neuron-inputs';
import { MAX_BINS, binProblem, inputsDiffer, neuronCounts } from '../../src/plots/spike-counts';
import { spikeTrainStats } from '../../src/plots/stats';
import { useLanguageForTests } from '../../src/i18n';

test('spikes per neuron: the recorded population\'s silent neurons appear with 0', () => {
  // neurons 2 and 4 of 1–5 spiked (2×, 1×); 1, 3, 5 never did
  const trains = spikeTrainStats([1, 2, 3], [2, 4, 2]);
  const { ids, counts } = neuronCounts(trains, [1, 2, 3, 4, 5]);
  assert.deepEqual(Array.from(ids), [1, 2, 3, 4, 5]);
  assert.deepEqual(Array.from(counts), [0, 2, 0, 1, 0]);
  // without the recorded ids only the neurons that spiked are known
  const known = neuronCounts(trains, null);
  assert.deepEqual(Array.from(known.ids), [2, 4]);
  assert.deepEqual(Array.from(known.counts), [2, 1]);
  // a sender outside the list (a hand-edited program) is still counted
  assert.deepEqual(Array.from(neuronCounts(trains, [4, 5]).ids), [2, 4, 5]);
});

test('response["recorded"]: one id list per recorder, whole numbers only', () => {
  const response = { events: [{}, {}], recorded: [[1, 2, 3], null] };
  assert.deepEqual(recordedIdsOf(response, 0), [1, 2, 3]);
  assert.equal(recordedIdsOf(response, 1), null);
  assert.equal(recordedIdsOf({ recorded: [[1.5]] }, 0), null);
  assert.equal(recordedIdsOf({ recorded: [[]] }, 0), null);
  assert.equal(recordedIdsOf({}, 0), null);
  assert.deepEqual(recordedIdsOf({ recorded: [Float64Array.of(7, 8)] }, 0), [7, 8]);
});

test('inputs: a single neuron\'s input as a number (node.get("I_e") of one neuron); f–I only when inputs differ', () => {
  assert.deepEqual(neuronInputsOf({ inputs: [{ label: 'I_e (pA)', ids: [3], values: 376 }] }, 0), { label: 'I_e (pA)', ids: [3], values: [376] });
  assert.equal(neuronInputsOf({ inputs: [{ ids: [3, 4], values: 376 }] }, 0), null);
  assert.equal(inputsDiffer({ label: 'I_e (pA)', ids: [1, 2, 3], values: [300, 300, 300] }), false);
  assert.equal(inputsDiffer({ label: 'I_e (pA)', ids: [1, 2], values: [300, 500] }), true);
  assert.equal(inputsDiffer({ label: 'I_e (pA)', ids: [1], values: [300] }), false);
  assert.equal(inputsDiffer(null), false);
});

test('bin fields: 0, negative, empty, text and too small for the run are refused, each saying why', () => {
  // a 1000 ms run: at most MAX_BINS bins, so nothing under 1000 / 5000 = 0.2 ms
  const smallest = 1000 / MAX_BINS;
  assert.equal(binProblem('5', smallest), null);
  assert.equal(binProblem('0.2', smallest), null);
  assert.match(binProblem('0', smallest)!, /wider than 0 ms/);
  assert.match(binProblem('-3', smallest)!, /wider than 0 ms/);
  assert.match(binProblem('', smallest)!, /Type a bin width/);
  assert.match(binProblem('   ', smallest)!, /Type a bin width/);
  assert.match(binProblem('abc', smallest)!, /Type a number/);
  // a decimal comma is read as one (0,5 is not 5): the field is text, read as the blocks' fields
  assert.equal(binProblem('0,5', smallest), null);
  assert.equal(binProblem('0,1', smallest), 'Too small for this run: at least 0.2 ms (at most 5000 bins).');
  assert.match(binProblem('1,2,3', smallest)!, /Type a number/);
  assert.match(binProblem('1e999', smallest)!, /Type a number/);
  assert.equal(binProblem('0.1', smallest), 'Too small for this run: at least 0.2 ms (at most 5000 bins).');
  // the least bin said is one the field takes (rounded up, not down): 1234.5 ms / 5000 = 0.2469 ms
  const odd = 1234.56 / MAX_BINS; // 0.246912
  assert.match(binProblem('0.1', odd)!, /at least 0\.247 ms/);
  assert.equal(binProblem('0.247', odd), null);
  useLanguageForTests('de');
  try {
    assert.equal(binProblem('0.1', smallest), 'Zu klein für diesen Lauf: mindestens 0,2 ms (höchstens 5000 Klassen).');
  } finally {
    useLanguageForTests('en');
  }
});
