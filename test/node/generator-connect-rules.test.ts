/**
 * The generator's conn_spec for the rules with a number (fixed_indegree, fixed_outdegree,
 * fixed_total_number, pairwise_bernoulli), the allow_autapses/allow_multapses flags, and the
 * problems NEST 3.10 would raise, flagged before running. Expected texts are written by hand
 * from PyNEST's conn_spec documentation; error texts are NEST 3.10's.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as Blockly from 'blockly';
import { registerNestBlocks } from '../../blocks/nest/index';
import { generateNest } from '../../generators/nest';

registerNestBlocks();

type B = Record<string, unknown>;
const count = (n: number) => ({ shadow: { type: 'nest_count', fields: { NUM: n } } });
const plain = (n: number) => ({ shadow: { type: 'math_number', fields: { NUM: n } } });

function chain(blocks: B[]): B {
  for (let i = blocks.length - 2; i >= 0; i--) blocks[i].next = { block: blocks[i + 1] };
  return blocks[0];
}

/** n1 (sizeA neurons) and n2 (sizeB neurons), then one connect n1 → n2 with the given fields/inputs. */
function program(rule: string, extraFields: B = {}, inputs: B = {}, sizeA = 20, sizeB = 30): ReturnType<typeof generateNest> {
  const ws = new Blockly.Workspace();
  Blockly.serialization.workspaces.load(
    {
      blocks: {
        languageVersion: 0,
        blocks: [chain([
          { type: 'nest_population', id: 'a', fields: { NAME: { id: 'a' }, MODEL: 'iaf_psc_alpha' }, inputs: { N: count(sizeA) } },
          { type: 'nest_population', id: 'b', fields: { NAME: { id: 'b' }, MODEL: 'iaf_psc_alpha' }, inputs: { N: count(sizeB) } },
          {
            type: 'nest_connect', id: 'c', fields: { SOURCE: { id: 'a' }, TARGET: { id: 'b' }, RULE: rule, ...extraFields },
            inputs: { WEIGHT: plain(20), DELAY: plain(1.5), ...inputs },
          },
        ])],
      },
      variables: [{ name: 'n1', id: 'a', type: 'nest_node' }, { name: 'n2', id: 'b', type: 'nest_node' }],
    },
    ws,
  );
  return generateNest(ws);
}

const connectLine = (code: string) => code.split('\n').find((l) => l.startsWith('nest.Connect('));
const SYN = 'syn_spec={"weight": 20.0, "delay": 1.5})';

test('fixed_indegree: the default number 10 is written as an int', () => {
  const g = program('fixed_indegree');
  assert.equal(connectLine(g.code), `nest.Connect(n1, n2, conn_spec={"rule": "fixed_indegree", "indegree": 10}, ${SYN}`);
  assert.deepEqual(g.problems, []);
});

test('each rule writes its own key with the typed value', () => {
  assert.equal(connectLine(program('fixed_outdegree', {}, { OUTDEGREE: plain(7) }).code),
    `nest.Connect(n1, n2, conn_spec={"rule": "fixed_outdegree", "outdegree": 7}, ${SYN}`);
  assert.equal(connectLine(program('fixed_total_number', {}, { N: plain(250) }).code),
    `nest.Connect(n1, n2, conn_spec={"rule": "fixed_total_number", "N": 250}, ${SYN}`);
  assert.equal(connectLine(program('pairwise_bernoulli', {}, { P: plain(0.25) }).code),
    `nest.Connect(n1, n2, conn_spec={"rule": "pairwise_bernoulli", "p": 0.25}, ${SYN}`);
  assert.equal(connectLine(program('pairwise_bernoulli', {}, { P: plain(1) }).code),
    `nest.Connect(n1, n2, conn_spec={"rule": "pairwise_bernoulli", "p": 1.0}, ${SYN}`, 'p is a float');
});

test('allow_autapses / allow_multapses appear only when unticked, as False', () => {
  assert.equal(connectLine(program('fixed_indegree', { ALLOW_AUTAPSES: false }, { INDEGREE: plain(5) }).code),
    `nest.Connect(n1, n2, conn_spec={"rule": "fixed_indegree", "indegree": 5, "allow_autapses": False}, ${SYN}`);
  assert.equal(connectLine(program('fixed_indegree', { ALLOW_AUTAPSES: false, ALLOW_MULTAPSES: false }, { INDEGREE: plain(5) }).code),
    `nest.Connect(n1, n2, conn_spec={"rule": "fixed_indegree", "indegree": 5, "allow_autapses": False, "allow_multapses": False}, ${SYN}`);
  assert.equal(connectLine(program('pairwise_bernoulli', { ALLOW_MULTAPSES: false }).code),
    `nest.Connect(n1, n2, conn_spec={"rule": "pairwise_bernoulli", "p": 0.1, "allow_multapses": False}, ${SYN}`);
});

