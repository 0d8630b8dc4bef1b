// NEST Desktop 4.x project files (test/fixtures/nest-desktop/, written by hand after the format in
// ../shared/reference/nest-desktop.md) open as blocks whose PyNEST program, run on the real NEST
// 3.10 of the venv, gives what the NEST Desktop project describes. The yardstick is the program NEST
// Desktop itself would generate for the file (its documented shape: Create / Connect / Simulate,
// written out by hand below), run on the same real NEST.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import * as Blockly from 'blockly';
import { registerNestBlocks } from '../../blocks/nest/index';
import { generateNest, type GeneratedProgram } from '../../generators/nest';
import { importNestDesktopText } from '../../src/import/nest-desktop';
import { runOnRealNest } from '../lib/python';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/nest-desktop');
let dir: string;

interface Events {
  times: number[];
  senders: number[];
}

before(() => {
  registerNestBlocks();
  dir = mkdtempSync(join(tmpdir(), 'spikeblocks-nest-desktop-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** The fixture converted, loaded on a headless workspace as the app loads it, and generated. */
async function blocksProgram(fixture: string): Promise<{ program: GeneratedProgram; notes: string[] }> {
  const converted = importNestDesktopText(readFileSync(join(FIXTURES, `${fixture}.json`), 'utf8'));
  assert.ok(converted?.ok, converted && !converted.ok ? converted.message : 'not recognised');
  const workspace = new Blockly.Workspace();
  try {
    Blockly.serialization.workspaces.load(converted.project.workspace, workspace);
    // the multimeter narrows its checkboxes in a microtask after loading
    await new Promise((r) => setTimeout(r, 0));
    const program = generateNest(workspace);
    assert.deepEqual(program.problems, [], 'the converted blocks have no problem flagged');
    return { program, notes: converted.notes };
  } finally {
    workspace.dispose();
  }
}

function file(name: string, code: string): string {
  const path = join(dir, name);
  writeFileSync(path, code);
  return path;
}

test('spike activity: 100 neurons on Poisson 6500 Hz, weight 10, fire as NEST Desktop\'s program makes them', async () => {
  const { program } = await blocksProgram('spike-activity');
  // NEST Desktop's program for the file, by its template's shape
  const desktop = `import nest
nest.ResetKernel()
nest.SetKernelStatus({"local_num_threads": 1, "resolution": 0.1, "rng_seed": 1})
pg1 = nest.Create("poisson_generator", 1, params={"rate": 6500})
n1 = nest.Create("iaf_psc_alpha", 100)
sr1 = nest.Create("spike_recorder")
nest.Connect(pg1, n1, syn_spec={"weight": 10})
nest.Connect(n1, sr1)
nest.Simulate(1000)
response = {"events": [sr1.events]}
`;
  const [ours, theirs] = await runOnRealNest([file('sa-blocks.py', program.code), file('sa-desktop.py', desktop)]);
  const a = (ours.response as { events: Events[] }).events[0];
  const b = (theirs.response as { events: Events[] }).events[0];
  const rate = (e: Events) => e.times.length / 100 / 1.0; // spikes per neuron per second
  console.log(`spike activity: ${rate(a).toFixed(2)} spikes/s per neuron from the blocks, ${rate(b).toFixed(2)} from NEST Desktop's program`);
  assert.ok(rate(b) > 1, 'the network fires');
  // the same network, seed and creation order on the same NEST: the same spikes, one by one
  const pairs = (e: Events) => e.times.map((t, i) => `${e.senders[i]}@${t}`).sort();
  assert.deepEqual(pairs(a), pairs(b));
  assert.equal(new Set(a.senders).size, new Set(b.senders).size);
});

test('f–I curve: the loop over the amplitudes gives the rates of 1000 dc_generators one_to_one', async () => {
  const { program, notes } = await blocksProgram('fi-curve');
  assert.match(notes.join(' '), /np\.arange\(1, 1001, 1\).*result table "f-I curve"/);
  assert.match(program.code, /for current in range\(1, 1001\):/);
  const desktop = `import nest
import numpy as np
nest.ResetKernel()
nest.SetKernelStatus({"local_num_threads": 1, "resolution": 0.1, "rng_seed": 1})
dc1 = nest.Create("dc_generator", 1000, params={"amplitude": np.arange(1, 1001, 1)})
n1 = nest.Create("iaf_psc_alpha", 1000)
sr1 = nest.Create("spike_recorder")
nest.Connect(dc1, n1, conn_spec={"rule": "one_to_one"})
nest.Connect(n1, sr1)
nest.Simulate(1000)
response = {"events": [sr1.events], "first": n1.tolist()[0]}
`;
  const [ours, theirs] = await runOnRealNest([file('fi-blocks.py', program.code), file('fi-desktop.py', desktop)], 600_000);
  const table = (ours.response as { results: Record<string, [number, number][]> }).results['f-I curve'];
  assert.equal(table.length, 1000);
  const desktopResponse = theirs.response as { events: Events[]; first: number };
  // NEST Desktop's senderSpikeCountPlot in spikes/s: spikes of each neuron in the 1 s run
  const counts = new Map<number, number>();
  for (const s of desktopResponse.events[0].senders) counts.set(s, (counts.get(s) ?? 0) + 1);
  let worst = 0;
  let sum = 0;
  table.forEach(([amplitude, rate], k) => {
    assert.equal(amplitude, k + 1);
    const expected = counts.get(desktopResponse.first + k) ?? 0;
    worst = Math.max(worst, Math.abs(rate - expected));
    sum += Math.abs(rate - expected);
  });
  const rheobase = (f: (k: number) => number) => table.findIndex((_, k) => f(k) > 0) + 1;
  const oursAt = rheobase((k) => table[k][1]);
  const theirsAt = rheobase((k) => counts.get(desktopResponse.first + k) ?? 0);
  console.log(`f–I: largest difference ${worst} spikes/s, mean ${(sum / 1000).toFixed(3)}; first firing at ${oursAt} pA (blocks) / ${theirsAt} pA (NEST Desktop); at 1000 pA ${table[999][1]} / ${counts.get(desktopResponse.first + 999)} spikes/s`);
  assert.ok(theirsAt > 300 && theirsAt < 450, 'iaf_psc_alpha starts firing near its rheobase (~375 pA)');
  // A loop step starts from the state the previous step left (NEST Desktop's neurons all start at
  // rest) and its new current arrives after the 1 ms delay: at most one spike more or less.
  assert.ok(worst <= 1, `rates differ by ${worst} spikes/s at most`);
  assert.ok(Math.abs(oursAt - theirsAt) <= 2, `first firing at ${oursAt} vs ${theirsAt} pA`);
});

test('copied model, multimeter and random weights run on real NEST as the file says', async () => {
  const { program, notes } = await blocksProgram('copied-model');
  assert.match(notes.join(' '), /copied model "fast_iaf"/);
  const desktop = `import nest
nest.ResetKernel()
nest.SetKernelStatus({"local_num_threads": 1, "resolution": 0.1, "rng_seed": 7})
nest.CopyModel("iaf_psc_alpha", "fast_iaf", {"tau_m": 5, "V_th": -50})
pg1 = nest.Create("poisson_generator", 1, params={"rate": 80000})
n1 = nest.Create("fast_iaf", 20, params={"V_th": -52, "C_m": 200})
mm1 = nest.Create("multimeter", params={"interval": 1, "record_from": ["V_m", "I_syn_ex"]})
sr1 = nest.Create("spike_recorder")
nest.Connect(pg1, n1, syn_spec={"weight": nest.random.normal(mean=10, std=2), "delay": 1.5})
nest.Connect(n1, n1, conn_spec={"rule": "fixed_indegree", "indegree": 5, "allow_autapses": False}, syn_spec={"weight": -2})
nest.Connect(mm1, n1)
nest.Connect(n1, sr1)
nest.Simulate(500)
response = {"events": [mm1.events, sr1.events], "params": n1.get(["tau_m", "V_th", "C_m"])}
`;
  const check = program.code.replace('response = {', 'response = {"params": n1.get(["tau_m", "V_th", "C_m"]), ');
  const [ours, theirs] = await runOnRealNest([file('cm-blocks.py', check), file('cm-desktop.py', desktop)]);
  const o = ours.response as { events: (Events & { V_m?: number[] })[]; params: Record<string, number[]> };
  const t = theirs.response as typeof o;
  assert.deepEqual(o.params, t.params);
  assert.deepEqual(o.params.tau_m, Array(20).fill(5));
  // same seed, same draws in the same order: the same spikes and samples
  assert.deepEqual(o.events[1].times.length, t.events[1].times.length);
  assert.ok(t.events[1].times.length > 0);
  assert.deepEqual(o.events[0].V_m, t.events[0].V_m);
});
