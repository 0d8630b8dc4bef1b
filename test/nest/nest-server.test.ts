// The NEST Server client (src/remote/nest-server.ts) against a real `nest-server` from the
// project's venv (nest-simulator 3.10), started here on a free port with exec enabled, a token and
// RestrictedPython on (its default), and stopped afterwards.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import * as Blockly from 'blockly';
import { registerNestBlocks } from '../../blocks/nest/index';
import { generateNest } from '../../generators/nest';
import { NestServerClient, ServerError } from '../../src/remote/nest-server';
import { freePort } from '../lib/free-port.mjs';
import { SLOW_PROGRAM, startNestServer, type NestServerProcess } from '../lib/nest-server';
import { runLocalSim } from '../lib/python';
import { N1_SPIKE_TIMES, N1_VM, n1Program, printedMismatch, valueAt } from '../lib/reference-cases';

let server: NestServerProcess;
let TOKEN: string;
let url: string;
let dir: string;

before(async () => {
  server = await startNestServer();
  ({ url, token: TOKEN } = server);
  dir = mkdtempSync(join(tmpdir(), 'spikeblocks-nest-server-test-'));
});

after(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('health: the server names its NEST version and lists its models', async () => {
  const info = await new NestServerClient({ url, token: TOKEN }).health();
  assert.equal(info.version, '3.10.0');
  assert.equal(info.summary, `NEST 3.10.0 on ${url}`);
  // every model our blocks offer is there, and devices too
  for (const model of ['iaf_psc_alpha', 'hh_psc_alpha', 'aeif_cond_alpha', 'poisson_generator', 'spike_recorder', 'multimeter']) {
    assert.ok(info.models?.includes(model), model);
  }
});

test('reference case N1 run on NEST Server gives the values of cases.md', async () => {
  const result = await new NestServerClient({ url, token: TOKEN }).run(n1Program());
  assert.ok(result.ok, JSON.stringify(result));
  const [spikes, vm] = (result.response as { events: { times: number[]; V_m: number[] }[] }).events;
  assert.deepEqual(spikes.times, N1_SPIKE_TIMES);
  const wrong = N1_VM.map(([t, digits]) => printedMismatch(valueAt(vm.times, vm.V_m, t), digits, `V_m(${t})`)).filter(Boolean);
  assert.deepEqual(wrong, []);
});

test('the generated code of the first example passes RestrictedPython and runs there', async () => {
  registerNestBlocks();
  const ws = new Blockly.Workspace();
  Blockly.serialization.workspaces.load(JSON.parse(readFileSync(resolve(import.meta.dirname, '../../blocks/examples/first-example.json'), 'utf8')), ws);
  const { code } = generateNest(ws);
  const result = await new NestServerClient({ url, token: TOKEN }).run(code);
  assert.ok(result.ok, JSON.stringify(result));
  const response = result.response as { events: { times: number[]; V_m?: number[] }[]; biological_time: number };
  assert.equal(response.biological_time, 1000);
  // NEST 3.10 gives 21–45 spikes over seeds for this network (test/nest/first-example.test.ts)
  assert.ok(response.events[0].times.length >= 10 && response.events[0].times.length <= 70);
  // samples every 0.1 ms at 0.1 … 1000.0, less the last min_delay slice (delay 1 ms: 10 samples)
  assert.equal(response.events[1].V_m?.length, 9990);
});

test('a Python error comes back as a failed run with its type and line', async () => {
  const result = await new NestServerClient({ url, token: TOKEN }).run('import nest\nx = 1\ny = x / 0\nresponse = {}\n');
  assert.equal(result.ok, false);
  if (result.ok) return;
  assert.equal(result.error.type, 'ZeroDivisionError');
  assert.equal(result.error.line, 3);
  assert.match(result.error.message, /division by zero/);
});

test('a wrong token, no token and a server that is not there are told apart', async () => {
  const refused = (token?: string) => new NestServerClient({ url, token }).run('response = {}\n');
  for (const token of ['wrong', undefined]) {
    await assert.rejects(refused(token), (e: unknown) => e instanceof ServerError && e.problem === 'token' && /refused the access token/.test(e.message));
  }
  const gone = new NestServerClient({ url: `http://127.0.0.1:${await freePort()}`, token: TOKEN, timeoutMs: 5000 });
  await assert.rejects(gone.health(), (e: unknown) => e instanceof ServerError && e.problem === 'unreachable' && /run the program locally/.test(e.message));
});

test('npm run sim --backend nest-server: N1 on the server equals the local engine value by value', async () => {
  const file = join(dir, 'n1.py');
  writeFileSync(file, n1Program());
  const remote = JSON.parse((await runLocalSim(file, ['--backend', `nest-server=${url}`, '--token', TOKEN])).stdout);
  const local = JSON.parse((await runLocalSim(file)).stdout);
  assert.deepEqual(remote.events[0], local.events[0]); // the spike
  const [r, l] = [remote.events[1], local.events[1]];
  assert.deepEqual(r.times, l.times);
  assert.equal(r.V_m.length, 79);
  r.V_m.forEach((v: number, i: number) => assert.ok(Math.abs(v - l.V_m[i]) <= 1e-9 * Math.abs(v), `V_m[${i}]: server ${v}, local ${l.V_m[i]}`));
  // a refused token is exit status 3 with the reason
  await assert.rejects(runLocalSim(file, ['--backend', `nest-server=${url}`, '--token', 'wrong']), (e: { code?: number; stderr?: string }) => e.code === 3 && /refused the access token/.test(e.stderr ?? ''));
});


test("a run longer than the server's worker timeout is told apart from a server that went away", async () => {
  const strict = await startNestServer({ timeoutS: 2 });
  try {
    const client = new NestServerClient({ url: strict.url, token: strict.token });
    const t0 = performance.now();
    await assert.rejects(client.run(SLOW_PROGRAM), (e: unknown) => e instanceof ServerError && e.problem === 'too-long' && /worker timeout \(NEST_SERVER_TIMEOUT/.test(e.message));
    const ms = performance.now() - t0;
    assert.ok(ms >= 2000 && ms < 9000, `gave up after ${ms} ms`);
    // gunicorn started a fresh worker: the next run works
    const next = await client.run('response = {"ok": 1}\n');
    assert.deepEqual(next.ok && next.response, { ok: 1 });
  } finally {
    await strict.stop();
  }
});

test('the server stopped mid-run: an unreachable-server error within seconds, not a hang', async () => {
  const doomed = await startNestServer();
  try {
    const client = new NestServerClient({ url: doomed.url, token: doomed.token });
    const run = client.run(SLOW_PROGRAM);
    await new Promise((r) => setTimeout(r, 1500));
    const stoppedAt = performance.now();
    await doomed.stop();
    await assert.rejects(run, (e: unknown) => e instanceof ServerError && e.problem === 'unreachable' && /could not be reached, or dropped the connection/.test(e.message));
    assert.ok(performance.now() - stoppedAt < 8000);
  } finally {
    await doomed.stop();
  }
});

test('Stop gives a remote run up at once; the run resolves as stopped', async () => {
  const client = new NestServerClient({ url, token: TOKEN });
  const run = client.run(SLOW_PROGRAM);
  await new Promise((r) => setTimeout(r, 500));
  const t0 = performance.now();
  await client.stop();
  const result = await run;
  assert.ok(performance.now() - t0 < 200);
  assert.equal(result.ok, false);
  if (!result.ok) assert.equal(result.error.type, 'KeyboardInterrupt');
});
