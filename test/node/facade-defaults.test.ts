/**
 * nest.GetDefaults / nest.SetDefaults / nest.CopyModel through the full local path (Pyodide →
 * facade → NestKernel), against what real NEST 3.10.0 answered to the same code
 * (test/fixtures/kernel/defaults/cases.json, made by test/fixtures/make_defaults_fixtures.py).
 *
 * Run: node --import tsx --test test/node/facade-defaults.test.ts
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadNodeRuntime } from '../../src/cli/node-runtime';
import type { SimRuntime } from '../../workers/runtime';

interface Answer { ok: boolean; type?: string; value?: unknown; error?: string; message?: string }
interface Case { name: string; code: string; subset?: boolean; nest: Answer }
const fixture = JSON.parse(readFileSync(new URL('../fixtures/kernel/defaults/cases.json', import.meta.url), 'utf8')) as {
  prelude: string; cases: Case[];
};

/**
 * Keys of NEST's GetDefaults the local engine leaves out, because it cannot know them (memory
 * pools, C++ sizes, built-in model ids, calcium / structural plasticity and archiving internals)
 * — the list in workers/engine/nest/model-defaults.ts.
 */
const OMITTED = new Set([
  'model_id', 'elementsize', 'available', 'capacity', 'instantiations', 'Ca', 'beta_Ca', 'tau_Ca',
  'synaptic_elements', 'archiver_length', 'post_trace', 'tau_minus_triplet', 'ignore_and_spike',
  'ignore_and_spike_interval', 'ignore_and_spike_offset', 'node_uses_wfr', 'events', 'stimulus_source',
]);

/**
 * NEST parameters the local models do not have at all (so neither Create nor GetDefaults knows
 * them): tau_minus of hh_psc_alpha and aeif_cond_alpha (their stdp trace uses NEST's 20 ms),
 * a generator's label, the sine state y_0 / y_1 of ac_generator / noise_generator, and
 * parrot_neuron's flush_event_send_interval. Adding them belongs to the models, not to GetDefaults.
 */
const NOT_IN_LOCAL_MODELS: Record<string, string[]> = {
  hh_psc_alpha: ['tau_minus'], aeif_cond_alpha: ['tau_minus'], parrot_neuron: ['flush_event_send_interval'],
  poisson_generator: ['label'], dc_generator: ['label'], step_current_generator: ['label'], spike_generator: ['label'],
  ac_generator: ['label', 'y_0', 'y_1'], noise_generator: ['label', 'y_0', 'y_1'],
};

let local: Answer[];
before(async () => {
  const runtime: SimRuntime = await loadNodeRuntime();
  const code = `${fixture.prelude}\nimport json\n_codes = json.loads(${JSON.stringify(JSON.stringify(fixture.cases.map((c) => c.code)))})\nresponse = {"answers": [_case(c) for c in _codes]}\n`;
  const result = runtime.run(code);
  if (!result.ok) throw new Error(`${result.error.type}: ${result.error.message}`);
  local = (result.response as { answers: Answer[] }).answers;
});

/** Deep equality, numbers to 1e-12 relative. */
function same(actual: unknown, expected: unknown, where: string): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    assert.ok(Math.abs(actual - expected) <= 1e-12 * Math.max(1, Math.abs(expected)), `${where}: ${actual} ≠ ${expected}`);
  } else if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), `${where}: expected a list, got ${JSON.stringify(actual)}`);
    assert.equal(actual.length, expected.length, `${where}: length`);
    expected.forEach((e, k) => same(actual[k], e, `${where}[${k}]`));
  } else if (expected !== null && typeof expected === 'object') {
    assert.ok(actual !== null && typeof actual === 'object' && !Array.isArray(actual), `${where}: expected a dict`);
    assert.deepEqual(Object.keys(actual as object).sort(), Object.keys(expected).sort(), `${where}: keys`);
    for (const [k, e] of Object.entries(expected)) same((actual as Record<string, unknown>)[k], e, `${where}.${k}`);
  } else {
    assert.equal(actual, expected, where);
  }
}

fixture.cases.forEach((c, k) => {
  test(`${c.name} (as real NEST 3.10)`, () => {
    const got = local[k];
    const want = c.nest;
    if (!want.ok) {
      assert.equal(got.ok, false, `expected ${want.error}: ${want.message}, got ${JSON.stringify(got.value)}`);
      assert.equal(got.error, want.error);
      assert.equal(got.message, want.message);
      return;
    }
    assert.equal(got.ok, true, `failed locally: ${got.error}: ${got.message}`);
    if (['list', 'tuple', 'dict', 'float', 'int', 'str', 'bool'].includes(want.type!)) assert.equal(got.type, want.type, 'result type');
    if (!c.subset) {
      same(got.value, want.value, 'result');
      return;
    }
    // A whole GetDefaults dict: every key we give has NEST's value; NEST's other keys are
    // only those we cannot know.
    const mine = got.value as Record<string, unknown>, theirs = want.value as Record<string, unknown>;
    for (const [key, v] of Object.entries(mine)) {
      assert.ok(key in theirs, `'${key}' is not in NEST's GetDefaults`);
      same(v, theirs[key], key);
    }
    const lacking = NOT_IN_LOCAL_MODELS[String(theirs.model)] ?? [];
    const missing = Object.keys(theirs).filter((key) => !(key in mine) && !OMITTED.has(key) && !lacking.includes(key));
    assert.deepEqual(missing, [], 'NEST keys missing locally');
  });
});
