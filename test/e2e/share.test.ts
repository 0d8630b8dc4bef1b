/**
 * Sharing and exporting in the built app, in headless Chromium: Share copies a link that opens the
 * same project (blocks and hand-edited code) in a browser that never saw it; broken and hostile
 * links replace nothing; a refused clipboard shows the link; Open… converts a NEST Desktop project
 * to blocks (and refuses a spatial one, changing nothing); .ipynb, PNG and CSV downloads.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../lib/chromium';
import { buildApp, startPreview, type RunningServer } from '../lib/servers';
import { openExample } from '../lib/examples';
import { pngInk } from '../lib/png-ink';

let server: RunningServer;
let browser: Browser;
const pageErrors: string[] = [];
const foreignRequests: string[] = [];
const FIXTURES = resolve(import.meta.dirname, '../fixtures/nest-desktop');

before(async () => {
  await buildApp('dist-e2e-share');
  server = await startPreview('dist-e2e-share');
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  assert.deepEqual(foreignRequests, [], 'every request stays on the local server');
  assert.deepEqual(pageErrors, []);
});

async function freshPage(options: { clipboard?: boolean; refuseClipboard?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  if (options.clipboard !== false) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await context.addInitScript(() => localStorage.setItem('spikeblocks.live', '0'));
  if (options.refuseClipboard) {
    // A fake, on purpose: headless Chromium grants clipboard writes to a focused page, so a browser
    // that refuses them (no permission, not a secure page) cannot be produced otherwise.
    // (a string: tsx would wrap a function's inner arrows in a helper the page lacks)
    await context.addInitScript(`Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) } });`);
  }
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.host !== new URL(server.url).host) foreignRequests.push(r.url());
  });
  return { context, page };
}

async function open(page: Page, url = server.url): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => document.body.dataset.editorReady === '1');
}

const footer = (p: Page) => p.locator('footer').innerText();
/** The program the code panel shows (generated or hand-edited). */
async function shownCode(p: Page): Promise<string> {
  return (await p.locator('sb-code-panel textarea').count()) ? p.locator('sb-code-panel textarea').inputValue() : p.locator('sb-code-panel pre').innerText();
}
async function waitForFooter(p: Page, re: RegExp): Promise<void> {
  await p.waitForFunction(`${re}.test(document.querySelector('sb-app').shadowRoot.querySelector('footer').textContent || '')`);
}
async function savedProject(p: Page): Promise<Record<string, unknown>> {
  const [download] = await Promise.all([p.waitForEvent('download'), p.locator('#save').click()]);
  const saved = JSON.parse(await readFile((await download.path())!, 'utf8'));
  delete saved.savedAt;
  return saved;
}

