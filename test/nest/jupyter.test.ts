// The Jupyter client (src/remote/jupyter.ts) against a real Jupyter Kernel Gateway from the
// project's venv (jupyter-kernel-gateway 3.0.1, ipykernel 7.4, real NEST 3.10 in the kernel),
// started here on a free port with a token, and stopped afterwards.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ServerError } from '../../src/remote/backend';
import { createBackend } from '../../src/remote/index';
import { JupyterClient } from '../../src/remote/jupyter';
import { freePort } from '../lib/free-port.mjs';
import { startKernelGateway, type KernelGatewayProcess } from '../lib/jupyter-gateway';
import { runLocalSim } from '../lib/python';
import { N1_SPIKE_TIMES, N1_VM, n1Program, printedMismatch, valueAt } from '../lib/reference-cases';

let gateway: KernelGatewayProcess;
let dir: string;
const clients: JupyterClient[] = [];

/** A client of the test gateway, disposed after the tests if a test did not. */
function client(options: { token?: string; timeoutMs?: number } = {}): JupyterClient {
  const c = new JupyterClient({ url: gateway.url, token: gateway.token, ...options });
  clients.push(c);
  return c;
}

/** The kernels the gateway runs now (listing is switched on in test/lib/jupyter-gateway.ts). */
async function kernelIds(): Promise<string[]> {
  const reply = await fetch(`${gateway.url}/api/kernels`, { headers: { Authorization: `token ${gateway.token}` } });
  assert.equal(reply.status, 200);
  return ((await reply.json()) as { id: string }[]).map((k) => k.id);
}

/** Waits (bounded) until the gateway runs exactly `count` kernels: shutdowns take a moment. */
async function kernelsSettleAt(count: number, ms = 15_000): Promise<string[]> {
  const deadline = Date.now() + ms;
  for (;;) {
    const ids = await kernelIds();
    if (ids.length === count || Date.now() > deadline) return ids;
    await new Promise((r) => setTimeout(r, 200));
  }
}

before(async () => {
  console.debug = () => {}; // @jupyterlab/services' "Starting WebSocket" lines
  gateway = await startKernelGateway();
  dir = mkdtempSync(join(tmpdir(), 'spikeblocks-jupyter-test-'));
});

