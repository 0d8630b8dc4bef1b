// Browser tests of the class plots under each raster (src/plots/sb-spike-plots.ts, sb-bars.ts,
// sb-stats-table.ts): what the PSTH, ISI histogram, spikes-per-neuron / f–I chart and the
// statistics table show for spike trains whose numbers are counted by hand; the bin size a learner
// types; Norse runs drawn in steps; the table alternative and labels a screen reader uses; the
// high-contrast theme; and the time an 800k-spike run takes to show.
import { expect } from '@esm-bundle/chai';
import '../../src/plots/index';
import type { SbResults } from '../../src/plots/sb-results';
import type { SbSpikePlots } from '../../src/plots/sb-spike-plots';
import type { SbBars } from '../../src/plots/sb-bars';
import type { SbRaster } from '../../src/plots/sb-raster';
import type uPlot from 'uplot';
import type { PlottedRecorder } from '../../src/plots/recorders';
import { norseToEvents, setNorseTimeUnit } from '../../src/plots/norse-recordings';
import { HIGH_CONTRAST_COLORS, LINE_COLORS, contrastRatio } from '../../src/plots/colors';

const mounted: HTMLElement[] = [];

/** Every lit element below `root`, through shadow roots. */
function allElements(root: Element | ShadowRoot): Element[] {
  const out: Element[] = [];
  for (const el of Array.from(root.querySelectorAll('*'))) {
    out.push(el);
    if (el.shadowRoot) out.push(...allElements(el.shadowRoot));
  }
  return out;
}

/** Wait until every nested element has rendered and every chart has drawn (repeat: a render adds children). */
async function settle(el: HTMLElement): Promise<void> {
  for (let round = 0; round < 5; round++) {
    const all = [el, ...allElements(el.shadowRoot ?? el)] as unknown as { updateComplete?: Promise<unknown>; drawn?: Promise<void> }[];
    for (const e of all) {
      await e.updateComplete;
      await e.drawn;
    }
  }
}

async function mount<T extends HTMLElement>(tag: string, props: Record<string, unknown>, width = 900): Promise<T> {
  const box = document.createElement('div');
  box.style.width = `${width}px`;
  document.body.append(box);
  mounted.push(box);
  const el = document.createElement(tag) as T;
  Object.assign(el, props);
  box.append(el);
  await settle(el);
  return el;
}

afterEach(() => {
  for (const box of mounted.splice(0)) box.remove();
  setNorseTimeUnit('ms');
});

function spikeRecorder(name: string, extra: Partial<PlottedRecorder> = {}): PlottedRecorder {
  return { name, model: 'spike_recorder', blockId: `block-${name}`, recordables: [], sources: null, ...extra };
}

const plotsOf = (results: SbResults) => results.shadowRoot!.querySelector('sb-spike-plots') as SbSpikePlots;
const barsOf = (plots: SbSpikePlots) => Array.from(plots.shadowRoot!.querySelectorAll('sb-bars')) as SbBars[];

/** Known spikes of 2 neurons over 20 ms: in (0,5] 3 spikes, (5,10] 3, (10,15] 1, (15,20] 2. */
const KNOWN = {
  senders: [1, 2, 1, 2, 1, 2, 1, 2, 1],
  times: [0.1, 4.9, 5.0, 5.1, 9.9, 10.0, 12.3, 19.9, 20.0],
};

