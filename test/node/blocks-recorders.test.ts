/**
 * The multimeter block's checkbox row follows the model of the neurons it is connected to (the
 * connect blocks of the workspace say which), shows iaf_psc_alpha's recordables while that is
 * not known, never hides a ticked box, and keeps every REC_* field, so saved projects load their
 * ticks and generate the same code. Expected recordables are NEST 3.10's (recordables of
 * nest.GetDefaults(model)), written out by hand; expected code lines are written by hand.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as Blockly from 'blockly';
import firstExample from '../../blocks/examples/first-example.json';
import { registerNestBlocks } from '../../blocks/nest/index';
import { neuronRecordables, recordableField } from '../../blocks/nest/recorders';
import { generateNest } from '../../generators/nest';

registerNestBlocks();

type B = Record<string, unknown>;
const tick = () => new Promise((r) => setTimeout(r, 10));
const sh = (type: string, v: number) => ({ shadow: { type, fields: { NUM: v } } });

/** The recordables whose checkbox the learner sees, in the order of the block's row. */
const shown = (b: Blockly.Block) =>
  b.getInput('RECORD')!.fieldRow.filter((f) => f instanceof Blockly.FieldCheckbox && f.isVisible()).map((f) => f.name!.slice('REC_'.length));
/** Each box has its label just before it, shown or hidden with it. */
function labelsMatch(b: Blockly.Block): void {
  const row = b.getInput('RECORD')!.fieldRow;
  row.forEach((f, i) => {
    if (!(f instanceof Blockly.FieldCheckbox)) return;
    const r = f.name!.slice('REC_'.length);
    assert.equal(row[i - 1].name, `REC_LABEL_${r}`);
    assert.equal(row[i - 1].getText(), r);
    assert.equal(row[i - 1].isVisible(), f.isVisible(), `label of ${r}`);
  });
}

function load(blocks: B[], variables: [string, string][]): Blockly.Workspace {
  const ws = new Blockly.Workspace();
  Blockly.serialization.workspaces.load(
    {
      blocks: { languageVersion: 0, blocks: blocks.map((b, i) => ({ x: 0, y: i * 300, ...b })) },
      variables: variables.map(([name, id]) => ({ name, id, type: 'nest_node' })),
    },
    ws,
  );
  return ws;
}

const pop = (id: string, varId: string, model: string): B => ({
  type: 'nest_population', id, fields: { NAME: { id: varId }, MODEL: model }, inputs: { N: sh('nest_count', 1) },
});
const mm = (fields: B = {}): B => ({
  type: 'nest_multimeter', id: 'mm', fields: { NAME: { id: 'vmm' }, ...fields }, inputs: { interval: sh('nest_slider_multimeter_interval', 0.1) },
});
const connect = (id: string, source: string, target: string): B => ({
  type: 'nest_connect', id, fields: { SOURCE: { id: source }, TARGET: { id: target }, RULE: 'all_to_all' },
});

/** Blocks stacked in order (the generator reads one stack top to bottom). */
function chain(blocks: B[]): B {
  const [first, ...rest] = blocks;
  return rest.length ? { ...first, next: { block: chain(rest) } } : first;
}

const VARS: [string, string][] = [['n1', 'vn1'], ['n2', 'vn2'], ['mm1', 'vmm']];

test('not connected: the boxes of iaf_psc_alpha (I_syn_ex, I_syn_in, V_m), V_m ticked, and a tooltip that says so', async () => {
  const ws = load([mm()], VARS);
  await tick();
  const b = ws.getBlockById('mm')!;
  assert.deepEqual(shown(b), ['I_syn_ex', 'I_syn_in', 'V_m']);
  labelsMatch(b);
  assert.equal(b.getFieldValue('REC_V_m'), 'TRUE');
  const tip = String(typeof b.tooltip === 'function' ? b.tooltip() : b.tooltip);
  assert.match(tip, /iaf_psc_alpha/);
  assert.match(tip, /connect mm1 → n1/);
  ws.dispose();
});

test('a new multimeter has every box while it is built (so saved ticks load), the default ones right after', async () => {
  const ws = new Blockly.Workspace();
  const b = ws.newBlock('nest_multimeter');
  assert.deepEqual(shown(b), neuronRecordables());
  for (const r of ['g_ex', 'w', 'U_m', 'Act_m']) assert.ok(neuronRecordables().includes(r), r);
  await Promise.resolve(); // no change event needed: the editor loads projects with events off
  assert.deepEqual(shown(b), ['I_syn_ex', 'I_syn_in', 'V_m']);
  labelsMatch(b);
  ws.dispose();
});

