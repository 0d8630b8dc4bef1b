/**
 * How a run fails and how Stop works, through the full local path (Pyodide in Node).
 * Expected NEST texts come from real NEST 3.10.0 (/tmp/probe-venv/bin/python).
 *
 * Run: node --import tsx --test test/node/facade-errors.test.ts
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { loadNodeRuntime } from '../../src/cli/node-runtime';
import { NestKernel } from '../../workers/engine/nest/kernel';
import { SIGINT, forTransfer, type SimRuntime } from '../../workers/runtime';
import type { RunResult } from '../../workers/api';

/** The kernel, remembering the arrays it hands out (to check they come back uncopied). */
class WatchedKernel extends NestKernel {
  handedOut: Float64Array[] = [];
  override events(id: number) {
    const events = super.events(id);
    this.handedOut.push(...Object.values(events));
    return events;
  }
}

const interrupt = new SharedArrayBuffer(1);
const kernel = new WatchedKernel();
let runtime: SimRuntime;
before(async () => {
  runtime = await loadNodeRuntime({ kernel, interruptBuffer: interrupt });
});

function failed(result: RunResult) {
  assert.equal(result.ok, false, 'the run should fail');
  if (result.ok) throw new Error('unreachable');
  return result.error;
}

/** Press Stop after `ms` from another thread: this thread is busy inside Python meanwhile. */
function stopAfter(ms: number): Worker {
  return new Worker(
    `const { workerData } = require('node:worker_threads');
     const flag = new Uint8Array(workerData.buffer);
     Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.ms);
     Atomics.store(flag, 0, workerData.signal);`,
    { eval: true, workerData: { buffer: interrupt, ms, signal: SIGINT } },
  );
}

test('a Python error reports the line of the program where it failed', () => {
  const error = failed(runtime.run('import nest\nx = 1\ny = x + undefined_name\nresponse = {}\n'));
  assert.equal(error.type, 'NameError');
  assert.equal(error.line, 3);
  assert.match(error.message, /undefined_name/);
  assert.match(error.traceback, /File "program.py", line 3/);
});

test('the line is the deepest frame in the program, and the traceback stays in the program', () => {
  const code = [
    'import nest',
    'def build():',
    '    return nest.Create("iaf_psc_alpha", params={"C_m": -1.0})',
    'nest.ResetKernel()',
    'build()',
    'response = {}',
  ].join('\n');
  const error = failed(runtime.run(code));
  assert.equal(error.line, 3);
  assert.match(error.traceback, /line 5, in <module>[\s\S]*line 3, in build/);
  assert.doesNotMatch(error.traceback, /spikeblocks|_bridge|_nodes|__init__/, 'no facade frames');
});

test('a NEST error keeps NEST 3.10 class and text', () => {
  const error = failed(
    runtime.run('import nest\nnest.ResetKernel()\nnest.Create("iaf_psc_alpha", params={"C_m": -1.0})\n'),
  );
  assert.equal(error.type, 'BadProperty');
  // Real NEST 3.10.0 text for the same call (node 1 after ResetKernel).
  assert.equal(error.message, "Setting status of a 'iaf_psc_alpha' with node ID 1: Capacitance must be > 0.");
  assert.equal(error.line, 3);
  assert.match(error.traceback, /NESTErrors\.BadProperty: Setting status/);
});

test('NEST errors are catchable by NEST class names, with KernelException as base', () => {
  const result = runtime.run(`import nest
nest.ResetKernel()
caught = []
for call in (lambda: nest.Create("no_such_model"),
             lambda: nest.Connect(nest.Create("iaf_psc_alpha"), nest.Create("iaf_psc_alpha"), syn_spec={"delay": 0.01})):
    try:
        call()
    except nest.NESTErrors.KernelException as e:
        caught.append([type(e).__name__, str(e), isinstance(e, nest.NESTError)])
response = {"caught": caught}
`);
  assert.ok(result.ok, JSON.stringify(result));
  assert.deepEqual((result.response as { caught: unknown }).caught, [
    ['UnknownModelName', 'no_such_model is not a known model name.', true],
    ['BadDelay', 'Delay value 0 is invalid: Delay must be greater than or equal to resolution', true],
  ]);
});

