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
