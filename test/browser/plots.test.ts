// Browser tests of the result plots (src/plots): what each chart is given is what uPlot draws,
// interleaved analog samples are split by neuron, the summary line's numbers are right for cases
// computed by hand, empty results say so, and a 200k-spike raster draws fast enough.
import { expect } from '@esm-bundle/chai';
import '../../src/plots/index';
import type { SbRaster } from '../../src/plots/sb-raster';
import type { SbTraces } from '../../src/plots/sb-traces';
import type { SbResults } from '../../src/plots/sb-results';
import type { PlottedRecorder } from '../../src/plots/recorders';
import { splitBySender } from '../../src/plots/events';
import type { RecorderInfo } from '../../generators/nest';

// Compile-time check (tsc): the generator's recorder list can be handed to <sb-results> as is.
const _recordersFit: (r: RecorderInfo) => PlottedRecorder = (r) => r;
void _recordersFit;

const mounted: HTMLElement[] = [];

/** Put an element into a box of known width and wait until it has rendered and drawn. */
async function mount<T extends HTMLElement>(tag: string, props: Record<string, unknown>, width = 800): Promise<T> {
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

/** Wait for lit's update and the first draw of every chart inside (uPlot draws in a microtask). */
async function settle(el: HTMLElement): Promise<void> {
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  const charts = [el, ...(el.shadowRoot?.querySelectorAll('sb-raster, sb-traces') ?? [])] as unknown as {
    updateComplete?: Promise<unknown>;
    drawn?: Promise<void>;
  }[];
  for (const chart of charts) {
    await chart.updateComplete;
    await chart.drawn;
  }
}

const frames = (n: number) =>
  new Promise<void>((resolve) => {
    const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
    step(n);
  });

afterEach(() => {
  for (const box of mounted.splice(0)) box.remove();
});

function recorder(name: string, model: PlottedRecorder['model'], extra: Partial<PlottedRecorder> = {}): PlottedRecorder {
  return { name, model, blockId: `block-${name}`, recordables: model === 'spike_recorder' ? [] : ['V_m'], sources: null, ...extra };
}

/** 30 spikes, 10 from each of neurons 1, 2, 3, spread over 1000 ms (listed neuron by neuron, as NEST may). */
function thirtySpikes(): { senders: number[]; times: number[] } {
  const senders: number[] = [];
  const times: number[] = [];
  for (const id of [1, 2, 3]) {
    for (let k = 0; k < 10; k++) {
      senders.push(id);
      times.push(50 + 100 * k + id);
    }
  }
  return { senders, times };
}

describe('<sb-raster>', () => {
  it('draws exactly the spikes it is given, sorted by time with their senders', async () => {
    // As NEST lists them: per slice, per neuron — not in time order.
    const events = { senders: new Float64Array([2, 2, 5, 1, 5]), times: new Float64Array([3.1, 7.4, 1.2, 7.4, 9.9]) };
    const raster = await mount<SbRaster>('sb-raster', { events, xMax: 10 });
    const [x, y] = raster.chart!.data as unknown as [Float64Array, Float64Array];
    expect(raster.spikeCount).to.equal(5);
    expect(Array.from(x)).to.deep.equal([1.2, 3.1, 7.4, 7.4, 9.9]);
    // The same (time, sender) pairs as given — none lost, none invented, none re-paired.
    const pairs = (ts: ArrayLike<number>, ss: ArrayLike<number>) =>
      Array.from(ts, (t, i) => `${t}@${ss[i]}`).sort();
    expect(pairs(x, y)).to.deep.equal(pairs(events.times, events.senders));
    // Dots only: a line joining spikes of different neurons would mean nothing.
    const series = raster.chart!.series[1];
    const show = series.points!.show as boolean | ((u: unknown, i: number) => boolean);
    expect(typeof show === 'function' ? show(raster.chart, 1) : show, 'dots shown even when dense').to.equal(true);
    expect((series.paths as (u: unknown) => unknown)(raster.chart), 'no line path').to.equal(null);
    expect(raster.chart!.axes[0].label).to.equal('time (ms)');
    expect(raster.chart!.axes[1].label).to.equal('neuron id');
    // The x axis spans the simulated time, not just the first to the last spike.
    expect(raster.chart!.scales.x.min).to.equal(0);
    expect(raster.chart!.scales.x.max).to.equal(10);
  });

  it('paints a dot where each spike is and nothing where none is', async () => {
    const raster = await mount<SbRaster>('sb-raster', { events: { senders: [3, 1, 5], times: [2, 5, 8] }, xMax: 10 });
    const chart = raster.chart!;
    const ctx = chart.ctx;
    // Is the canvas pixel at a data point the dots' blue (#0072B2, opaque)? Grid lines are faint grey.
    const isDot = (t: number, id: number) => {
      const x = Math.round(chart.valToPos(t, 'x', true)); // canvas pixels, plot offset included
      const y = Math.round(chart.valToPos(id, 'y', true));
      const [r, , b, a] = ctx.getImageData(x, y, 1, 1).data;
      return a > 200 && b > r + 80;
    };
    expect(isDot(2, 3), 'spike of neuron 3 at 2 ms').to.equal(true);
    expect(isDot(5, 1), 'spike of neuron 1 at 5 ms').to.equal(true);
    expect(isDot(8, 5), 'spike of neuron 5 at 8 ms').to.equal(true);
    expect(isDot(5, 3), 'no spike of neuron 3 at 5 ms').to.equal(false);
    expect(isDot(8, 1), 'no spike of neuron 1 at 8 ms').to.equal(false);
    expect(isDot(2, 5), 'no spike of neuron 5 at 2 ms').to.equal(false);
  });

  it('accepts plain number arrays (a remote server returns JSON lists)', async () => {
    const raster = await mount<SbRaster>('sb-raster', { events: { senders: [4, 3], times: [0.5, 0.25] } });
    expect(Array.from(raster.chart!.data[0])).to.deep.equal([0.25, 0.5]);
    expect(Array.from(raster.chart!.data[1] as ArrayLike<number>)).to.deep.equal([3, 4]);
  });

  it('says "No spikes recorded" and draws no chart when there are none', async () => {
    const raster = await mount<SbRaster>('sb-raster', { events: { senders: [], times: [] } });
    expect(raster.chart).to.equal(null);
    expect(raster.shadowRoot!.textContent).to.contain('No spikes recorded');
    expect(raster.shadowRoot!.querySelector('canvas')).to.equal(null);
  });

  it('draws 200k spikes in well under a second', async () => {
    const n = 200_000;
    const neurons = 1000;
    const senders = new Float64Array(n);
    const times = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      senders[i] = 1 + (i % neurons);
      times[i] = Math.round(((i * 7919) % 10_000_000) / 1000) / 10; // scattered, unsorted, on a 0.1 ms grid
    }
    const started = performance.now();
    const raster = await mount<SbRaster>('sb-raster', { events: { senders, times }, xMax: 1000 });
    const elapsed = performance.now() - started;
    console.log(`200k-spike raster: ${elapsed.toFixed(0)} ms from properties to drawn (uPlot build+draw ${raster.lastBuildMs!.toFixed(0)} ms)`);
    expect(raster.chart!.data[0].length).to.equal(n);
    expect(elapsed).to.be.below(1000);
  });

  it('follows the width of its container and destroys its chart on disconnect', async () => {
    const raster = await mount<SbRaster>('sb-raster', { events: { senders: [1], times: [1] } }, 800);
    expect(raster.chart!.width).to.equal(800);
    raster.parentElement!.style.width = '420px';
    await frames(3);
    expect(raster.chart!.width).to.equal(420);
    const root = raster.chart!.root;
    raster.remove();
    expect(raster.chart).to.equal(null);
    expect(root.isConnected).to.equal(false);
  });

  it('builds a new chart when the data changes', async () => {
    const raster = await mount<SbRaster>('sb-raster', { events: { senders: [1], times: [1] } });
    const first = raster.chart;
    raster.events = { senders: [1, 2], times: [1, 2] };
    await settle(raster);
    expect(raster.chart).to.not.equal(first);
    expect(raster.chart!.data[0].length).to.equal(2);
    expect(raster.shadowRoot!.querySelectorAll('.uplot').length).to.equal(1);
  });
});

