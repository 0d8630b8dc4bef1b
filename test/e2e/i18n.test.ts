/**
 * Languages in the built app, in headless Chromium.
 *
 * 1. The test-only pseudo language (?lang=pseudo) shows every text of the table as ⟦English⟧. The
 *    main screens are scanned — text nodes and aria-label / title / placeholder / alt attributes,
 *    inside shadow roots and Blockly's SVG (toolbox, flyouts, blocks) — and any letters outside
 *    ⟦ ⟧ that are not on the short allowlist below are a text that does not come from the table:
 *    the test names each one and where it is.
 * 2. German from the browser's language: the header is German, a Run works, a screenshot for a
 *    person to look at (/tmp/i18n-de.png), no header button cut off. The language menu switches
 *    to English and the blocks survive the reload.
 * 3. A kiosk: the big language button switches for this visitor, with their blocks; the reset
 *    brings the kiosk's language back and nothing of the visitor's choice stays on the device.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../lib/chromium';
import { buildApp, startPreview, type RunningServer } from '../lib/servers';
import { NEST_MODELS } from '../../workers/engine/nest/models';

const OUT_DIR = 'dist-e2e-i18n';
const SCREENSHOT = '/tmp/i18n-de.png';

let server: RunningServer;
let browser: Browser;
const pageErrors: string[] = [];

before(async () => {
  await buildApp(OUT_DIR);
  server = await startPreview(OUT_DIR);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  assert.deepEqual(pageErrors, []);
});

/** A new browser profile in `locale` (navigator.languages), with live runs off. */
async function newContext(locale = 'en-US', extra: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale, ...extra });
  await context.addInitScript(() => localStorage.setItem('spikeblocks.live', '0'));
  return context;
}

async function openPage(context: BrowserContext, url: string, engine = true): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(url);
  await waitReady(page, engine);
  return page;
}

async function waitReady(page: Page, engine = true): Promise<void> {
  await page.waitForFunction(
    `document.body.dataset.editorReady === '1' && (${!engine} || document.body.dataset.engineReady === '1')`,
    null,
    { timeout: 90_000 },
  );
}

/** The learner's change: the first number in a block's field, plus 7; returns the new program. */
async function changeANumber(p: Page): Promise<string> {
  const before = (await p.evaluate(`document.querySelector('sb-app').program.code`)) as string;
  await p.evaluate(`(() => {
    const ws = document.querySelector('sb-app').shadowRoot.querySelector('sb-editor').workspace;
    for (const block of ws.getAllBlocks(true)) for (const input of block.inputList) for (const field of input.fieldRow) {
      if (field.EDITABLE && typeof field.getValue() === 'number') { field.setValue(field.getValue() + 7); return; }
    }
    throw new Error('no number field');
  })()`);
  await p.waitForFunction(`document.querySelector('sb-app').program.code !== ${JSON.stringify(before)}`);
  return (await p.evaluate(`document.querySelector('sb-app').program.code`)) as string;
}

const headerHeight = (p: Page) => p.evaluate(`document.querySelector('sb-app').shadowRoot.querySelector('header').getBoundingClientRect().height`) as Promise<number>;
const runCount = (p: Page) => p.evaluate(() => Number(document.body.dataset.runCount ?? 0));

async function runAndWait(p: Page): Promise<void> {
  const before = await runCount(p);
  await p.locator('#run').click();
  await p.waitForFunction(`Number(document.body.dataset.runCount ?? 0) > ${before}`, null, { timeout: 60_000 });
}

/**
 * Words that may stand outside ⟦ ⟧: names of products and languages (each language is named in
 * itself in the language menu). Anything with a digit or an underscore (n1, V_m, iaf_psc_alpha,
 * 1e-3) counts as a name or a number, and so do the units. Keep these short: a word here is a word
 * the scan no longer sees.
 */
