/**
 * Remote-run benchmark: what a run on a real NEST Server (nest-simulator 3.10 from .venv, one
 * gunicorn worker, RestrictedPython on) costs beyond NEST's own work.
 *   a) first example, from Node with the app's fetch-based client code path: per warm run, the wall
 *      time split into request (send → reply headers: the server runs the program, serialises
 *      `response` and starts sending), download (headers → last byte) and JSON.parse; NEST's own
 *      time is the kernel's time_construction_create + time_construction_connect + time_simulate
 *      read by POST /api/GetKernelStatus right after the run (one worker, so it is the same
 *      kernel). Floors: GET / and an exec of `response = 1`. overhead = total − NEST's own time.
 *   b) the same in the built app in Chromium, opened with ?nest_server_url=…&nest_server_access_token=…:
 *      Run → plots drawn (body.dataset.lastRunMs) minus NEST's own time = overhead incl. the plot.
 *   c) large results: the 12,500-neuron Brunel network of brunel.ts, all spikes for 1000 ms, on the
 *      server: reply size, the program's own build/simulate time, server-side serialisation, and
 *      transfer + parse in Node; in the app: Run → raster drawn, the longest main-thread task
 *      (PerformanceObserver 'longtask' and the longest gap between animation frames), Chromium's
 *      peak PSS, and JSON.parse of the same reply text on the page's main thread. In the app the
 *      network runs on NEST's 2 threads (the app gives a server run 60 s; see brunelAppCode).
 * Prints one JSON object; nothing is asserted. Numbers taken while other work runs on the machine
 * are noisy: run it twice.
 *
 *   npx tsx test/bench/remote.ts [--runs 30] [--brunel-runs 2] [--no-app | --app-only] [--no-brunel] [--no-build]
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { launchChromium } from '../lib/chromium';
import { median } from '../lib/bench';
import { startNestServer, type NestServerProcess } from '../lib/nest-server';
import { sampleTreePss } from '../lib/proc-memory';
import { buildApp, startPreview } from '../lib/servers';
import { NestServerClient } from '../../src/remote/nest-server';
import { BRUNEL_FULL, brunelProgram, firstExampleProgram } from './programs';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '30' },
    'brunel-runs': { type: 'string', default: '2' },
    'no-app': { type: 'boolean', default: false },
    'no-brunel': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    'app-only': { type: 'boolean', default: false },
  },
});
const RUNS = Math.max(1, Number(values.runs));
const BRUNEL_RUNS = Math.max(1, Number(values['brunel-runs']));
const OUT_DIR = join(tmpdir(), 'spikeblocks-bench-remote-dist');
const MiB = 1024 * 1024;

const p95 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)];
};
const ms = (x: number) => Math.round(x * 10) / 10;
const summary = (xs: number[]) => ({ median: ms(median(xs)), p95: ms(p95(xs)), max: ms(Math.max(...xs)) });

/** One /exec as the client sends it, timed in its three parts. */
async function timedExec(server: NestServerProcess, source: string) {
  const t0 = performance.now();
  const reply = await fetch(`${server.url}/exec`, {
    method: 'POST',
    headers: { NESTServerAuth: server.token, 'Content-Type': 'application/json' },
    body: JSON.stringify({ source, return: 'response' }),
    signal: AbortSignal.timeout(900_000),
  });
  const t1 = performance.now();
  const text = await reply.text();
  const t2 = performance.now();
  const body = JSON.parse(text) as { data?: unknown; stdout?: string; message?: string };
  const t3 = performance.now();
  if (reply.status !== 200) throw new Error(`exec failed (HTTP ${reply.status}): ${body.message ?? text.slice(0, 300)}`);
  return { requestMs: t1 - t0, downloadMs: t2 - t1, parseMs: t3 - t2, totalMs: t3 - t0, bytes: Buffer.byteLength(text), body, text };
}

/** NEST's own time for the last run, in ms (the kernel's timers; ResetKernel zeroes them). */
async function nestOwnMs(server: NestServerProcess) {
  const reply = await fetch(`${server.url}/api/GetKernelStatus`, {
    method: 'POST',
    headers: { NESTServerAuth: server.token, 'Content-Type': 'application/json' },
    body: JSON.stringify({ keys: ['time_construction_create', 'time_construction_connect', 'time_simulate'] }),
  });
  const [create, connect, simulate] = (await reply.json()) as number[];
  return { createMs: create * 1000, connectMs: connect * 1000, simulateMs: simulate * 1000, ownMs: (create + connect + simulate) * 1000 };
}