describe('splitting analog samples by sender', () => {
  it('splits samples interleaved time-then-sender into one line per neuron', () => {
    // 3 neurons, samples at 0.1, 0.2, 0.3 ms; value = 10·id + step, so each sample says whose it is.
    const senders = [7, 8, 9, 7, 8, 9, 7, 8, 9];
    const times = [0.1, 0.1, 0.1, 0.2, 0.2, 0.2, 0.3, 0.3, 0.3];
    const values = [71, 81, 91, 72, 82, 92, 73, 83, 93];
    const split = splitBySender(senders, times, values);
    expect(Array.from(split.x)).to.deep.equal([0.1, 0.2, 0.3]);
    expect(split.senders).to.deep.equal([7, 8, 9]);
    expect(split.lines.map((l) => Array.from(l))).to.deep.equal([
      [71, 72, 73],
      [81, 82, 83],
      [91, 92, 93],
    ]);
  });

  it('splits NEST-style blocks (each neuron’s samples of a slice together) the same way', () => {
    const senders = [9, 9, 7, 7, 8, 8, 7, 8, 9];
    const times = [0.1, 0.2, 0.1, 0.2, 0.1, 0.2, 0.3, 0.3, 0.3];
    const values = [91, 92, 71, 72, 81, 82, 73, 83, 93];
    const split = splitBySender(senders, times, values);
    expect(Array.from(split.x)).to.deep.equal([0.1, 0.2, 0.3]);
    expect(split.lines.map((l) => Array.from(l))).to.deep.equal([
      [71, 72, 73],
      [81, 82, 83],
      [91, 92, 93],
    ]);
  });

  it('leaves a gap (null) where one neuron has no sample', () => {
    const split = splitBySender([1, 2, 1, 1, 2], [0.1, 0.1, 0.2, 0.3, 0.3], [1, 2, 3, 4, 5]);
    expect(Array.from(split.x)).to.deep.equal([0.1, 0.2, 0.3]);
    expect(split.lines.map((l) => Array.from(l))).to.deep.equal([
      [1, 3, 4],
      [2, null, 5],
    ]);
  });
});

