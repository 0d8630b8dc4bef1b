/**
 * The Norse generator: exact program text for each block kind, the line → block map, recorders,
 * the problems found before a run (shapes named), name escaping, and that the programs parse as
 * Python calling only the torch / norse subset of docs/norse-subset.md. Expected texts are
 * written by hand from Norse 1.1 usage and the contract, not copied from the generator.
 */
import { spawnSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as Blockly from 'blockly';
import { registerNorseBlocks } from '../../blocks/norse/index';
import lifExample from '../../blocks/examples/norse-lif.json';
import twoLayerExample from '../../blocks/examples/norse-two-layers.json';
import { generateNorse, parseSpikeList, parseValues } from '../../generators/norse';
import { venvPython } from '../lib/python';
import { chain, count, loadNorseWorkspace, plain, shadow, v, type B } from '../lib/norse-workspace';

registerNorseBlocks();

// ---- tiny builders for workspace JSON -----------------------------------------------------

const load = loadNorseWorkspace;

const settings = (dt: number, seed: number, id = 'settings'): B => ({
  type: 'norse_settings', id, inputs: { DT: plain(dt), SEED: shadow('norse_seed', seed) },
});
const constant = (id: string, name: string, T: number, N: number, value: number): B => ({
  type: 'norse_constant', id, fields: { NAME: v(name) }, inputs: { STEPS: count(T), NEURONS: count(N), VALUE: plain(value) },
});
const values = (id: string, name: string, text: string): B => ({ type: 'norse_values', id, fields: { NAME: v(name), VALUES: text } });
const lifParams = (id: string, over: Record<string, number> = {}, method = 'super'): B => ({
  type: 'norse_lif_parameters', id, fields: { METHOD: method },
  inputs: Object.fromEntries(Object.entries({ tau_syn_inv: 200, tau_mem_inv: 100, v_leak: 0, v_th: 1, v_reset: 0, ...over }).map(([k, x]) => [k, plain(x)])),
});
const lif = (id: string, name: string, input: string, scale = 1, params?: B): B => ({
  type: 'norse_lif', id, fields: { NAME: v(name), INPUT: v(input) },
  inputs: { SCALE: plain(scale), ...(params ? { P: { block: params } } : {}) },
});
const linear = (id: string, name: string, input: string, inSize: number, outSize: number, w: number): B => ({
  type: 'norse_linear', id, fields: { NAME: v(name), INPUT: v(input) }, inputs: { IN: count(inSize), OUT: count(outSize), WEIGHT: plain(w) },
});
const recordOf = (id: string, target: string, spikes = true, volt = true, current = true): B => ({
  type: 'norse_record', id, fields: { TARGET: v(target), SPIKES: spikes, V: volt, I: current },
});

const HEADER = 'import torch\nimport norse.torch as norse\n\ntorch.manual_seed(1)\ndt = 0.001  # seconds per step\n';
const LIF_P = 'norse.LIFParameters(tau_syn_inv=torch.tensor(200.0), tau_mem_inv=torch.tensor(100.0), v_leak=torch.tensor(0.0), ' +
  'v_th=torch.tensor(1.0), v_reset=torch.tensor(0.0), method="super", alpha=torch.tensor(100.0))';
const LI_P = 'norse.LIParameters(tau_syn_inv=torch.tensor(200.0), tau_mem_inv=torch.tensor(100.0), v_leak=torch.tensor(0.0))';
const BOX_P = 'norse.LIFBoxParameters(tau_mem_inv=torch.tensor(100.0), v_leak=torch.tensor(0.0), v_th=torch.tensor(1.0), v_reset=torch.tensor(0.0))';

function response(steps: number, entries: string[]): string {
  const recs = entries.length ? `    "recordings": [\n${entries.map((e) => `        ${e},\n`).join('')}    ],\n` : '    "recordings": [],\n';
  return `\nresponse = {\n    "dt": dt,\n    "steps": ${steps},\n${recs}}\n`;
}

/** The program lines between the header and the response. */
function bodyOf(code: string): string {
  assert.ok(code.startsWith(HEADER), code);
  return code.slice(HEADER.length, code.indexOf('\nresponse = {'));
}

function messages(g: { problems: { blockId: string; message: string; warning?: true }[] }): string[] {
  return g.problems.map((p) => `${p.blockId}: ${p.message}${p.warning ? ' (warning)' : ''}`);
}

function loadExample(json: unknown): Blockly.Workspace {
  const ws = new Blockly.Workspace();
  Blockly.serialization.workspaces.load(json as Record<string, unknown>, ws);
  return ws;
}

// ---- the examples -------------------------------------------------------------------------

const LIF_EXAMPLE_CODE = `import torch
import norse.torch as norse

torch.manual_seed(1)
dt = 0.001  # seconds per step
x1 = torch.ones(100, 4) * 2.5
p_lif1 = ${LIF_P}
lif1 = norse.LIF(p=p_lif1, record_states=True, dt=dt)
z_lif1, s_lif1 = lif1(x1 * 0.4)

response = {
    "dt": dt,
    "steps": 100,
    "recordings": [
        {"name": "lif1", "spikes": z_lif1.detach().tolist(), "v": s_lif1.v.detach().tolist(), "i": s_lif1.i.detach().tolist()},
    ],
}
`;

test('LIF example: the talk\'s program done right (the input is scaled, not the tuple)', () => {
  const g = generateNorse(loadExample(lifExample));
  assert.equal(g.code, LIF_EXAMPLE_CODE);
  assert.deepEqual(g.problems, []);
  assert.equal(g.simTime, 100); // 100 steps · 0.001 s = 100 ms
  assert.deepEqual(g.recorders, [{ name: 'lif1', blockId: 'record_lif1', keys: ['spikes', 'v', 'i'], neurons: 4, steps: 100 }]);
  assert.doesNotMatch(g.code, /\)\s*\*\s*0\.4/, 'nothing multiplies a call result');
});

