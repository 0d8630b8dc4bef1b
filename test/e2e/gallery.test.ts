/**
 * The example gallery in the built app, in headless Chromium: the learner changes their blocks,
 * opens the gallery from the header with the keyboard, moves to "Two connected neurons" with the
 * arrow keys and opens it with Enter; Run plots its trace and its spikes; after one more example,
 * Undo steps back to it and then to their own blocks. The pictures load from the app's own server (nothing from elsewhere), the gallery
 * is labelled and closes on Esc with the focus back on its button, every text in it comes from
 * the text table (?lang=pseudo), axe-core finds no serious problem in it, and in a kiosk on a
 * 1024×768 touch screen its cards and close button are finger-sized, a tap opens an example, and
 * it closes when the kiosk asks "still there?" (a modal gallery would make the question inert).
 *
 * Screenshots for a look by eye: /tmp/gallery-1280x800.png, /tmp/gallery-kiosk-1024x768.png.
 * Run: node --import tsx --test test/e2e/gallery.test.ts
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../lib/chromium';
import { resolve } from 'node:path';
import { buildApp, REPO_ROOT, startPreview, type RunningServer } from '../lib/servers';

let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const foreignRequests: string[] = [];

async function openApp(context: BrowserContext, url: string): Promise<Page> {
  const p = await context.newPage();
  p.on('pageerror', (e) => pageErrors.push(e.message));
  p.on('request', (r) => {
    const u = new URL(r.url());
    if (!['data:', 'blob:'].includes(u.protocol) && u.hostname !== '127.0.0.1') foreignRequests.push(r.url());
  });
  await p.goto(url);
  await p.waitForFunction(() => document.body.dataset.editorReady === '1', null, { timeout: 90_000 });
  return p;
}

const code = (p: Page) => p.evaluate(`document.querySelector('sb-app').program.code`) as Promise<string>;
const dialogOpen = (p: Page) => p.evaluate(`!!document.querySelector('sb-gallery')?.shadowRoot.querySelector('dialog')?.open`) as Promise<boolean>;
/** data-example of the focused card, or the focused element's tag. */
const focused = (p: Page) =>
  p.evaluate(`(() => { const a = document.querySelector('sb-gallery')?.shadowRoot.activeElement; return a ? (a.dataset.example ?? a.tagName) : null; })()`) as Promise<string | null>;

