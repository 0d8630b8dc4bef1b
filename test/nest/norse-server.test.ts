// The Norse Server client (src/remote/norse-server.ts). The real Norse Server is not installable
// here (it is not on PyPI), so it runs against test/python/norse_server_standin.py, which speaks
// the same documented protocol and runs the real Python it is sent.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { NorseServerClient } from '../../src/remote/norse-server';
import { createBackend, ServerError } from '../../src/remote/index';
import { freePort } from '../lib/free-port.mjs';
import { lifParameters, programHead } from '../lib/norse';
import { venvPython } from '../lib/python';

let server: ChildProcess;
let url: string;

before(async () => {
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  server = spawn(venvPython(), [resolve(import.meta.dirname, '../python/norse_server_standin.py'), String(port)], { stdio: 'ignore' });
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      await fetch(url);
      return;
    } catch {
      if (Date.now() > deadline) throw new Error('the Norse Server stand-in did not start');
      await new Promise((r) => setTimeout(r, 200));
    }
  }
});

after(() => server?.kill());

test('health reads the Norse version; createBackend makes the same client', async () => {
  const info = await new NorseServerClient({ url }).health();
  assert.ok(info.version && info.summary.startsWith(`Norse ${info.version} on ${url}`), info.summary);
  assert.equal(createBackend({ kind: 'norse-server', url, token: '' }).label, `Norse Server at ${url}`);
});

test('a program runs with its import lines commented out and gives back response and stdout', async () => {
  const result = await new NorseServerClient({ url }).run('import torch\nx = [i * i for i in range(4)]\nprint("hi")\nresponse = {"x": x}\n');
  assert.ok(result.ok, JSON.stringify(result));
  assert.deepEqual(result.response, { x: [0, 1, 4, 9] });
  assert.equal(result.stdout, 'hi\n');
});

test('a Python error comes back with its type and line', async () => {
  const result = await new NorseServerClient({ url }).run('a = 1\nb = [1, 2]\nc = b[5]\nresponse = {}\n');
  assert.equal(result.ok, false);
  if (!result.ok) assert.deepEqual([result.error.type, result.error.line, result.error.message], ['IndexError', 3, 'list index out of range']);
});

test('no server at the address: unreachable, with the offer to run locally', async () => {
  const gone = new NorseServerClient({ url: `http://127.0.0.1:${await freePort()}`, timeoutMs: 3000 });
  await assert.rejects(gone.run('response = {}'), (e: unknown) => e instanceof ServerError && e.problem === 'unreachable' && /Norse Server at .* run the program locally/.test(e.message));
});

// R1 (cases.md): LIF with default parameters on torch.ones(12, 1) spikes at steps 5, 8 and 11.
const R1_NORSE_PROGRAM = `${programHead(1)}
x1 = torch.ones(12, 1)
lif1 = norse.LIF(p=${lifParameters()}, record_states=True, dt=dt)
z1, s1 = lif1(x1)
response = {"spikes": z1.detach().tolist(), "v": s1.v.detach().tolist()}
`;

test('a generated Norse program (import norse.torch as norse) runs on the server as written, R1 spikes at 5, 8, 11', async () => {
  // As sent unchanged, the server's commented-out import leaves its injected `norse`, which has no LIF.
  const raw = await fetch(`${url}/exec`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ source: R1_NORSE_PROGRAM, return: 'response' }) });
  assert.equal(raw.status, 400);
  assert.match(((await raw.json()) as { message: string }).message, /^AttributeError at line 2?\d: .*LIF/);

  const result = await new NorseServerClient({ url }).run(R1_NORSE_PROGRAM);
  assert.ok(result.ok, JSON.stringify(result));
  const { spikes, v } = result.response as { spikes: number[][]; v: number[][] };
  assert.deepEqual(spikes.flatMap(([z], t) => (z === 1 ? [t] : [])), [5, 8, 11]);
  assert.equal(v[0][0], Math.fround(0.1));
});

test('an error after the adapted import lines keeps its line number', async () => {
  const result = await new NorseServerClient({ url }).run('import torch\nimport norse.torch as norse\nfrom norse.torch import LIF, LI as Leaky\nx = torch.ones(2)\ny = x[5]\nresponse = {}\n');
  assert.equal(result.ok, false);
  if (!result.ok) assert.deepEqual([result.error.type, result.error.line], ['IndexError', 5]);
});
