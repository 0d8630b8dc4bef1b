/**
 * The class plots in the built app, in headless Chromium, after a real run of the first example
 * on the local engine: the PSTH holds exactly the spikes the run recorded, the statistics table
 * agrees with the recorder's own events (spike count, rate, mean and SD of V_m computed here from
 * the raw arrays), the bin size can be changed with the keyboard, and the high-contrast theme
 * redraws the charts. With SHOTS=dir set, screenshots go there (for a person to look at; not compared).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../lib/chromium';
import { buildApp, startPreview, type RunningServer } from '../lib/servers';
import { pngInk } from '../lib/png-ink';

const OUT_DIR = 'dist-e2e-plots';
const SHOTS = process.env.SHOTS ?? null;

let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

before(async () => {
  await buildApp(OUT_DIR);
  server = await startPreview(OUT_DIR);
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  await context.addInitScript(() => localStorage.setItem('spikeblocks.live', '0'));
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(server.url);
  await page.waitForFunction(() => document.body.dataset.editorReady === '1');
  await page.waitForFunction(() => document.body.dataset.engineReady === '1', null, { timeout: 60_000 });
  const runs = Number((await page.evaluate(() => document.body.dataset.runCount)) ?? 0);
  await page.locator('#run').click();
  await page.waitForFunction((n) => Number(document.body.dataset.runCount ?? 0) > n, runs, { timeout: 20_000 });
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** The results element inside the app's shadow root, as a page expression. */
const RESULTS = `document.querySelector('sb-app').shadowRoot.querySelector('sb-results')`;

/** Numbers read in the page (strings for page.evaluate: tsx would wrap named inner functions). */
async function readRun(p: Page) {
  return (await p.evaluate(`(async () => {
    const results = ${RESULTS};
    await results.updateComplete;
    const sr = results.response.events[0];
    const vm = results.response.events[1];
    const plots = results.shadowRoot.querySelector('sb-spike-plots');
    await plots.updateComplete;
    const rate = plots.rate;
    let sum = 0;
    for (let i = 0; i < vm.V_m.length; i++) sum += vm.V_m[i];
    const mean = sum / vm.V_m.length;
    let sq = 0;
    for (let i = 0; i < vm.V_m.length; i++) sq += (vm.V_m[i] - mean) ** 2;
    const table = results.shadowRoot.querySelector('sb-stats-table');
    await table.updateComplete;
    const rows = [...table.shadowRoot.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent.trim()));
    return {
      recorded: sr.times.length,
      senders: [...new Set(Array.from(sr.senders))],
      simTime: results.simTime,
      psthTotal: Array.from(rate.counts).reduce((a, b) => a + b, 0),
      psthOutside: rate.outside,
      bins: rate.counts.length,
      binMs: rate.binMs,
      meanVm: mean,
      sdVm: Math.sqrt(sq / vm.V_m.length),
      rows,
      summary: results.shadowRoot.querySelector('.summary').textContent,
    };
  })()`)) as {
    recorded: number;
    senders: number[];
    simTime: number;
    psthTotal: number;
    psthOutside: number;
    bins: number;
    binMs: number;
    meanVm: number;
    sdVm: number;
    rows: string[][];
    summary: string;
  };
}