test('a project loaded with events off still shows the model of the connected neurons', async () => {
  Blockly.Events.disable();
  let ws: Blockly.Workspace;
  try {
    ws = load([chain([pop('p1', 'vn1', 'aeif_cond_alpha'), mm(), connect('c', 'vmm', 'vn1')])], VARS);
  } finally {
    Blockly.Events.enable();
  }
  await Promise.resolve();
  assert.deepEqual(shown(ws.getBlockById('mm')!), ['V_m', 'g_ex', 'g_in', 'w']);
  ws.dispose();
});

test('connected to a population: the boxes of its model, and they follow a change of model', async () => {
  const ws = load([chain([pop('p1', 'vn1', 'aeif_cond_alpha'), mm(), connect('c', 'vmm', 'vn1')])], VARS);
  await tick();
  const b = ws.getBlockById('mm')!;
  assert.deepEqual(shown(b), ['V_m', 'g_ex', 'g_in', 'w']);
  labelsMatch(b);
  assert.match(String(b.tooltip), /aeif_cond_alpha/);

  ws.getBlockById('p1')!.setFieldValue('hh_psc_alpha', 'MODEL');
  await tick();
  assert.deepEqual(shown(b), ['I_syn_ex', 'I_syn_in', 'V_m', 'Act_m', 'Act_n', 'Inact_h']);

  ws.getBlockById('p1')!.setFieldValue('izhikevich', 'MODEL');
  await tick();
  assert.deepEqual(shown(b), ['V_m', 'U_m']);

  // the connection removed: back to the default model's boxes
  ws.getBlockById('c')!.dispose(true);
  await tick();
  assert.deepEqual(shown(b), ['I_syn_ex', 'I_syn_in', 'V_m']);
  ws.dispose();
});

test('connected to two models: the boxes of both; connected the wrong way round: still its model', async () => {
  const ws = load(
    [chain([pop('p1', 'vn1', 'iaf_cond_exp'), pop('p2', 'vn2', 'iaf_psc_exp'), mm(), connect('c1', 'vmm', 'vn1'), connect('c2', 'vn2', 'vmm')])],
    VARS,
  );
  await tick();
  assert.deepEqual(shown(ws.getBlockById('mm')!), ['I_syn_ex', 'I_syn_in', 'V_m', 'g_ex', 'g_in']);
  ws.dispose();
});

test('connected to a stimulus or a recorder only: the default boxes (no neuron model to follow)', async () => {
  const ws = load(
    [chain([{ type: 'nest_dc_generator', id: 'dc', fields: { NAME: { id: 'vn1' } } }, mm(), connect('c', 'vmm', 'vn1')])],
    VARS,
  );
  await tick();
  assert.deepEqual(shown(ws.getBlockById('mm')!), ['I_syn_ex', 'I_syn_in', 'V_m']);
  ws.dispose();
});

test('a ticked box the model lacks stays shown (to be unticked) and is still recorded', async () => {
  const ws = load(
    [chain([pop('p1', 'vn1', 'aeif_cond_alpha'), mm({ REC_V_m: true, REC_w: true }), connect('c', 'vmm', 'vn1')])],
    VARS,
  );
  await tick();
  const b = ws.getBlockById('mm')!;
  ws.getBlockById('p1')!.setFieldValue('iaf_psc_alpha', 'MODEL');
  await tick();
  assert.deepEqual(shown(b), ['I_syn_ex', 'I_syn_in', 'V_m', 'w']);
  b.setFieldValue('FALSE', 'REC_w');
  await tick();
  assert.deepEqual(shown(b), ['I_syn_ex', 'I_syn_in', 'V_m']);
  labelsMatch(b);
  // V_m unticked on a parrot_neuron (which records nothing): its box stays, hidden, so the
  // project saves V_m as unticked (a missing field would load as V_m's default, ticked)
  b.setFieldValue('FALSE', 'REC_V_m');
  ws.getBlockById('p1')!.setFieldValue('parrot_neuron', 'MODEL');
  await tick();
  assert.deepEqual(shown(b), []);
  assert.equal(b.getFieldValue('REC_V_m'), 'FALSE');
  const saved = Blockly.serialization.blocks.save(b) as { fields: B };
  assert.equal(saved.fields.REC_V_m, false);
  ws.dispose();
});

