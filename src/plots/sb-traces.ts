import { html, css, type PropertyDeclarations } from 'lit';
import type uPlot from 'uplot';
import { CHART_STYLES, UplotElement, timeAxis, timeRange, valueAxis, type ChartSpec } from './uplot-element';
import { recordablesIn, splitBySender, type RecorderEvents, type TraceColumns } from './events';
import { axisLabel } from './units';
import { lineColor, lineDash } from './colors';
import { t } from '../i18n';
import { fixedText } from './number-text';

/**
 * Up to this many lines each has its own colour, so the legend names them; beyond it colours
 * repeat, a legend would mislead and, on a narrow window, be taller than the chart.
 */
const MAX_LEGEND_LINES = 7;

/** More lines than this turn into an unreadable tangle (and cost draw time); the rest are named, not drawn. */
export const DEFAULT_MAX_LINES = 20;

const NO_TRACES: TraceColumns = { x: new Float64Array(0), senders: [], lines: [], totalSenders: 0 };

/**
 * Analog traces of one voltmeter or multimeter: one line per recorded neuron for the chosen
 * recordable, with a selector when the recorder sampled several.
 */
export class SbTraces extends UplotElement {
  static override properties: PropertyDeclarations = {
    events: { attribute: false },
    recordables: { attribute: false },
    xMax: { attribute: false },
    syncKey: { attribute: false },
    timeLabel: { attribute: false },
    labels: { attribute: false },
    maxLines: { attribute: false },
    selected: { state: true },
  };

  static override styles = [
    ...CHART_STYLES,
    css`
      .controls {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1rem;
        align-items: baseline;
        font-size: 13px;
        margin-bottom: 0.25rem;
      }
      select {
        font: inherit;
        margin-left: 0.3rem;
      }
      .note {
        color: #444;
      }
    `,
  ];

  /** The recorder's `events`: {senders, times, <recordable>: values, ...}, samples interleaved. */
  declare events: RecorderEvents | null;
  /** The recordables the block asked for (its `record_from`), to order the selector. */
  declare recordables: string[];
  declare xMax: number | null;
  declare syncKey: string | null;
  /** The x axis' label: 'time (ms)', or 'time (steps)' for a Norse run drawn in steps. */
  declare timeLabel: string;
  /** Axis labels for recordables NEST's unit table does not know (a Norse run's v and i), or null. */
  declare labels: Readonly<Record<string, string>> | null;
  declare maxLines: number;
  /** The recordable drawn now. */
  declare selected: string | null;

  private traces: TraceColumns = NO_TRACES;

  constructor() {
    super();
    this.events = null;
    this.recordables = [];
    this.xMax = null;
    this.syncKey = null;
    this.timeLabel = '';
    this.labels = null;
    this.maxLines = DEFAULT_MAX_LINES;
    this.selected = null;
  }

  /** Recordables present in the data, in the block's order. */
  get available(): string[] {
    return recordablesIn(this.events, this.recordables);
  }

  /** The columns drawn now (for tests and for export). */
  get columns(): TraceColumns {
    return this.traces;
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    const available = this.available;
    if (this.selected === null || !available.includes(this.selected)) {
      // V_m first: the membrane potential is what a learner looks for.
      this.selected = available.includes('V_m') ? 'V_m' : (available[0] ?? null);
    }
    if (changed.has('events') || changed.has('selected') || changed.has('maxLines')) {
      const events = this.events;
      this.traces =
        events && this.selected
          ? splitBySender(events.senders ?? [], events.times ?? [], events[this.selected] ?? [], this.maxLines)
          : NO_TRACES;
    }
  }

  protected override dataProperties(): readonly string[] {
    return ['events', 'selected', 'maxLines', 'xMax', 'syncKey', 'timeLabel', 'labels'];
  }

  protected override chartHeight(): number {
    return 220;
  }

  private labelOf(recordable: string): string {
    return this.labels?.[recordable] ?? axisLabel(recordable);
  }

  private choose(event: Event): void {
    this.selected = (event.target as HTMLSelectElement).value;
  }

  protected override render() {
    const available = this.available;
    if (this.traces.x.length === 0) return html`<p class="empty">${t('plots.noSamplesRecorded')}</p>`;
    const { senders, totalSenders } = this.traces;
    return html`
      <div class="controls">
        ${available.length > 1
          ? html`<label
              >${t('plots.show')}
              <select @change=${this.choose} .value=${this.selected ?? ''}>
                ${available.map((name) => html`<option value=${name} ?selected=${name === this.selected}>${this.labelOf(name)}</option>`)}
              </select></label
            >`
          : null}
        ${this.renderNote(senders, totalSenders)}
      </div>
      <div class="plot" role="img" aria-label=${t('plots.tracesLabel', { name: this.selected ?? '', n: senders.length })}></div>
    `;
  }

  private renderNote(senders: number[], totalSenders: number) {
    const ids = senders.length > 1 ? t('plots.idRange', { first: senders[0], last: senders[senders.length - 1] }) : '';
    if (totalSenders > senders.length) {
      return html`<span class="note">${t('plots.showingFirst', { n: senders.length, total: totalSenders, ids })}</span>`;
    }
    if (senders.length > MAX_LEGEND_LINES) return html`<span class="note">${t('plots.neuronsNote', { n: senders.length, ids })}</span>`;
    return null;
  }

  protected override chartSpec(): ChartSpec | null {
    const { x, senders, lines } = this.traces;
    if (x.length === 0 || !this.selected) return null;
    const format = (_u: uPlot, v: number | null): string => (v == null ? '–' : fixedText(v, 2));
    const timeLabel = this.timeLabel || t('plots.timeMs');
    const series: uPlot.Series[] = [
      { label: timeLabel, value: format },
      ...senders.map((id, i) => ({
        label: t('plots.neuronN', { id }),
        stroke: lineColor(i, this.highContrast),
        dash: lineDash(i, this.highContrast),
        width: 1.5,
        points: { show: false },
        value: format,
      })),
    ];
    return {
      data: [x, ...lines] as unknown as uPlot.AlignedData,
      options: {
        series,
        scales: { x: { time: false, range: timeRange(this.xMax) } },
        axes: [timeAxis(timeLabel), valueAxis(this.labelOf(this.selected))],
        legend: { show: senders.length <= MAX_LEGEND_LINES, live: true },
        cursor: {
          drag: { x: true, y: false },
          ...(this.syncKey ? { sync: { key: this.syncKey } } : {}),
        },
      },
    };
  }
}

if (!customElements.get('sb-traces')) customElements.define('sb-traces', SbTraces);

declare global {
  interface HTMLElementTagNameMap {
    'sb-traces': SbTraces;
  }
}
