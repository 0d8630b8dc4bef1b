// The Norse Server client (src/remote/norse-server.ts). The real Norse Server is not installable
// here (it is not on PyPI), so it runs against test/python/norse_server_standin.py, which speaks
// the same documented protocol and runs the real Python it is sent.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { NorseServerClient } from '../../src/remote/norse-server';
import { createBackend, ServerError } from '../../src/remote/index';
import { freePort } from '../lib/free-port.mjs';
import * as Blockly from 'blockly';
import { registerNorseBlocks } from '../../blocks/norse/index';
import lifExample from '../../blocks/examples/norse-lif.json';
import twoLayerExample from '../../blocks/examples/norse-two-layers.json';
import { generateNorse } from '../../generators/norse';
import { lifParameters, programHead, realNorseResponses } from '../lib/norse';
import { startNorseServerStandIn, type NorseServerStandIn } from '../lib/norse-server-standin';

let server: NorseServerStandIn;
let url: string;

before(async () => {
  server = await startNorseServerStandIn();
  url = server.url;
});

after(() => server?.stop());

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
  // the server names the innermost frame's line, here one in its own subscript guard: past the
  // program's 4 lines, so no line is shown rather than a wrong one
  if (!result.ok) assert.deepEqual([result.error.type, result.error.line, result.error.message], ['IndexError', null, 'list index out of range']);
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
  // As sent unchanged, the server's commented-out import leaves its given `norse`, which has no LIF
  // (under RestrictedPython a missing attribute reads as None, so the call fails)
  const raw = await fetch(`${url}/exec`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ source: R1_NORSE_PROGRAM, return: 'response' }) });
  assert.equal(raw.status, 422);
  assert.deepEqual(await raw.json(), { message: "TypeError at line 8: 'NoneType' object is not callable", lineNumber: 8 });

  const result = await new NorseServerClient({ url }).run(R1_NORSE_PROGRAM);
  assert.ok(result.ok, JSON.stringify(result));
  const { spikes, v } = result.response as { spikes: number[][]; v: number[][] };
  assert.deepEqual(spikes.flatMap(([z], t) => (z === 1 ? [t] : [])), [5, 8, 11]);
  assert.equal(v[0][0], Math.fround(0.1));
});

test('an error after the adapted import lines keeps its line number', async () => {
  const result = await new NorseServerClient({ url }).run('import torch\nimport norse.torch as norse\nfrom norse.torch import LIF, LI as Leaky\nx = torch.ones(2)\ny = x + undefined_name\nresponse = {}\n');
  assert.equal(result.ok, false);
  if (!result.ok) assert.deepEqual([result.error.type, result.error.line, result.error.message], ['NameError', 5, "name 'undefined_name' is not defined"]);
});

// ---- the examples, generated from their blocks, under the server's RestrictedPython ----------

function exampleProgram(json: unknown): string {
  const ws = new Blockly.Workspace();
  Blockly.serialization.workspaces.load(json as Record<string, unknown>, ws);
  const g = generateNorse(ws);
  assert.deepEqual(g.problems, []);
  return g.code;
}

test('both Norse examples, generated from their blocks, run on the server (RestrictedPython) with real Norse\'s own results', async () => {
  registerNorseBlocks();
  const programs = { lif: exampleProgram(lifExample), twoLayers: exampleProgram(twoLayerExample) };
  const direct = await realNorseResponses(programs, { threads: 1 });
  for (const [name, code] of Object.entries(programs)) {
    const result = await new NorseServerClient({ url }).run(code);
    assert.ok(result.ok, `${name}: ${JSON.stringify(result)}`);
    // the same seed and the same real Norse: the same numbers as the program run directly
    assert.deepEqual(result.response, direct[name], name);
  }
});

test('writing into a tensor (a step input) is refused by RestrictedPython: the message says how to allow it', async () => {
  const code = `${programHead(1)}\nx1 = torch.zeros(10, 1)\nx1[2:5] = 1.0\nresponse = {"x": x1.detach().tolist()}\n`;
  const result = await new NorseServerClient({ url }).run(code);
  assert.equal(result.ok, false);
  if (!result.ok) {
    assert.equal(result.error.line, 8);
    assert.match(result.error.message, /NORSE_SERVER_DISABLE_RESTRICTION=true, or run on Jupyter or in this browser/);
  }
});
