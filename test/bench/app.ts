/**
 * App benchmark against the built app (vite build + vite preview, /usr/bin/chromium via
 * playwright), as a first-time visitor sees it:
 *   - editorReadyMs:  navigation start → editor interactive (body[data-editor-ready="1"],
 *                     Blockly workspace injected), cold: new browser context, empty cache/storage
 *   - engineReadyMs:  navigation start → Python worker ready (body[data-engine-ready="1"])
 *   - engineLoadMs:   the worker's own load time (Pyodide + nest module), body[data-engine-load-ms]
 *   - runMs:          Run (#run) click → result plotted, as the app measures it (dataset.lastRunMs)
 *                     for the first example with the worker warm; the first run and the median of
 *                     the next ones are reported separately
 *   - liveChangeMs:   with Live on, a number on a block changed (the poisson → neuron weight, set
 *                     as a slider sets it) → the re-run's plots drawn (dataset.lastChangeToPlotMs)
 * Prints one JSON object. Not a test: nothing is asserted beyond the hooks appearing.
 *
 *   npx tsx test/bench/app.ts [--loads 3] [--runs 5] [--no-build]
 *   (npm run bench:app, where package.json has "bench:app": "tsx test/bench/app.ts")
 *
 * --no-build reuses the previous build of this script (in $TMPDIR/spikeblocks-bench-dist).
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../lib/chromium';
import { buildApp, startPreview } from '../lib/servers';

const { values } = parseArgs({
  options: {
    loads: { type: 'string', default: '3' },
    runs: { type: 'string', default: '5' },
    'no-build': { type: 'boolean', default: false },
  },
});
const loads = Math.max(1, Number(values.loads));
const runs = Math.max(1, Number(values.runs));
const outDir = join(tmpdir(), 'spikeblocks-bench-dist');

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? null : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x: number | null) => (x === null ? null : Math.round(x));

/**
 * Installed before any page script: notes performance.now() (ms since navigation start) when
 * each readiness flag first appears on <body>. A string, not a function: tsx compiles functions
 * with helper calls (__name) that do not exist inside the page.
 */
const WATCH_READINESS = `(() => {
  const marks = {};
  window.__benchMarks = marks;
  const check = () => {
    const data = document.body && document.body.dataset;
    if (!data) return;
    for (const key of ['editorReady', 'engineReady']) {
      if (data[key] === '1' && !(key in marks)) marks[key] = performance.now();
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, attributes: true, childList: true });
})();`;

async function waitForMark(page: Page, key: string, timeoutMs: number): Promise<number> {
  const handle = await page.waitForFunction(
    (k) => (window as unknown as { __benchMarks?: Record<string, number> }).__benchMarks?.[k],
    key,
    { timeout: timeoutMs, polling: 50 },
  );
  return (await handle.jsonValue()) as number;
}

async function coldLoad(browser: Browser, url: string) {
  const context = await browser.newContext(); // fresh profile: no cache, no storage
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(WATCH_READINESS);
  await page.goto(url);
  const editorReadyMs = await waitForMark(page, 'editorReady', 60_000);
  const engineReadyMs = await waitForMark(page, 'engineReady', 120_000);
  const engineLoadMs = await page.evaluate(() => Number(document.body.dataset.engineLoadMs));
  return { context, page, editorReadyMs, engineReadyMs, engineLoadMs, errors };
}

async function runOnce(page: Page): Promise<number> {
  const before = await page.evaluate(() => Number(document.body.dataset.runCount ?? 0));
  // playwright's CSS selectors pierce open shadow roots, so #run is found inside <sb-app>.
  await page.locator('#run').click();
  await page.waitForFunction((n) => Number(document.body.dataset.runCount ?? 0) > n, before, { timeout: 120_000, polling: 20 });
  return page.evaluate(() => Number(document.body.dataset.lastRunMs));
}

/** Sets the first example's poisson → n1 weight the way its slider does (a field change). */
function setWeight(page: Page, weight: number): Promise<void> {
  return page.evaluate(`(() => {
    const ws = document.querySelector('sb-app').shadowRoot.querySelector('sb-editor').workspace;
    const connect = ws.getAllBlocks(false).find((b) => b.type === 'nest_connect' && b.getField('SOURCE').getText() === 'pg1');
    const w = connect.getInputTargetBlock('WEIGHT');
    w.setFieldValue(${weight}, w.getField('SLIDER') ? 'SLIDER' : 'NUM');
  })()`);
}

async function liveChanges(page: Page, count: number): Promise<number[]> {
  await page.locator('#live').check();
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const before = await page.evaluate(() => Number(document.body.dataset.runCount ?? 0));
    await setWeight(page, 11 + (i % 5)); // a different value each time, so the program changes
    await page.waitForFunction((n) => Number(document.body.dataset.runCount ?? 0) > n, before, { timeout: 60_000, polling: 10 });
    out.push(await page.evaluate(() => Number(document.body.dataset.lastChangeToPlotMs)));
  }
  return out;
}

if (!values['no-build'] || !existsSync(join(outDir, 'index.html'))) {
  const t0 = performance.now();
  await buildApp(outDir);
  console.error(`bench: built the app in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
const server = await startPreview(outDir);
const browser = await launchChromium();
try {
  const loadResults = [];
  let runResults: { first: number; warm: number[]; live: number[] } | null = null;
  for (let i = 0; i < loads; i++) {
    const load = await coldLoad(browser, server.url);
    loadResults.push({
      editorReadyMs: load.editorReadyMs,
      engineReadyMs: load.engineReadyMs,
      engineLoadMs: load.engineLoadMs,
      errors: load.errors,
    });
    if (i === 0) {
      const first = await runOnce(load.page);
      const warm: number[] = [];
      for (let r = 1; r < runs; r++) warm.push(await runOnce(load.page));
      runResults = { first, warm, live: await liveChanges(load.page, runs) };
    }
    await load.context.close();
  }
  console.log(
    JSON.stringify(
      {
        benchmark: 'built app in Chromium (vite build + vite preview)',
        coldLoads: loads,
        editorReadyMs: { median: round(median(loadResults.map((l) => l.editorReadyMs))), each: loadResults.map((l) => round(l.editorReadyMs)) },
        engineReadyMs: { median: round(median(loadResults.map((l) => l.engineReadyMs))), each: loadResults.map((l) => round(l.engineReadyMs)) },
        engineLoadMs: { median: round(median(loadResults.map((l) => l.engineLoadMs))), each: loadResults.map((l) => round(l.engineLoadMs)) },
        firstExampleRunMs: runResults && {
          firstRun: Math.round(runResults.first),
          warmMedian: round(median(runResults.warm)),
          warm: runResults.warm.map(Math.round),
        },
        liveChangeToPlotMs: runResults && {
          median: round(median(runResults.live)),
          each: runResults.live.map(Math.round),
        },
        pageErrors: loadResults.flatMap((l) => l.errors),
      },
      null,
      2,
    ),
  );
} finally {
  await browser.close();
  await server.stop();
}