test('saved project: every tick loads, saves back unchanged and generates the same code', async () => {
  // a multimeter as the block saved it before the row followed the model: every REC_* field
  const oldFields: B = Object.fromEntries(neuronRecordables().map((r) => [recordableField(r), false]));
  Object.assign(oldFields, { REC_V_m: true, REC_g_ex: true });
  const ws = load([chain([pop('p1', 'vn1', 'iaf_cond_alpha'), mm(oldFields), connect('c', 'vmm', 'vn1')])], VARS);
  const b = ws.getBlockById('mm')!;
  await tick();
  assert.deepEqual(shown(b), ['V_m', 'g_ex', 'g_in', 't_ref_remaining']);
  const code = generateNest(ws).code;
  assert.ok(code.includes('mm1 = nest.Create("multimeter", 1, params={"record_from": ["V_m", "g_ex"], "interval": 0.1})\n'), code);
  assert.ok(code.includes('nest.Connect(mm1, n1, conn_spec={"rule": "all_to_all"})\n'), code);
  // saved again: the shown boxes, with the loaded ticks; a box left out was unticked, which is
  // what a missing field loads as (also in the block as it was before)
  const saved = Blockly.serialization.blocks.save(b, { addNextBlocks: false }) as { fields: B };
  const { NAME: _name, ...savedTicks } = saved.fields;
  assert.deepEqual(savedTicks, { REC_V_m: true, REC_g_ex: true, REC_g_in: false, REC_t_ref_remaining: false });
  const again = new Blockly.Workspace();
  Blockly.serialization.workspaces.load(Blockly.serialization.workspaces.save(ws), again);
  await tick();
  assert.equal(generateNest(again).code, code);
  again.dispose();
  ws.dispose();
});

test('first example: loads and generates the same code as before, and a multimeter added to it records V_m of n1', async () => {
  const ws = new Blockly.Workspace();
  Blockly.serialization.workspaces.load(firstExample, ws);
  await tick();
  const before = generateNest(ws);
  assert.deepEqual(before.problems, []);
  // no multimeter in the example: the recorder list is as the example made it
  assert.deepEqual(before.recorders.map((r) => r.model).sort(), ['spike_recorder', 'voltmeter']);
  // the project saved and loaded again gives the same program
  const again = new Blockly.Workspace();
  Blockly.serialization.workspaces.load(Blockly.serialization.workspaces.save(ws), again);
  await tick();
  assert.equal(generateNest(again).code, before.code);

  // add a multimeter (default ticks: V_m only) recording n1 of the example
  const n1 = ws.getVariableMap().getVariable('n1', 'nest_node')!;
  const m = Blockly.serialization.blocks.append(
    { type: 'nest_multimeter', fields: { NAME: { id: ws.getVariableMap().createVariable('mm1', 'nest_node').getId() } }, inputs: { interval: sh('nest_slider_multimeter_interval', 0.1) } },
    ws,
  );
  const link = Blockly.serialization.blocks.append(
    { type: 'nest_connect', fields: { SOURCE: { id: m.getFieldValue('NAME') }, TARGET: { id: n1.getId() }, RULE: 'all_to_all' } },
    ws,
  );
  // put them after the population, before the simulate block: the last block of the first stack before simulate
  const top = ws.getTopBlocks(true).find((t) => t.type === 'nest_kernel')!;
  let simulate: Blockly.Block | null = top;
  while (simulate && simulate.type !== 'nest_simulate') simulate = simulate.getNextBlock();
  const beforeSim = simulate!.getPreviousBlock()!;
  beforeSim.nextConnection!.connect(m.previousConnection!);
  m.nextConnection!.connect(link.previousConnection!);
  link.nextConnection!.connect(simulate!.previousConnection!);
  await tick();
  assert.deepEqual(shown(m), ['I_syn_ex', 'I_syn_in', 'V_m'], 'n1 is an iaf_psc_alpha');
  const code = generateNest(ws).code;
  assert.ok(code.includes('mm1 = nest.Create("multimeter", 1, params={"record_from": ["V_m"], "interval": 0.1})\n'), code);
  assert.ok(code.includes('nest.Connect(mm1, n1, conn_spec={"rule": "all_to_all"})\n'), code);
  ws.dispose();
  again.dispose();
});
