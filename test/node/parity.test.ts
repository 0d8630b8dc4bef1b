// The parity suite (test/parity/README.md): every program in test/parity/programs runs on the
// local engine, unmodified, and must give what real NEST 3.10 gave for it (the fixture made by
// test/parity/make_fixtures.py; test/nest/parity-recheck.test.ts re-checks fixtures against NEST).
//   compare: values → same keys, same list lengths, every number within atol + rtol·|NEST|
//   compare: stats  → seeds 1..N on each side; per statistic Welch's two-sided t-test of equal
//                     means, fail if p < ALPHA. ALPHA is fixed in advance, not tuned to pass.
// Pyodide loads once; each program still starts from a fresh `nest` — a new kernel and a
// re-imported facade — as a program run on its own by `npm run sim` (or in a fresh NEST
// interpreter, as make_fixtures.py runs it) would; further seeds of a stats program get a new
// kernel and nest.ResetKernel().
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { loadNodeRuntime } from '../../src/cli/node-runtime';
import { NestKernel } from '../../workers/engine/nest/kernel';
import type { Kernel } from '../../workers/engine/nest/api';
import { SIGINT, type SimRuntime } from '../../workers/runtime';
import {
  compareStats,
  compareValues,
  describeMismatches,
  plainResponse,
  programNames,
  readFixture,
  readProgram,
  sha256,
  withSeed,
} from '../lib/parity';

const ALPHA = 0.001;
/** A run that takes longer than this is stopped (as the Stop button would) and fails.
 * PARITY_RUN_LIMIT_S overrides it (e.g. on a slow machine). */
const RUN_LIMIT_S = Number(process.env.PARITY_RUN_LIMIT_S ?? 120);

/** Forwards every kernel call to `current`, which is replaced by a new kernel before each run. */
let current: NestKernel = new NestKernel();
const kernel = new Proxy({} as Kernel, {
  get: (_target, key) => {
    const value = Reflect.get(current, key, current) as unknown;
    return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(current) : value;
  },
  has: (_target, key) => Reflect.has(current, key),
});

// Drops the facade's modules, so the program's `import nest` executes it afresh (~90 ms).
const FORGET_NEST = `import sys
for _name in [m for m in sys.modules if m == "nest" or m.startswith("nest.")]:
    del sys.modules[_name]
response = None
`;
// Between seeds of one program: the same code runs again, so resetting the facade the way the
// program itself does (nest.ResetKernel, on a new kernel) is enough, and takes ~2 ms.
const RESET_NEST = `import nest
nest.ResetKernel()
response = None
`;

/**
 * Presses Stop when a run exceeds its time. Python runs synchronously on this thread, so no timer
 * here could fire meanwhile: one worker thread watches a deadline for the whole file and writes
 * SIGINT into the runtime's interrupt buffer (as src/cli/sim.ts does for --timeout).
 * cells[0]: number of the run being watched (0 = none, -1 = quit); cells[1]: last run stopped.
 */
class Watchdog {
  readonly interrupt = new SharedArrayBuffer(1);
  private readonly cells = new Int32Array(new SharedArrayBuffer(8));
  private readonly deadline = new Float64Array(new SharedArrayBuffer(8));
  private run = 0;
  private readonly worker: Worker;

  constructor() {
    this.worker = new Worker(
      `const { workerData } = require('node:worker_threads');
       const { cells, deadline, interrupt, signal } = workerData;
       const flag = new Uint8Array(interrupt);
       for (;;) {
         const run = Atomics.load(cells, 0);
         if (run === -1) break;
         if (run === 0) { Atomics.wait(cells, 0, 0); continue; }
         const wait = deadline[0] - Date.now();
         if (wait > 0) { Atomics.wait(cells, 0, run, wait); continue; }
         if (Atomics.load(cells, 0) !== run) continue;
         Atomics.store(cells, 1, run);
         Atomics.store(flag, 0, signal);
         Atomics.wait(cells, 0, run, 1000); // press again every second until the run ends
       }`,
      { eval: true, workerData: { cells: this.cells, deadline: this.deadline, interrupt: this.interrupt, signal: SIGINT } },
    );
    this.worker.unref();
  }

  /** Watches one run; returns whether Stop had to be pressed. */
  watch<T>(seconds: number, body: () => T): { value: T; stopped: boolean } {
    const run = ++this.run;
    this.deadline[0] = Date.now() + seconds * 1000;
    Atomics.store(this.cells, 0, run);
    Atomics.notify(this.cells, 0);
    try {
      return { value: body(), stopped: Atomics.load(this.cells, 1) === run };
    } finally {
      Atomics.store(this.cells, 0, 0);
      Atomics.notify(this.cells, 0);
    }
  }

  quit(): void {
    Atomics.store(this.cells, 0, -1);
    Atomics.notify(this.cells, 0);
  }
}

let runtime: SimRuntime;
const watchdog = new Watchdog();

before(async () => {
  runtime = await loadNodeRuntime({ kernel, interruptBuffer: watchdog.interrupt });
});

after(() => watchdog.quit());

/** One run of `code` on a new kernel, with the facade re-imported (`fresh`) or only reset; the
 * response as plain JSON-like data. */
