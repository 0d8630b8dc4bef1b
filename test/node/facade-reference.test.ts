/**
 * Reference cases N1–N3 (/work/shared/reference/cases.md) through the full local path:
 * Python program text → SimRuntime (Pyodide) → nest facade → NestKernel → response.
 *
 * Run: node --import tsx --test test/node/facade-reference.test.ts
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadNodeRuntime } from '../../src/cli/node-runtime';
import type { SimRuntime } from '../../workers/runtime';

type Events = Record<string, Float64Array>;

let runtime: SimRuntime;
before(async () => {
  runtime = await loadNodeRuntime();
});

function run(code: string): Events[] {
  const result = runtime.run(code);
  if (!result.ok) throw new Error(`${result.error.type} at line ${result.error.line}: ${result.error.message}`);
  return (result.response as { events: Events[] }).events;
}

/** Value recorded at time t (ms), found by time, not by index. */
function at(events: Events, key: string, t: number): number | undefined {
  const i = Array.from(events.times).findIndex((x) => Math.abs(x - t) < 1e-9);
  return i < 0 ? undefined : events[key][i];
}


// The printed digits of cases.md are rounded to 6 significant figures, so "relative 1e-6" is
// checked as agreement to the printed digits: |Δ| ≤ half a unit of the last printed digit.
function printed(actual: number | undefined, digits: string, what: string): void {
  assert.ok(actual !== undefined, `${what}: no sample`);
  const decimals = (digits.split('.')[1] ?? '').length;
  const halfUnit = 0.5 * 10 ** -decimals;
  assert.ok(
    Math.abs(actual - Number(digits)) <= halfUnit + 1e-12,
    `${what}: got ${actual}, expected ${digits}`,
  );
}

const N1_TABLE: [number, string][] = [
  [0.1, '-70'], [0.2, '-70'], [0.3, '-69.602'], [0.4, '-69.2079'], [0.5, '-68.8178'],
  [0.6, '-68.4316'], [0.7, '-68.0492'], [0.8, '-67.6706'], [0.9, '-67.2958'], [1.0, '-66.9247'],
  [4.5, '-56.0204'], [4.6, '-55.7615'], [4.7, '-55.5051'], [4.8, '-55.2513'], [4.9, '-55.0001'],
  [7.1, '-69.602'], [7.2, '-69.2079'], [7.3, '-68.8178'], [7.4, '-68.4316'], [7.5, '-68.0492'],
  [7.6, '-67.6706'], [7.7, '-67.2958'], [7.8, '-66.9247'], [7.9, '-66.5572'],
];

function n1Program(model: string): string {
  return `import nest
nest.ResetKernel()
nest.resolution = 0.1
neuron = nest.Create("${model}")
dc = nest.Create("dc_generator", params={"amplitude": 1000.0, "start": 0.0})
vm = nest.Create("voltmeter", params={"interval": 0.1})
sr = nest.Create("spike_recorder")
nest.Connect(dc, neuron, syn_spec={"delay": 0.1})
nest.Connect(vm, neuron)
nest.Connect(neuron, sr)
nest.Simulate(8.0)
response = {"events": [sr.events, vm.events]}
`;
}

for (const model of ['iaf_psc_alpha', 'iaf_psc_exp']) {
  test(`N1: dc_generator 1000 pA into ${model}`, () => {
    const [spikes, vm] = run(n1Program(model));
    assert.ok(vm.V_m instanceof Float64Array, 'V_m arrives as a Float64Array');
    assert.ok(vm.times instanceof Float64Array, 'times arrive as a Float64Array');
    for (const [t, v] of N1_TABLE) printed(at(vm, 'V_m', t), v, `V_m at ${t}`);
    for (let k = 50; k <= 70; k++) printed(at(vm, 'V_m', k / 10), '-70', `V_m at ${k / 10} (refractory)`);
    assert.equal(at(vm, 'V_m', 8.0), undefined, 'no sample at 8.0 (last min_delay slice)');
    assert.equal(vm.times.length, 79);
    assert.equal(spikes.times.length, 1, 'one spike');
    assert.ok(Math.abs(spikes.times[0] - 5.0) < 1e-9, `spike at 5.0, got ${spikes.times[0]}`);
    assert.deepEqual(Array.from(spikes.senders), [1]);
  });
}