describe('class plots: PSTH, ISI histogram, spikes per neuron', () => {
  it('draws the PSTH of known spikes with the bin size the learner types (counted by hand)', async () => {
    const results = await mount<SbResults>('sb-results', {
      response: { events: [KNOWN] },
      recorders: [spikeRecorder('sr1', { sources: 2 })],
      simTime: 20,
    });
    const plots = plotsOf(results);
    const input = plots.shadowRoot!.querySelector('h4 input') as HTMLInputElement;
    // the bin field is labelled (a wrapping <label>) and described by the line beside it
    expect(input.closest('label')!.textContent).to.match(/bin/);
    expect(input.getAttribute('aria-describedby')).to.equal('rateBin-note');
    // its accessible name says which plot of which recorder it sets
    expect(input.getAttribute('aria-label')).to.equal('PSTH bin width of sr1 (ms)');
    // the learner types 5 and presses Enter (a change event; real keys are pressed in the e2e test,
    // test/e2e/plots-class.test.ts: @web/test-runner-commands cannot load through vite here)
    input.focus();
    input.value = '5';
    input.dispatchEvent(new Event('change'));
    await settle(results);
    expect(plots.rateBin).to.equal(5);
    const psth = barsOf(plots)[0];
    const [x, y] = psth.chart!.data as unknown as [Float64Array, Float64Array];
    expect(Array.from(x)).to.deep.equal([2.5, 7.5, 12.5, 17.5]);
    // 3 spikes / 2 neurons / 0.005 s = 300 spikes/s, …
    expect(Array.from(y)).to.deep.equal([300, 300, 100, 200]);
    expect(plots.rate.counts.reduce((a, b) => a + b, 0)).to.equal(9);
    // the table alternative lists the same bins with their spike counts
    const details = psth.shadowRoot!.querySelector('details')!;
    const toggled = new Promise((resolve) => details.addEventListener('toggle', resolve, { once: true }));
    psth.shadowRoot!.querySelector('summary')!.click();
    await toggled; // the toggle event comes in a later task
    await settle(results);
    const rows = Array.from(psth.shadowRoot!.querySelectorAll('.numbers tbody tr')).map((tr) => tr.textContent!.replace(/\s+/g, ' ').trim());
    expect(rows).to.deep.equal(['0–5 300 3', '5–10 300 3', '10–15 100 1', '15–20 200 2']);
    expect(psth.shadowRoot!.querySelector('.numbers caption')!.textContent).to.contain('Population rate of sr1 in 5 ms bins');
    // a bin of 0, negative, empty or too small for the run is refused: a visible message beside
    // the field (which describes it to a screen reader), aria-invalid; the chart keeps the last good bin
    const error = () => plots.shadowRoot!.querySelector('#rateBin-error')!;
    // 20 ms run / 5000 bins: nothing under 0.004 ms
    const cases: [string, RegExp][] = [
      ['0', /wider than 0 ms/],
      ['-2', /wider than 0 ms/],
      ['', /Type a bin width in ms/],
      ['0.001', /Too small for this run: at least 0\.004 ms \(at most 5000 bins\)/],
    ];
    for (const [typed, message] of cases) {
      input.value = typed;
      input.dispatchEvent(new Event('change'));
      await settle(results);
      expect(input.getAttribute('aria-invalid'), typed).to.equal('true');
      expect(error().textContent, typed).to.match(message);
      expect(input.getAttribute('aria-describedby')).to.equal('rateBin-error rateBin-note');
      expect(plots.rateBin).to.equal(5);
      expect(Array.from(psth.chart!.data[1] as ArrayLike<number>)).to.deep.equal([300, 300, 100, 200]);
      // the learner's text stays in the field to correct it
      expect(input.value).to.equal(typed);
    }
    // a good bin clears the message
    input.value = '10';
    input.dispatchEvent(new Event('change'));
    await settle(results);
    expect(plots.rateBin).to.equal(10);
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    expect(error().textContent).to.equal('');
    expect(input.getAttribute('aria-describedby')).to.equal('rateBin-note');
  });

  it('spikes per neuron lists the silent neurons with 0 when the recorded ids are known', async () => {
    // response["recorded"]: sr1 records neurons 1–4; only 1 and 2 spiked (KNOWN: 5× and 4×)
    const results = await mount<SbResults>('sb-results', {
      response: { events: [KNOWN], recorded: [[1, 2, 3, 4]] },
      recorders: [spikeRecorder('sr1', { sources: 4 })],
      simTime: 20,
    });
    const counts = barsOf(plotsOf(results))[2];
    expect(Array.from(counts.chart!.data[0] as ArrayLike<number>)).to.deep.equal([1, 2, 3, 4]);
    expect(Array.from(counts.chart!.data[1] as ArrayLike<number>)).to.deep.equal([5, 4, 0, 0]);
    expect(plotsOf(results).shadowRoot!.textContent!.replace(/\s+/g, ' ')).to.contain('2 of 4 neurons spiked');
    // without the ids (a program that does not say them) the heading says the silent ones are missing
    const unknown = await mount<SbResults>('sb-results', { response: { events: [KNOWN] }, recorders: [spikeRecorder('sr1', { sources: 4 })], simTime: 20 });
    expect(plotsOf(unknown).shadowRoot!.textContent!.replace(/\s+/g, ' ')).to.contain('2 of 4 neurons spiked; the 2 silent ones have no bar');
    expect(Array.from(barsOf(plotsOf(unknown))[2].chart!.data[0] as ArrayLike<number>)).to.deep.equal([1, 2]);
    // a Norse layer's neurons are its columns: the silent one shows too
    const spikes = [[1, 0, 0], [0, 1, 0]];
    const norse = norseToEvents({ dt: 0.001, steps: 2, recordings: [{ name: 'lif1', spikes }] }, [{ name: 'lif1', blockId: 'b1' }], 'ms');
    const layer = await mount<SbResults>('sb-results', { response: norse.response, recorders: norse.recorders, simTime: 2 });
    // (no neuron spiked twice: no ISI chart, so the counts are the second chart)
    const layerCounts = barsOf(plotsOf(layer)).at(-1)!;
    expect(Array.from(layerCounts.chart!.data[0] as ArrayLike<number>)).to.deep.equal([0, 1, 2]);
    expect(Array.from(layerCounts.chart!.data[1] as ArrayLike<number>)).to.deep.equal([1, 1, 0]);
  });

  it('a recorder name with bidirectional controls is shown without them (title, captions, statistics)', async () => {
    const results = await mount<SbResults>('sb-results', { response: { events: [KNOWN] }, recorders: [spikeRecorder('abc\u202Eexe.py')], simTime: 20 });
    const everything = allElements(results.shadowRoot!).flatMap((el) => [el.textContent ?? '', el.getAttribute('aria-label') ?? '', el.getAttribute('title') ?? '']).join(' ');
    expect(everything).to.contain('abcexe.py');
    expect(/[\u202A-\u202E\u2066-\u2069\u200E\u200F]/.test(everything)).to.equal(false);
    const plots = plotsOf(results);
    expect(barsOf(plots)[0].caption).to.equal('Population rate of abcexe.py in 0.5 ms bins');
  });

  it('with several recorders, each plot\'s bin fields have their own accessible name', async () => {
    const results = await mount<SbResults>('sb-results', {
      response: { events: [KNOWN, KNOWN] },
      recorders: [spikeRecorder('sr1'), spikeRecorder('sr2')],
      simTime: 20,
    });
    const names = Array.from(results.shadowRoot!.querySelectorAll('sb-spike-plots')).flatMap((p) =>
      Array.from(p.shadowRoot!.querySelectorAll('input')).map((i) => i.getAttribute('aria-label')),
    );
    expect(names).to.deep.equal(['PSTH bin width of sr1 (ms)', 'ISI histogram bin width of sr1 (ms)', 'PSTH bin width of sr2 (ms)', 'ISI histogram bin width of sr2 (ms)']);
  });

  it('a regular 10 Hz train: one ISI bin, CV 0.00, 10 spikes per neuron; statistics with units', async () => {
    // neuron 1 at 100, 200, …, 1000 ms; a voltmeter sampling V_m −70 and −60 alternately
    const times = Array.from({ length: 10 }, (_v, k) => (k + 1) * 100);
    const vm = { senders: [1, 1, 1, 1], times: [1, 2, 3, 4], V_m: [-70, -60, -70, -60] };
    const results = await mount<SbResults>('sb-results', {
      response: { events: [{ senders: times.map(() => 1), times }, vm] },
      recorders: [spikeRecorder('sr1', { sources: 1 }), { name: 'vm1', model: 'voltmeter', blockId: 'b-vm', recordables: ['V_m'], sources: 1 }],
      simTime: 1000,
    });
    const plots = plotsOf(results);
    const [, isi, counts] = barsOf(plots);
    const isiCounts = Array.from(isi.chart!.data[1] as ArrayLike<number>);
    expect(isiCounts.filter((c) => c > 0)).to.deep.equal([9]);
    // default ISI bin: 100/40 → 5 ms; 100 ms lies in [100, 105)
    const at = isiCounts.findIndex((c) => c > 0);
    expect(isi.data!.left[at]).to.equal(100);
    expect(Array.from(counts.chart!.data[1] as ArrayLike<number>)).to.deep.equal([10]);
    const table = results.shadowRoot!.querySelector('sb-stats-table')!;
    const cells = (r: number) => Array.from(table.shadowRoot!.querySelectorAll(`tbody tr:nth-child(${r}) > *`)).map((c) => c.textContent!.trim());
    expect(cells(1)).to.deep.equal(['sr1', '1', '10', '10.0', '0.00 (1 neuron)', '–', '–']);
    expect(cells(2)).to.deep.equal(['vm1', '1', '–', '–', '–', '−65.00 mV', '5.00 mV']);
    const headers = Array.from(table.shadowRoot!.querySelectorAll('thead th')).map((c) => c.textContent!.replace(/\s+/g, ' ').trim());
    expect(headers).to.include('mean rate spikes/s per neuron');
    expect(headers).to.include('mean V_m');
    expect(table.shadowRoot!.querySelector('caption')!.textContent).to.equal('Statistics');
  });

  it('shows rate against input (f–I) when the recorder knows each neuron’s input', async () => {
    // neurons 1–3 got 300, 500, 400 pA; over 1000 ms neuron 2 spiked 20×, neuron 3 5×, neuron 1 never
    const senders = [...Array(20).fill(2), ...Array(5).fill(3)];
    const times = [...Array.from({ length: 20 }, (_v, k) => 10 + 45 * k), ...Array.from({ length: 5 }, (_v, k) => 100 + 150 * k)];
    const results = await mount<SbResults>('sb-results', {
      response: { events: [{ senders, times }] },
      recorders: [spikeRecorder('sr1', { sources: 3, inputs: { label: 'I_e (pA)', ids: [1, 2, 3], values: [300, 500, 400] } })],
      simTime: 1000,
    });
    const fi = barsOf(plotsOf(results))[2];
    expect(fi.points).to.equal(true);
    expect(Array.from(fi.chart!.data[0])).to.deep.equal([300, 400, 500]);
    expect(Array.from(fi.chart!.data[1] as ArrayLike<number>)).to.deep.equal([0, 5, 20]);
    expect(plotsOf(results).shadowRoot!.textContent).to.contain('Rate against input (f–I)');
    // the same from the program's response["inputs"] (neuron-inputs.ts), as a generator would return it
    const fromResponse = await mount<SbResults>('sb-results', {
      response: { events: [{ senders, times }], inputs: [{ label: 'I_e (pA)', ids: [1, 2, 3], values: [300, 500, 400] }] },
      recorders: [spikeRecorder('sr1', { sources: 3 })],
      simTime: 1000,
    });
    const fi2 = barsOf(plotsOf(fromResponse))[2];
    expect(Array.from(fi2.chart!.data[1] as ArrayLike<number>)).to.deep.equal([0, 5, 20]);
    expect(fi2.xLabel).to.equal('I_e (pA)');
  });

  it('a Norse run drawn in steps: the class plots stay in ms and spikes/s', async () => {
    // 2 neurons, 10 steps of dt 1 ms; neuron 0 spikes at steps 0, 4, 9 (t = 1, 5, 10 ms), neuron 1 at step 4
    const spikes = Array.from({ length: 10 }, (_v, t) => [t === 0 || t === 4 || t === 9 ? 1 : 0, t === 4 ? 1 : 0]);
    const converted = norseToEvents({ dt: 0.001, steps: 10, recordings: [{ name: 'lif1', spikes }] }, [{ name: 'lif1', blockId: 'b1' }], 'steps');
    setNorseTimeUnit('steps'); // as if the learner chose steps (remembered for the session)
    const results = await mount<SbResults>('sb-results', {
      response: converted.response,
      recorders: converted.recorders,
      simTime: converted.response.biological_time,
    });
    const plots = plotsOf(results);
    // the raster is in steps, the PSTH in ms over (0, 10]; default bin 10/40 → 0.5 ms
    expect((results.shadowRoot!.querySelector('sb-raster') as SbRaster).timeLabel).to.equal('time (steps)');
    expect(plots.durationMs).to.equal(10);
    plots.rateBin = 5;
    await settle(results);
    // (0,5]: t = 1, 5, 5 → 3 spikes / 2 neurons / 0.005 s = 300; (5,10]: t = 10 → 100
    expect(Array.from(plots.rate.rate)).to.deep.equal([300, 100]);
    expect(plots.syncKey).to.equal(null); // not synced with a raster in steps
    const row = results.statistics[0];
    expect(row.spikes).to.equal(4);
    expect(row.ratePerNeuron).to.equal(200); // 4 spikes / 2 neurons / 0.01 s
  });
});