test('the first example: PSTH total, statistics and summary agree with the recorded spikes', async () => {
  const run = await readRun(page);
  assert.equal(pageErrors.length, 0, pageErrors.join('\n'));
  // real NEST 3.10 gives 21–45 spikes here (test/e2e/first-example.test.ts)
  assert.ok(run.recorded >= 10 && run.recorded <= 70, `spikes ${run.recorded}`);
  assert.deepEqual(run.senders.length, 1);
  assert.equal(run.simTime, 1000);
  assert.equal(run.psthTotal, run.recorded, 'every recorded spike is in a PSTH bin');
  assert.equal(run.psthOutside, 0);
  // default bin: 1000 ms / 40 → 25 → 50 ms, 20 bins
  assert.equal(run.binMs, 50);
  assert.equal(run.bins, 20);
  assert.match(run.summary, new RegExp(`^${run.recorded} spikes`));
  const [sr, vm] = run.rows;
  assert.equal(sr[0], 'sr1');
  assert.equal(sr[1], '1');
  assert.equal(sr[2], String(run.recorded));
  // one neuron over 1 s: the rate is the count
  assert.equal(sr[3], run.recorded.toFixed(1));
  assert.equal(vm[0], 'vm1');
  assert.equal(vm[5], `${run.meanVm.toFixed(2).replace('-', '−')} mV`);
  assert.equal(vm[6], `${run.sdVm.toFixed(2)} mV`);
  // an iaf_psc_alpha between reset (−70) and threshold (−55) spends its time there
  assert.ok(run.meanVm > -70 && run.meanVm < -55, `mean V_m ${run.meanVm}`);
  if (SHOTS) {
    // one by one: the results pane scrolls, and a screenshot of it shows only what is in view
    await page.locator('sb-results').screenshot({ path: resolve(SHOTS, 'plots-class-first-example.png') });
    await page.locator('sb-results sb-spike-plots').screenshot({ path: resolve(SHOTS, 'plots-class-spike-plots.png') });
    await page.locator('sb-results sb-stats-table').screenshot({ path: resolve(SHOTS, 'plots-class-stats-table.png') });
  }
});

test('the bin size is changed with the keyboard; the PSTH keeps every spike', async () => {
  const input = page.locator('sb-results sb-spike-plots input').first();
  await input.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('10');
  await page.keyboard.press('Enter');
  await page.waitForFunction(`${RESULTS}.shadowRoot.querySelector('sb-spike-plots').rateBin === 10`);
  const run = await readRun(page);
  assert.equal(run.binMs, 10);
  assert.equal(run.bins, 100);
  assert.equal(run.psthTotal, run.recorded);
  // the field is reached by Tab from the raster's title button (keyboard users, no mouse)
  await page.locator('sb-results h3 button').first().focus();
  let reached = false;
  for (let i = 0; i < 6 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = (await page.evaluate(`(() => { const p = ${RESULTS}.shadowRoot.querySelector('sb-spike-plots'); return p.shadowRoot.activeElement?.tagName === 'INPUT'; })()`)) as boolean;
  }
  assert.ok(reached, 'Tab reaches the PSTH bin field');
  const label = await input.evaluate((el) => el.closest('label')?.textContent?.replace(/\s+/g, ' ').trim());
  assert.equal(label, 'bin ms');
});

test('high contrast: the property redraws every chart with black axes', async () => {
  await page.evaluate(`(async () => { const r = ${RESULTS}; r.highContrast = true; await r.updateComplete; })()`);
  await page.waitForTimeout(300);
  const state = (await page.evaluate(`(() => {
    const r = ${RESULTS};
    const charts = [r.shadowRoot.querySelector('sb-raster'), ...r.shadowRoot.querySelector('sb-spike-plots').shadowRoot.querySelectorAll('sb-bars')];
    return { attr: r.hasAttribute('high-contrast'), charts: charts.map((c) => c.hasAttribute('high-contrast') && !!c.chart) };
  })()`)) as { attr: boolean; charts: boolean[] };
  assert.equal(state.attr, true);
  assert.deepEqual(state.charts, [true, true, true, true]);
  if (SHOTS) {
    await page.locator('sb-results').screenshot({ path: resolve(SHOTS, 'plots-class-high-contrast.png') });
    await page.locator('sb-results sb-spike-plots').screenshot({ path: resolve(SHOTS, 'plots-class-high-contrast-spike-plots.png') });
  }
  await page.evaluate(`(async () => { const r = ${RESULTS}; r.highContrast = false; await r.updateComplete; })()`);
});

