// Hand-edited NEST code keeps its recorders' names (and blocks, where the blocks record the same).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventNamesIn, recordersOfEditedCode } from '../../src/app/infer-recorders';
import type { RecorderInfo } from '../../generators/nest';

const response = { events: [{ senders: [1], times: [5.2] }, { senders: [1, 1], times: [0.1, 0.2], V_m: [-70, -69.9] }] };
const blocks: RecorderInfo[] = [
  { name: 'sr1', model: 'spike_recorder', blockId: 'b_sr1', recordables: [], sources: 1 },
  { name: 'vm1', model: 'voltmeter', blockId: 'b_vm1', recordables: ['V_m'], sources: 1 },
];

test('the names come from the code\'s "events" list', () => {
  assert.deepEqual(eventNamesIn('# my comment\nresponse = {"events": [sr1.events, vm1.events], "biological_time": 1000.0}'), ['sr1', 'vm1']);
  assert.deepEqual(eventNamesIn("response = {'events': [a.events, b.get('events')]}"), ['a', null]);
  assert.deepEqual(eventNamesIn('response = {}'), []);
});

test('a recorder the blocks also have keeps its block; another gets its name; an unnamed one its index', () => {
  const code = 'response = {"events": [sr1.events, vm1.events]}';
  assert.deepEqual(recordersOfEditedCode(response, code, blocks).map((r) => [r.name, r.blockId, r.model]), [['sr1', 'b_sr1', 'spike_recorder'], ['vm1', 'b_vm1', 'voltmeter']]);
  const renamed = 'response = {"events": [my_spikes.events, x]}';
  assert.deepEqual(recordersOfEditedCode(response, renamed, blocks).map((r) => [r.name, r.blockId]), [['my_spikes', ''], ['events[1]', '']]);
  // the same name for another kind of recorder is not the blocks' one
  const swapped = 'response = {"events": [vm1.events, sr1.events]}';
  assert.deepEqual(recordersOfEditedCode(response, swapped, blocks).map((r) => r.blockId), ['', '']);
});
