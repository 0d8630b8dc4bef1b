/**
 * Norse blocks → NIR graph (generators/norse-nir.ts): node types, shapes, parameters, edges and dt,
 * and the refusals. Expected parameters are derived by hand from Norse's Euler step and NIR's
 * continuous equations (see the derivation at the top of generators/norse-nir.ts):
 *   tau_syn = 1/tau_syn_inv, tau_mem = 1/tau_mem_inv, r = 1, w_in = scale · tau_syn / dt;
 *   LIF box: tau = 1/tau_mem_inv, r = scale; Linear: weight (out, in) = w · scale.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as Blockly from 'blockly';
import { registerNorseBlocks } from '../../blocks/norse/index';
import { chain, count, loadNorseWorkspace, plain, shadow, v, type B } from '../lib/norse-workspace';
import { norseToNir, type NirArray, type NirExport, type NirGraph } from '../../generators/norse-nir';

registerNorseBlocks();

const load = loadNorseWorkspace;

const settings = (dt: number): B => ({ type: 'norse_settings', id: 'settings', inputs: { DT: plain(dt), SEED: shadow('norse_seed', 1) } });
const constant = (id: string, name: string, T: number, N: number, value: number): B => ({
  type: 'norse_constant', id, fields: { NAME: v(name) }, inputs: { STEPS: count(T), NEURONS: count(N), VALUE: plain(value) },
});
const paramBlock = (type: string, id: string, values: Record<string, number | B>, fields: B = {}): B => ({
  type, id, fields,
  inputs: Object.fromEntries(Object.entries(values).map(([k, x]) => [k, typeof x === 'number' ? plain(x) : { block: x }])),
});
const layer = (type: string, id: string, name: string, input: string, scale = 1, params?: B): B => ({
  type, id, fields: { NAME: v(name), INPUT: v(input) }, inputs: { SCALE: plain(scale), ...(params ? { P: { block: params } } : {}) },
});
const linear = (id: string, name: string, input: string, inSize: number, outSize: number, w: number): B => ({
  type: 'norse_linear', id, fields: { NAME: v(name), INPUT: v(input) }, inputs: { IN: count(inSize), OUT: count(outSize), WEIGHT: plain(w) },
});
const record = (id: string, target: string): B => ({ type: 'norse_record', id, fields: { TARGET: v(target), SPIKES: true, V: true, I: true } });

function graphOf(e: NirExport): NirGraph {
  assert.ok(e.ok, `refused: ${JSON.stringify(!e.ok && e.problems)}`);
  return e.graph;
}

/** An array of `n` copies of `x` with shape `shape`, compared to 1e-12 relative (doubles from divisions). */
function filled(a: NirArray, shape: number[], x: number): void {
  assert.deepEqual(a.shape, shape);
  assert.equal(a.dtype, 'float32');
  assert.equal(a.data.length, shape.reduce((p, q) => p * q, 1));
  for (const y of a.data) assert.ok(Math.abs(y - x) <= 1e-12 * Math.max(1, Math.abs(x)), `${y} ≠ ${x}`);
}

function refusal(e: NirExport): { blockId: string; message: string } {
  assert.ok(!e.ok, 'expected a refusal, got a graph');
  assert.equal(e.problems.length >= 1, true);
  return e.problems[0];
}

test('constant input → Linear → LIF: Input (2), Linear (3, 2), CubaLIF with Norse defaults, Output (3), dt from the settings', () => {
  const ws = load([chain([
    settings(0.001), constant('c', 'x1', 20, 2, 1.5), linear('lin', 'lin1', 'x1', 2, 3, 0.5), layer('norse_lif', 'lif', 'lif1', 'lin1'), record('r', 'lif1'),
  ])], ['x1', 'lin1', 'lif1']);
  const g = graphOf(norseToNir(ws));
  assert.deepEqual(Object.keys(g.nodes).sort(), ['input', 'lif1', 'lin1', 'output']);
  assert.deepEqual(g.nodes.input, { type: 'Input', params: { shape: { dtype: 'int64', shape: [1], data: [2] } } });
  assert.deepEqual(g.nodes.output, { type: 'Output', params: { shape: { dtype: 'int64', shape: [1], data: [3] } } });
  assert.equal(g.nodes.lin1.type, 'Linear');
  assert.equal(g.nodes.lin1.blockId, 'lin');
  filled(g.nodes.lin1.params.weight, [3, 2], 0.5);
  const lif = g.nodes.lif1;
  assert.equal(lif.type, 'CubaLIF');
  assert.equal(lif.blockId, 'lif');
  assert.deepEqual(Object.keys(lif.params).sort(), ['r', 'tau_mem', 'tau_syn', 'v_leak', 'v_reset', 'v_threshold', 'w_in']);
  filled(lif.params.tau_syn, [3], 1 / 200); // 5 ms
  filled(lif.params.tau_mem, [3], 1 / 100); // 10 ms
  filled(lif.params.r, [3], 1);
  filled(lif.params.v_leak, [3], 0);
  filled(lif.params.v_threshold, [3], 1);
  filled(lif.params.v_reset, [3], 0);
  filled(lif.params.w_in, [3], 5); // tau_syn / dt = 0.005 / 0.001
  assert.deepEqual(g.edges, [['input', 'lin1'], ['lin1', 'lif1'], ['lif1', 'output']]);
  assert.equal(g.metadata.dt, 0.001);
  assert.equal(g.metadata.dt_unit, 's');
  assert.match(String(g.metadata.dt_source), /simulation settings block \(settings\)/);
  assert.match(String(g.metadata.input), /^x1 \(constant input, block c\)/);
});

