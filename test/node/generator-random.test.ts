/**
 * Random value blocks (nest.random.uniform, normal, lognormal, exponential): the program text
 * (written by hand from PyNEST 3.10's signatures: uniform(min, max), normal(mean, std),
 * lognormal(mean, std), exponential(beta)), where they snap in (Blockly check types), and the
 * problems flagged where NEST takes no random value or refuses the arguments (texts from real
 * NEST 3.10).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as Blockly from 'blockly';
import { registerNestBlocks } from '../../blocks/nest/index';
import { generateNest } from '../../generators/nest';

registerNestBlocks();

type B = Record<string, unknown>;
const sh = (type: string, v: number) => ({ shadow: { type, fields: { NUM: v } } });
const plain = (v: number) => sh('math_number', v);
const uniform = (min: number, max: number, id = 'r'): B => ({ type: 'nest_random_uniform', id, inputs: { min: plain(min), max: plain(max) } });
const normal = (mean: number, std: number, id = 'r'): B => ({ type: 'nest_random_normal', id, inputs: { mean: plain(mean), std: plain(std) } });

function chain(blocks: B[]): B {
  for (let i = blocks.length - 2; i >= 0; i--) blocks[i].next = { block: blocks[i + 1] };
  return blocks[0];
}

function load(stacks: B[], variables: [string, string, string?][] = [['n1', 'a'], ['n2', 'b'], ['dc1', 'd']]): Blockly.Workspace {
  const ws = new Blockly.Workspace();
  Blockly.serialization.workspaces.load(
    {
      blocks: { languageVersion: 0, blocks: stacks.map((s, i) => ({ x: 0, y: i * 1000, ...s })) },
      variables: variables.map(([name, id, type]) => ({ name, id, type: type ?? 'nest_node' })),
    },
    ws,
  );
  return ws;
}

const pop = (id: string, varId: string, inputs: B = {}): B => ({
  type: 'nest_population', id, fields: { NAME: { id: varId }, MODEL: 'iaf_psc_alpha' }, inputs: { N: sh('nest_count', 10), ...inputs },
});
const connect = (inputs: B, extra: B = {}): B => ({
  type: 'nest_connect', id: 'c', fields: { SOURCE: { id: 'a' }, TARGET: { id: 'b' }, RULE: 'all_to_all', ...extra },
  inputs: { WEIGHT: sh('nest_slider_weight', 1), DELAY: sh('nest_slider_delay', 1), ...inputs },
});
const line = (code: string, start: string) => code.split('\n').find((l) => l.startsWith(start));

test('a random value in a population row and under "more parameters": one draw per neuron', () => {
  const ws = load([pop('p', 'a', {
    I_e: { ...sh('nest_slider_iaf_psc_alpha_I_e', 0), block: normal(300, 20) },
    PARAMS: { block: { type: 'nest_param', id: 'q', fields: { PARAM: 'V_m' }, inputs: { VALUE: { ...plain(-70), block: uniform(-70, -55, 'u') } } } },
  })]);
  const g = generateNest(ws);
  assert.equal(line(g.code, 'n1 ='),
    'n1 = nest.Create("iaf_psc_alpha", 10, params={"I_e": nest.random.normal(mean=300.0, std=20.0), "V_m": nest.random.uniform(min=-70.0, max=-55.0)})');
  assert.deepEqual(g.problems, []);
});

test('random weight and delay of a connection, lognormal and exponential', () => {
  const ws = load([chain([
    pop('p1', 'a'), pop('p2', 'b'),
    connect({
      WEIGHT: { ...sh('nest_slider_weight', 1), block: { type: 'nest_random_lognormal', inputs: { mean: plain(1), std: plain(0.5) } } },
      DELAY: { ...sh('nest_slider_delay', 1), block: { type: 'nest_random_exponential', inputs: { beta: plain(2) } } },
    }),
  ])]);
  const g = generateNest(ws);
  assert.equal(line(g.code, 'nest.Connect'),
    'nest.Connect(n1, n2, conn_spec={"rule": "all_to_all"}, syn_spec={"weight": nest.random.lognormal(mean=1.0, std=0.5), "delay": nest.random.exponential(beta=2.0)})');
  assert.deepEqual(g.problems, []);
});

test('a random value\'s own inputs take expressions (a loop variable)', () => {
  const ws = load([{
    type: 'controls_for', id: 'loop', fields: { VAR: { id: 'x' } }, inputs: { FROM: plain(1), TO: plain(2), BY: plain(1), DO: { block: {
      type: 'nest_population', id: 'p', fields: { NAME: { id: 'a' }, MODEL: 'iaf_psc_alpha' }, inputs: {
        N: sh('nest_count', 2),
        I_e: { block: { type: 'nest_random_uniform', inputs: { min: plain(0), max: { ...plain(1), block: { type: 'variables_get', fields: { VAR: { id: 'x' } } } } } } },
      },
    } } },
  }], [['n1', 'a'], ['x', 'x', '']]);
  const g = generateNest(ws);
  assert.match(g.code, /params=\{"I_e": nest\.random\.uniform\(min=0\.0, max=x\)\}/);
});

test('random values snap only into inputs where NEST takes one', () => {
  const ws = new Blockly.Workspace();
  const r = ws.newBlock('nest_random_uniform');
  const can = (type: string, input: string) =>
    ws.connectionChecker.canConnect(r.outputConnection, ws.newBlock(type).getInput(input)!.connection, false);
  assert.ok(can('nest_population', 'I_e'));
  assert.ok(can('nest_connect', 'WEIGHT'));
  assert.ok(can('nest_connect', 'DELAY'));
  assert.ok(can('nest_param', 'VALUE'));
  assert.ok(can('nest_set', 'VALUE'));
  assert.ok(!can('nest_population', 'N'), 'a population size is a whole number, never random');
  assert.ok(!can('nest_simulate', 'TIME'));
  assert.ok(!can('nest_kernel', 'SEED'));
  assert.ok(!can('nest_connect', 'INDEGREE'));
  assert.ok(!can('nest_connect', 'tau_plus'), 'stdp_synapse parameters: one value per connect block');
  assert.ok(!can('math_arithmetic', 'A'));
  assert.ok(!can('nest_random_uniform', 'min'));
});

test('a random value where NEST takes none is flagged on the block (a stimulus parameter, a variable)', () => {
  const ws = load([chain([
    { type: 'nest_dc_generator', id: 'dc', fields: { NAME: { id: 'd' } }, inputs: {
      amplitude: sh('nest_slider_dc_generator_amplitude', 100),
      PARAMS: { block: { type: 'nest_param', fields: { PARAM: 'start' }, inputs: { VALUE: { block: uniform(0, 10, 'r1') } } } },
    } },
    { type: 'variables_set', id: 'vs', fields: { VAR: { id: 'x' } }, inputs: { VALUE: { block: uniform(0, 1, 'r2') } } },
    { type: 'nest_set', id: 's', fields: { PARAM: 'amplitude', TARGET: { id: 'd' } }, inputs: { VALUE: { block: uniform(0, 1, 'r3') } } },
  ])], [['dc1', 'd'], ['x', 'x', '']]);
  const g = generateNest(ws);
  assert.deepEqual(g.problems.map((p) => [p.blockId, p.message]), [
    ['r1', 'A random value goes only into a neuron parameter, or the weight or delay of a connection, not into a parameter of dc_generator.'],
    ['r2', 'A random value goes only into a neuron parameter, or the weight or delay of a connection.'],
    ['r3', 'A random value goes only into a neuron parameter, or the weight or delay of a connection, not into a parameter of dc_generator.'],
  ]);
});

test('arguments NEST refuses are flagged with its text; a uniform delay must start at the resolution', () => {
  const problems = (block: B, input = 'I_e') =>
    generateNest(load([chain([pop('p1', 'a', input === 'I_e' ? { I_e: { block } } : {}), pop('p2', 'b'),
      connect(input === 'I_e' ? {} : { [input]: { block } })])])).problems.map((p) => p.message);
  assert.deepEqual(problems(uniform(5, 5)), ['BadProperty: nest::UniformParameter: min < max required.']);
  assert.deepEqual(problems(normal(0, 0)), ['BadProperty: nest::NormalParameter: std > 0 required.']);
  assert.deepEqual(problems({ type: 'nest_random_lognormal', inputs: { mean: plain(0), std: plain(-1) } }),
    ['BadProperty: nest::LognormalParameter: std > 0 required.']);
  assert.deepEqual(problems(uniform(0, 2), 'DELAY'), [
    'BadDelay: Delay value 0 is invalid: Delay must be greater than or equal to resolution (every connection draws its own delay from min to max: raise min.)',
  ]);
  assert.deepEqual(problems(uniform(0.1, 2), 'DELAY'), []);
  assert.deepEqual(problems(uniform(-5, 5), 'WEIGHT'), []);
});
