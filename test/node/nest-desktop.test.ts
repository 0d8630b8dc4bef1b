// NEST Desktop import (src/import/nest-desktop.ts): which files are recognised, what is refused and
// how the message names the node and the parameter, and that converted projects load as blocks.
// The programs' results on real NEST: test/nest/nest-desktop.test.ts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { before, test } from 'node:test';
import * as Blockly from 'blockly';
import { registerNestBlocks } from '../../blocks/nest/index';
import { generateNest } from '../../generators/nest';
import { importNestDesktop, importNestDesktopText, isNestDesktopProject } from '../../src/import/nest-desktop';
import { makeProject } from '../../src/storage/project';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/nest-desktop');
const fixture = (name: string) => JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8'));

before(() => registerNestBlocks());

/** A small valid NEST Desktop project to break in one place per test. */
function base() {
  return {
    name: 'base',
    version: '4.1',
    network: {
      nodes: [
        { model: 'poisson_generator', params: [{ id: 'rate', value: 1000 }] },
        { model: 'iaf_psc_alpha', size: 10 },
        { model: 'spike_recorder' },
      ],
      connections: [
        { source: 0, target: 1, synapse: { params: [{ id: 'weight', value: 5 }] } },
        { source: 1, target: 2 },
      ],
    },
    simulation: { kernel: { localNumThreads: 1, resolution: 0.1, rngSeed: 1 }, time: 200 },
  } as Record<string, any>;
}

function refused(data: unknown): string {
  const r = importNestDesktop(data);
  assert.equal(r.ok, false, 'refused');
  return r.ok ? '' : r.message;
}

test('recognised: NEST Desktop files only, not Spikeblocks projects or other JSON', () => {
  assert.ok(isNestDesktopProject(fixture('spike-activity')));
  assert.equal(importNestDesktopText(JSON.stringify(makeProject('nest', 'x', {}))), null);
  assert.equal(importNestDesktopText('{"hello": 1}'), null);
  assert.equal(importNestDesktopText('not json'), null);
});

test('every valid fixture loads as blocks and generates without problems', async () => {
  for (const name of ['spike-activity', 'fi-curve', 'copied-model']) {
    const r = importNestDesktop(fixture(name));
    assert.ok(r.ok, name);
    assert.equal(r.project.format, 'spikeblocks-project');
    assert.equal(r.project.simulator, 'nest');
    const ws = new Blockly.Workspace();
    Blockly.serialization.workspaces.load(r.project.workspace, ws);
    await new Promise((res) => setTimeout(res, 0));
    const program = generateNest(ws);
    assert.deepEqual(program.problems, [], name);
    // the names NEST Desktop gives its nodes
    const names = ws.getVariableMap().getVariablesOfType('nest_node').map((v) => v.getName()).sort();
    assert.deepEqual(names, { 'spike-activity': ['n1', 'pg1', 'sr1'], 'fi-curve': ['dc1', 'n1', 'sr1'], 'copied-model': ['mm1', 'n1', 'pg1', 'sr1'] }[name]);
    ws.dispose();
  }
  const spike = importNestDesktop(fixture('spike-activity'));
  assert.ok(spike.ok && spike.project.name === 'Spike activity');
});

test('spatial nodes and unknown models are refused, naming the node', () => {
  assert.match(refused(fixture('spatial')), /Node 1 \(iaf_psc_alpha\) is a spatial node/);
  assert.match(refused(fixture('unknown-model')), /Node 2 \(ht_neuron\) uses the model "ht_neuron", which the blocks do not have/);
});

