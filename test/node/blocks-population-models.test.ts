/**
 * The population block with one row table per neuron model: the rows follow the MODEL dropdown,
 * typed values of a parameter both models share survive a switch, saved projects (the old shape
 * with I_e, V_th, tau_m) load unchanged, and "more parameters" offers the chosen model's
 * parameters only. Expected rows and defaults come from the table in blocks/nest/neurons.ts and
 * NEST 3.10's defaults (nest.GetDefaults), written out by hand.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as Blockly from 'blockly';
import firstExample from '../../blocks/examples/first-example.json';
import { registerNestBlocks } from '../../blocks/nest/index';
import { generateNest } from '../../generators/nest';

registerNestBlocks();

type B = Record<string, unknown>;
const sh = (type: string, v: number) => ({ shadow: { type, fields: { NUM: v } } });
const tick = () => new Promise((r) => setTimeout(r, 10));

const rowNames = (b: Blockly.Block) =>
  b.inputList.filter((i) => i.type === Blockly.inputs.inputTypes.VALUE).map((i) => i.name);
const num = (b: Blockly.Block, input: string) => b.getInputTargetBlock(input)?.getFieldValue('NUM');
const shadowType = (b: Blockly.Block, input: string) => b.getInputTargetBlock(input)?.type;

function load(blocks: B[], variables: [string, string][] = [['n1', 'v1']]): Blockly.Workspace {
  const ws = new Blockly.Workspace();
  Blockly.serialization.workspaces.load(
    {
      blocks: { languageVersion: 0, blocks: blocks.map((b, i) => ({ x: 0, y: i * 500, ...b })) },
      variables: variables.map(([name, id]) => ({ name, id, type: 'nest_node' })),
    },
    ws,
  );
  return ws;
}

const pop = (model: string, inputs: B = {}, extra: B = {}): B => ({
  type: 'nest_population', id: 'p', fields: { NAME: { id: 'v1' }, MODEL: model }, inputs: { N: sh('nest_count', 1), ...inputs }, ...extra,
});

test('each model shows its own rows, in order, between "how many" and "more parameters"', () => {
  const expected: Record<string, string[]> = {
    iaf_psc_alpha: ['I_e', 'V_th', 'tau_m'],
    iaf_psc_exp: ['I_e', 'V_th', 'tau_m'],
    iaf_psc_delta: ['I_e', 'V_th', 'tau_m'],
    iaf_cond_alpha: ['I_e', 'V_th', 'g_L'],
    iaf_cond_exp: ['I_e', 'V_th', 'g_L'],
    hh_psc_alpha: ['I_e', 'g_Na', 'g_K'],
    izhikevich: ['I_e', 'a', 'b', 'c', 'd'],
    aeif_cond_alpha: ['I_e', 'a', 'b', 'tau_w', 'Delta_T'],
    parrot_neuron: [],
  };
  for (const [model, rows] of Object.entries(expected)) {
    const b = load([pop(model)]).getBlockById('p')!;
    assert.deepEqual(rowNames(b), ['N', ...rows], model);
    assert.equal(b.inputList.at(-1)!.name, 'PARAMS', `${model}: more parameters stays last`);
  }
});

test('row labels name the parameter, its unit and what it means for that model', () => {
  const izh = load([pop('izhikevich')]).getBlockById('p')!;
  const label = (b: Blockly.Block, name: string) => b.getInput(name)!.fieldRow.map((f) => f.getText()).join(' ');
  assert.equal(label(izh, 'a'), 'recovery speed a');
  assert.equal(label(izh, 'c'), 'reset voltage c (mV)');
  const aeif = load([pop('aeif_cond_alpha')]).getBlockById('p')!;
  assert.equal(label(aeif, 'a'), 'subthreshold adaptation a (nS)');
  assert.equal(label(aeif, 'b'), 'spike adaptation b (pA)');
  const hh = load([pop('hh_psc_alpha')]).getBlockById('p')!;
  assert.equal(label(hh, 'g_Na'), 'sodium conductance g_Na (nS)');
});

/** A saved state without what Blockly adds on saving: ids of shadows, and the connect block's
 * fields at their defaults (synapse; autapses, multapses), which the example, older than these
 * fields, does not have. */
function normalized(state: unknown): unknown {
  return JSON.parse(JSON.stringify(state), function (key, value) {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      if ('shadow' in value && value.shadow && typeof value.shadow === 'object') delete value.shadow.id;
      if (value.SYNAPSE === 'static_synapse') delete value.SYNAPSE;
      if (value.ALLOW_AUTAPSES === true) delete value.ALLOW_AUTAPSES;
      if (value.ALLOW_MULTAPSES === true) delete value.ALLOW_MULTAPSES;
    }
    return value;
  });
}