/** An axis' stroke colour as uPlot keeps it (it wraps options in functions). */
function strokeOf(chart: uPlot, axis: number): string {
  const stroke = chart.axes[axis].stroke as unknown;
  return typeof stroke === 'function' ? String((stroke as (u: uPlot, i: number) => unknown)(chart, axis)) : String(stroke);
}

describe('class plots: accessibility and themes', () => {
  it('labels every chart as an image, with a folded table of its numbers', async () => {
    const results = await mount<SbResults>('sb-results', { response: { events: [KNOWN] }, recorders: [spikeRecorder('sr1')], simTime: 20 });
    for (const bars of barsOf(plotsOf(results))) {
      const img = bars.shadowRoot!.querySelector('[role="img"]')!;
      expect(img.getAttribute('aria-label')).to.match(/against .*\d+ (bars|points)\. The numbers are in the table below\./);
      const summary = bars.shadowRoot!.querySelector('summary')!;
      expect(summary.textContent).to.match(/Numbers \(\d+ rows?\)/);
    }
  });

  it('the palettes: Okabe–Ito; the high-contrast one keeps at least 3:1 against white', () => {
    // Okabe & Ito (2008), "Color Universal Design": blue, vermillion, bluish green, reddish purple, orange, sky blue, black
    expect([...LINE_COLORS]).to.deep.equal(['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000']);
    for (const c of HIGH_CONTRAST_COLORS) expect(contrastRatio(c, '#FFFFFF'), c).to.be.at.least(3);
    // the WCAG formula on known pairs: black on white 21:1, a colour on itself 1:1
    expect(contrastRatio('#000000', '#FFFFFF')).to.be.closeTo(21, 1e-9);
    expect(contrastRatio('#0072B2', '#0072B2')).to.equal(1);
  });

  it('highContrast: reflected as an attribute, every chart redrawn with black axes and black raster dots', async () => {
    const results = await mount<SbResults>('sb-results', { response: { events: [KNOWN] }, recorders: [spikeRecorder('sr1')], simTime: 20 });
    const raster = results.shadowRoot!.querySelector('sb-raster') as SbRaster;
    const before = raster.chart;
    results.highContrast = true;
    await settle(results);
    expect(results.hasAttribute('high-contrast')).to.equal(true);
    // (booleans, not the charts: chai would print a whole uPlot instance on failure)
    expect(raster.chart !== before, 'raster rebuilt').to.equal(true);
    expect(raster.highContrast).to.equal(true);
    expect(strokeOf(raster.chart!, 0)).to.equal('#000');
    for (const bars of barsOf(plotsOf(results))) {
      expect(bars.hasAttribute('high-contrast')).to.equal(true);
      expect(strokeOf(bars.chart!, 1)).to.equal('#000');
    }
    // a raster dot is painted black now: spike of neuron 2 at 10 ms
    const chart = raster.chart!;
    const px = chart.ctx.getImageData(Math.round(chart.valToPos(10, 'x', true)), Math.round(chart.valToPos(2, 'y', true)), 1, 1).data;
    expect([px[0], px[1], px[2], px[3]]).to.deep.equal([0, 0, 0, 255]);
    expect(getComputedStyle(results).color).to.equal('rgb(0, 0, 0)');
  });
});