test('LIF example: every line maps to the block that wrote it', () => {
  const g = generateNorse(loadExample(lifExample));
  assert.deepEqual(g.lineBlocks, [
    null, null, null, // imports, blank
    'settings', 'settings', 'x1', 'p_lif1', 'lif1', 'lif1',
    null, null, null, null, null, // blank, response = {, dt, steps, recordings
    'record_lif1',
    null, null, // ], }
  ]);
  assert.equal(g.lineBlocks.length, g.code.split('\n').length - 1);
});

test('two-layer example: Linear → LIF → Linear → LIF in a SequentialState, the last layer recorded', () => {
  const g = generateNorse(loadExample(twoLayerExample));
  assert.deepEqual(g.problems, []);
  assert.equal(g.code, `${HEADER}x1 = torch.rand(100, 4) * 2.0
net1_0 = torch.nn.Linear(4, 3, bias=False)
torch.nn.init.constant_(net1_0.weight, 0.5)
p_net1_1 = ${LIF_P}
net1_2 = torch.nn.Linear(3, 2, bias=False)
torch.nn.init.constant_(net1_2.weight, 0.8)
p_net1_3 = ${LIF_P}
net1 = norse.SequentialState(net1_0, norse.LIF(p=p_net1_1, record_states=False, dt=dt), net1_2, norse.LIF(p=p_net1_3, record_states=True, dt=dt))
z_net1, s_net1 = net1(x1)
${response(100, [
  '{"name": "x1", "values": x1.detach().tolist()}',
  '{"name": "net1", "spikes": z_net1.detach().tolist(), "v": s_net1[3].v.detach().tolist(), "i": s_net1[3].i.detach().tolist()}',
])}`);
  const lineOf = (text: string) => g.lineBlocks[g.code.split('\n').findIndex((l) => l.startsWith(text))];
  assert.equal(lineOf('p_net1_1 ='), 'p_lif1', 'a parameter line belongs to its parameter block');
  assert.equal(lineOf('p_net1_3 ='), 'p_lif2');
  assert.equal(lineOf('net1 = '), 'net1');
  assert.equal(lineOf('net1_0 = '), 'linear1', 'a Linear layer\'s lines belong to its block');
  assert.equal(lineOf('torch.nn.init.constant_(net1_0'), 'linear1');
  assert.equal(lineOf('torch.nn.init.constant_(net1_2'), 'linear2');
  assert.equal(lineOf('z_net1, s_net1'), 'net1');
  assert.deepEqual(g.recorders, [
    { name: 'x1', blockId: 'record_x1', keys: ['values'], neurons: 4, steps: 100 },
    { name: 'net1', blockId: 'record_net1', keys: ['spikes', 'v', 'i'], neurons: 2, steps: 100 },
  ]);
});

test('the generator is a pure function: same result twice, workspace unchanged', () => {
  const ws = loadExample(twoLayerExample);
  const before = JSON.stringify(Blockly.serialization.workspaces.save(ws));
  assert.deepEqual(generateNorse(ws), generateNorse(ws));
  assert.equal(JSON.stringify(Blockly.serialization.workspaces.save(ws)), before);
});