before(async () => {
  await buildApp('dist-e2e-gallery');
  server = await startPreview('dist-e2e-gallery');
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => localStorage.setItem('spikeblocks.live', '0'));
  page = await openApp(context, server.url);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('keyboard: open the gallery, choose "Two connected neurons", Run plots it, Undo brings back the own blocks', async () => {
  // the learner's own work: the first example with the seed changed to 7 (no example has it)
  await page.evaluate(`(() => {
    const ws = document.querySelector('sb-app').shadowRoot.querySelector('sb-editor').workspace;
    ws.getBlockById('kernel').getInputTargetBlock('SEED').setFieldValue(7, 'NUM');
  })()`);
  await page.waitForFunction(`document.querySelector('sb-app').program.code.includes('"rng_seed": 7')`);
  const own = await code(page);

  await page.locator('#gallery').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(`document.querySelector('sb-gallery')?.shadowRoot.querySelector('dialog')?.open`, null, { timeout: 30_000 });
  assert.equal(await focused(page), 'one-neuron', 'the first card has the focus');
  // the dialog is labelled by its heading; each card's button is named by its visible title and
  // described by the card's text
  const labels = (await page.evaluate(`(() => {
    const root = document.querySelector('sb-gallery').shadowRoot;
    const d = root.querySelector('dialog');
    const card = root.querySelector('[data-example="two-neurons"]');
    return { dialog: root.getElementById(d.getAttribute('aria-labelledby')).textContent, card: card.textContent.trim(),
      described: card.getAttribute('aria-describedby').split(' ').map((id) => root.getElementById(id).textContent).join(' | '), cards: root.querySelectorAll('button.open').length };
  })()`)) as { dialog: string; card: string; described: string; cards: number };
  assert.equal(labels.dialog, 'Examples');
  assert.equal(labels.card, 'Two connected neurons');
  assert.match(labels.described, /synapse.*\| Simulator: NEST.*PyNEST twoneurons/);
  assert.equal(labels.cards, 14);

  // the pictures on screen have loaded, from this server
  await page.waitForFunction(`[...document.querySelector('sb-gallery').shadowRoot.querySelectorAll('img')].slice(0, 4).every((i) => i.complete && i.naturalWidth === 240)`, null, { timeout: 15_000 });
  await page.screenshot({ path: '/tmp/gallery-1280x800.png' });

  // one-neuron, step-current, sine-current, first-example, one-neuron-noise, two-neurons
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  assert.equal(await focused(page), 'two-neurons');
  await page.keyboard.press('Enter');
  await page.waitForFunction(`document.querySelector('sb-app').program.code.includes('n2 = nest.Create(')`);
  assert.equal(await dialogOpen(page), false, 'the gallery closed');
  assert.match(await page.locator('footer').innerText(), /Two connected neurons/);

  await page.waitForFunction(() => document.body.dataset.engineReady === '1', null, { timeout: 90_000 });
  const runs = await page.evaluate(() => Number(document.body.dataset.runCount ?? 0));
  await page.locator('#run').click();
  await page.waitForFunction((n) => Number(document.body.dataset.runCount ?? 0) > n, runs, { timeout: 30_000 });
  const drawn = (await page.evaluate(`(() => {
    const results = document.querySelector('sb-app').shadowRoot.querySelector('sb-results').shadowRoot;
    const raster = results.querySelector('sb-raster').chart.data;
    const traces = results.querySelector('sb-traces').chart.data;
    return { spikes: Array.from(raster[0]), samples: traces[0].length };
  })()`)) as { spikes: number[]; samples: number };
  // n1 gets 376 pA: R·I = 15.04 mV against a threshold 15 mV above rest, so the first spike comes
  // after tau_m · ln(15.04 / 0.04) = 59.29 ms (step 59.3), then every t_ref + 59.29 = 61.3 ms: 16 in 1 s
  assert.equal(drawn.spikes.length, 16);
  assert.ok(Math.abs(drawn.spikes[0] - 59.3) < 1e-9 && Math.abs(drawn.spikes[1] - 120.6) < 1e-9, `spikes at ${drawn.spikes.slice(0, 2)}`);
  // n2's V_m every 0.1 ms for 1000 ms, except in the last min_delay slice (nest.md): 9990 samples
  assert.equal(drawn.samples, 9990);

  // A Run takes the "Opened …" notice (and its Undo) away. Opening the next example offers Undo
  // again, and Undo steps back through every project an opening replaced: the example, then the
  // learner's own blocks.
  const twoNeurons = await code(page);
  await page.locator('#gallery').press('Enter');
  await page.waitForFunction(`document.querySelector('sb-gallery').shadowRoot.querySelector('dialog').open`);
  await page.keyboard.press('Enter'); // the first card: one-neuron
  await page.waitForFunction(`!document.querySelector('sb-app').program.code.includes('n2 = nest.Create(')`);
  await page.locator('footer button', { hasText: 'Undo' }).click();
  await page.waitForFunction(`document.querySelector('sb-app').program.code.includes('n2 = nest.Create(')`);
  assert.equal(await code(page), twoNeurons);
  await page.locator('footer button', { hasText: 'Undo' }).click();
  await page.waitForFunction(`document.querySelector('sb-app').program.code.includes('"rng_seed": 7')`);
  assert.equal(await code(page), own, 'Undo brings back the blocks as they were');
  assert.deepEqual(pageErrors, []);
});

test('Esc closes the gallery and gives the focus back to its button; a Norse example switches the simulator', async () => {
  await page.locator('#gallery').click();
  await page.waitForFunction(`document.querySelector('sb-gallery').shadowRoot.querySelector('dialog').open`);
  await page.keyboard.press('Escape');
  assert.equal(await dialogOpen(page), false);
  assert.equal(await page.evaluate(`document.querySelector('sb-app').shadowRoot.activeElement?.id`), 'gallery');

  await page.locator('#gallery').click();
  await page.waitForFunction(`document.querySelector('sb-gallery').shadowRoot.querySelector('dialog').open`);
  await page.evaluate(`document.querySelector('sb-gallery').shadowRoot.querySelector('[data-example="norse-lif"]').click()`);
  await page.waitForFunction(`document.querySelector('sb-app').program.code.includes('import norse.torch as norse')`);
  assert.equal(await page.locator('#simulator').inputValue(), 'norse');
  await page.locator('footer button', { hasText: 'Undo' }).click();
  await page.waitForFunction(`document.querySelector('sb-app').program.code.includes('import nest')`);
  assert.deepEqual(pageErrors, []);
});

test('every text in the gallery comes from the text table (?lang=pseudo), and German titles show with ?lang=de', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    for (const [lang, expect] of [['pseudo', null], ['de', 'Zwei verbundene Neuronen']] as const) {
      const p = await openApp(context, `${server.url}?lang=${lang}`);
      await p.locator('#gallery').click();
      await p.waitForFunction(`document.querySelector('sb-gallery')?.shadowRoot.querySelector('dialog')?.open`, null, { timeout: 30_000 });
      const text = (await p.evaluate(`document.querySelector('sb-gallery').shadowRoot.querySelector('dialog').innerText`)) as string;
      if (expect) assert.ok(text.includes(expect), text.slice(0, 300));
      else assert.equal(text.replace(/⟦[^⟧]*⟧/g, '').replace(/[✕\s]/g, ''), '', 'words outside ⟦ ⟧: not from the text table');
      await p.close();
    }
  } finally {
    await context.close();
  }
});

