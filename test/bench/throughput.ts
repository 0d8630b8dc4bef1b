/**
 * Kernel throughput benchmark: poisson_generator → N × iaf_psc_alpha → spike_recorder, 1000 ms at
 * h = 0.1 ms (so N × 10 000 neuron updates), in three places in the same run on this machine:
 *   - node:     the TypeScript kernel (test/bench/throughput-case.ts, runThroughputCase) in Node
 *   - chromium: the same module served by vite and run in a page of /usr/bin/chromium (playwright)
 *   - nest:     real NEST 3.10 from .venv, one thread, the same network; only nest.Simulate is timed
 * Prints one JSON object: per N the neuron updates per second in each place and the ratios
 * local / NEST. Not a test: nothing is asserted.
 *
 *   npx tsx test/bench/throughput.ts [--neurons 100,1000,10000] [--sim-ms 1000] [--repeats 3]
 *   (npm run bench, where package.json has "bench": "tsx test/bench/throughput.ts")
 *
 * Needs .venv (bash test/python/setup-venv.sh) for the NEST column; without it the column is null.
 * Each figure is the median of --repeats runs, after one small warm-up run per place.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runThroughputCase, type ThroughputResult } from './throughput-case';
import { median, withBlankPage } from '../lib/bench';
import { runOnRealNest, venvPython } from '../lib/python';

const RATE = 10000; // spikes/s, as throughput-case.ts's defaults
const WEIGHT = 40; // pA
const DELAY = 1.0; // ms

const { values } = parseArgs({
  options: {
    neurons: { type: 'string', default: '100,1000,10000' },
    'sim-ms': { type: 'string', default: '1000' },
    repeats: { type: 'string', default: '3' },
  },
});
const sizes = values.neurons!.split(',').map(Number);
const simTimeMs = Number(values['sim-ms']);
const repeats = Math.max(1, Number(values.repeats));

interface Measured {
  updatesPerSecond: number;
  wallMs: number;
  spikes: number;
}


function summarize(runs: { wallMs: number; spikes: number }[], neurons: number, steps: number): Measured {
  const wallMs = median(runs.map((r) => r.wallMs));
  return { updatesPerSecond: (neurons * steps) / (wallMs / 1000), wallMs, spikes: median(runs.map((r) => r.spikes)) };
}

function inNode(neurons: number): Measured {
  runThroughputCase({ neurons: 100, simTimeMs: 100 }); // warm-up: let the JIT compile the loops
  const runs: ThroughputResult[] = [];
  for (let i = 0; i < repeats; i++) runs.push(runThroughputCase({ neurons, simTimeMs, rate: RATE, weight: WEIGHT }));
  return summarize(runs, neurons, runs[0].steps);
}

function inChromium(): Promise<Record<number, Measured>> {
  return withBlankPage(async (page) => {
    const results: Record<number, Measured> = {};
    for (const neurons of sizes) {
      const runs = await page.evaluate(
        async ({ moduleUrl, neurons, simTimeMs, repeats, rate, weight }) => {
          // vite compiles the TypeScript module for the page; the URL is a variable so that tsc
          // leaves this browser-side import alone.
          const { runThroughputCase } = (await import(moduleUrl)) as typeof import('./throughput-case');
          runThroughputCase({ neurons: 100, simTimeMs: 100 });
          const out = [];
          for (let i = 0; i < repeats; i++) out.push(runThroughputCase({ neurons, simTimeMs, rate, weight }));
          return out;
        },
        { moduleUrl: '/test/bench/throughput-case.ts', neurons, simTimeMs, repeats, rate: RATE, weight: WEIGHT },
      );
      results[neurons] = summarize(runs, neurons, runs[0].steps);
    }
    return results;
  });
}

function nestProgram(neurons: number): string {
  return `import nest

nest.ResetKernel()
nest.SetKernelStatus({"resolution": 0.1, "local_num_threads": 1})
pg = nest.Create("poisson_generator", 1, params={"rate": ${RATE.toFixed(1)}})
pop = nest.Create("iaf_psc_alpha", ${neurons})
sr = nest.Create("spike_recorder", 1)
nest.Connect(pg, pop, conn_spec={"rule": "all_to_all"}, syn_spec={"weight": ${WEIGHT.toFixed(1)}, "delay": ${DELAY.toFixed(1)}})
nest.Connect(pop, sr, conn_spec={"rule": "all_to_all"})
nest.Simulate(${simTimeMs.toFixed(1)})

response = {"n_events": sr.n_events}
`;
}

async function inNest(): Promise<Record<number, Measured> | null> {
  try {
    venvPython();
  } catch (error) {
    console.error(String(error));
    return null;
  }
  const dir = mkdtempSync(join(tmpdir(), 'spikeblocks-bench-'));
  try {
    const warm = join(dir, 'warm.py');
    writeFileSync(warm, nestProgram(100));
    const files = [warm];
    for (const neurons of sizes) {
      const file = join(dir, `n${neurons}.py`);
      writeFileSync(file, nestProgram(neurons));
      for (let i = 0; i < repeats; i++) files.push(file);
    }
    const runs = (await runOnRealNest(files, 1_800_000)).slice(1);
    const steps = Math.round(simTimeMs / 0.1);
    const results: Record<number, Measured> = {};
    sizes.forEach((neurons, k) => {
      const mine = runs.slice(k * repeats, (k + 1) * repeats).map((r) => ({
        wallMs: r.simulate_s * 1000,
        spikes: (r.response as { n_events: number }).n_events,
      }));
      results[neurons] = summarize(mine, neurons, steps);
    });
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const node: Record<number, Measured> = {};
for (const neurons of sizes) node[neurons] = inNode(neurons);
const chromium = await inChromium();
const nest = await inNest();

const round = (x: number, digits = 3) => Number(x.toPrecision(digits));
const cases = sizes.map((neurons) => {
  const n = nest?.[neurons];
  return {
    neurons,
    steps: Math.round(simTimeMs / 0.1),
    node: { updatesPerSecond: round(node[neurons].updatesPerSecond), wallMs: round(node[neurons].wallMs), spikes: node[neurons].spikes },
    chromium: { updatesPerSecond: round(chromium[neurons].updatesPerSecond), wallMs: round(chromium[neurons].wallMs), spikes: chromium[neurons].spikes },
    nest: n ? { updatesPerSecond: round(n.updatesPerSecond), wallMs: round(n.wallMs), spikes: n.spikes } : null,
    ratioNodeToNest: n ? round(node[neurons].updatesPerSecond / n.updatesPerSecond) : null,
    ratioChromiumToNest: n ? round(chromium[neurons].updatesPerSecond / n.updatesPerSecond) : null,
  };
});
console.log(
  JSON.stringify(
    {
      benchmark: 'iaf_psc_alpha throughput (neuron updates per second)',
      network: `poisson_generator ${RATE} spikes/s → N iaf_psc_alpha (weight ${WEIGHT} pA, delay ${DELAY} ms) → spike_recorder`,
      simTimeMs,
      resolutionMs: 0.1,
      repeats,
      statistic: 'median wall time',
      cases,
    },
    null,
    2,
  ),
);
