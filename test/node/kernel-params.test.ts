/**
 * Parameter, connection and time checks: NEST 3.10's exception class and text, from
 * test/fixtures/kernel/error_texts.json (made by running each case on real NEST).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { NestError } from '../../workers/engine/nest/api';
import { NEST_MODELS, checkDelay, checkKernelStatus, checkParams } from '../../workers/engine/nest/models';
import { NestKernel } from '../../workers/engine/nest/kernel';
import { replay, type Op } from '../fixtures/kernel/replay';

const fx = JSON.parse(readFileSync(new URL('../fixtures/kernel/error_texts.json', import.meta.url), 'utf8')) as {
  nest_version: string;
  probes: { ops: Op[]; error: { name: string; message: string } | null }[];
};

test('error fixture comes from NEST 3.10 and covers the cases', () => {
  assert.match(fx.nest_version, /^3\.10/);
  assert.ok(fx.probes.length >= 50);
  assert.ok(fx.probes.filter((p) => p.error).length >= 50);
});

function describe(ops: Op[]): string {
  return ops.map((o) => `${o.op}(${JSON.stringify(o.model ?? o.params ?? o.syn ?? o.conn ?? o.t ?? '')})`).join(' ');
}

for (const probe of fx.probes) {
  test(`kernel: ${describe(probe.ops)} → ${probe.error ? probe.error.name : 'ok'}`, () => {
    let thrown: unknown = null;
    try {
      replay(probe.ops);
    } catch (e) {
      thrown = e;
    }
    if (probe.error === null) {
      assert.equal(thrown, null);
      return;
    }
    assert.ok(thrown instanceof NestError, `expected ${probe.error.name}, got ${String(thrown)}`);
    assert.equal(thrown.nestName, probe.error.name);
    assert.equal(thrown.message, probe.error.message);
  });
}

// The same checks as functions, for the blocks (which flag problems before a run).
const single = fx.probes.filter((p) => p.ops.length === 1 && p.error);
for (const probe of single) {
  const op = probe.ops[0];
  if (op.op !== 'create' || !NEST_MODELS[op.model as string]) continue;
  test(`checkParams(${op.model as string}, ${JSON.stringify(op.params)}) → ${probe.error!.name}`, () => {
    const err = checkParams(op.model as string, op.params as Record<string, unknown>, 1);
    assert.ok(err);
    assert.equal(err.nestName, probe.error!.name);
    assert.equal(err.message, probe.error!.message);
    // without a node id: the reason only
    const short = checkParams(op.model as string, op.params as Record<string, unknown>);
    assert.ok(probe.error!.message.endsWith(short!.message));
  });
}

test('checkParams accepts the defaults and good values', () => {
  for (const model of Object.keys(NEST_MODELS)) assert.equal(checkParams(model, {}), null, model);
  assert.equal(checkParams('iaf_psc_alpha', { C_m: 100, t_ref: 0, V_reset: -65, V_th: -50 }), null);
  assert.equal(checkParams('spike_generator', { spike_times: [0.1, 1.0, 1.0, 5.5] }), null);
  assert.equal(checkParams('voltmeter', { interval: 0.1 }), null);
  // V_reset vs V_th is checked against the node's current values
  assert.ok(checkParams('iaf_psc_alpha', { V_th: -60 }, 3, { V_reset: -60 }));
  assert.equal(checkParams('iaf_psc_alpha', { V_th: -60 }, 3, { V_reset: -65 }), null);
});

test('checkDelay / checkKernelStatus agree with the fixture', () => {
  const byMsg = (m: string) => fx.probes.find((p) => p.error?.message.startsWith(m))!.error!;
  assert.equal(checkDelay(0.04, 0.1)!.message, byMsg('Delay value 0 ').message);
  assert.equal(checkDelay(-1, 0.1)!.message, byMsg('Delay value -1').message);
  assert.equal(checkDelay(0.05, 0.1), null); // NEST rounds 0.05 up to one step
  assert.equal(checkKernelStatus({ resolution: 0 })!.message, byMsg('Resolution must be greater').message);
  assert.equal(checkKernelStatus({ rng_seed: 0 })!.nestName, 'BadProperty');
  assert.equal(checkKernelStatus({ resolution: 0.2, rng_seed: 5 }), null);
});

test('GetKernelStatus after ResetKernel and after connecting', () => {
  const k = new NestKernel();
  k.setKernelStatus({ rng_seed: 9, resolution: 0.2 });
  let ks = k.getKernelStatus();
  assert.equal(ks.resolution, 0.2);
  assert.equal(ks.min_delay, 0.2);
  const a = k.create('iaf_psc_alpha', 3);
  k.connect([a.first], [a.first + 1, a.first + 2], { rule: 'all_to_all' }, { delay: [0.4, 2.0] as unknown as number });
  ks = k.getKernelStatus();
  assert.equal(ks.network_size, 3);
  assert.equal(ks.num_connections, 2);
  assert.ok(Math.abs((ks.min_delay as number) - 0.4) < 1e-12 && Math.abs((ks.max_delay as number) - 2.0) < 1e-12);
  k.simulate(1.0);
  assert.ok(Math.abs((k.getKernelStatus().biological_time as number) - 1.0) < 1e-12);
  k.reset();
  ks = k.getKernelStatus();
  assert.deepEqual([ks.resolution, ks.rng_seed, ks.network_size, ks.num_connections, ks.biological_time], [0.1, 143202461, 0, 0, 0]);
  assert.ok((ks.node_models as string[]).includes('iaf_psc_alpha'));
  assert.deepEqual(ks.synapse_models, ['static_synapse', 'stdp_synapse']);
});
