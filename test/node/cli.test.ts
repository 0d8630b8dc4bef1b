/**
 * The command-line runner: `npm run sim -- FILE.py [--json]` (run here as `tsx src/cli/sim.ts`).
 *
 * Run: node --import tsx --test test/node/cli.test.ts
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
let dir: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'spikeblocks-cli-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

function sim(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function program(name: string, code: string): string {
  const path = join(dir, name);
  writeFileSync(path, code);
  return path;
}

// N2 of cases.md: I_e = 1000 pA, one spike at 4.8 ms in 8 ms; voltmeter every 0.1 ms. The
// voltmeter's default delay (1 ms) makes min_delay 1 ms, so real NEST 3.10.0 returns 70 samples
// (0.1 … 7.0; the last slice is held back).
const N2 = `import nest
nest.ResetKernel()
neuron = nest.Create("iaf_psc_alpha", params={"I_e": 1000.0})
vm = nest.Create("voltmeter", params={"interval": 0.1})
sr = nest.Create("spike_recorder")
nest.Connect(vm, neuron)
nest.Connect(neuron, sr)
nest.Simulate(8.0)
print("simulated")
response = {"events": [sr.events, vm.events]}
`;

test('--json prints exactly the response, typed arrays as lists', () => {
  const out = sim(program('n2.py', N2), '--json');
  assert.equal(out.status, 0, out.stderr);
  const response = JSON.parse(out.stdout);
  const [spikes, vm] = response.events;
  assert.equal(spikes.times.length, 1);
  assert.ok(Math.abs(spikes.times[0] - 4.8) < 1e-9);
  assert.deepEqual(spikes.senders, [1]);
  assert.ok(Array.isArray(vm.V_m) && vm.V_m.length === 70);
  assert.ok(Math.abs(vm.V_m[0] - -69.602) < 5e-4, `V_m at 0.1: ${vm.V_m[0]}`);
  assert.match(out.stderr, /simulated/, "the program's own output goes to stderr with --json");
});

test('without --json it prints a readable summary', () => {
  const out = sim(program('n2.py', N2));
  assert.equal(out.status, 0, out.stderr);
  assert.match(out.stdout, /simulated/);
  assert.match(out.stdout, /events\[0\]: 1 events from 1 node, times 4\.8 … 4\.8 ms; spikes at 4\.8/);
  assert.match(out.stdout, /events\[1\]: 70 events from 1 node, times 0\.1 … 7 ms; V_m -70 … -55\.0001/);
});

test('a Python error: message with the line number on stderr, exit status 1', () => {
  const file = program('bad.py', 'import nest\nnest.ResetKernel()\nnest.Create("iaf_psc_alpha", params={"C_m": -1.0})\n');
  const out = sim(file);
  assert.equal(out.status, 1);
  assert.match(out.stderr, /bad\.py, line 3: BadProperty: Setting status of a 'iaf_psc_alpha' with node ID 1: Capacitance must be > 0\./);
});

test('an unknown file: exit status 2 with a message', () => {
  const out = sim(join(dir, 'no-such-file.py'));
  assert.equal(out.status, 2);
  assert.match(out.stderr, /cannot read .*no-such-file\.py: ENOENT/);
});

test('no file: usage, exit status 2', () => {
  const out = sim();
  assert.equal(out.status, 2);
  assert.match(out.stderr, /usage: npm run sim -- FILE\.py \[--json\]/);
});

test("errors name the user's file, not program.py", () => {
  const file = program('my_net.py', 'import nest\ndef build():\n    return undefined_name\nbuild()\nresponse = {}\n');
  const out = sim(file);
  assert.equal(out.status, 1);
  assert.match(out.stderr, /my_net\.py, line 3: NameError: name 'undefined_name' is not defined/);
  assert.match(out.stderr, /File "my_net\.py", line 4, in <module>[\s\S]*File "my_net\.py", line 3, in build/);
  assert.doesNotMatch(out.stderr, /program\.py/);
});

test('a program without `response`: the message is printed once', () => {
  const out = sim(program('no_response.py', 'import nest\nnest.ResetKernel()\n'));
  assert.equal(out.status, 1);
  assert.equal(out.stderr.split('did not set `response`').length - 1, 1, out.stderr);
});

test('--timeout stops an endless loop through the Stop mechanism: exit status 124', () => {
  const started = Date.now();
  const out = sim(program('forever.py', 'import nest\nprint("started")\nwhile True:\n    pass\n'), '--timeout', '1');
  assert.equal(out.status, 124, out.stderr);
  assert.match(out.stderr, /stopped after 1 s \(--timeout\)/);
  assert.match(out.stdout, /started/, 'what the program printed before is kept');
  // Loading Pyodide takes a few seconds; the run itself must not go on much past 1 s.
  assert.ok(Date.now() - started < 60_000);
});

test('--timeout also ends a program that swallows the first KeyboardInterrupt', () => {
  const code = 'import nest\ntry:\n    while True:\n        pass\nexcept KeyboardInterrupt:\n    print("caught once")\nwhile True:\n    pass\n';
  const out = sim(program('stubborn.py', code), '--timeout=1', '--json');
  assert.equal(out.status, 124, out.stderr);
  assert.match(out.stderr, /caught once[\s\S]*stopped after 1 s \(--timeout\)/);
  assert.equal(out.stdout, '', 'nothing but JSON on stdout with --json, and there is none');
});

test('--timeout needs a number of seconds', () => {
  for (const bad of [['--timeout'], ['--timeout', 'soon'], ['--timeout', '-1']]) {
    const out = sim(program('n2.py', N2), ...bad);
    assert.equal(out.status, 2, bad.join(' '));
    assert.match(out.stderr, /--timeout needs a number of seconds/);
  }
});

test('`npm run -s sim -- FILE --json`: stdout is pure JSON even with prints and warnings', () => {
  const file = program('noisy.py', `import nest, sys, warnings
nest.ResetKernel()
print("hello")
print("to stderr", file=sys.stderr)
warnings.warn("careful")
sr = nest.Create("spike_recorder")
response = {"events": [sr.events]}
`);
  const run = spawnSync('npm', ['run', '-s', 'sim', '--', file, '--json', '--timeout', '0'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(JSON.parse(run.stdout), { events: [{ senders: [], times: [] }] });
  assert.match(run.stderr, /hello[\s\S]*to stderr[\s\S]*UserWarning: careful/);
});