test('a real NEST 3.10 model the local engine lacks: NotAvailableInLocalEngine, not UnknownModelName', () => {
  const result = runtime.run(`import nest
nest.ResetKernel()
seen = []
for call in (lambda: nest.Create("hh_cond_exp_traub"),
             lambda: nest.Connect(nest.Create("iaf_psc_alpha"), nest.Create("iaf_psc_alpha"),
                                  syn_spec={"synapse_model": "tsodyks2_synapse"}),
             lambda: nest.Connect(nest.Create("iaf_psc_alpha"), nest.Create("iaf_psc_alpha"), syn_spec="tsodyks_synapse")):
    try:
        call()
    except nest.NESTErrors.KernelException as e:
        seen.append(["NEST error", type(e).__name__, str(e)])
    except nest.NotAvailableInLocalEngine as e:
        seen.append([isinstance(e, NotImplementedError), type(e).__name__, str(e)])
response = {"seen": seen}
`);
  assert.ok(result.ok, JSON.stringify(result));
  const seen = (result.response as { seen: [unknown, string, string][] }).seen;
  assert.equal(seen.length, 3);
  for (const [[notImplemented, type, message], name] of seen.map((s, k) => [s, ['hh_cond_exp_traub', 'tsodyks2_synapse', 'tsodyks_synapse'][k]] as const)) {
    assert.equal(notImplemented, true, `${name}: not a NEST error (real NEST would run it)`);
    assert.equal(type, 'NotAvailableInLocalEngine');
    assert.match(message, new RegExp(`'${name}' is a NEST (synapse )?model, but it is not available in the local engine \\(yet\\)`));
    assert.match(message, /run this program on NEST Server/);
  }
});

test('an uncaught unavailable model reports its line; a misspelt one stays UnknownModelName', () => {
  const hh = failed(runtime.run('import nest\nnest.ResetKernel()\nnest.Create("hh_cond_exp_traub", 3)\nresponse = {}\n'));
  assert.equal(hh.type, 'NotAvailableInLocalEngine');
  assert.equal(hh.line, 3);
  const typo = failed(runtime.run('import nest\nnest.ResetKernel()\nnest.Create("hh_psc_alfa")\nresponse = {}\n'));
  assert.equal(typo.type, 'UnknownModelName');
  assert.equal(typo.message, 'hh_psc_alfa is not a known model name.'); // real NEST 3.10.0's text
  const syn = failed(runtime.run(
    'import nest\nnest.ResetKernel()\na = nest.Create("iaf_psc_alpha")\nnest.Connect(a, a, syn_spec={"synapse_model": "no_such_syn"})\n',
  ));
  assert.equal(syn.type, 'UnknownSynapseType');
  assert.equal(syn.message, 'Synapse with name no_such_syn does not exist.'); // real NEST 3.10.0's text
});

test("tracebacks can name the caller's file instead of program.py", () => {
  const error = failed(runtime.run('import nest\nx = 1\ny = x + undefined_name\nresponse = {}\n', { filename: 'my_net.py' }));
  assert.equal(error.line, 3);
  assert.match(error.traceback, /File "my_net.py", line 3, in <module>\n {4}y = x \+ undefined_name/);
  assert.doesNotMatch(error.traceback, /program\.py/);
  const syntax = failed(runtime.run('x = (1,\n', { filename: 'my_net.py' }));
  assert.equal(syntax.line, 1);
  assert.match(syntax.traceback, /File "my_net.py", line 1/);
});

test('a syntax error reports its line', () => {
  const error = failed(runtime.run('import nest\n\nx = (1,\nresponse = {}\n'));
  assert.equal(error.type, 'SyntaxError');
  assert.equal(error.line, 3);
});

test('a program without `response` fails with a clear message', () => {
  const error = failed(runtime.run('import nest\nnest.ResetKernel()\n'));
  assert.match(error.message, /did not set `response`/);
  assert.equal(error.line, null);
});