test('a bin typed with the keyboard that cannot be used: a message beside the field, aria-invalid, the last bin kept', async () => {
  const input = page.locator('sb-results sb-spike-plots input').first();
  const before = (await page.evaluate(`${RESULTS}.shadowRoot.querySelector('sb-spike-plots').rateBinUsed()`)) as number;
  await input.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('0');
  await page.keyboard.press('Enter');
  const message = page.locator('sb-results sb-spike-plots #rateBin-error');
  await message.waitFor({ state: 'visible' });
  assert.match(await message.innerText(), /A bin must be wider than 0 ms/);
  assert.equal(await input.getAttribute('aria-invalid'), 'true');
  assert.equal(await page.evaluate(`${RESULTS}.shadowRoot.querySelector('sb-spike-plots').rateBinUsed()`), before);
  await page.locator('sb-results sb-spike-plots h4').first().screenshot({ path: resolve(SHOTS ?? 'dist-e2e-plots', 'plots-bin-error.png') });
  // the message is at the field: right of it, or (a narrow panel) on the line just under it
  const [field, said] = await Promise.all([input.boundingBox(), message.boundingBox()]);
  assert.ok(field && said && said.y >= field.y - 10 && said.y < field.y + field.height + 20, JSON.stringify({ field, said }));
  await page.keyboard.press('Control+A');
  await page.keyboard.type(String(before));
  await page.keyboard.press('Enter');
  await page.waitForFunction(`${RESULTS}.shadowRoot.querySelector('sb-spike-plots').shadowRoot.querySelector('#rateBin-error').textContent === ''`);
});

test('PNG export: a legend of 10 traces wraps inside the image instead of being cut at its right edge (looked at too)', async () => {
  // ten neurons' V_m, as a voltmeter of a population of 10 returns them (interleaved per step)
  await page.evaluate(`(async () => {
    const r = ${RESULTS};
    const times = [], senders = [], V_m = [];
    for (let step = 1; step <= 200; step++) for (let n = 1; n <= 10; n++) { times.push(step); senders.push(n); V_m.push(-70 + n + 5 * Math.sin(step / 10 + n)); }
    r.response = { events: [{ times, senders, V_m }] };
    r.recorders = [{ name: 'vm1', model: 'voltmeter', blockId: '', recordables: ['V_m'], sources: 10 }];
    r.simTime = 200;
    await r.updateComplete;
    const traces = r.shadowRoot.querySelector('sb-traces');
    await traces.updateComplete;
    await traces.drawn;
  })()`);
  const [png] = await Promise.all([page.waitForEvent('download'), page.locator('#export-png').click()]);
  const bytes = await readFile((await png.path())!);
  const shot = resolve(SHOTS ?? 'dist-e2e-plots', 'plots-png-legend.png');
  mkdirSync(resolve(shot, '..'), { recursive: true });
  await writeFile(shot, bytes);
  console.log(`PNG with a 10-trace legend written to ${shot}`);
  // read back in the page: ink in the image's right margin (a legend run past the edge would put text there)
  // the margin is 12 CSS px: nothing may be drawn in the rightmost 8
  const edge = await pngInk(page, bytes, 8);
  const found = { width: edge.width, height: edge.height, inkAtEdge: edge.ink };
  console.log(`10-trace PNG: ${found.width}×${found.height} px, ${found.inkAtEdge} inked pixels in the right margin`);
  assert.equal(found.inkAtEdge, 0, 'nothing is drawn in (or cut at) the right margin');
});