function runFresh(code: string, filename: string, fresh = true): unknown {
  current = new NestKernel();
  const reset = runtime.run(fresh ? FORGET_NEST : RESET_NEST);
  assert.ok(reset.ok, 'could not reset the facade between programs');
  const { value: result, stopped } = watchdog.watch(RUN_LIMIT_S, () => runtime.run(code, { filename }));
  if (stopped) assert.fail(`stopped after ${RUN_LIMIT_S} s on the local engine (too slow, or it never ends)`);
  if (!result.ok) {
    const where = result.error.line ? `line ${result.error.line}: ` : '';
    assert.fail(`the local engine raised: ${where}${result.error.type}: ${result.error.message}\n${result.error.traceback}`);
  }
  return plainResponse(result.response);
}

test('the comparison itself: catches what it must, passes what it must', () => {
  const nest = { spikes: { times: [5.0, 9.8], senders: [1, 1] }, n: 3, label: 'x' };
  assert.deepEqual(compareValues({ spikes: { senders: [1, 1], times: [5.0, 9.8 * (1 + 1e-7)] }, n: 3, label: 'x' }, nest, 1e-6), []);
  const off = compareValues({ spikes: { times: [5.0, 9.81], senders: [1, 1] }, n: 3, label: 'x' }, nest, 1e-6);
  assert.deepEqual(off.map((m) => m.path), ['response.spikes.times[1]']);
  assert.equal(compareValues({ spikes: { times: [5.0], senders: [1] }, n: 3, label: 'x' }, nest, 1e-6).length, 2);
  assert.equal(compareValues({ spikes: { times: [5.0, 9.8] }, n: 3, label: 'x' }, nest, 1e-6)[0].why, 'different keys');
  assert.equal(compareValues({ ...nest, label: 'y' }, nest, 1e-6).length, 1);
  assert.equal(compareValues({ ...nest, n: 3 + 1e-10 }, nest, 0, 1e-9).length, 0, 'atol is an absolute floor');
  // Welch: the same distribution passes, a mean shifted by ~3 standard errors per seed fails.
  const base = [10.2, 9.1, 10.8, 9.7, 10.4, 9.5, 10.0, 10.6, 9.3, 10.1];
  assert.ok(compareStats({ r: base.map((x) => x + 0.05) }, { r: base })[0].p > 0.5);
  assert.ok(compareStats({ r: base.map((x) => x + 1.5) }, { r: base })[0].p < ALPHA);
  // Constant statistics (no randomness in them): equal to rounding passes, different fails.
  assert.equal(compareStats({ w: [103.4, 103.4] }, { w: [103.4 * (1 + 1e-16), 103.4 * (1 + 1e-16)] })[0].p, 1);
  assert.equal(compareStats({ w: [103.5, 103.5] }, { w: [103.4, 103.4] })[0].p, 0);
});

for (const name of programNames()) {
  test(name, (t) => {
    const program = readProgram(name);
    const fixture = readFixture(name);
    assert.ok(fixture, `no fixture: run .venv/bin/python test/parity/make_fixtures.py ${name}`);
    assert.equal(fixture.sha256, sha256(program.source), `fixture stale, run make_fixtures.py ${name}`);
    assert.deepEqual(fixture.compare, program.compare, `fixture stale, run make_fixtures.py ${name}`);
    const filename = `${name}.py`;

    if (program.compare.mode === 'values') {
      const local = runFresh(program.source, filename);
      const { rtol, atol = 0 } = program.compare;
      const mismatches = compareValues(local, fixture.values, rtol, atol);
      assert.ok(
        mismatches.length === 0,
        `${mismatches.length} value(s) differ from real NEST (rtol ${rtol}, atol ${atol}):\n${describeMismatches(mismatches)}`,
      );
      return;
    }

    const stored = fixture.stats;
    assert.ok(stored, `fixture of a stats program without stats: run make_fixtures.py ${name}`);
    const local: Record<string, number[]> = Object.fromEntries(Object.keys(stored.samples).map((k) => [k, []]));
    for (const seed of stored.seeds) {
      const response = runFresh(withSeed(program.source, seed, name), filename, seed === stored.seeds[0]);
      assert.ok(response && typeof response === 'object' && !Array.isArray(response), `seed ${seed}: response is not a dict`);
      const stats = response as Record<string, unknown>;
      assert.deepEqual(Object.keys(stats).sort(), Object.keys(stored.samples).sort(), `seed ${seed}: statistics`);
      for (const [k, v] of Object.entries(stats)) {
        assert.ok(typeof v === 'number' && Number.isFinite(v), `seed ${seed}: ${k} = ${v} is not a finite number`);
        local[k].push(v);
      }
    }
    const verdicts = compareStats(local, stored.samples);
    const lines = verdicts.map(
      (v) =>
        `${v.statistic}: local ${v.localMean.toPrecision(5)} ± ${v.localSd.toPrecision(3)}, ` +
        `NEST ${v.nestMean.toPrecision(5)} ± ${v.nestSd.toPrecision(3)} (mean ± sd over ${stored.seeds.length} seeds), p ${v.p.toPrecision(3)}`,
    );
    t.diagnostic(lines.join('; '));
    const failed = verdicts.filter((v) => v.p < ALPHA);
    assert.ok(
      failed.length === 0,
      `mean differs from real NEST (Welch p < ${ALPHA}):\n${lines.filter((_, i) => verdicts[i].p < ALPHA).join('\n')}`,
    );
  });
}
