// Browser tests of the result tables (response["results"], made by the "add to result table"
// block): each table is drawn as a line with dots with exactly its points, in the order given, its
// numbers appear in an HTML table with headers, results without recorders still show, and
// malformed tables are skipped with a note while the rest of the panel still draws.
import { expect } from '@esm-bundle/chai';
import '../../src/plots/index';
import type { SbResults } from '../../src/plots/sb-results';
import type { SbTablePlot } from '../../src/plots/sb-table-plot';
import { chartColumns } from '../../src/plots/sb-table-plot';
import { axisNames, resultTablesOf, MAX_POINTS } from '../../src/plots/result-tables';
import { LINE_COLORS } from '../../src/plots/colors';

const mounted: HTMLElement[] = [];

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

/** Wait for lit's update and the first draw of every chart inside. */
async function settle(el: HTMLElement): Promise<void> {
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  const charts = [el, ...(el.shadowRoot?.querySelectorAll('sb-table-plot, sb-raster, sb-traces') ?? [])] as unknown as {
    updateComplete?: Promise<unknown>;
    drawn?: Promise<void>;
  }[];
  for (const chart of charts) {
    await chart.updateComplete;
    await chart.drawn;
  }
}

afterEach(() => {
  for (const box of mounted.splice(0)) box.remove();
});

const plots = (results: SbResults) => [...results.shadowRoot!.querySelectorAll('sb-table-plot')] as SbTablePlot[];

/** The cells of a plot's number table, row by row, header row first. */
function cells(plot: SbTablePlot): string[][] {
  return [...plot.shadowRoot!.querySelectorAll('.numbers tr')].map((tr) => [...tr.children].map((c) => c.textContent!.trim()));
}

/** As the f–I example returns it: current in pA, spikes in one second (a Python int list each). */
const FI = [[0, 0], [100, 0], [200, 0], [300, 0], [400, 34], [500, 49], [600, 62], [700, 74], [800, 85]];

