// Case N1 (shared/reference/cases.md) as a Python program, run unmodified twice:
//  1. on real NEST 3.10 from .venv — it must reproduce the cases.md table, which proves that the
//     venv's NEST is the reference the other test/nest tests compare against;
//  2. on the local engine through the command-line runner (npm run sim -- FILE --json) — every
//     value must equal real NEST's to a relative 1e-6.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runLocalSim, runOnRealNest } from '../lib/python';

const N1_PROGRAM = `import nest

nest.ResetKernel()
nest.SetKernelStatus({"resolution": 0.1})
neuron = nest.Create("iaf_psc_alpha")
dc = nest.Create("dc_generator", params={"amplitude": 1000.0, "start": 0.0})
vm = nest.Create("voltmeter", params={"interval": 0.1})
sr = nest.Create("spike_recorder")
nest.Connect(dc, neuron, syn_spec={"delay": 0.1})
nest.Connect(vm, neuron)
nest.Connect(neuron, sr)
nest.Simulate(8.0)

response = {"events": [vm.events, sr.events]}
`;

/** cases.md N1: V_m at these times, to the printed digits. */
const N1_TABLE: [number, number][] = [
  [0.1, -70], [0.2, -70], [0.3, -69.602], [0.4, -69.2079], [0.5, -68.8178], [0.6, -68.4316],
  [0.7, -68.0492], [0.8, -67.6706], [0.9, -67.2958], [1.0, -66.9247], [4.5, -56.0204],
  [4.6, -55.7615], [4.7, -55.5051], [4.8, -55.2513], [4.9, -55.0001],
  [7.1, -69.602], [7.2, -69.2079], [7.3, -68.8178], [7.4, -68.4316], [7.5, -68.0492],
  [7.6, -67.6706], [7.7, -67.2958], [7.8, -66.9247], [7.9, -66.5572],
];
// "5.0 … 7.0 −70 (every sample)"
for (let k = 50; k <= 70; k++) N1_TABLE.push([k / 10, -70]);

interface Events {
  times: number[];
  senders: number[];
  V_m?: number[];
}

let dir: string;
let program: string;
let nest: Events[];

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'spikeblocks-n1-'));
  program = join(dir, 'n1.py');
  writeFileSync(program, N1_PROGRAM);
  const [run] = await runOnRealNest([program]);
  nest = (run.response as { events: Events[] }).events;
});

after(() => rmSync(dir, { recursive: true, force: true }));

/** The sample at time t (times compared on the 0.1 ms grid). */
function sampleAt(events: Events, t: number): number {
  const i = events.times.findIndex((x) => Math.abs(x - t) < 1e-9);
  assert.notEqual(i, -1, `no sample at ${t} ms`);
  return events.V_m![i];
}

/** Digits after the decimal point as printed in cases.md ("-69.2079" → 4). */
const printedDecimals = (x: number) => (String(x).split('.')[1] ?? '').length;

test('real NEST 3.10 in .venv reproduces the cases.md table of N1', () => {
  const [vm, sr] = nest;
  // Samples every 0.1 ms from 0.1 to 7.9: none at 0, none at 8.0 (last min_delay slice).
  assert.equal(vm.times.length, 79);
  assert.ok(Math.abs(vm.times[0] - 0.1) < 1e-9 && Math.abs(vm.times[78] - 7.9) < 1e-9);
  for (const [t, expected] of N1_TABLE) {
    const got = sampleAt(vm, t);
    const half = 0.5 * 10 ** -printedDecimals(expected);
    assert.ok(Math.abs(got - expected) <= half + 1e-12, `V_m(${t}) = ${got}, cases.md says ${expected}`);
  }
  assert.deepEqual(sr.times, [5]);
});

test('the same program on the local engine (npm run sim -- n1.py --json) equals real NEST to 1e-6', async () => {
  const { stdout } = await runLocalSim(program);
  const local = (JSON.parse(stdout) as { events: Events[] }).events;
  assert.equal(local.length, 2, 'response.events has one entry per recorder');
  const [vm, sr] = local;
  assert.equal(vm.times.length, nest[0].times.length, 'number of voltmeter samples');
  for (let i = 0; i < vm.times.length; i++) {
    assert.ok(Math.abs(vm.times[i] - nest[0].times[i]) < 1e-9, `sample ${i}: time ${vm.times[i]} vs ${nest[0].times[i]}`);
    const relative = Math.abs(vm.V_m![i] - nest[0].V_m![i]) / Math.abs(nest[0].V_m![i]);
    assert.ok(relative <= 1e-6, `V_m at ${vm.times[i]} ms: local ${vm.V_m![i]}, NEST ${nest[0].V_m![i]}`);
  }
  assert.deepEqual(vm.senders, nest[0].senders);
  assert.deepEqual(sr.times, nest[1].times);
  assert.deepEqual(sr.senders, nest[1].senders);
});