test('Share: the link opens the same project, hand-edited code included, in a browser that never saw it', async () => {
  const { context, page } = await freshPage();
  await open(page);
  await openExample(page, 'fi-curve');
  await page.locator('sb-code-panel button', { hasText: 'Edit' }).click();
  const textarea = page.locator('sb-code-panel textarea');
  await textarea.fill(`# my note: ünïcode ✓\n${await textarea.inputValue()}`);
  await page.locator('#share').click();
  await waitForFooter(page, /Link copied/);
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const length = Number(await page.evaluate(() => document.body.dataset.shareLinkLength));
  assert.equal(link.length, length);
  // (four-digit numbers are written without a separator, as in the code: 2357, not 2,357)
  assert.match(await footer(page), new RegExp(`Link copied \\(${length < 10_000 ? String(length) : length.toLocaleString('en')} characters\\)`));
  // the learner is told the link carries the edited code, and that it is what runs there
  assert.match(await footer(page), /your hand-edited code, and Run runs your edited code, not the blocks’ own/);
  assert.ok(link.startsWith(`${server.url}#p=`), link.slice(0, 80));
  console.log(`shared link of the f–I example with a hand edit: ${link.length} characters`);
  const expected = await savedProject(page);

  const other = await freshPage();
  await open(other.page, link);
  assert.equal(await shownCode(other.page), await shownCode(page));
  assert.match(await shownCode(other.page), /^# my note: ünïcode ✓/);
  assert.deepEqual(await savedProject(other.page), expected, 'the link carries what the file carries');
  // opened once: the address no longer holds the project, a reload shows the (autosaved) work
  assert.equal(new URL(other.page.url()).hash, '');
  await other.page.reload();
  await other.page.waitForFunction(() => document.body.dataset.editorReady === '1');
  assert.match(await shownCode(other.page), /^# my note/);
  await other.context.close();
  await context.close();
});

test('a broken or hostile link changes nothing, and the autosaved work stays', async () => {
  const { context, page } = await freshPage();
  await open(page);
  await openExample(page, 'fi-curve');
  const before = await shownCode(page);
  const bomb = Buffer.from(deflateRawSync(Buffer.alloc(12_000_000, 32))).toString('base64url');
  for (const [fragment, message] of [
    ['#p=AAAA-not-a-project', /damaged or cut off/],
    ['#p=<script>alert(1)</script>', /characters a Spikeblocks link never has/],
    [`#p=${bomb}`, /unpacks to more than 5 MB/],
  ] as const) {
    await page.evaluate((f) => (location.hash = f), fragment);
    await waitForFooter(page, /shared link could not be opened; nothing was changed/);
    assert.match(await footer(page), message);
    assert.equal(await shownCode(page), before);
    await page.evaluate(() => (location.hash = ''));
  }
  await page.goto(server.url);
  await page.waitForFunction(() => document.body.dataset.editorReady === '1');
  assert.equal(await shownCode(page), before, 'the autosaved work is what a reload shows');
  await context.close();
});

test('a valid link opened over the learner\'s work can be undone', async () => {
  const sharer = await freshPage();
  await open(sharer.page);
  await sharer.page.locator('#share').click();
  await waitForFooter(sharer.page, /Link copied/);
  const link = await sharer.page.evaluate(() => navigator.clipboard.readText());
  const firstCode = await shownCode(sharer.page);
  await sharer.context.close();

  const { context, page } = await freshPage();
  await open(page);
  await openExample(page, 'fi-curve');
  const mine = await shownCode(page);
  await page.goto(link); // the same page, another fragment: no reload
  await waitForFooter(page, /Opened/);
  assert.equal(await shownCode(page), firstCode);
  await page.locator('footer button', { hasText: 'Undo' }).click();
  assert.equal(await shownCode(page), mine);
  await context.close();
});

test('a refused clipboard shows the link to copy by hand', async () => {
  const { context, page } = await freshPage({ clipboard: false, refuseClipboard: true });
  await open(page);
  await page.locator('#share').click();
  await waitForFooter(page, /did not allow copying/);
  const shown = await page.locator('footer pre').innerText();
  assert.ok(shown.startsWith(`${server.url}#p=`));
  const other = await freshPage();
  await open(other.page, shown.trim());
  assert.equal(await shownCode(other.page), await shownCode(page));
  await other.context.close();
  await context.close();
});

test('Open… converts a NEST Desktop project to blocks; a spatial one is refused and changes nothing', async () => {
  const { context, page } = await freshPage();
  await open(page);
  const before = await shownCode(page);
  await page.locator('#open-file').setInputFiles(resolve(FIXTURES, 'spatial.json'));
  await waitForFooter(page, /NEST Desktop project the blocks cannot express; nothing was changed/);
  assert.match(await footer(page), /spatial node/);
  assert.equal(await shownCode(page), before);

  await page.locator('#open-file').setInputFiles(resolve(FIXTURES, 'spike-activity.json'));
  await waitForFooter(page, /Opened the NEST Desktop project "Spike activity" as blocks/);
  const code = await shownCode(page);
  assert.match(code, /pg1 = nest\.Create\("poisson_generator", 1, params=\{"rate": 6500\.0\}\)/);
  assert.match(code, /n1 = nest\.Create\("iaf_psc_alpha", 100\)/);
  assert.match(code, /nest\.Connect\(pg1, n1, conn_spec=\{"rule": "all_to_all"\}, syn_spec=\{"weight": 10\.0, "delay": 1\.0\}\)/);
  await page.locator('footer button', { hasText: 'Undo' }).click();
  assert.equal(await shownCode(page), before);
  await context.close();
});

test('Download .ipynb: a notebook of the program shown', async () => {
  const { context, page } = await freshPage();
  await open(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-ipynb').click()]);
  assert.match(download.suggestedFilename(), /\.ipynb$/);
  const nb = JSON.parse(await readFile((await download.path())!, 'utf8'));
  assert.equal(nb.nbformat, 4);
  assert.equal(nb.nbformat_minor, 5);
  // (the panel's innerText drops its empty lines)
  const lines = (text: string) => text.split('\n').filter((l) => l.trim());
  assert.deepEqual(lines(nb.cells[1].source.join('')), lines(await shownCode(page)));
  assert.match(nb.cells[0].source.join(''), /^# My network\n/);
  await context.close();
});

test('results: PNG of the plots shown and CSV of the numbers behind them', async () => {
  const { context, page } = await freshPage();
  await open(page);
  await page.waitForFunction(() => document.body.dataset.engineReady === '1', undefined, { timeout: 60_000 });
  await page.locator('#run').click();
  await page.waitForFunction(() => Number(document.body.dataset.runCount ?? 0) > 0, undefined, { timeout: 60_000 });
  const heading = await page.locator('sb-results section h3').first().innerText();
  const spikes = Number(/(\d+) spikes?/.exec(heading)?.[1]);
  assert.ok(spikes > 0, heading);

  const [png] = await Promise.all([page.waitForEvent('download'), page.locator('#export-png').click()]);
  assert.match(png.suggestedFilename(), /plots\.png$/);
  const bytes = await readFile((await png.path())!);
  assert.equal(bytes.subarray(1, 4).toString(), 'PNG');
  // drawn back in the page: how big it is and how much of it is not white
  const drawn = await pngInk(page, bytes);
  const charts = (await page.evaluate(`document.querySelector('sb-app').shadowRoot.querySelector('sb-results').shadowRoot.querySelectorAll('sb-raster, sb-traces').length`)) as number;
  console.log(`PNG of the first example's plots: ${drawn.width}×${drawn.height} px, ${bytes.length} bytes, ${drawn.ink} inked pixels, ${charts} top-level charts`);
  assert.ok(drawn.width >= 320 && drawn.height > 150 * charts, JSON.stringify(drawn));
  assert.ok(drawn.ink > 2000, 'the plots are in the image, not a blank page');

  // two recorders: one download, a .zip of one CSV each (read back by Python's zipfile)
  const downloads: import('playwright-core').Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await page.locator('#export-csv').click();
  for (let i = 0; i < 20 && downloads.length < 1; i++) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 1000)); // a second download would have started by now
  assert.equal(downloads.length, 1, downloads.map((d) => d.suggestedFilename()).join());
  assert.match(downloads[0].suggestedFilename(), /-csv\.zip$/);
  const listed = execFileSync(resolve(import.meta.dirname, '../../.venv/bin/python'), ['-c', [
    'import json, sys, zipfile',
    'z = zipfile.ZipFile(sys.argv[1])',
    'assert z.testzip() is None',
    'print(json.dumps({i.filename: z.read(i).decode("utf-8") for i in z.infolist()}))',
  ].join('\n'), (await downloads[0].path())!], { encoding: 'utf8' });
  const csv = Object.fromEntries(Object.entries(JSON.parse(listed) as Record<string, string>).map(([n, text]) => [n, text.replace(/^\ufeff/, '')]));
  const names = Object.keys(csv).sort();
  assert.deepEqual(names, ['sr1.csv', 'vm1.csv']);
  const spikesFile = csv[names.find((n) => n.endsWith('sr1.csv'))!].trim().split('\r\n');
  const traceFile = csv[names.find((n) => n.endsWith('vm1.csv'))!].trim().split('\r\n');
  assert.equal(spikesFile[0], 'sender,time (ms)');
  assert.equal(spikesFile.length - 1, spikes);
  assert.ok(spikesFile.slice(1).every((row) => /^2,\d+(\.\d+)?$/.test(row)), 'every spike is of n1 (node 2)');
  assert.equal(traceFile[0], 'time (ms),V_m (mV) neuron 2');
  assert.ok(traceFile.length > 9000, `${traceFile.length - 1} samples`);
  await context.close();
});
