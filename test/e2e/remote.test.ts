/**
 * The app with a real NEST Server (the venv's nest-server, NEST 3.10, exec on, a token,
 * RestrictedPython on), in headless Chromium: a NEST Desktop link points the app at the server
 * and its token leaves the address bar; Run plots what the server computed; Compare shows the
 * reference case N1 agreeing here and there; a Python error on the server lands on its block; a
 * NEST error the server cannot report is found by running here; a wrong token, a stopped server
 * and Stop change nothing in the workspace and offer a run in this browser.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../lib/chromium';
import { buildApp, startPreview, type RunningServer } from '../lib/servers';
import { SLOW_PROGRAM, startNestServer, type NestServerProcess } from '../lib/nest-server';
import { startKernelGateway, type KernelGatewayProcess } from '../lib/jupyter-gateway';
import { n1Program } from '../lib/reference-cases';

let app: RunningServer;
let nest: NestServerProcess;
let gateway: KernelGatewayProcess;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const serverRequests: string[] = [];
const foreignRequests: string[] = [];

before(async () => {
  // two workers: a run given up by Stop keeps one busy until NEST finishes it
  [nest, gateway] = await Promise.all([startNestServer({ workers: 2 }), startKernelGateway(), buildApp('dist-e2e-remote')]);
  app = await startPreview('dist-e2e-remote');
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  await context.addInitScript(() => localStorage.setItem('spikeblocks.live', '0'));
  page = await context.newPage();
  page.on('request', (r) => {
    const host = new URL(r.url()).host;
    if (host === new URL(nest.url).host) serverRequests.push(`${r.method()} ${new URL(r.url()).pathname}`);
    // offline: every request stays on this machine (the app, and the servers the test starts)
    const { protocol, hostname } = new URL(r.url());
    if (!['data:', 'blob:'].includes(protocol) && hostname !== '127.0.0.1') foreignRequests.push(r.url());
  });
});

after(async () => {
  await browser?.close();
  await app?.stop();
  await nest?.stop();
  await gateway?.stop();
});

const footer = (p: Page) => p.locator('footer').innerText();
const status = (p: Page) => p.locator('header .engine').innerText();

function withWorkspace<T>(p: Page, fn: string): Promise<T> {
  return p.evaluate(`(() => { const ws = document.querySelector('sb-app').shadowRoot.querySelector('sb-editor').workspace; return (${fn})(ws); })()`) as Promise<T>;
}

/** The blocks as autosaved (Blockly is bundled, not a global the page could be asked for). */
const workspaceJson = (p: Page) => p.evaluate(() => localStorage.getItem('spikeblocks.current') ?? '');

async function runAndWait(p: Page): Promise<void> {
  const before = await p.evaluate(() => Number(document.body.dataset.runCount ?? 0));
  await p.locator('#run').click();
  await p.waitForFunction((n) => Number(document.body.dataset.runCount ?? 0) > n, before, { timeout: 30_000 });
}

async function editCode(p: Page, code: string): Promise<void> {
  const panel = p.locator('sb-code-panel');
  if ((await panel.locator('textarea').count()) === 0) await panel.locator('button', { hasText: 'Edit' }).click();
  await panel.locator('textarea').fill(code);
}

async function backToBlocks(p: Page): Promise<void> {
  await p.locator('sb-code-panel button', { hasText: 'Back to blocks' }).click();
}

