/**
 * The connect block's rule rows: the number a rule needs (indegree, outdegree, N, p) is shown only
 * for that rule, with its default as a number shadow; the allow autapses / multapses row only for
 * the random rules. Option values of the rule dropdown are stored in saved projects.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as Blockly from 'blockly';
import { registerNestBlocks } from '../../blocks/nest/index';
import { TOOLBOX } from '../../blocks/toolbox';

registerNestBlocks();

const RULE_ROWS = ['INDEGREE', 'OUTDEGREE', 'N', 'P', 'ALLOW_ROW'];

function connectBlock(fields: Record<string, unknown> = {}, inputs: Record<string, unknown> = {}): Blockly.Block {
  const ws = new Blockly.Workspace();
  Blockly.serialization.workspaces.load(
    {
      blocks: {
        languageVersion: 0,
        blocks: [{ type: 'nest_connect', id: 'c', fields: { SOURCE: { id: 'a' }, TARGET: { id: 'b' }, ...fields }, inputs }],
      },
      variables: [{ name: 'n1', id: 'a', type: 'nest_node' }, { name: 'n2', id: 'b', type: 'nest_node' }],
    },
    ws,
  );
  return ws.getBlockById('c')!;
}

/** The visible rule rows, by name. */
const shownRows = (c: Blockly.Block) => RULE_ROWS.filter((n) => c.getInput(n)!.isVisible());
const shadowNumber = (c: Blockly.Block, input: string) => {
  const t = c.getInputTargetBlock(input);
  return t ? { type: t.type, shadow: t.isShadow(), value: Number(t.getFieldValue('NUM')) } : null;
};

test('connect: the rule dropdown keeps all_to_all and one_to_one and offers the four new rules', () => {
  const c = connectBlock();
  const values = (c.getField('RULE') as Blockly.FieldDropdown).getOptions(false).map(([, v]) => v);
  assert.deepEqual(values, ['all_to_all', 'one_to_one', 'fixed_indegree', 'fixed_outdegree', 'fixed_total_number', 'pairwise_bernoulli']);
  assert.equal(c.getFieldValue('RULE'), 'all_to_all', 'the default rule is unchanged');
});

test('connect: all to all and one to one show no rule number and no autapses/multapses row', () => {
  assert.deepEqual(shownRows(connectBlock()), []);
  assert.deepEqual(shownRows(connectBlock({ RULE: 'one_to_one' })), []);
  const c = connectBlock();
  for (const n of ['INDEGREE', 'OUTDEGREE', 'N', 'P']) assert.equal(c.getInputTargetBlock(n), null, `${n}: no hidden shadow is saved`);
});

test('connect: each random rule shows its own number with its default shadow, and the checkbox row', () => {
  const cases: [string, string, number][] = [
    ['fixed_indegree', 'INDEGREE', 10],
    ['fixed_outdegree', 'OUTDEGREE', 10],
    ['fixed_total_number', 'N', 100],
    ['pairwise_bernoulli', 'P', 0.1],
  ];
  for (const [rule, input, value] of cases) {
    const c = connectBlock({ RULE: rule });
    assert.deepEqual(shownRows(c), [input, 'ALLOW_ROW'], rule);
    assert.deepEqual(shadowNumber(c, input), { type: 'math_number', shadow: true, value }, rule);
    assert.equal(c.getFieldValue('ALLOW_AUTAPSES'), 'TRUE', `${rule}: autapses allowed by default`);
    assert.equal(c.getFieldValue('ALLOW_MULTAPSES'), 'TRUE', `${rule}: multapses allowed by default`);
  }
});

test('connect: changing the rule switches the rows; a typed value survives switching away and back', () => {
  const c = connectBlock();
  c.setFieldValue('fixed_indegree', 'RULE');
  assert.deepEqual(shownRows(c), ['INDEGREE', 'ALLOW_ROW']);
  c.getInputTargetBlock('INDEGREE')!.setFieldValue(3, 'NUM');
  c.setFieldValue('pairwise_bernoulli', 'RULE');
  assert.deepEqual(shownRows(c), ['P', 'ALLOW_ROW']);
  c.setFieldValue('one_to_one', 'RULE');
  assert.deepEqual(shownRows(c), []);
  c.setFieldValue('fixed_indegree', 'RULE');
  assert.equal(shadowNumber(c, 'INDEGREE')?.value, 3);
});

test('connect: a saved value and unticked boxes load as saved', () => {
  const c = connectBlock(
    { RULE: 'fixed_outdegree', ALLOW_AUTAPSES: false, ALLOW_MULTAPSES: false },
    { OUTDEGREE: { shadow: { type: 'math_number', fields: { NUM: 4 } } } },
  );
  assert.deepEqual(shownRows(c), ['OUTDEGREE', 'ALLOW_ROW']);
  assert.equal(shadowNumber(c, 'OUTDEGREE')?.value, 4);
  assert.equal(c.getFieldValue('ALLOW_AUTAPSES'), 'FALSE');
  assert.equal(c.getFieldValue('ALLOW_MULTAPSES'), 'FALSE');
});

test('connect: an old saved block (no checkbox fields) loads with both boxes ticked', () => {
  const c = connectBlock({ RULE: 'all_to_all' });
  assert.equal(c.getFieldValue('ALLOW_AUTAPSES'), 'TRUE');
  assert.equal(c.getFieldValue('ALLOW_MULTAPSES'), 'TRUE');
});

test('toolbox: Stimuli offers the sine-wave and stepping current blocks, and every toolbox block loads', () => {
  const stimuli = TOOLBOX.contents.find((c) => (c as { name?: string }).name === 'Stimuli') as unknown as { contents: { type: string }[] };
  const types = stimuli.contents.map((b) => b.type);
  assert.ok(types.includes('nest_ac_generator'));
  assert.ok(types.includes('nest_step_current_generator'));
  const ws = new Blockly.Workspace();
  for (const b of stimuli.contents) {
    const block = Blockly.serialization.blocks.append(b as Blockly.serialization.blocks.State, ws);
    assert.ok(block, b.type);
  }
  const ac = ws.getBlocksByType('nest_ac_generator', false)[0];
  assert.equal(Number(ac.getInputTargetBlock('amplitude')!.getFieldValue('NUM')), 100);
  assert.equal(Number(ac.getInputTargetBlock('frequency')!.getFieldValue('NUM')), 10);
});