describe('result tables', () => {
  it('names the axes from a "<y>-<x> curve" table name, else x and y', () => {
    expect(axisNames('f-I curve')).to.deep.equal({ xLabel: 'I', yLabel: 'f' });
    expect(axisNames('I–V curve')).to.deep.equal({ xLabel: 'V', yLabel: 'I' });
    expect(axisNames('rates')).to.deep.equal({ xLabel: 'x', yLabel: 'y' });
    expect(axisNames('my-table')).to.deep.equal({ xLabel: 'table', yLabel: 'my' }); // the rule, as documented
  });

  it('draws the f–I table as a line with dots with exactly its points, and its numbers in a table', async () => {
    const response = { events: [], biological_time: 9000, results: { 'f-I curve': FI } };
    const results = await mount<SbResults>('sb-results', { response, recorders: [] });
    const [plot] = plots(results);
    expect(plots(results)).to.have.length(1);
    const [x, y] = plot.chart!.data as unknown as [Float64Array, Float64Array];
    expect(Array.from(x)).to.deep.equal(FI.map((p) => p[0]));
    expect(Array.from(y)).to.deep.equal(FI.map((p) => p[1]));
    expect(x).to.be.instanceOf(Float64Array);
    expect(plot.chart!.axes[0].label).to.equal('I');
    expect(plot.chart!.axes[1].label).to.equal('f');
    const series = plot.chart!.series[1];
    expect(series.stroke instanceof Function ? series.stroke(plot.chart!, 1) : series.stroke).to.equal(LINE_COLORS[0]);
    const show = series.points!.show as boolean | ((u: unknown, i: number) => boolean);
    expect(typeof show === 'function' ? show(plot.chart, 1) : show, 'dots on the line').to.equal(true);
    // the x range covers every point, with room so the end dots are whole
    expect(plot.chart!.scales.x.min!).to.be.below(0);
    expect(plot.chart!.scales.x.max!).to.be.above(800);

    expect(results.shadowRoot!.querySelector('section.result-table h3')!.textContent).to.contain('f-I curve');
    const table = plot.shadowRoot!.querySelector('.numbers table')!;
    expect(table.querySelector('caption')!.textContent!.trim()).to.equal('f-I curve');
    expect(cells(plot)).to.deep.equal([['I', 'f'], ...FI.map(([a, b]) => [String(a), String(b)])]);
    expect([...table.querySelectorAll('thead th')].map((th) => th.getAttribute('scope'))).to.deep.equal(['col', 'col']);
    expect(table.querySelectorAll('tbody th[scope="row"]')).to.have.length(FI.length);
    // a short table is shown unfolded, and can be folded
    const details = plot.shadowRoot!.querySelector('details')!;
    expect(details.open).to.equal(true);
    plot.shadowRoot!.querySelector('summary')!.click();
    expect(details.open).to.equal(false);
  });

  it('shows the tables of a response without recorders, and says nothing about missing recorders', async () => {
    const response = { results: { 'f-I curve': FI.slice(0, 3), other: [[1.5, 0.1 + 0.2]] } };
    const results = await mount<SbResults>('sb-results', { response, recorders: [], runMs: 12 });
    expect(plots(results)).to.have.length(2);
    const text = results.shadowRoot!.textContent!;
    expect(text).not.to.contain('Nothing was recorded');
    expect(text).not.to.contain('no "events" list');
    expect(results.shadowRoot!.querySelector('.summary')!.textContent).to.equal('run 12 ms');
    const second = plots(results)[1];
    expect(cells(second)).to.deep.equal([['x', 'y'], ['1.5', '0.3']]);
    const stroke = second.chart!.series[1].stroke;
    expect(stroke instanceof Function ? stroke(second.chart!, 1) : stroke, 'a second colour').to.equal(LINE_COLORS[1]);
  });

  it('puts the tables above the recorder plots', async () => {
    const response = { events: [{ senders: [1], times: [5] }], results: { 'f-I curve': FI } };
    const recorders = [{ name: 'sr1', model: 'spike_recorder', blockId: 'b', recordables: [], sources: 1 }];
    const results = await mount<SbResults>('sb-results', { response, recorders, simTime: 10 });
    const order = [...results.shadowRoot!.querySelectorAll('sb-table-plot, sb-raster')].map((e) => e.localName);
    expect(order).to.deep.equal(['sb-table-plot', 'sb-raster']);
  });

  it('keeps the table in the order given; a non-monotonic sweep is drawn sorted by x, with a note', async () => {
    const points = [[3, 30], [1, 10], [2, 20]];
    const results = await mount<SbResults>('sb-results', { response: { results: { back: points } }, recorders: [] });
    const [plot] = plots(results);
    expect(cells(plot).slice(1)).to.deep.equal([['3', '30'], ['1', '10'], ['2', '20']]);
    expect(Array.from(plot.chart!.data[0])).to.deep.equal([1, 2, 3]);
    expect(Array.from(plot.chart!.data[1] as ArrayLike<number>)).to.deep.equal([10, 20, 30]);
    expect(plot.shadowRoot!.querySelector('.note')!.textContent).to.contain('not in order');
    // a sweep downwards is the same line reversed: no note
    const down = chartColumns(Float64Array.of(3, 2, 1), Float64Array.of(9, 4, 1));
    expect([Array.from(down.x), Array.from(down.y), down.reordered]).to.deep.equal([[1, 2, 3], [1, 4, 9], false]);
  });

  it('skips malformed tables with a short note and still draws the good ones', async () => {
    const big = Array.from({ length: MAX_POINTS + 1 }, (_v, i) => [i, i]);
    const results = {
      good: [[1, 2], [2, 4]],
      'not a list': 5,
      'not pairs': [[1, 2, 3]],
      'with NaN': [[1, NaN]],
      'with a string': [['a', 1]],
      huge: [[1, 1e300]],
      'too many': big,
      empty: [],
    };
    const el = await mount<SbResults>('sb-results', { response: { events: [], results }, recorders: [] });
    expect(plots(el).map((p) => p.table!.name)).to.deep.equal(['good']);
    const notes = [...el.shadowRoot!.querySelectorAll('.skipped li')].map((li) => li.textContent!);
    expect(notes).to.have.length(7);
    const noteOf = (name: string) => notes.find((n) => n.includes(`“${name}”`)) ?? '';
    expect(noteOf('not a list')).to.contain('not a list of [x, y] points');
    expect(noteOf('not pairs')).to.contain('point 1 is not a pair');
    expect(noteOf('with NaN')).to.contain('y of point 1 is NaN');
    expect(noteOf('with a string')).to.contain('x of point 1 is a string');
    expect(noteOf('huge')).to.contain('too large');
    expect(noteOf('too many')).to.contain(`${MAX_POINTS + 1} points`);
    expect(noteOf('empty')).to.contain('no points');
  });

  it('says so when results is not a dict, and shows no chart', async () => {
    const el = await mount<SbResults>('sb-results', { response: { events: [], results: [[1, 2]] }, recorders: [] });
    expect(plots(el)).to.have.length(0);
    expect(el.shadowRoot!.querySelector('.skipped')!.textContent).to.contain('not a dict');
    expect(resultTablesOf({ events: [] })).to.deep.equal({ tables: [], skipped: [] });
  });

  it('folds a long table, follows the width and destroys its chart on disconnect', async () => {
    const points = Array.from({ length: 50 }, (_v, i) => [i, i * i]);
    const el = await mount<SbResults>('sb-results', { response: { results: { squares: points } }, recorders: [] }, 700);
    const [plot] = plots(el);
    expect(plot.shadowRoot!.querySelector('details')!.open).to.equal(false);
    expect(plot.chart!.width).to.equal(700);
    el.parentElement!.style.width = '400px';
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(plot.chart!.width).to.equal(400);
    el.remove();
    expect(plot.chart).to.equal(null);
  });
});
