/**
 * The f–I curve example (blocks/examples/fi-curve.json): a Blockly `for` loop sweeps the
 * amplitude of a dc_generator from 0 to 800 pA in steps of 100; each step sets the amplitude,
 * simulates 1000 ms (no ResetKernel in between), and adds (current, spikes in that second) to
 * the result table "f-I curve". Generated in Node from the example JSON and run on the local
 * engine (the same runtime as the browser's worker).
 *
 * Expected by hand: iaf_psc_alpha's defaults (C_m 250 pF, tau_m 10 ms, E_L −70 mV, V_th −55 mV)
 * give a rheobase I = C_m (V_th − E_L) / tau_m = 250 · 15 / 10 = 375 pA: no spike at 0…300 pA;
 * above it the rate grows with the current. At 400 pA the free-running period is
 * t_ref + tau_m ln(R I / (R I − 15 mV)) = 2 + 10 ln(16 / 1) ≈ 29.7 ms, about 33 spikes/s (the
 * first second also starts from the state left by 300 pA, so one more spike is possible).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { before, test } from 'node:test';
import * as Blockly from 'blockly';
import { registerNestBlocks } from '../../blocks/nest/index';
import { generateNest, type GeneratedProgram } from '../../generators/nest';
import { loadNodeRuntime } from '../../src/cli/node-runtime';
import { inferRecorders } from '../../src/app/infer-recorders';

const EXAMPLE = resolve(import.meta.dirname, '../../blocks/examples/fi-curve.json');
const RHEOBASE = 375; // pA, derived by hand above

let program: GeneratedProgram;
let response: { events: { times: ArrayLike<number> }[]; biological_time: number; results: Record<string, [number, number][]> };

before(async () => {
  registerNestBlocks();
  const ws = new Blockly.Workspace();
  Blockly.serialization.workspaces.load(JSON.parse(readFileSync(EXAMPLE, 'utf8')), ws);
  program = generateNest(ws);
  ws.dispose();
  const runtime = await loadNodeRuntime();
  const result = await runtime.run(program.code);
  if (!result.ok) assert.fail(`${result.error.type}: ${result.error.message}\n${program.code}`);
  response = result.response as typeof response;
});

test('the example generates a loop without ResetKernel, with no problems', () => {
  assert.deepEqual(program.problems, []);
  const lines = program.code.split('\n');
  assert.equal(lines.filter((l) => l.includes('nest.ResetKernel()')).length, 1, 'one ResetKernel, before the loop');
  assert.ok(lines.includes('for current in range(0, 801, 100):'));
  assert.ok(lines.includes('    dc1.set(amplitude=current)'));
  assert.ok(lines.includes('    nest.Simulate(1000.0)'));
  assert.ok(lines.includes('    results.setdefault("f-I curve", []).append([current, sr1.n_events - spikes_before])'));
  assert.equal(program.simTime, null, 'simulate in a loop: the total is known only from the response');
});

test('local engine: zero spikes below the rheobase (375 pA), counts rise with the current above it', () => {
  const curve = response.results['f-I curve'];
  assert.deepEqual(curve.map(([x]) => x), [0, 100, 200, 300, 400, 500, 600, 700, 800]);
  for (const [current, spikes] of curve) if (current < RHEOBASE) assert.equal(spikes, 0, `${current} pA`);
  const above = curve.filter(([current]) => current > RHEOBASE).map(([, spikes]) => spikes);
  assert.ok(above[0] >= 33 && above[0] <= 35, `about 33 spikes/s at 400 pA, got ${above[0]}`);
  for (let i = 1; i < above.length; i++) assert.ok(above[i] > above[i - 1], `counts rise: ${above}`);
});

test('several simulate calls: the recorder keeps every spike, biological_time is the sum', () => {
  assert.equal(response.biological_time, 9 * 1000);
  const total = response.results['f-I curve'].reduce((s, [, y]) => s + y, 0);
  assert.equal(response.events[0].times.length, total, 'the raster shows all the spikes of the sweep');
  // a hand-edited copy of the program is still plotted: its recorder is told by its events
  assert.deepEqual(inferRecorders(response).map((r) => r.model), ['spike_recorder']);
  assert.deepEqual(program.recorders.map((r) => r.model), ['spike_recorder']);
});