const ALLOWED_WORDS = new Set(['Spikeblocks', 'NEST', 'Norse', 'PyNEST', 'Python', 'Jupyter', 'Server', 'English', 'Deutsch', 'NIR', 'ipynb', 'PNG', 'CSV', 'voltmeter', 'multimeter']);
const UNITS = new Set(['ms', 's', 'mV', 'pA', 'nA', 'Hz', 'nS', 'pF', 'kB', 'dt']);
/** NEST's model and parameter names (from the engine's model data): in parentheses, as a block
 * lists them ("more parameters (start, stop …)"), they are names, not words. */
const NEST_NAMES = new Set(Object.entries(NEST_MODELS).flatMap(([model, info]) => [model, ...Object.keys(info.params)]));

/** The words of a text outside ⟦ ⟧ that need a translation. */
function wordsToTranslate(rest: string): string[] {
  const withoutNames = rest
    .replace(/\bhttps?:\/\/\S+/g, ' ') // an address, e.g. a server's in a placeholder
    .replace(/\(([^()]*)\)/g, (group, inside: string) => (inside.split(/[\s,…]+/).filter(Boolean).every((w) => NEST_NAMES.has(w)) ? ' ' : group))
    .replace(/\bspikes\/s\b/g, ' '); // a unit
  const words = withoutNames.match(/[A-Za-zÄÖÜäöüß][\w.'’-]*/g) ?? [];
  // one letter: a variable or parameter name (x, y; a, b, c, d of Izhikevich's model)
  return words.filter((w) => w.length > 1 && !ALLOWED_WORDS.has(w.replace(/\.$/, '')) && !UNITS.has(w) && !/[_\d]/.test(w));
}

/**
 * Where the scan does not look, because what is there is not a text of the app: the code panel's
 * Python, the values in block fields (names, numbers, model names the learner picks), and
 * whatever `extra` adds for one screen (a Python traceback).
 */
const NOT_TEXTS: [host: string, selector: string][] = [
  ['sb-code-panel', '.body'],
  ['sb-editor', '.blocklyEditableField'],
  ['sb-editor', '.blocklyEditableText'],
];

interface Finding {
  where: string;
  text: string;
}

/** The scan, as a string (tsx would wrap inner named functions in a helper the page lacks). */
function scanScript(skip: [host: string, selector: string][]): string {
  return `(() => {
    const SKIP = ${JSON.stringify([...NOT_TEXTS, ...skip])};
    const ATTRIBUTES = ['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'aria-placeholder'];
    const found = [];
    // where: the shadow hosts on the way (sb-app ⊃ sb-editor ⊃ …), then the element and two
    // ancestors in its own root; Blockly's generated ids are left out
    const name = (e) => {
      let part = e.localName;
      if (e.id && /^[a-z][\\w-]*$/i.test(e.id) && !/^blockly-/.test(e.id)) part += '#' + e.id;
      const cls = typeof e.className === 'string' ? e.className : e.className && e.className.baseVal;
      if (cls && cls.trim()) part += '.' + cls.trim().split(/\\s+/).slice(0, 2).join('.');
      return part;
    };
    const describe = (el) => {
      const near = [];
      for (let e = el; e && near.length < 3; e = e.parentElement) near.unshift(name(e));
      const hosts = [];
      for (let root = el.getRootNode(); root && root.host; root = root.host.getRootNode()) hosts.unshift(root.host.localName);
      return [...hosts, near.join(' > ')].join(' ⊃ ');
    };
    // [host, selector]: inside the shadow root of a <host> (at any depth below it), within the selector
    const skipped = (el) => SKIP.some(([host, selector]) => {
      for (let e = el; e; ) {
        const root = e.getRootNode();
        if (root.host && root.host.localName === host) return !!e.closest(selector) || !!root.host.closest(selector);
        e = root.host || null;
      }
      return false;
    });
    const shown = (el) => {
      if (el.localName === 'option') { const select = el.closest('select'); return !!select && select.checkVisibility(); }
      return el.checkVisibility ? el.checkVisibility() : true;
    };
    // text outside ⟦ ⟧; the depth runs on across nodes, as a text may be split by markup (<b>)
    let depth = 0;
    const outside = (text, own) => {
      let out = '';
      let d = own ? 0 : depth;
      for (const ch of text) {
        if (ch === '⟦') d++;
        else if (ch === '⟧') d = Math.max(0, d - 1);
        else if (d === 0) out += ch;
      }
      if (!own) depth = d;
      return out;
    };
    const visit = (node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        const el = node.parentElement;
        const text = node.textContent || '';
        if (!el || ['script', 'style', 'template', 'noscript'].includes(el.localName)) return;
        const rest = outside(text, false);
        if (skipped(el) || !shown(el)) return;
        if (/[A-Za-zÄÖÜäöüß]/.test(rest) || /\\{\\w+\\}/.test(text)) found.push({ where: describe(el), text: text.trim().slice(0, 160), rest: rest.trim() });
        return;
      }
      if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return;
      if (node.nodeType === Node.ELEMENT_NODE) {
        const el = node;
        if (!skipped(el) && shown(el)) {
          for (const name of ATTRIBUTES) {
            const value = el.getAttribute(name);
            if (!value) continue;
            const rest = outside(value, true);
            if (/[A-Za-zÄÖÜäöüß]/.test(rest) || /\\{\\w+\\}/.test(value)) found.push({ where: describe(el) + ' [' + name + ']', text: value.slice(0, 160), rest: rest.trim() });
          }
        }
        if (el.shadowRoot) visit(el.shadowRoot);
      }
      node.childNodes.forEach(visit);
    };
    visit(document.body);
    // the values in the blocks' fields (a name typed in, a number, a dropdown's code value such as
    // a model name): Blockly repeats them in the blocks' aria-labels, and they are not texts
    const values = new Set();
    const editor = document.querySelector('sb-app')?.shadowRoot?.querySelector('sb-editor');
    const main = editor && editor.workspace;
    const flyout = main && main.getToolbox && main.getToolbox() && main.getToolbox().getFlyout && main.getToolbox().getFlyout();
    for (const ws of [main, flyout && flyout.getWorkspace()]) {
      if (!ws) continue;
      for (const block of ws.getAllBlocks(false)) for (const input of block.inputList) for (const field of input.fieldRow) {
        if (!field.EDITABLE) continue;
        const text = field.getText();
        const isMenu = typeof field.getOptions === 'function';
        if (text && (!isMenu || String(field.getValue()) === text)) values.add(text);
      }
    }
    return { found, fieldValues: [...values] };
  })()`;
}

/** Letters outside ⟦ ⟧ that the allowlist does not explain. */
async function untranslated(page: Page, skip: [host: string, selector: string][] = []): Promise<Finding[]> {
  const { found, fieldValues } = (await page.evaluate(scanScript(skip))) as { found: (Finding & { rest: string })[]; fieldValues: string[] };
  // longest first, so "f-I curve" goes before a shorter value inside it
  const values = fieldValues.sort((a, b) => b.length - a.length);
  // a value as a whole token only ("1" must not cut "sr1" or an address apart)
  const asToken = (v: string) => new RegExp(`(?<![\\w.:/])${v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w.:/])`, 'g');
  const withoutValues = (text: string, attribute: boolean) => (attribute ? values.reduce((t, v) => t.replace(asToken(v), ' '), text) : text);
  const left: Finding[] = [];
  for (const f of found) {
    const unplaced = /\{\w+\}/.test(f.text);
    if (unplaced || wordsToTranslate(withoutValues(f.rest, f.where.endsWith(']'))).length) left.push({ where: f.where, text: f.text });
  }
  // the same text at the same place (e.g. every block of a kind) once
  const seen = new Set<string>();
  return left.filter((f) => {
    const key = `${f.where}|${f.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Screens of the running test with texts not from the table (so one test reports all its screens). */
let missing: string[] = [];

/** Notes (and prints) the texts not from the table, one per line; screensAreClean() fails on them. */
function assertAllFromTable(screen: string, findings: Finding[]): void {
  const list = findings.map((f) => `  "${f.text}"  at  ${f.where}`).join('\n');
  if (findings.length) {
    console.log(`I18N-MISSING ${screen}: ${findings.length}\n${list}`);
    missing.push(`${screen}: ${findings.length} texts not from the text table:\n${list}`);
  }
}

function screensAreClean(): void {
  const found = missing;
  missing = [];
  assert.equal(found.length, 0, found.join('\n'));
}

/** Opens each toolbox category in turn and scans its flyout of blocks. */
async function scanToolbox(page: Page): Promise<Finding[]> {
  const findings: Finding[] = [];
  const categories = page.locator('.blocklyToolboxCategory');
  const n = await categories.count();
  assert.ok(n > 0, 'the toolbox has categories');
  for (let i = 0; i < n; i++) {
    await categories.nth(i).click();
    await page.waitForTimeout(150);
    findings.push(...(await untranslated(page)));
  }
  await page.keyboard.press('Escape');
  // what every category's scan sees again (the header, the blocks on the workspace) once
  const seen = new Set<string>();
  return findings.filter((f) => !seen.has(`${f.where}|${f.text}`) && !!seen.add(`${f.where}|${f.text}`));
}

test('the scan\'s word check can fail: English outside ⟦ ⟧ is caught; names, units, numbers are not', () => {
  assert.deepEqual(wordsToTranslate('Run the program'), ['Run', 'the', 'program']);
  assert.deepEqual(wordsToTranslate(' (start, stop …)'), []);
  assert.deepEqual(wordsToTranslate(' (start, the end)'), ['start', 'the', 'end']);
  assert.deepEqual(wordsToTranslate('n1 — voltmeter · 12.5 mV · V_m · (spikes/s) · x'), []);
  assert.deepEqual(wordsToTranslate('start'), ['start']);
  assert.deepEqual(wordsToTranslate('http://127.0.0.1:52425/api'), []);
});

let pseudo: Page;

test('pseudo: the start screen (header, blocks, code, results area, language menu)', async () => {
  const context = await newContext();
  pseudo = await openPage(context, `${server.url}?lang=pseudo`);
  assert.equal(await pseudo.evaluate(() => document.documentElement.lang), 'en');
  // the scan itself must see something: the header's texts are there, in ⟦ ⟧
  assert.match(await pseudo.locator('#run').innerText(), /^⟦.*⟧$/);
  assertAllFromTable('start screen', await untranslated(pseudo));
  screensAreClean();
});

test('pseudo: every toolbox category and its blocks (NEST)', async () => {
  assertAllFromTable('NEST toolbox', await scanToolbox(pseudo));
  screensAreClean();
});

test('pseudo: after a Run (results)', async () => {
  await runAndWait(pseudo);
  assertAllFromTable('results', await untranslated(pseudo));
  screensAreClean();
});

test('pseudo: the code panel in Edit', async () => {
  await pseudo.locator('sb-code-panel #edit').click();
  await pseudo.locator('sb-code-panel textarea').waitFor();
  assertAllFromTable('code panel, edited', await untranslated(pseudo));
  // (a failure above leaves the panel in Edit, which the next test needs anyway)
  screensAreClean();
});

test('pseudo: a failed run and its notice', async () => {
  // a model NEST does not have: the run fails with the facade's own (Python) error
  const edited = (await pseudo.locator('sb-code-panel textarea').inputValue()).replace(/nest\.Create\("iaf_psc_alpha"/, 'nest.Create("no_such_model"');
  await pseudo.locator('sb-code-panel textarea').fill(edited);
  await pseudo.locator('#run').click();
  await pseudo.waitForFunction(`document.querySelector('sb-app').shadowRoot.querySelector('footer .notice.error') !== null`, null, { timeout: 60_000 });
  // the traceback is Python's own text
  const failed = await untranslated(pseudo, [['sb-app', '.notice pre']]);
  await pseudo.locator('sb-code-panel #back-to-blocks').click();
  assertAllFromTable('failed run', failed);
  assertAllFromTable('hand edits put aside', await untranslated(pseudo));
  screensAreClean();
});

test('pseudo: the backend settings dialog', async () => {
  await pseudo.locator('#backend').click();
  await pseudo.locator('sb-backend-settings dialog[open]').waitFor();
  const first = await untranslated(pseudo);
  await pseudo.locator('sb-backend-settings input[value="nest-server"]').check();
  await pseudo.locator('sb-backend-settings #server-url').fill('not a server');
  const withServer = await untranslated(pseudo);
  await pseudo.locator('sb-backend-settings #cancel').click();
  assertAllFromTable('backend settings', first);
  assertAllFromTable('backend settings, NEST Server chosen', withServer);
  screensAreClean();
});

test('pseudo: the lesson list and an open lesson', async () => {
  await pseudo.locator('#lessons').click();
  await pseudo.locator('.lesson-item').first().waitFor({ timeout: 30_000 });
  const list = await untranslated(pseudo);
  await pseudo.locator('.lesson-item').first().click();
  await pseudo.waitForFunction(`new URL(location.href).searchParams.has('lesson')`);
  await pseudo.waitForTimeout(300);
  const lesson = await untranslated(pseudo);
  assertAllFromTable('lesson list', list);
  assertAllFromTable('open lesson', lesson);
  screensAreClean();
});

test('pseudo: the Norse simulator: toolbox, blocks, a Run', async () => {
  await pseudo.goto(`${server.url}?lang=pseudo`);
  await waitReady(pseudo);
  await pseudo.locator('#simulator').selectOption('norse');
  await pseudo.waitForFunction(`document.querySelector('sb-app').program.code.includes('import norse.torch as norse')`);
  assertAllFromTable('Norse start', await untranslated(pseudo));
  assertAllFromTable('Norse toolbox', await scanToolbox(pseudo));
  await runAndWait(pseudo);
  assertAllFromTable('Norse results', await untranslated(pseudo));
  screensAreClean();
});

test('pseudo: kiosk mode and its questions', async () => {
  const context = await newContext('en-US', { hasTouch: true });
  const page = await openPage(context, `${server.url}?kiosk=1&lang=pseudo`, false);
  const start = await untranslated(page);
  await page.locator('#kiosk-reset').click();
  await page.locator('sb-kiosk-overlay #reset-no').waitFor();
  const question = await untranslated(page);
  await page.locator('sb-kiosk-overlay #reset-no').click();
  await context.close();
  assertAllFromTable('kiosk start', start);
  assertAllFromTable('kiosk "start again?"', question);
  screensAreClean();
});

test('German from the browser\'s language: the header, a Run, nothing cut off', async () => {
  const context = await newContext('de-DE');
  const page = await openPage(context, server.url);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
  assert.equal(await page.locator('#run').innerText(), '▶ Start');
  assert.equal(await page.locator('#lessons').innerText(), 'Lektionen');
  assert.equal(await page.locator('#save').innerText(), 'Speichern');
  assert.equal(await page.locator('sb-code-panel #edit').innerText(), 'Bearbeiten');
  assert.equal(await page.locator('sb-language-menu select').inputValue(), 'de');
  assert.match(await page.locator('.results').innerText(), /Drücke Start, um das Netzwerk zu simulieren/);
  await runAndWait(page);
  assert.ok(await page.locator('sb-results').isVisible(), 'the results are shown');
  await page.screenshot({ path: SCREENSHOT });
  // every button and menu in the header and the code panel shows its whole label
  const cut = (await page.evaluate(`(() => {
    const app = document.querySelector('sb-app').shadowRoot;
    const code = app.querySelector('sb-code-panel').shadowRoot;
    const menu = app.querySelector('sb-language-menu').shadowRoot;
    return [...app.querySelectorAll('header button, header select'), ...code.querySelectorAll('button'), ...menu.querySelectorAll('select, button')]
      .filter((b) => b.checkVisibility() && (b.scrollWidth > b.clientWidth + 1 || b.getBoundingClientRect().right > innerWidth))
      .map((b) => (b.id || b.localName) + ': ' + (b.innerText || b.value));
  })()`)) as string[];
  assert.deepEqual(cut, [], 'controls whose German label does not fit');
  const germanHeader = await headerHeight(page);

  // the language menu: English, and the learner's change to the blocks is still there
  const code = await changeANumber(page);
  await Promise.all([page.waitForEvent('load'), page.locator('sb-language-menu select').selectOption('en')]);
  await waitReady(page, false);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await page.locator('#run').innerText(), '▶ Run');
  assert.ok(germanHeader <= (await headerHeight(page)), `German's longer labels make the header wrap into more rows (${germanHeader} px high, English ${await headerHeight(page)} px)`);
  assert.equal(await page.evaluate(`document.querySelector('sb-app').program.code`), code, 'the blocks survive the language change');
  assert.equal(await page.evaluate(() => localStorage.getItem('spikeblocks.language')), 'en');
  // the choice is kept on this device: a German browser opens in English now
  await page.goto(server.url);
  await waitReady(page, false);
  assert.equal(await page.locator('#run').innerText(), '▶ Run');
  await context.close();
});

test('a lesson stays open through a language change, with the learner\'s blocks in it', async () => {
  const context = await newContext('en-US');
  const page = await openPage(context, server.url, false);
  await page.locator('#lessons').click();
  await page.locator('.lesson-item[data-id="one-neuron"]').click();
  await page.waitForFunction(`new URL(location.href).searchParams.get('lesson') === 'one-neuron'`);
  const code = await changeANumber(page);
  await Promise.all([page.waitForEvent('load'), page.locator('sb-language-menu select').selectOption('de')]);
  await waitReady(page, false);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
  await page.waitForFunction(`document.querySelector('sb-app').shadowRoot.querySelector('sb-lesson').hasAttribute('open')`);
  assert.equal(await page.evaluate(`document.querySelector('sb-app').program.code`), code, 'the lesson\'s blocks as the learner left them');
  await context.close();
});

test('kiosk: a visitor\'s language button keeps their blocks; the reset brings the kiosk\'s language back', async () => {
  const context = await newContext('en-US', { hasTouch: true });
  const page = await openPage(context, `${server.url}?kiosk=1`, false);
  const firstCode = await page.evaluate(`document.querySelector('sb-app').program.code`);
  const button = page.locator('sb-language-menu #language-de');
  assert.equal(await button.innerText(), 'Deutsch');
  assert.equal(await button.getAttribute('title'), 'Spikeblocks auf Deutsch zeigen', 'the button speaks the language it offers');
  const size = await button.boundingBox();
  assert.ok(size && size.height >= 48 && size.width >= 48, `a finger-sized button (${size?.width}×${size?.height})`);
  // the visitor's change: another example
  const visitorCode = await changeANumber(page);
  await Promise.all([page.waitForEvent('load'), button.tap()]);
  await waitReady(page, false);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
  assert.equal(await page.locator('#kiosk-reset').innerText(), '↺ Neu anfangen');
  assert.equal(await page.evaluate(`document.querySelector('sb-app').program.code`), visitorCode, 'the visitor keeps their blocks');
  assert.equal(await page.locator('sb-language-menu #language-en').innerText(), 'English');
  // the visitor leaves: Start again (the idle timeout takes the same way, Kiosk.resetNow)
  await page.locator('#kiosk-reset').tap();
  await Promise.all([page.waitForEvent('load'), page.locator('sb-kiosk-overlay #reset-yes').tap()]);
  await waitReady(page, false);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', 'the next visitor starts in the kiosk\'s language');
  assert.equal(await page.locator('#kiosk-reset').innerText(), '↺ Start again');
  assert.equal(await page.evaluate(`document.querySelector('sb-app').program.code`), firstCode, 'and on the first example');
  assert.equal(await page.evaluate(() => localStorage.getItem('spikeblocks.language')), null, 'no language choice kept on the kiosk');
  assert.deepEqual(await page.evaluate(() => Object.keys(sessionStorage)), [], 'nor the visitor\'s switch');
  await context.close();
});