test("a NEST Desktop link points the app at NEST Server; the token leaves the address bar", async () => {
  const link = `${app.url}?nest_server_url=${encodeURIComponent(nest.url)}&nest_server_access_token=${nest.token}`;
  await page.goto(link);
  await page.waitForFunction(() => document.body.dataset.editorReady === '1' && document.body.dataset.remoteReady === '1', null, { timeout: 30_000 });
  assert.ok(!page.url().includes(nest.token), `token still in the address bar: ${page.url()}`);
  assert.ok(page.url().includes('nest_server_url='), 'the server address may stay');
  assert.match(await status(page), /^NEST 3\.10\.0 on 127\.0\.0\.1:\d+$/);
  assert.match(await page.locator('#backend').innerText(), /NEST Server/);
  const stored = await page.evaluate(() => ({ local: JSON.stringify(localStorage), session: JSON.stringify(sessionStorage) }));
  assert.ok(!stored.local.includes(nest.token), 'the token is not kept beyond the session');
  assert.ok(stored.session.includes(nest.token), 'the token is kept for the session');
  // health check and model list, as NEST Desktop does at connect
  assert.ok(serverRequests.includes('GET /') && serverRequests.includes('POST /api/GetKernelStatus'), serverRequests.join(', '));
  // the class link reloaded (now without its token): still connected with this tab's token
  await page.reload();
  await page.waitForFunction(() => document.body.dataset.editorReady === '1' && document.body.dataset.remoteReady === '1', null, { timeout: 30_000 });
  assert.match(await status(page), /^NEST 3\.10\.0 on /);
  assert.equal((await footer(page)).trim(), '');
});

test('Run sends the code panel\'s program to NEST Server and plots its raster and trace', async () => {
  serverRequests.length = 0;
  await runAndWait(page);
  assert.deepEqual(serverRequests, ['POST /exec']);
  const drawn = await page.evaluate(`(() => {
    const results = document.querySelector('sb-app').shadowRoot.querySelector('sb-results').shadowRoot;
    const raster = results.querySelector('sb-raster');
    const traces = results.querySelector('sb-traces');
    return { spikes: raster?.chart?.data[0].length ?? -1, samples: traces?.chart?.data[0].length ?? -1 };
  })()`) as { spikes: number; samples: number };
  // NEST 3.10 gives 21–45 spikes over seeds for the first example (test/nest/first-example.test.ts)
  assert.ok(drawn.spikes >= 10 && drawn.spikes <= 70, `spikes drawn: ${drawn.spikes}`);
  assert.equal(drawn.samples, 9990, 'V_m every 0.1 ms, less the last min_delay');
  // a server does not get a live run on every change: Live is replaced by Compare
  assert.equal(await page.locator('#live').count(), 0);
});

test('Compare: reference case N1 here and on NEST Server — the same spike, V_m within 1e-9', async () => {
  await editCode(page, n1Program());
  const before = await page.evaluate(() => Number(document.body.dataset.compareCount ?? 0));
  await page.locator('#compare').click();
  await page.waitForFunction((n) => Number(document.body.dataset.compareCount ?? 0) > n, before, { timeout: 60_000 });
  const result = (await page.evaluate(`(() => document.querySelector('sb-app').shadowRoot.querySelector('sb-compare').result)()`)) as {
    spikes: { local: number; remote: number; sameSpikes: boolean }[];
    traces: { recordable: string; maxDifference: number; compared: number }[];
  };
  // cases.md N1: one spike at 3.0 ms
  assert.deepEqual(result.spikes.map((s) => [s.local, s.remote, s.sameSpikes]), [[1, 1, true]]);
  assert.equal(result.traces[0].recordable, 'V_m');
  assert.equal(result.traces[0].compared, 79);
  assert.ok(result.traces[0].maxDifference <= 1e-9 * 70, `largest V_m difference ${result.traces[0].maxDifference} mV`);
  const text = (await page.evaluate(`document.querySelector('sb-app').shadowRoot.querySelector('sb-compare').shadowRoot.textContent`)) as string;
  assert.match(text, /yes, all/);
  await backToBlocks(page);
});

