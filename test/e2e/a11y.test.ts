/**
 * Accessibility of the built app in headless Chromium:
 * - the block editor with the keyboard alone (only keyboard.press): Tab into the toolbox, open a
 *   category, insert a block from its flyout into the program, walk blocks and fields with the
 *   arrow keys, edit a number and a dropdown with Enter, move a block with M, leave with Tab;
 *   Ctrl+Enter runs the program from the workspace (not Blockly's context menu);
 * - what a screen reader is given: the aria-label of the focused block and field, in English and
 *   German (blocks/aria.ts);
 * - our own controls: every Tab stop before the blocks has a name and a visible focus indicator;
 * - high contrast: the header switch (aria-pressed), remembered on this device, following
 *   prefers-contrast: more, reaching the Blockly theme and the plots;
 * - axe-core on the main screens: no serious or critical violation.
 *
 * Run: node --import tsx --test test/e2e/a11y.test.ts
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from '../lib/chromium';
import { buildApp, REPO_ROOT, startPreview, type RunningServer } from '../lib/servers';

const AXE = resolve(REPO_ROOT, 'node_modules/axe-core/axe.min.js');

let server: RunningServer;
let browser: Browser;
const pageErrors: string[] = [];

before(async () => {
  await buildApp('dist-e2e-a11y');
  server = await startPreview('dist-e2e-a11y');
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** A fresh page (own storage) on `path`, once the block editor is up. */
async function openApp(path = '', options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, ...options });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(server.url + path);
  await page.waitForFunction(() => document.body.dataset.editorReady === '1');
  return page;
}

/** Runs a function with the page's Blockly workspace (passed as a string: see the brief on tsx). */
function withWorkspace<T>(p: Page, fn: string): Promise<T> {
  return p.evaluate(`(() => { const ws = document.querySelector('sb-app').shadowRoot.querySelector('sb-editor').workspace; return (${fn})(ws); })()`) as Promise<T>;
}

/** The element that has the keyboard focus, through the shadow roots. */
const FOCUSED = `(() => { let a = document.activeElement; while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement; return a; })()`;

interface Focused {
  inBlockly: boolean;
  tag: string;
  classes: string;
  label: string;
}

function focused(p: Page): Promise<Focused> {
  return p.evaluate(`(() => { const a = ${FOCUSED}; return { inBlockly: !!(a && a.closest('.injectionDiv')), tag: a ? a.tagName : '', classes: a ? (a.getAttribute('class') || '') : '', label: a ? (a.getAttribute('aria-label') || '') : '' }; })()`) as Promise<Focused>;
}

/** Presses `key` until the focused element's aria-label matches (at most `max` presses). */
async function pressUntil(p: Page, key: string, wanted: RegExp, max = 12): Promise<Focused> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await p.keyboard.press(key);
    const now = await focused(p);
    if (wanted.test(now.label)) return now;
    seen.push(now.label || `${now.tag}.${now.classes}`);
  }
  throw new Error(`${key} × ${max} never reached ${wanted}; focus went: ${seen.join(' → ')}`);
}

/** What Blockly's live region (read out by screen readers) says now. */
const LIVE_TEXT = `[...document.querySelector('sb-app').shadowRoot.querySelector('sb-editor').shadowRoot.querySelectorAll('[aria-live]')].map((e) => e.textContent.trim()).join(' ')`;

/** In move mode: presses `key` until the live region's announcement matches; returns it. */
async function moveUntil(p: Page, key: string, wanted: RegExp, max = 12): Promise<string> {
  const said: string[] = [];
  for (let i = 0; i < max; i++) {
    const before = (await p.evaluate(LIVE_TEXT)) as string;
    await p.keyboard.press(key);
    // the announcement comes a moment after the key
    await p.waitForFunction(`${LIVE_TEXT} !== ${JSON.stringify(before)}`, undefined, { timeout: 2000 }).catch(() => undefined);
    said.push((await p.evaluate(LIVE_TEXT)) as string);
    if (wanted.test(said.at(-1)!)) return said.at(-1)!;
  }
  throw new Error(`${key} × ${max} never announced ${wanted}; said: ${said.join(' | ')}`);
}