test('the first example (the block\'s old shape: I_e, V_th, tau_m) loads and saves unchanged', () => {
  const ws = new Blockly.Workspace();
  Blockly.serialization.workspaces.load(structuredClone(firstExample), ws);
  const saved = Blockly.serialization.workspaces.save(ws);
  assert.deepEqual(normalized(saved.blocks), normalized(firstExample.blocks));
  const population = ws.getBlockById('n1')!;
  assert.deepEqual(rowNames(population), ['N', 'I_e', 'V_th', 'tau_m']);
  const code = generateNest(ws).code;
  assert.match(code, /^n1 = nest\.Create\("iaf_psc_alpha", 1\)$/m);
});

test('switching the model: a typed value of a shared parameter survives, defaults follow the new model', async () => {
  const ws = load([pop('iaf_psc_alpha', {
    I_e: sh('nest_slider_iaf_psc_alpha_I_e', 376),
    V_th: sh('nest_slider_iaf_psc_alpha_V_th', -55), // the default: not typed
    tau_m: sh('nest_slider_iaf_psc_alpha_tau_m', 20),
  })]);
  const b = ws.getBlockById('p')!;
  b.setFieldValue('iaf_cond_exp', 'MODEL');
  await tick();
  assert.deepEqual(rowNames(b), ['N', 'I_e', 'V_th', 'g_L']);
  assert.equal(num(b, 'I_e'), 376);
  assert.equal(shadowType(b, 'I_e'), 'nest_slider_iaf_cond_exp_I_e');
  assert.equal(num(b, 'V_th'), -55);
  assert.equal(num(b, 'g_L'), 16.6667, 'iaf_cond_exp default g_L (nS)');
  b.setFieldValue('izhikevich', 'MODEL');
  await tick();
  assert.deepEqual(rowNames(b), ['N', 'I_e', 'a', 'b', 'c', 'd']);
  assert.equal(num(b, 'I_e'), 376, 'typed I_e kept across two switches');
  assert.deepEqual(['a', 'b', 'c', 'd'].map((p) => num(b, p)), [0.02, 0.2, -65, 8]);
  assert.equal(shadowType(b, 'd'), 'nest_slider_izhikevich_d');
  // back to iaf_psc_alpha: V_th returns at its default, the typed tau_m was lost with its row
  b.setFieldValue('iaf_psc_alpha', 'MODEL');
  await tick();
  assert.equal(num(b, 'V_th'), -55);
  assert.equal(num(b, 'tau_m'), 10);
  const code = generateNest(ws).code;
  assert.match(code, /^n1 = nest\.Create\("iaf_psc_alpha", 1, params=\{"I_e": 376\.0\}\)$/m);
});

test('a default value follows the model: V_th of iaf_psc_alpha (−55) becomes aeif\'s own default when shared', async () => {
  const ws = load([pop('iaf_cond_alpha', { V_th: sh('nest_slider_iaf_cond_alpha_V_th', -55) })]);
  const b = ws.getBlockById('p')!;
  b.setFieldValue('iaf_psc_exp', 'MODEL');
  await tick();
  assert.equal(num(b, 'V_th'), -55);
  assert.equal(shadowType(b, 'V_th'), 'nest_slider_iaf_psc_exp_V_th');
});

test('a block plugged into a row that disappears is unplugged, not deleted', async () => {
  const ws = load([pop('iaf_psc_alpha', {
    tau_m: { ...sh('nest_slider_iaf_psc_alpha_tau_m', 10), block: { type: 'math_number', id: 'typed', fields: { NUM: 15 } } },
  })]);
  ws.getBlockById('p')!.setFieldValue('parrot_neuron', 'MODEL');
  await tick();
  const loose = ws.getBlockById('typed');
  assert.ok(loose, 'the number block still exists');
  assert.equal(loose.getParent(), null);
  assert.equal(generateNest(ws).code.match(/^n1 = .*$/m)![0], 'n1 = nest.Create("parrot_neuron", 1)');
});

