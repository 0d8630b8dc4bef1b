/**
 * The Norse plugin on real Norse, from the built app in headless Chromium: Norse chosen in the
 * header, its LIF example (blocks/examples/norse-lif.json: 4 neurons, 100 steps, input 2.5 × 0.4
 * = 1, default LIF parameters — reference case R1 of cases.md), run on a real Jupyter Kernel
 * Gateway whose kernel is the venv's Python with Norse 1.1 / PyTorch 2.15, chosen in ⚙. The plots
 * show what real Norse computed (the float32 values of Norse's LIF step done by hand here, and
 * R1's printed digits); Compare finds the same spikes here and there; a Python error in a
 * hand-edited program lands on its line and block; and the same Run through the Norse Server
 * stand-in (test/python/norse_server_standin.py, real Norse behind it), chosen by the page URL.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../lib/chromium';
import { REPO_ROOT, buildApp, startPreview, type RunningServer } from '../lib/servers';
import { startKernelGateway, type KernelGatewayProcess } from '../lib/jupyter-gateway';
import { lifByHand } from '../lib/norse';
import { startNorseServerStandIn, type NorseServerStandIn } from '../lib/norse-server-standin';
import { openExample } from '../lib/examples';

let app: RunningServer;
let gateway: KernelGatewayProcess;
let norseServer: NorseServerStandIn;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const foreignRequests: string[] = [];
const serverRequests: string[] = [];
/** Programs sent to a Jupyter kernel (execute_request messages on the kernel's websocket). */
const kernelPrograms: string[] = [];

const STEPS = 100;
const NEURONS = 4;

before(async () => {
  [gateway, norseServer] = await Promise.all([startKernelGateway(), startNorseServerStandIn(), buildApp('dist-e2e-norse-remote')]);
  app = await startPreview('dist-e2e-norse-remote');
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  // runs only when Run is pressed (live runs go to this browser's engine anyway)
  await context.addInitScript(() => localStorage.setItem('spikeblocks.live', '0'));
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('request', (r) => {
    const { protocol, hostname, host, pathname } = new URL(r.url());
    if (host === new URL(gateway.url).host || host === new URL(norseServer.url).host) serverRequests.push(`${r.method()} ${host === new URL(gateway.url).host ? 'jupyter' : 'norse'} ${pathname}`);
    // offline: every request stays on this machine (the app and the servers this test starts)
    if (!['data:', 'blob:'].includes(protocol) && hostname !== '127.0.0.1') foreignRequests.push(r.url());
  });
  page.on('websocket', (ws) => {
    if (new URL(ws.url()).host !== new URL(gateway.url).host) return;
    ws.on('framesent', ({ payload }) => {
      const text = typeof payload === 'string' ? payload : payload.toString('utf8');
      if (text.includes('"execute_request"')) kernelPrograms.push(text);
    });
  });
  await page.goto(app.url);
  await page.waitForFunction(() => document.body.dataset.editorReady === '1' && document.body.dataset.engineReady === '1', null, { timeout: 60_000 });
});

after(async () => {
  await browser?.close();
  await app?.stop();
  await Promise.all([gateway?.stop(), norseServer?.stop()]);
});

/** R1 by hand (test/lib/norse.ts lifByHand): v after each step and the steps that spike. */
function lifSpikes(steps: number, x: number): { v: number[]; spikeSteps: number[] } {
  const { v, z } = lifByHand(steps, x);
  return { v, spikeSteps: z.flatMap((spike, t) => (spike ? [t] : [])) };
}

const BY_HAND = lifSpikes(STEPS, 1);
// cases.md R1, printed to 7 digits: v after steps 0 … 11 (steps 5, 8, 11 spike)
const R1_V = [0.1, 0.27, 0.487, 0.7335, 0.99631, 0, 0.3951424, 0.7717421, 0, 0.446313, 0.858732, 0];

const sbApp = `document.querySelector('sb-app')`;
const footer = () => page.locator('footer').innerText();

interface Drawn {
  times: number[];
  senders: number[];
  x: number[];
  v: number[][];
  labels: string[];
}

/** What the raster and the trace chart hold now (the arrays uPlot draws). */
function drawn(): Promise<Drawn> {
  return page.evaluate(`(() => {
    const results = ${sbApp}.shadowRoot.querySelector('sb-results').shadowRoot;
    const raster = results.querySelector('sb-raster').chart;
    // the v chart (its y axis names v), else the first trace chart (v comes first)
    const charts = Array.from(results.querySelectorAll('sb-traces'), (t) => t.chart).filter(Boolean);
    const traces = charts.find((c) => /^v\b/.test(c.axes?.[1]?.label ?? '')) ?? charts[0];
    return {
      times: Array.from(raster.data[0]), senders: Array.from(raster.data[1]),
      x: Array.from(traces.data[0]), v: traces.data.slice(1).map((s) => Array.from(s)),
      labels: traces.series.map((s) => s.label),
    };
  })()`) as Promise<Drawn>;
}

