/**
 * NIR files written by our writer (src/export/nir-file.ts, h5wasm) from real block workspaces,
 * read back by the real nir 1.0.8 package and run on the real Norse 1.1 of the venv
 * (test/python/nir_check.py):
 *   - nir.read succeeds; node types, shapes, parameter values (float32 of the hand-derived
 *     values), edges and dt are what the blocks say;
 *   - the strong check: Norse's own norse.torch.from_nir(graph, dt) loads the file and, fed the
 *     generated program's own input tensor step by step, spikes exactly when the generated Norse
 *     program spikes (constant input → Linear → LIF; a LIF box cell; a step input into a LIF);
 *   - where from_nir cannot load a node (CubaLI: Norse 1.1 has no importer for it) or ignores a
 *     parameter (v_reset; v_leak in its synapse; r of LIF), a forward-Euler integration of NIR's
 *     own equations (written in nir_check.py from the NIR documentation) must give the program's
 *     spikes and voltages instead.
 * Skipped, saying why, when the venv has no Norse.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as Blockly from 'blockly';
import { registerNorseBlocks } from '../../blocks/norse/index';
import { generateNorse } from '../../generators/norse';
import { norseToNir, type NirGraph } from '../../generators/norse-nir';
import { nirFile } from '../../src/export/nir-file';
import { venvPython } from '../lib/python';
import { chain, count, loadNorseWorkspace, plain, shadow, v, type B } from '../lib/norse-workspace';

registerNorseBlocks();

const python = venvPython();
const probe = spawnSync(python, ['-c', 'import warnings; warnings.simplefilter("ignore"); import nir, torch, norse.torch'], { encoding: 'utf8', timeout: 120_000 });
const noNorse = probe.status === 0 ? false : `no real Norse / nir in the venv (${probe.stderr.trim().split('\n').pop()})`;
const CHECK = resolve(import.meta.dirname, '../python/nir_check.py');

const load = (stack: B, names: string[]) => loadNorseWorkspace([stack], names);

const settings = (dt: number): B => ({ type: 'norse_settings', id: 'settings', inputs: { DT: plain(dt), SEED: shadow('norse_seed', 1) } });
const constant = (name: string, T: number, N: number, value: number): B => ({
  type: 'norse_constant', id: name, fields: { NAME: v(name) }, inputs: { STEPS: count(T), NEURONS: count(N), VALUE: plain(value) },
});
const params = (type: string, values: Record<string, number>): B => ({
  type, id: `p_${type}`, fields: type === 'norse_lif_parameters' ? { METHOD: 'super' } : {},
  inputs: Object.fromEntries(Object.entries(values).map(([k, x]) => [k, plain(x)])),
});
const layer = (type: string, name: string, input: string, scale = 1, p?: B): B => ({
  type, id: name, fields: { NAME: v(name), INPUT: v(input) }, inputs: { SCALE: plain(scale), ...(p ? { P: { block: p } } : {}) },
});
const record = (target: string, spikes: boolean, volt: boolean, current: boolean): B => ({
  type: 'norse_record', id: `rec_${target}`, fields: { TARGET: v(target), SPIKES: spikes, V: volt, I: current },
});

interface Arr { shape: number[]; dtype: string; data: number[] }
interface Checked {
  version: string;
  read: { nodes: Record<string, Record<string, Arr | string>>; edges: [string, string][]; metadata: Record<string, string | number> };
  program: { recordings: { name: string; spikes?: number[][]; v?: number[][] }[] };
  euler: Record<string, { out: number[][]; v: number[][] }>;
  from_nir?: { output: number[][] };
  from_nir_error?: string;
}

/** Exports the workspace with our writer, runs nir_check.py on the file and the generated program. */
async function check(ws: Blockly.Workspace, input: string): Promise<{ graph: NirGraph; checked: Checked; bytes: number; writeMs: number }> {
  const exported = norseToNir(ws);
  assert.ok(exported.ok, JSON.stringify(!exported.ok && exported.problems));
  const generated = generateNorse(ws);
  assert.deepEqual(generated.problems.filter((p) => !p.warning), []);
  const t0 = performance.now();
  const bytes = await nirFile(exported.graph);
  const writeMs = performance.now() - t0;
  const dir = mkdtempSync(join(tmpdir(), 'sb-nir-'));
  try {
    writeFileSync(join(dir, 'net.nir'), bytes);
    writeFileSync(join(dir, 'program.py'), generated.code);
    const r = spawnSync(python, [CHECK, join(dir, 'net.nir'), join(dir, 'program.py'), input], {
      encoding: 'utf8', timeout: 300_000, maxBuffer: 256 * 1024 * 1024,
    });
    assert.equal(r.status, 0, r.stderr.slice(-3000));
    const line = r.stdout.split('\n').find((l) => l.startsWith('NIR '));
    assert.ok(line, r.stdout.slice(-2000));
    return { graph: exported.graph, checked: JSON.parse(line.slice(4)), bytes: bytes.length, writeMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const f32 = (x: number) => Math.fround(x);

/** A float32 array as nir.read returns it: dtype, shape and every value the float32 of `x`. */
function arrayOf(a: Arr | string, shape: number[], x: number): void {
  assert.equal(typeof a, 'object');
  const arr = a as Arr;
  assert.equal(arr.dtype, 'float32');
  assert.deepEqual(arr.shape, shape);
  assert.deepEqual(arr.data, Array(shape.reduce((p, q) => p * q, 1)).fill(f32(x)));
}

function spikeSteps(z: number[][], neuron: number): number[] {
  return z.flatMap((row, t) => (row[neuron] > 0 ? [t] : []));
}

function maxDiff(a: number[][], b: number[][]): number {
  assert.equal(a.length, b.length);
  let m = 0;
  a.forEach((row, t) => row.forEach((x, n) => { m = Math.max(m, Math.abs(x - b[t][n])); }));
  return m;
}

test('constant input → Linear → LIF: nir.read gives the graph, and Norse\'s from_nir spikes exactly as the generated program', { skip: noNorse }, async () => {
  const ws = load(chain([
    settings(0.001), constant('x1', 60, 2, 1.5),
    { type: 'norse_linear', id: 'lin1', fields: { NAME: v('lin1'), INPUT: v('x1') }, inputs: { IN: count(2), OUT: count(3), WEIGHT: plain(0.4) } },
    layer('norse_lif', 'lif1', 'lin1'), record('lif1', true, true, true),
  ]), ['x1', 'lin1', 'lif1']);
  const { checked: c, bytes, writeMs } = await check(ws, 'x1');
  console.log(`# NIR file: ${bytes} bytes, written in ${writeMs.toFixed(1)} ms (first call loads h5wasm)`);
  assert.equal(c.version, '1.0.8');
  assert.deepEqual(Object.fromEntries(Object.entries(c.read.nodes).map(([k, n]) => [k, n.type])),
    { input: 'Input', lin1: 'Linear', lif1: 'CubaLIF', output: 'Output' });
  assert.deepEqual(c.read.nodes.input.shape, { shape: [1], dtype: 'int64', data: [2] });
  assert.deepEqual(c.read.nodes.output.shape, { shape: [1], dtype: 'int64', data: [3] });
  arrayOf(c.read.nodes.lin1.weight, [3, 2], 0.4);
  const lif = c.read.nodes.lif1;
  arrayOf(lif.tau_syn, [3], 0.005);
  arrayOf(lif.tau_mem, [3], 0.01);
  arrayOf(lif.r, [3], 1);
  arrayOf(lif.v_leak, [3], 0);
  arrayOf(lif.v_threshold, [3], 1);
  arrayOf(lif.v_reset, [3], 0);
  arrayOf(lif.w_in, [3], 5);
  assert.deepEqual(c.read.edges, [['input', 'lin1'], ['lin1', 'lif1'], ['lif1', 'output']]);
  assert.equal(c.read.metadata.dt, 0.001);
  assert.match(String(c.read.metadata.dt_source), /simulation settings/);

  const program = c.program.recordings[0].spikes!;
  // each neuron gets 2 · 0.4 · 1.5 = 1.2 per step: it must spike, repeatedly
  assert.ok(spikeSteps(program, 0).length >= 5, JSON.stringify(spikeSteps(program, 0)));
  assert.equal(c.from_nir_error, undefined);
  assert.deepEqual(c.from_nir!.output, program, 'from_nir spikes differ from the generated program');
  assert.deepEqual(c.euler.lif1.out, program, 'Euler on NIR\'s equations differs from the program');
  assert.ok(maxDiff(c.euler.lif1.v, c.program.recordings[0].v!) < 1e-5);
});

test('LIF box cell → NIR LIF: from_nir spikes exactly as the generated program', { skip: noNorse }, async () => {
  const ws = load(chain([
    settings(0.001), constant('x1', 80, 3, 1.6),
    layer('norse_lif_box', 'box1', 'x1', 1, params('norse_lif_box_parameters', { tau_mem_inv: 50, v_leak: 0, v_th: 1, v_reset: 0 })),
    record('box1', true, true, false),
  ]), ['x1', 'box1']);
  const { checked: c } = await check(ws, 'x1');
  const box = c.read.nodes.box1;
  assert.equal(box.type, 'LIF');
  arrayOf(box.tau, [3], 0.02);
  arrayOf(box.r, [3], 1);
  arrayOf(box.v_threshold, [3], 1);
  const program = c.program.recordings[0].spikes!;
  assert.ok(spikeSteps(program, 0).length >= 3);
  assert.equal(c.from_nir_error, undefined);
  assert.deepEqual(c.from_nir!.output, program);
  assert.deepEqual(c.euler.box1.out, program);
});

test('a step input into a LIF layer: from_nir spikes exactly as the program (input that changes over time)', { skip: noNorse }, async () => {
  const ws = load(chain([
    settings(0.001),
    { type: 'norse_step_current', id: 'x1', fields: { NAME: v('x1') }, inputs: { STEPS: count(100), NEURONS: count(2), FROM: plain(20), TO: plain(60), VALUE: plain(0.9) } },
    layer('norse_lif', 'lif1', 'x1', 1.5), record('lif1', true, true, false),
  ]), ['x1', 'lif1']);
  const { checked: c } = await check(ws, 'x1');
  arrayOf(c.read.nodes.lif1.w_in, [2], 7.5); // 1.5 · 0.005 / 0.001
  const program = c.program.recordings[0].spikes!;
  const steps = spikeSteps(program, 0);
  assert.ok(steps.length >= 3 && steps[0] >= 20 && steps.at(-1)! < 70, JSON.stringify(steps));
  assert.deepEqual(c.from_nir!.output, program);
  assert.deepEqual(c.euler.lif1.out, program);
});

test('LIF with v_leak, v_reset, another dt and an input factor: NIR\'s equations give the program\'s spikes and voltages', { skip: noNorse }, async () => {
  const p = params('norse_lif_parameters', { tau_syn_inv: 250, tau_mem_inv: 80, v_leak: 0.2, v_th: 0.9, v_reset: -0.3 });
  const ws = load(chain([settings(0.0005), constant('x1', 200, 2, 0.05), layer('norse_lif', 'lif1', 'x1', 2, p), record('lif1', true, true, true)]), ['x1', 'lif1']);
  const { checked: c } = await check(ws, 'x1');
  const lif = c.read.nodes.lif1;
  arrayOf(lif.tau_syn, [2], 0.004);
  arrayOf(lif.tau_mem, [2], 0.0125);
  arrayOf(lif.v_leak, [2], 0.2);
  arrayOf(lif.v_reset, [2], -0.3);
  arrayOf(lif.w_in, [2], 16); // 2 · 0.004 / 0.0005
  assert.equal(c.read.metadata.dt, 0.0005);
  const program = c.program.recordings[0];
  assert.ok(spikeSteps(program.spikes!, 0).length >= 3);
  assert.deepEqual(c.euler.lif1.out, program.spikes);
  assert.ok(maxDiff(c.euler.lif1.v, program.v!) < 1e-5, `v differs by ${maxDiff(c.euler.lif1.v, program.v!)}`);
  // Norse 1.1's from_nir is not the reference here: it leaks its synaptic current towards v_leak
  // and resets to 0 whatever v_reset says (norse/torch/utils/import_nir.py). Its spikes differ.
  assert.notDeepEqual(c.from_nir?.output, program.spikes, 'from_nir now matches: update docs/norse-subset.md (Export as NIR)');
});

test('a sequence Linear → LIF → Linear → LI: the chain reads back, NIR\'s equations give the LI voltages', { skip: noNorse }, async () => {
  const ws = load(chain([
    settings(0.001), constant('x1', 80, 2, 1),
    {
      type: 'norse_sequential', id: 'net1', fields: { NAME: v('net1'), INPUT: v('x1') }, inputs: {
        SCALE: plain(1),
        LAYERS: { block: chain([
          { type: 'norse_seq_linear', id: 'm0', inputs: { IN: count(2), OUT: count(4), WEIGHT: plain(0.7) } },
          { type: 'norse_seq_lif', id: 'm1' },
          { type: 'norse_seq_linear', id: 'm2', inputs: { IN: count(4), OUT: count(1), WEIGHT: plain(0.5) } },
          { type: 'norse_seq_li', id: 'm3' },
        ]) },
      },
    },
    record('net1', false, true, false),
  ]), ['x1', 'net1']);
  const { checked: c } = await check(ws, 'x1');
  assert.deepEqual(Object.fromEntries(Object.entries(c.read.nodes).map(([k, n]) => [k, n.type])),
    { input: 'Input', net1_0: 'Linear', net1_1: 'CubaLIF', net1_2: 'Linear', net1_3: 'CubaLI', output: 'Output' });
  arrayOf(c.read.nodes.net1_0.weight, [4, 2], 0.7);
  arrayOf(c.read.nodes.net1_3.w_in, [1], 5);
  assert.deepEqual(c.read.edges, [['input', 'net1_0'], ['net1_0', 'net1_1'], ['net1_1', 'net1_2'], ['net1_2', 'net1_3'], ['net1_3', 'output']]);
  const volts = c.program.recordings[0].v!;
  assert.ok(Math.max(...volts.map((r) => r[0])) > 0.1, 'the LI read-out must move');
  assert.ok(maxDiff(c.euler.net1_3.out, volts) < 1e-5, `LI v differs by ${maxDiff(c.euler.net1_3.out, volts)}`);
  // Norse 1.1's from_nir has no importer for CubaLI: its node map returns None, and nirtorch then
  // leaves the node out without a word, so the loaded module outputs the Linear before it.
  assert.equal(c.from_nir_error, undefined);
  assert.deepEqual(c.from_nir!.output, c.euler.net1_2.out, 'from_nir no longer drops CubaLI: update docs/norse-subset.md');
});