test('a saved population of each new model loads with its rows and generates them', () => {
  const ws = load([pop('izhikevich', {
    I_e: sh('nest_slider_izhikevich_I_e', 10), a: sh('nest_slider_izhikevich_a', 0.1), d: sh('nest_slider_izhikevich_d', 2),
  })]);
  const saved = Blockly.serialization.workspaces.save(ws);
  const again = new Blockly.Workspace();
  Blockly.serialization.workspaces.load(saved, again);
  assert.deepEqual(Blockly.serialization.workspaces.save(again), saved);
  const g = generateNest(again);
  assert.match(g.code, /^n1 = nest\.Create\("izhikevich", 1, params=\{"I_e": 10\.0, "a": 0\.1, "d": 2\.0\}\)$/m);
  assert.deepEqual(g.problems, []);
});

test('"more parameters" offers the chosen model\'s parameters, without the rows the block shows', async () => {
  const param = (p: string): B => ({ type: 'nest_param', id: 'q', fields: { PARAM: p }, inputs: { VALUE: sh('math_number', 1) } });
  const ws = load([pop('izhikevich', { PARAMS: { block: param('U_m') } })]);
  const field = ws.getBlockById('q')!.getField('PARAM') as Blockly.FieldDropdown;
  const names = () => field.getOptions().map(([, v]) => v);
  assert.deepEqual(names().sort(), ['U_m', 'V_m', 'V_min', 'V_th', 'tau_minus']);
  ws.getBlockById('p')!.setFieldValue('iaf_psc_alpha', 'MODEL');
  await tick();
  // U_m is not an iaf_psc_alpha parameter: it stays the value, marked, and the generator says so
  assert.equal(field.getValue(), 'U_m');
  assert.match(field.getText(), /U_m — not a parameter here/);
  assert.ok(names().includes('C_m') && !names().includes('I_e') && !names().includes('a'));
  const g = generateNest(ws);
  assert.deepEqual(g.problems.map((p) => [p.blockId, p.message]), [['q', 'iaf_psc_alpha has no parameter "U_m".']]);
  // a parameter block on its own lists every parameter
  const loose = ws.newBlock('nest_param').getField('PARAM') as Blockly.FieldDropdown;
  assert.ok(loose.getOptions().length > 30);
});

test('a saved "more parameters" block keeps its parameter when it loads, even one its model lacks', () => {
  const ws = load([pop('hh_psc_alpha', {
    PARAMS: { block: { type: 'nest_param', id: 'q', fields: { PARAM: 'tau_m' }, inputs: { VALUE: sh('math_number', 5) } } },
  })]);
  assert.equal(ws.getBlockById('q')!.getFieldValue('PARAM'), 'tau_m');
  assert.deepEqual(generateNest(ws).problems.map((p) => p.message), ['hh_psc_alpha has no parameter "tau_m".']);
});

test('impossible parameters of the new models are flagged with NEST 3.10\'s text', () => {
  const withParam = (model: string, p: string, v: number) =>
    generateNest(load([pop(model, { PARAMS: { block: { type: 'nest_param', fields: { PARAM: p }, inputs: { VALUE: sh('math_number', v) } } } })]))
      .problems.map((x) => x.message);
  // texts from real NEST 3.10 (nest.Create(model, params={p: v}))
  assert.deepEqual(withParam('hh_psc_alpha', 'C_m', -1), ['BadProperty: Capacitance must be strictly positive.']);
  assert.deepEqual(withParam('aeif_cond_alpha', 'V_peak', -55), ['BadProperty: V_peak >= V_th required.']);
  assert.deepEqual(withParam('iaf_cond_exp', 'V_reset', -50), ['BadProperty: Reset potential must be smaller than threshold.']);
});

test('"change … of …" lists the parameters of the chosen node\'s model', () => {
  const ws = load([
    pop('izhikevich', {}, { next: { block: { type: 'nest_dc_generator', fields: { NAME: { id: 'v2' } },
      next: { block: { type: 'nest_set', id: 's', fields: { PARAM: 'amplitude', TARGET: { id: 'v2' } }, inputs: { VALUE: sh('math_number', 5) } } } } } }),
  ], [['n1', 'v1'], ['dc1', 'v2']]);
  const set = ws.getBlockById('s')!;
  const names = () => (set.getField('PARAM') as Blockly.FieldDropdown).getOptions().map(([, v]) => v);
  assert.deepEqual(names(), ['amplitude', 'start', 'stop', 'origin']);
  set.setFieldValue('v1', 'TARGET');
  assert.ok(names().includes('a') && names().includes('I_e') && !names().includes('C_m'));
  assert.equal(set.getFieldValue('PARAM'), 'amplitude', 'the value stays; the generator reports it');
  assert.deepEqual(generateNest(ws).problems.map((p) => p.message), ['izhikevich has no parameter "amplitude".']);
});