test('a Python error on the server comes back with its line and is shown on the block that made it', async () => {
  // x = 1 / 0 from Blockly's own variable and arithmetic blocks, at the end of the main stack
  await withWorkspace(page, `(ws) => {
    let last = ws.getTopBlocks(true).find((b) => b.type === 'nest_simulate') ?? ws.getTopBlocks(true)[0];
    while (last.getNextBlock()) last = last.getNextBlock();
    const v = ws.getVariableMap().createVariable('x');
    const set = ws.newBlock('variables_set');
    set.setFieldValue(v.getId(), 'VAR');
    const div = ws.newBlock('math_arithmetic');
    div.setFieldValue('DIVIDE', 'OP');
    const a = ws.newBlock('math_number'); a.setFieldValue(1, 'NUM');
    const b = ws.newBlock('math_number'); b.setFieldValue(0, 'NUM');
    div.getInput('A').connection.connect(a.outputConnection);
    div.getInput('B').connection.connect(b.outputConnection);
    set.getInput('VALUE').connection.connect(div.outputConnection);
    for (const blk of [a, b, div, set]) { blk.initSvg(); blk.render(); }
    last.nextConnection.connect(set.previousConnection);
    window.__divBlock = set.id;
  }`);
  await page.waitForFunction(`document.querySelector('sb-app').program.code.includes('x = 1 / 0')`);
  const code = (await page.evaluate(`document.querySelector('sb-app').program.code`)) as string;
  const line = code.split('\n').findIndex((l) => /^x = 1 \/ 0/.test(l)) + 1;
  assert.ok(line > 0, code);
  serverRequests.length = 0;
  await page.locator('#run').click();
  await page.waitForFunction(() => /ZeroDivisionError/.test(document.querySelector('sb-app')!.shadowRoot!.querySelector('footer')!.textContent ?? ''), null, { timeout: 30_000 });
  assert.deepEqual(serverRequests, ['POST /exec'], 'it ran on the server');
  assert.match(await footer(page), new RegExp(`ZeroDivisionError \\(line ${line}\\)`));
  const warned = await withWorkspace<string | null>(page, `(ws) => { const b = ws.getBlockById(window.__divBlock); const icon = b && b.getIcon('warning'); return icon ? icon.getText() : null; }`);
  assert.match(warned ?? '', /ZeroDivisionError/);
  await withWorkspace(page, `(ws) => ws.getBlockById(window.__divBlock).dispose(true)`);
});

test("a NEST error NEST Server 3.10 cannot report (HTTP 500) is found by running in this browser", async () => {
  // V_th below V_reset: NEST raises BadProperty; NEST Server 3.10's error handler fails on it
  await withWorkspace(page, `(ws) => {
    const n1 = ws.getAllBlocks(false).find((b) => b.type === 'nest_population' && b.getField('NAME').getText() === 'n1');
    const vth = n1.getInputTargetBlock('V_th');
    vth.getField('SLIDER') ? vth.setFieldValue(-80, 'SLIDER') : vth.setFieldValue(-80, 'NUM');
  }`);
  await page.locator('#run').click();
  await page.locator('#notice-action').waitFor({ timeout: 30_000 });
  assert.match(await footer(page), /NEST Server at .* failed while running the program \(HTTP 500\)/);
  assert.equal(await page.locator('#notice-action').innerText(), 'Run in this browser');
  await page.waitForFunction(() => document.body.dataset.engineReady === '1', null, { timeout: 60_000 });
  await page.locator('#notice-action').click();
  await page.waitForFunction(() => /BadProperty/.test(document.querySelector('sb-app')!.shadowRoot!.querySelector('footer')!.textContent ?? ''), null, { timeout: 30_000 });
  assert.match(await footer(page), /BadProperty \(line \d+\)/);
  const warned = await withWorkspace<string | null>(page, `(ws) => {
    const n1 = ws.getAllBlocks(false).find((b) => b.type === 'nest_population' && b.getField('NAME').getText() === 'n1');
    const icon = n1.getIcon('warning'); return icon ? icon.getText() : null; }`);
  assert.match(warned ?? '', /threshold|Reset|BadProperty/i);
  await withWorkspace(page, `(ws) => {
    const n1 = ws.getAllBlocks(false).find((b) => b.type === 'nest_population' && b.getField('NAME').getText() === 'n1');
    const vth = n1.getInputTargetBlock('V_th');
    vth.getField('SLIDER') ? vth.setFieldValue(-55, 'SLIDER') : vth.setFieldValue(-55, 'NUM');
  }`);
});