test('N2: internal current I_e = 1000 pA', () => {
  const [spikes, vm] = run(`import nest
nest.ResetKernel()
neuron = nest.Create("iaf_psc_alpha", params={"I_e": 1000.0})
vm = nest.Create("voltmeter", params={"interval": 0.1})
sr = nest.Create("spike_recorder")
nest.Connect(vm, neuron)
nest.Connect(neuron, sr)
nest.Simulate(8.0)
response = {"events": [sr.events, vm.events]}
`);
  const table: [number, string][] = [
    [0.1, '-69.602'], [0.2, '-69.2079'], [0.3, '-68.8178'], [0.4, '-68.4316'], [0.5, '-68.0492'],
    [4.3, '-56.0204'], [4.4, '-55.7615'], [4.5, '-55.5051'], [4.6, '-55.2513'], [4.7, '-55.0001'],
    [4.8, '-70'], [4.9, '-70'], [5.0, '-70'],
  ];
  for (const [t, v] of table) printed(at(vm, 'V_m', t), v, `V_m at ${t}`);
  assert.equal(spikes.times.length, 1, 'one spike');
  assert.ok(Math.abs(spikes.times[0] - 4.8) < 1e-9, `spike at 4.8, got ${spikes.times[0]}`);
});

// N3 values (relative 1e-7) from cases.md; the sample counts per min_delay are what real NEST
// 3.10.0 returned for this exact program (10.5 ms: samples in the last slice are held back).
const N3_TABLE: [number, number][] = [
  [1.0, -70], [2.0, -70], [3.0, -66.55725], [4.0, -63.07837], [5.0, -59.93054],
  [6.0, -57.08227], [7.0, -70], [8.0, -70], [9.0, -69.60199], [10.0, -65.83337],
];
const N3_COUNTS: Record<string, number> = { '0.1': 104, '0.2': 104, '0.5': 100, '1.0': 100, '2.0': 100 };

for (const minDelay of ['0.1', '0.2', '0.5', '1.0', '2.0']) {
  for (const split of [false, true]) {
    test(`N3: min_delay ${minDelay}, ${split ? '21 × Simulate(0.5)' : 'Simulate(10.5)'}`, () => {
      const [vm] = run(`import nest
nest.ResetKernel()
neuron = nest.Create("iaf_psc_alpha")
dc = nest.Create("dc_generator", params={"amplitude": 1000.0})
vm = nest.Create("voltmeter", params={"interval": 0.1})
nest.Connect(dc, neuron, syn_spec={"delay": 2.0})
nest.Connect(vm, neuron, syn_spec={"delay": ${minDelay}})
a, b = nest.Create("iaf_psc_alpha", 2)
nest.Connect(a, b, syn_spec={"delay": ${minDelay}})
${split ? 'for _ in range(21):\n    nest.Simulate(0.5)' : 'nest.Simulate(10.5)'}
assert nest.min_delay == ${minDelay}, nest.min_delay
response = {"events": [vm.events]}
`);
      for (const [t, v] of N3_TABLE) {
        const got = at(vm, 'V_m', t);
        assert.ok(got !== undefined, `sample at ${t}`);
        // 7 significant digits printed: compare to half a unit of the 5th decimal at most.
        assert.ok(Math.abs(got - v) <= Math.max(Math.abs(v) * 1e-7, 5e-6), `V_m at ${t}: ${got} vs ${v}`);
      }
      assert.equal(vm.times.length, N3_COUNTS[minDelay]);
    });
  }
}