test('what the local engine lacks is named, never silently approximated', () => {
  const positions = failed(
    runtime.run('import nest\nnest.ResetKernel()\nnest.Create("iaf_psc_alpha", 4, positions=object())\n'),
  );
  assert.equal(positions.type, 'NotAvailableInLocalEngine');
  assert.match(positions.message, /positions.*not available in the local engine.*NEST Server/);
  assert.equal(positions.line, 3);
  const disconnect = failed(runtime.run('import nest\nnest.Disconnect()\n'));
  assert.match(disconnect.message, /nest\.Disconnect\(\) is not available in the local engine/);
  const spatial = failed(runtime.run('import nest\ng = nest.spatial.grid([2, 2])\n'));
  assert.match(spatial.message, /nest\.spatial\.grid\(\) is not available/);
});

test('each run starts with fresh globals, and prints are captured', () => {
  assert.ok(runtime.run('secret = 42\nprint("hello", secret)\nresponse = {}').ok);
  const second = runtime.run('print("again")\nresponse = {"x": secret}');
  const error = failed(second);
  assert.equal(error.type, 'NameError');
  assert.equal(second.stdout, 'again\n');
  const first = runtime.run('print("hello", 42)\nresponse = {}');
  assert.equal(first.stdout, 'hello 42\n');
});

test('response becomes plain data; recorder arrays come back as the kernel made them', () => {
  kernel.handedOut = [];
  const result = runtime.run(`import nest
nest.ResetKernel()
n = nest.Create("iaf_psc_alpha", 2, params={"I_e": 1000.0})
sr = nest.Create("spike_recorder")
nest.Connect(n, sr)
nest.Simulate(20.0)
response = {"events": [sr.events], "ids": n, "pair": (1, None), "text": "ok", "n": sr.n_events}
`);
  assert.ok(result.ok, JSON.stringify(result));
  const response = result.response as {
    events: { times: Float64Array; senders: Float64Array }[];
    ids: number[];
    pair: unknown[];
    text: string;
    n: number;
  };
  assert.deepEqual(response.ids, [1, 2]);
  assert.deepEqual(response.pair, [1, null]);
  assert.equal(response.text, 'ok');
  assert.ok(response.events[0].times instanceof Float64Array);
  assert.equal(response.events[0].times.length, response.n);
  assert.ok(response.n > 0, 'I_e 1000 pA makes the neurons fire');
  assert.ok(
    kernel.handedOut.includes(response.events[0].times),
    'the very Float64Array the kernel returned (no copy on the way back)',
  );
  const { transfer } = forTransfer(response);
  assert.equal(transfer.length, 2, 'times and senders are transferred');
});

test('a response that is not plain data is an error naming the type', () => {
  const error = failed(runtime.run('response = {"f": object()}'));
  assert.equal(error.type, 'TypeError');
  assert.match(error.message, /response contains a object/);
});

test('Stop ends `while True: pass` and the next run works', async () => {
  const stopper = stopAfter(300);
  await new Promise((resolve) => stopper.once('online', resolve));
  const started = performance.now();
  const error = failed(runtime.run('x = 0\nwhile True:\n    x += 1\n'));
  const ms = performance.now() - started;
  await stopper.terminate();
  assert.equal(error.type, 'KeyboardInterrupt');
  assert.ok(error.line === 2 || error.line === 3, `line ${error.line}`);
  assert.ok(ms < 300 + 500, `stopped ${ms.toFixed(0)} ms after the start (Stop at 300 ms)`);
  assert.ok(runtime.run('response = {"after": 1}').ok, 'the next run works');
});

test('Stop ends a long Simulate inside the kernel', async () => {
  const stopper = stopAfter(300);
  await new Promise((resolve) => stopper.once('online', resolve));
  const started = performance.now();
  const error = failed(
    runtime.run(`import nest
nest.ResetKernel()
n = nest.Create("iaf_psc_alpha", 1000, params={"I_e": 400.0})
nest.Simulate(1e7)
response = {}
`),
  );
  const ms = performance.now() - started;
  await stopper.terminate();
  assert.equal(error.type, 'KeyboardInterrupt');
  assert.equal(error.line, 4, 'stopped in Simulate');
  assert.ok(ms < 300 + 500, `stopped ${ms.toFixed(0)} ms after the start (Stop at 300 ms)`);
  const after = runtime.run('import nest\nresponse = {"t": nest.biological_time}');
  assert.ok(after.ok, 'the next run works');
});
