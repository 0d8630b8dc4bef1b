/**
 * The NEST block definitions and the toolbox: data without side effects, a tooltip and help link
 * on every block, a shadow on every value input, sliders where models.ts knows a range, a toolbox
 * that names only registered blocks, and the behaviour of the block extensions.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as Blockly from 'blockly';
import { NEST_BLOCKS, registerNestBlocks } from '../../blocks/nest/index';
import { TOOLBOX } from '../../blocks/toolbox';
import firstExample from '../../blocks/examples/first-example.json';
import { NEST_MODELS } from '../../workers/engine/nest/models';

type Json = Record<string, unknown>;

test('importing the block modules registers nothing; registerNestBlocks does, twice without harm', () => {
  assert.ok(NEST_BLOCKS.length > 10);
  for (const d of NEST_BLOCKS) assert.equal(Blockly.Blocks[d.type as string], undefined, `${d.type} registered on import`);
  registerNestBlocks();
  registerNestBlocks();
  for (const d of NEST_BLOCKS) assert.ok(Blockly.Blocks[d.type as string], `${d.type} not registered`);
});

test('stable type names: every NEST block starts with nest_, no duplicates', () => {
  const types = NEST_BLOCKS.map((d) => d.type as string);
  assert.equal(new Set(types).size, types.length);
  for (const t of types) assert.match(t, /^nest_[a-z0-9_A-Z]+$/);
  for (const t of ['nest_population', 'nest_param', 'nest_poisson_generator', 'nest_dc_generator', 'nest_spike_generator',
    'nest_spike_recorder', 'nest_voltmeter', 'nest_multimeter', 'nest_connect', 'nest_kernel', 'nest_simulate', 'nest_set']) {
    assert.ok(types.includes(t), t);
  }
});

test('every block has a tooltip and a help link', () => {
  for (const d of NEST_BLOCKS) {
    assert.ok(typeof d.tooltip === 'string' && d.tooltip.length > 10, `${d.type} tooltip`);
    assert.ok(typeof d.helpUrl === 'string' && d.helpUrl.startsWith('https://nest-simulator.readthedocs.io/'), `${d.type} helpUrl`);
  }
});

test('model blocks link to their model page, the population block follows its dropdown', () => {
  registerNestBlocks();
  const find = (t: string) => NEST_BLOCKS.find((d) => d.type === t)!;
  assert.match(find('nest_poisson_generator').helpUrl as string, /models\/poisson_generator\.html$/);
  const ws = new Blockly.Workspace();
  const b = ws.newBlock('nest_population');
  b.setFieldValue('iaf_psc_delta', 'MODEL');
  const url = (b as unknown as { helpUrl: string | (() => string) }).helpUrl;
  assert.equal(typeof url === 'function' ? url() : url, 'https://nest-simulator.readthedocs.io/en/stable/models/iaf_psc_delta.html');
});

test('units are shown on the blocks, taken from models.ts', () => {
  registerNestBlocks();
  // the population's rows are made by its extension, for the chosen model
  const ws = new Blockly.Workspace();
  const pop = ws.newBlock('nest_population');
  const labels = pop.inputList.map((i) => i.fieldRow.map((f) => f.getText()).join(' '));
  assert.ok(labels.includes('input current I_e (pA)'), labels.join(' | '));
  assert.ok(labels.includes('threshold V_th (mV)'), labels.join(' | '));
  // the rows' words are Blockly messages (blocks/messages.ts): read them as a built block shows them
  const shown = (type: string) => ws.newBlock(type).inputList.map((i) => i.fieldRow.map((f) => f.getText()).join(' '));
  assert.ok(shown('nest_poisson_generator').includes('rate (spikes/s)'), shown('nest_poisson_generator').join(' | '));
  assert.ok(shown('nest_dc_generator').includes('amplitude (pA)'));
  const param = ws.newBlock('nest_param');
  const options = (param.getField('PARAM') as Blockly.FieldDropdown).getOptions().map(([label]) => label);
  assert.ok(options.includes('C_m (pF)'));
  assert.ok(shown('nest_connect').includes('delay (ms)'));
});

test('a slider shadow for every model parameter with a known range, with that range', () => {
  for (const m of Object.values(NEST_MODELS)) {
    for (const [p, info] of Object.entries(m.params)) {
      if (typeof info.default !== 'number' || info.min === undefined || info.max === undefined) continue;
      const d = NEST_BLOCKS.find((b) => b.type === `nest_slider_${m.name}_${p}`);
      assert.ok(d, `${m.name}.${p} has no slider`);
      const field = (d.args0 as Json[])[0];
      assert.equal(field.type, 'field_range_number');
      assert.equal(field.min, info.min);
      assert.equal(field.max, info.max);
    }
  }
});

// ---- the toolbox -----------------------------------------------------------------------------

function toolboxBlocks(): { category: string; block: Json }[] {
  const out: { category: string; block: Json }[] = [];
  for (const c of TOOLBOX.contents as Json[]) {
    for (const b of (c.contents as Json[] | undefined) ?? []) if (b.kind === 'block') out.push({ category: c.name as string, block: b });
  }
  return out;
}

test('toolbox: NEST categories first, then Logic, Loops, Math, Variables (dynamic)', () => {
  const names = (TOOLBOX.contents as Json[]).filter((c) => c.kind === 'category').map((c) => c.name);
  assert.deepEqual(names, ['Neurons', 'Stimuli', 'Recorders', 'Connections', 'Random', 'Simulation', 'Logic', 'Loops', 'Math', 'Variables']);
  const vars = (TOOLBOX.contents as Json[]).find((c) => c.name === 'Variables')!;
  assert.equal(vars.custom, 'VARIABLE');
  const colours = (TOOLBOX.contents as Json[]).slice(0, 6).map((c) => c.colour);
  assert.equal(new Set(colours).size, 6, 'one colour per NEST category');
});

test('toolbox names only registered block types (its shadows included)', () => {
  registerNestBlocks();
  const seen: string[] = [];
  const visit = (b: Json) => {
    seen.push(b.type as string);
    for (const input of Object.values((b.inputs as Record<string, Json>) ?? {})) {
      for (const k of ['shadow', 'block'] as const) if (input[k]) visit(input[k] as Json);
    }
  };
  for (const { block } of toolboxBlocks()) visit(block);
  assert.ok(seen.length > 20);
  for (const t of seen) assert.ok(Blockly.Blocks[t], `toolbox names unregistered block ${t}`);
});

test('every NEST block in the toolbox gives every value input a shadow, and loads cleanly', () => {
  registerNestBlocks();
  const ws = new Blockly.Workspace();
  for (const { block } of toolboxBlocks()) {
    if (!(block.type as string).startsWith('nest_')) continue;
    const b = Blockly.serialization.blocks.append(block as unknown as Blockly.serialization.blocks.State, ws);
    for (const input of b.inputList) {
      // a hidden rule number of nest_connect gets its shadow when its rule is chosen (blocks-connect-rules)
      if (input.type !== Blockly.inputs.inputTypes.VALUE || !input.isVisible()) continue;
      const target = input.connection!.targetBlock();
      assert.ok(target?.isShadow(), `${b.type}.${input.name} has no shadow in the toolbox`);
    }
  }
  // Every NEST block type with a value input appears in the toolbox.
  const inToolbox = new Set(toolboxBlocks().map(({ block }) => block.type));
  for (const d of NEST_BLOCKS) {
    const hasValue = JSON.stringify(d).includes('"input_value"');
    if (hasValue) assert.ok(inToolbox.has(d.type), `${d.type} missing from the toolbox`);
  }
});

test('toolbox shadows start at the model defaults from models.ts', () => {
  const pop = toolboxBlocks().find(({ block }) => block.type === 'nest_population')!.block as Json;
  const inputs = pop.inputs as Record<string, { shadow: { type: string; fields: { NUM: number } } }>;
  assert.equal(inputs.I_e.shadow.fields.NUM, NEST_MODELS.iaf_psc_alpha.params.I_e.default);
  assert.equal(inputs.V_th.shadow.fields.NUM, NEST_MODELS.iaf_psc_alpha.params.V_th.default);
  assert.equal(inputs.V_th.shadow.type, 'nest_slider_iaf_psc_alpha_V_th');
});

// ---- the first example -----------------------------------------------------------------------

test('first example: loads, every value input has a shadow, every node has its own variable', () => {
  registerNestBlocks();
  const ws = new Blockly.Workspace();
  Blockly.serialization.workspaces.load(firstExample, ws);
  const blocks = ws.getAllBlocks(true).filter((b) => !b.isShadow());
  assert.deepEqual(blocks.map((b) => b.type), [
    'nest_kernel', 'nest_poisson_generator', 'nest_population', 'nest_spike_recorder', 'nest_voltmeter',
    'nest_connect', 'nest_connect', 'nest_connect', 'nest_simulate',
  ]);
  for (const b of blocks) {
    for (const input of b.inputList) {
      if (input.type === Blockly.inputs.inputTypes.VALUE && input.isVisible()) assert.ok(input.connection!.targetBlock()?.isShadow(), `${b.type}.${input.name}`);
    }
  }
  const names = ws.getVariableMap().getAllVariables().map((x) => [x.getName(), x.getType()]).sort();
  assert.deepEqual(names, [['n1', 'nest_node'], ['pg1', 'nest_node'], ['sr1', 'nest_node'], ['vm1', 'nest_node']]);
});

// ---- extensions --------------------------------------------------------------------------------

const tick = () => new Promise((r) => setTimeout(r, 10));

test('a second population dropped into the workspace gets the next free name (n2)', async () => {
  registerNestBlocks();
  const ws = new Blockly.Workspace();
  Blockly.serialization.blocks.append({ type: 'nest_population' }, ws);
  await tick();
  const second = Blockly.serialization.blocks.append({ type: 'nest_population' }, ws);
  await tick();
  const pg = Blockly.serialization.blocks.append({ type: 'nest_poisson_generator' }, ws);
  await tick();
  assert.equal(second.getField('NAME')!.getText(), 'n2');
  assert.equal(pg.getField('NAME')!.getText(), 'pg1');
});

test('the weight unit follows the target model: mV for iaf_psc_delta, pA otherwise', async () => {
  registerNestBlocks();
  const ws = new Blockly.Workspace();
  Blockly.serialization.workspaces.load({
    variables: [{ name: 'n1', id: 'a', type: 'nest_node' }, { name: 'n2', id: 'b', type: 'nest_node' }],
    blocks: { languageVersion: 0, blocks: [
      { type: 'nest_population', id: 'p1', fields: { NAME: { id: 'a' }, MODEL: 'iaf_psc_delta' } },
      { type: 'nest_population', id: 'p2', y: 300, fields: { NAME: { id: 'b' }, MODEL: 'iaf_psc_alpha' } },
      { type: 'nest_connect', id: 'c', y: 600, fields: { SOURCE: { id: 'b' }, TARGET: { id: 'a' } } },
    ] },
  }, ws);
  await tick();
  const c = ws.getBlockById('c')!;
  assert.equal(c.getFieldValue('WEIGHT_UNIT'), '(mV)');
  c.setFieldValue('b', 'TARGET');
  await tick();
  assert.equal(c.getFieldValue('WEIGHT_UNIT'), '(pA)');
});

test('the population block offers every local neuron model, each row a parameter of its model', async () => {
  const { NEURON_MODELS: offered, rowsOf, MODEL_ROWS } = await import('../../blocks/nest/neurons');
  assert.deepEqual([...offered].sort(), ['aeif_cond_alpha', 'hh_psc_alpha', 'iaf_cond_alpha', 'iaf_cond_exp', 'iaf_psc_alpha',
    'iaf_psc_delta', 'iaf_psc_exp', 'izhikevich', 'parrot_neuron']);
  assert.equal(offered[0], 'iaf_psc_alpha', 'a new block starts as iaf_psc_alpha, as before');
  for (const m of offered) {
    assert.deepEqual(rowsOf(m), MODEL_ROWS[m], `${m}: every row of the table is a parameter of the model`);
    for (const p of rowsOf(m)) assert.equal(typeof NEST_MODELS[m].params[p].default, 'number', `${m}.${p}`);
  }
  assert.deepEqual(rowsOf('parrot_neuron'), []);
});