// ---- each block ---------------------------------------------------------------------------

test('settings: dt in seconds and the seed; simTime follows dt', () => {
  const ws = load([chain([settings(0.0005, 42), constant('c', 'x1', 200, 2, 1), recordOf('r', 'x1')])], ['x1']);
  const g = generateNorse(ws);
  assert.equal(g.code, `import torch\nimport norse.torch as norse\n\ntorch.manual_seed(42)\ndt = 0.0005  # seconds per step\nx1 = torch.ones(200, 2) * 1.0\n${response(200, ['{"name": "x1", "values": x1.detach().tolist()}'])}`);
  assert.equal(g.simTime, 100); // 200 · 0.0005 s
  assert.deepEqual(g.lineBlocks.slice(3, 5), ['settings', 'settings']);
});

test('inputs: random, normal, step, spike train, values and a sum', () => {
  const ws = load([chain([
    { type: 'norse_rand', id: 'a', fields: { NAME: v('x1') }, inputs: { STEPS: count(50), NEURONS: count(3), SCALE: plain(2) } },
    { type: 'norse_randn', id: 'b', fields: { NAME: v('x2') }, inputs: { STEPS: count(50), NEURONS: count(3), MEAN: plain(1), STD: plain(0.5) } },
    { type: 'norse_step_current', id: 'c', fields: { NAME: v('x3') }, inputs: { STEPS: count(50), NEURONS: count(3), FROM: plain(10), TO: plain(30), VALUE: plain(1.5) } },
    { type: 'norse_spike_train', id: 'd', fields: { NAME: v('x4'), SPIKES: '10:0, 30:2' }, inputs: { STEPS: count(50), NEURONS: count(3) } },
    values('e', 'r1', '0.2, 0.5, 1'),
    { type: 'norse_add', id: 'f', fields: { NAME: v('x5'), A: v('x3'), B: v('x2') } },
  ])], ['x1', 'x2', 'x3', 'x4', 'x5', 'r1']);
  const g = generateNorse(ws);
  assert.deepEqual(messages(g), []);
  assert.equal(bodyOf(g.code), [
    'x1 = torch.rand(50, 3) * 2.0',
    'x2 = torch.randn(50, 3) * 0.5 + 1.0',
    'x3 = torch.zeros(50, 3)',
    'x3[10:30] = 1.5',
    'x4 = torch.zeros(50, 3)',
    'x4[10, 0] = 1.0',
    'x4[30, 2] = 1.0',
    'r1 = torch.tensor([0.2, 0.5, 1.0])',
    'x5 = x3 + x2',
    '',
  ].join('\n'));
  assert.deepEqual(g.lineBlocks.slice(5, 14), ['a', 'b', 'c', 'c', 'd', 'd', 'd', 'e', 'f']);
});

test('encoders: Poisson, constant-current LIF and spike-latency LIF on one value per neuron', () => {
  const ws = load([chain([
    values('r', 'r1', '0.2 0.5 1.0'),
    { type: 'norse_poisson_encoder', id: 'e1', fields: { NAME: v('e1'), INPUT: v('r1') }, inputs: { STEPS: count(100), F_MAX: plain(100) } },
    { type: 'norse_constant_current_encoder', id: 'e2', fields: { NAME: v('e2'), INPUT: v('r1') }, inputs: { STEPS: count(60) } },
    { type: 'norse_spike_latency_encoder', id: 'e3', fields: { NAME: v('e3'), INPUT: v('r1') }, inputs: { STEPS: count(100), P: { block: lifParams('p3', { v_th: 0.5 }) } } },
    recordOf('rec', 'e2', true, false, false),
  ])], ['r1', 'e1', 'e2', 'e3']);
  const g = generateNorse(ws);
  assert.deepEqual(messages(g), []);
  assert.equal(bodyOf(g.code), [
    'r1 = torch.tensor([0.2, 0.5, 1.0])',
    'e1 = norse.PoissonEncoder(100, f_max=100.0, dt=dt)',
    'z_e1 = e1(r1)',
    `p_e2 = ${LIF_P}`,
    'e2 = norse.ConstantCurrentLIFEncoder(60, p=p_e2, dt=dt)',
    'z_e2 = e2(r1)',
    `p_e3 = ${LIF_P.replace('v_th=torch.tensor(1.0)', 'v_th=torch.tensor(0.5)')}`,
    'e3 = norse.SpikeLatencyLIFEncoder(100, p=p_e3, dt=dt)',
    'z_e3 = e3(r1)',
    '',
  ].join('\n'));
  // an encoder's output is spikes: drawn as a raster
  assert.deepEqual(g.recorders, [{ name: 'e2', blockId: 'rec', keys: ['spikes'], neurons: 3, steps: 60 }]);
  assert.equal(g.simTime, 60);
  const lines = g.code.split('\n');
  assert.equal(g.lineBlocks[lines.findIndex((l) => l.startsWith('p_e3'))], 'p3');
  assert.equal(g.lineBlocks[lines.findIndex((l) => l.startsWith('e3 ='))], 'e3');
});