describe('class plots: a Brunel-sized run', () => {
  it('shows raster, PSTH, ISI histogram, counts and statistics of 800k spikes', async () => {
    const n = 800_000;
    const neurons = 12_500;
    const senders = new Float64Array(n);
    const times = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      // slice by slice (10 ms), neuron by neuron as NEST lists them: not in global time order
      senders[i] = 1 + ((i * 7) % neurons);
      times[i] = Math.round((Math.floor(i / 8000) * 10 + ((i * 13) % 100) / 10) * 10) / 10;
    }
    // the raster alone first (what a run cost before the class plots), on a copy so no cache is shared
    const alone = performance.now();
    await mount<SbRaster>('sb-raster', { events: { senders: senders.slice(), times: times.slice() }, xMax: 1000 });
    const rasterOnly = performance.now() - alone;
    const started = performance.now();
    const results = await mount<SbResults>('sb-results', {
      response: { events: [{ senders, times }] },
      recorders: [spikeRecorder('sr_ex', { sources: neurons })],
      simTime: 1000,
    });
    const elapsed = performance.now() - started;
    const plots = plotsOf(results);
    const [psth, isi, counts] = barsOf(plots);
    console.log(
      `800k spikes: a raster alone ${rasterOnly.toFixed(0)} ms; <sb-results> ${elapsed.toFixed(0)} ms from properties to every chart drawn ` +
        `(PSTH build+draw ${psth.lastBuildMs!.toFixed(0)} ms, ISI ${isi.lastBuildMs!.toFixed(0)} ms, counts ${counts.lastBuildMs!.toFixed(0)} ms)`,
    );
    expect(plots.rate.counts.reduce((a, b) => a + b, 0)).to.equal(n);
    expect(results.statistics[0].spikes).to.equal(n);
    expect(results.statistics[0].ratePerNeuron).to.equal(64); // 800k / 12 500 / 1 s
    expect(counts.data!.values.length).to.equal(neurons);
    // a new bin redraws the PSTH quickly (one pass over the sorted times)
    const t0 = performance.now();
    plots.rateBin = 1;
    await settle(results);
    console.log(`800k spikes: PSTH with a new bin (1 ms, 1000 bins) in ${(performance.now() - t0).toFixed(0)} ms`);
    expect(psth.data!.values.length).to.equal(1000);
    expect(elapsed).to.be.below(5000);
  });
});
