import { LitElement, css, html, nothing, type PropertyDeclarations } from 'lit';
import type uPlot from 'uplot';
import { CHART_STYLES, UplotElement, timeAxis, timeRange, valueAxis, type ChartSpec } from './uplot-element';
import { compareResults, type Comparison, type TraceComparison } from './compare';
import type { PlottedRecorder, RecordSelectDetail } from './recorders';
import { lineColor } from './colors';
// `t` names a trace in this file, so the texts' t() goes by another name
import { t as text } from '../i18n';
import { fixedText, localDecimals } from './number-text';
import { stripBidi } from './bidi';

/** One neuron's trace from both runs on one chart: local solid, the server dashed on top. */
export class SbCompareTrace extends UplotElement {
  static override properties: PropertyDeclarations = {
    trace: { attribute: false },
    labels: { attribute: false },
    xMax: { attribute: false },
  };
  static override styles = CHART_STYLES;
  declare trace: TraceComparison | null;
  /** [local, remote] names for the legend */
  declare labels: [string, string];
  declare xMax: number | null;

  constructor() {
    super();
    this.trace = null;
    this.labels = [text('plots.compareThisBrowser'), text('plots.compareServer')];
    this.xMax = null;
  }

  protected override dataProperties(): readonly string[] {
    return ['trace', 'labels', 'xMax'];
  }

  protected override chartHeight(): number {
    return 200;
  }

  protected override render() {
    const t = this.trace;
    if (!t?.overlay) return html`<p class="empty">${text('plots.compareNoSamples')}</p>`;
    return html`<div class="plot" role="img" aria-label=${text('plots.compareTraceLabel', { name: t.recordable, id: t.overlay.neuron, a: this.labels[0], b: this.labels[1] })}></div>`;
  }

  protected override chartSpec(): ChartSpec | null {
    const overlay = this.trace?.overlay;
    if (!overlay || !this.trace) return null;
    const format = (_u: uPlot, v: number | null): string => (v == null ? '–' : fixedText(v, 3));
    return {
      data: [overlay.x, overlay.local, overlay.remote] as unknown as uPlot.AlignedData,
      options: {
        series: [
          { label: text('plots.timeMs'), value: format },
          { label: this.labels[0], stroke: lineColor(0), width: 3, points: { show: false }, value: format },
          { label: this.labels[1], stroke: lineColor(1), width: 1.5, dash: [6, 4], points: { show: false }, value: format },
        ],
        scales: { x: { time: false, range: timeRange(this.xMax) } },
        axes: [timeAxis(), valueAxis(this.trace.label)],
        legend: { show: true, live: true },
        cursor: { drag: { x: true, y: false } },
      },
    };
  }
}
if (!customElements.get('sb-compare-trace')) customElements.define('sb-compare-trace', SbCompareTrace);

/** A difference this small is rounding: the two simulators agree. */
const AGREES_BELOW = 1e-6;

/**
 * The same program run here and on a server, side by side: a table of spike counts per spike
 * recorder (and whether the spikes are the very same ones), and for each recorded quantity the
 * largest difference between the traces with both traces of the first neuron overlaid.
 */
export class SbCompare extends LitElement {
  static override properties: PropertyDeclarations = {
    local: { attribute: false },
    remote: { attribute: false },
    recorders: { attribute: false },
    labels: { attribute: false },
    runMs: { attribute: false },
    simTime: { attribute: false },
    random: { attribute: false },
  };

  static override styles = css`
    :host { display: block; }
    h3 { font-size: 1rem; margin: 4px 0 6px; }
    table { border-collapse: collapse; margin: 4px 0 10px; font-variant-numeric: tabular-nums; }
    th, td { border: 1px solid #d7dbe0; padding: 3px 8px; text-align: right; }
    th:first-child, td:first-child { text-align: left; }
    th { background: #eef3f8; }
    .same { color: #14532d; font-weight: 600; }
    .differs { color: #842029; font-weight: 600; }
    .trace { margin: 6px 0 12px; }
    .trace p { margin: 2px 0; }
    button.name { font: inherit; border: none; background: none; padding: 0; color: #20334a; text-decoration: underline; cursor: pointer; }
    .note { color: #4b5560; }
    .random { margin: 4px 0 8px; padding: 4px 8px; background: #eef3f8; border-left: 4px solid #20334a; }
    .apart { color: #1d2329; font-weight: 600; }
  `;

