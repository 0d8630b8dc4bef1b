// Norse recordings ((time, neurons) tensors as lists) turned into the recorder events the plots
// draw, on hand-made input whose events are known.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isNorseResponse, norseToEvents } from '../../src/plots/norse-recordings';

const response = {
  dt: 0.001,
  steps: 3,
  recordings: [
    { name: 'lif1', spikes: [[0, 1], [0, 0], [1, 1]], v: [[0.1, 0], [0.2, 0.5], [0, 0]], i: [[0.8, 1.6], [1.44, 2.88], [1.9, 3.8]] },
    { name: 'x1', values: [[1.5], [1.5], [0]] },
  ],
};

test('spikes become (neuron, time) events; step k is at (k+1)·dt', () => {
  const { response: r, recorders } = norseToEvents(response, [{ name: 'lif1', blockId: 'b1' }, { name: 'x1', blockId: 'b2' }]);
  assert.deepEqual([...r.events[0].senders], [1, 0, 1]);
  assert.deepEqual([...r.events[0].times], [1, 3, 3]);
  assert.deepEqual(recorders[0], { name: 'lif1 spikes', model: 'spike_recorder', blockId: 'b1', recordables: [], sources: 2 });
  assert.equal(r.biological_time, 3);
});

test('v and i become one multimeter with samples interleaved per step; inputs as "values"', () => {
  const { response: r, recorders } = norseToEvents(response);
  const vi = r.events[1];
  assert.deepEqual([...vi.senders], [0, 1, 0, 1, 0, 1]);
  assert.deepEqual([...vi.times], [1, 1, 2, 2, 3, 3]);
  assert.deepEqual([...vi.v], [0.1, 0, 0.2, 0.5, 0, 0]);
  assert.deepEqual([...vi.i].map((x) => Math.round(x * 100) / 100), [0.8, 1.6, 1.44, 2.88, 1.9, 3.8]);
  assert.deepEqual(recorders[1].recordables, ['v', 'i']);
  assert.deepEqual([...r.events[2].values], [1.5, 1.5, 0]);
  assert.equal(recorders[2].name, 'x1');
});

test('steps instead of ms; NEST responses are told apart', () => {
  assert.deepEqual([...norseToEvents(response, [], 'steps').response.events[0].times], [1, 3, 3]);
  assert.deepEqual([...norseToEvents({ ...response, dt: 0.0001 }).response.events[0].times].map((t) => Math.round(t * 1e6) / 1e6), [0.1, 0.3, 0.3]);
  assert.equal(isNorseResponse(response), true);
  assert.equal(isNorseResponse({ events: [] }), false);
  assert.equal(isNorseResponse(null), false);
});
