/**
 * A network too large for the browser is refused, with an explanation, before the kernel
 * allocates it (workers/engine/nest/capacity.ts) — and what the kernel counts is not less than
 * what it really takes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { NestKernel } from '../../workers/engine/nest/kernel';
import { NestError } from '../../workers/engine/nest/api';
import { MEMORY_BUDGET_BYTES } from '../../workers/engine/nest/capacity';

const ids = (r: { first: number; last: number }) => Int32Array.from({ length: r.last - r.first + 1 }, (_, k) => r.first + k);

function refused(fn: () => void, pattern: RegExp): NestError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof NestError, `expected a NestError, got ${e}`);
    assert.equal(e.nestName, 'NotAvailableInLocalEngine');
    assert.match(e.message, pattern);
    assert.match(e.message, /NEST Server/);
    return e;
  }
  assert.fail('not refused');
}

test('the full-size Brunel network of NEST\'s example (12,500 neurons × 1,250 inputs) is refused at Connect, and nothing is made', () => {
  const k = new NestKernel();
  const all = ids(k.create('iaf_psc_delta', 12500));
  const exc = all.subarray(0, 10000);
  const before = process.memoryUsage().rss;
  // 1000 excitatory inputs per neuron: 12.5 million connections of ~160 bytes = 2 GB > 1.5 GB
  const e = refused(() => k.connect(exc, all, { rule: 'fixed_indegree', indegree: 1000 }, { weight: 0.1, delay: 1.5 }), /12,500,000 more connections/);
  assert.match(e.message, /too large for the local engine/);
  assert.equal(k.getKernelStatus().num_connections, 0);
  // refused before it allocated: the process did not grow by anything like 2 GB
  assert.ok(process.memoryUsage().rss - before < 200 * 2 ** 20);
  // the reduced network of our benchmark (125 inputs per neuron) fits
  k.connect(exc, all, { rule: 'fixed_indegree', indegree: 100 }, { weight: 1, delay: 1.5 });
  assert.equal(k.getKernelStatus().num_connections, 1_250_000);
});

test('all_to_all between two large populations is refused from the counts alone', () => {
  const k = new NestKernel();
  const a = ids(k.create('iaf_psc_alpha', 5000));
  // 5000 × 5000 = 25 million connections
  refused(() => k.connect(a, a, { rule: 'all_to_all' }, {}), /25,000,000 more connections/);
});

test('creating more neurons than fit is refused before any is made', () => {
  const k = new NestKernel();
  refused(() => k.create('iaf_psc_alpha', 20_000_000), /20,000,000 more neurons/);
  assert.equal(k.getKernelStatus().network_size, 0);
});

test('a very long delay that would give every neuron a huge input ring is refused', () => {
  const k = new NestKernel();
  const a = ids(k.create('iaf_psc_alpha', 50_000));
  // 10 s at 0.1 ms: 100,001 ring slots × 3 channels × 8 bytes per neuron = 120 GB
  refused(() => k.connect(a.subarray(0, 1), a.subarray(1, 2), { rule: 'one_to_one' }, { delay: 10000 }), /a delay of 10000 ms/);
  assert.equal(k.getKernelStatus().num_connections, 0);
});

test('multimeter samples that would not fit are refused at Simulate, before it starts', () => {
  const k = new NestKernel();
  const a = ids(k.create('iaf_psc_alpha', 20000));
  const vm = k.create('multimeter', 1, { interval: 0.1, record_from: ['V_m', 'I_syn_ex', 'I_syn_in'] });
  k.connect([vm.first], a, { rule: 'all_to_all' }, {});
  // 20,000 neurons × 100,000 samples × 5 numbers
  refused(() => k.simulate(10000), /multimeter samples/);
  assert.equal(k.getKernelStatus().biological_time, 0);
  k.simulate(10); // a short run of the same network is fine
});

test('recorded spikes beyond the budget stop the run with an explanation (budget made small for the test)', () => {
  const k = new NestKernel();
  k.memoryBudget = 8 * 2 ** 20;
  const a = ids(k.create('iaf_psc_alpha', 1000, { I_e: 1000 })); // each fires every 4.8 ms (N2)
  const sr = k.create('spike_recorder', 1);
  k.connect(a, [sr.first], { rule: 'all_to_all' }, {});
  const e = refused(() => k.simulate(100_000), /spikes recorded by/);
  assert.match(e.message, /Record fewer neurons/);
  const t = k.getKernelStatus().biological_time as number;
  assert.ok(t > 0 && t < 100_000, `stopped at ${t} ms`);
});

test('the kernel counts at least the memory a network really takes (Brunel, 2500 neurons, 125 inputs each, 1 s)', () => {
  // In a fresh Node process, so nothing else in this file's heap blurs the figure.
  const script = `
    import { NestKernel } from ${JSON.stringify(new URL('../../workers/engine/nest/kernel.ts', import.meta.url).pathname)};
    const ids = (r) => Int32Array.from({ length: r.last - r.first + 1 }, (_, k) => r.first + k);
    const used = () => { gc(); gc(); const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; };
    const m0 = used();
    const k = new NestKernel();
    const p = { C_m: 1, tau_m: 20, t_ref: 2, E_L: 0, V_reset: 10, V_m: 0, V_th: 20 };
    const all = ids(k.create('iaf_psc_delta', 2500, p));
    const pg = k.create('poisson_generator', 1, { rate: 2000 });
    const sr = k.create('spike_recorder', 1);
    k.connect([pg.first], all, { rule: 'all_to_all' }, { weight: 1, delay: 1.5 });
    k.connect(all.subarray(0, 2000), all, { rule: 'fixed_indegree', indegree: 100 }, { weight: 1, delay: 1.5 });
    k.connect(all.subarray(2000), all, { rule: 'fixed_indegree', indegree: 25 }, { weight: -5, delay: 1.5 });
    k.connect(all, [sr.first], { rule: 'all_to_all' }, {});
    k.simulate(1000);
    const events = k.events(sr.first); // the copy handed to the page
    const real = used() - m0;
    console.log(JSON.stringify({ real, counted: k.bytesInUse(), spikes: events.times.length }));
  `;
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
  const { real, counted, spikes } = JSON.parse(out.trim().split('\n').pop()!) as { real: number; counted: number; spikes: number };
  const mb = (x: number) => `${(x / 2 ** 20).toFixed(1)} MB`;
  assert.ok(spikes > 10000, 'the network should be active');
  assert.ok(counted >= real, `counted ${mb(counted)} < real ${mb(real)}`);
  // and not wildly more, or networks that fit would be refused
  assert.ok(counted < 3 * real, `counted ${mb(counted)} vs real ${mb(real)}`);
  assert.ok(MEMORY_BUDGET_BYTES <= 2 * 2 ** 30);
});
