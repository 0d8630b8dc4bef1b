/**
 * Every NEST example of the gallery (src/gallery/catalog.ts), generated from its blocks by the real
 * generator, runs UNMODIFIED on real NEST 3.10 (the venv) and on the local engine, and both agree:
 *
 * - deterministic examples (no random input, no random connections): the same spike times
 *   (to 1e-9 ms, i.e. the same steps) and the same membrane potential (to 1e-6 mV), sample by sample;
 * - noisy examples: the two engines draw different random numbers (nest.md: NEST's Poisson draws
 *   come from the C++ standard library), so single runs differ. Each side runs SEEDS seeds (set in
 *   the kernel block, as a learner would), and for every spike recorder the SEEDS spike counts of
 *   one side are compared with the other's by Welch's t-test (unequal variances, two-sided). The
 *   test makes no assumption about how variable a count is (a network's synchrony makes counts
 *   vary far more than a Poisson count): the variance is estimated from the seeds themselves. The
 *   level ALPHA = 0.001 is fixed in advance, not tuned to the outcome; with the 10 recorders below a
 *   correct engine fails this file by chance with probability ≤ 1 %, and seeds are fixed, so a
 *   given engine gets the same verdict every time. With 10 seeds a side the test detects a
 *   difference in mean count of about 2.2 standard deviations of one run's count.
 *
 * And each example runs on the local engine in under a second (its first run in this process,
 * after one warm-up run of another program: the browser's engine is warm once it has loaded).
 * Run: node --import tsx --test test/nest/gallery-real.test.ts   (~1 min; needs the venv)
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import * as Blockly from 'blockly';
import { registerNestBlocks } from '../../blocks/nest/index';
import { generateNest, type GeneratedProgram } from '../../generators/nest';
import { loadNodeRuntime } from '../../src/cli/node-runtime';
import { GALLERY } from '../../src/gallery/catalog';
import { runOnRealNest } from '../lib/python';
import { mean, variance, welchTTest } from '../lib/stats';
import type { SimRuntime } from '../../workers/runtime';

const EXAMPLES = resolve(import.meta.dirname, '../../blocks/examples');
const SEEDS = Array.from({ length: 10 }, (_, k) => k + 1);
const ALPHA = 0.001;
const LOCAL_LIMIT_MS = 1000;

/** Examples whose runs draw no random numbers: the two engines must give the same numbers. */
const DETERMINISTIC = new Set(['one-neuron', 'step-current', 'sine-current', 'two-neurons', 'fi-curve']);
/** Poisson input or random connections: compared by statistics over seeds. */
const NOISY = new Set(['first-example', 'one-neuron-noise', 'balanced-neuron', 'spike-activity', 'ei-network', 'brunel-delta', 'brunel-alpha']);

const nestIds = GALLERY.filter((e) => e.simulator === 'nest').map((e) => e.id);

interface Events {
  times: ArrayLike<number>;
  senders: ArrayLike<number>;
  V_m?: ArrayLike<number>;
}
type Response = { events: Events[]; results?: Record<string, [number, number][]> };

/** The example's blocks with the kernel block's seed set to `seed`. */
function withSeed(id: string, seed: number): object {
  const json = JSON.parse(readFileSync(resolve(EXAMPLES, `${id}.json`), 'utf8'));
  let found = 0;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as { type?: string; inputs?: Record<string, { shadow?: { fields: { NUM: number } } }> };
      if (n.type === 'nest_kernel' && n.inputs?.SEED?.shadow) {
        n.inputs.SEED.shadow.fields.NUM = seed;
        found++;
      }
      Object.values(node).forEach(walk);
    }
  };
  walk(json.blocks);
  assert.equal(found, 1, `${id}: one kernel block with a seed`);
  return json;
}

function generate(workspaceJson: object): GeneratedProgram {
  const workspace = new Blockly.Workspace();
  try {
    Blockly.serialization.workspaces.load(workspaceJson, workspace);
    return generateNest(workspace);
  } finally {
    workspace.dispose();
  }
}

let dir: string;
let runtime: SimRuntime;
/** id → seed → program / responses */
const programs = new Map<string, Map<number, GeneratedProgram>>();
const real = new Map<string, Map<number, Response>>();
const local = new Map<string, Map<number, Response>>();
const firstRunMs = new Map<string, number>();