test('layers: LI, recurrent LIF, LIF box cell loop, Linear; record_states only where v or i is recorded', () => {
  const ws = load([chain([
    constant('c', 'x1', 100, 4, 1),
    lif('l', 'lif1', 'x1'),
    { type: 'norse_li', id: 'li', fields: { NAME: v('li1'), INPUT: v('lif1') }, inputs: { SCALE: plain(1) } },
    { type: 'norse_lif_recurrent', id: 'rec', fields: { NAME: v('rec1'), INPUT: v('x1') }, inputs: { SCALE: plain(1), HIDDEN: count(3) } },
    { type: 'norse_lif_box', id: 'box', fields: { NAME: v('box1'), INPUT: v('x1') }, inputs: { SCALE: plain(0.5) } },
    linear('lin', 'lin1', 'lif1', 4, 2, 0.25),
    recordOf('r1', 'li1', false, true, true),
    recordOf('r2', 'box1', true, true, false),
    recordOf('r3', 'rec1', true, false, false),
  ])], ['x1', 'lif1', 'li1', 'rec1', 'box1', 'lin1']);
  const g = generateNorse(ws);
  assert.deepEqual(messages(g), []);
  assert.equal(bodyOf(g.code), [
    'x1 = torch.ones(100, 4) * 1.0',
    `p_lif1 = ${LIF_P}`,
    'lif1 = norse.LIF(p=p_lif1, record_states=False, dt=dt)',
    'z_lif1, s_lif1 = lif1(x1)',
    `p_li1 = ${LI_P}`,
    'li1 = norse.LI(p=p_li1, record_states=True, dt=dt)',
    'v_li1, s_li1 = li1(z_lif1)',
    `p_rec1 = ${LIF_P}`,
    'rec1 = norse.LIFRecurrent(4, 3, p=p_rec1, record_states=False, dt=dt)',
    'z_rec1, s_rec1 = rec1(x1)',
    `p_box1 = ${BOX_P}`,
    'box1 = norse.LIFBoxCell(p=p_box1, dt=dt)',
    's_box1 = None',
    'zs_box1, vs_box1 = [], []',
    'for t in range(x1.shape[0]):',
    '    z_t, s_box1 = box1(x1[t] * 0.5, s_box1)',
    '    zs_box1.append(z_t)',
    '    vs_box1.append(s_box1.v)',
    'z_box1 = torch.stack(zs_box1)',
    'v_box1 = torch.stack(vs_box1)',
    'lin1 = torch.nn.Linear(4, 2, bias=False)',
    'torch.nn.init.constant_(lin1.weight, 0.25)',
    'y_lin1 = lin1(z_lif1)',
    '',
  ].join('\n'));
  assert.match(g.code, /\{"name": "li1", "v": v_li1\.detach\(\)\.tolist\(\), "i": s_li1\.i\.detach\(\)\.tolist\(\)\},\n/);
  assert.match(g.code, /\{"name": "box1", "spikes": z_box1\.detach\(\)\.tolist\(\), "v": v_box1\.detach\(\)\.tolist\(\)\},\n/);
  assert.match(g.code, /\{"name": "rec1", "spikes": z_rec1\.detach\(\)\.tolist\(\)\},\n/);
  assert.deepEqual(g.recorders.map((r) => [r.name, r.keys, r.neurons, r.steps]), [
    ['li1', ['v', 'i'], 4, 100],
    ['box1', ['spikes', 'v'], 4, 100],
    ['rec1', ['spikes'], 3, 100],
  ]);
  // the loop body belongs to the box block
  const lines = g.code.split('\n');
  for (const [k, l] of lines.entries()) if (l.includes('box1') && !l.startsWith('        {')) assert.equal(g.lineBlocks[k], 'box', l);
});

