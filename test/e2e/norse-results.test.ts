/**
 * A Norse run's results as the learner sees them, in the built app in headless Chromium: headings
 * in Norse's words (not NEST's recorder names), a labelled ms | steps switch for the time axis that
 * the keyboard reaches and that is remembered for the session, and NEST's results unchanged.
 * Expected times come from the definition t = (step + 1) · dt (steps numbered from 0; the values
 * after step k are drawn at k + 1 steps), with dt set to 0.5 ms here so ms and steps differ.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../lib/chromium';
import { buildApp, startPreview, type RunningServer } from '../lib/servers';

let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

before(async () => {
  await buildApp('dist-e2e-norse-results');
  server = await startPreview('dist-e2e-norse-results');
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => localStorage.setItem('spikeblocks.live', '0'));
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(server.url);
  await waitReady();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function waitReady(): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.editorReady === '1' && document.body.dataset.engineReady === '1', null, { timeout: 120_000 });
}

async function run(): Promise<void> {
  const before = await page.evaluate(() => Number(document.body.dataset.runCount ?? 0));
  await page.locator('#run').click();
  await page.waitForFunction((n) => Number(document.body.dataset.runCount ?? 0) > n, before, { timeout: 60_000 });
}

const RESULTS = `document.querySelector('sb-app').shadowRoot.querySelector('sb-results')`;

/** What the first raster and the first trace panel draw now, and their axis labels. */
async function drawn(): Promise<{ spikeTimes: number[]; traceX: number[]; rasterAxis: string; traceAxis: string; traceY: string; xMax: number }> {
  return page.evaluate(`(() => {
    const root = ${RESULTS}.shadowRoot;
    const raster = root.querySelector('sb-raster').chart;
    const traces = root.querySelector('sb-traces').chart;
    return {
      spikeTimes: Array.from(raster.data[0]).slice(0, 8),
      traceX: Array.from(traces.data[0]).slice(0, 4),
      rasterAxis: raster.axes[0].label,
      traceAxis: traces.axes[0].label,
      traceY: traces.axes[1].label,
      xMax: raster.scales.x.max,
    };
  })()`) as never;
}

const round = (xs: number[]) => xs.map((x) => Math.round(x * 1e6) / 1e6);

test('Norse results: headings say what was built, v is unitless, no NEST recorder names', async () => {
  await page.locator('#simulator').selectOption('norse');
  await page.waitForFunction(`document.querySelector('sb-app').program.code.includes('import norse.torch as norse')`);
  // dt = 0.0005 s, so one step is 0.5 ms and the two units differ
  await page.evaluate(`(() => {
    const ws = document.querySelector('sb-app').shadowRoot.querySelector('sb-editor').workspace;
    ws.getAllBlocks(false).find((b) => b.type === 'norse_settings').getInputTargetBlock('DT').setFieldValue(0.0005, 'NUM');
  })()`);
  await page.waitForFunction(`document.querySelector('sb-app').program.code.includes('dt = 0.0005')`);
  await run();
  const headings = await page.locator('sb-results h3 button').allInnerTexts();
  assert.deepEqual(headings.map((h) => h.trim()), ['lif1 spikes', 'lif1 v (voltage), i (input current)']);
  const text = (await page.evaluate(`${RESULTS}.shadowRoot.textContent`)) as string;
  assert.match(text, /lif1 spikes/);
  assert.doesNotMatch(text, /spike_recorder|multimeter|voltmeter/);
  assert.match(text, /One step is dt = 0\.0005 s = 0\.5 ms/);
  assert.match(text, /v and i have no units/);
  const now = await drawn();
  assert.equal(now.traceY, 'v (voltage, no unit)');
  assert.equal(now.rasterAxis, 'time (ms)');
  assert.deepEqual(round(now.traceX), [0.5, 1, 1.5, 2], 'samples at (step + 1) · 0.5 ms');
  assert.equal(now.xMax, 50, '100 steps of 0.5 ms');
  assert.deepEqual(pageErrors, []);
});

test('the time axis switch: labelled, reached by the keyboard, steps = ms / dt, remembered', async () => {
  const group = page.getByRole('group', { name: 'Time axis' });
  const ms = group.getByRole('radio', { name: 'ms' });
  const steps = group.getByRole('radio', { name: 'steps' });
  assert.equal(await ms.isChecked(), true, 'ms to begin with');
  const inMs = await drawn();
  // keyboard: Tab reaches the checked radio from the element before it; an arrow key switches
  await page.locator('sb-results .summary').click();
  let focused = false;
  for (let k = 0; k < 5 && !focused; k++) {
    await page.keyboard.press('Tab');
    focused = await ms.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement);
  }
  assert.ok(focused, 'Tab reaches the switch');
  await page.keyboard.press('ArrowRight');
  assert.equal(await steps.isChecked(), true);
  await page.waitForFunction(`${RESULTS}.shadowRoot.querySelector('sb-raster').chart.axes[0].label === 'time (steps)'`);
  const inSteps = await drawn();
  assert.equal(inSteps.traceAxis, 'time (steps)');
  assert.deepEqual(inSteps.traceX.slice(0, 4), [1, 2, 3, 4], 'step numbers');
  assert.deepEqual(round(inSteps.spikeTimes.map((t) => t * 0.5)), round(inMs.spikeTimes), 'each spike at steps · 0.5 ms');
  assert.ok(inSteps.spikeTimes.every((t) => Number.isInteger(t)));
  assert.equal(inSteps.xMax, 100, '100 steps');
  const summary = await page.locator('sb-results .summary').innerText();
  assert.match(summary, /50 ms/, 'the summary keeps the rate in spikes/s over 50 ms');

  // a new run keeps the choice, and so does a reload of the page (same tab: the session)
  await run();
  assert.equal(await steps.isChecked(), true);
  assert.equal((await drawn()).rasterAxis, 'time (steps)');
  await page.reload();
  await waitReady();
  await page.locator('#simulator').selectOption('norse');
  await page.waitForFunction(`document.querySelector('sb-app').program.code.includes('import norse.torch as norse')`);
  await run();
  assert.equal(await page.getByRole('group', { name: 'Time axis' }).getByRole('radio', { name: 'steps' }).isChecked(), true);
  // back to ms with the mouse
  await page.getByRole('group', { name: 'Time axis' }).getByRole('radio', { name: 'ms' }).check();
  await page.waitForFunction(`${RESULTS}.shadowRoot.querySelector('sb-raster').chart.axes[0].label === 'time (ms)'`);
  assert.deepEqual(pageErrors, []);
});

test('NEST results are as before: no time switch, recorder names and mV', async () => {
  await page.locator('#simulator').selectOption('nest');
  await page.waitForFunction(`document.querySelector('sb-app').program.code.includes('import nest')`);
  await run();
  assert.equal(await page.getByRole('group', { name: 'Time axis' }).count(), 0);
  const headings = (await page.locator('sb-results h3 button').allInnerTexts()).map((h) => h.trim());
  assert.ok(headings.some((h) => / — spike_recorder$/.test(h)), headings.join(' | '));
  assert.equal((await drawn()).rasterAxis, 'time (ms)');
  assert.deepEqual(pageErrors, []);
});