async function floors(server: NestServerProcess) {
  const client = new NestServerClient({ url: server.url, token: server.token });
  const get: number[] = [];
  const trivial: number[] = [];
  for (let i = 0; i < 10; i++) {
    let t0 = performance.now();
    await client.health();
    get.push(performance.now() - t0);
    t0 = performance.now();
    await client.run('response = 1\n');
    trivial.push(performance.now() - t0);
  }
  return { healthGetRootAndModelsMs: summary(get), execResponse1Ms: summary(trivial) };
}

async function firstExampleInNode(server: NestServerProcess, code: string) {
  for (let i = 0; i < 3; i++) await timedExec(server, code); // warm-up
  const rows: (Awaited<ReturnType<typeof timedExec>> & Awaited<ReturnType<typeof nestOwnMs>>)[] = [];
  for (let i = 0; i < RUNS; i++) {
    const run = await timedExec(server, code);
    const own = await nestOwnMs(server);
    rows.push({ ...run, ...own });
  }
  // the client the app uses (fetch + reply.json()), for the same program: its total should match
  const client = new NestServerClient({ url: server.url, token: server.token });
  const viaClient: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const result = await client.run(code);
    viaClient.push(performance.now() - t0);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
  }
  const pick = (k: 'totalMs' | 'requestMs' | 'downloadMs' | 'parseMs' | 'ownMs' | 'simulateMs') => rows.map((r) => r[k]);
  return {
    replyBytes: rows[0].bytes,
    totalMs: summary(pick('totalMs')),
    requestMs: summary(pick('requestMs')),
    downloadMs: summary(pick('downloadMs')),
    jsonParseMs: summary(pick('parseMs')),
    nestOwnMs: summary(pick('ownMs')),
    nestSimulateMs: summary(pick('simulateMs')),
    overheadMs: summary(rows.map((r) => r.totalMs - r.ownMs)),
    shareOfTotal: {
      request: ms((median(pick('requestMs')) / median(pick('totalMs'))) * 100) + ' %',
      jsonParse: ms((median(pick('parseMs')) / median(pick('totalMs'))) * 100) + ' %',
    },
    nestServerClientRunMs: summary(viaClient),
  };
}

/**
 * Where the first example's overhead goes: the same program returning no recorder data (the fixed
 * cost of a run: HTTP, NEST Server's per-request auth check, RestrictedPython, PyNEST calls), and
 * with the voltmeter sampling every 1 ms instead of 0.1 ms (a tenth of the 3 × 9990 numbers that
 * NEST Server converts to lists value by value, twice, and then encodes as JSON).
 */
async function firstExampleVariants(server: NestServerProcess, code: string) {
  const variants = {
    noRecorderData: code.replace(/^response = .*$/m, 'response = {"biological_time": nest.biological_time}'),
    voltmeterEvery1ms: code.replace('"interval": 0.1', '"interval": 1.0'),
  };
  const out: Record<string, { replyBytes: number; totalMs: number; overheadMs: number }> = {};
  for (const [name, source] of Object.entries(variants)) {
    if (source === code) throw new Error(`the first example's program changed: variant ${name} no longer applies`);
    await timedExec(server, source);
    const total: number[] = [];
    const overhead: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 15; i++) {
      const run = await timedExec(server, source);
      const own = await nestOwnMs(server);
      total.push(run.totalMs);
      overhead.push(run.totalMs - own.ownMs);
      bytes = run.bytes;
    }
    out[name] = { replyBytes: bytes, totalMs: ms(median(total)), overheadMs: ms(median(overhead)) };
  }
  return out;
}

interface BrunelEvents {
  events: { times: number[]; senders: number[] }[];
}

function benchLine(stdout: string | undefined) {
  const m = /BENCH build_s=([\d.]+) simulate_s=([\d.]+) spikes=(\d+) synapses=(\d+)/.exec(stdout ?? '');
  if (!m) throw new Error(`no BENCH line in the program's output: ${stdout}`);
  return { buildMs: Number(m[1]) * 1000, simulateMs: Number(m[2]) * 1000, spikes: Number(m[3]), synapses: Number(m[4]) };
}

async function brunelInNode(server: NestServerProcess, code: string) {
  const rows = [];
  let text = '';
  for (let i = 0; i < BRUNEL_RUNS; i++) {
    const memory = sampleTreePss(server.pid, /gunicorn|python/);
    const run = await timedExec(server, code);
    const { baseline, peak } = memory.stop();
    const program = benchLine((run.body as { stdout?: string }).stdout);
    const own = await nestOwnMs(server);
    const spikes = (run.body.data as BrunelEvents).events[0].times.length;
    rows.push({
      replyMiB: Math.round((run.bytes / MiB) * 10) / 10,
      spikes,
      programBuildMs: Math.round(program.buildMs),
      programSimulateMs: Math.round(program.simulateMs),
      nestOwnMs: Math.round(own.ownMs),
      // from the program's last line to the reply's first byte: `response` → lists (twice) → JSON
      serverSerialiseMs: Math.round(run.requestMs - program.buildMs - program.simulateMs),
      requestMs: Math.round(run.requestMs),
      downloadMs: Math.round(run.downloadMs),
      jsonParseMs: Math.round(run.parseMs),
      totalMs: Math.round(run.totalMs),
      overheadMs: Math.round(run.totalMs - program.buildMs - program.simulateMs),
      serverWorkerPeakPssMiB: Math.round(peak / MiB),
      serverWorkerGrowthMiB: Math.round((peak - baseline) / MiB),
    });
    text = run.text;
  }
  return { rows, text };
}