test('axe-core finds no serious or critical problem in the open gallery (WCAG 2 A/AA)', async () => {
  await page.locator('#gallery').click();
  await page.waitForFunction(`document.querySelector('sb-gallery').shadowRoot.querySelector('dialog').open`);
  await page.addScriptTag({ path: resolve(REPO_ROOT, 'node_modules/axe-core/axe.min.js') });
  const found = (await page.evaluate(`(async () => {
    const r = await axe.run({ include: [['sb-gallery']] }, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
    return { checked: r.passes.length, bad: r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')) };
  })()`)) as { checked: number; bad: string[] };
  assert.ok(found.checked > 5, `axe checked ${found.checked} rules`);
  assert.deepEqual(found.bad, []);
  await page.keyboard.press('Escape');
});

test('kiosk: the gallery gives way when the kiosk asks "still there?" (?idle=3)', async () => {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true });
  try {
    const p = await openApp(context, `${server.url}?kiosk=1&idle=3`);
    await p.locator('#gallery').tap();
    await p.waitForFunction(`document.querySelector('sb-gallery')?.shadowRoot.querySelector('dialog')?.open`, null, { timeout: 30_000 });
    // no touch for 3 s: the kiosk asks, and its question must not sit under the modal gallery
    await p.waitForFunction(() => Number(document.body.dataset.kioskAsked ?? 0) > 0, null, { timeout: 15_000 });
    await p.waitForFunction(`!document.querySelector('sb-gallery').shadowRoot.querySelector('dialog').open`, null, { timeout: 2_000 });
    assert.equal(await p.evaluate(`document.querySelector('sb-kiosk-overlay').getAttribute('role')`), 'alertdialog');
  } finally {
    await context.close();
  }
});

test('kiosk on a 1024×768 touch screen: finger-sized cards and close button; a tap opens an example', async () => {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true });
  try {
    const p = await openApp(context, `${server.url}?kiosk=1`);
    await p.locator('#gallery').tap();
    await p.waitForFunction(`document.querySelector('sb-gallery')?.shadowRoot.querySelector('dialog')?.open`, null, { timeout: 30_000 });
    await p.waitForFunction(`[...document.querySelector('sb-gallery').shadowRoot.querySelectorAll('img')].slice(0, 3).every((i) => i.complete && i.naturalWidth === 240)`, null, { timeout: 15_000 });
    await p.waitForFunction(`[...document.querySelector('sb-gallery').shadowRoot.querySelectorAll('img')].slice(0, 6).every((i) => i.complete && i.naturalWidth === 240)`, null, { timeout: 15_000 });
    await p.screenshot({ path: '/tmp/gallery-kiosk-1024x768.png' });
    const sizes = (await p.evaluate(`(() => {
      const root = document.querySelector('sb-gallery').shadowRoot;
      const box = (e) => { const r = e.getBoundingClientRect(); return [r.width, r.height]; };
      return { close: box(root.querySelector('.close')), card: box(root.querySelector('li.card')) };
    })()`)) as { close: number[]; card: number[] };
    assert.ok(sizes.close[0] >= 48 && sizes.close[1] >= 48, `close button ${sizes.close}`);
    assert.ok(sizes.card[0] >= 200 && sizes.card[1] >= 150, `card ${sizes.card}`);
    // a tap on the card's picture opens it too: the whole card is the target
    const image = p.locator('sb-gallery li.card', { has: p.locator('[data-example="spike-activity"]') }).locator('img');
    await image.scrollIntoViewIfNeeded();
    const picture = await image.boundingBox();
    await p.touchscreen.tap(picture!.x + picture!.width / 2, picture!.y + picture!.height / 2);
    await p.waitForFunction(`document.querySelector('sb-app').program.code.includes('nest.Create("iaf_psc_alpha", 100')`);
    assert.equal(await dialogOpen(p), false);
  } finally {
    await context.close();
  }
  assert.deepEqual(foreignRequests, [], 'nothing is fetched from another host');
  assert.deepEqual(pageErrors, []);
});
