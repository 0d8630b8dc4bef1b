// CSV export of a run (src/export/results-csv.ts), on events shaped as real NEST hands them over:
// spikes listed per neuron within a slice (not by time), multimeter samples interleaved by neuron.
// Expected files written out by hand.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resultsCsvFiles, spikesCsv, tracesCsv } from '../../src/export/results-csv';
import type { PlottedRecorder } from '../../src/plots/recorders';

const rec = (name: string, model: PlottedRecorder['model'], recordables: string[] = []): PlottedRecorder => ({ name, model, blockId: name, recordables, sources: null });

test('spikes: sender,time sorted by time, units in the header', () => {
  const csv = spikesCsv({ times: [5.5, 2.1, 2.1, 10], senders: [3, 2, 1, 3] });
  assert.equal(csv, 'sender,time (ms)\r\n2,2.1\r\n1,2.1\r\n3,5.5\r\n3,10\r\n');
  assert.equal(spikesCsv({ times: [], senders: [] }), 'sender,time (ms)\r\n');
});

test('traces: one row per time, one column per recordable and neuron', () => {
  // two neurons, two recordables, samples interleaved as a multimeter returns them
  const events = {
    times: [1, 1, 2, 2],
    senders: [4, 5, 4, 5],
    V_m: [-70, -69.5, -68.25, -67],
    g_ex: [0, 0.5, 1e-7, 2],
  };
  assert.equal(
    tracesCsv(events, ['V_m', 'g_ex']),
    'time (ms),V_m (mV) neuron 4,V_m (mV) neuron 5,g_ex (nS) neuron 4,g_ex (nS) neuron 5\r\n' +
      '1,-70,-69.5,0,0.5\r\n' +
      '2,-68.25,-67,1e-7,2\r\n',
  );
});

test('traces: a neuron without a sample at some time leaves its cell empty', () => {
  const csv = tracesCsv({ times: [1, 1, 2], senders: [1, 2, 1], V_m: [-70, -60, -65] }, ['V_m']);
  assert.equal(csv, 'time (ms),V_m (mV) neuron 1,V_m (mV) neuron 2\r\n1,-70,-60\r\n2,-65,\r\n');
});

test('Norse labels and a time axis in steps name the columns', () => {
  const csv = tracesCsv({ times: [0, 1], senders: [1, 1], v: [0, 0.25] }, ['v'], { v: 'v (voltage, no unit)' }, 'time (steps)');
  assert.equal(csv, 'time (steps),"v (voltage, no unit) neuron 1"\r\n0,0\r\n1,0.25\r\n');
});

test('a whole run: result tables first, then one file per recorder; commas and quotes are quoted', () => {
  const response = {
    events: [
      { times: [3, 1], senders: [1, 1] },
      { times: [0.1, 0.2], senders: [1, 1], V_m: [-70, -69] },
    ],
    results: { 'f-I curve': [[100, 0], [200, 12.5]], 'a "quoted", name': [[1, 2]] },
  };
  const files = resultsCsvFiles(response, [rec('sr1', 'spike_recorder'), rec('vm1', 'voltmeter', ['V_m'])]);
  assert.deepEqual(files.map((f) => f.name), ['f-I curve', 'a "quoted", name', 'sr1', 'vm1']);
  assert.equal(files[0].text.split('\r\n')[1], '100,0');
  assert.equal(files[0].text.split('\r\n')[2], '200,12.5');
  assert.equal(files[2].text, 'sender,time (ms)\r\n1,1\r\n1,3\r\n');
  assert.equal(files[3].text, 'time (ms),V_m (mV) neuron 1\r\n0.1,-70\r\n0.2,-69\r\n');
  // hand-edited programs: recorders unknown, the kind read from the keys
  const guessed = resultsCsvFiles({ events: response.events }, []);
  assert.deepEqual(guessed.map((f) => f.text.split('\r\n')[0]), ['sender,time (ms)', 'time (ms),V_m (mV) neuron 1']);
});

test('numbers lose float noise but keep every digit that means something', async () => {
  const { spikesCsv } = await import('../../src/export/results-csv');
  const text = spikesCsv({ senders: [1, 2], times: [364.90000000000003, 0.1 + 0.2] } as never);
  assert.equal(text.split('\r\n').slice(1, 3).join(' | '), '2,0.3 | 1,364.9');
  // a float32 value written with 12 digits comes back exactly
  assert.equal(Math.fround(Number(Math.fround(0.7).toPrecision(12))), Math.fround(0.7));
});