// Installed before the page's scripts: the longest main-thread task and the longest gap between
// animation frames, both reset by window.__benchReset(). A string: tsx's helpers do not exist there.
const WATCH_MAIN_THREAD = `(() => {
  const state = { longestTask: 0, longTasks: 0, longestFrameGap: 0, last: 0 };
  window.__bench = state;
  window.__benchReset = () => { state.longestTask = 0; state.longTasks = 0; state.longestFrameGap = 0; state.last = performance.now(); };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) { state.longTasks++; state.longestTask = Math.max(state.longestTask, e.duration); }
    }).observe({ type: 'longtask', buffered: false });
  } catch (e) { state.noLongtask = String(e); }
  const frame = (now) => {
    if (state.last) state.longestFrameGap = Math.max(state.longestFrameGap, now - state.last);
    state.last = now;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();`;

async function runInApp(page: Page, code: string | null, timeoutMs = 120_000) {
  if (code !== null) {
    const panel = page.locator('sb-code-panel');
    if ((await panel.locator('textarea').count()) === 0) await panel.locator('button', { hasText: 'Edit' }).click();
    await panel.locator('textarea').fill(code);
  }
  const before = await page.evaluate(() => Number(document.body.dataset.runCount ?? 0));
  await page.evaluate('window.__benchReset(); delete document.body.dataset.serverProblem');
  await page.locator('#run').click();
  // runCount counts runs whose plots are drawn; a server failure sets serverProblem instead
  await page.waitForFunction((n) => Number(document.body.dataset.runCount ?? 0) > n || !!document.body.dataset.serverProblem, before, { timeout: timeoutMs, polling: 20 });
  const problem = await page.evaluate(() => document.body.dataset.serverProblem);
  if (problem) throw new Error(`the app's run failed on the server (${problem}): ${await page.locator('footer').innerText()}`);
  const runMs = await page.evaluate(() => Number(document.body.dataset.lastRunMs));
  const main = (await page.evaluate('({ ...window.__bench })')) as { longestTask: number; longTasks: number; longestFrameGap: number };
  return { runMs, ...main };
}

/** JSON.parse of `text` on the page's main thread (median of 3), and the reply fetched there. */
async function parseInPage(page: Page, server: NestServerProcess, source: string) {
  return (await page.evaluate(`(async () => {
    const t0 = performance.now();
    const reply = await fetch(${JSON.stringify(server.url + '/exec')}, {
      method: 'POST',
      headers: { NESTServerAuth: ${JSON.stringify(server.token)}, 'Content-Type': 'application/json' },
      body: JSON.stringify({ source: ${JSON.stringify(source)}, return: 'response' }),
    });
    const t1 = performance.now();
    const text = await reply.text();
    const t2 = performance.now();
    const parses = [];
    for (let i = 0; i < 3; i++) { const a = performance.now(); JSON.parse(text); parses.push(performance.now() - a); }
    parses.sort((a, b) => a - b);
    return { requestMs: t1 - t0, downloadMs: t2 - t1, jsonParseMs: parses[1], bytes: text.length };
  })()`)) as { requestMs: number; downloadMs: number; jsonParseMs: number; bytes: number };
}

