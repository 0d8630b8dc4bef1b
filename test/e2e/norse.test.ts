/**
 * The Norse plugin as a learner meets it, in the built app in headless Chromium: choose Norse in
 * the header, its toolbox and first example arrive (undoable), the code panel shows Norse code,
 * Run draws the raster and the v/i traces — and the values are reference case R1's (cases.md:
 * a LIF layer on a constant input of 1: the example's 2.5 × 0.4).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../lib/chromium';
import { buildApp, startPreview, type RunningServer } from '../lib/servers';
import { openExample } from '../lib/examples';

let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

before(async () => {
  await buildApp('dist-e2e-norse');
  server = await startPreview('dist-e2e-norse');
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  await context.addInitScript(() => localStorage.setItem('spikeblocks.live', '0'));
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(server.url);
  await page.waitForFunction(() => document.body.dataset.editorReady === '1' && document.body.dataset.engineReady === '1', null, { timeout: 90_000 });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const shadowText = (selector: string) => page.evaluate(`document.querySelector('sb-app').shadowRoot.querySelector(${JSON.stringify(selector)}).shadowRoot.textContent`) as Promise<string>;

test('choosing Norse brings its toolbox, its first example and Norse code; Undo goes back', async () => {
  await page.locator('#simulator').selectOption('norse');
  await page.waitForFunction(`document.querySelector('sb-app').program.code.includes('import norse.torch as norse')`);
  const categories = await page.locator('.blocklyToolboxCategory, .blocklyTreeRow').allInnerTexts();
  for (const name of ['Inputs', 'Encoders', 'Layers', 'Containers', 'Recording']) assert.ok(categories.some((c) => c.includes(name)), `${name} in ${categories.join(', ')}`);
  assert.match(await shadowText('sb-code-panel'), /Python \(Norse\)/);
  await page.locator('footer button', { hasText: 'Undo' }).click();
  await page.waitForFunction(`document.querySelector('sb-app').program.code.includes('import nest')`);
  assert.equal(await page.locator('#simulator').inputValue(), 'nest');
  await page.locator('#simulator').selectOption('norse');
  await page.waitForFunction(`document.querySelector('sb-app').program.code.includes('import norse.torch as norse')`);
});

test('Run draws the LIF layer: spikes at steps 5, 8, 11 and v as in reference case R1', async () => {
  await page.locator('#run').click();
  await page.waitForFunction(() => Number(document.body.dataset.runCount ?? 0) > 0, null, { timeout: 30_000 });
  const drawn = (await page.evaluate(`(() => {
    const results = document.querySelector('sb-app').shadowRoot.querySelector('sb-results').shadowRoot;
    const raster = results.querySelector('sb-raster').chart.data;
    const traces = results.querySelector('sb-traces').chart.data;
    return { times: Array.from(raster[0]).slice(0, 12), senders: Array.from(raster[1]).slice(0, 12), x: Array.from(traces[0]).slice(0, 6), v0: Array.from(traces[1]).slice(0, 6) };
  })()`)) as { times: number[]; senders: number[]; x: number[]; v0: (number | null)[] };
  // four identical neurons: each spikes after steps 5, 8, 11 (0-based), drawn at (step + 1) · dt
  assert.deepEqual(drawn.times.map((t) => Math.round(t * 1000) / 1000), [6, 6, 6, 6, 9, 9, 9, 9, 12, 12, 12, 12]);
  assert.deepEqual([...new Set(drawn.senders)].sort(), [0, 1, 2, 3]);
  assert.deepEqual(drawn.x.map((t) => Math.round(t * 1000) / 1000), [1, 2, 3, 4, 5, 6]);
  // cases.md R1, float32: 0.1, 0.27, 0.487, 0.7335, 0.99631, 0 (spike)
  const r1 = [0.1, 0.27, 0.487, 0.7335, 0.99631, 0];
  drawn.v0.forEach((v, k) => assert.ok(Math.abs((v ?? NaN) - r1[k]) < 1e-6, `v after step ${k}: ${v}, R1 says ${r1[k]}`));
  assert.deepEqual(pageErrors, []);
});

test('a Linear layer whose input size does not match is flagged on its block, with the shapes', async () => {
  await openExample(page, 'norse-two-layers');
  await page.waitForFunction(`document.querySelector('sb-app').program.code.includes('SequentialState')`);
  const problem = (await page.evaluate(`(() => {
    const ws = document.querySelector('sb-app').shadowRoot.querySelector('sb-editor').workspace;
    const linear = ws.getAllBlocks(false).find((b) => b.type.includes('linear'));
    linear.getInputTargetBlock('IN').setFieldValue(5, 'NUM');
    return null;
  })()`)) as null;
  assert.equal(problem, null);
  await page.waitForFunction(`document.querySelector('sb-app').program.problems.some((p) => p.message.includes('Linear expects 5 inputs per step, gets 4 from x1 (shape (100, 4))'))`, null, { timeout: 5000 });
});

test('a problem on the blocks (dt = 0) keeps Run from computing nonsense, and says which', async () => {
  await openExample(page, 'norse-lif');
  await page.waitForFunction(`document.querySelector('sb-app').program.code.includes('lif1')`);
  const runs = await page.evaluate(() => Number(document.body.dataset.runCount ?? 0));
  await page.evaluate(`(() => {
    const ws = document.querySelector('sb-app').shadowRoot.querySelector('sb-editor').workspace;
    const settings = ws.getAllBlocks(false).find((b) => b.type === 'norse_settings');
    settings.getInputTargetBlock('DT').setFieldValue(0, 'NUM');
  })()`);
  await page.waitForFunction(`document.querySelector('sb-app').program.problems.some((p) => !p.warning)`);
  await page.locator('#run').click();
  await page.waitForFunction(() => /Not run: dt/.test(document.querySelector('sb-app')!.shadowRoot!.querySelector('footer')!.textContent ?? ''), null, { timeout: 5000 });
  assert.equal(await page.evaluate(() => Number(document.body.dataset.runCount ?? 0)), runs, 'nothing ran');
  // switching to NEST and back with Undo: the simulator menu follows
  await page.locator('#simulator').selectOption('nest');
  await page.waitForFunction(`document.querySelector('sb-app').program.code.includes('import nest')`);
  await page.locator('footer button', { hasText: 'Undo' }).click();
  await page.waitForFunction(`document.querySelector('sb-app').program.code.includes('import norse.torch as norse')`);
  assert.equal(await page.locator('#simulator').inputValue(), 'norse');
});

test('a typo in hand-edited Norse code: the Python error names its line and lands on the block that wrote it', async () => {
  await openExample(page, 'norse-lif');
  await page.waitForFunction(`document.querySelector('sb-app').program.code.includes('lif1')`);
  const code = (await page.evaluate(`document.querySelector('sb-app').program.code`)) as string;
  const lines = code.split('\n');
  const line = lines.findIndex((l) => l.startsWith('z_lif1, s_lif1 = lif1(x1')) + 1;
  assert.ok(line > 0, code);
  await page.locator('sb-code-panel button', { hasText: 'Edit' }).click();
  await page.locator('sb-code-panel textarea').fill(code.replace('lif1(x1', 'lif1(xl'));
  await page.locator('#run').click();
  await page.waitForFunction(() => /NameError/.test(document.querySelector('sb-app')!.shadowRoot!.querySelector('footer')!.textContent ?? ''), null, { timeout: 10_000 });
  const footer = (await page.evaluate(`document.querySelector('sb-app').shadowRoot.querySelector('footer').textContent`)) as string;
  assert.match(footer, new RegExp(`NameError \\(line ${line}\\): name 'xl' is not defined`));
  const marked = (await page.evaluate(`(() => {
    const ws = document.querySelector('sb-app').shadowRoot.querySelector('sb-editor').workspace;
    return ws.getAllBlocks(false).filter((b) => b.getIcon('warning')?.getText?.().includes('NameError')).map((b) => b.type);
  })()`)) as string[];
  assert.deepEqual(marked, ['norse_lif']);
  await page.locator('sb-code-panel button', { hasText: 'Back to blocks' }).click();
});

test('Export NIR saves the network as an HDF5 .nir file; a network with a problem is not exported and says why', async () => {
  await openExample(page, 'norse-lif');
  await page.waitForFunction(`document.querySelector('sb-app').program.code.includes('lif1')`);
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.locator('#export-nir').click()]);
  assert.match(download.suggestedFilename(), /\.nir$/);
  const path = await download.path();
  const { readFileSync } = await import('node:fs');
  const bytes = readFileSync(path!);
  // the HDF5 signature, which nir.read (h5py) needs
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a]);
  await page.waitForFunction(() => /Saved .*\.nir .*NIR/.test(document.querySelector('sb-app')!.shadowRoot!.querySelector('footer')!.textContent ?? ''));

  await page.evaluate(`(() => {
    const ws = document.querySelector('sb-app').shadowRoot.querySelector('sb-editor').workspace;
    ws.getAllBlocks(false).find((b) => b.type === 'norse_settings').getInputTargetBlock('DT').setFieldValue(0, 'NUM');
  })()`);
  await page.waitForFunction(`document.querySelector('sb-app').program.problems.some((p) => !p.warning)`);
  await page.locator('#export-nir').click();
  await page.waitForFunction(() => /Not exported as NIR: dt is the length of one time step/.test(document.querySelector('sb-app')!.shadowRoot!.querySelector('footer')!.textContent ?? ''), null, { timeout: 10_000 });
  assert.deepEqual(pageErrors, []);
});

test('arrow keys on the closed simulator menu, then Undo step by step: the learner\'s own blocks come back; each simulator keeps its blocks', async () => {
  await openExample(page, 'norse-lif');
  await page.waitForFunction(`document.querySelector('sb-app').program.code.includes('lif1(x1 * 0.4)')`);
  await page.evaluate(`(() => {
    const ws = document.querySelector('sb-app').shadowRoot.querySelector('sb-editor').workspace;
    ws.getAllBlocks(false).find((b) => b.type === 'norse_lif').getInputTargetBlock('SCALE').setFieldValue(0.55, 'NUM');
  })()`);
  await page.waitForFunction(`document.querySelector('sb-app').program.code.includes('lif1(x1 * 0.55)')`);
  // a keyboard user steps through the closed menu: every press is a choice
  await page.locator('#simulator').focus();
  await page.keyboard.press('ArrowUp');
  await page.waitForFunction(`document.querySelector('sb-app').program.code.includes('import nest')`);
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(`document.querySelector('sb-app').program.code.includes('import norse')`);
  // back in Norse: its own blocks, not its first example
  assert.ok(((await page.evaluate(`document.querySelector('sb-app').program.code`)) as string).includes('lif1(x1 * 0.55)'));
  // and Undo steps back through every replacement
  await page.locator('footer button', { hasText: 'Undo' }).click();
  await page.waitForFunction(`document.querySelector('sb-app').program.code.includes('import nest')`);
  await page.locator('footer button', { hasText: 'Undo' }).click();
  await page.waitForFunction(`document.querySelector('sb-app').program.code.includes('lif1(x1 * 0.55)')`);
  assert.equal(await page.locator('#simulator').inputValue(), 'norse');
});