test('all_to_all and one_to_one are written as before; their hidden boxes and numbers are ignored', () => {
  const g = program('all_to_all', { ALLOW_AUTAPSES: false }, { INDEGREE: plain(3) });
  assert.equal(connectLine(g.code), `nest.Connect(n1, n2, conn_spec={"rule": "all_to_all"}, ${SYN}`);
  assert.equal(connectLine(program('one_to_one', {}, {}, 5, 5).code), `nest.Connect(n1, n2, conn_spec={"rule": "one_to_one"}, ${SYN}`);
});

const messages = (g: ReturnType<typeof generateNest>) => g.problems.map((p) => `${p.blockId}: ${p.message}`);

test('problems: p outside [0, 1]', () => {
  assert.deepEqual(messages(program('pairwise_bernoulli', {}, { P: plain(1.5) })), ['c: BadProperty: Connection probability 0 <= p <= 1 required.']);
  assert.deepEqual(messages(program('pairwise_bernoulli', {}, { P: plain(-0.1) })), ['c: BadProperty: Connection probability 0 <= p <= 1 required.']);
  assert.deepEqual(messages(program('pairwise_bernoulli', {}, { P: plain(0) })), []);
  assert.deepEqual(messages(program('pairwise_bernoulli', {}, { P: plain(1) })), []);
});

test('problems: negative degrees and N', () => {
  assert.deepEqual(messages(program('fixed_indegree', {}, { INDEGREE: plain(-1) })), ['c: BadProperty: Indegree cannot be less than zero.']);
  assert.deepEqual(messages(program('fixed_outdegree', {}, { OUTDEGREE: plain(-2) })), ['c: BadProperty: Outdegree cannot be less than zero.']);
  assert.deepEqual(messages(program('fixed_total_number', {}, { N: plain(-5) })), ['c: BadProperty: Total number of connections cannot be negative.']);
  assert.deepEqual(messages(program('fixed_indegree', {}, { INDEGREE: plain(0) })), [], 'zero is allowed');
});

test('problems: a degree above the population it draws from, without multapses', () => {
  // n1 has 20 neurons (the sources), n2 has 30 (the targets)
  assert.deepEqual(messages(program('fixed_indegree', { ALLOW_MULTAPSES: false }, { INDEGREE: plain(21) })),
    ['c: BadProperty: Indegree cannot be larger than population size.']);
  assert.deepEqual(messages(program('fixed_indegree', { ALLOW_MULTAPSES: false }, { INDEGREE: plain(20) })), [], 'all 20 sources once each');
  assert.deepEqual(messages(program('fixed_indegree', {}, { INDEGREE: plain(21) })), [], 'with multapses a source may repeat');
  assert.deepEqual(messages(program('fixed_outdegree', { ALLOW_MULTAPSES: false }, { OUTDEGREE: plain(25) })), [], 'outdegree draws from the 30 targets');
  assert.deepEqual(messages(program('fixed_outdegree', { ALLOW_MULTAPSES: false }, { OUTDEGREE: plain(31) })),
    ['c: BadProperty: Outdegree cannot be larger than population size.']);
});

test('problems: fixed_total_number without multapses', () => {
  assert.deepEqual(messages(program('fixed_total_number', { ALLOW_MULTAPSES: false }, { N: plain(601) })),
    ['c: BadProperty: Total number of connections cannot exceed product of source and target population sizes.']);
  assert.deepEqual(messages(program('fixed_total_number', { ALLOW_MULTAPSES: false }, { N: plain(10) })),
    ["c: NotImplemented: Connect doesn't support the suppression of multapses in the FixedTotalNumber connector."]);
});

test('problems: a degree that is not a whole number', () => {
  const g = program('fixed_indegree', {}, { INDEGREE: plain(2.5) });
  assert.match(connectLine(g.code)!, /"indegree": 2\.5\}/);
  assert.equal(g.problems.length, 1);
  assert.match(g.problems[0].message, /^TypeMismatch: Expected datatype: Failed to cast 'indegree' from double to type long/);
});