/** Tab from the top of the page until the focus is inside the block editor. */
async function tabIntoBlockly(p: Page, max = 30): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await p.keyboard.press('Tab');
    if ((await focused(p)).inBlockly) return i;
  }
  throw new Error(`${max} Tab presses never reached the block editor`);
}

test('the block editor with the keyboard alone: toolbox, insert, fields, move, leave', async () => {
  const page = await openApp();
  const blocksBefore = await withWorkspace<number>(page, `(ws) => ws.getAllBlocks(false).length`);

  // Tab reaches the toolbox; its first category is selected and its flyout opens
  const tabs = await tabIntoBlockly(page);
  let now = await focused(page);
  assert.match(now.classes, /blocklyToolboxCategoryContainer/, `Tab ${tabs} landed in the toolbox`);
  assert.equal(await withWorkspace<string>(page, `(ws) => ws.getToolbox().getSelectedItem().getName()`), 'Neurons');

  // ArrowDown: the next category; ArrowRight: into its flyout; ArrowDown: its second block
  await page.keyboard.press('ArrowDown');
  assert.equal(await withWorkspace<string>(page, `(ws) => ws.getToolbox().getSelectedItem().getName()`), 'Stimuli');
  await page.keyboard.press('ArrowRight');
  now = await pressUntil(page, 'ArrowDown', /^constant current/);
  // Enter: a copy of the block on the workspace, in move mode; arrows choose where; Enter drops it
  await page.keyboard.press('Enter');
  assert.equal(await withWorkspace<number>(page, `(ws) => ws.getBlocksByType('nest_dc_generator', false).length`), 1, 'Enter in the flyout puts the block on the workspace');
  // while moving, Blockly says where the block would go (its live region, read by screen readers,
  // with our blocks' labels): ArrowDown walks the places until it is after the Poisson generator
  const said = await moveUntil(page, 'ArrowDown', /^Moving after Poisson spikes pg1/);
  assert.match(said, /^Moving after Poisson spikes pg1, rate \(spikes\/s\) 7500\.$/);
  await page.keyboard.press('Enter');
  const placed = await withWorkspace<{ top: number; between: string; all: number }>(
    page,
    `(ws) => { const dc = ws.getBlocksByType('nest_dc_generator', false)[0]; return { top: ws.getTopBlocks(false).length, between: dc.getPreviousBlock()?.type + ' > ' + dc.getNextBlock()?.type, all: ws.getAllBlocks(false).length }; }`,
  );
  assert.deepEqual(placed, { top: 1, between: 'nest_poisson_generator > nest_population', all: blocksBefore + 2 }, 'the constant current (and its amplitude slider) joined the program where the marker stood');
  await page.waitForFunction(`document.querySelector('sb-app').shadowRoot.querySelector('sb-code-panel').shadowRoot.textContent.includes('nest.Create("dc_generator"')`);

  // W: the workspace; arrows walk blocks and fields; Enter edits a number, Enter again keeps it
  await page.keyboard.press('w');
  await pressUntil(page, 'ArrowDown', /^Poisson spikes pg1/);
  await pressUntil(page, 'ArrowRight', /rate \(spikes\/s\): 7500$/);
  await page.keyboard.press('Enter');
  assert.match((await focused(page)).classes, /blocklyHtmlInput/, 'Enter opened the number editor');
  await page.keyboard.press('Control+A');
  for (const key of ['8', '0', '0', '0']) await page.keyboard.press(key);
  await page.keyboard.press('Enter');
  assert.equal(await withWorkspace<number>(page, `(ws) => Number(ws.getBlocksByType('nest_poisson_generator', false)[0].getInputTargetBlock('rate').getFieldValue('NUM'))`), 8000);
  now = await focused(page);
  assert.ok(now.inBlockly && /8000$/.test(now.label), `the focus is back on the field (${now.tag} "${now.label}")`);

  // a dropdown: Enter opens its menu, ArrowDown + Enter choose the next model
  await page.keyboard.press('w');
  await pressUntil(page, 'ArrowDown', /^neuron n1: iaf_psc_alpha/);
  await pressUntil(page, 'ArrowRight', /^model: iaf_psc_alpha$/, 4);
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  assert.equal(await withWorkspace<string>(page, `(ws) => ws.getBlocksByType('nest_population', false)[0].getFieldValue('MODEL')`), 'iaf_psc_exp');
  assert.equal((await focused(page)).label, 'model: iaf_psc_exp');

  // M moves a block: the spike recorder up the stack, to after dc1; Enter drops it there
  await page.keyboard.press('w');
  await pressUntil(page, 'ArrowDown', /^spike recorder sr1/, 20);
  const before = await withWorkspace<string>(page, `(ws) => ws.getBlocksByType('nest_spike_recorder', false)[0].getPreviousBlock().type`);
  assert.equal(before, 'nest_population');
  await page.keyboard.press('m');
  await moveUntil(page, 'ArrowUp', /^Moving after constant current dc1/);
  await page.keyboard.press('Enter');
  const moved = await withWorkspace<{ previous: string; next: string; top: number }>(
    page,
    `(ws) => { const sr = ws.getBlocksByType('nest_spike_recorder', false)[0]; return { previous: sr.getPreviousBlock()?.type ?? '', next: sr.getNextBlock()?.type ?? '', top: ws.getTopBlocks(false).length }; }`,
  );
  assert.deepEqual([moved.previous, moved.next], ['nest_dc_generator', 'nest_population'], 'M, ArrowUp…, Enter moved sr1 between dc1 and n1');
  assert.equal(moved.top, 1);

  // Escape in the flyout goes back; Tab leaves the editor (no keyboard trap), Shift+Tab returns
  await page.keyboard.press('t');
  await page.keyboard.press('ArrowRight');
  assert.match((await focused(page)).classes, /blocklyPath/, 'in the flyout');
  await page.keyboard.press('Escape');
  assert.ok((await focused(page)).inBlockly, 'Escape closes the flyout and stays in the editor');
  let left = false;
  for (let i = 0; i < 8 && !left; i++) {
    await page.keyboard.press('Tab');
    left = !(await focused(page)).inBlockly;
  }
  assert.ok(left, 'Tab leaves the block editor');
  await page.keyboard.press('Shift+Tab');
  assert.ok((await focused(page)).inBlockly, 'Shift+Tab comes back');
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

test('Ctrl+Enter in the workspace runs the program and opens no context menu', async () => {
  const page = await openApp();
  await page.waitForFunction(() => document.body.dataset.engineReady === '1', undefined, { timeout: 120_000 });
  await tabIntoBlockly(page);
  await page.keyboard.press('w');
  await pressUntil(page, 'ArrowDown', /^neuron n1/);
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction(() => Number(document.body.dataset.runCount ?? 0) >= 1, undefined, { timeout: 60_000 });
  const menus = await page.evaluate(`document.querySelector('sb-app').shadowRoot.querySelector('sb-editor').shadowRoot.querySelectorAll('.blocklyContextMenu').length`);
  assert.equal(menus, 0);
  await page.context().close();
});

test('screen reader labels: the focused block and field say what they are, in English and German', async () => {
  const page = await openApp();
  await tabIntoBlockly(page);
  await page.keyboard.press('w');
  // the first example's neuron block: model iaf_psc_alpha, 1 neuron, I_e 0 pA, V_th -55 mV,
  // tau_m 10 ms (blocks/examples/first-network.json); Blockly ends a label with a comma
  let now = await pressUntil(page, 'ArrowDown', /^neuron n1/);
  assert.equal(now.label, 'neuron n1: iaf_psc_alpha, 1 neuron, input current I_e (pA) 0, threshold V_th (mV) -55, time constant tau_m (ms) 10,');
  now = await pressUntil(page, 'ArrowRight', /^name: /, 1);
  assert.equal(now.label, 'name: n1');
  now = await pressUntil(page, 'ArrowRight', /^model: /, 1);
  assert.equal(now.label, 'model: iaf_psc_alpha');
  // the count's number, plugged into "how many"
  now = await pressUntil(page, 'ArrowRight', /how many/, 3);
  assert.match(now.label, /^how many: 1,?$/);
  // a generator: what it is, its name, its rows
  await page.keyboard.press('w');
  now = await pressUntil(page, 'ArrowDown', /^Poisson spikes/);
  assert.equal(now.label, 'Poisson spikes pg1, rate (spikes/s) 7500,');
  // 100 neurons: the plural sentence (the count set through Blockly's API, the label read from the DOM)
  await withWorkspace(page, `(ws) => ws.getBlocksByType('nest_population', false)[0].getInputTargetBlock('N').setFieldValue(100, 'NUM')`);
  await page.keyboard.press('w');
  now = await pressUntil(page, 'ArrowDown', /^neurons n1/);
  assert.match(now.label, /^neurons n1: iaf_psc_alpha, 100 neurons, /);
  await page.context().close();

  const german = await openApp('?lang=de');
  await tabIntoBlockly(german);
  await german.keyboard.press('w');
  now = await pressUntil(german, 'ArrowDown', /^Neuron n1/);
  assert.match(now.label, /^Neuron n1: iaf_psc_alpha, 1 Neuron, /);
  await german.keyboard.press('ArrowRight');
  now = await pressUntil(german, 'ArrowRight', /^Modell: /, 1);
  assert.equal(now.label, 'Modell: iaf_psc_alpha');
  await german.context().close();
});

test('every Tab stop before the blocks has a name and a visible focus indicator', async () => {
  const page = await openApp();
  const stops: { what: string; name: string; ring: boolean }[] = [];
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    const stop = (await page.evaluate(`(() => {
      const a = ${FOCUSED};
      if (!a || a.closest('.injectionDiv')) return null;
      const labelled = a.getAttribute('aria-labelledby');
      const root = a.getRootNode();
      const name = (a.getAttribute('aria-label') || (labelled && root.getElementById(labelled)?.textContent) || (a.labels && a.labels[0] && a.labels[0].textContent) || a.textContent || a.getAttribute('title') || '').trim();
      const s = getComputedStyle(a);
      const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
      return { what: a.tagName.toLowerCase() + (a.id ? '#' + a.id : ''), name, ring };
    })()`)) as { what: string; name: string; ring: boolean } | null;
    if (!stop) break;
    stops.push(stop);
  }
  console.log(`Tab stops before the blocks: ${stops.map((s) => `${s.what} "${s.name.slice(0, 24)}"`).join(', ')}`);
  for (const id of ['#run', '#live', '#backend', '#simulator', '#gallery', '#lessons', '#open', '#save', '#share', '#contrast']) {
    assert.ok(stops.some((s) => s.what.endsWith(id)), `${id} is reached by Tab`);
  }
  for (const s of stops) {
    assert.ok(s.name.length > 0, `${s.what} has a name`);
    assert.ok(s.ring, `${s.what} shows where the focus is`);
  }
  await page.context().close();
});

test('high contrast: the header switch, remembered, following prefers-contrast, reaching blocks and plots', async () => {
  const page = await openApp();
  const toggle = page.locator('#contrast');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  const look = () =>
    page.evaluate(`(() => { const app = document.querySelector('sb-app').shadowRoot; const ws = app.querySelector('sb-editor').workspace;
      return { stored: localStorage.getItem('spikeblocks.contrast'), page: document.documentElement.dataset.contrast, theme: ws.getTheme().name,
        header: getComputedStyle(app.querySelector('header')).backgroundColor }; })()`) as Promise<{ stored: string | null; page: string; theme: string; header: string }>;
  assert.deepEqual(await look(), { stored: null, page: 'normal', theme: 'classic', header: 'rgb(32, 51, 74)' });
  // by keyboard: Space on the focused switch
  await toggle.focus();
  await page.keyboard.press('Space');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  assert.deepEqual(await look(), { stored: 'more', page: 'more', theme: 'spikeblocks-high-contrast', header: 'rgb(0, 0, 0)' });
  await page.reload();
  await page.waitForFunction(() => document.body.dataset.editorReady === '1');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true', 'remembered on this device');
  assert.equal((await look()).theme, 'spikeblocks-high-contrast');
  // the plots get it too
  await page.waitForFunction(() => document.body.dataset.engineReady === '1', undefined, { timeout: 120_000 });
  await page.locator('#run').click();
  await page.waitForFunction(() => Number(document.body.dataset.runCount ?? 0) >= 1, undefined, { timeout: 60_000 });
  assert.equal(await page.locator('sb-results').getAttribute('high-contrast'), '', 'sb-results has high-contrast');
  await page.context().close();

  // a system asking for more contrast, nothing stored: on; the learner's "off" wins afterwards
  const system = await openApp('', { contrast: 'more' });
  assert.equal(await system.locator('#contrast').getAttribute('aria-pressed'), 'true');
  await system.locator('#contrast').click();
  await system.reload();
  await system.waitForFunction(() => document.body.dataset.editorReady === '1');
  assert.equal(await system.locator('#contrast').getAttribute('aria-pressed'), 'false');
  await system.context().close();
});

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown; html: string }[];
}