after(async () => {
  await Promise.all(clients.map((c) => c.dispose().catch(() => {})));
  await gateway?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('health: the gateway answers with its server version and has the venv kernel', async () => {
  const info = await client().health();
  assert.equal(info.version, '2.21.1'); // jupyter_server, pinned in test/python/requirements.txt
  assert.match(info.summary, /Python 3 \(Spikeblocks venv\)/);
  assert.equal((await kernelIds()).length, 0, 'health starts no kernel');
});

test('reference case N1 on a Jupyter kernel gives the values of cases.md', async () => {
  const c = client();
  const result = await c.run(n1Program());
  assert.ok(result.ok, JSON.stringify(result));
  const [spikes, vm] = (result.response as { events: { times: number[]; V_m: number[]; senders: number[] }[] }).events;
  assert.deepEqual(spikes.times, N1_SPIKE_TIMES);
  assert.deepEqual(spikes.senders, [1]); // a NodeCollection's events arrive as plain lists
  assert.equal(vm.V_m.length, 79);
  const wrong = N1_VM.map(([t, digits]) => printedMismatch(valueAt(vm.times, vm.V_m, t), digits, `V_m(${t})`)).filter(Boolean);
  assert.deepEqual(wrong, []);
  // real NEST prints its banner on import: stdout is the program's output
  assert.match(result.stdout, /N E S T/);
  // a second run on the same kernel starts from fresh globals but the same NEST
  const again = await c.run('response = {"had_neuron": "neuron" in globals(), "nest_loaded": __import__("sys").modules.get("nest") is not None}\n');
  assert.ok(again.ok, JSON.stringify(again));
  assert.deepEqual(again.response, { had_neuron: false, nest_loaded: true });
  await c.dispose();
});

test('dispose shuts the kernel down', async () => {
  assert.deepEqual(await kernelsSettleAt(0), []);
  const c = client();
  assert.ok((await c.run('response = {"x": 1}\n')).ok);
  assert.equal((await kernelIds()).length, 1);
  await c.dispose();
  assert.deepEqual(await kernelIds(), []);
});

test('a Python error comes back with its type and the line in the program (deepest frame)', async () => {
  const c = client();
  // line 4 is inside the function the program calls at line 6
  const result = await c.run('import nest\n\ndef rate(n):\n    return 10 / n\n\nx = rate(0)\nresponse = {}\n');
  assert.equal(result.ok, false);
  if (result.ok) return;
  assert.equal(result.error.type, 'ZeroDivisionError');
  assert.equal(result.error.message, 'division by zero');
  assert.equal(result.error.line, 4);
  assert.doesNotMatch(result.error.traceback, /\x1b\[/, 'no ANSI colour codes');
  assert.match(result.error.traceback, /----> 4\s+return 10 \/ n/);
  // an error NEST raises, at the learner's line (not a line of NEST's own files)
  const nestError = await c.run('import nest\nnest.ResetKernel()\nn = nest.Create("no_such_model")\nresponse = {}\n');
  assert.equal(nestError.ok, false);
  if (nestError.ok) return;
  assert.equal(nestError.error.type, 'UnknownModelName');
  assert.equal(nestError.error.line, 3);
  // a syntax error: its line, and the message without the hidden cell file's name
  const syntax = await c.run('x = 1\ny = (\n');
  assert.equal(syntax.ok, false);
  if (syntax.ok) return;
  assert.equal(syntax.error.type, 'SyntaxError');
  assert.equal(syntax.error.line, 2);
  assert.doesNotMatch(syntax.error.message, /\.py/);
  await c.dispose();
});

test('a program that sets no response, or one that cannot be sent, is a failed run', async () => {
  const c = client();
  const missing = await c.run('x = 1\nprint("hello")\n');
  assert.equal(missing.ok, false);
  if (missing.ok) return;
  assert.equal(missing.error.type, 'NameError');
  assert.match(missing.error.message, /did not set `response`/);
  assert.equal(missing.stdout, 'hello\n');
  const numpy = await c.run('import numpy as np\nresponse = {"a": np.arange(3), "b": np.float64("nan"), "c": (1, 2.5), "d": np.int64(7)}\n');
  assert.ok(numpy.ok, JSON.stringify(numpy));
  assert.deepEqual(numpy.response, { a: [0, 1, 2], b: null, c: [1, 2.5], d: 7 });
  const bad = await c.run('response = {"f": object()}\n');
  assert.equal(bad.ok, false);
  if (bad.ok) return;
  assert.equal(bad.error.type, 'TypeError');
  assert.match(bad.error.message, /response contains a object/);
  await c.dispose();
});

test('a wrong token, no token and a server that is not there are told apart', async () => {
  for (const token of ['wrong', undefined]) {
    const refused = client({ token });
    await assert.rejects(refused.run('response = {}\n'), (e: unknown) => e instanceof ServerError && e.problem === 'token' && /refused the access token/.test(e.message));
    await assert.rejects(refused.health(), (e: unknown) => e instanceof ServerError && e.problem === 'token');
  }
  const gone = new JupyterClient({ url: `http://127.0.0.1:${await freePort()}`, token: 'x', timeoutMs: 5000 });
  await assert.rejects(gone.run('response = {}\n'), (e: unknown) => e instanceof ServerError && e.problem === 'unreachable' && /run the program locally/.test(e.message));
});

test('Stop interrupts a running program: KeyboardInterrupt at its line, and the kernel carries on', async () => {
  const c = client();
  assert.ok((await c.run('response = {}\n')).ok);
  const [kernel] = await kernelIds();
  const running = c.run('import time\nfor i in range(600):\n    time.sleep(0.05)\nresponse = {}\n');
  await new Promise((r) => setTimeout(r, 1500));
  const pressed = performance.now();
  await c.stop();
  const result = await running;
  assert.ok(performance.now() - pressed < 2500, 'the interrupt, not the replacement, ended it');
  assert.equal(result.ok, false);
  if (result.ok) return;
  assert.equal(result.error.type, 'KeyboardInterrupt');
  assert.equal(result.error.line, 3);
  const next = await c.run('response = {"after": 1}\n');
  assert.ok(next.ok, JSON.stringify(next));
  assert.deepEqual(await kernelIds(), [kernel], 'the same kernel ran the next program');
  await c.dispose();
});

test('Stop during nest.Simulate (which ignores SIGINT) replaces the kernel; the next run works', async () => {
  const c = client();
  const running = c.run('import nest\nnest.ResetKernel()\nn = nest.Create("iaf_psc_alpha", 2000)\nnest.Connect(n, n, {"rule": "fixed_indegree", "indegree": 10})\nnest.Simulate(1e6)\nresponse = {}\n');
  await new Promise((r) => setTimeout(r, 2500));
  await c.stop();
  const result = await running;
  assert.equal(result.ok, false);
  if (result.ok) return;
  assert.equal(result.error.type, 'KeyboardInterrupt');
  assert.match(result.error.message, /replaced by a new one/);
  const next = await c.run(n1Program());
  assert.ok(next.ok, JSON.stringify(next));
  await c.dispose();
});

test('a kernel that dies during a run: kernel-died for that run, the next run works', async () => {
  const c = client();
  await assert.rejects(c.run('import os\nos._exit(3)\n'), (e: unknown) => e instanceof ServerError && e.problem === 'kernel-died' && /died during the run/.test(e.message));
  const next = await c.run('response = {"alive": True}\n');
  assert.ok(next.ok, JSON.stringify(next));
  assert.deepEqual(next.response, { alive: true });
  await c.dispose();
});

test('a run longer than timeoutMs is a timeout, and the next run gets a fresh kernel', async () => {
  const c = client({ timeoutMs: 3000 });
  await assert.rejects(c.run('import time\ntime.sleep(30)\nresponse = {}\n'), (e: unknown) => e instanceof ServerError && e.problem === 'timeout');
  const next = await c.run('response = {"ok": 1}\n');
  assert.ok(next.ok, JSON.stringify(next));
  await c.dispose();
});

test('the gateway stopped mid-run is a ServerError, not a hang', async () => {
  const own = await startKernelGateway();
  try {
    const c = new JupyterClient({ url: own.url, token: own.token, timeoutMs: 60_000 });
    assert.ok((await c.run('response = {}\n')).ok);
    const running = c.run('import time\ntime.sleep(60)\nresponse = {}\n');
    let endedAt = 0;
    const outcome = assert.rejects(
      running.finally(() => (endedAt = performance.now())),
      (e: unknown) => e instanceof ServerError && e.problem === 'unreachable',
    );
    await new Promise((r) => setTimeout(r, 1000));
    const stopped = performance.now();
    await own.stop();
    await outcome;
    assert.ok(endedAt - stopped < 10_000, `the run ended ${endedAt - stopped} ms after the gateway was stopped`);
    await c.dispose(); // the server is gone: dispose must still return
  } finally {
    await own.stop();
  }
});

test('a gateway at its kernel limit is busy (not a refused token); the first learner runs on', async () => {
  const small = await startKernelGateway({ args: ['--KernelGatewayApp.max_kernels=1'] });
  const first = new JupyterClient({ url: small.url, token: small.token });
  const second = new JupyterClient({ url: small.url, token: small.token });
  try {
    assert.ok((await first.run('response = {"n": 1}\n')).ok);
    await assert.rejects(second.run('response = {}\n'), (e: unknown) => e instanceof ServerError && e.problem === 'busy' && /max_kernels/.test(e.message));
    const again = await first.run('response = {"n": 2}\n');
    assert.deepEqual(again.ok && again.response, { n: 2 });
  } finally {
    await first.dispose();
    await second.dispose();
    await small.stop();
  }
});

test('createBackend makes each remote client; local is the app\'s', () => {
  assert.equal(createBackend({ kind: 'jupyter', url: 'http://127.0.0.1:1', token: '' }).kind, 'jupyter');
  assert.equal(createBackend({ kind: 'nest-server', url: 'http://127.0.0.1:1', token: '' }).kind, 'nest-server');
  assert.equal(createBackend({ kind: 'norse-server', url: 'http://127.0.0.1:1', token: '' }).kind, 'norse-server');
  assert.throws(() => createBackend({ kind: 'local', url: '', token: '' }), /LocalEngine/);
});

test('npm run sim --backend jupyter: N1 on the kernel equals the local engine value by value; the kernel is shut down', async () => {
  const file = join(dir, 'n1.py');
  writeFileSync(file, n1Program());
  const remote = JSON.parse((await runLocalSim(file, ['--backend', `jupyter=${gateway.url}`, '--token', gateway.token])).stdout);
  const local = JSON.parse((await runLocalSim(file)).stdout);
  assert.deepEqual(remote.events[0], local.events[0]); // the spike
  const [r, l] = [remote.events[1], local.events[1]];
  assert.deepEqual(r.times, l.times);
  assert.equal(r.V_m.length, 79);
  r.V_m.forEach((v: number, i: number) => assert.ok(Math.abs(v - l.V_m[i]) <= 1e-9 * Math.abs(v), `V_m[${i}]: kernel ${v}, local ${l.V_m[i]}`));
  assert.deepEqual(await kernelsSettleAt(0), [], 'sim shut its kernel down');
  // a program error: exit 1 with the line; the kernel is shut down too
  const broken = join(dir, 'broken.py');
  writeFileSync(broken, 'import nest\nx = 1 / 0\nresponse = {}\n');
  await assert.rejects(runLocalSim(broken, ['--backend', `jupyter=${gateway.url}`, '--token', gateway.token]), (e: { code?: number; stderr?: string }) => e.code === 1 && /line 2: ZeroDivisionError/.test(e.stderr ?? ''));
  // --timeout: exit 124, and the kernel is shut down
  const slow = join(dir, 'slow.py');
  writeFileSync(slow, 'import time\ntime.sleep(30)\nresponse = {}\n');
  await assert.rejects(runLocalSim(slow, ['--backend', `jupyter=${gateway.url}`, '--token', gateway.token, '--timeout', '2']), (e: { code?: number }) => e.code === 124);
  assert.deepEqual(await kernelsSettleAt(0), [], 'sim shut its kernel down after the timeout');
  // a refused token is exit status 3 with the reason
  await assert.rejects(runLocalSim(file, ['--backend', `jupyter=${gateway.url}`, '--token', 'wrong']), (e: { code?: number; stderr?: string }) => e.code === 3 && /refused the access token/.test(e.stderr ?? ''));
});