test('parameters: changed values and method written in place; every field always written out', () => {
  const ws = load([chain([
    constant('c', 'x1', 10, 1, 1),
    lif('l', 'lif1', 'x1', 1, lifParams('p', { tau_mem_inv: 50, v_th: 0.8 }, 'heaviside')),
  ])], ['x1', 'lif1']);
  const g = generateNorse(ws);
  assert.deepEqual(messages(g), []);
  assert.match(g.code, /\np_lif1 = norse\.LIFParameters\(tau_syn_inv=torch\.tensor\(200\.0\), tau_mem_inv=torch\.tensor\(50\.0\), v_leak=torch\.tensor\(0\.0\), v_th=torch\.tensor\(0\.8\), v_reset=torch\.tensor\(0\.0\), method="heaviside", alpha=torch\.tensor\(100\.0\)\)\n/);
});

test('no record block: an empty recordings list, steps from the inputs', () => {
  const g = generateNorse(load([constant('c', 'x1', 30, 2, 1)], ['x1']));
  assert.equal(g.code, `${HEADER}x1 = torch.ones(30, 2) * 1.0\n${response(30, [])}`);
  assert.deepEqual(g.recorders, []);
  assert.equal(g.simTime, 30);
});

// ---- problems on the blocks ---------------------------------------------------------------

test('a Linear layer whose input size does not match names both shapes', () => {
  const ws = load([chain([
    constant('c', 'x1', 100, 3, 1),
    lif('l', 'lif1', 'x1'),
    linear('lin', 'lin1', 'lif1', 4, 2, 0.5),
  ])], ['x1', 'lif1', 'lin1']);
  assert.deepEqual(messages(generateNorse(ws)), ['lin: Linear expects 4 inputs per step, gets 3 from lif1 (shape (100, 3)).']);
});

test('a Linear layer inside a sequence is checked against the layer above', () => {
  const ws = load([chain([
    constant('c', 'x1', 80, 4, 1),
    {
      type: 'norse_sequential', id: 'net', fields: { NAME: v('net1'), INPUT: v('x1') }, inputs: {
        SCALE: plain(1),
        LAYERS: { block: chain([
          { type: 'norse_seq_linear', id: 'm0', inputs: { IN: count(4), OUT: count(3), WEIGHT: plain(1) } },
          { type: 'norse_seq_lif', id: 'm1' },
          { type: 'norse_seq_linear', id: 'm2', inputs: { IN: count(5), OUT: count(2), WEIGHT: plain(1) } },
        ]) },
      },
    },
  ])], ['x1', 'net1']);
  assert.deepEqual(messages(generateNorse(ws)), ['m2: Linear expects 5 inputs per step, gets 3 from the layer above (shape (80, 3)).']);
});

test('an encoder fed a (time, neurons) tensor, a layer fed a 1-D tensor', () => {
  const ws = load([chain([
    constant('c', 'x1', 100, 4, 1),
    values('r', 'r1', '1, 2'),
    { type: 'norse_poisson_encoder', id: 'enc', fields: { NAME: v('e1'), INPUT: v('x1') }, inputs: { STEPS: count(100), F_MAX: plain(100) } },
    lif('l', 'lif1', 'r1'),
  ])], ['x1', 'r1', 'e1', 'lif1']);
  assert.deepEqual(messages(generateNorse(ws)), [
    'enc: PoissonEncoder takes one value per neuron (shape (neurons,)), but x1 has shape (100, 4): an encoder makes the time steps itself. Give it a "one value per neuron" block.',
    'l: A LIF layer needs a (time steps, neurons) tensor, but r1 has shape (2,): the time dimension is missing. Feed it through an encoder first.',
  ]);
});

test('parts added together with different time steps or neurons', () => {
  const ws = load([chain([
    constant('a', 'x1', 100, 4, 1),
    constant('b', 'x2', 50, 4, 1),
    constant('c', 'x3', 100, 2, 1),
    { type: 'norse_add', id: 'sum1', fields: { NAME: v('x4'), A: v('x1'), B: v('x2') } },
    { type: 'norse_add', id: 'sum2', fields: { NAME: v('x5'), A: v('x1'), B: v('x3') } },
  ])], ['x1', 'x2', 'x3', 'x4', 'x5']);
  assert.deepEqual(messages(generateNorse(ws)), [
    'sum1: x1 has 100 time steps (shape (100, 4)), x2 has 50 (shape (50, 4)): parts added together need the same number of time steps.',
    'sum2: x1 has 4 neurons (shape (100, 4)), x3 has 2 (shape (100, 2)): parts added together need the same number of neurons.',
  ]);
});

