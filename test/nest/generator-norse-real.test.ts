/**
 * Generated Norse programs run unmodified on the real Norse 1.1 / PyTorch of the project's venv
 * (test/python/requirements-norse.txt): every block kind in one program, and both examples. The
 * shapes the generator infers (NorseRecorderInfo.steps / neurons) must be the shapes real Norse
 * returns, and the LIF example must give reference case R1 (cases.md: numbers from Norse itself).
 * Skipped, saying why, when the venv has no Norse.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as Blockly from 'blockly';
import { registerNorseBlocks } from '../../blocks/norse/index';
import lifExample from '../../blocks/examples/norse-lif.json';
import twoLayerExample from '../../blocks/examples/norse-two-layers.json';
import { generateNorse, type NorseGeneratedProgram } from '../../generators/norse';
import { venvPython } from '../lib/python';

registerNorseBlocks();

const python = venvPython();
const probe = spawnSync(python, ['-c', 'import warnings; warnings.simplefilter("ignore"); import torch, norse.torch'], { encoding: 'utf8', timeout: 120_000 });
const noNorse = probe.status === 0 ? false : `no real Norse in the venv (${probe.stderr.trim().split('\n').pop()})`;

/** Runs each program as a fresh module in one Python process; its `response`, as JSON. */
const DRIVER = String.raw`
import json, runpy, sys, warnings
warnings.simplefilter("ignore")
out = []
for path in sys.argv[1:]:
    out.append(runpy.run_path(path, run_name="__main__")["response"])
print("RESPONSES " + json.dumps(out))
`;

