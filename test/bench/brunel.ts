/**
 * Brunel network benchmark: how long a sparse random network of iaf_psc_delta neurons (80 %
 * excitatory, 20 % inhibitory, fixed indegree, external Poisson drive; Brunel 2000, regime of
 * g = 5, eta = 2) takes to build and simulate 1000 ms, and how much memory it needs:
 *   - chromium: the built app in /usr/bin/chromium, exactly as a learner runs it: the program is
 *     typed into the code panel and Run is pressed; the time is Run → raster drawn (every spike of
 *     every neuron is recorded and plotted). Memory: peak PSS of all Chromium processes during the
 *     run, and its growth over the page before the run.
 *   - nest: the same program on real NEST 3.10 from .venv, one thread (build and Simulate times as
 *     the program measures them, and the Python process's peak RSS).
 * Cases: the full size (12,500 neurons, 125 inputs each: 1.56 million synapses), then how the cost
 * grows with the number of neurons (indegree fixed) and with the number of synapses (neurons fixed).
 * Prints one JSON object; nothing is asserted.
 *
 *   npx tsx test/bench/brunel.ts [--quick] [--no-build] [--no-nest]
 *   (npm run bench:brunel)
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { launchChromium } from '../lib/chromium';
import { buildApp, startPreview } from '../lib/servers';
import { lastJsonLine, runVenvPython, venvPython } from '../lib/python';
import { sampleTreePss } from '../lib/proc-memory';
import { BRUNEL_FULL, brunelProgram, type BrunelCase } from './programs';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    'no-nest': { type: 'boolean', default: false },
  },
});

// the program text lives in programs.ts, so remote.ts can run the same network on NEST Server
type Case = BrunelCase;

const FULL: Case = BRUNEL_FULL;
const CASES: Case[] = values.quick
  ? [FULL]
  : [
      FULL,
      ...[100, 500, 1000, 2500, 5000].map((neurons): Case => ({ series: 'neurons', neurons, indegree: 125 })),
      ...[25, 50, 250, 500].map((indegree): Case => ({ series: 'synapses', neurons: 2500, indegree })),
    ];

interface Timed {
  build_s: number;
  simulate_s: number;
  spikes: number;
  synapses: number;
}

function parseBench(text: string): Timed {
  const m = /BENCH build_s=([\d.]+) simulate_s=([\d.]+) spikes=(\d+) synapses=(\d+)/.exec(text);
  if (!m) throw new Error(`no BENCH line in:\n${text.slice(-1500)}`);
  return { build_s: Number(m[1]), simulate_s: Number(m[2]), spikes: Number(m[3]), synapses: Number(m[4]) };
}

const MiB = 1024 * 1024;
const round = (x: number, digits = 3) => Number(x.toPrecision(digits));

async function runInApp(page: Page, c: Case) {
  const panel = page.locator('sb-code-panel');
  if ((await panel.locator('textarea').count()) === 0) await panel.locator('button', { hasText: 'Edit' }).click();
  await panel.locator('textarea').fill(brunelProgram(c));
  const before = await page.evaluate(() => Number(document.body.dataset.runCount ?? 0));
  const memory = sampleTreePss(process.pid, /chrom/);
  await page.locator('#run').click();
  await page.waitForFunction((n) => Number(document.body.dataset.runCount ?? 0) > n, before, { timeout: 300_000, polling: 50 });
  const { baseline, peak } = memory.stop();
  const runMs = await page.evaluate(() => Number(document.body.dataset.lastRunMs));
  const footer = await page.locator('footer').innerText();
  return { runMs: Math.round(runMs), ...parseBench(footer), peakMiB: Math.round(peak / MiB), growthMiB: Math.round((peak - baseline) / MiB) };
}

async function inChromium() {
  const outDir = join(tmpdir(), 'spikeblocks-bench-dist');
  if (!values['no-build'] || !existsSync(join(outDir, 'index.html'))) await buildApp(outDir);
  const server = await startPreview(outDir);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => document.body.dataset.engineReady === '1', null, { timeout: 120_000 });
    // warm-up: the first run compiles the kernel's loops
    await runInApp(page, { series: 'neurons', neurons: 500, indegree: 50 });
    const out = [];
    for (const c of CASES) out.push({ ...c, ...(await runInApp(page, c)) });
    return out;
  } finally {
    await browser.close();
    await server.stop();
  }
}

async function inNest() {
  if (values['no-nest']) return null;
  try {
    venvPython();
  } catch (error) {
    console.error(String(error));
    return null;
  }
  const dir = mkdtempSync(join(tmpdir(), 'spikeblocks-brunel-'));
  try {
    const out = [];
    for (const c of CASES) {
      const file = join(dir, `n${c.neurons}k${c.indegree}.py`);
      // one fresh interpreter per case, so its peak RSS is this network's
      writeFileSync(file, `${brunelProgram(c)}
import json, resource
print(json.dumps({"peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
`);
      const { stdout } = await runVenvPython(file, [], 1_800_000);
      const { peak_rss_mib } = lastJsonLine(stdout) as { peak_rss_mib: number };
      out.push({ ...c, ...parseBench(stdout), peakMiB: Math.round(peak_rss_mib) });
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const chromium = await inChromium();
const nest = await inNest();
const cases = chromium.map((local, k) => {
  const real = nest?.[k] ?? null;
  return {
    series: local.series,
    neurons: local.neurons,
    indegree: local.indegree,
    synapses: local.synapses,
    chromium: { runMs: local.runMs, build_s: local.build_s, simulate_s: local.simulate_s, spikes: local.spikes, peakMiB: local.peakMiB, growthMiB: local.growthMiB },
    nest: real && { build_s: real.build_s, simulate_s: real.simulate_s, spikes: real.spikes, peakMiB: real.peakMiB },
    simulateRatioNestToLocal: real ? round(real.simulate_s / local.simulate_s) : null,
    meanRateLocal: round(local.spikes / local.neurons),
    meanRateNest: real ? round(real.spikes / real.neurons) : null,
  };
});
console.log(JSON.stringify({
  benchmark: 'Brunel network (iaf_psc_delta, fixed_indegree, g = 5, eta = 2), 1000 ms at h = 0.1 ms',
  machine: `${readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? 'unknown CPU'}, NEST with 1 thread`,
  notes: 'runMs: Run pressed → raster of all spikes drawn, in the built app; simulateRatioNestToLocal > 1: local is faster',
  cases,
}, null, 2));