/** The plots show real Norse's LIF on input 1 (R1) for 4 neurons over 100 steps. */
async function assertPlotsAreR1(where: string): Promise<void> {
  const d = await drawn();
  // each of the 4 identical neurons spikes after the steps Norse's equations give (5, 8, 11, …),
  // drawn at (step + 1) · dt = step + 1 ms
  const expectedTimes = BY_HAND.spikeSteps.map((s) => s + 1);
  assert.deepEqual(BY_HAND.spikeSteps.slice(0, 3), [5, 8, 11], 'R1: the first spikes are at steps 5, 8, 11');
  for (let n = 0; n < NEURONS; n++) {
    const times = d.times.filter((_, k) => d.senders[k] === n).map((t) => Math.round(t * 1e6) / 1e6);
    assert.deepEqual(times, expectedTimes, `${where}: spike times of neuron ${n} (ms)`);
  }
  assert.equal(d.times.length, NEURONS * BY_HAND.spikeSteps.length, `${where}: spikes drawn`);
  assert.deepEqual(d.x.map((t) => Math.round(t * 1e6) / 1e6), Array.from({ length: STEPS }, (_, k) => k + 1), `${where}: one sample per step, in ms`);
  assert.equal(d.v.length, NEURONS, `${where}: a v trace per neuron (${d.labels.join(', ')})`);
  // float32 values converted to numbers: the very values of Norse's equations, every step
  for (let n = 0; n < NEURONS; n++) {
    const off = d.v[n].flatMap((v, t) => (v === BY_HAND.v[t] ? [] : [`step ${t}: ${v} (by hand ${BY_HAND.v[t]})`]));
    assert.deepEqual(off.slice(0, 5), [], `${where}: v of neuron ${n}`);
  }
  R1_V.forEach((digits, t) => assert.ok(Math.abs(d.v[0][t] - digits) <= 5e-8, `${where}: v after step ${t} is ${d.v[0][t]}, R1 prints ${digits}`));
}

async function runAndWait(): Promise<void> {
  const runs = await page.evaluate(() => Number(document.body.dataset.runCount ?? 0));
  await page.locator('#run').click();
  // runCount counts runs that plotted; a failed run says so in the footer instead
  const plotted = page.waitForFunction((n) => Number(document.body.dataset.runCount ?? 0) > n, runs, { timeout: 60_000 });
  const failed = page.locator('footer .notice.error').waitFor({ timeout: 60_000 }).then(async () => {
    throw new Error(`the run failed: ${await footer()}`);
  });
  await Promise.race([plotted, failed]);
}

async function editCode(code: string): Promise<void> {
  const panel = page.locator('sb-code-panel');
  if ((await panel.locator('textarea').count()) === 0) await panel.locator('button', { hasText: 'Edit' }).click();
  await panel.locator('textarea').fill(code);
}

const generatedCode = () => page.evaluate(`${sbApp}.program.code`) as Promise<string>;

test('Norse and its LIF example, on a Jupyter kernel chosen in ⚙: Run plots what real Norse computed (R1)', async () => {
  await page.locator('#simulator').selectOption('norse');
  await openExample(page, 'norse-lif');
  await page.waitForFunction(`${sbApp}.program.code.includes('z_lif1, s_lif1 = lif1(x1 * 0.4)')`);
  await page.locator('#backend').click();
  await page.locator('sb-backend-settings input[value="jupyter"]').check();
  await page.locator('sb-backend-settings #server-url').fill(gateway.url);
  await page.locator('sb-backend-settings #server-token').fill(gateway.token);
  await page.locator('sb-backend-settings #check').click();
  await page.locator('sb-backend-settings .status.ok').waitFor({ timeout: 30_000 });
  await page.locator('sb-backend-settings #use').click();
  assert.match(await page.locator('#backend').innerText(), /Jupyter/);
  serverRequests.length = 0;
  // the kernel starts and imports torch (2.5-9 s) in this first run
  await runAndWait();
  assert.ok(serverRequests.some((r) => r.startsWith('POST jupyter /api/kernels')), `a kernel was started: ${serverRequests.join(', ')}`);
  assert.ok(!serverRequests.some((r) => r.includes(' norse ')), 'nothing went to the Norse Server');
  // the program the plots come from went to the kernel (the local engine would give the same values)
  assert.ok(kernelPrograms.some((m) => m.includes('z_lif1, s_lif1 = lif1(x1 * 0.4)')), `${kernelPrograms.length} execute requests, none with the program`);
  await assertPlotsAreR1('Jupyter');
  // no error, and not torch's FutureWarning about torch.jit.script that "import norse" prints in
  // the kernel (Norse's own code, not the learner's: the Jupyter backend silences just that one)
  assert.equal(await page.locator('footer .notice.error').count(), 0, await footer());
  assert.doesNotMatch(await footer(), /FutureWarning|jit\.script/);
});