before(async () => {
  registerNestBlocks();
  dir = mkdtempSync(join(tmpdir(), 'spikeblocks-gallery-'));
  const jobs: { id: string; seed: number; file: string }[] = [];
  for (const id of nestIds) {
    const seeds = NOISY.has(id) ? SEEDS : [1];
    const bySeed = new Map<number, GeneratedProgram>();
    for (const seed of seeds) {
      const program = generate(withSeed(id, seed));
      bySeed.set(seed, program);
      const file = join(dir, `${id}-${seed}.py`);
      writeFileSync(file, program.code);
      jobs.push({ id, seed, file });
    }
    programs.set(id, bySeed);
  }
  const runs = await runOnRealNest(jobs.map((j) => j.file));
  jobs.forEach((j, k) => {
    if (!real.has(j.id)) real.set(j.id, new Map());
    real.get(j.id)!.set(j.seed, runs[k].response as Response);
  });
  runtime = await loadNodeRuntime();
  // warm-up: the engine's code is compiled by the first run, as in the browser after loading
  const warm = await runtime.run('import nest\nnest.ResetKernel()\nn = nest.Create("iaf_psc_alpha", 10)\nnest.Simulate(100.0)\nresponse = {}');
  assert.ok(warm.ok, 'the warm-up program runs');
  for (const id of nestIds) {
    const bySeed = new Map<number, Response>();
    for (const [seed, program] of programs.get(id)!) {
      const started = performance.now();
      const result = await runtime.run(program.code);
      if (!firstRunMs.has(id)) firstRunMs.set(id, performance.now() - started);
      if (!result.ok) assert.fail(`${id} seed ${seed} on the local engine: ${result.error.type}: ${result.error.message}`);
      bySeed.set(seed, result.response as Response);
    }
    local.set(id, bySeed);
  }
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('every NEST example of the gallery is classified here as deterministic or noisy', () => {
  for (const id of nestIds) assert.ok(DETERMINISTIC.has(id) !== NOISY.has(id), `${id}: add it to DETERMINISTIC or NOISY`);
  for (const id of [...DETERMINISTIC, ...NOISY]) assert.ok(nestIds.includes(id as never), `${id} is not a gallery example`);
});

test('the generated programs have no flagged problems, and the noisy ones really draw random numbers', () => {
  for (const id of nestIds) {
    const program = programs.get(id)!.get(1)!;
    assert.deepEqual(program.problems, [], `${id}: ${JSON.stringify(program.problems)}`);
    // Poisson input or a random connection rule: the only sources of randomness these examples have
    const random = /poisson_generator|pairwise_bernoulli|fixed_indegree|noise_generator/.test(program.code);
    assert.equal(random, NOISY.has(id), `${id}: random = ${random}`);
  }
});

for (const id of nestIds) {
  test(`${id}: runs on the local engine in under ${LOCAL_LIMIT_MS} ms`, async (t) => {
    // The 2 cores are shared with other jobs: a first run over the limit gets two more tries, and
    // the fastest counts (load from elsewhere only ever makes a run slower).
    const times = [firstRunMs.get(id)!];
    while (times.at(-1)! >= LOCAL_LIMIT_MS && times.length < 3) {
      const started = performance.now();
      await runtime.run(programs.get(id)!.get(1)!.code);
      times.push(performance.now() - started);
    }
    const ms = Math.min(...times);
    t.diagnostic(`${id}: ${times.map((x) => x.toFixed(0)).join(', ')} ms`);
    assert.ok(ms < LOCAL_LIMIT_MS, `${id} took ${ms.toFixed(0)} ms on the local engine`);
  });
}

for (const id of nestIds.filter((i) => DETERMINISTIC.has(i))) {
  test(`${id} (deterministic): the same spike times and V_m on real NEST and the local engine`, (t) => {
    const program = programs.get(id)!.get(1)!;
    const ours = local.get(id)!.get(1)!;
    const theirs = real.get(id)!.get(1)!;
    assert.equal(ours.events.length, theirs.events.length);
    const said: string[] = [];
    program.recorders.forEach((r, k) => {
      const [a, b] = [ours.events[k], theirs.events[k]];
      assert.equal(a.times.length, b.times.length, `${id} ${r.name}: ${a.times.length} events here, ${b.times.length} on NEST`);
      for (let i = 0; i < a.times.length; i++) assert.ok(Math.abs(a.times[i] - b.times[i]) < 1e-9, `${id} ${r.name} event ${i}: ${a.times[i]} vs ${b.times[i]}`);
      if (r.model === 'spike_recorder') said.push(`${r.name}: ${b.times.length} spikes, same times`);
      if (a.V_m && b.V_m) {
        let worst = 0;
        for (let i = 0; i < a.V_m.length; i++) worst = Math.max(worst, Math.abs(a.V_m[i] - b.V_m[i]));
        assert.ok(worst < 1e-6, `${id} ${r.name}: V_m differs by up to ${worst} mV`);
        said.push(`${r.name}: ${b.V_m.length} V_m samples, max |ΔV_m| ${worst.toExponential(1)} mV`);
      }
    });
    if (ours.results || theirs.results) {
      assert.deepEqual(ours.results, theirs.results, `${id}: result tables differ`);
      said.push(`result table: ${Object.values(theirs.results ?? {})[0]?.length ?? 0} points, equal`);
    }
    assert.ok(said.some((s) => s.includes('spikes')) || ours.results, `${id} records spikes or a result table`);
    t.diagnostic(said.join('; '));
  });
}

for (const id of nestIds.filter((i) => NOISY.has(i))) {
  test(`${id} (noisy): spike counts over ${SEEDS.length} seeds agree (Welch t-test, level ${ALPHA})`, (t) => {
    const program = programs.get(id)!.get(1)!;
    const said: string[] = [];
    program.recorders.forEach((r, k) => {
      if (r.model !== 'spike_recorder') return;
      const counts = (side: Map<number, Response>) => SEEDS.map((s) => side.get(s)!.events[k].times.length);
      const [ours, theirs] = [counts(local.get(id)!), counts(real.get(id)!)];
      assert.ok(mean(theirs) >= 5, `${id} ${r.name} fires on NEST (${theirs})`);
      assert.ok(variance(theirs) > 0 && variance(ours) > 0, `${id} ${r.name}: the seeds give different runs`);
      const w = welchTTest(ours, theirs);
      said.push(
        `${r.name}: NEST ${mean(theirs).toFixed(1)} ± ${Math.sqrt(variance(theirs)).toFixed(1)}, ` +
          `local ${mean(ours).toFixed(1)} ± ${Math.sqrt(variance(ours)).toFixed(1)} spikes (p ${w.p.toPrecision(2)})`,
      );
      assert.ok(w.p >= ALPHA, `${id} ${r.name}: local ${ours} vs NEST ${theirs} (p = ${w.p})`);
    });
    assert.ok(said.length > 0, `${id} has a spike recorder`);
    t.diagnostic(said.join('; '));
  });
}