test('?lang=pseudo: every word the results show (text, aria-label, title) comes from the text table', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  await context.addInitScript(() => localStorage.setItem('spikeblocks.live', '0'));
  const pseudo = await context.newPage();
  await pseudo.goto(`${server.url}?lang=pseudo`);
  await pseudo.waitForFunction(() => document.body.dataset.editorReady === '1');
  await pseudo.waitForFunction(() => document.body.dataset.engineReady === '1', null, { timeout: 60_000 });
  await pseudo.locator('#run').click();
  await pseudo.waitForFunction(() => Number(document.body.dataset.runCount ?? 0) > 0, null, { timeout: 20_000 });
  // open every folded table, so its headers and rows are scanned too
  await pseudo.evaluate(`(async () => {
    const r = document.querySelector('sb-app').shadowRoot.querySelector('sb-results');
    const plots = r.shadowRoot.querySelector('sb-spike-plots');
    for (const bars of plots.shadowRoot.querySelectorAll('sb-bars')) { bars.tableOpen = true; await bars.updateComplete; }
  })()`);
  const shown = (await pseudo.evaluate(`(() => {
    const out = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        for (const attr of ['aria-label', 'title']) if (el.getAttribute(attr)) out.push(el.getAttribute(attr));
        for (const node of el.childNodes) if (node.nodeType === 3 && node.textContent.trim() && !['STYLE', 'SCRIPT'].includes(el.tagName)) out.push(node.textContent.trim());
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document.querySelector('sb-app').shadowRoot.querySelector('sb-results').shadowRoot);
    return out;
  })()`)) as string[];
  // names that are no texts: the recorders and models of the example, NEST's names, units, file formats
  const NAMES = new Set(['sr1', 'vm1', 'n1', 'spike_recorder', 'voltmeter', 'V_m', 'mV', 'ms', 'PNG', 'CSV', 'pA', 'Hz']);
  const outside = (text: string) => {
    let rest = text;
    // texts nest (a text's place filled with another text): take the innermost ⟦…⟧ out first
    for (let before = ''; before !== rest; ) {
      before = rest;
      rest = rest.replace(/⟦[^⟦⟧]*⟧/g, ' ');
    }
    return (rest.match(/[A-Za-zÄÖÜäöüß_]{2,}\w*/g) ?? []).filter((w) => !NAMES.has(w));
  };
  const words = shown.flatMap((s) => outside(s).map((w) => `${w} (in "${s.slice(0, 60)}")`));
  console.log(`pseudo language: ${shown.length} texts on the results screen scanned`);
  assert.ok(shown.length > 30, `${shown.length} texts found`);
  assert.deepEqual(words, []);
  await context.close();
});

test('German (?lang=de): German words and decimal commas in the results; the CSV keeps dots and English heads', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  await context.addInitScript(() => localStorage.setItem('spikeblocks.live', '0'));
  const de = await context.newPage();
  await de.goto(`${server.url}?lang=de`);
  await de.waitForFunction(() => document.body.dataset.editorReady === '1');
  await de.waitForFunction(() => document.body.dataset.engineReady === '1', null, { timeout: 60_000 });
  await de.locator('#run').click();
  await de.waitForFunction(() => Number(document.body.dataset.runCount ?? 0) > 0, null, { timeout: 20_000 });
  const summary = await de.locator('sb-results .summary').innerText();
  // e.g. "23 Spikes · 23,0 Spikes/s pro Neuron (1 Neuron, 1000 ms) · Laufzeit 40 ms"
  assert.match(summary, /^\d+ Spikes · \d+,\d Spikes\/s pro Neuron \(1 Neuron, 1000 ms\) · Laufzeit \d+ ms$/);
  const head = await de.locator('sb-results sb-stats-table thead').innerText();
  assert.match(head, /mittlere Feuerrate/);
  const vm = await de.locator('sb-results sb-stats-table tbody tr').nth(1).innerText();
  assert.match(vm, /−\d+,\d\d mV/, vm);
  assert.match(await de.locator('sb-results sb-spike-plots h4').first().innerText(), /Populationsrate \(PSTH\)/);
  if (SHOTS) await de.locator('sb-results').screenshot({ path: resolve(SHOTS, 'plots-class-german.png') });
  // the CSV is data: '.' decimals and the English heads, whatever the page's language (one file per recorder in a .zip)
  const [download] = await Promise.all([de.waitForEvent('download'), de.locator('#export-csv').click()]);
  assert.match(download.suggestedFilename(), /\.zip$/);
  const bytes = await readFile((await download.path())!);
  const text = bytes.toString('latin1');
  assert.ok(text.includes('sender,time (ms)') && text.includes('time (ms),V_m (mV) neuron 2'), 'English heads');
  assert.ok(/\r\n2,\d+\.\d+\r\n/.test(text), 'dot decimals');
  await context.close();
});
