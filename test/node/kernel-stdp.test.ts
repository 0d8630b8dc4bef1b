/**
 * stdp_synapse in the local kernel, value by value against real NEST 3.10 (fixtures made by
 * test/fixtures/make_plastic_fixtures.py): final weights after single pairs at dt from −20 to
 * 20 ms, dendritic delays, spike trains, additive/multiplicative, alpha, tau_plus, Kplus, Wmax,
 * postsynaptic parrot_neuron (port 1) and iaf_psc_alpha (tau_minus 30); and NEST's error texts.
 * Plus hand-derived values of the rule itself, and checks that static connections are untouched.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { replay, replayError, type Op } from '../fixtures/kernel/replay';
import { NestKernel } from '../../workers/engine/nest/kernel';

const DIR = fileURLToPath(new URL('../fixtures/kernel/plastic/', import.meta.url));

interface Fixture {
  nest_version: string;
  description: string;
  ops: Op[];
  captured: { id: number; events: Record<string, number[]> }[];
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 + 1e-9 * Math.abs(b);
}

for (const name of ['stdp_parrot_pairs', 'stdp_parrot_delays', 'stdp_parrot_trains', 'stdp_iaf_post']) {
  const fx = JSON.parse(readFileSync(DIR + name + '.json', 'utf8')) as Fixture;
  test(`${name}: ${fx.description}`, () => {
    assert.match(fx.nest_version, /^3\.10/);
    const ours = replay(fx.ops).captured;
    assert.equal(ours.length, fx.captured.length);
    fx.captured.forEach((want, c) => {
      const got = ours[c];
      for (const [key, values] of Object.entries(want.events)) {
        const mine = got.events[key];
        assert.equal(mine.length, values.length, `${key} (capture ${c}): length`);
        for (let i = 0; i < values.length; i++) {
          if (!close(mine[i], values[i])) assert.fail(`${key}[${i}] (capture ${c}): ${mine[i]} != NEST ${values[i]}`);
        }
      }
    });
    // the scenarios do change weights (a fixture where nothing changes could not fail)
    const weights = fx.captured.filter((c) => c.id === -1).at(-1)!.events.weight;
    assert.ok(weights.some((w) => Math.abs(w - weights[0]) > 1e-3) || weights.some((w) => w !== 50 && w !== 20));
  });
}

const errors = JSON.parse(readFileSync(DIR + 'errors.json', 'utf8')) as {
  probes: { ops: Op[]; error: { name: string; message: string } | null }[];
};
for (const [k, probe] of errors.probes.entries()) {
  test(`error probe ${k}: ${JSON.stringify(probe.ops.at(-1))}`, () => {
    assert.deepEqual(replayError(probe.ops), probe.error);
  });
}

/** A pre parrot and a post parrot (port 1), driven by two spike generators. */
function pair(preTimes: number[], postTimes: number[], syn: Record<string, unknown>): NestKernel {
  const k = new NestKernel();
  k.create('spike_generator', 1, { spike_times: preTimes });
  k.create('spike_generator', 1, { spike_times: postTimes });
  k.create('parrot_neuron', 2);
  k.connect([1], [3], { rule: 'all_to_all' }, {});
  k.connect([2], [4], { rule: 'all_to_all' }, {});
  k.connect([3], [4], { rule: 'all_to_all' }, { synapse_model: 'stdp_synapse', receptor_type: 1, ...syn });
  return k;
}

function stdpWeight(k: NestKernel): number {
  const list = k.getConnections(null, null, 'stdp_synapse');
  return k.getConnectionStatus(list.index)[0].weight as number;
}

test('hand-derived: one post-before-pre pair depresses by alpha·lambda·w·exp(-dt/tau_minus)', () => {
  // the generators' spikes reach the parrots 1 ms later: pre spike at 51, post spike at 41;
  // with delay d = 1 the synapse compares the post spike with 51 − d = 50:
  // K- = exp(-(51 - 1 - 41) / 20), w' = w/Wmax·(1 − alpha·lambda·K-)  (mu_minus = 1)
  const k = pair([50], [40], { weight: 50, lambda: 0.1 });
  k.simulate(100);
  const expected = 50 * (1 - 0.1 * Math.exp(-9 / 20));
  assert.ok(Math.abs(stdpWeight(k) - expected) < 1e-12, `${stdpWeight(k)} vs ${expected}`);
});

