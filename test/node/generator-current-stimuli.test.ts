/**
 * The sine-wave (ac_generator) and stepping (step_current_generator) current blocks: program text
 * (written by hand from PyNEST usage), the checks of typed lists, and the "(× current)" weight
 * label of their connections.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as Blockly from 'blockly';
import { weightUnitLabel } from '../../blocks/nest/catalog';
import { registerNestBlocks } from '../../blocks/nest/index';
import { generateNest } from '../../generators/nest';

registerNestBlocks();

type B = Record<string, unknown>;
const plain = (n: number) => ({ shadow: { type: 'math_number', fields: { NUM: n } } });
const tick = () => new Promise((r) => setTimeout(r, 10));

function load(blocks: B[], vars: [string, string][]): Blockly.Workspace {
  for (let i = blocks.length - 2; i >= 0; i--) blocks[i].next = { block: blocks[i + 1] };
  const ws = new Blockly.Workspace();
  Blockly.serialization.workspaces.load(
    { blocks: { languageVersion: 0, blocks: [blocks[0]] }, variables: vars.map(([name, id]) => ({ name, id, type: 'nest_node' })) },
    ws,
  );
  return ws;
}

const step = (times: string, values: string, extra: B = {}): B => ({
  type: 'nest_step_current_generator', id: 's', fields: { NAME: { id: 'g' }, TIMES: times, VALUES: values }, ...extra,
});
const createLine = (code: string) => code.split('\n').find((l) => l.startsWith('scg1 = ') || l.startsWith('ac1 = '));

test('ac_generator: amplitude and frequency on the block, offset and phase from "more parameters"', () => {
  const ws = load([{
    type: 'nest_ac_generator', id: 'ac', fields: { NAME: { id: 'g' } },
    inputs: {
      amplitude: plain(50), frequency: plain(4),
      PARAMS: { block: { type: 'nest_param', id: 'p1', fields: { PARAM: 'offset' }, inputs: { VALUE: plain(100) },
        next: { block: { type: 'nest_param', id: 'p2', fields: { PARAM: 'phase' }, inputs: { VALUE: plain(90) } } } } },
    },
  }], [['ac1', 'g']]);
  const g = generateNest(ws);
  assert.equal(createLine(g.code), 'ac1 = nest.Create("ac_generator", 1, params={"amplitude": 50.0, "frequency": 4.0, "offset": 100.0, "phase": 90.0})');
  assert.deepEqual(g.problems, []);
});

test('ac_generator: values equal to NEST defaults (all 0) are left out', () => {
  const ws = load([{ type: 'nest_ac_generator', id: 'ac', fields: { NAME: { id: 'g' } }, inputs: { amplitude: plain(0), frequency: plain(0) } }], [['ac1', 'g']]);
  assert.equal(createLine(generateNest(ws).code), 'ac1 = nest.Create("ac_generator", 1)');
});

test('step_current_generator: typed times and values become float lists', () => {
  const g = generateNest(load([step('100, 300', '200, -100')], [['scg1', 'g']]));
  assert.equal(createLine(g.code),
    'scg1 = nest.Create("step_current_generator", 1, params={"amplitude_times": [100.0, 300.0], "amplitude_values": [200.0, -100.0]})');
  assert.deepEqual(g.problems, []);
  const spaced = generateNest(load([step(' 50;  75.5 ,1e2', '1 2 -3.5')], [['scg1', 'g']]));
  assert.equal(createLine(spaced.code),
    'scg1 = nest.Create("step_current_generator", 1, params={"amplitude_times": [50.0, 75.5, 100.0], "amplitude_values": [1.0, 2.0, -3.5]})');
});

test('step_current_generator: empty lists create the generator without them', () => {
  const g = generateNest(load([step('', '')], [['scg1', 'g']]));
  assert.equal(createLine(g.code), 'scg1 = nest.Create("step_current_generator", 1)');
  assert.deepEqual(g.problems, []);
});

test('step_current_generator: text that is not a number is reported and never reaches the code', () => {
  const g = generateNest(load([step('100, __import__("os")', '200, x)\nprint(1')], [['scg1', 'g']]));
  assert.equal(createLine(g.code), 'scg1 = nest.Create("step_current_generator", 1)');
  assert.doesNotMatch(g.code, /import__|print/);
  assert.deepEqual(g.problems.map((p) => p.blockId), ['s', 's']);
  assert.match(g.problems[0].message, /^Step times must be numbers in ms separated by commas; not understood: "__import__\(\\"os\\"\)"/);
  assert.match(g.problems[1].message, /^Step values must be numbers in pA/);
});

test('step_current_generator: NEST\'s checks of the lists (sizes, increasing times, the grid)', () => {
  const msg = (times: string, values: string) => generateNest(load([step(times, values)], [['scg1', 'g']])).problems.map((p) => p.message);
  assert.deepEqual(msg('100, 300', '200'), ['BadProperty: Amplitude times and values have to be the same size.']);
  assert.deepEqual(msg('300, 100', '1, 2'), ['BadProperty: step_current_generator: amplitude times must be at strictly increasing time steps.']);
  assert.deepEqual(msg('100.05', '1'), ['BadProperty: step_current_generator: Time point 100.05 is not representable in current resolution.']);
});

test('current generators: the weight is a factor "(× current)", on the block too', async () => {
  assert.equal(weightUnitLabel('ac_generator', 'iaf_psc_alpha'), '(× current)');
  assert.equal(weightUnitLabel('step_current_generator', 'iaf_psc_delta'), '(× current)');
  const ws = load([
    { type: 'nest_population', id: 'n', fields: { NAME: { id: 'n' }, MODEL: 'iaf_psc_delta' } },
    step('100', '200'),
    { type: 'nest_ac_generator', id: 'ac', fields: { NAME: { id: 'a' } } },
    { type: 'nest_connect', id: 'c', fields: { SOURCE: { id: 'g' }, TARGET: { id: 'n' } } },
  ], [['n1', 'n'], ['scg1', 'g'], ['ac1', 'a']]);
  const c = ws.getBlockById('c')!;
  await tick();
  assert.equal(c.getFieldValue('WEIGHT_UNIT'), '(× current)');
  c.setFieldValue('a', 'SOURCE');
  await tick();
  assert.equal(c.getFieldValue('WEIGHT_UNIT'), '(× current)');
  c.setFieldValue('n', 'SOURCE');
  await tick();
  assert.equal(c.getFieldValue('WEIGHT_UNIT'), '(mV)', 'neuron → iaf_psc_delta');
});