  declare local: unknown;
  declare remote: unknown;
  declare recorders: PlottedRecorder[];
  /** [local, remote] as the learner knows them: "This browser", "NEST Server" */
  declare labels: [string, string];
  /** [local, remote] run times in ms */
  declare runMs: [number, number] | null;
  declare simTime: number | null;
  /** the program draws random numbers: expect the same statistics, not the same spikes */
  declare random: boolean;

  private comparison: Comparison = { spikes: [], traces: [], shapeNote: null };

  constructor() {
    super();
    this.local = null;
    this.remote = null;
    this.recorders = [];
    this.labels = [text('plots.compareThisBrowserTitle'), text('plots.compareServerTitle')];
    this.runMs = null;
    this.simTime = null;
    this.random = false;
  }

  /** The comparison shown now (for tests). */
  get result(): Comparison {
    return this.comparison;
  }

  protected override willUpdate(): void {
    this.comparison = compareResults(this.local, this.remote, this.recorders);
  }

  override render() {
    const { spikes, traces, shapeNote } = this.comparison;
    const [a, b] = this.labels;
    return html`
      <h3>${text('plots.compareHeading', { a, b })}</h3>
      ${this.runMs ? html`<p class="note">${text('plots.compareRunTook', { here: fmtMs(this.runMs[0]), there: fmtMs(this.runMs[1]) })}</p>` : nothing}
      ${shapeNote ? html`<p class="differs">${shapeNote}</p>` : nothing}
      ${this.random
        ? html`<p class="random">${text('plots.compareRandom', { a, b })}</p>`
        : nothing}
      ${spikes.length
        ? html`<table aria-label=${text('plots.compareCounts')}>
            <thead><tr><th scope="col">${text('plots.compareSpikeRecorder')}</th><th scope="col">${a}</th><th scope="col">${b}</th><th scope="col">${text('plots.compareSame')}</th></tr></thead>
            <tbody>
              ${spikes.map(
                (s) => html`<tr>
                  <td>${this.nameButton(s.name, s.blockId)}</td><td>${s.local}</td><td>${s.remote}</td>
                  <td class=${s.sameSpikes ? 'same' : this.random ? 'apart' : 'differs'}>${s.sameSpikes ? text('plots.compareYesAll') : text('plots.compareNo')}</td>
                </tr>`,
              )}
            </tbody>
          </table>`
        : nothing}
      ${traces.map(
        (t) => html`<div class="trace">
          <p>${this.nameButton(t.name, t.blockId)} · ${t.label} · ${text(t.neurons === 1 ? 'plots.compareOneNeuron' : 'plots.compareNeurons', { n: t.neurons })}:
            ${t.maxDifference === null
              ? html`<span class="differs">${text('plots.compareNoSameTimes')}</span>`
              : html`<span class=${t.maxDifference < AGREES_BELOW ? 'same' : this.random ? 'apart' : 'differs'}>${text('plots.compareLargest', { d: fmtDiff(t.maxDifference) })}</span>
                  ${text('plots.compareOver', { n: t.compared })}`}
          </p>
          <sb-compare-trace .trace=${t} .labels=${this.labels} .xMax=${this.simTime}></sb-compare-trace>
        </div>`,
      )}
      ${spikes.length === 0 && traces.length === 0 && !shapeNote ? html`<p class="note">${text('plots.compareNothing')}</p>` : nothing}
    `;
  }

  private nameButton(name: string, blockId: string) {
    if (!blockId) return html`${name}`;
    const select = () => this.dispatchEvent(new CustomEvent<RecordSelectDetail>('record-select', { detail: { blockId }, bubbles: true, composed: true }));
    return html`<button class="name" @click=${select} title=${text('plots.showBlock')}>${stripBidi(name)}</button>`;
  }
}
if (!customElements.get('sb-compare')) customElements.define('sb-compare', SbCompare);

const fmtMs = (ms: number): string => (ms < 1000 ? `${Math.round(ms)} ms` : `${fixedText(ms / 1000, 2)} s`);
const fmtDiff = (d: number): string => (d === 0 ? text('plots.compareIdentical') : localDecimals(d.toPrecision(2)));

declare global {
  interface HTMLElementTagNameMap {
    'sb-compare': SbCompare;
    'sb-compare-trace': SbCompareTrace;
  }
}
