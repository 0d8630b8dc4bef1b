/**
 * Throughput per neuron model (neuron updates per second = neurons × steps / wall time of
 * Simulate): poisson_generator 8000 spikes/s → 1000 neurons → spike_recorder, 1000 ms at 0.1 ms,
 * for every model of the local engine, in the same run:
 *   - chromium: the kernel in a page of /usr/bin/chromium (served by vite), as the worker runs it
 *   - node:     the same code in Node
 *   - nest:     real NEST 3.10 from .venv, one thread, only nest.Simulate timed
 * Prints JSON with the ratios local / NEST (> 1: local is faster). Nothing is asserted.
 *
 *   npx tsx test/bench/models.ts [--neurons 1000] [--sim-ms 1000] [--repeats 3] [model ...]
 *   (npm run bench:models)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { MODELS, RATE, WEIGHTS, runModelCase, type ModelResult } from './model-case';
import { median, withBlankPage } from '../lib/bench';
import { runOnRealNest, venvPython } from '../lib/python';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    neurons: { type: 'string', default: '1000' },
    'sim-ms': { type: 'string', default: '1000' },
    repeats: { type: 'string', default: '3' },
  },
});
const neurons = Number(values.neurons);
const simTimeMs = Number(values['sim-ms']);
const repeats = Math.max(1, Number(values.repeats));
const models: string[] = positionals.length > 0 ? positionals : [...MODELS];
const updates = neurons * Math.round(simTimeMs / 0.1);

const summarize = (runs: ModelResult[]) => ({ wallMs: median(runs.map((r) => r.wallMs)), spikes: median(runs.map((r) => r.spikes)) });

function inNode() {
  const out: Record<string, { wallMs: number; spikes: number }> = {};
  for (const model of models) {
    runModelCase(model, 100, 100); // warm-up
    out[model] = summarize(Array.from({ length: repeats }, () => runModelCase(model, neurons, simTimeMs)));
  }
  return out;
}

function inChromium() {
  return withBlankPage(async (page) => {
    const out: Record<string, { wallMs: number; spikes: number }> = {};
    for (const model of models) {
      const runs = await page.evaluate(
        async ({ moduleUrl, model, neurons, simTimeMs, repeats }) => {
          const { runModelCase } = (await import(moduleUrl)) as typeof import('./model-case');
          runModelCase(model, 100, 100);
          return Array.from({ length: repeats }, () => runModelCase(model, neurons, simTimeMs));
        },
        { moduleUrl: '/test/bench/model-case.ts', model, neurons, simTimeMs, repeats },
      );
      out[model] = summarize(runs);
    }
    return out;
  });
}

function nestProgram(model: string, n: number): string {
  return `import nest
nest.ResetKernel()
nest.SetKernelStatus({"resolution": 0.1, "local_num_threads": 1})
pop = nest.Create("${model}", ${n})
pg = nest.Create("poisson_generator", params={"rate": ${RATE.toFixed(1)}})
sr = nest.Create("spike_recorder")
nest.Connect(pg, pop, syn_spec={"weight": ${WEIGHTS[model].toFixed(1)}, "delay": 1.0})
nest.Connect(pop, sr)
nest.Simulate(${simTimeMs.toFixed(1)})
response = {"n_events": sr.n_events}
`;
}

async function inNest() {
  try {
    venvPython();
  } catch (error) {
    console.error(String(error));
    return null;
  }
  const dir = mkdtempSync(join(tmpdir(), 'spikeblocks-models-'));
  try {
    const files: string[] = [];
    for (const model of models) {
      const warm = join(dir, `${model}-warm.py`);
      writeFileSync(warm, nestProgram(model, 10));
      const file = join(dir, `${model}.py`);
      writeFileSync(file, nestProgram(model, neurons));
      files.push(warm, ...Array(repeats).fill(file));
    }
    const runs = await runOnRealNest(files, 3_600_000);
    const out: Record<string, { wallMs: number; spikes: number }> = {};
    models.forEach((model, k) => {
      const mine = runs.slice(k * (repeats + 1) + 1, (k + 1) * (repeats + 1));
      out[model] = summarize(mine.map((r) => ({ wallMs: r.simulate_s * 1000, spikes: (r.response as { n_events: number }).n_events })));
    });
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const node = inNode();
const chromium = await inChromium();
const nest = await inNest();
const rate = (ms: number) => Number((updates / (ms / 1000)).toPrecision(3));
const ratio = (a: number, b: number) => Number((b / a).toPrecision(3));
console.log(JSON.stringify({
  benchmark: 'neuron updates per second per model (median wall time of Simulate)',
  network: `poisson_generator ${RATE} spikes/s → ${neurons} neurons → spike_recorder, ${simTimeMs} ms at 0.1 ms; weights ${JSON.stringify(WEIGHTS)}`,
  repeats,
  models: models.map((model) => ({
    model,
    chromium: { updatesPerSecond: rate(chromium[model].wallMs), spikes: chromium[model].spikes },
    node: { updatesPerSecond: rate(node[model].wallMs), spikes: node[model].spikes },
    nest: nest ? { updatesPerSecond: rate(nest[model].wallMs), spikes: nest[model].spikes } : null,
    ratioChromiumToNest: nest ? ratio(chromium[model].wallMs, nest[model].wallMs) : null,
    ratioNodeToNest: nest ? ratio(node[model].wallMs, nest[model].wallMs) : null,
  })),
}, null, 2));
