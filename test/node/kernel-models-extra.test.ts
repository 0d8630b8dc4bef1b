/**
 * parrot_neuron, izhikevich, ac_generator and step_current_generator against real NEST 3.10:
 * scenarios and error probes recorded by test/fixtures/make_kernel_fixtures.py (kernel/extra/),
 * replayed on the local kernel value by value (relative 1e-9: all four are deterministic).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { replay, replayError, type Op } from '../fixtures/kernel/replay';
import { NEST_MODELS } from '../../workers/engine/nest/models';
import { loadNodeRuntime } from '../../src/cli/node-runtime';

const DIR = fileURLToPath(new URL('../fixtures/kernel/extra/', import.meta.url));

interface Fixture {
  nest_version: string;
  description: string;
  ops: Op[];
  captured: { id: number; events: Record<string, number[]> }[];
}

function close(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
}

const traces = readdirSync(DIR).filter((f) => f.endsWith('.json') && !['model_errors.json', 'facade_izhikevich.json'].includes(f)).sort();

test('every added model has a NEST 3.10 fixture', () => {
  assert.deepEqual(traces, ['ac_generator.json', 'izhikevich.json', 'parrot.json', 'step_current_generator.json']);
});

for (const file of traces) {
  const fx = JSON.parse(readFileSync(DIR + file, 'utf8')) as Fixture;
  test(`${file}: ${fx.description}`, () => {
    assert.match(fx.nest_version, /^3\.10/);
    const ours = replay(fx.ops).captured;
    assert.equal(ours.length, fx.captured.length);
    fx.captured.forEach((want, c) => {
      const got = ours[c];
      assert.deepEqual(Object.keys(got.events).sort(), Object.keys(want.events).sort());
      for (const [key, values] of Object.entries(want.events)) {
        assert.ok(values.length > 0, `NEST recorded no ${key} for node ${want.id}`);
        const mine = got.events[key];
        assert.equal(mine.length, values.length, `${key} of node ${want.id}: length`);
        for (let i = 0; i < values.length; i++) {
          if (!close(mine[i], values[i])) {
            assert.fail(`${key}[${i}] of node ${want.id}: ${mine[i]} != NEST ${values[i]}` +
              (want.events.times ? ` at t = ${want.events.times[i]} (sender ${want.events.senders[i]})` : ''));
          }
        }
      }
    });
  });
}

const errors = JSON.parse(readFileSync(DIR + 'model_errors.json', 'utf8')) as {
  nest_version: string; probes: { ops: Op[]; error: { name: string; message: string } | null }[];
};

for (const [k, probe] of errors.probes.entries()) {
  test(`error probe ${k}: ${JSON.stringify(probe.ops.map((o) => o.params ?? o.op))}`, () => {
    assert.deepEqual(replayError(probe.ops), probe.error);
  });
}

test('the added models have NEST 3.10 defaults and usable slider ranges', () => {
  // Defaults read with nest.GetDefaults in NEST 3.10.0.
  const izh = NEST_MODELS.izhikevich.params;
  const want: Record<string, number | boolean> = { a: 0.02, b: 0.2, c: -65, d: 8, V_th: 30, V_m: -65, U_m: -13, I_e: 0, consistent_integration: true };
  for (const [k, v] of Object.entries(want)) assert.equal(izh[k].default, v, k);
  assert.deepEqual(NEST_MODELS.izhikevich.recordables, ['U_m', 'V_m']);
  // a parrot has only the spike trace stdp_synapse reads (tau_minus 20 in NEST 3.10)
  assert.deepEqual(Object.keys(NEST_MODELS.parrot_neuron.params), ['tau_minus']);
  assert.equal(NEST_MODELS.parrot_neuron.params.tau_minus.default, 20);
  const ac = NEST_MODELS.ac_generator.params;
  for (const k of ['amplitude', 'offset', 'frequency', 'phase', 'start', 'origin']) assert.equal(ac[k].default, 0, k);
  assert.deepEqual(NEST_MODELS.step_current_generator.params.amplitude_times.default, []);
  assert.equal(NEST_MODELS.step_current_generator.params.allow_offgrid_times.default, false);
  for (const m of ['izhikevich', 'parrot_neuron', 'ac_generator', 'step_current_generator']) {
    for (const [k, p] of Object.entries(NEST_MODELS[m].params)) {
      if (p.min === undefined && p.max === undefined) continue;
      assert.ok(typeof p.default === 'number' && p.min !== undefined && p.max !== undefined && p.min < p.max, `${m}.${k}`);
      assert.ok(p.default >= p.min! && p.default <= p.max!, `${m}.${k} default inside its slider range`);
    }
  }
});

test('full path: a PyNEST izhikevich program driven by a dc_generator, through the facade, matches NEST', async () => {
  const fx = JSON.parse(readFileSync(DIR + 'facade_izhikevich.json', 'utf8')) as {
    nest_version: string; program: string; events: Record<string, number[]>[];
  };
  assert.match(fx.nest_version, /^3\.10/);
  const runtime = await loadNodeRuntime();
  const result = runtime.run(fx.program);
  if (!result.ok) assert.fail(`${result.error.type} at line ${result.error.line}: ${result.error.message}`);
  const events = (result.response as { events: Record<string, ArrayLike<number>>[] }).events;
  assert.equal(events.length, fx.events.length);
  assert.ok(fx.events[0].times.length > 10, 'NEST saw the neurons fire');
  fx.events.forEach((want, r) => {
    assert.deepEqual(Object.keys(events[r]).sort(), Object.keys(want).sort());
    for (const [key, values] of Object.entries(want)) {
      const mine = events[r][key];
      assert.equal(mine.length, values.length, `recorder ${r} ${key}: length`);
      for (let i = 0; i < values.length; i++) {
        if (!close(mine[i], values[i])) assert.fail(`recorder ${r} ${key}[${i}]: ${mine[i]} != NEST ${values[i]}`);
      }
    }
  });
});
