// The numbers behind the class plots (src/plots/stats.ts) on spike trains whose answers are known
// by hand or from theory: a regular train, a Poisson train, spikes counted into 5 ms bins by hand.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  binEdges,
  defaultIsiBin,
  defaultRateBin,
  histogram,
  isiHistogram,
  meanAndSd,
  niceStep,
  populationRate,
  potentialOf,
  recorderStats,
  senderSlots,
  spikeTrainStats,
} from '../../src/plots/stats';
import { spikeColumns } from '../../src/plots/events';

const close = (actual: number, expected: number, tolerance: number, what: string) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual}, expected ${expected} ± ${tolerance}`);

test('a regular 10 Hz train: one ISI bin, CV 0, rate 10 spikes/s', () => {
  // spikes at 100.1, 200.1, …, 1000.1 ms — written as k·100 + 0.1, so the intervals carry float noise
  const times = Array.from({ length: 10 }, (_v, k) => (k + 1) * 100 + 0.1);
  const senders = times.map(() => 1);
  const s = spikeTrainStats(times, senders);
  assert.deepEqual([...s.ids], [1]);
  assert.deepEqual([...s.counts], [10]);
  assert.equal(s.intervals.length, 9);
  for (const isi of s.intervals) close(isi, 100, 1e-9, 'interval');
  assert.equal(s.cvNeurons, 1);
  close(s.meanCv!, 0, 1e-12, 'CV of a regular train');
  const h = isiHistogram(s.intervals, 5);
  const filled = [...h.counts].map((c, k) => [k, c]).filter(([, c]) => c > 0);
  assert.equal(filled.length, 1, 'all intervals in one bin');
  assert.equal(filled[0][1], 9);
  // 100 ms lies in [100, 105): bin 20
  assert.equal(filled[0][0], 20);
  assert.equal(h.edges[20], 100);
  const row = recorderStats({ name: 'sr', model: 'spike_recorder', sources: 1, events: { times, senders } }, 1000);
  assert.equal(row.spikes, 10);
  assert.equal(row.neurons, 1);
  assert.equal(row.ratePerNeuron, 10);
});

/** mulberry32: a small seeded generator, so the Poisson test is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Poisson trains: intervals drawn from the exponential distribution, rate in spikes/s. */
function poisson(neurons: number, rateHz: number, durationMs: number, seed: number): { times: Float64Array; senders: Float64Array } {
  const next = random(seed);
  const times: number[] = [];
  const senders: number[] = [];
  for (let id = 1; id <= neurons; id++) {
    let t = 0;
    for (;;) {
      t += (-Math.log(1 - next()) / rateHz) * 1000;
      if (t > durationMs) break;
      times.push(t);
      senders.push(id);
    }
  }
  return { times: Float64Array.from(times), senders: Float64Array.from(senders) };
}

test('Poisson trains: CV ≈ 1, mean ISI ≈ 1/rate, first ISI bin holds 1 − e^(−λb) of the intervals', () => {
  // 100 neurons × 10 s at 20 spikes/s ≈ 200 intervals per neuron. The CV of one neuron's
  // exponential intervals scatters by about 1/√200 ≈ 0.07; the mean over 100 neurons by ≈ 0.007,
  // so ±0.04 is more than 5 standard errors.
  const { times, senders } = poisson(100, 20, 10_000, 42);
  const s = spikeTrainStats(times, senders);
  assert.equal(s.cvNeurons, 100);
  close(s.meanCv!, 1, 0.04, 'mean CV of Poisson trains');
  const isi = meanAndSd(s.intervals)!;
  // mean interval 1/λ = 50 ms; standard error 50/√20000 ≈ 0.35 ms
  close(isi.mean, 50, 2, 'mean interval (ms)');
  const h = isiHistogram(s.intervals, 5);
  // P(ISI < 5 ms) = 1 − exp(−0.02/ms · 5 ms) = 0.0952; binomial SE over ~20000 ≈ 0.002
  close(h.counts[0] / s.intervals.length, 1 - Math.exp(-0.1), 0.01, 'fraction of intervals in [0, 5)');
  const total = h.counts.reduce((a, b) => a + b, 0);
  assert.equal(total, s.intervals.length);
  assert.equal(h.outside, 0);
  // the population rate: 100 neurons at 20/s, bins of 500 ms: each bin ≈ 20 spikes/s (SE ≈ 0.63)
  const r = populationRate(times, 100, 0, 10_000, 500);
  assert.equal(r.rate.length, 20);
  for (const value of r.rate) close(value, 20, 3, 'population rate in a 500 ms bin');
});

test('PSTH of known spikes in 5 ms bins, counted by hand; bins are (a, b]', () => {
  const times = [0.1, 4.9, 5.0, 5.1, 9.9, 10.0, 12.3, 19.9, 20.0];
  // (0,5]: 0.1 4.9 5.0 → 3 · (5,10]: 5.1 9.9 10.0 → 3 · (10,15]: 12.3 → 1 · (15,20]: 19.9 20.0 → 2
  const r = populationRate(times, 2, 0, 20, 5);
  assert.deepEqual([...r.edges], [0, 5, 10, 15, 20]);
  assert.deepEqual([...r.counts], [3, 3, 1, 2]);
  // 3 spikes / 2 neurons / 0.005 s = 300 spikes/s
  assert.deepEqual([...r.rate], [300, 300, 100, 200]);
  assert.equal(r.outside, 0);
});

test('one spike in every 0.1 ms step of 20 ms: each 5 ms bin holds exactly 50 (no float drift at the edges)', () => {
  const times = Array.from({ length: 200 }, (_v, k) => (k + 1) * 0.1);
  const r = populationRate(times, 1, 0, 20, 5);
  assert.deepEqual([...r.counts], [50, 50, 50, 50]);
  // and in 0.3 ms bins (0.3/0.1 is 2.9999999999999996 in floats): 3 per bin, the last 2 (20 = 66·0.3 + 0.2)
  const fine = populationRate(times, 1, 0, 20, 0.3);
  assert.equal(fine.counts.length, 67);
  assert.ok(fine.counts.subarray(0, 66).every((c) => c === 3), `counts ${[...fine.counts].join(',')}`);
  assert.equal(fine.counts[66], 2);
});

test('a run that is not a whole number of bins: the last bin is shorter and its rate uses its own width', () => {
  const r = populationRate([1, 11, 12], 1, 0, 12, 5);
  assert.deepEqual([...r.edges], [0, 5, 10, 12]);
  assert.deepEqual([...r.counts], [1, 0, 2]);
  // 2 spikes in 2 ms = 1000 spikes/s
  assert.deepEqual([...r.rate], [200, 0, 1000]);
});

test('spikes outside the run are counted as outside, not in a bin', () => {
  const r = populationRate([-1, 3, 25], 1, 0, 20, 5);
  assert.deepEqual([...r.counts], [1, 0, 0, 0]);
  assert.equal(r.outside, 2);
  const h = histogram([0, 0.5, 1, 2], binEdges(0, 2, 1), 1, 'left');
  // [0,1): 0, 0.5 · [1,2]: 1, 2 (the last edge closes the last bin)
  assert.deepEqual([...h.counts], [2, 2]);
});

test('sender slots: ids ascending, each spike mapped to its neuron; ids that are not whole numbers too', () => {
  const s = senderSlots([7, 3, 7, 12]);
  assert.deepEqual([...s.ids], [3, 7, 12]);
  assert.deepEqual([...s.slot], [1, 0, 1, 2]);
  const odd = senderSlots([2.5, -1, 2.5]);
  assert.deepEqual([...odd.ids], [-1, 2.5]);
  assert.deepEqual([...odd.slot], [1, 0, 1]);
});

test('per-neuron counts and CV, interleaved neurons', () => {
  // neuron 1 at 10, 30, 60: intervals 20 and 30, mean 25, SD 5 → CV 0.2; neuron 2 at 5, 15: one
  // interval, no CV; neuron 9 once: no interval.
  const times = [5, 10, 15, 30, 40, 60];
  const senders = [2, 1, 2, 1, 9, 1];
  const s = spikeTrainStats(times, senders);
  assert.deepEqual([...s.ids], [1, 2, 9]);
  assert.deepEqual([...s.counts], [3, 2, 1]);
  assert.deepEqual([...s.intervals].sort((a, b) => a - b), [10, 20, 30]);
  close(s.cv[0], 0.2, 1e-12, 'CV of neuron 1');
  assert.ok(Number.isNaN(s.cv[1]) && Number.isNaN(s.cv[2]));
  assert.equal(s.cvNeurons, 1);
  close(s.meanCv!, 0.2, 1e-12, 'mean CV');
  assert.equal(spikeTrainStats([], []).meanCv, null);
});

test('mean and SD of V_m (population SD), and which key is the membrane potential', () => {
  assert.deepEqual(meanAndSd([-70, -60]), { mean: -65, sd: 5, n: 2 });
  assert.equal(meanAndSd([]), null);
  const vm = { senders: [1, 2, 1, 2], times: [1, 1, 2, 2], V_m: [-70, -60, -70, -60] };
  assert.equal(potentialOf(vm), 'V_m');
  assert.equal(potentialOf({ senders: [0], times: [1], v: [0.5], i: [1] }), 'v');
  assert.equal(potentialOf({ senders: [0], times: [1], g_ex: [0.5] }), null);
  const row = recorderStats({ name: 'vm1', model: 'voltmeter', sources: null, events: vm }, 2);
  assert.equal(row.neurons, 2);
  assert.equal(row.spikes, null);
  assert.equal(row.potential, 'V_m');
  assert.equal(row.meanPotential, -65);
  assert.equal(row.sdPotential, 5);
  // rate per neuron counts the recorded population (sources), not only the neurons that fired
  const sr = recorderStats({ name: 'sr', model: 'spike_recorder', sources: 4, events: { times: [1, 2, 3, 4, 5, 6], senders: [1, 1, 1, 2, 2, 2] } }, 500);
  assert.equal(sr.ratePerNeuron, 3); // 6 spikes / 4 neurons / 0.5 s
});

test('nice bin widths: 1, 2, 5 × 10^k', () => {
  assert.equal(niceStep(3.33), 5);
  assert.equal(niceStep(0.7), 1);
  assert.equal(niceStep(12), 20);
  assert.equal(niceStep(0.025), 0.05);
  assert.equal(defaultRateBin(1000), 50); // 1000/40 = 25 → 50
  assert.equal(defaultRateBin(10, 0.5), 0.5); // 10/40 = 0.25 → 0.5, and never below the resolution
  assert.equal(defaultIsiBin([100, 100]), 5); // 100/40 = 2.5 → 5
});

test('800k spikes (a Brunel-sized run): sort, per-neuron stats, PSTH and ISI histogram in one pass each', () => {
  const n = 800_000;
  const neurons = 12_500;
  const senders = new Float64Array(n);
  const times = new Float64Array(n);
  // slice by slice, neuron by neuron as NEST lists them: ascending per neuron, not globally
  for (let i = 0; i < n; i++) {
    const slice = Math.floor(i / 8000);
    senders[i] = 1 + ((i * 7) % neurons);
    times[i] = Math.round((slice * 10 + ((i * 13) % 100) / 10) * 10) / 10;
  }
  const started = performance.now();
  const sorted = spikeColumns({ times, senders });
  const afterSort = performance.now();
  const s = spikeTrainStats(sorted.times, sorted.senders);
  const afterTrains = performance.now();
  const rate = populationRate(sorted.times, neurons, 0, 1000, 5);
  const afterRate = performance.now();
  const isi = isiHistogram(s.intervals, defaultIsiBin(s.intervals));
  const done = performance.now();
  console.log(
    `800k spikes: sort ${(afterSort - started).toFixed(0)} ms, per-neuron stats ${(afterTrains - afterSort).toFixed(0)} ms, ` +
      `PSTH ${(afterRate - afterTrains).toFixed(0)} ms, ISI histogram ${(done - afterRate).toFixed(0)} ms, total ${(done - started).toFixed(0)} ms`,
  );
  assert.equal(s.counts.reduce((a, b) => a + b, 0), n);
  assert.equal(rate.counts.reduce((a, b) => a + b, 0) + rate.outside, n);
  assert.equal(isi.counts.reduce((a, b) => a + b, 0), n - s.ids.length);
  // One pass each means the time grows with the spike count: 8× the spikes must not take anywhere
  // near 64× the time (what a pass per spike pair would). A ratio rather than a time limit, so a
  // busy machine cannot fail it; best of 3 for each size takes out most of the noise.
  const statsTime = (k: number): number => {
    let best = Infinity;
    for (let round = 0; round < 3; round++) {
      const t0 = performance.now();
      const st = spikeTrainStats(sorted.times.subarray(0, k), sorted.senders.subarray(0, k));
      populationRate(sorted.times.subarray(0, k), neurons, 0, 1000, 5);
      isiHistogram(st.intervals, defaultIsiBin(st.intervals));
      best = Math.min(best, performance.now() - t0);
    }
    return best;
  };
  const small = statsTime(n / 8);
  const full = statsTime(n);
  console.log(`stats: ${small.toFixed(1)} ms for ${n / 8} spikes, ${full.toFixed(1)} ms for ${n} (ratio ${(full / small).toFixed(1)}; one pass each ≈ 8)`);
  assert.ok(full < 25 * small, `8× the spikes took ${(full / small).toFixed(1)}× the time: not one pass each`);
});

// ---- the summary line in German: decimal comma, German words, the same digits ----
import { summaryText as summaryLine } from '../../src/plots/summary';
import { useLanguageForTests as showLanguage } from '../../src/i18n';

test('summary line in German: decimal comma and German words; English unchanged', () => {
  const summary = { spikeRecorders: 1, spikes: 30, neurons: 3, durationMs: 1000.5, ratePerNeuron: 9.995, runMs: 12.4 };
  assert.equal(summaryLine(summary), '30 spikes · 10.0 spikes/s per neuron (3 neurons, 1000.5 ms) · run 12 ms');
  showLanguage('de');
  try {
    assert.equal(summaryLine(summary), '30 Spikes · 10,0 Spikes/s pro Neuron (3 Neuronen, 1000,5 ms) · Laufzeit 12 ms');
    assert.equal(summaryLine({ ...summary, spikes: 0 }), 'keine Spikes in 1000,5 ms · Laufzeit 12 ms');
  } finally {
    showLanguage('en');
  }
});
