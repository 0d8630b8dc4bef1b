/**
 * The number fields with a slider (field_range_number) and the connect block's weight/delay rows:
 * typed values are kept exactly as typed (the slider range is a suggestion for dragging), so the
 * generator's checks can flag impossible values with NEST's text; the connect block hides the
 * rows NEST ignores and names the weight's unit.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as Blockly from 'blockly';
import { NEST_BLOCKS, registerNestBlocks } from '../../blocks/nest/index';
import { FieldRangeNumber, parseTypedNumber, RANGE_NUMBER_FIELD } from '../../blocks/nest/range-number-field';
import { generateNest } from '../../generators/nest';

registerNestBlocks();

const tick = () => new Promise((r) => setTimeout(r, 10));

/** A shadow value block of `type` in a fresh workspace, its NUM field set from typed text. */
function typed(type: string, text: string): number {
  const ws = new Blockly.Workspace();
  const b = ws.newBlock(type);
  b.getField('NUM')!.setValue(text);
  return b.getFieldValue('NUM');
}

test('every slider shadow uses field_range_number, a FieldSlider subclass', () => {
  const sliders = NEST_BLOCKS.filter((d) => (d.type as string).startsWith('nest_slider_'));
  assert.ok(sliders.length > 10);
  for (const d of sliders) assert.equal((d.args0 as { type: string }[])[0].type, RANGE_NUMBER_FIELD, d.type as string);
  const ws = new Blockly.Workspace();
  const field = ws.newBlock('nest_slider_weight').getField('NUM');
  assert.ok(field instanceof FieldRangeNumber);
});

test('typed numbers outside the slider range are kept exactly as typed', () => {
  // Slider ranges: weight −100…100, V_th −70…−40 (iaf_psc_alpha), C_m 1…1000, rate 0…, delay
  // 0.01…20, simulate 0…10000. Before, each of these was clamped to the range's end.
  assert.equal(typed('nest_slider_weight', '800'), 800);
  assert.equal(typed('nest_slider_weight', '-250'), -250);
  assert.equal(typed('nest_slider_iaf_psc_alpha_V_th', '-80'), -80);
  assert.equal(typed('nest_slider_iaf_psc_alpha_C_m', '-1'), -1);
  assert.equal(typed('nest_slider_poisson_generator_rate', '-50'), -50);
  assert.equal(typed('nest_slider_delay', '0'), 0);
  assert.equal(typed('nest_slider_sim_time', '20000'), 20000);
});

test('typed numbers are not rounded to the slider step', () => {
  // weight step 0.01, sim_time step 0.1
  assert.equal(typed('nest_slider_weight', '12.3456'), 12.3456);
  assert.equal(typed('nest_slider_sim_time', '0.25'), 0.25);
  assert.equal(typed('nest_slider_weight', '1e3'), 1000);
});

test('not a finite number: refused, the field keeps its value', () => {
  assert.equal(typed('nest_slider_weight', 'abc'), 0 - 100, 'unchanged (the slider block starts at its min)');
  assert.equal(typed('nest_slider_weight', 'Infinity'), -100);
  assert.equal(parseTypedNumber('1,000'), 1000);
  assert.equal(parseTypedNumber('NaN'), null);
  assert.equal(parseTypedNumber('-inf'), null);
});

test('serialized values outside the range load unchanged', () => {
  const ws = new Blockly.Workspace();
  const b = Blockly.serialization.blocks.append({ type: 'nest_slider_iaf_psc_alpha_C_m', fields: { NUM: -1 } }, ws);
  assert.equal(b.getFieldValue('NUM'), -1);
  assert.equal(Blockly.serialization.blocks.save(b)!.fields!.NUM, -1);
});

// ---- impossible typed values reach the checks, and NEST's text -----------------------------

function load(blocks: Record<string, unknown>[], vars: [string, string][]): Blockly.Workspace {
  const ws = new Blockly.Workspace();
  Blockly.serialization.workspaces.load({
    variables: vars.map(([name, id]) => ({ name, id, type: 'nest_node' })),
    blocks: { languageVersion: 0, blocks },
  }, ws);
  return ws;
}

const slider = (type: string, v: number) => ({ shadow: { type, fields: { NUM: v } } });

test('a negative C_m typed into its slider is flagged with NEST\'s message', () => {
  const ws = load([{
    type: 'nest_population', id: 'pop', fields: { NAME: { id: 'a' } },
    inputs: { PARAMS: { block: { type: 'nest_param', id: 'p', fields: { PARAM: 'C_m' }, inputs: { VALUE: slider('nest_slider_iaf_psc_alpha_C_m', -1) } } } },
  }], [['n1', 'a']]);
  const g = generateNest(ws);
  assert.match(g.code, /"C_m": -1\.0/);
  assert.deepEqual(g.problems, [{ blockId: 'pop', message: 'BadProperty: Capacitance must be > 0.' }]);
});

