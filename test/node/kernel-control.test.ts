/**
 * The kernel's contract beyond the numbers: interrupting, recorded data types, status dicts,
 * array-valued weights in PyNEST's shapes, reset. Expected values here are derived by hand.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NestKernel } from '../../workers/engine/nest/kernel';
import { NestError, SimulationInterrupted, type Params } from '../../workers/engine/nest/api';

test('simulate() polls shouldStop often and stops at the first true', () => {
  const k = new NestKernel();
  const pg = k.create('poisson_generator', 1, { rate: 10000 }).first;
  const pop = k.create('iaf_psc_alpha', 20000);
  const ids = Array.from({ length: 20000 }, (_, i) => pop.first + i);
  k.connect([pg], ids, { rule: 'all_to_all' }, { weight: 10 });
  const pollTimes: number[] = [];
  assert.throws(
    () => k.simulate(1e6, () => {
      pollTimes.push(performance.now());
      return pollTimes.length === 6; // ask to stop at the 6th poll
    }),
    (e) => e instanceof SimulationInterrupted && e.name === 'KeyboardInterrupt',
  );
  // it stopped right at the request, not at some later poll
  assert.equal(pollTimes.length, 6);
  // gaps between polls: the median (robust to the machine being busy) well below 100 ms
  const gaps = pollTimes.slice(1).map((t, i) => t - pollTimes[i]).sort((x, y) => x - y);
  assert.ok(gaps[2] < 50, `median gap between polls ${gaps[2]} ms`);
  const t = k.getKernelStatus().biological_time as number;
  assert.ok(t > 0 && t < 1e6, `biological_time ${t}`);
  // the run can go on after an interrupt
  k.simulate(1.0);
  assert.ok(Math.abs((k.getKernelStatus().biological_time as number) - (t + 1)) < 1e-9);
});

test('recorded events are Float64Arrays; n_events counts them; n_events = 0 clears', () => {
  const k = new NestKernel();
  const sg = k.create('spike_generator', 1, { spike_times: [1.0, 2.0, 3.0] }).first;
  const sr = k.create('spike_recorder', 1).first;
  k.connect([sg], [sr], { rule: 'all_to_all' }, {});
  k.simulate(5);
  const ev = k.events(sr);
  assert.ok(ev.times instanceof Float64Array && ev.senders instanceof Float64Array);
  assert.deepEqual(Array.from(ev.times), [1, 2, 3]);
  assert.deepEqual(Array.from(ev.senders), [sg, sg, sg]);
  assert.equal(k.nEvents(sr), 3);
  assert.equal(k.getStatus([sr])[0].n_events, 3);
  k.setStatus([sr], { n_events: 0 });
  assert.equal(k.nEvents(sr), 0);
  assert.throws(() => k.setStatus([sr], { n_events: 2 }), (e) => e instanceof NestError && e.nestName === 'BadProperty');
});

test('all_to_all weight matrix is len(post) × len(pre), row by row; one_to_one takes len(pre)', () => {
  const k = new NestKernel();
  const sg1 = k.create('spike_generator', 1, { spike_times: [1.0] }).first;
  const sg2 = k.create('spike_generator', 1, { spike_times: [2.0] }).first;
  // no leak (tau_m huge): V_m − E_L is the sum of the weights received
  const pop = k.create('iaf_psc_delta', 3, { tau_m: 1e12, V_th: 1e6 });
  const post = [pop.first, pop.first + 1, pop.first + 2];
  k.connect([sg1, sg2], post, { rule: 'all_to_all' }, { weight: [1, 2, 3, 4, 5, 6] });
  k.connect([sg1, sg1, sg2], post, { rule: 'one_to_one' }, { weight: [10, 20, 30], delay: [1, 2, 3] });
  k.simulate(10);
  const dv = k.getStatus(post).map((d) => (d.V_m as number) - (d.E_L as number));
  // row j = post j: (w from sg1, w from sg2)
  const expected = [1 + 2 + 10, 3 + 4 + 20, 5 + 6 + 30];
  dv.forEach((v, j) => assert.ok(Math.abs(v - expected[j]) < 1e-6, `neuron ${j}: ${v} vs ${expected[j]}`));
  assert.throws(
    () => k.connect([sg1, sg2], post, { rule: 'all_to_all' }, { weight: [1, 2] }),
    (e) => e instanceof NestError && e.nestName === 'ValueError' && e.message.includes('3x2 (n_target x n_sources)'),
  );
});

test('allow_autapses: false skips self-connections', () => {
  const k = new NestKernel();
  const pop = k.create('iaf_psc_alpha', 3);
  const ids = [1, 2, 3];
  k.connect(ids, ids, { rule: 'all_to_all', allow_autapses: false }, {});
  assert.equal(k.getKernelStatus().num_connections, 6);
  k.connect(ids, ids, { rule: 'one_to_one', allow_autapses: false }, {});
  assert.equal(k.getKernelStatus().num_connections, 6);
  void pop;
});

test('Create with one dict per node; getStatus/setStatus per node', () => {
  const k = new NestKernel();
  const pop = k.create('iaf_psc_alpha', 2, [{ I_e: 100 }, { I_e: 200, V_m: -60 }]);
  assert.deepEqual(pop, { first: 1, last: 2 });
  const [a, b] = k.getStatus([1, 2]);
  assert.equal(a.I_e, 100);
  assert.equal(b.I_e, 200);
  assert.equal(b.V_m, -60);
  assert.equal(a.model, 'iaf_psc_alpha');
  assert.equal(a.global_id, 1);
  assert.deepEqual(a.recordables, ['I_syn_ex', 'I_syn_in', 'V_m']);
  k.setStatus([1, 2], [{ I_e: 5 }, { I_e: 6 }]);
  assert.deepEqual(k.getStatus([1, 2]).map((d) => d.I_e), [5, 6]);
  // a failed SetStatus changes nothing
  assert.throws(() => k.setStatus([1], { C_m: -1, I_e: 7 }), /Capacitance must be > 0/);
  assert.equal(k.getStatus([1])[0].I_e, 5);
  assert.throws(() => k.getStatus([3]), (e) => e instanceof NestError && e.nestName === 'UnknownNode');
});

test('several Simulate calls continue one run; ResetKernel starts over', () => {
  const run = (calls: number[]) => {
    const k = new NestKernel();
    const n = k.create('iaf_psc_exp', 1, { I_e: 600 }).first;
    const sr = k.create('spike_recorder', 1).first;
    k.connect([n], [sr], { rule: 'all_to_all' }, {});
    for (const t of calls) k.simulate(t);
    return { k, times: Array.from(k.events(sr).times) };
  };
  const once = run([100]);
  const split = run([33.3, 0, 66.7]);
  assert.ok(once.times.length > 3);
  assert.deepEqual(split.times, once.times);
  once.k.reset();
  assert.equal(once.k.getKernelStatus().network_size, 0);
  assert.throws(() => once.k.events(2), (e) => e instanceof NestError && e.nestName === 'UnknownNode');
});

test('a multimeter sees V_m and both synaptic currents; I_syn_in is negative', () => {
  const k = new NestKernel();
  const sgE = k.create('spike_generator', 1, { spike_times: [1.0] }).first;
  const sgI = k.create('spike_generator', 1, { spike_times: [1.0] }).first;
  const n = k.create('iaf_psc_alpha', 1).first;
  const mm = k.create('multimeter', 1, { interval: 0.1, record_from: ['V_m', 'I_syn_ex', 'I_syn_in'] }).first;
  k.connect([sgE], [n], { rule: 'all_to_all' }, { weight: 100, delay: 1 });
  k.connect([sgI], [n], { rule: 'all_to_all' }, { weight: -50, delay: 1 });
  k.connect([mm], [n], { rule: 'all_to_all' }, {});
  k.simulate(10);
  const ev = k.events(mm);
  const peakEx = Math.max(...ev.I_syn_ex);
  const peakIn = Math.min(...ev.I_syn_in);
  // alpha PSC peaks at the weight, tau_syn = 2 ms after arrival (2.0): at t = 4.0
  assert.ok(Math.abs(peakEx - 100) < 1e-9, `peak ${peakEx}`);
  assert.ok(Math.abs(peakIn + 50) < 1e-9, `peak ${peakIn}`);
  assert.ok(Math.abs(ev.times[ev.I_syn_ex.indexOf(peakEx)] - 4.0) < 1e-9);
});

test('a population with mixed parameters computes each neuron as its own population would', () => {
  const params: Params[] = [{ tau_m: 8, I_e: 300, tau_syn_in: 1.5 }, { tau_m: 12, V_th: -58, I_e: 200 }];
  const run = (mixed: boolean) => {
    const k = new NestKernel();
    const ids = mixed ? [1, 2] : [k.create('iaf_psc_alpha', 1, params[0]).first, k.create('iaf_psc_alpha', 1, params[1]).first];
    if (mixed) k.create('iaf_psc_alpha', 2, params);
    const sg = k.create('spike_generator', 1, { spike_times: [2, 4, 6, 8] }).first;
    const dc = k.create('dc_generator', 1, { amplitude: 150 }).first;
    const mm = k.create('multimeter', 1, { interval: 0.1, record_from: ['V_m', 'I_syn_in'] }).first;
    k.connect([sg], ids, { rule: 'all_to_all' }, { weight: [300, -200] as unknown as number, delay: 1 });
    k.connect([dc], ids, { rule: 'all_to_all' }, {});
    k.connect([mm], ids, { rule: 'all_to_all' }, {});
    k.simulate(30);
    return k.events(mm);
  };
  const a = run(true), b = run(false);
  assert.ok(a.V_m.length > 100);
  assert.deepEqual(Array.from(a.V_m), Array.from(b.V_m));
  assert.deepEqual(Array.from(a.I_syn_in), Array.from(b.I_syn_in));
  assert.ok(Math.min(...a.I_syn_in) < 0);
});