test('what the blocks cannot express is named by node and parameter', () => {
  let d = base();
  d.network.nodes[1].params = [{ id: 'tau_m', value: 10, type: { id: 'np.linspace', specs: [{ id: 'start', value: 5 }, { id: 'stop', value: 20 }, { id: 'num', value: 10 }] } }];
  assert.match(refused(d), /n1 \(node 2, iaf_psc_alpha\): parameter tau_m is np\.linspace\(5, 20, 10\), and it is not a generator/);

  d = base();
  d.network.nodes[0].params = [{ id: 'rate', value: 1, type: { id: 'random.uniform', specs: [{ id: 'min', value: 0 }, { id: 'max', value: 9 }] } }];
  assert.match(refused(d), /pg1 \(node 1, poisson_generator\): parameter rate is random/);

  d = base();
  d.network.nodes[1].params = [{ id: 'tau_m', value: 10, type: { id: 'random.gamma', specs: [] } }];
  assert.match(refused(d), /n1 \(node 2, iaf_psc_alpha\): parameter tau_m is of the type "random.gamma"/);

  d = base();
  d.network.nodes[1].params = [{ id: 'no_such', value: 1 }];
  assert.match(refused(d), /n1 \(node 2, iaf_psc_alpha\): iaf_psc_alpha has no parameter "no_such"/);

  d = base();
  d.network.connections[0].rule = 'symmetric_pairwise_bernoulli';
  assert.match(refused(d), /Connection 1 \(pg1 → n1\) uses the rule "symmetric_pairwise_bernoulli"/);

  d = base();
  d.network.connections[0].synapse.model = 'tsodyks_synapse';
  assert.match(refused(d), /Connection 1 \(pg1 → n1\) uses the synapse model "tsodyks_synapse"/);

  d = base();
  d.network.connections[0].rule = 'fixed_indegree';
  assert.match(refused(d), /Connection 1 \(pg1 → n1\): the rule fixed_indegree needs its indegree/);

  d = base();
  d.network.connections[1].target = 7;
  // the file counts nodes from 0, the messages from 1 (as "Node 1 (iaf_psc_alpha) is a spatial node"
  // above): the file's node 1 → 7 is the second node → an eighth the network does not have
  assert.match(refused(d), /Connection 2 refers to node 2 \(iaf_psc_alpha\) → node 8, which the network does not have \(its nodes are 1 to 3\)/);
  // a connection's number counts from 1 too: the first one in the file is "Connection 1"
  d = base();
  d.network.connections[0].source = 'a';
  assert.match(refused(d), /Connection 1 refers to node "a" → node 2 \(iaf_psc_alpha\)/);

  d = base();
  d.network.nodes[0].size = 3;
  assert.match(refused(d), /pg1 \(node 1, poisson_generator\) has 3 nodes/);

  d = base();
  d.version = '3.2';
  assert.match(refused(d), /version "3\.2"; Spikeblocks reads NEST Desktop 4\.x/);
});

test('several problems are listed together', () => {
  const d = base();
  d.network.nodes[1].params = [{ id: 'no_such', value: 1 }];
  d.network.nodes[0].params = [{ id: 'rate', value: 'fast' }];
  const message = refused(d);
  assert.match(message, /parameter rate has the value "fast", which is not a number/);
});

test('a sweep that is not the f–I idiom is refused with the reason', () => {
  const d = fixture('fi-curve');
  d.network.nodes[1].size = 999;
  assert.match(refused(d), /dc1 \(node 1, dc_generator\): parameter amplitude is np\.arange\(1, 1001, 1\), and it does not drive 1000 neurons/);
  const e = fixture('fi-curve');
  e.network.connections[0].rule = 'all_to_all';
  assert.match(refused(e), /its only connection is not one_to_one/);
});

test('recorders flip to the blocks\' direction; threads are noted', () => {
  const d = base();
  d.network.nodes.push({ model: 'voltmeter' });
  d.network.connections.push({ source: 1, target: 3 });
  d.simulation.kernel.localNumThreads = 4;
  const r = importNestDesktop(d);
  assert.ok(r.ok);
  assert.match(r.notes.join(' '), /4 threads/);
  const text = JSON.stringify(r.project.workspace);
  assert.match(text, /"SOURCE":\{"id":"nd_var_vm1"\},"TARGET":\{"id":"nd_var_n1"\}/);
});