test('weight 800, delay 0 and simulate 20000 reach the code as typed; delay 0 is flagged', () => {
  const ws = load([{
    type: 'nest_population', id: 'p1', fields: { NAME: { id: 'a' } },
    next: { block: { type: 'nest_population', id: 'p2', fields: { NAME: { id: 'b' } },
      next: { block: { type: 'nest_connect', id: 'c', fields: { SOURCE: { id: 'a' }, TARGET: { id: 'b' } },
        inputs: { WEIGHT: slider('nest_slider_weight', 800), DELAY: slider('nest_slider_delay', 0) },
        next: { block: { type: 'nest_simulate', id: 's', inputs: { TIME: slider('nest_slider_sim_time', 20000) } } } } } } },
  }], [['n1', 'a'], ['n2', 'b']]);
  const g = generateNest(ws);
  assert.match(g.code, /syn_spec=\{"weight": 800\.0, "delay": 0\.0\}/);
  assert.match(g.code, /nest\.Simulate\(20000\.0\)/);
  assert.equal(g.simTime, 20000);
  assert.deepEqual(g.problems.map((p) => p.blockId), ['c']);
  assert.match(g.problems[0].message, /^BadDelay: Delay value 0 is invalid/);
});

// ---- the connect block's weight and delay rows ---------------------------------------------

function connectWorkspace(): { ws: Blockly.Workspace; c: Blockly.Block } {
  const ws = load([
    { type: 'nest_population', id: 'p1', fields: { NAME: { id: 'n' }, MODEL: 'iaf_psc_alpha' } },
    { type: 'nest_population', id: 'p2', y: 200, fields: { NAME: { id: 'd' }, MODEL: 'iaf_psc_delta' } },
    { type: 'nest_dc_generator', id: 'dc', y: 400, fields: { NAME: { id: 'i' } } },
    { type: 'nest_spike_recorder', id: 'sr', y: 600, fields: { NAME: { id: 's' } } },
    { type: 'nest_voltmeter', id: 'vm', y: 800, fields: { NAME: { id: 'v' } } },
    { type: 'nest_connect', id: 'c', y: 1000, fields: { SOURCE: { id: 'n' }, TARGET: { id: 'd' } },
      inputs: { WEIGHT: slider('nest_slider_weight', 1), DELAY: slider('nest_slider_delay', 1) } },
  ], [['n1', 'n'], ['n2', 'd'], ['dc1', 'i'], ['sr1', 's'], ['vm1', 'v']]);
  return { ws, c: ws.getBlockById('c')! };
}

const shown = (c: Blockly.Block) => ['WEIGHT', 'DELAY'].map((n) => c.getInput(n)!.isVisible());

test('connect: weight and delay are hidden when the source or target is a recorder, shown otherwise', async () => {
  const { c } = connectWorkspace();
  await tick();
  assert.deepEqual(shown(c), [true, true], 'neuron → neuron');
  c.setFieldValue('s', 'TARGET');
  await tick();
  assert.deepEqual(shown(c), [false, false], 'neuron → spike recorder');
  c.setFieldValue('v', 'SOURCE');
  c.setFieldValue('n', 'TARGET');
  await tick();
  assert.deepEqual(shown(c), [false, false], 'voltmeter → neuron');
  c.setFieldValue('i', 'SOURCE');
  await tick();
  assert.deepEqual(shown(c), [true, true], 'dc → neuron: shown again');
});

test('connect: weight unit is "(× current)" from a current generator, (mV) into iaf_psc_delta, else (pA)', async () => {
  const { c } = connectWorkspace();
  await tick();
  assert.equal(c.getFieldValue('WEIGHT_UNIT'), '(mV)', 'n1 → iaf_psc_delta');
  c.setFieldValue('i', 'SOURCE');
  await tick();
  assert.equal(c.getFieldValue('WEIGHT_UNIT'), '(× current)', 'dc → iaf_psc_delta: a factor, not mV');
  c.setFieldValue('n', 'TARGET');
  await tick();
  assert.equal(c.getFieldValue('WEIGHT_UNIT'), '(× current)', 'dc → iaf_psc_alpha');
  c.setFieldValue('d', 'SOURCE');
  await tick();
  assert.equal(c.getFieldValue('WEIGHT_UNIT'), '(pA)', 'neuron → iaf_psc_alpha');
});