describe('<sb-traces>', () => {
  const multimeter = () => ({
    senders: new Float64Array([1, 2, 3, 1, 2, 3]),
    times: new Float64Array([0.1, 0.1, 0.1, 0.2, 0.2, 0.2]),
    V_m: new Float64Array([-70, -69, -68, -67, -66, -65]),
    I_syn_ex: new Float64Array([10, 20, 30, 11, 21, 31]),
  });

  it('draws one line per neuron from interleaved samples', async () => {
    const traces = await mount<SbTraces>('sb-traces', { events: multimeter(), recordables: ['V_m', 'I_syn_ex'] });
    const data = traces.chart!.data;
    expect(data.length).to.equal(4); // x + 3 neurons
    expect(Array.from(data[0])).to.deep.equal([0.1, 0.2]);
    expect(Array.from(data[1] as ArrayLike<number>)).to.deep.equal([-70, -67]);
    expect(Array.from(data[2] as ArrayLike<number>)).to.deep.equal([-69, -66]);
    expect(Array.from(data[3] as ArrayLike<number>)).to.deep.equal([-68, -65]);
    expect(traces.chart!.series.slice(1).map((s) => s.label)).to.deep.equal(['neuron 1', 'neuron 2', 'neuron 3']);
    expect(traces.chart!.axes[1].label).to.equal('V_m (mV)');
  });

  it('switches the drawn series with the recordable selector', async () => {
    const traces = await mount<SbTraces>('sb-traces', { events: multimeter(), recordables: ['V_m', 'I_syn_ex'] });
    const select = traces.shadowRoot!.querySelector('select')!;
    expect(select, 'a selector for two recordables').to.exist;
    expect(select.closest('label')!.textContent).to.contain('Show');
    expect(Array.from(select.options).map((o) => o.value)).to.deep.equal(['V_m', 'I_syn_ex']);
    const before = traces.chart;
    select.value = 'I_syn_ex';
    select.dispatchEvent(new Event('change'));
    await settle(traces);
    expect(traces.chart).to.not.equal(before);
    expect(Array.from(traces.chart!.data[1] as ArrayLike<number>)).to.deep.equal([10, 11]);
    expect(Array.from(traces.chart!.data[3] as ArrayLike<number>)).to.deep.equal([30, 31]);
    expect(traces.chart!.axes[1].label).to.equal('I_syn_ex (pA)');
  });

  it('shows no selector when only one recordable was recorded', async () => {
    const events = { senders: [1], times: [0.1], V_m: [-70] };
    const traces = await mount<SbTraces>('sb-traces', { events, recordables: ['V_m'] });
    expect(traces.shadowRoot!.querySelector('select')).to.equal(null);
  });

  it('draws at most 20 neurons and says so', async () => {
    const senders: number[] = [];
    const times: number[] = [];
    const V_m: number[] = [];
    for (let step = 1; step <= 3; step++) {
      for (let id = 1; id <= 25; id++) {
        senders.push(id);
        times.push(step / 10);
        V_m.push(-70 + id);
      }
    }
    const traces = await mount<SbTraces>('sb-traces', { events: { senders, times, V_m } });
    expect(traces.chart!.series.length).to.equal(21);
    expect(traces.shadowRoot!.textContent).to.contain('Showing the first 20 of 25 neurons (ids 1–20).');
  });
});