test("the app's kernel is the venv's Python, with Norse 1.1 and PyTorch 2.15", async () => {
  // what the kernel says about itself, printed by the program the app just ran (hand-edited)
  const code = `${await generatedCode()}\nimport sys\nimport importlib.metadata\nprint(sys.executable, torch.__version__, importlib.metadata.version("norse"))\n`;
  await editCode(code);
  await runAndWait();
  const printed = (await page.locator('footer pre').innerText()).trim().split(/\s+/);
  assert.equal(resolve(printed[0]).startsWith(resolve(REPO_ROOT, '.venv')), true, `kernel python ${printed[0]}`);
  assert.deepEqual(printed.slice(1), ['2.15.0+cu132', '1.1.0']);
  // a hand-edited program's response is read without the blocks' recorder list: the same plots
  await assertPlotsAreR1('Jupyter, hand-edited');
  await page.locator('sb-code-panel button', { hasText: 'Back to blocks' }).click();
});

test('Compare: this browser and the Jupyter kernel give the same spikes and the same v for this deterministic program', async () => {
  const compares = await page.evaluate(() => Number(document.body.dataset.compareCount ?? 0));
  await page.locator('#compare').click();
  await page.waitForFunction((n) => Number(document.body.dataset.compareCount ?? 0) > n, compares, { timeout: 60_000 });
  const result = (await page.evaluate(`${sbApp}.shadowRoot.querySelector('sb-compare').result`)) as {
    spikes: { local: number; remote: number; sameSpikes: boolean }[];
    traces: { recordable: string; maxDifference: number | null; compared: number }[];
  };
  const spikes = NEURONS * BY_HAND.spikeSteps.length;
  assert.deepEqual(result.spikes.map((s) => [s.local, s.remote, s.sameSpikes]), [[spikes, spikes, true]]);
  const v = result.traces.find((t) => t.recordable === 'v');
  assert.ok(v, `a v comparison among ${result.traces.map((t) => t.recordable).join(', ')}`);
  assert.equal(v.compared, STEPS * NEURONS);
  assert.equal(v.maxDifference, 0, 'float32 bit for bit');
  const text = (await page.evaluate(`${sbApp}.shadowRoot.querySelector('sb-compare').shadowRoot.textContent`)) as string;
  assert.match(text, /yes, all/);
});

test('a Python error in a hand-edited Norse program on the kernel names its line and marks its block', async () => {
  // x1 becomes a string: the LIF call (a line left as generated) fails there, with real Python's message
  const code = await generatedCode();
  const lines = code.split('\n');
  const xLine = lines.findIndex((l) => l.startsWith('x1 = torch.ones('));
  const callLine = lines.findIndex((l) => l === 'z_lif1, s_lif1 = lif1(x1 * 0.4)') + 1;
  assert.ok(xLine >= 0 && callLine > 0, code);
  lines[xLine] = 'x1 = "2.5"';
  await editCode(lines.join('\n'));
  await page.locator('#run').click();
  await page.waitForFunction(`/TypeError/.test(${sbApp}.shadowRoot.querySelector('footer').textContent)`, null, { timeout: 30_000 });
  assert.match(await footer(), new RegExp(`TypeError \\(line ${callLine}\\): can't multiply sequence by non-int of type 'float'`));
  const lineBlocks = (await page.evaluate(`${sbApp}.program.lineBlocks`)) as (string | null)[];
  assert.equal(lineBlocks[callLine - 1], 'lif1', 'the line is the LIF block\'s');
  const warned = (await page.evaluate(`(() => {
    const ws = ${sbApp}.shadowRoot.querySelector('sb-editor').workspace;
    const icon = ws.getBlockById('lif1').getIcon('warning');
    return icon ? icon.getText() : null;
  })()`)) as string | null;
  assert.match(warned ?? '', /TypeError/);
  await page.locator('sb-code-panel button', { hasText: 'Back to blocks' }).click();
});

test('the same Run through the Norse Server stand-in (real Norse), chosen by ?norse_server_url=', async () => {
  await page.goto(`${app.url}?norse_server_url=${encodeURIComponent(norseServer.url)}`);
  await page.waitForFunction(() => document.body.dataset.editorReady === '1' && document.body.dataset.remoteReady === '1', null, { timeout: 30_000 });
  assert.match(await page.locator('#backend').innerText(), /Norse Server/);
  assert.match(await page.locator('header .engine').innerText(), /^Norse 1\.1\.0 on 127\.0\.0\.1:\d+$/);
  assert.equal(await page.locator('#simulator').inputValue(), 'norse', 'the autosaved Norse project came back');
  // the results of the Jupyter run are gone with the reload: these are the server's
  serverRequests.length = 0;
  await runAndWait();
  assert.deepEqual(serverRequests, ['POST norse /exec']);
  await assertPlotsAreR1('Norse Server');
  assert.deepEqual(pageErrors, []);
  assert.deepEqual(foreignRequests, [], 'nothing left this machine');
});
