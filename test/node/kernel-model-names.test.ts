/**
 * Model names: a name NEST 3.10 does not know gets NEST's own UnknownModelName /
 * UnknownSynapseType; a real NEST 3.10 model the local engine lacks says it is a NEST model and
 * to run the program on NEST Server. Error texts from real NEST 3.10.0 (/work/main/.venv).
 *
 * Run: node --import tsx --test test/node/kernel-model-names.test.ts
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NestError } from '../../workers/engine/nest/api';
import { NestKernel } from '../../workers/engine/nest/kernel';
import {
  LOCAL_SYNAPSE_MODELS, NEST_MODELS, NEST_NODE_MODEL_NAMES, NEST_SYNAPSE_MODEL_NAMES, checkParams,
} from '../../workers/engine/nest/models';

function thrown(f: () => unknown): NestError {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof NestError, `expected a NestError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected the call to throw');
}

const NOT_LOCAL = /is a NEST (synapse )?model, but it is not available in the local engine \(yet\).*NEST Server/;

test('the name lists are NEST 3.10 facts that contain everything the local engine has', () => {
  // Spot checks against nest.node_models / nest.synapse_models of real NEST 3.10.0.
  for (const name of ['hh_psc_alpha', 'aeif_cond_exp', 'izhikevich', 'iaf_psc_alpha', 'spike_recorder']) {
    assert.ok(NEST_NODE_MODEL_NAMES.includes(name), name);
  }
  for (const name of ['static_synapse', 'stdp_synapse', 'tsodyks_synapse']) {
    assert.ok(NEST_SYNAPSE_MODEL_NAMES.includes(name), name);
  }
  assert.equal(NEST_NODE_MODEL_NAMES.length, 106);
  assert.equal(NEST_SYNAPSE_MODEL_NAMES.length, 77);
  for (const local of Object.keys(NEST_MODELS)) assert.ok(NEST_NODE_MODEL_NAMES.includes(local), local);
  for (const local of LOCAL_SYNAPSE_MODELS) assert.ok(NEST_SYNAPSE_MODEL_NAMES.includes(local), local);
});

test('create: a real NEST model the local engine lacks is named as such', () => {
  const kernel = new NestKernel();
  const error = thrown(() => kernel.create('hh_cond_exp_traub', 1));
  assert.equal(error.nestName, 'NotAvailableInLocalEngine');
  assert.match(error.message, /^'hh_cond_exp_traub' /);
  assert.match(error.message, NOT_LOCAL);
  assert.equal(kernel.getKernelStatus().network_size, 0, 'nothing was created');
});

test('create: a name NEST does not know keeps NEST 3.10 class and text', () => {
  const error = thrown(() => new NestKernel().create('hh_psc_alfa', 1));
  assert.equal(error.nestName, 'UnknownModelName');
  assert.equal(error.message, 'hh_psc_alfa is not a known model name.');
});

test('checkParams (used by the blocks) tells the two cases apart the same way', () => {
  assert.equal(checkParams('aeif_cond_exp', {})?.nestName, 'NotAvailableInLocalEngine');
  assert.equal(checkParams('no_such_model', {})?.nestName, 'UnknownModelName');
});

test('connect: synapse models the same way (NEST 3.10 text for unknown names)', () => {
  const kernel = new NestKernel();
  kernel.create('iaf_psc_alpha', 2);
  const real = thrown(() => kernel.connect([1], [2], { rule: 'all_to_all' }, { synapse_model: 'tsodyks_synapse' }));
  assert.equal(real.nestName, 'NotAvailableInLocalEngine');
  assert.match(real.message, /^'tsodyks_synapse' /);
  assert.match(real.message, NOT_LOCAL);
  const unknown = thrown(() => kernel.connect([1], [2], { rule: 'all_to_all' }, { synapse_model: 'no_such_syn' }));
  assert.equal(unknown.nestName, 'UnknownSynapseType');
  assert.equal(unknown.message, 'Synapse with name no_such_syn does not exist.');
  assert.equal(kernel.getKernelStatus().num_connections, 0);
  kernel.connect([1], [2], { rule: 'all_to_all' }, { synapse_model: 'static_synapse' });
  assert.equal(kernel.getKernelStatus().num_connections, 1);
});