test('a negative or zero time constant is refused on the parameter block; dt must be positive', () => {
  const ws = load([chain([
    settings(0, 1),
    constant('c', 'x1', 10, 1, 1),
    lif('l', 'lif1', 'x1', 1, lifParams('p', { tau_mem_inv: -100, tau_syn_inv: 0 })),
  ])], ['x1', 'lif1']);
  assert.deepEqual(messages(generateNorse(ws)), [
    'settings: dt is the length of one time step in seconds and must be above 0, not 0.',
    'p: tau_syn_inv must be above 0: it is a rate 1/τ in 1/s (100 means τ = 10 ms), not 0.',
    'p: tau_mem_inv must be above 0: it is a rate 1/τ in 1/s (100 means τ = 10 ms), not -100.',
  ]);
  assert.equal(generateNorse(ws).simTime, null);
});

test('dt given in ms by mistake: a warning that names seconds', () => {
  const g = generateNorse(load([chain([settings(1, 1), constant('c', 'x1', 10, 1, 1)])], ['x1']));
  assert.deepEqual(messages(g), ["settings: dt is in seconds: 1 s per step is long for neurons (Norse's default is 0.001 s = 1 ms). (warning)"]);
});

test('sizes, steps and spikes out of range; text that is not understood', () => {
  const ws = load([chain([
    // a count field rounds what is typed into it; a plain number block does not
    { type: 'norse_constant', id: 'c', fields: { NAME: v('x1') }, inputs: { STEPS: plain(2.5), NEURONS: plain(0), VALUE: plain(1) } },
    { type: 'norse_step_current', id: 's', fields: { NAME: v('x2') }, inputs: { STEPS: count(50), NEURONS: count(1), FROM: plain(40), TO: plain(60), VALUE: plain(1) } },
    { type: 'norse_spike_train', id: 't', fields: { NAME: v('x3'), SPIKES: '5:0, 60:0, 5:3, x:1' }, inputs: { STEPS: count(50), NEURONS: count(2) } },
    values('r', 'r1', '1, two'),
  ])], ['x1', 'x2', 'x3', 'r1']);
  assert.deepEqual(messages(generateNorse(ws)), [
    'c: The time steps must be a whole number of at least 1, not 2.5.',
    'c: The number of neurons must be a whole number of at least 1, not 0.',
    's: The step ends at step 60, past the end of x2 (50 time steps, 0 to 49).',
    't: Spikes are written step:neuron, separated by commas (e.g. "10:0, 30:1"); not understood: "x:1".',
    't: The spike 60:0 is at step 60, past the end (50 time steps, 0 to 49).',
    't: The spike 5:3 is for neuron 3, but there are 2 neurons (0 to 1).',
    'r: Values must be numbers separated by commas; not understood: "two".',
  ]);
});

test('a count of 0 typed into a count field is kept and named, not silently made 1', () => {
  const ws = new Blockly.Workspace();
  const block = ws.newBlock('norse_count');
  block.setFieldValue('0', 'NUM');
  assert.equal(block.getFieldValue('NUM'), 0);
  const g = generateNorse(load([constant('c', 'x1', 10, 0, 1)], ['x1']));
  assert.deepEqual(messages(g), ['c: The number of neurons must be a whole number of at least 1, not 0.']);
});

test('a tensor too large for the browser is a warning naming its size (the run may go to a server)', () => {
  // 100,000 steps × 1,000 neurons = 100 million numbers = 0.4 GB of float32, above the 50 million limit
  const g = generateNorse(load([chain([constant('c', 'x1', 100_000, 1000, 1), lif('l', 'lif1', 'x1'), constant('ok', 'x2', 50_000, 1000, 1)])], ['x1', 'lif1', 'x2']));
  const big = 'is 100000 time steps × 1000 neurons = 100 million numbers (0.4 GB as float32): too large to run in this browser (at most 50 million numbers per tensor). Make it smaller, or run it on a Norse backend (⚙). (warning)';
  assert.deepEqual(messages(g), [`c: x1 ${big}`, `l: lif1 ${big}`]);
});