test('a wrong token: told so, with what to do; the blocks stay as they were; this browser can run it', async () => {
  await page.locator('#backend').click();
  await page.locator('sb-backend-settings #server-token').fill('not-the-token');
  await page.locator('sb-backend-settings #check').click();
  await page.locator('sb-backend-settings .status.failed').waitFor();
  assert.match(await page.locator('sb-backend-settings .status').innerText(), /refused the access token/);
  await page.locator('sb-backend-settings #use').click();
  const blocksBefore = await workspaceJson(page);
  await page.locator('#notice-action').waitFor({ timeout: 10_000 }).catch(() => undefined);
  await page.locator('#run').click();
  await page.waitForFunction(() => document.body.dataset.serverProblem === 'token', null, { timeout: 15_000 });
  assert.match(await footer(page), /refused the access token.*Give the token the server printed/s);
  assert.equal(await workspaceJson(page), blocksBefore, 'nothing in the workspace changed');
  const runs = await page.evaluate(() => Number(document.body.dataset.runCount ?? 0));
  await page.locator('#notice-action', { hasText: 'Run in this browser' }).click();
  await page.waitForFunction((n) => Number(document.body.dataset.runCount ?? 0) > n, runs, { timeout: 30_000 });
  // the right token again, typed into the settings: the old complaint goes
  await page.locator('#backend').click();
  await page.locator('sb-backend-settings #server-token').fill(nest.token);
  await page.locator('sb-backend-settings #check').click();
  await page.locator('sb-backend-settings .status.ok').waitFor({ timeout: 15_000 });
  assert.match(await page.locator('sb-backend-settings .status').innerText(), /Connected: NEST 3\.10\.0 .* models/);
  await page.locator('sb-backend-settings #use').click();
  await page.waitForFunction(() => !/refused/.test(document.querySelector('sb-app')!.shadowRoot!.querySelector('footer')!.textContent ?? ''), null, { timeout: 10_000 });
});

test('Stop on a remote run gives it up at once; the next run works', async () => {
  await editCode(page, SLOW_PROGRAM);
  await page.locator('#run').click();
  await page.waitForTimeout(1000);
  const t0 = Date.now();
  await page.locator('#stop').click();
  await page.waitForFunction(() => !document.querySelector('sb-app')!.shadowRoot!.querySelector<HTMLButtonElement>('#run')!.disabled, null, { timeout: 5000 });
  const stopMs = Date.now() - t0;
  assert.ok(stopMs < 2000, `Stop took ${stopMs} ms`);
  assert.match(await footer(page), /Stopped/);
  // the second worker takes the next run while the first finishes the given-up one
  await editCode(page, n1Program());
  await runAndWait(page);
  await backToBlocks(page);
});

test('choosing another backend during a server run ends that run as stopped; the app stays usable', async () => {
  await editCode(page, SLOW_PROGRAM);
  await page.locator('#run').click();
  await page.waitForTimeout(800);
  await page.locator('#backend').click();
  await page.locator('sb-backend-settings input[value="local"]').check();
  await page.locator('sb-backend-settings #use').click();
  await page.waitForFunction(() => !document.querySelector('sb-app')!.shadowRoot!.querySelector<HTMLButtonElement>('#run')!.disabled, null, { timeout: 3000 });
  assert.match(await footer(page), /Stopped/);
  assert.match(await page.locator('#backend').innerText(), /This browser/);
  // and back to the server for the tests after this one
  await page.locator('#backend').click();
  await page.locator('sb-backend-settings input[value="nest-server"]').check();
  await page.locator('sb-backend-settings #server-url').fill(nest.url);
  await page.locator('sb-backend-settings #server-token').fill(nest.token);
  await page.locator('sb-backend-settings #use').click();
  await backToBlocks(page);
});

