// Norse recordings ((time, neurons) tensors as lists) turned into the recorder events the plots
// draw, on hand-made input whose events are known.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isNorseResponse, norseRunOf, norseTimeUnit, norseToEvents, setNorseTimeUnit, timeLabel } from '../../src/plots/norse-recordings';

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
  assert.deepEqual(recorders[0], { name: 'lif1 spikes', title: 'lif1 spikes', model: 'spike_recorder', blockId: 'b1', recordables: [], sources: 2 });
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

test('steps: times are step numbers (1-based, as ms are (k+1)·dt), the span is the step count', () => {
  const { response: r } = norseToEvents({ ...response, dt: 0.0005 }, [], 'steps');
  assert.deepEqual([...r.events[0].times], [1, 3, 3]);
  assert.deepEqual([...r.events[1].times], [1, 1, 2, 2, 3, 3]);
  assert.equal(r.biological_time, 3);
  assert.equal(r.norse.unit, 'steps');
  // the same run in ms at dt = 0.5 ms: 0.5, 1.5, 1.5 and a span of 1.5 ms
  const ms = norseToEvents({ ...response, dt: 0.0005 }).response;
  assert.deepEqual([...ms.events[0].times], [0.5, 1.5, 1.5]);
  assert.equal(ms.biological_time, 1.5);
  assert.equal(timeLabel('steps'), 'time (steps)');
  assert.equal(timeLabel('ms'), 'time (ms)');
});

test('the plotted response keeps its Norse run (source, dt, steps) so the results can redraw it', () => {
  const plotted = norseToEvents(response, [{ name: 'lif1', blockId: 'b1' }]);
  const run = norseRunOf(plotted.response);
  assert.ok(run);
  assert.equal(run.source, response);
  assert.equal(run.dt, 0.001);
  assert.equal(run.steps, 3);
  assert.equal(norseRunOf({ events: [] }), null, 'a NEST response has none');
});

test('Norse words: headings say what was built, v and i are unitless', () => {
  const { recorders } = norseToEvents(response);
  assert.equal(recorders[0].title, 'lif1 spikes');
  assert.equal(recorders[1].title, 'lif1 v (voltage), i (input current)');
  assert.equal(recorders[1].labels?.v, 'v (voltage, no unit)');
  assert.equal(recorders[1].labels?.i, 'i (current, no unit)');
  assert.equal(recorders[2].title, 'x1 values');
  for (const r of recorders) assert.ok(!/spike_recorder|multimeter/.test(r.title ?? ''), r.title);
  const onlyV = norseToEvents({ dt: 0.001, recordings: [{ name: 'li1', v: [[0.5]] }] }).recorders[0];
  assert.equal(onlyV.title, 'li1 v (voltage)');
});

test('Float32Array rows (the local runtime) read like nested lists (a remote Norse)', () => {
  const buffer = new Float32Array([0, 1, 0, 0, 1, 1]);
  const rows = [buffer.subarray(0, 2), buffer.subarray(2, 4), buffer.subarray(4, 6)];
  const typed = norseToEvents({ dt: 0.001, steps: 3, recordings: [{ name: 'lif1', spikes: rows, v: rows }] });
  const plain = norseToEvents({ dt: 0.001, steps: 3, recordings: [{ name: 'lif1', spikes: [[0, 1], [0, 0], [1, 1]], v: [[0, 1], [0, 0], [1, 1]] }] });
  assert.deepEqual(typed.response.events, plain.response.events);
  assert.deepEqual([...typed.response.events[0].senders], [1, 0, 1]);
});

test('the chosen time unit is remembered for the session', () => {
  assert.equal(norseTimeUnit(), 'ms', 'ms until one is chosen');
  setNorseTimeUnit('steps');
  assert.equal(norseTimeUnit(), 'steps');
  setNorseTimeUnit('ms');
  assert.equal(norseTimeUnit(), 'ms');
});

test('the Compare view names Norse quantities as the results do; NEST keeps its units', async () => {
  const { compareResults } = await import('../../src/plots/compare');
  const plotted = norseToEvents(response);
  const traces = compareResults(plotted.response, plotted.response, plotted.recorders).traces;
  assert.deepEqual(traces.map((t) => t.label), ['v (voltage, no unit)', 'i (current, no unit)', 'value']);
  const nest = { events: [{ senders: [1], times: [1], V_m: [-70] }] };
  const vm = [{ name: 'vm1', model: 'voltmeter' as const, blockId: '', recordables: ['V_m'], sources: 1 }];
  assert.equal(compareResults(nest, nest, vm).traces[0].label, 'V_m (mV)');
});