test('recording what a part does not have, a part made later, a part without time', () => {
  const ws = load([chain([
    recordOf('early', 'x1'),
    constant('c', 'x1', 10, 1, 1),
    values('r', 'r1', '1'),
    { type: 'norse_li', id: 'li', fields: { NAME: v('li1'), INPUT: v('x1') } },
    { type: 'norse_lif_box', id: 'box', fields: { NAME: v('box1'), INPUT: v('x1') } },
    recordOf('r_li', 'li1', true, true, false),
    recordOf('r_box', 'box1', false, false, true),
    recordOf('r_r1', 'r1'),
    recordOf('none', 'li1', false, false, false),
  ])], ['x1', 'r1', 'li1', 'box1']);
  const g = generateNorse(ws);
  assert.deepEqual(messages(g), [
    'early: Nothing makes x1 above this block: add the block that makes it first.',
    'r_li: An LI layer sends its voltage, not spikes: li1 has no spikes to record, so it is left out. Untick spikes. (warning)',
    'r_box: A LIF box cell has no input current: box1 has no current i to record, so it is left out. Untick i. (warning)',
    'r_r1: r1 has no time steps to plot (shape (1,)): record the encoder that turns it into spikes.',
    'none: Tick what to record: spikes, v or i.',
  ]);
});

test('a container layer outside a container, an empty container, a second settings block', () => {
  const ws = load([chain([
    settings(0.001, 1, 's1'),
    constant('c', 'x1', 10, 1, 1),
    settings(0.001, 2, 's2'),
    { type: 'norse_sequential', id: 'net', fields: { NAME: v('net1'), INPUT: v('x1') } },
  ]), { type: 'norse_seq_lif', id: 'loose' }], ['x1', 'net1']);
  const g = generateNorse(ws);
  assert.deepEqual(messages(g), [
    `loose: ${'This stack is not attached to the program above; it runs after it, in top-to-bottom order. Snap it on to make the order clear.'} (warning)`,
    's2: There is a simulation settings block already: keep one.',
    'net: Put at least one layer inside the sequence.',
    'loose: This layer goes inside a "layers in sequence" block (Containers).',
  ]);
});

test('two blocks making the same name', () => {
  const ws = load([chain([constant('a', 'x1', 10, 1, 1), constant('b', 'x1', 10, 1, 2)])], ['x1']);
  assert.deepEqual(messages(generateNorse(ws)), ['b: Two blocks make x1: give this one another name.']);
});

// ---- names typed by a learner -------------------------------------------------------------

const HOSTILE = ['torch', 'dt', 'response', 'import', 'x"); print("boom', 'z_lif1', 't', 'lif 1\nprint(2)'];

function hostileWorkspace(): Blockly.Workspace {
  const ids = ['torch', 'dt', 'response', 'import', 'quote', 'z_lif1', 't', 'newline'];
  const ws = new Blockly.Workspace();
  Blockly.serialization.workspaces.load({
    blocks: { languageVersion: 0, blocks: [{ x: 0, y: 0, ...chain([
      constant('a', 'torch', 10, 2, 1),
      constant('b', 'dt', 10, 2, 1),
      { type: 'norse_add', id: 'c', fields: { NAME: v('response'), A: v('torch'), B: v('dt') } },
      constant('d', 'quote', 10, 2, 1),
      constant('e', 'z_lif1', 10, 2, 1),
      constant('f', 't', 10, 2, 1),
      lif('g', 'import', 'quote'),
      { type: 'norse_lif_box', id: 'h', fields: { NAME: v('newline'), INPUT: v('t') } },
      recordOf('r1', 'import'),
      recordOf('r2', 'newline', true, true, false),
      { type: 'norse_values', id: 'vals', fields: { NAME: v('t'), VALUES: '1, 2"); import os; ("' } },
    ]) }] },
    variables: ids.map((id, k) => ({ name: HOSTILE[k], id: `var_${id}`, type: 'norse_tensor' })),
  }, ws);
  return ws;
}