/** axe-core on the page as it is; prints every violation, returns the serious and critical ones. */
async function axe(page: Page, screen: string): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE });
  const violations = (await page.evaluate(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, html: n.html.slice(0, 120) })) })))`,
  )) as AxeViolation[];
  for (const v of violations) {
    console.log(`AXE ${screen}: [${v.impact}] ${v.id} — ${v.help}`);
    for (const n of v.nodes) console.log(`    ${JSON.stringify(n.target)} ${n.html}`);
  }
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  console.log(`AXE ${screen}: ${violations.length} violations, ${bad.length} serious or critical`);
  return bad;
}

async function runOnce(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.engineReady === '1', undefined, { timeout: 120_000 });
  await page.locator('#run').click();
  await page.waitForFunction(() => Number(document.body.dataset.runCount ?? 0) >= 1, undefined, { timeout: 60_000 });
}

const SCREENS: { name: string; path?: string; prepare?: (p: Page) => Promise<void> }[] = [
  { name: 'start' },
  {
    name: 'results',
    prepare: async (p) => {
      await runOnce(p);
      // the plots' data for screen readers: labelled pictures and a statistics table with a caption
      const found = await p.evaluate(`(() => { const deep = (root, sel) => [...root.querySelectorAll(sel), ...[...root.querySelectorAll('*')].filter((e) => e.shadowRoot).flatMap((e) => deep(e.shadowRoot, sel))];
        return { pictures: deep(document, '[role="img"][aria-label]').length, captions: deep(document, 'table caption').map((c) => c.textContent.trim()) }; })()`) as { pictures: number; captions: string[] };
      assert.ok(found.pictures >= 2, `labelled plots: ${found.pictures}`);
      assert.ok(found.captions.length >= 1, 'a table with a caption');
    },
  },
  { name: 'code panel (editing)', prepare: async (p) => p.locator('sb-code-panel #edit').click() },
  { name: 'backend settings', prepare: async (p) => { await p.locator('#backend').click(); await p.locator('sb-backend-settings dialog[open]').waitFor(); } },
  { name: 'lesson', path: '?lesson=one-neuron', prepare: async (p) => p.locator('sb-lesson #check').waitFor({ timeout: 30_000 }) },
  { name: 'kiosk', path: '?kiosk=1' },
  { name: 'Norse', prepare: async (p) => { await p.locator('#simulator').selectOption('norse'); await p.waitForFunction(`document.querySelector('sb-app').shadowRoot.querySelector('sb-editor').workspace.getAllBlocks(false).some((b) => b.type.startsWith('norse_'))`); } },
  { name: 'high contrast', prepare: async (p) => { await p.locator('#contrast').click(); await runOnce(p); } },
];

test('axe-core: no serious or critical violations on the main screens', async () => {
  const failures: string[] = [];
  for (const screen of SCREENS) {
    const page = await openApp(screen.path ?? '');
    await screen.prepare?.(page);
    for (const v of await axe(page, screen.name)) failures.push(`${screen.name}: ${v.id} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
    await page.context().close();
  }
  assert.deepEqual(failures, []);
  assert.deepEqual(pageErrors, []);
});