function runOnNorse(programs: string[]): Record<string, unknown>[] {
  const dir = mkdtempSync(join(tmpdir(), 'sb-norse-gen-'));
  try {
    const files = programs.map((code, k) => {
      const f = join(dir, `p${k}.py`);
      writeFileSync(f, code);
      return f;
    });
    const r = spawnSync(python, ['-c', DRIVER, ...files], { encoding: 'utf8', timeout: 300_000, maxBuffer: 256 * 1024 * 1024 });
    assert.equal(r.status, 0, r.stderr.slice(-3000));
    const line = r.stdout.split('\n').find((l) => l.startsWith('RESPONSES '))!;
    return JSON.parse(line.slice('RESPONSES '.length));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

type B = Record<string, unknown>;
const shadow = (type: string, x: number) => ({ shadow: { type, fields: { NUM: x } } });
const plain = (x: number) => shadow('math_number', x);
const count = (x: number) => shadow('norse_count', x);
const v = (name: string) => ({ id: `var_${name}` });
const rec = (id: string, target: string, s: boolean, volt: boolean, i: boolean): B => ({ type: 'norse_record', id, fields: { TARGET: v(target), SPIKES: s, V: volt, I: i } });

function chain(blocks: B[]): B {
  for (let k = blocks.length - 2; k >= 0; k--) blocks[k].next = { block: blocks[k + 1] };
  return blocks[0];
}

/** One program with every block kind, each recorded. */
function everyBlock(): Blockly.Workspace {
  const names = ['x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'r1', 'e1', 'e2', 'e3', 'lif1', 'li1', 'rec1', 'box1', 'lin1', 'net1'];
  const series = (T: number, N: number) => ({ STEPS: count(T), NEURONS: count(N) });
  const stack = chain([
    { type: 'norse_settings', id: 'settings', inputs: { DT: plain(0.001), SEED: shadow('norse_seed', 3) } },
    { type: 'norse_constant', id: 'x1', fields: { NAME: v('x1') }, inputs: { ...series(40, 3), VALUE: plain(1) } },
    { type: 'norse_rand', id: 'x2', fields: { NAME: v('x2') }, inputs: { ...series(40, 3), SCALE: plain(2) } },
    { type: 'norse_randn', id: 'x3', fields: { NAME: v('x3') }, inputs: { ...series(40, 3), MEAN: plain(1), STD: plain(0.5) } },
    { type: 'norse_step_current', id: 'x4', fields: { NAME: v('x4') }, inputs: { ...series(40, 3), FROM: plain(10), TO: plain(30), VALUE: plain(1.5) } },
    { type: 'norse_spike_train', id: 'x5', fields: { NAME: v('x5'), SPIKES: '5:0, 7:2' }, inputs: series(40, 3) },
    { type: 'norse_values', id: 'r1', fields: { NAME: v('r1'), VALUES: '0.5, 1, 3' } },
    { type: 'norse_add', id: 'sum', fields: { NAME: v('x6'), A: v('x4'), B: v('x3') } },
    { type: 'norse_poisson_encoder', id: 'e1', fields: { NAME: v('e1'), INPUT: v('r1') }, inputs: { STEPS: count(40), F_MAX: plain(100) } },
    { type: 'norse_constant_current_encoder', id: 'e2', fields: { NAME: v('e2'), INPUT: v('r1') }, inputs: { STEPS: count(40) } },
    { type: 'norse_spike_latency_encoder', id: 'e3', fields: { NAME: v('e3'), INPUT: v('r1') }, inputs: { STEPS: count(40) } },
    { type: 'norse_lif', id: 'lif1', fields: { NAME: v('lif1'), INPUT: v('x1') }, inputs: { SCALE: plain(0.4) } },
    { type: 'norse_li', id: 'li1', fields: { NAME: v('li1'), INPUT: v('lif1') }, inputs: { SCALE: plain(1) } },
    { type: 'norse_lif_recurrent', id: 'rec1', fields: { NAME: v('rec1'), INPUT: v('x2') }, inputs: { SCALE: plain(1), HIDDEN: count(5) } },
    { type: 'norse_lif_box', id: 'box1', fields: { NAME: v('box1'), INPUT: v('x5') }, inputs: { SCALE: plain(20) } },
    { type: 'norse_linear', id: 'lin1', fields: { NAME: v('lin1'), INPUT: v('e2') }, inputs: { IN: count(3), OUT: count(2), WEIGHT: plain(0.5) } },
    {
      type: 'norse_sequential', id: 'net1', fields: { NAME: v('net1'), INPUT: v('x2') }, inputs: {
        SCALE: plain(1),
        LAYERS: { block: chain([
          { type: 'norse_seq_linear', id: 'm0', inputs: { IN: count(3), OUT: count(4), WEIGHT: plain(0.5) } },
          { type: 'norse_seq_lif', id: 'm1' },
          { type: 'norse_seq_linear', id: 'm2', inputs: { IN: count(4), OUT: count(2), WEIGHT: plain(0.5) } },
          { type: 'norse_seq_li', id: 'm3' },
        ]) },
      },
    },
    rec('rx3', 'x3', false, false, false),
    rec('rx6', 'x6', false, false, false),
    rec('rx5', 'x5', true, true, true),
    rec('re1', 'e1', true, false, false),
    rec('re2', 'e2', true, false, false),
    rec('re3', 'e3', true, false, false),
    rec('rlif', 'lif1', true, true, true),
    rec('rli', 'li1', false, true, true),
    rec('rrec', 'rec1', true, true, true),
    rec('rbox', 'box1', true, true, false),
    rec('rlin', 'lin1', true, true, true),
    rec('rnet', 'net1', false, true, true),
  ]);
  const ws = new Blockly.Workspace();
  Blockly.serialization.workspaces.load({
    blocks: { languageVersion: 0, blocks: [{ x: 0, y: 0, ...stack }] },
    variables: names.map((n) => ({ name: n, id: `var_${n}`, type: 'norse_tensor' })),
  }, ws);
  return ws;
}

function loadExample(json: unknown): Blockly.Workspace {
  const ws = new Blockly.Workspace();
  Blockly.serialization.workspaces.load(json as Record<string, unknown>, ws);
  return ws;
}

/** One entry of response.recordings: its name and (steps × neurons) arrays by key. */
type Recording = { name: string } & Record<string, number[][]>;

/** Every recorded array has the shape the generator inferred: steps rows of neurons numbers. */
function assertShapes(g: NorseGeneratedProgram, response: Record<string, unknown>, what: string): Recording[] {
  const recs = response.recordings as Recording[];
  assert.equal(response.steps, Math.max(...g.recorders.map((r) => r.steps ?? 0)), `${what}: steps`);
  assert.equal(recs.length, g.recorders.length, `${what}: one entry per record block`);
  g.recorders.forEach((r, k) => {
    assert.equal(recs[k].name, r.name);
    assert.deepEqual(Object.keys(recs[k]).filter((key) => key !== 'name'), r.keys, `${what}: keys of ${r.name}`);
    for (const key of r.keys) {
      const rows = recs[k][key] as number[][];
      assert.equal(rows.length, r.steps, `${what}: ${r.name}.${key} steps`);
      for (const row of rows) assert.equal(row.length, r.neurons, `${what}: ${r.name}.${key} neurons`);
    }
  });
  return recs;
}

test('every block kind in one program runs on real Norse, with the shapes the generator inferred', { skip: noNorse }, () => {
  const g = generateNorse(everyBlock());
  assert.deepEqual(g.problems, []);
  const [response] = runOnNorse([g.code]);
  const recs = assertShapes(g, response, 'every block');
  assert.equal((response as { dt: number }).dt, 0.001);
  const byName = Object.fromEntries(recs.map((r) => [r.name, r]));
  // the sum x6 = step + noise: outside steps 10…29 it is the noise alone, inside 1.5 more (by hand)
  const sum = byName.x6.values as number[][];
  const noise = byName.x3.values as number[][];
  sum.forEach((row, t) => row.forEach((x, n) => assert.ok(Math.abs(x - noise[t][n] - (t >= 10 && t < 30 ? 1.5 : 0)) < 1e-6, `x6[${t}][${n}]`)));
  // spike train: a 1 exactly at 5:0 and 7:2
  const train = byName.x5.values as number[][];
  const ones = train.flatMap((row, t) => row.flatMap((x, n) => (x === 1 ? [`${t}:${n}`] : [])));
  assert.deepEqual(ones, ['5:0', '7:2']);
  assert.equal(train.flat().filter((x) => x !== 0 && x !== 1).length, 0);
  // spike latency: at most one spike per neuron; the largest value (3) spikes first
  const latency = byName.e3.spikes as number[][];
  const first = [0, 1, 2].map((n) => latency.findIndex((row) => row[n] === 1));
  for (const n of [0, 1, 2]) assert.ok(latency.filter((row) => row[n] === 1).length <= 1);
  assert.ok(first[2] >= 0 && (first[1] === -1 || first[2] < first[1]), `first spikes ${first}`);
  // LIF box cell on spikes × 20: dv = 0.1 · (20 − v) from 0 = 2 > v_th, so it spikes right at the
  // input spike (steps 5 and 7) and v resets to 0 there (by hand from norse.md's LIFBox step)
  const box = byName.box1;
  assert.deepEqual(box.spikes.flatMap((row, t) => row.flatMap((x, n) => (x === 1 ? [`${t}:${n}`] : []))), ['5:0', '7:2']);
  assert.equal(box.v[5][0], 0);
  // Linear with every weight 0.5 on the encoder's spikes: each output is half the spike count of the step
  const lin = byName.lin1.values as number[][];
  const enc = byName.e2.spikes as number[][];
  lin.forEach((row, t) => assert.deepEqual(row, [0, 0].map(() => 0.5 * enc[t].reduce((a, b) => a + b, 0))));
});

// cases.md R1: LIF(record_states=True) on ones, default parameters; v after each step, i after each
// step, spikes at steps 5, 8, 11. The example feeds 2.5 · 0.4, which is exactly 1 in float32.
const R1_V = [0.1, 0.27, 0.487, 0.7335, 0.99631, 0, 0.3951424, 0.7717421, 0, 0.446313, 0.858732, 0];
const R1_I = [0.8, 1.44, 1.952, 2.3616002, 2.68928, 2.9514241];

test('both examples run on real Norse; the LIF example gives reference case R1', { skip: noNorse }, () => {
  const gl = generateNorse(loadExample(lifExample));
  const g2 = generateNorse(loadExample(twoLayerExample));
  const [rl, r2] = runOnNorse([gl.code, g2.code]);
  const [lif] = assertShapes(gl, rl, 'LIF example');
  for (let t = 0; t < R1_V.length; t++) for (let n = 0; n < 4; n++) assert.ok(Math.abs(lif.v[t][n] - R1_V[t]) < 1e-6, `v[${t}][${n}] = ${lif.v[t][n]}`);
  for (let t = 0; t < R1_I.length; t++) assert.ok(Math.abs(lif.i[t][0] - R1_I[t]) < 1e-6, `i[${t}] = ${lif.i[t][0]}`);
  assert.deepEqual(lif.spikes.slice(0, 12).flatMap((row, t) => (row[0] === 1 ? [t] : [])), [5, 8, 11]);
  const recs = assertShapes(g2, r2, 'two-layer example');
  const x1 = recs[0].values as number[][];
  assert.ok(x1.flat().every((x) => x >= 0 && x < 2), 'rand · 2 lies in [0, 2)');
  const net = recs[1];
  assert.ok(net.spikes.flat().some((x) => x === 1), 'the second layer spikes');
});