async function inApp(server: NestServerProcess, brunelCode: string | null) {
  if (!values['no-build'] || !existsSync(join(OUT_DIR, 'index.html'))) await buildApp(OUT_DIR);
  const preview = await startPreview(OUT_DIR);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(WATCH_MAIN_THREAD);
    const query = new URLSearchParams({ nest_server_url: server.url, nest_server_access_token: server.token });
    await page.goto(`${preview.url}?${query}`);
    // the server answered the app's health check; the local engine loaded too (it loads anyway,
    // as the fallback, and would compete for the cores while we measure)
    await page.waitForFunction(() => document.body.dataset.remoteReady === '1' && document.body.dataset.engineReady === '1', null, { timeout: 120_000 });
    const addressBar = page.url();
    // first example (the workspace the app opens with), warm-up then RUNS runs
    for (let i = 0; i < 3; i++) await runInApp(page, null);
    const rows = [];
    for (let i = 0; i < Math.min(RUNS, 20); i++) {
      const run = await runInApp(page, null);
      rows.push({ ...run, ownMs: (await nestOwnMs(server)).ownMs });
    }
    const first = {
      runToPlotMs: summary(rows.map((r) => r.runMs)),
      nestOwnMs: summary(rows.map((r) => r.ownMs)),
      overheadInclPlotMs: summary(rows.map((r) => r.runMs - r.ownMs)),
      longestTaskMs: ms(Math.max(...rows.map((r) => r.longestTask))),
      tokenLeftInAddressBar: addressBar.includes(server.token),
    };
    // the same reply fetched and parsed by the page itself: the network part of Run → plot
    const firstFetch = [];
    for (let i = 0; i < 10; i++) firstFetch.push(await parseInPage(page, server, firstExampleProgram()));
    Object.assign(first, {
      pageFetchAndParseMs: summary(firstFetch.map((f) => f.requestMs + f.downloadMs + f.jsonParseMs)),
      pageJsonParseMs: summary(firstFetch.map((f) => f.jsonParseMs)),
    });
    console.error(`bench: first example in the app: ${JSON.stringify(first)}`);
    let brunel = null;
    if (brunelCode !== null) {
      const runs = [];
      for (let i = 0; i < BRUNEL_RUNS; i++) {
        const memory = sampleTreePss(process.pid, /chrom/);
        let run;
        try {
          run = await runInApp(page, brunelCode, 900_000);
        } catch (e) {
          memory.stop();
          runs.push({ failed: (e as Error).message });
          continue;
        }
        const { baseline, peak } = memory.stop();
        const program = benchLine(await page.locator('footer').innerText().catch(() => ''));
        runs.push({
          runToRasterMs: Math.round(run.runMs),
          programBuildMs: Math.round(program.buildMs),
          programSimulateMs: Math.round(program.simulateMs),
          overheadInclPlotMs: Math.round(run.runMs - program.buildMs - program.simulateMs),
          spikes: program.spikes,
          longestTaskMs: Math.round(run.longestTask),
          longTasks: run.longTasks,
          longestFrameGapMs: Math.round(run.longestFrameGap),
          chromiumPeakPssMiB: Math.round(peak / MiB),
          chromiumGrowthMiB: Math.round((peak - baseline) / MiB),
        });
      }
      // the same reply, fetched and parsed on this page's main thread
      await page.evaluate('window.__benchReset()');
      const parse = await parseInPage(page, server, brunelCode);
      brunel = { runs, mainThreadParse: { ...parse, requestMs: Math.round(parse.requestMs), downloadMs: Math.round(parse.downloadMs), jsonParseMs: Math.round(parse.jsonParseMs) } };
    }
    return { firstExample: first, brunel, pageErrors: errors };
  } finally {
    await browser.close();
    await preview.stop();
  }
}

const firstCode = firstExampleProgram();
const brunelCode = values['no-brunel'] ? null : brunelProgram(BRUNEL_FULL);
/**
 * In the app the Brunel network runs on NEST's 2 threads: the app gives a server run 60 s, and on
 * this machine (2 cores, shared) one thread took 26–37 s in Node and over 60 s once in the app.
 * The client side — transfer, parse, raster — is the same either way: the same 800k spikes.
 */
const brunelAppCode = brunelCode?.replace('{"resolution": 0.1}', '{"resolution": 0.1, "local_num_threads": 2}') ?? null;
if (brunelCode !== null && brunelAppCode === brunelCode) throw new Error('the Brunel program changed: set its threads another way');
// one worker (so GetKernelStatus reads the kernel that ran the program) and a timeout long
// enough for the Brunel network (gunicorn kills a worker silent for longer than -t)
const server = await startNestServer({ workers: 1, timeoutS: 900 });
try {
  const inNode = !values['app-only'];
  const floor = inNode ? await floors(server) : null;
  const first = inNode ? await firstExampleInNode(server, firstCode) : null;
  const variants = inNode ? await firstExampleVariants(server, firstCode) : null;
  const brunel = inNode && brunelCode !== null ? await brunelInNode(server, brunelCode) : null;
  const app = values['no-app'] ? null : await inApp(server, brunelAppCode);
  console.log(
    JSON.stringify(
      {
        benchmark: 'runs on a real NEST Server (nest-simulator 3.10, gunicorn -w 1, RestrictedPython on), 127.0.0.1',
        machine: `${(await import('node:os')).cpus().length} cores, load average ${(await import('node:os')).loadavg().map((x) => x.toFixed(2)).join(' ')} at the end`,
        floors: floor,
        firstExampleNode: first,
        firstExampleVariantsMedianMs: variants,
        brunelNode: brunel?.rows ?? null,
        app,
      },
      null,
      2,
    ),
  );
} finally {
  await server.stop();
}
