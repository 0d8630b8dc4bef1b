/**
 * The synapse choice of the connect block (static_synapse, stdp_synapse with its rows), the noise
 * current block (noise_generator), and the blocks of an f–I curve: "number of spikes recorded by"
 * (n_events) and "add to result table" (response["results"]). Expected texts written by hand from
 * PyNEST 3.10 usage; NEST's refusals probed on real NEST 3.10.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as Blockly from 'blockly';
import { registerNestBlocks } from '../../blocks/nest/index';
import { generateNest } from '../../generators/nest';

registerNestBlocks();

type B = Record<string, unknown>;
const sh = (type: string, v: number) => ({ shadow: { type, fields: { NUM: v } } });
const plain = (v: number) => sh('math_number', v);
const tick = () => new Promise((r) => setTimeout(r, 10));

function chain(blocks: B[]): B {
  for (let i = blocks.length - 2; i >= 0; i--) blocks[i].next = { block: blocks[i + 1] };
  return blocks[0];
}

const VARS: [string, string, string?][] = [['n1', 'a'], ['n2', 'b'], ['pg1', 'g'], ['sr1', 's'], ['vm1', 'v'], ['ng1', 'z'], ['x', 'x', '']];

function load(blocks: B[]): Blockly.Workspace {
  const ws = new Blockly.Workspace();
  Blockly.serialization.workspaces.load(
    {
      blocks: { languageVersion: 0, blocks: [chain(blocks)] },
      variables: VARS.map(([name, id, type]) => ({ name, id, type: type ?? 'nest_node' })),
    },
    ws,
  );
  return ws;
}

const pop = (varId: string): B => ({ type: 'nest_population', fields: { NAME: { id: varId }, MODEL: 'iaf_psc_alpha' }, inputs: { N: sh('nest_count', 2) } });
const connect = (source: string, target: string, fields: B = {}, inputs: B = {}): B => ({
  type: 'nest_connect', id: 'c', fields: { SOURCE: { id: source }, TARGET: { id: target }, RULE: 'all_to_all', ...fields },
  inputs: { WEIGHT: sh('nest_slider_weight', 5), DELAY: sh('nest_slider_delay', 1.5), ...inputs },
});
const connectLine = (code: string) => code.split('\n').find((l) => l.startsWith('nest.Connect'));

// ---- synapse ---------------------------------------------------------------------------------

test('static_synapse (and a saved connect block without a synapse field) writes no synapse_model', () => {
  for (const fields of [{}, { SYNAPSE: 'static_synapse' }]) {
    const g = generateNest(load([pop('a'), pop('b'), connect('a', 'b', fields)]));
    assert.equal(connectLine(g.code), 'nest.Connect(n1, n2, conn_spec={"rule": "all_to_all"}, syn_spec={"weight": 5.0, "delay": 1.5})');
  }
});

test('stdp_synapse: synapse_model, then weight and delay, then the rows that differ from NEST\'s defaults', () => {
  const g = generateNest(load([pop('a'), pop('b'), connect('a', 'b', { SYNAPSE: 'stdp_synapse' }, {
    tau_plus: sh('nest_slider_stdp_synapse_tau_plus', 15),
    lambda: sh('nest_slider_stdp_synapse_lambda', 0.01), // NEST's default: left out
    alpha: sh('nest_slider_stdp_synapse_alpha', 0.5),
    Wmax: sh('nest_slider_stdp_synapse_Wmax', 50),
  })]));
  assert.equal(connectLine(g.code),
    'nest.Connect(n1, n2, conn_spec={"rule": "all_to_all"}, syn_spec={"synapse_model": "stdp_synapse", "weight": 5.0, "delay": 1.5, "tau_plus": 15.0, "alpha": 0.5, "Wmax": 50.0})');
  assert.deepEqual(g.problems, []);
});

test('stdp_synapse from a stimulus is refused as NEST 3.10 refuses it; Wmax must have the weight\'s sign', () => {
  const fromPg = generateNest(load([{ type: 'nest_poisson_generator', fields: { NAME: { id: 'g' } }, inputs: { rate: plain(10) } }, pop('a'),
    connect('g', 'a', { SYNAPSE: 'stdp_synapse' })]));
  assert.equal(fromPg.problems.length, 1);
  assert.match(fromPg.problems[0].message,
    /^IllegalConnection: Creation of connection is not possible because: The target node or synapse model does not support spike input\. \(STDP learns between neurons/);
  const fromNoise = generateNest(load([{ type: 'nest_noise_generator', fields: { NAME: { id: 'z' } } }, pop('a'), connect('z', 'a', { SYNAPSE: 'stdp_synapse' })]));
  assert.match(fromNoise.problems[0].message, /does not support DS current input\./);
  const sign = generateNest(load([pop('a'), pop('b'), connect('a', 'b', { SYNAPSE: 'stdp_synapse' }, { Wmax: plain(-10) })]));
  assert.deepEqual(sign.problems.map((p) => p.message), ['BadProperty: Weight and Wmax must have same sign.']);
});

test('an unknown synapse name in a saved project is reported, never written', () => {
  const g = generateNest(load([pop('a'), pop('b'), connect('a', 'b', { SYNAPSE: 'static_synapse' })]));
  assert.deepEqual(g.problems, []);
  // A dropdown refuses values outside its options on load, so the saved value falls back to static.
  const ws = load([pop('a'), pop('b'), connect('a', 'b', { SYNAPSE: 'x"); import os #' })]);
  assert.equal(ws.getBlockById('c')!.getFieldValue('SYNAPSE'), 'static_synapse');
  assert.doesNotMatch(generateNest(ws).code, /import os/);
});

test('the stdp rows show only for stdp_synapse, get their shadow when first shown, and hide on recorder links', async () => {
  const ws = load([pop('a'), pop('b'), { type: 'nest_spike_recorder', fields: { NAME: { id: 's' } } }, connect('a', 'b')]);
  const c = ws.getBlockById('c')!;
  const shown = () => ['SYNAPSE_ROW', 'tau_plus', 'lambda', 'alpha', 'Wmax'].filter((n) => c.getInput(n)!.isVisible());
  await tick();
  assert.deepEqual(shown(), ['SYNAPSE_ROW']);
  assert.equal(c.getInputTargetBlock('tau_plus'), null, 'no shadow saved while static');
  c.setFieldValue('stdp_synapse', 'SYNAPSE');
  await tick();
  assert.deepEqual(shown(), ['SYNAPSE_ROW', 'tau_plus', 'lambda', 'alpha', 'Wmax']);
  assert.equal(c.getInputTargetBlock('tau_plus')!.getFieldValue('NUM'), 20, 'NEST default tau_plus');
  assert.equal(c.getInputTargetBlock('Wmax')!.getFieldValue('NUM'), 100, 'NEST default Wmax');
  c.setFieldValue('s', 'TARGET'); // n1 → sr1: a recorder link
  await tick();
  assert.deepEqual(shown(), []);
  assert.equal(connectLine(generateNest(ws).code), 'nest.Connect(n1, sr1, conn_spec={"rule": "all_to_all"})');
});

// ---- noise_generator -------------------------------------------------------------------------

test('noise current: mean, std and dt on the block, defaults left out; dt off the grid is flagged', () => {
  const noise = (inputs: B): B => ({ type: 'nest_noise_generator', id: 'ng', fields: { NAME: { id: 'z' } }, inputs });
  const g = generateNest(load([noise({ mean: sh('nest_slider_noise_generator_mean', 300), std: sh('nest_slider_noise_generator_std', 50), dt: sh('nest_slider_noise_generator_dt', 1) })]));
  assert.match(g.code, /^ng1 = nest\.Create\("noise_generator", 1, params=\{"mean": 300\.0, "std": 50\.0\}\)$/m);
  assert.deepEqual(g.problems, []);
  const bad = generateNest(load([noise({ dt: plain(0.25) })]));
  assert.deepEqual(bad.problems.map((p) => p.message), [
    // real NEST 3.10: nest.Create("noise_generator", params={"dt": 0.25})
    'StepMultipleRequired: The time property dt = 0.25 ms (= 250 tics = 3 steps) of model noise_generator must be a multiple of the resolution 0.1 ms (= 100 tics = 1 step).',
  ]);
  const negative = generateNest(load([noise({ std: plain(-1) })]));
  assert.deepEqual(negative.problems.map((p) => p.message), ['BadProperty: The standard deviation cannot be negative.']);
});

test('"more parameters" of the noise current offers noise_generator\'s own parameters', () => {
  const ws = load([{ type: 'nest_noise_generator', fields: { NAME: { id: 'z' } }, inputs: {
    PARAMS: { block: { type: 'nest_param', id: 'q', fields: { PARAM: 'std_mod' }, inputs: { VALUE: plain(20) } } },
  } }]);
  const names = (ws.getBlockById('q')!.getField('PARAM') as Blockly.FieldDropdown).getOptions().map(([, v]) => v);
  assert.deepEqual(names, ['std_mod', 'frequency', 'phase', 'start', 'stop', 'origin']);
});

// ---- f–I curve blocks ------------------------------------------------------------------------

test('spike count and result table: n_events, results[...] and response["results"]', () => {
  const ws = load([
    { type: 'nest_spike_recorder', fields: { NAME: { id: 's' } } },
    { type: 'nest_record_result', id: 'rr', fields: { TABLE: 'rate' }, inputs: {
      X: { ...plain(0), block: { type: 'variables_get', fields: { VAR: { id: 'x' } } } },
      Y: { ...plain(0), block: { type: 'nest_spike_count', fields: { RECORDER: { id: 's' } } } },
    } },
  ]);
  const g = generateNest(ws);
  const lines = g.code.split('\n');
  assert.ok(lines.indexOf('results = {}') > lines.indexOf('nest.ResetKernel()'));
  assert.ok(lines.includes('results.setdefault("rate", []).append([x, sr1.n_events])'));
  assert.equal(lines.at(-2), 'response = {"events": [sr1.events], "biological_time": nest.biological_time, "results": results}');
  assert.deepEqual(g.problems, []);
});

test('programs without result tables keep the response they had', () => {
  const g = generateNest(load([{ type: 'nest_spike_recorder', fields: { NAME: { id: 's' } } }]));
  assert.doesNotMatch(g.code, /results/);
});

test('a table name cannot break out of its string; counting a voltmeter is flagged', () => {
  const ws = load([
    { type: 'nest_voltmeter', fields: { NAME: { id: 'v' } } },
    { type: 'nest_record_result', id: 'rr', fields: { TABLE: 'a", []); import os; x = ("\n' }, inputs: {
      X: plain(1), Y: { ...plain(0), block: { type: 'nest_spike_count', id: 'cnt', fields: { RECORDER: { id: 'v' } } } },
    } },
  ]);
  const g = generateNest(ws);
  assert.ok(g.code.includes('results.setdefault("a\\", []); import os; x = (\\"\\n", []).append([1.0, vm1.n_events])'));
  assert.deepEqual(g.problems.map((p) => [p.blockId, p.message]), [['cnt', 'vm1 is a voltmeter: only a spike_recorder counts spikes.']]);
});