test('the server stopped mid-run: a clear message and the offer to run here, not a hang', async () => {
  const doomed = await startNestServer();
  try {
    await page.locator('#backend').click();
    await page.locator('sb-backend-settings #server-url').fill(doomed.url);
    await page.locator('sb-backend-settings #server-token').fill(doomed.token);
    await page.locator('sb-backend-settings #use').click();
    await page.waitForFunction(() => document.body.dataset.remoteReady === '1');
    await editCode(page, ['import nest', 'nest.ResetKernel()', 'n = nest.Create("iaf_psc_alpha", 2000)', 'nest.Simulate(100000.0)', 'response = {}', ''].join('\n'));
    await page.locator('#run').click();
    await page.waitForTimeout(1500);
    await doomed.stop();
    await page.locator('#notice-action', { hasText: 'Run in this browser' }).waitFor({ timeout: 15_000 });
    assert.match(await footer(page), /could not be reached, or dropped the connection/);
    assert.equal(await page.locator('#run').isDisabled(), false);
  } finally {
    await doomed.stop();
    await backToBlocks(page).catch(() => undefined);
  }
  assert.deepEqual(foreignRequests, [], 'nothing left this machine');
});

test('Jupyter: chosen in the settings, the first example runs in a real kernel and is plotted; leaving shuts the kernel down', async () => {
  await page.locator('#backend').click();
  await page.locator('sb-backend-settings input[value="jupyter"]').check();
  await page.locator('sb-backend-settings #server-url').fill(gateway.url);
  // a wrong token: the gateway's 401 has no CORS header, so the page cannot read it: the message
  // names both things to check
  await page.locator('sb-backend-settings #server-token').fill('wrong');
  await page.locator('sb-backend-settings #check').click();
  await page.locator('sb-backend-settings .status.failed').waitFor({ timeout: 30_000 });
  assert.match(await page.locator('sb-backend-settings .status').innerText(), /Is the token right, and does it allow this page's address, http:\/\/127\.0\.0\.1:\d+\? \(allow_origin\)/);
  // Jupyter's own printed address carries the token: pasting it fills the token field
  await page.locator('sb-backend-settings #server-url').fill(`${gateway.url}/lab?token=${gateway.token}`);
  assert.equal(await page.locator('sb-backend-settings #server-token').inputValue(), gateway.token);
  await page.locator('sb-backend-settings #check').click();
  await page.locator('sb-backend-settings .status.ok').waitFor({ timeout: 60_000 });
  await page.locator('sb-backend-settings #use').click();
  assert.match(await page.locator('#backend').innerText(), /Jupyter/);
  await runAndWait(page);
  const drawn = (await page.evaluate(`(() => {
    const results = document.querySelector('sb-app').shadowRoot.querySelector('sb-results').shadowRoot;
    return { spikes: results.querySelector('sb-raster')?.chart?.data[0].length ?? -1, samples: results.querySelector('sb-traces')?.chart?.data[0].length ?? -1 };
  })()`)) as { spikes: number; samples: number };
  assert.ok(drawn.spikes >= 10 && drawn.spikes <= 70, `spikes drawn: ${drawn.spikes}`);
  assert.equal(drawn.samples, 9990);
  const kernels = async () => (await (await fetch(`${gateway.url}/api/kernels?token=${gateway.token}`)).json()) as unknown[];
  assert.equal((await kernels()).length, 1);
  // the learner leaves: the page's kernel is shut down (keepalive request on pagehide)
  await page.goto('about:blank');
  const deadline = Date.now() + 10_000;
  while ((await kernels()).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  assert.deepEqual(await kernels(), []);
});

test("a server that does not allow this page's address (CORS) is named with the setting to change", async () => {
  await page.goto(app.url);
  await page.waitForFunction(() => document.body.dataset.editorReady === '1');
  const strict = await startNestServer({ env: { NEST_SERVER_CORS_ORIGINS: 'https://school.example' } });
  try {
    await page.locator('#backend').click();
    await page.locator('sb-backend-settings input[value="nest-server"]').check();
    await page.locator('sb-backend-settings #server-url').fill(strict.url);
    await page.locator('sb-backend-settings #server-token').fill(strict.token);
    await page.locator('sb-backend-settings #check').click();
    await page.locator('sb-backend-settings .status.failed').waitFor({ timeout: 15_000 });
    assert.match(await page.locator('sb-backend-settings .status').innerText(), /could not be reached.*Does it allow this page's address, http:\/\/127\.0\.0\.1:\d+\? \(NEST_SERVER_CORS_ORIGINS\)/s);
    await page.locator('sb-backend-settings #cancel').click();
  } finally {
    await strict.stop();
  }
});
