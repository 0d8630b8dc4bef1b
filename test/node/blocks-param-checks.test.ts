/**
 * "More parameters" takes parameter rows only (blocks/nest/param-check.ts): a connect block, a
 * spike recorder or a loop cannot be put inside a neuron's or a stimulus's parameters, and a
 * parameter row cannot hang in the program — while everything else still fits where it did, and
 * every example, gallery entry, lesson (start and solution) and toolbox block loads with all its
 * blocks and comes back the same after a save and a load.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import * as Blockly from 'blockly';
import { NEST_BLOCKS, registerNestBlocks } from '../../blocks/nest/index';
import { loadKeepingMisplaced } from '../../blocks/nest/param-check';
import { registerNorseBlocks } from '../../blocks/norse/index';
import { NEST_TOOLBOX, NORSE_TOOLBOX } from '../../blocks/toolbox';

registerNestBlocks();
registerNorseBlocks();

/** Block types with a "more parameters" input (read from the definitions, so a new one is covered). */
const WITH_PARAMS = NEST_BLOCKS.filter((d) => Object.entries(d).some(([k, v]) => k.startsWith('args') && (v as { name?: string }[]).some((a) => a.name === 'PARAMS'))).map((d) => d.type as string);

/** Tries to put `child` into `parent`'s input (or below `parent` when `input` is 'next'); says whether it holds. */
function tryConnect(ws: Blockly.Workspace, parentType: string, input: string, childType: string): boolean {
  const parent = ws.newBlock(parentType);
  const child = ws.newBlock(childType);
  const target = input === 'next' ? parent.nextConnection! : parent.getInput(input)!.connection!;
  const allowed = ws.connectionChecker.canConnect(child.previousConnection, target, false);
  target.connect(child.previousConnection!);
  const held = child.getParent() === parent;
  assert.equal(held, allowed, `${childType} → ${parentType}.${input}: the checker and connect() disagree`);
  return held;
}

test('the blocks with "more parameters" are the neuron and every stimulus block', () => {
  assert.deepEqual(WITH_PARAMS.sort(), ['nest_ac_generator', 'nest_dc_generator', 'nest_noise_generator', 'nest_poisson_generator', 'nest_population', 'nest_spike_generator', 'nest_step_current_generator']);
});

test('only a parameter row fits into "more parameters"', () => {
  const ws = new Blockly.Workspace();
  try {
    for (const host of WITH_PARAMS) {
      assert.equal(tryConnect(ws, host, 'PARAMS', 'nest_param'), true, `a parameter row into ${host}`);
      for (const stranger of ['nest_connect', 'nest_spike_recorder', 'nest_multimeter', 'nest_simulate', 'nest_population', 'nest_poisson_generator', 'controls_repeat_ext', 'norse_lif']) {
        assert.equal(tryConnect(ws, host, 'PARAMS', stranger), false, `${stranger} must not fit into ${host}'s parameters`);
      }
    }
    // rows stack under rows, inside the input
    const pop = ws.newBlock('nest_population');
    const first = ws.newBlock('nest_param');
    const second = ws.newBlock('nest_param');
    pop.getInput('PARAMS')!.connection!.connect(first.previousConnection!);
    first.nextConnection!.connect(second.previousConnection!);
    assert.equal(second.getParent(), first);
    assert.equal(tryConnect(ws, 'nest_param', 'next', 'nest_connect'), false, 'a connect block under a parameter row');
  } finally {
    ws.dispose();
  }
});

test('a parameter row fits nowhere else; the other blocks fit where they did', () => {
  const ws = new Blockly.Workspace();
  try {
    for (const [parent, input] of [['nest_connect', 'next'], ['nest_population', 'next'], ['nest_simulate', 'next'], ['controls_repeat_ext', 'DO']] as const) {
      assert.equal(tryConnect(ws, parent, input, 'nest_param'), false, `a parameter row into ${parent}.${input}`);
    }
    assert.equal(tryConnect(ws, 'nest_population', 'next', 'nest_connect'), true);
    assert.equal(tryConnect(ws, 'nest_population', 'next', 'nest_spike_recorder'), true);
    assert.equal(tryConnect(ws, 'controls_repeat_ext', 'DO', 'nest_simulate'), true);
    assert.equal(tryConnect(ws, 'nest_kernel', 'next', 'controls_repeat_ext'), true);
    // Norse's own typed input is untouched: layers inside a container, not elsewhere
    assert.equal(tryConnect(ws, 'norse_sequential', 'LAYERS', 'norse_seq_lif'), true);
    assert.equal(tryConnect(ws, 'norse_sequential', 'LAYERS', 'nest_param'), false);
  } finally {
    ws.dispose();
  }
});

test('a saved project with a connect block inside the parameters does not load silently wrong', () => {
  const state = {
    blocks: { languageVersion: 0, blocks: [{
      type: 'nest_population', x: 0, y: 0,
      inputs: { PARAMS: { block: { type: 'nest_connect' } } },
    }] },
  };
  const ws = new Blockly.Workspace();
  try {
    assert.throws(() => Blockly.serialization.workspaces.load(state, ws), /connect|check/i);
  } finally {
    ws.dispose();
  }
});