describe('<sb-results>', () => {
  it('summarises 30 spikes from 3 neurons over 1000 ms as 10.0 spikes/s per neuron', async () => {
    const results = await mount<SbResults>('sb-results', {
      response: { events: [thirtySpikes()] },
      recorders: [recorder('sr1', 'spike_recorder')],
      simTime: 1000,
      runMs: 42.4,
    });
    const text = results.shadowRoot!.querySelector('.summary')!.textContent!;
    expect(text).to.contain('30 spikes');
    expect(text).to.contain('10.0 spikes/s per neuron');
    expect(text).to.contain('3 neurons');
    expect(text).to.contain('run 42 ms');
    expect(results.summary.ratePerNeuron).to.equal(10);
  });

  it('counts the recorded population (sources), not just the neurons that fired', async () => {
    // 30 spikes, 6 neurons recorded (3 silent), 1000 ms → 30 / 6 / 1 s = 5.0 spikes/s.
    const results = await mount<SbResults>('sb-results', {
      response: { events: [thirtySpikes()] },
      recorders: [recorder('sr1', 'spike_recorder', { sources: 6 })],
      simTime: 1000,
      runMs: 5,
    });
    expect(results.shadowRoot!.querySelector('.summary')!.textContent).to.contain('5.0 spikes/s per neuron (6 neurons');
  });

  it('uses the last spike time when the simulated time is unknown', async () => {
    // Last spike at 50 + 900 + 3 = 953 ms → 30 / 3 / 0.953 s = 10.49 spikes/s.
    const results = await mount<SbResults>('sb-results', {
      response: { events: [thirtySpikes()] },
      recorders: [recorder('sr1', 'spike_recorder')],
      simTime: null,
      runMs: 5,
    });
    expect(results.shadowRoot!.querySelector('.summary')!.textContent).to.contain('10.5 spikes/s per neuron (3 neurons, 953 ms)');
  });

  it('lays out a raster per spike_recorder and traces per voltmeter, titled and cursor-synced', async () => {
    const vm = { senders: [1, 2, 1, 2], times: [0.1, 0.1, 0.2, 0.2], V_m: [-70, -70, -69.6, -69.6] };
    const results = await mount<SbResults>('sb-results', {
      response: { events: [thirtySpikes(), vm] },
      recorders: [recorder('sr1', 'spike_recorder'), recorder('vm1', 'voltmeter')],
      simTime: 1000,
      runMs: 10,
    });
    const root = results.shadowRoot!;
    const titles = Array.from(root.querySelectorAll('h3 button')).map((b) => b.textContent!.trim());
    expect(titles).to.deep.equal(['sr1 — spike_recorder', 'vm1 — voltmeter']);
    const raster = root.querySelector('sb-raster')!;
    const traces = root.querySelector('sb-traces')!;
    expect(raster.chart!.data[0].length).to.equal(30);
    expect(traces.chart!.data.length).to.equal(3);
    const keys = [raster.chart!.cursor.sync!.key, traces.chart!.cursor.sync!.key];
    expect(keys[0]).to.be.a('string').and.equal(keys[1]);
    // Same time span on every panel, so the synced cursors line up.
    for (const chart of [raster.chart!, traces.chart!]) {
      expect([chart.scales.x.min, chart.scales.x.max]).to.deep.equal([0, 1000]);
    }
  });

  it('moves the cursor of every chart when one is hovered', async () => {
    const vm = { senders: [1, 1, 1], times: [250, 500, 750], V_m: [-70, -60, -50] };
    const results = await mount<SbResults>('sb-results', {
      response: { events: [thirtySpikes(), vm] },
      recorders: [recorder('sr1', 'spike_recorder'), recorder('vm1', 'voltmeter')],
      simTime: 1000,
      runMs: 1,
    });
    const raster = results.shadowRoot!.querySelector('sb-raster')!.chart!;
    const traces = results.shadowRoot!.querySelector('sb-traces')!.chart!;
    // A real mouse move over the raster's plot area at t = 500 ms.
    const area = raster.over.getBoundingClientRect();
    const clientX = area.left + raster.valToPos(500, 'x');
    raster.over.dispatchEvent(new MouseEvent('mouseenter', { clientX, clientY: area.top + 10 }));
    raster.over.dispatchEvent(new MouseEvent('mousemove', { clientX, clientY: area.top + 10, bubbles: true }));
    await frames(2);
    expect(raster.posToVal(raster.cursor.left!, 'x')).to.be.closeTo(500, 2);
    const syncedLeft = traces.cursor.left!;
    expect(traces.posToVal(syncedLeft, 'x')).to.be.closeTo(500, 2);
  });

  it('replaces the charts of the previous run when a new response arrives', async () => {
    const results = await mount<SbResults>('sb-results', {
      response: { events: [thirtySpikes()] },
      recorders: [recorder('sr1', 'spike_recorder')],
      simTime: 1000,
      runMs: 1,
    });
    const raster = results.shadowRoot!.querySelector('sb-raster')!;
    const before = raster.chart!;
    results.response = { events: [{ senders: [1, 2], times: [100, 200] }] };
    await settle(results);
    expect(raster.chart).to.not.equal(before);
    expect(before.root.isConnected, 'old chart destroyed').to.equal(false);
    expect(raster.chart!.data[0].length).to.equal(2);
    expect(raster.shadowRoot!.querySelectorAll('.uplot').length).to.equal(1);
    expect(results.shadowRoot!.querySelector('.summary')!.textContent).to.contain('2 spikes');
  });

  it('fires record-select with the block id when a panel title is clicked', async () => {
    const results = await mount<SbResults>('sb-results', {
      response: { events: [thirtySpikes()] },
      recorders: [recorder('sr1', 'spike_recorder', { blockId: 'abc123' })],
      simTime: 1000,
      runMs: 1,
    });
    const seen: unknown[] = [];
    const listener = (e: Event) => seen.push((e as CustomEvent).detail);
    document.addEventListener('record-select', listener); // outside the shadow root: bubbles + composed
    try {
      results.shadowRoot!.querySelector<HTMLButtonElement>('h3 button')!.click();
    } finally {
      document.removeEventListener('record-select', listener);
    }
    expect(seen).to.deep.equal([{ blockId: 'abc123' }]);
  });

  it('says "no spikes" plainly instead of drawing an empty chart', async () => {
    const results = await mount<SbResults>('sb-results', {
      response: { events: [{ senders: new Float64Array(0), times: new Float64Array(0) }, { senders: [], times: [], V_m: [] }] },
      recorders: [recorder('sr1', 'spike_recorder', { sources: 10 }), recorder('mm1', 'multimeter')],
      simTime: 500,
      runMs: 3,
    });
    const root = results.shadowRoot!;
    expect(root.querySelector('.summary')!.textContent).to.contain('no spikes in 500 ms');
    expect(root.textContent).to.contain('No spikes: sr1 recorded no spikes in 500 ms.');
    expect(root.textContent).to.contain('No samples: mm1 recorded nothing.');
    expect(root.querySelector('sb-raster')).to.equal(null);
    expect(root.querySelector('sb-traces')).to.equal(null);
  });

  it('explains a result with nothing recorded, and no result at all', async () => {
    const empty = await mount<SbResults>('sb-results', { response: { events: [] }, recorders: [], simTime: 100, runMs: 1 });
    expect(empty.shadowRoot!.textContent).to.contain('Nothing was recorded');
    const none = await mount<SbResults>('sb-results', {});
    expect(none.shadowRoot!.textContent).to.contain('No results yet');
    const odd = await mount<SbResults>('sb-results', { response: { answer: 42 } });
    expect(odd.shadowRoot!.textContent).to.contain('no "events" list');
  });
});
