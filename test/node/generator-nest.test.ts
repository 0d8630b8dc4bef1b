/**
 * The PyNEST generator: exact program text, line → block map, recorders, problems found before a
 * run, composition with Blockly's own blocks, and injection safety. Expected texts are written by
 * hand from PyNEST 3.x usage (NEST Desktop's program shape), not copied from the generator.
 */
import { spawnSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as Blockly from 'blockly';
import { registerNestBlocks } from '../../blocks/nest/index';
import firstExample from '../../blocks/examples/first-example.json';
import { generateNest, parseSpikeTimes } from '../../generators/nest';
import { pyFloat, pyString } from '../../generators/python-text';

registerNestBlocks();

// ---- tiny builders for workspace JSON -----------------------------------------------------

type B = Record<string, unknown>;
const num = (type: string, v: number) => ({ shadow: { type, fields: { NUM: v } } });
const plain = (v: number) => num('math_number', v);
const v = (id: string) => ({ id });

function chain(blocks: B[]): B {
  for (let i = blocks.length - 2; i >= 0; i--) blocks[i].next = { block: blocks[i + 1] };
  return blocks[0];
}

function load(stacks: B[], variables: { name: string; id: string; type?: string }[]): Blockly.Workspace {
  const ws = new Blockly.Workspace();
  Blockly.serialization.workspaces.load(
    {
      blocks: { languageVersion: 0, blocks: stacks.map((s, i) => ({ x: 0, y: i * 1000, ...s })) },
      variables: variables.map((x) => ({ type: 'nest_node', ...x })),
    },
    ws,
  );
  return ws;
}

const kernelBlock = (res: number, seed: number, id = 'k'): B => ({
  type: 'nest_kernel', id, inputs: { RESOLUTION: plain(res), SEED: num('nest_seed', seed) },
});
const population = (id: string, varId: string, model: string, n: number, extra: B = {}): B => ({
  type: 'nest_population', id, fields: { NAME: v(varId), MODEL: model }, inputs: { N: num('nest_count', n), ...extra },
});
const param = (id: string, name: string, value: number): B => ({
  type: 'nest_param', id, fields: { PARAM: name }, inputs: { VALUE: plain(value) },
});
const connectBlock = (id: string, s: string, t: string, w: number, d: number, rule = 'all_to_all'): B => ({
  type: 'nest_connect', id, fields: { SOURCE: v(s), TARGET: v(t), RULE: rule },
  inputs: { WEIGHT: num('nest_slider_weight', w), DELAY: num('nest_slider_delay', d) },
});
const simulateBlock = (id: string, t: number): B => ({ type: 'nest_simulate', id, inputs: { TIME: num('nest_slider_sim_time', t) } });
const dcBlock = (id: string, varId: string, amp: number, params?: B): B => ({
  type: 'nest_dc_generator', id, fields: { NAME: v(varId) }, inputs: { amplitude: plain(amp), ...(params ? { PARAMS: { block: params } } : {}) },
});
const srBlock = (id: string, varId: string): B => ({ type: 'nest_spike_recorder', id, fields: { NAME: v(varId) } });

const HEADER = 'import nest\n\nnest.ResetKernel()\n';

function bodyOf(code: string): string {
  assert.ok(code.startsWith(HEADER), code);
  return code.slice(HEADER.length);
}

function messages(g: { problems: { blockId: string; message: string }[] }): string[] {
  return g.problems.map((p) => `${p.blockId}: ${p.message}`);
}

// ---- the first example --------------------------------------------------------------------

const FIRST_EXAMPLE_CODE = `import nest

nest.ResetKernel()
nest.SetKernelStatus({"resolution": 0.1, "rng_seed": 1})
pg1 = nest.Create("poisson_generator", 1, params={"rate": 7500.0})
n1 = nest.Create("iaf_psc_alpha", 1)
sr1 = nest.Create("spike_recorder", 1)
vm1 = nest.Create("voltmeter", 1, params={"interval": 0.1})
nest.Connect(pg1, n1, conn_spec={"rule": "all_to_all"}, syn_spec={"weight": 10.0, "delay": 1.0})
nest.Connect(n1, sr1, conn_spec={"rule": "all_to_all"})
nest.Connect(vm1, n1, conn_spec={"rule": "all_to_all"})
nest.Simulate(1000.0)

response = {"events": [sr1.events, vm1.events], "biological_time": nest.biological_time}
`;

function firstWorkspace(): Blockly.Workspace {
  const ws = new Blockly.Workspace();
  Blockly.serialization.workspaces.load(firstExample, ws);
  return ws;
}

test('first example: exact PyNEST text', () => {
  const g = generateNest(firstWorkspace());
  assert.equal(g.code, FIRST_EXAMPLE_CODE);
  assert.deepEqual(g.problems, []);
  assert.equal(g.simTime, 1000);
});

test('first example: every line maps to the block that wrote it', () => {
  const g = generateNest(firstWorkspace());
  assert.deepEqual(g.lineBlocks, [
    null, null, null, // import, blank, ResetKernel
    'kernel', 'pg1', 'n1', 'sr1', 'vm1',
    'connect_pg1_n1', 'connect_n1_sr1', 'connect_vm1_n1', 'simulate',
    null, null, // blank, response
  ]);
  assert.equal(g.lineBlocks.length, g.code.split('\n').length - 1);
});

test('first example: recorders in response order, with what they record and how many neurons', () => {
  const g = generateNest(firstWorkspace());
  assert.deepEqual(g.recorders, [
    { name: 'sr1', model: 'spike_recorder', blockId: 'sr1', recordables: [], sources: 1 },
    { name: 'vm1', model: 'voltmeter', blockId: 'vm1', recordables: ['V_m'], sources: 1 },
  ]);
});

test('the generator is a pure function: same text twice, workspace unchanged', () => {
  const ws = firstWorkspace();
  const before = JSON.stringify(Blockly.serialization.workspaces.save(ws));
  const a = generateNest(ws);
  const b = generateNest(ws);
  assert.deepEqual(a, b);
  assert.equal(JSON.stringify(Blockly.serialization.workspaces.save(ws)), before);
});

// ---- each block ---------------------------------------------------------------------------

test('population: main parameters and "more parameters", defaults left out', () => {
  const more = chain([param('p1', 'C_m', 200), param('p2', 't_ref', 2), param('p3', 'V_reset', -65)]);
  const ws = load(
    [population('pop', 'vn', 'iaf_psc_exp', 100, {
      I_e: num('nest_slider_iaf_psc_alpha_I_e', 376),
      V_th: num('nest_slider_iaf_psc_alpha_V_th', -55),
      tau_m: num('nest_slider_iaf_psc_alpha_tau_m', 20),
      PARAMS: { block: more },
    })],
    [{ name: 'n1', id: 'vn' }],
  );
  const g = generateNest(ws);
  assert.equal(bodyOf(g.code), 'n1 = nest.Create("iaf_psc_exp", 100, params={"I_e": 376.0, "tau_m": 20.0, "C_m": 200.0, "V_reset": -65.0})\n\nresponse = {"events": [], "biological_time": nest.biological_time}\n');
  assert.deepEqual(g.problems, []);
});

test('stimuli: poisson, dc with start/stop, spike generator with parsed times', () => {
  const ws = load(
    [chain([
      { type: 'nest_poisson_generator', id: 'pg', fields: { NAME: v('a') }, inputs: { rate: num('nest_slider_poisson_generator_rate', 0) } },
      dcBlock('dc', 'b', 250, chain([param('s1', 'start', 100), param('s2', 'stop', 600)])),
      { type: 'nest_spike_generator', id: 'sg', fields: { NAME: v('c'), TIMES: ' 10, 20.5 ;30  1e2' } },
    ])],
    [{ name: 'pg1', id: 'a' }, { name: 'dc1', id: 'b' }, { name: 'sg1', id: 'c' }],
  );
  const g = generateNest(ws);
  assert.equal(
    bodyOf(g.code),
    'pg1 = nest.Create("poisson_generator", 1)\n' +
      'dc1 = nest.Create("dc_generator", 1, params={"amplitude": 250.0, "start": 100.0, "stop": 600.0})\n' +
      'sg1 = nest.Create("spike_generator", 1, params={"spike_times": [10.0, 20.5, 30.0, 100.0]})\n' +
      '\nresponse = {"events": [], "biological_time": nest.biological_time}\n',
  );
  assert.deepEqual(g.problems, []);
});

test('recorders: multimeter with ticked recordables, recorded neuron counts', () => {
  const ws = load(
    [chain([
      population('pop', 'vn', 'iaf_psc_alpha', 3),
      population('pop2', 'vm2', 'iaf_psc_alpha', 2),
      { type: 'nest_multimeter', id: 'mm', fields: { NAME: v('m'), REC_V_m: true, REC_I_syn_ex: true, REC_I_syn_in: false },
        inputs: { interval: num('nest_slider_multimeter_interval', 0.5) } },
      srBlock('sr', 's'),
      connectBlock('c1', 'm', 'vn', 1, 1),
      connectBlock('c2', 'vn', 's', 1, 1),
      connectBlock('c3', 'vm2', 's', 1, 1),
    ])],
    [{ name: 'n1', id: 'vn' }, { name: 'n2', id: 'vm2' }, { name: 'mm1', id: 'm' }, { name: 'sr1', id: 's' }],
  );
  const g = generateNest(ws);
  assert.equal(
    bodyOf(g.code),
    'n1 = nest.Create("iaf_psc_alpha", 3)\n' +
      'n2 = nest.Create("iaf_psc_alpha", 2)\n' +
      'mm1 = nest.Create("multimeter", 1, params={"record_from": ["I_syn_ex", "V_m"], "interval": 0.5})\n' +
      'sr1 = nest.Create("spike_recorder", 1)\n' +
      'nest.Connect(mm1, n1, conn_spec={"rule": "all_to_all"})\n' +
      'nest.Connect(n1, sr1, conn_spec={"rule": "all_to_all"})\n' +
      'nest.Connect(n2, sr1, conn_spec={"rule": "all_to_all"})\n' +
      '\nresponse = {"events": [mm1.events, sr1.events], "biological_time": nest.biological_time}\n',
  );
  assert.deepEqual(g.recorders.map((r) => [r.name, r.model, r.recordables, r.sources]), [
    ['mm1', 'multimeter', ['I_syn_ex', 'V_m'], 3],
    ['sr1', 'spike_recorder', [], 5],
  ]);
});

test('connect: rule, weight and delay between neurons; none on recorder links (the block hides them)', () => {
  const ws = load(
    [chain([
      population('a', 'x', 'iaf_psc_delta', 4),
      population('b', 'y', 'iaf_psc_delta', 4),
      srBlock('sr', 's'),
      connectBlock('c1', 'x', 'y', 1, 1, 'one_to_one'),
      connectBlock('c2', 'x', 'y', -2.5, 1.5),
      connectBlock('c3', 'y', 's', 1, 2),
    ])],
    [{ name: 'n1', id: 'x' }, { name: 'n2', id: 'y' }, { name: 'sr1', id: 's' }],
  );
  const g = generateNest(ws);
  assert.equal(
    bodyOf(g.code),
    'n1 = nest.Create("iaf_psc_delta", 4)\n' +
      'n2 = nest.Create("iaf_psc_delta", 4)\n' +
      'sr1 = nest.Create("spike_recorder", 1)\n' +
      'nest.Connect(n1, n2, conn_spec={"rule": "one_to_one"}, syn_spec={"weight": 1.0, "delay": 1.0})\n' +
      'nest.Connect(n1, n2, conn_spec={"rule": "all_to_all"}, syn_spec={"weight": -2.5, "delay": 1.5})\n' +
      'nest.Connect(n2, sr1, conn_spec={"rule": "all_to_all"})\n' +
      '\nresponse = {"events": [sr1.events], "biological_time": nest.biological_time}\n',
  );
  assert.deepEqual(g.problems, []);
});

test('kernel, simulate and change: simTime adds up simulate blocks that run once', () => {
  const ws = load(
    [chain([
      kernelBlock(0.05, 42),
      dcBlock('dc', 'd', 100),
      simulateBlock('s1', 200),
      { type: 'nest_set', id: 'set', fields: { PARAM: 'amplitude', TARGET: v('d') }, inputs: { VALUE: plain(300) } },
      simulateBlock('s2', 300.5),
    ])],
    [{ name: 'dc1', id: 'd' }],
  );
  const g = generateNest(ws);
  assert.equal(
    bodyOf(g.code),
    'nest.SetKernelStatus({"resolution": 0.05, "rng_seed": 42})\n' +
      'dc1 = nest.Create("dc_generator", 1, params={"amplitude": 100.0})\n' +
      'nest.Simulate(200.0)\n' +
      'dc1.set(amplitude=300.0)\n' +
      'nest.Simulate(300.5)\n' +
      '\nresponse = {"events": [], "biological_time": nest.biological_time}\n',
  );
  assert.equal(g.simTime, 500.5);
  assert.deepEqual(g.problems, []);
});

// ---- composing with Blockly's Loops / Variables / Math ------------------------------------

function sweepWorkspace(body: B | null): Blockly.Workspace {
  const loop: B = {
    type: 'controls_for', id: 'loop', fields: { VAR: v('amp') },
    inputs: { FROM: plain(100), TO: plain(500), BY: plain(100), ...(body ? { DO: { block: body } } : {}) },
  };
  return load(
    [chain([kernelBlock(0.1, 1), dcBlock('dc', 'd', 0), population('pop', 'n', 'iaf_psc_alpha', 1), connectBlock('c', 'd', 'n', 1, 1), loop, simulateBlock('after', 10)])],
    [{ name: 'dc1', id: 'd' }, { name: 'n1', id: 'n' }, { name: 'amp', id: 'amp', type: '' }],
  );
}

test('a for loop sweeping a dc amplitude: set + simulate inside the loop', () => {
  const body = chain([
    { type: 'nest_set', id: 'set', fields: { PARAM: 'amplitude', TARGET: v('d') },
      inputs: { VALUE: { shadow: { type: 'math_number', fields: { NUM: 0 } }, block: { type: 'variables_get', id: 'get', fields: { VAR: v('amp') } } } } },
    { type: 'nest_simulate', id: 'sim', inputs: { TIME: {
      shadow: { type: 'nest_slider_sim_time', fields: { NUM: 100 } },
      block: { type: 'math_arithmetic', id: 'mul', fields: { OP: 'MULTIPLY' }, inputs: { A: plain(2), B: plain(50) } } } } },
  ]);
  const g = generateNest(sweepWorkspace(body));
  assert.equal(
    g.code,
    'import nest\n' +
      '\n' +
      'amp = None\n' +
      '\n' +
      'nest.ResetKernel()\n' +
      'nest.SetKernelStatus({"resolution": 0.1, "rng_seed": 1})\n' +
      'dc1 = nest.Create("dc_generator", 1)\n' +
      'n1 = nest.Create("iaf_psc_alpha", 1)\n' +
      'nest.Connect(dc1, n1, conn_spec={"rule": "all_to_all"}, syn_spec={"weight": 1.0, "delay": 1.0})\n' +
      'for amp in range(100, 501, 100):\n' +
      '    dc1.set(amplitude=amp)\n' +
      '    nest.Simulate(2 * 50)\n' +
      'nest.Simulate(10.0)\n' +
      '\n' +
      'response = {"events": [], "biological_time": nest.biological_time}\n',
  );
  assert.deepEqual(g.lineBlocks, [null, null, null, null, null, 'k', 'dc', 'pop', 'c', 'loop', 'set', 'sim', 'after', null, null]);
  assert.equal(g.simTime, null, 'simulate inside a loop: total time unknown');
  assert.deepEqual(g.problems, []);
});

test('an empty loop body still gives valid Python (pass)', () => {
  const g = generateNest(sweepWorkspace(null));
  const lines = g.code.split('\n');
  const i = lines.indexOf('for amp in range(100, 501, 100):');
  assert.ok(i > 0, g.code);
  assert.equal(lines[i + 1], '    pass');
  assert.equal(g.lineBlocks[i + 1], 'loop');
  assert.equal(lines[i + 2], 'nest.Simulate(10.0)');
});

// ---- problems before running ----------------------------------------------------------------

function problemsOf(stack: B[], vars: { name: string; id: string; type?: string }[]): string[] {
  return messages(generateNest(load([chain(stack)], vars)));
}

test('problem: negative capacitance (NEST text, population block)', () => {
  const ps = problemsOf([population('pop', 'n', 'iaf_psc_alpha', 1, { PARAMS: { block: param('c', 'C_m', -1) } })], [{ name: 'n1', id: 'n' }]);
  assert.deepEqual(ps, ['pop: BadProperty: Capacitance must be > 0.']);
});

test('problem: V_reset at or above V_th', () => {
  const ps = problemsOf(
    [population('pop', 'n', 'iaf_psc_exp', 1, { V_th: plain(-60), PARAMS: { block: param('r', 'V_reset', -60) } })],
    [{ name: 'n1', id: 'n' }],
  );
  assert.deepEqual(ps, ['pop: BadProperty: Reset potential must be smaller than threshold.']);
});

test('problem: resolution 0', () => {
  assert.deepEqual(problemsOf([kernelBlock(0, 1)], []), ['k: KernelException: Resolution must be greater than or equal to one tic. Value unchanged.']);
});

test('problem: delay below the resolution (and fine at the resolution)', () => {
  const vars = [{ name: 'n1', id: 'a' }, { name: 'n2', id: 'b' }];
  const mk = (res: number, d: number) => [kernelBlock(res, 1), population('p1', 'a', 'iaf_psc_alpha', 1), population('p2', 'b', 'iaf_psc_alpha', 1), connectBlock('c', 'a', 'b', 1, d)];
  assert.deepEqual(problemsOf(mk(0.5, 0.2), vars), ['c: BadDelay: Delay value 0 is invalid: Delay must be greater than or equal to resolution']);
  assert.deepEqual(problemsOf(mk(0.1, 0.1), vars), []);
});

test('problem: spike times not increasing, zero, or not numbers', () => {
  const sg = (text: string) => [{ type: 'nest_spike_generator', id: 'sg', fields: { NAME: v('s'), TIMES: text } }];
  const vars = [{ name: 'sg1', id: 's' }];
  assert.deepEqual(problemsOf(sg('10, 5'), vars), ['sg: BadProperty: Spike times must be sorted in non-descending order.']);
  assert.deepEqual(problemsOf(sg('0, 5'), vars), ['sg: BadProperty: spike time cannot be set to 0.']);
  assert.deepEqual(problemsOf(sg('5, ten, 7'), vars), ['sg: Spike times must be numbers in ms separated by commas; not understood: "ten".']);
  assert.deepEqual(problemsOf(sg('10, 10, 20'), vars), []);
});

test('problem: a connect whose source nothing creates (or creates only later)', () => {
  const vars = [{ name: 'pg1', id: 'p' }, { name: 'n1', id: 'n' }];
  assert.deepEqual(problemsOf([population('pop', 'n', 'iaf_psc_alpha', 1), connectBlock('c', 'p', 'n', 1, 1)], vars), [
    'c: Nothing creates pg1 before this block: add a block that creates it above.',
  ]);
  const later = problemsOf([connectBlock('c', 'p', 'n', 1, 1), population('pop', 'n', 'iaf_psc_alpha', 1),
    { type: 'nest_poisson_generator', id: 'pg', fields: { NAME: v('p') }, inputs: { rate: plain(10) } }], vars);
  assert.equal(later.length, 2);
});

test('problem: recorders connected the wrong way round, one_to_one sizes, simulate off the grid', () => {
  const vars = [{ name: 'n1', id: 'n' }, { name: 'n2', id: 'm' }, { name: 'vm1', id: 'v' }, { name: 'sr1', id: 's' }];
  const ps = problemsOf([
    kernelBlock(0.5, 1),
    population('pop', 'n', 'iaf_psc_alpha', 2),
    population('pop2', 'm', 'iaf_psc_alpha', 3),
    { type: 'nest_voltmeter', id: 'vm', fields: { NAME: v('v') }, inputs: { interval: plain(1) } },
    srBlock('sr', 's'),
    connectBlock('c1', 'n', 'v', 1, 1),
    connectBlock('c2', 's', 'n', 1, 1),
    connectBlock('c3', 'n', 'm', 1, 1, 'one_to_one'),
    simulateBlock('sim', 10.2),
  ], vars);
  assert.equal(ps.length, 4, ps.join('\n'));
  assert.match(ps[0], /^c1: IllegalConnection: .*does not support spike input/);
  assert.match(ps[1], /^c2: IllegalConnection: .*Source node does not send output/);
  assert.equal(ps[2], 'c3: DimensionMismatch: Source and Target population must be of the same size.');
  assert.equal(ps[3], 'sim: BadParameter: The simulation time must be a multiple of the simulation resolution.');
});

test('problem: Infinity typed into a number field is refused, the text still parses', () => {
  const ws = load([population('pop', 'n', 'iaf_psc_alpha', 1, { I_e: plain(Infinity) })], [{ name: 'n1', id: 'n' }]);
  // JSON cannot hold Infinity: set it the way a learner typing "Infinity" does.
  const shadow = ws.getBlockById('pop')!.getInputTargetBlock('I_e')!;
  shadow.setFieldValue('Infinity', 'NUM');
  const g = generateNest(ws);
  assert.equal(bodyOf(g.code), 'n1 = nest.Create("iaf_psc_alpha", 1, params={"I_e": float("inf")})\n\nresponse = {"events": [], "biological_time": nest.biological_time}\n');
  assert.deepEqual(messages(g), ['pop: I_e must be a finite number, not Infinity.']);
});

test('problem: a parameter the model does not have, a parameter block out of place, a name used twice', () => {
  const vars = [{ name: 'n1', id: 'n' }];
  // (a parameter block can no longer hang in the program itself: it lies loose beside it)
  const ps = messages(generateNest(load([
    chain([population('pop', 'n', 'iaf_psc_delta', 1, { PARAMS: { block: param('d', 'tau_syn_ex', 1) } }), population('pop2', 'n', 'iaf_psc_alpha', 1)]),
    param('loose', 'C_m', 100),
  ], vars)));
  assert.deepEqual(ps, [
    'd: iaf_psc_delta has no parameter "tau_syn_ex".',
    'pop2: Two blocks create n1: give this one another name.',
    'loose: Put this parameter block under "more parameters" of a neuron or stimulus block.',
  ]);
});

// ---- injection safety ------------------------------------------------------------------------

const HOSTILE = [
  '"); import os #',
  "'); __import__('os').system('x') #",
  'a\nimport os',
  'a\rimport os',
  'nest',
  'response',
  'import',
  'ñeurona 神経',
  '1abc',
  'x'.repeat(500),
];

test('hostile node names become plain identifiers: the program has exactly the expected statements', () => {
  const vars = HOSTILE.map((name, i) => ({ name, id: `v${i}` }));
  const stack = HOSTILE.map((_, i) => srBlock(`b${i}`, `v${i}`));
  const g = generateNest(load([chain(stack)], vars));
  const body = bodyOf(g.code).split('\n');
  const creates = body.slice(0, HOSTILE.length);
  const names = creates.map((l) => {
    const m = /^([A-Za-z_][A-Za-z0-9_]*) = nest\.Create\("spike_recorder", 1\)$/.exec(l);
    assert.ok(m, `not a plain Create line: ${JSON.stringify(l)}`);
    return m[1];
  });
  assert.equal(new Set(names).size, names.length, 'names stay distinct');
  for (const n of names) assert.ok(!['nest', 'response', 'import'].includes(n), n);
  assert.deepEqual(body.slice(HOSTILE.length), ['', `response = {"events": [${names.map((n) => `${n}.events`).join(', ')}], "biological_time": nest.biological_time}`, '']);
});

test('hostile spike-time text never reaches the code', () => {
  for (const text of ['"); import os #', '10]\nimport os\n[', '1e400', 'NaN', 'Infinity', '0x10', '10, 20.5, 30' + '\u2028' + 'x']) {
    const g = generateNest(load([{ type: 'nest_spike_generator', id: 'sg', fields: { NAME: v('s'), TIMES: text } }], [{ name: 'sg1', id: 's' }]));
    const line = bodyOf(g.code).split('\n')[0];
    assert.match(line, /^sg1 = nest\.Create\("spike_generator", 1(, params=\{"spike_times": \[[0-9., e+-]*\]\})?\)$/, `${JSON.stringify(text)} → ${line}`);
    assert.ok(g.problems.length >= 1, `${JSON.stringify(text)} should be reported`);
  }
});

test("hostile text in Blockly's own blocks and in comments stays inside a literal or a comment", () => {
  const evil = '"\'); import os #\r\nprint(1)\u0000\u2028';
  const ws = load([{ type: 'text_print', id: 'p', inputs: { TEXT: { block: { type: 'text', fields: { TEXT: evil } } } } }], []);
  ws.getBlockById('p')!.setCommentText(evil);
  const g = generateNest(ws);
  const body = bodyOf(g.code);
  const literal = pyString(evil);
  assert.equal(literal, '"\\"\'); import os #\\r\\nprint(1)\\x00\\u2028"');
  assert.equal(body, `# "'); import os #\n# print(1)  \nprint(${literal})\n\nresponse = {"events": [], "biological_time": nest.biological_time}\n`);
});

test('dropdown values outside their options are refused', () => {
  const ws = load([chain([population('pop', 'n', 'iaf_psc_alpha', 1), connectBlock('c', 'n', 'n', 1, 1)])], [{ name: 'n1', id: 'n' }]);
  // Blockly itself refuses unknown options on load; force one past it as a tampered file might.
  const pop = ws.getBlockById('pop')!;
  (pop.getField('MODEL') as unknown as { value_: string }).value_ = 'iaf_psc_alpha", 1); import os #';
  const g = generateNest(ws);
  assert.ok(!g.code.includes('import os'), g.code);
  assert.match(messages(g)[0], /^pop: Unknown neuron model/);
});

test('python-text helpers', () => {
  assert.equal(pyFloat(1), '1.0');
  assert.equal(pyFloat(-0), '0.0');
  assert.equal(pyFloat(0.1), '0.1');
  assert.equal(pyFloat(1e-7), '1e-7');
  assert.equal(pyFloat(NaN), null);
  assert.equal(pyString('a"b\\c\n'), '"a\\"b\\\\c\\n"');
  assert.equal(pyString('😀'), '"\\U0001f600"');
  assert.deepEqual(parseSpikeTimes(' 1,2.5 ; 3e1 x'), { times: [1, 2.5, 30], bad: ['x'] });
  // German: decimal commas with semicolons between the times
  assert.deepEqual(parseSpikeTimes('10; 20,5; 30'), { times: [10, 20.5, 30], bad: [] });
  assert.deepEqual(parseSpikeTimes('10; 20,5,5'), { times: [10], bad: ['20,5,5'] });
});

// ---- cross-check with a real Python parser, where one is installed ------------------------------

const python = ['/tmp/probe-venv/bin/python', 'python3'].find((p) => spawnSync(p, ['-c', 'pass']).status === 0);

test('generated programs parse in Python to exactly the expected top-level statements', { skip: !python && 'no Python here' }, () => {
  const vars = HOSTILE.map((name, i) => ({ name, id: `v${i}` }));
  const hostile = generateNest(load([chain(HOSTILE.map((_, i) => srBlock(`b${i}`, `v${i}`)))], vars)).code;
  const first = generateNest(firstWorkspace()).code;
  const script = `
import ast, json, sys
out = []
for src in json.load(sys.stdin):
    tree = ast.parse(src)
    out.append([type(s).__name__ for s in tree.body])
print(json.dumps(out))`;
  const r = spawnSync(python!, ['-c', script], { input: JSON.stringify([first, hostile]), encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const [a, b] = JSON.parse(r.stdout) as string[][];
  assert.deepEqual(a, ['Import', 'Expr', 'Expr', 'Assign', 'Assign', 'Assign', 'Assign', 'Expr', 'Expr', 'Expr', 'Expr', 'Assign']);
  assert.deepEqual(b, ['Import', 'Expr', ...HOSTILE.map(() => 'Assign'), 'Assign']);
});

test('if / elif / else and while compose; elif and else lines map back to the if block', () => {
  const ws = load([chain([
    dcBlock('dc', 'd', 0),
    { type: 'controls_if', id: 'if', extraState: { hasElse: true, elseIfCount: 1 }, inputs: {
      IF0: { block: { type: 'logic_boolean', fields: { BOOL: 'TRUE' } } },
      IF1: { block: { type: 'logic_boolean', fields: { BOOL: 'FALSE' } } },
      DO0: { block: simulateBlock('s0', 5) },
      ELSE: { block: { type: 'controls_whileUntil', id: 'w', fields: { MODE: 'WHILE' }, inputs: { BOOL: { block: { type: 'logic_boolean', fields: { BOOL: 'FALSE' } } } } } },
    } },
    simulateBlock('s1', 5),
  ])], [{ name: 'dc1', id: 'd' }]);
  const g = generateNest(ws);
  const body = bodyOf(g.code);
  assert.equal(body,
    'dc1 = nest.Create("dc_generator", 1)\n' +
    'if True:\n' +
    '    nest.Simulate(5.0)\n' +
    'elif False:\n' +
    '    pass\n' +
    'else:\n' +
    '    while False:\n' +
    '        pass\n' +
    'nest.Simulate(5.0)\n' +
    '\nresponse = {"events": [], "biological_time": nest.biological_time}\n');
  assert.deepEqual(g.lineBlocks.slice(3), ['dc', 'if', 's0', 'if', 'if', 'if', 'w', 'w', 's1', null, null]);
});

// ---- the response line and detached stacks --------------------------------------------------

test('the response carries nest.biological_time, also when simulate runs in a loop', () => {
  const g = generateNest(sweepWorkspace(simulateBlock('inLoop', 100)));
  assert.equal(g.simTime, null, 'simTime unknown: the plots read response["biological_time"]');
  assert.equal(g.code.split('\n').at(-2), 'response = {"events": [], "biological_time": nest.biological_time}');
});

test('a second stack of NEST blocks runs after the first, and is gently flagged on its first block', () => {
  const ws = load(
    [chain([dcBlock('dc', 'd', 100), simulateBlock('s1', 10)]), chain([simulateBlock('s2', 20), simulateBlock('s3', 30)]), simulateBlock('s4', 5)],
    [{ name: 'dc1', id: 'd' }],
  );
  const g = generateNest(ws);
  assert.match(bodyOf(g.code), /^dc1 = .*\nnest\.Simulate\(10\.0\)\nnest\.Simulate\(20\.0\)\nnest\.Simulate\(30\.0\)\nnest\.Simulate\(5\.0\)\n/);
  const text = 'This stack is not attached to the program above; it runs after it, in top-to-bottom order. Snap it on to make the order clear.';
  assert.deepEqual(g.problems, [{ blockId: 's2', message: text, warning: true }, { blockId: 's4', message: text, warning: true }]);
});

test('no detached-stack problem for one stack, loose value blocks, or extra stacks without NEST blocks', () => {
  const one = generateNest(load([chain([dcBlock('dc', 'd', 100), simulateBlock('s1', 10)]), { type: 'math_number', fields: { NUM: 3 } }], [{ name: 'dc1', id: 'd' }]));
  assert.deepEqual(one.problems, []);
  const printStack = { type: 'text_print', id: 'pr', inputs: { TEXT: { shadow: { type: 'text', fields: { TEXT: 'hi' } } } } };
  const two = generateNest(load([chain([dcBlock('dc', 'd', 100), simulateBlock('s1', 10)]), printStack], [{ name: 'dc1', id: 'd' }]));
  assert.deepEqual(two.problems, []);
  // A NEST block nested inside a loop of a second stack counts.
  const loop = { type: 'controls_repeat_ext', id: 'rep', inputs: { TIMES: plain(2), DO: { block: simulateBlock('s9', 1) } } };
  const three = generateNest(load([chain([dcBlock('dc', 'd', 100)]), loop], [{ name: 'dc1', id: 'd' }]));
  assert.deepEqual(three.problems.map((p) => p.blockId), ['rep']);
});

// ---- weight units and meters on models without a voltage ------------------------------------

test('the weight label names the unit of the target model: pA, nS for conductance models, mV where V jumps', async () => {
  const { weightUnitLabel } = await import('../../blocks/nest/catalog');
  assert.equal(weightUnitLabel('poisson_generator', 'iaf_psc_alpha'), '(pA)');
  assert.equal(weightUnitLabel('poisson_generator', 'hh_psc_alpha'), '(pA)');
  for (const m of ['iaf_cond_exp', 'iaf_cond_alpha', 'aeif_cond_alpha']) assert.equal(weightUnitLabel('poisson_generator', m), '(nS)', m);
  assert.equal(weightUnitLabel('poisson_generator', 'iaf_psc_delta'), '(mV)');
  assert.equal(weightUnitLabel('poisson_generator', 'izhikevich'), '(mV)');
  assert.equal(weightUnitLabel('dc_generator', 'iaf_cond_alpha'), '(× current)');
});

test('a voltmeter on a parrot_neuron is flagged with NEST\'s IllegalConnection text; on an iaf neuron it is not', () => {
  const vmBlock = (id: string, varId: string): B => ({ type: 'nest_voltmeter', id, fields: { NAME: v(varId) } });
  const workspace = (model: string) => load(
    [chain([population('p', 'n', model, 1), vmBlock('m', 'vm'), connectBlock('c', 'vm', 'n', 1, 1), simulateBlock('s', 10)])],
    [{ name: 'n1', id: 'n' }, { name: 'vm1', id: 'vm' }],
  );
  const parrot = generateNest(workspace('parrot_neuron'));
  const flagged = parrot.problems.filter((p) => p.blockId === 'c').map((p) => p.message);
  assert.equal(flagged.length, 1, JSON.stringify(parrot.problems));
  assert.match(flagged[0], /^IllegalConnection: .*does not support data logging requests/);
  assert.deepEqual(generateNest(workspace('iaf_psc_alpha')).problems.filter((p) => p.blockId === 'c'), []);
});