test('an older project with blocks in the wrong place still loads: they lie beside, none is lost', () => {
  // saved before the check: a connect block (with a recorder under it) inside n1's parameters,
  // after a proper row, and a parameter row under the simulate block
  const state = {
    blocks: { languageVersion: 0, blocks: [{
      type: 'nest_population', id: 'pop', x: 0, y: 0,
      inputs: { PARAMS: { block: { type: 'nest_param', id: 'row', fields: { PARAM: 'C_m' },
        next: { block: { type: 'nest_connect', id: 'conn', next: { block: { type: 'nest_spike_recorder', id: 'rec' } } } } } } },
      next: { block: { type: 'nest_simulate', id: 'sim', next: { block: { type: 'nest_param', id: 'stray', fields: { PARAM: 't_ref' } } } } },
    }] },
  };
  const ws = new Blockly.Workspace();
  try {
    loadKeepingMisplaced(state, ws);
    assert.deepEqual(ws.getAllBlocks(false).map((b) => b.id).sort(), ['conn', 'pop', 'rec', 'row', 'sim', 'stray'], 'no block lost');
    assert.deepEqual(ws.getTopBlocks(true).map((b) => b.id).sort(), ['conn', 'pop', 'stray'], 'the misplaced stacks lie on their own');
    assert.equal(ws.getBlockById('pop')!.getInputTargetBlock('PARAMS')!.id, 'row', 'the proper row stays');
    assert.equal(ws.getBlockById('row')!.getNextBlock(), null);
    assert.equal(ws.getBlockById('rec')!.getParent()!.id, 'conn', 'the recorder stays under its connect block');
    assert.equal(ws.getBlockById('sim')!.getParent()!.id, 'pop');
    // and the workspace checks strictly again afterwards
    assert.equal(tryConnect(ws, 'nest_population', 'PARAMS', 'nest_connect'), false);
  } finally {
    ws.dispose();
  }
});

type Json = { [key: string]: unknown };

/** The blocks a saved state makes: each input or next makes its block, or its shadow when it has no block. */
function countBlocks(block: Json): number {
  let n = 1;
  const places = [...Object.values((block.inputs ?? {}) as Record<string, Json>), ...(block.next ? [block.next as Json] : [])];
  for (const place of places) {
    const made = (place.block ?? place.shadow) as Json | undefined;
    if (made) n += countBlocks(made);
  }
  return n;
}

function countInState(state: Json): number {
  return (((state.blocks as Json | undefined)?.blocks ?? []) as Json[]).reduce((sum, b) => sum + countBlocks(b), 0);
}

/** Loads a workspace state, saves it and loads that again: no block may go missing on the way. */
function roundTrip(name: string, state: Json): number {
  const expected = countInState(state);
  assert.ok(expected > 0, `${name}: no blocks`);
  const ws = new Blockly.Workspace();
  try {
    Blockly.serialization.workspaces.load(state, ws);
    assert.equal(ws.getAllBlocks(false).length, expected, `${name}: blocks lost while loading`);
    const saved = Blockly.serialization.workspaces.save(ws);
    ws.clear();
    Blockly.serialization.workspaces.load(saved, ws);
    assert.equal(ws.getAllBlocks(false).length, expected, `${name}: blocks lost after saving`);
    assert.deepEqual(Blockly.serialization.workspaces.save(ws), saved, `${name}: changed by a save and a load`);
    return expected;
  } finally {
    ws.dispose();
  }
}

const ROOT = resolve(import.meta.dirname, '../..');
const json = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Json;

test('every example (the gallery\'s too) loads with all its blocks and survives a save and a load', () => {
  const dir = resolve(ROOT, 'blocks/examples');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  assert.ok(files.length >= 12, `only ${files.length} examples`);
  let params = 0;
  for (const file of files) {
    const state = json(resolve(dir, file));
    roundTrip(file, state);
    params += JSON.stringify(state).split('"nest_param"').length - 1;
  }
  assert.ok(params > 5, `the examples use only ${params} parameter rows: the check above checked little`);
});

test('every lesson\'s start and solution load with all their blocks and survive a save and a load', () => {
  const dir = resolve(ROOT, 'lessons');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'index.json');
  assert.ok(files.length >= 10, `only ${files.length} lessons`);
  for (const file of files) {
    const lesson = json(resolve(dir, file));
    for (const which of ['start', 'solution'] as const) roundTrip(`${file} ${which}`, lesson[which] as Json);
  }
});

test('every block the toolboxes offer loads with its rows', () => {
  const items: Json[] = [];
  const walk = (list: unknown[]) => {
    for (const item of list as Json[]) {
      if (item.kind === 'block') items.push(item);
      if (Array.isArray(item.contents)) walk(item.contents);
    }
  };
  walk(NEST_TOOLBOX.contents);
  walk(NORSE_TOOLBOX.contents);
  const withRows = items.filter((i) => JSON.stringify(i).includes('"nest_param"'));
  assert.ok(withRows.length >= 3, 'the toolbox offers blocks with parameter rows in them');
  for (const item of items) {
    const { kind: _kind, ...block } = item;
    roundTrip(`toolbox ${String(item.type)}`, { blocks: { languageVersion: 0, blocks: [block] } });
  }
});
