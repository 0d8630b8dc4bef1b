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
import { N1_SAMPLES, N1_SPIKE_TIMES, N1_VM, n1Program, printedMismatch, valueAt } from '../lib/reference-cases';

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
  writeFileSync(program, n1Program());
  const [run] = await runOnRealNest([program]);
  nest = (run.response as { events: Events[] }).events;
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('real NEST 3.10 in .venv reproduces the cases.md table of N1', () => {
  const [sr, vm] = nest;
  // Samples every 0.1 ms from 0.1 to 7.9: none at 0, none at 8.0 (last min_delay slice).
  assert.equal(vm.times.length, N1_SAMPLES);
  assert.ok(Math.abs(vm.times[0] - 0.1) < 1e-9 && Math.abs(vm.times[N1_SAMPLES - 1] - 7.9) < 1e-9);
  for (const [t, expected] of N1_VM) {
    const mismatch = printedMismatch(valueAt(vm.times, vm.V_m!, t), expected, `V_m(${t})`);
    assert.ok(mismatch === null, mismatch ?? '');
  }
  assert.deepEqual(sr.times, N1_SPIKE_TIMES);
});

test('the same program on the local engine (npm run sim -- n1.py --json) equals real NEST to 1e-6', async () => {
  const { stdout } = await runLocalSim(program);
  const local = (JSON.parse(stdout) as { events: Events[] }).events;
  assert.equal(local.length, 2, 'response.events has one entry per recorder');
  const [sr, vm] = local;
  const [nestSr, nestVm] = nest;
  assert.equal(vm.times.length, nestVm.times.length, 'number of voltmeter samples');
  for (let i = 0; i < vm.times.length; i++) {
    assert.ok(Math.abs(vm.times[i] - nestVm.times[i]) < 1e-9, `sample ${i}: time ${vm.times[i]} vs ${nestVm.times[i]}`);
    const relative = Math.abs(vm.V_m![i] - nestVm.V_m![i]) / Math.abs(nestVm.V_m![i]);
    assert.ok(relative <= 1e-6, `V_m at ${vm.times[i]} ms: local ${vm.V_m![i]}, NEST ${nestVm.V_m![i]}`);
  }
  assert.deepEqual(vm.senders, nestVm.senders);
  assert.deepEqual(sr.times, nestSr.times);
  assert.deepEqual(sr.senders, nestSr.senders);
});