test('names a learner types never break out: renamed, never a program name, never a keyword', () => {
  const g = generateNorse(hostileWorkspace());
  const body = bodyOf(g.code);
  assert.match(body, /^torch2 = torch\.ones\(10, 2\) \* 1\.0$/m);
  assert.match(body, /^dt2 = torch\.ones\(10, 2\) \* 1\.0$/m);
  assert.match(body, /^response2 = torch2 \+ dt2$/m);
  assert.match(body, /^import2 = norse\.LIF\(/m);
  assert.match(body, /^t2 = torch\.ones/m);
  // the learner's own z_lif1 keeps its name; the LIF output made from "import" does not take it
  assert.match(body, /^z_lif1 = torch\.ones/m);
  assert.match(body, /^z_import2, s_import2 = import2\(/m);
  assert.doesNotMatch(g.code, /\bprint\(|import os|"\)/);
  assert.ok(messages(g).some((m) => m.startsWith('vals: Values must be numbers')), messages(g).join('\n'));
  for (const line of g.code.split('\n')) assert.doesNotMatch(line, /^\s*import (?!torch$|norse\.torch as norse$)/, line);
});

test('list parsers', () => {
  assert.deepEqual(parseSpikeList('10:0, 30:2;4:1'), { spikes: [[10, 0], [30, 2], [4, 1]], bad: [] });
  assert.deepEqual(parseSpikeList('-1:0 1:-2 1.5:0').bad, ['-1:0', '1:-2', '1.5:0']);
  assert.deepEqual(parseValues('0.2, .5 1e-3, -2'), { values: [0.2, 0.5, 0.001, -2], bad: [] });
  assert.deepEqual(parseValues('nan, inf, 0x10').bad, ['nan', 'inf', '0x10']);
});

// ---- the programs are Python that calls only the contract's subset --------------------------

/** Names a generated program may call: the torch / norse subset of the contract, the parts'
 * own modules (called by name), list methods and three builtins. */
const ALLOWED_CALLS = new Set([
  'torch.manual_seed', 'torch.ones', 'torch.zeros', 'torch.rand', 'torch.randn', 'torch.tensor', 'torch.stack',
  'torch.nn.Linear', 'torch.nn.init.constant_',
  'norse.LIFParameters', 'norse.LIParameters', 'norse.LIFBoxParameters', 'norse.LIF', 'norse.LI', 'norse.LIFRecurrent',
  'norse.LIFBoxCell', 'norse.PoissonEncoder', 'norse.ConstantCurrentLIFEncoder', 'norse.SpikeLatencyLIFEncoder',
  'norse.SequentialState', '.detach', '.tolist', '.append', 'range', 'float', 'int',
]);

const PY_CHECK = String.raw`
import ast, json, sys
out = []
for src in json.load(sys.stdin):
    tree = ast.parse(src)
    calls, assigned = [], []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            f = node.func
            parts = []
            while isinstance(f, ast.Attribute):
                parts.append(f.attr)
                f = f.value
            if isinstance(f, ast.Name):
                parts.append(f.id)
                calls.append(".".join(reversed(parts)))
            else:
                calls.append("." + parts[0])
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            assigned.append(node.id)
    imports = [ast.unparse(n) for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))]
    out.append({"calls": calls, "assigned": assigned, "imports": imports})
print(json.dumps(out))
`;

test('generated programs parse as Python and call only the contract subset', () => {
  const python = venvPython();
  const programs = [generateNorse(loadExample(lifExample)), generateNorse(loadExample(twoLayerExample)), generateNorse(hostileWorkspace())];
  const r = spawnSync(python, ['-c', PY_CHECK], { input: JSON.stringify(programs.map((g) => g.code)), encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const results = JSON.parse(r.stdout) as { calls: string[]; assigned: string[]; imports: string[] }[];
  for (const [k, res] of results.entries()) {
    assert.deepEqual(res.imports, ['import torch', 'import norse.torch as norse'], `program ${k}`);
    for (const c of res.calls) {
      // a bare name is either an allowed builtin or one of the program's own modules (assigned above)
      const ok = ALLOWED_CALLS.has(c) || [...ALLOWED_CALLS].some((a) => a.startsWith('.') && c.endsWith(a)) || res.assigned.includes(c);
      assert.ok(ok, `program ${k} calls ${c}`);
    }
    assert.ok(res.assigned.includes('response'), `program ${k} assigns response`);
  }
  assert.ok(results[0].calls.includes('lif1') && results[1].calls.includes('net1'), 'layers are called by their own names');
});

test('recording an encoder with the default ticks: its spikes, and one warning that v and i are left out', () => {
  const ws = load([chain([
    values('r', 'r1', '0.5'),
    { type: 'norse_poisson_encoder', id: 'e1', fields: { NAME: v('e1'), INPUT: v('r1') }, inputs: { STEPS: count(10), F_MAX: plain(100) } },
    recordOf('rec', 'e1'),
  ])], ['r1', 'e1']);
  const g = generateNorse(ws);
  assert.deepEqual(messages(g), ['rec: An encoder sends spikes only: e1 has no voltage v or current i to record, so they are left out. Untick v and i. (warning)']);
  assert.deepEqual(g.recorders.map((r) => r.keys), [['spikes']]);
  assert.match(g.code, /\{"name": "e1", "spikes": z_e1\.detach\(\)\.tolist\(\)\},/);
});