test('hand-derived: pre-before-post facilitates at the next pre spike, additive (mu_plus = 0)', () => {
  // pre at 21 (parrot), post at 26 (parrot); next pre spike at 101. Facilitation from the post
  // spike: K+ = 1·exp((21 − (26 + 1))/20); w' += lambda·K+ (additive), depression at 101 from
  // K-(100) = exp(−(100 − 26)/20) with mu_minus = 0: w' −= alpha·lambda·K-.
  const k = pair([20, 100], [25], { weight: 50, lambda: 0.1, mu_plus: 0, mu_minus: 0 });
  k.simulate(150);
  const wn = 0.5 + 0.1 * Math.exp(-6 / 20) - 0.1 * Math.exp(-74 / 20);
  assert.ok(Math.abs(stdpWeight(k) - wn * 100) < 1e-12, `${stdpWeight(k)} vs ${wn * 100}`);
});

test('Wmax caps facilitation and 0 floors depression', () => {
  const up = pair([20, 21, 22, 23, 100], [20.5, 21.5, 22.5, 23.5], { weight: 9.9, Wmax: 10, lambda: 1, mu_plus: 0, mu_minus: 0, alpha: 0 });
  up.simulate(150);
  assert.equal(stdpWeight(up), 10);
  const down = pair([20, 30, 40], [19, 29, 39], { weight: 1, lambda: 1, mu_minus: 0, alpha: 10 });
  down.simulate(50);
  assert.equal(stdpWeight(down), 0);
});

test('a static connection next to a plastic one keeps its weight and still delivers', () => {
  const k = pair([20, 40, 60], [21, 41, 61], { weight: 50, lambda: 0.1 });
  k.create('spike_recorder', 1);
  k.create('parrot_neuron', 1); // 6: driven by the pre parrot through a static synapse
  k.connect([3], [6], { rule: 'all_to_all' }, { weight: 3, delay: 2 });
  k.connect([6], [5], { rule: 'all_to_all' }, {});
  k.simulate(100);
  const list = k.getConnections(null, null, 'static_synapse');
  const st = k.getConnectionStatus(list.index);
  // NEST's order: neuron → neuron (3 → 6), into devices (6 → 5), out of devices (1 → 3, 2 → 4)
  assert.deepEqual(st.map((d) => [d.source, d.target, d.weight]), [[3, 6, 3], [6, 5, 1], [1, 3, 1], [2, 4, 1]]);
  assert.notEqual(stdpWeight(k), 50);
  // the pre parrot spikes at 21, 41, 61; parrot 6 one delay (2 ms) later
  assert.deepEqual(Array.from(k.events(5).times), [23, 43, 63]);
});

test('GetConnections lists static before stdp connections, each by source', () => {
  const k = new NestKernel();
  k.create('iaf_psc_alpha', 3);
  k.connect([3], [1], { rule: 'all_to_all' }, { synapse_model: 'stdp_synapse' });
  k.connect([2], [1], { rule: 'all_to_all' }, {});
  k.connect([1], [2], { rule: 'all_to_all' }, { synapse_model: 'stdp_synapse' });
  k.connect([1], [3], { rule: 'all_to_all' }, {});
  const all = k.getConnections(null, null, null);
  assert.deepEqual(Array.from(all.source), [1, 2, 1, 3]);
  assert.deepEqual(Array.from(all.target), [3, 1, 2, 1]);
  const st = k.getConnectionStatus(all.index);
  assert.deepEqual(st.map((d) => d.synapse_model), ['static_synapse', 'static_synapse', 'stdp_synapse', 'stdp_synapse']);
  assert.deepEqual(st.map((d) => d.port), [0, 1, 0, 1]);
  assert.equal(st[2].tau_plus, 20);
  assert.equal(st[2].lambda, 0.01);
});
