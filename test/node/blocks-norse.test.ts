/**
 * The Norse block definitions, their toolbox and the plugin entry: data without side effects, a
 * tooltip and a Norse help link on every block, one colour per category, a shadow on every number
 * input, Norse's defaults on the parameter blocks, fresh names, and the registry wiring.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as Blockly from 'blockly';
import { NORSE_BLOCKS, registerNorseBlocks, forgetUnusedNorseNames } from '../../blocks/norse/index';
import { NEST_TOOLBOX, NORSE_TOOLBOX, TOOLBOX } from '../../blocks/toolbox';
import { NEST_PLUGIN, NORSE_PLUGIN, SIMULATORS, SIMULATOR_IDS, simulator } from '../../src/registry';

type Json = Record<string, unknown>;

test('importing the block modules registers nothing; registerNorseBlocks does, twice without harm', () => {
  assert.ok(NORSE_BLOCKS.length >= 20);
  for (const d of NORSE_BLOCKS) assert.equal(Blockly.Blocks[d.type as string], undefined, `${d.type} registered on import`);
  registerNorseBlocks();
  registerNorseBlocks();
  for (const d of NORSE_BLOCKS) assert.ok(Blockly.Blocks[d.type as string], `${d.type} not registered`);
});

test('stable type names: every Norse block starts with norse_, no duplicates, the saved ones present', () => {
  const types = NORSE_BLOCKS.map((d) => d.type as string);
  assert.equal(new Set(types).size, types.length);
  for (const t of types) assert.match(t, /^norse_[a-z0-9_]+$/);
  for (const t of ['norse_settings', 'norse_constant', 'norse_rand', 'norse_randn', 'norse_step_current', 'norse_spike_train',
    'norse_values', 'norse_poisson_encoder', 'norse_constant_current_encoder', 'norse_spike_latency_encoder', 'norse_lif',
    'norse_li', 'norse_lif_recurrent', 'norse_lif_box', 'norse_linear', 'norse_lif_parameters', 'norse_sequential', 'norse_record']) {
    assert.ok(types.includes(t), t);
  }
});

test('every block has a tooltip and a Norse documentation link', () => {
  for (const d of NORSE_BLOCKS) {
    assert.ok(typeof d.tooltip === 'string' && d.tooltip.length > 10, `${d.type} tooltip`);
    assert.ok(typeof d.helpUrl === 'string' && d.helpUrl.startsWith('https://norse.github.io/norse/'), `${d.type} helpUrl`);
  }
});

test('the LIF parameter block explains the units and shows Norse\'s defaults', () => {
  // the tooltip is a Blockly message (blocks/messages.ts): read it from a built block
  registerNorseBlocks();
  const tip = new Blockly.Workspace().newBlock('norse_lif_parameters').tooltip as string;
  assert.match(tip, /dt is in seconds/);
  assert.match(tip, /1\/s/);
  for (const s of ['tau_syn_inv 200', 'tau_mem_inv 100', 'v_leak 0', 'v_th 1', 'v_reset 0']) assert.ok(tip.includes(s), s);
  // the defaults the toolbox puts in: Norse 1.1's (norse.md), written here by hand
  const layers = (NORSE_TOOLBOX.contents as Json[]).find((c) => c.name === 'Layers')!;
  const params = (layers.contents as Json[]).find((b) => b.type === 'norse_lif_parameters')!;
  const values = Object.fromEntries(Object.entries(params.inputs as Record<string, Json>).map(([k, x]) => [k, ((x.shadow as Json).fields as Json).NUM]));
  assert.deepEqual(values, { tau_syn_inv: 200, tau_mem_inv: 100, v_leak: 0, v_th: 1, v_reset: 0 });
  assert.equal((params.fields as Json).METHOD, 'super');
  registerNorseBlocks();
  const ws = new Blockly.Workspace();
  const b = ws.newBlock('norse_lif_parameters');
  const labels = b.inputList.map((i) => i.fieldRow.map((f) => f.getText()).join(' '));
  assert.ok(labels.includes('tau_mem_inv (1/s)'), labels.join(' | '));
  const settings = ws.newBlock('norse_settings');
  assert.ok(settings.inputList.some((i) => i.fieldRow.map((f) => f.getText()).join(' ') === 'time step dt (s)'), 'dt row says seconds');
});

// ---- the toolbox -----------------------------------------------------------------------------

function toolboxBlocks(toolbox: { contents: unknown[] }): { category: string; block: Json }[] {
  const out: { category: string; block: Json }[] = [];
  for (const c of toolbox.contents as Json[]) {
    for (const b of (c.contents as Json[] | undefined) ?? []) if (b.kind === 'block') out.push({ category: c.name as string, block: b });
  }
  return out;
}

test('Norse toolbox: its own five categories, one colour each', () => {
  const cats = (NORSE_TOOLBOX.contents as Json[]).filter((c) => c.kind === 'category');
  assert.deepEqual(cats.map((c) => c.name), ['Inputs', 'Encoders', 'Layers', 'Containers', 'Recording']);
  assert.equal(new Set(cats.map((c) => c.colour)).size, 5);
  // each block's colour is its category's colour
  const colourOf = new Map(NORSE_BLOCKS.map((d) => [d.type as string, d.colour]));
  for (const { category, block } of toolboxBlocks(NORSE_TOOLBOX)) {
    const cat = cats.find((c) => c.name === category)!;
    assert.equal(String(colourOf.get(block.type as string)), cat.colour, `${block.type} in ${category}`);
  }
});

test('Norse toolbox names only registered blocks, gives every value input a shadow or block, holds every block', () => {
  registerNorseBlocks();
  const ws = new Blockly.Workspace();
  const seen = new Set<string>();
  const visit = (b: Json) => {
    seen.add(b.type as string);
    for (const input of Object.values((b.inputs as Record<string, Json>) ?? {})) {
      for (const k of ['shadow', 'block'] as const) if (input[k]) visit(input[k] as Json);
    }
    if (b.next) visit((b.next as Json).block as Json);
  };
  for (const { block } of toolboxBlocks(NORSE_TOOLBOX)) {
    visit(block);
    const b = Blockly.serialization.blocks.append(block as unknown as Blockly.serialization.blocks.State, ws);
    for (const input of b.inputList) {
      if (input.type !== Blockly.inputs.inputTypes.VALUE) continue;
      const target = input.connection!.targetBlock();
      // number inputs come with a shadow; parameter inputs with a (removable) parameter block
      if (input.name === 'P') assert.ok(target && !target.isShadow(), `${b.type}.P has no parameter block`);
      else assert.ok(target?.isShadow(), `${b.type}.${input.name} has no shadow in the toolbox`);
    }
  }
  for (const t of seen) assert.ok(Blockly.Blocks[t], `toolbox names unregistered block ${t}`);
  for (const d of NORSE_BLOCKS) {
    const t = d.type as string;
    if (t === 'norse_count' || t === 'norse_seed') continue; // shadows only
    assert.ok(seen.has(t), `${t} is not in the toolbox`);
  }
});

test('a parameter block plugs only into layers of its own class', () => {
  registerNorseBlocks();
  const ws = new Blockly.Workspace();
  const li = ws.newBlock('norse_li');
  const lifParams = ws.newBlock('norse_lif_parameters');
  const liParams = ws.newBlock('norse_li_parameters');
  const input = li.getInput('P')!.connection!;
  assert.equal(input.getConnectionChecker().canConnect(input, lifParams.outputConnection!, false), false);
  assert.equal(input.getConnectionChecker().canConnect(input, liParams.outputConnection!, false), true);
});

test('a second naming block dropped in takes a fresh name; a name no block uses is forgotten', async () => {
  registerNorseBlocks();
  const ws = new Blockly.Workspace();
  const state = { type: 'norse_lif', fields: { NAME: { name: 'lif1', type: 'norse_tensor' } } } as unknown as Blockly.serialization.blocks.State;
  const a = Blockly.serialization.blocks.append(state, ws);
  await new Promise((r) => setTimeout(r, 10)); // Blockly fires events on a timer
  const b = Blockly.serialization.blocks.append(state, ws);
  await new Promise((r) => setTimeout(r, 10));
  const name = (x: Blockly.Block) => x.getField('NAME')!.getText();
  assert.equal(name(a), 'lif1');
  assert.equal(name(b), 'lif2');
  ws.addChangeListener((e) => forgetUnusedNorseNames(ws, e));
  b.dispose();
  await new Promise((r) => setTimeout(r, 10));
  // lif2 goes with its block; x1 stays: block a still takes it as its input
  assert.deepEqual(ws.getVariableMap().getVariablesOfType('norse_tensor').map((v) => v.getName()).sort(), ['lif1', 'x1']);
});

// ---- the registry ----------------------------------------------------------------------------

test('registry: NEST first (the app opens it), then Norse, each with its own toolbox and examples', () => {
  assert.deepEqual(SIMULATOR_IDS, ['nest', 'norse']);
  assert.equal(SIMULATORS[0], NEST_PLUGIN);
  assert.equal(NEST_PLUGIN.toolbox, NEST_TOOLBOX);
  assert.equal(TOOLBOX, NEST_TOOLBOX, 'the old name still means the NEST toolbox');
  assert.equal(simulator('norse'), NORSE_PLUGIN);
  assert.equal(NORSE_PLUGIN.label, 'Norse');
  assert.equal(NORSE_PLUGIN.toolbox, NORSE_TOOLBOX);
  assert.deepEqual(NORSE_PLUGIN.examples.map((e) => e.id), ['norse-lif', 'norse-two-layers']);
  assert.throws(() => simulator('brian2'), /Unknown simulator/);
});

test('every example of every plugin loads into its plugin\'s blocks and generates without problems', () => {
  for (const plugin of SIMULATORS) {
    plugin.registerBlocks();
    for (const ex of plugin.examples) {
      const ws = new Blockly.Workspace();
      Blockly.serialization.workspaces.load(ex.workspace, ws);
      const g = plugin.generate(ws);
      assert.deepEqual(g.problems, [], `${plugin.id}/${ex.id}`);
      assert.ok(g.recorders.length > 0, `${plugin.id}/${ex.id} records something`);
      // a saved example has every block it names (Blockly drops nothing)
      const saved = JSON.stringify(Blockly.serialization.workspaces.save(ws));
      for (const id of (JSON.stringify(ex.workspace).match(/"id":"[^"]+"/g) ?? [])) assert.ok(saved.includes(id), `${ex.id} lost ${id}`);
    }
  }
});
