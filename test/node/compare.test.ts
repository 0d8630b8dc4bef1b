// The Compare view's numbers (src/plots/compare.ts) on hand-made results whose answers are known.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareResults } from '../../src/plots/compare';
import type { PlottedRecorder } from '../../src/plots/recorders';

const recorders: PlottedRecorder[] = [
  { name: 'sr1', model: 'spike_recorder', blockId: 'b1', recordables: [], sources: 2 },
  { name: 'vm1', model: 'voltmeter', blockId: 'b2', recordables: ['V_m'], sources: 2 },
];

test('the same spikes listed in another order are the same spikes; a moved spike is not', () => {
  const local = { events: [{ senders: [1, 2, 1], times: [5, 5, 9.5] }, { senders: [], times: [], V_m: [] }] };
  const remote = { events: [{ senders: [1, 1, 2], times: [5, 9.5, 5] }, { senders: [], times: [], V_m: [] }] };
  const same = compareResults(local, remote, recorders);
  assert.deepEqual(same.spikes, [{ name: 'sr1', blockId: 'b1', local: 3, remote: 3, sameSpikes: true }]);
  const moved = { events: [{ senders: [1, 1, 2], times: [5, 9.6, 5] }, remote.events[1]] };
  assert.equal(compareResults(local, moved, recorders).spikes[0].sameSpikes, false);
  const fewer = { events: [{ senders: [1, 2], times: [5, 5] }, remote.events[1]] };
  assert.deepEqual([compareResults(local, fewer, recorders).spikes[0].remote, compareResults(local, fewer, recorders).spikes[0].sameSpikes], [2, false]);
});

test('traces: the largest difference over every neuron, samples paired by time', () => {
  // two neurons sampled at 1, 2, 3 ms (interleaved as NEST lists them); the server's neuron 2
  // differs by 0.25 mV at 3 ms, and the server has one more sample (4 ms) that has no partner
  const local = { events: [{ senders: [], times: [] }, { senders: [1, 2, 1, 2, 1, 2], times: [1, 1, 2, 2, 3, 3], V_m: [-70, -70, -69, -68, -68, -66] }] };
  const remote = { events: [{ senders: [], times: [] }, { senders: [1, 1, 1, 1, 2, 2, 2], times: [1, 2, 3, 4, 1, 2, 3], V_m: [-70, -69, -68, -67, -70, -68, -66.25] }] };
  const { traces, spikes, shapeNote } = compareResults(local, remote, recorders);
  assert.equal(shapeNote, null);
  assert.equal(spikes[0].sameSpikes, true);
  assert.equal(traces.length, 1);
  const t = traces[0];
  assert.equal(t.recordable, 'V_m');
  assert.equal(t.neurons, 2);
  assert.equal(t.compared, 6);
  assert.equal(t.maxDifference, 0.25);
  // overlay: neuron 1 on the union of times, the local side open at 4 ms
  assert.equal(t.overlay?.neuron, 1);
  assert.deepEqual([...t.overlay!.x], [1, 2, 3, 4]);
  assert.deepEqual(t.overlay!.local, [-70, -69, -68, null]);
  assert.deepEqual(t.overlay!.remote, [-70, -69, -68, -67]);
});

test('different numbers of recorders are said, not hidden', () => {
  const r = compareResults({ events: [{ senders: [1], times: [1] }] }, { events: [] }, recorders);
  assert.match(r.shapeNote ?? '', /local run returned 1 recorders, the server 0/);
  assert.deepEqual(compareResults(null, { events: [] }, recorders), { spikes: [], traces: [], shapeNote: null });
});

test('distinct senders: ascending and each once, for whole-number ids and for any others', async () => {
  const { distinctSenders } = await import('../../src/plots/events');
  assert.deepEqual(distinctSenders([5, 3, 5, 12, 3, 1]), [1, 3, 5, 12]);
  assert.deepEqual(distinctSenders(Float64Array.from([7, 7, 7])), [7]);
  assert.deepEqual(distinctSenders([]), []);
  assert.deepEqual(distinctSenders([0, 2, 0]), [0, 2]);
  // not node ids (fractions, negatives, huge): still right, by the general path
  assert.deepEqual(distinctSenders([2.5, -1, 2.5, 1e12]), [-1, 2.5, 1e12]);
});