test('LIF parameters, dt and the input factor: tau = 1/tau_inv, w_in = factor · tau_syn / dt', () => {
  const p = paramBlock('norse_lif_parameters', 'p', { tau_syn_inv: 250, tau_mem_inv: 50, v_leak: 0.1, v_th: 0.8, v_reset: -0.2 }, { METHOD: 'heaviside' });
  const ws = load([chain([settings(0.0005), constant('c', 'x1', 10, 4, 1), layer('norse_lif', 'lif', 'lif1', 'x1', 2, p)])], ['x1', 'lif1']);
  const g = graphOf(norseToNir(ws));
  const n = g.nodes.lif1.params;
  filled(n.tau_syn, [4], 0.004);
  filled(n.tau_mem, [4], 0.02);
  filled(n.v_leak, [4], 0.1);
  filled(n.v_threshold, [4], 0.8);
  filled(n.v_reset, [4], -0.2);
  filled(n.r, [4], 1);
  filled(n.w_in, [4], 16); // 2 · 0.004 / 0.0005
  assert.equal(g.metadata.dt, 0.0005);
  assert.deepEqual(g.nodes.input.params.shape.data, [4]);
});

test('without a settings block dt is Norse\'s default 0.001 s, and the metadata says so', () => {
  const ws = load([chain([constant('c', 'x1', 10, 1, 1), layer('norse_lif', 'lif', 'lif1', 'x1')])], ['x1', 'lif1']);
  const g = graphOf(norseToNir(ws));
  assert.equal(g.metadata.dt, 0.001);
  assert.match(String(g.metadata.dt_source), /Norse's default/);
});

test('LI → CubaLI (no threshold, no reset), LIF box → LIF (tau = 1/tau_mem_inv, r = input factor)', () => {
  const li = paramBlock('norse_li_parameters', 'pli', { tau_syn_inv: 100, tau_mem_inv: 20, v_leak: 0.5 });
  const box = paramBlock('norse_lif_box_parameters', 'pbox', { tau_mem_inv: 40, v_leak: 0, v_th: 2, v_reset: 0.25 });
  const ws = load([chain([
    settings(0.002), constant('c', 'x1', 10, 3, 1),
    layer('norse_lif_box', 'box', 'box1', 'x1', 0.5, box),
    layer('norse_li', 'li', 'li1', 'box1', 3, li),
  ])], ['x1', 'box1', 'li1']);
  const g = graphOf(norseToNir(ws));
  assert.equal(g.nodes.box1.type, 'LIF');
  assert.deepEqual(Object.keys(g.nodes.box1.params).sort(), ['r', 'tau', 'v_leak', 'v_reset', 'v_threshold']);
  filled(g.nodes.box1.params.tau, [3], 0.025);
  filled(g.nodes.box1.params.r, [3], 0.5);
  filled(g.nodes.box1.params.v_threshold, [3], 2);
  filled(g.nodes.box1.params.v_reset, [3], 0.25);
  assert.equal(g.nodes.li1.type, 'CubaLI');
  assert.deepEqual(Object.keys(g.nodes.li1.params).sort(), ['r', 'tau_mem', 'tau_syn', 'v_leak', 'w_in']);
  filled(g.nodes.li1.params.tau_syn, [3], 0.01);
  filled(g.nodes.li1.params.tau_mem, [3], 0.05);
  filled(g.nodes.li1.params.v_leak, [3], 0.5);
  filled(g.nodes.li1.params.w_in, [3], 15); // 3 · 0.01 / 0.002
  assert.deepEqual(g.edges, [['input', 'box1'], ['box1', 'li1'], ['li1', 'output']]);
});

test('a sequence becomes its chain of nodes; its input factor goes into the first layer', () => {
  const ws = load([chain([
    constant('c', 'x1', 10, 2, 1),
    {
      type: 'norse_sequential', id: 'net', fields: { NAME: v('net1'), INPUT: v('x1') }, inputs: {
        SCALE: plain(4),
        LAYERS: { block: chain([
          { type: 'norse_seq_linear', id: 'm0', inputs: { IN: count(2), OUT: count(5), WEIGHT: plain(0.25) } },
          { type: 'norse_seq_lif', id: 'm1' },
          { type: 'norse_seq_linear', id: 'm2', inputs: { IN: count(5), OUT: count(1), WEIGHT: plain(-1) } },
          { type: 'norse_seq_li', id: 'm3' },
        ]) },
      },
    },
  ])], ['x1', 'net1']);
  const g = graphOf(norseToNir(ws));
  assert.deepEqual(g.edges, [['input', 'net1_0'], ['net1_0', 'net1_1'], ['net1_1', 'net1_2'], ['net1_2', 'net1_3'], ['net1_3', 'output']]);
  assert.deepEqual(['net1_0', 'net1_1', 'net1_2', 'net1_3'].map((k) => [g.nodes[k].type, g.nodes[k].blockId]),
    [['Linear', 'm0'], ['CubaLIF', 'm1'], ['Linear', 'm2'], ['CubaLI', 'm3']]);
  filled(g.nodes.net1_0.params.weight, [5, 2], 1); // 0.25 · 4
  filled(g.nodes.net1_1.params.w_in, [5], 5); // factor used up by the first layer
  filled(g.nodes.net1_2.params.weight, [1, 5], -1);
  filled(g.nodes.net1_3.params.tau_mem, [1], 0.01);
  assert.deepEqual(g.nodes.output.params.shape.data, [1]);
});

test('an encoder is the input side: the Input node is its spikes, one per value', () => {
  const ws = load([chain([
    { type: 'norse_values', id: 'vals', fields: { NAME: v('r1'), VALUES: '0.2, 0.5, 1.0' } },
    { type: 'norse_poisson_encoder', id: 'enc', fields: { NAME: v('e1'), INPUT: v('r1') }, inputs: { STEPS: count(50), F_MAX: plain(100) } },
    layer('norse_lif', 'lif', 'lif1', 'e1'),
  ])], ['r1', 'e1', 'lif1']);
  const g = graphOf(norseToNir(ws));
  assert.deepEqual(g.nodes.input.params.shape.data, [3]);
  assert.match(String(g.metadata.input), /^e1 \(Poisson encoder, block enc\)/);
  assert.deepEqual(g.edges, [['input', 'lif1'], ['lif1', 'output']]);
});

test('inputs that feed no layer are not in the file, and the export says so on each (warnings)', () => {
  const ws = load([chain([
    { type: 'norse_values', id: 'vals', fields: { NAME: v('r1'), VALUES: '0.2, 0.5' } },
    { type: 'norse_poisson_encoder', id: 'enc', fields: { NAME: v('e1'), INPUT: v('r1') }, inputs: { STEPS: count(50), F_MAX: plain(100) } },
    { type: 'norse_rand', id: 'rnd', fields: { NAME: v('x2') }, inputs: { STEPS: count(50), NEURONS: count(2), SCALE: plain(1) } },
    layer('norse_lif', 'lif', 'lif1', 'e1'), record('r', 'x2'),
  ])], ['r1', 'e1', 'x2', 'lif1']);
  const e = norseToNir(ws);
  assert.ok(e.ok);
  // r1 feeds the encoder that feeds the layer: not reported; x2 only goes to a record block
  assert.deepEqual(e.leftOut, [{ blockId: 'rnd', message: 'x2 (random input (uniform)) feeds no layer: it is not in the NIR file.', warning: true }]);
});

test('two layers on the same input: one Input, two Outputs', () => {
  const ws = load([chain([constant('c', 'x1', 10, 2, 1), layer('norse_lif', 'a', 'lif1', 'x1'), layer('norse_li', 'b', 'li1', 'x1')])], ['x1', 'lif1', 'li1']);
  const g = graphOf(norseToNir(ws));
  assert.deepEqual(g.edges, [['input', 'lif1'], ['input', 'li1'], ['lif1', 'output_lif1'], ['li1', 'output_li1']]);
  assert.equal(g.metadata.outputs, 'lif1, li1');
});

test('refused: a recurrent LIF layer (its weights are drawn at run time), naming the block', () => {
  const ws = load([chain([
    constant('c', 'x1', 10, 2, 1),
    { type: 'norse_lif_recurrent', id: 'rec', fields: { NAME: v('rec1'), INPUT: v('x1') }, inputs: { SCALE: plain(1), HIDDEN: count(3) } },
  ])], ['x1', 'rec1']);
  const p = refusal(norseToNir(ws));
  assert.equal(p.blockId, 'rec');
  assert.match(p.message, /rec1 is a recurrent LIF layer: its input and recurrent weights are random/);
});

test('refused: no layer at all (only inputs), and an input nothing but a record block uses', () => {
  const ws = load([chain([{ type: 'norse_rand', id: 'rnd', fields: { NAME: v('x1') }, inputs: { STEPS: count(10), NEURONS: count(2), SCALE: plain(1) } }, record('r', 'x1')])], ['x1']);
  const p = refusal(norseToNir(ws));
  assert.equal(p.blockId, 'rnd');
  assert.match(p.message, /There is no layer to export/);
});

test('refused: a workspace generateNorse flags (Linear size mismatch), with that block and message', () => {
  const ws = load([chain([constant('c', 'x1', 10, 2, 1), linear('lin', 'lin1', 'x1', 3, 1, 1), layer('norse_lif', 'lif', 'lif1', 'lin1')])], ['x1', 'lin1', 'lif1']);
  const p = refusal(norseToNir(ws));
  assert.equal(p.blockId, 'lin');
  assert.match(p.message, /^Fix this before exporting as NIR: Linear expects 3 inputs per step, gets 2 from x1/);
});

test('warnings do not block the export (a long dt is a warning)', () => {
  const ws = load([chain([settings(0.02), constant('c', 'x1', 10, 1, 1), layer('norse_lif', 'lif', 'lif1', 'x1')])], ['x1', 'lif1']);
  const g = graphOf(norseToNir(ws));
  filled(g.nodes.lif1.params.w_in, [1], 0.25); // 0.005 / 0.02
});

test('refused: a parameter computed by math blocks (NIR needs the number), naming the parameter block', () => {
  const sum = { type: 'math_arithmetic', id: 'sum', fields: { OP: 'ADD' }, inputs: { A: plain(50), B: plain(50) } };
  const p = paramBlock('norse_lif_parameters', 'p', { tau_syn_inv: 200, tau_mem_inv: sum, v_leak: 0, v_th: 1, v_reset: 0 }, { METHOD: 'super' });
  const ws = load([chain([constant('c', 'x1', 10, 1, 1), layer('norse_lif', 'lif', 'lif1', 'x1', 1, p)])], ['x1', 'lif1']);
  const r = refusal(norseToNir(ws));
  assert.equal(r.blockId, 'p');
  assert.match(r.message, /tau_mem_inv is computed by blocks/);
});

test('refused: adding a layer\'s output to an input inside the network', () => {
  const ws = load([chain([
    constant('c', 'x1', 10, 2, 1), layer('norse_lif', 'lif', 'lif1', 'x1'),
    { type: 'norse_add', id: 'sum', fields: { NAME: v('x2'), A: v('lif1'), B: v('x1') } },
    layer('norse_lif', 'lif2', 'lif2', 'x2'),
  ])], ['x1', 'lif1', 'x2', 'lif2']);
  const p = refusal(norseToNir(ws));
  assert.equal(p.blockId, 'sum');
  assert.match(p.message, /x2 adds lif1, the output of a layer/);
});

test('refused: two different inputs feeding the network, naming the second', () => {
  const ws = load([chain([
    constant('c1', 'x1', 10, 2, 1), constant('c2', 'x2', 10, 2, 1),
    layer('norse_lif', 'a', 'lif1', 'x1'), layer('norse_lif', 'b', 'lif2', 'x2'),
  ])], ['x1', 'x2', 'lif1', 'lif2']);
  const p = refusal(norseToNir(ws));
  assert.equal(p.blockId, 'c2');
  assert.match(p.message, /two inputs, x1 and x2/);
});

test('a disabled layer is left out like Run leaves it out', () => {
  const ws = load([chain([constant('c', 'x1', 10, 2, 1), layer('norse_lif', 'a', 'lif1', 'x1'), { ...layer('norse_li', 'b', 'li1', 'x1'), enabled: false }])], ['x1', 'lif1', 'li1']);
  const g = graphOf(norseToNir(ws));
  assert.deepEqual(Object.keys(g.nodes).sort(), ['input', 'lif1', 'output']);
});
