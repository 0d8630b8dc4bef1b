import { LitElement, html, css, type PropertyDeclarations } from 'lit';
import './sb-raster';
import './sb-traces';
import './sb-table-plot';
import './sb-spike-plots';
import './sb-stats-table';
// the PNG / CSV buttons of the header (src/export/results-export.ts)
import '../export/results-export';
import { trainStatsOf } from './sb-spike-plots';
import { recorderStats, type RecorderStatsRow } from './stats';
import { neuronInputsOf, recordedIdsOf } from './neuron-inputs';
import { recordablesIn, type RecorderEvents } from './events';
import { summarize, summaryText, type RunSummary } from './summary';
import type { NeuronInputs, PlottedRecorder, RecordSelectDetail } from './recorders';
import { resultTablesOf, type ResultTables } from './result-tables';
import { formatNumber, t } from '../i18n';
import { stripBidi } from './bidi';
import { norseRunOf, norseTimeUnit, norseToEvents, setNorseTimeUnit, timeLabel, type NorseRunInfo, type NorseTimeUnit } from './norse-recordings';

/** One result panel: a recorder and the events it returned. */
interface Panel {
  recorder: PlottedRecorder;
  events: RecorderEvents | null;
}

/** Each <sb-results> syncs its own charts only, so two result views never drive each other's cursors. */
let syncKeys = 0;

/** Why there is nothing to plot, in words for the learner; null when there is something. */
function emptyReason(response: unknown, panels: Panel[], tables: ResultTables, norse: boolean): string | null {
  if (response == null) return t('plots.noResultsYet');
  // result tables alone are a result: an f–I curve needs no recorder plot
  if (tables.tables.length > 0 || tables.skipped.length > 0) return null;
  if (!Array.isArray((response as { events?: unknown }).events)) {
    return t('plots.noEventsList');
  }
  if (panels.length === 0) {
    return norse ? t('plots.nothingRecordedNorse') : t('plots.nothingRecordedNest');
  }
  return null;
}

/** A Norse run as drawn now: in the chosen time unit, with its time span in ms for the summary. */
interface NorseView {
  run: NorseRunInfo;
  unit: NorseTimeUnit;
  /** the recorders property it was made with */
  given: PlottedRecorder[];
  response: unknown;
  recorders: PlottedRecorder[];
  /** the x axis' end in the chosen unit */
  xMax: number | null;
  /** simulated time in ms (for the rate in the summary) */
  simMs: number | null;
}

/** A Norse layer's neurons: its columns 0…n-1 (so the silent ones are known too). */
function layerIds(neurons: number | null): Float64Array | null {
  return neurons !== null && neurons > 0 ? Float64Array.from({ length: neurons }, (_v, n) => n) : null;
}

/** "1 ms" per step for dt 0.001 s: what one step is, in words. */
function stepText(dt: number): string {
  return `${formatNumber(Number((dt * 1000).toPrecision(6)), 6)} ms`;
}

/**
 * Pair `response.events` with the recorder blocks that produced them (same order). Entries beyond
 * the known recorders (a program edited by hand) are still shown, named by position and drawn as
 * whatever their keys say they are.
 */
function panelsOf(response: unknown, recorders: readonly PlottedRecorder[]): Panel[] {
  const events = (response as { events?: unknown } | null)?.events;
  if (!Array.isArray(events)) return [];
  return events.map((entry: unknown, i) => {
    const data = entry && typeof entry === 'object' ? (entry as RecorderEvents) : null;
    const recorder: PlottedRecorder = recorders[i] ?? {
      // a name (CSV file names, the block link), not a shown sentence: stays as the program names it
      name: `recorder ${i + 1}`,
      model: recordablesIn(data).length > 0 ? 'multimeter' : 'spike_recorder',
      blockId: '',
      recordables: [],
      sources: null,
    };
    return { recorder, events: data };
  });
}

/**
 * The results of one run: a summary line, the result tables (response.results, one chart and its
 * numbers each), then one raster per spike_recorder and one trace panel
 * per voltmeter/multimeter, all on the same time axis with linked cursors. Clicking a panel's
 * title fires `record-select` so the app can point at the recorder block.
 */
export class SbResults extends LitElement {
  static override properties: PropertyDeclarations = {
    response: { attribute: false },
    recorders: { attribute: false },
    simTime: { attribute: false },
    runMs: { attribute: false },
    projectName: { attribute: false },
    highContrast: { type: Boolean, reflect: true, attribute: 'high-contrast' },
    timeUnit: { state: true },
  };

  static override styles = css`
    :host {
      display: block;
      min-width: 0;
      color: #222;
      font-family: system-ui, sans-serif;
      font-size: 14px;
    }
    .summary {
      margin: 0 0 0.75rem;
      font-weight: 600;
    }
    .empty {
      margin: 0.5rem 0;
      color: #444;
    }
    section {
      margin: 0 0 1rem;
      min-width: 0;
    }
    h3 {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.25rem 0.75rem;
      margin: 0 0 0.25rem;
      font-size: 14px;
    }
    h3 button {
      all: unset;
      cursor: pointer;
      font-weight: 600;
      color: #0b4f8a;
      border-radius: 3px;
    }
    h3 button:hover {
      text-decoration: underline;
    }
    h3 button:focus-visible {
      outline: 2px solid #0072b2;
      outline-offset: 2px;
    }
    .detail {
      font-weight: 400;
      color: #555;
    }
    .skipped {
      margin: 0 0 1rem;
      padding-left: 1.2rem;
      color: #7a2e00;
    }
    .norse-bar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 1rem;
      margin: -0.25rem 0 0.75rem;
      color: #444;
      font-size: 13px;
    }
    fieldset.time-unit {
      display: inline-flex;
      align-items: center;
      gap: 0.1rem 0.6rem;
      margin: 0;
      padding: 0.1rem 0.5rem;
      border: 1px solid #bbb;
      border-radius: 4px;
    }
    fieldset.time-unit legend {
      float: left;
      padding: 0;
      margin-right: 0.5rem;
      color: #222;
    }
    fieldset.time-unit label {
      display: inline-flex;
      align-items: center;
      gap: 0.2rem;
      cursor: pointer;
    }
    fieldset.time-unit input:focus-visible {
      outline: 2px solid #0072b2;
      outline-offset: 1px;
    }
    sb-stats-table {
      margin: 0 0 1rem;
    }
    /* The high-contrast theme (the app sets the property): black on white, underlined links,
       thicker focus rings; the charts get it as a property and redraw (uplot-element.ts). */
    :host([high-contrast]) {
      color: #000;
      background: #fff;
      font-size: 15px;
    }
    :host([high-contrast]) .empty,
    :host([high-contrast]) .detail,
    :host([high-contrast]) .norse-bar,
    :host([high-contrast]) .skipped {
      color: #000;
    }
    :host([high-contrast]) h3 button {
      color: #000;
      text-decoration: underline;
    }
    :host([high-contrast]) h3 button:focus-visible,
    :host([high-contrast]) fieldset.time-unit input:focus-visible {
      outline: 3px solid #000;
    }
  `;

  /** The program's `response`: {"events": [e0, e1, ...], "results": {name: [[x, y], ...]}}. */
  declare response: unknown;
  /** The recorder blocks, in the order of response.events. */
  declare recorders: PlottedRecorder[];
  /** Simulated time in ms, when the generator knows it. */
  declare simTime: number | null;
  /** Wall-clock time of the run in ms. */
  declare runMs: number | null;
  /** The project's name, for the PNG and CSV file names ('' → "spikeblocks"). */
  declare projectName: string;
  /** The high-contrast theme for every chart and table here (reflected as the high-contrast attribute). */
  declare highContrast: boolean;

  /** Time axis of Norse runs: ms or steps (remembered for the session, norse-recordings.ts). */
  declare timeUnit: NorseTimeUnit;

  private readonly syncKey = `sb-results-${++syncKeys}`;
  private norseCache: NorseView | null = null;
  private msCache: { key: unknown; given: PlottedRecorder[]; panels: Panel[] } | null = null;

  constructor() {
    super();
    this.response = null;
    this.recorders = [];
    this.simTime = null;
    this.runMs = null;
    this.projectName = '';
    this.highContrast = false;
    this.timeUnit = norseTimeUnit();
  }

  /** The Norse run shown, converted to the chosen time unit (once per response and unit); null for NEST. */
  private get norse(): NorseView | null {
    const run = norseRunOf(this.response);
    if (!run) return null;
    const cached = this.norseCache;
    if (cached && cached.run === run && cached.unit === this.timeUnit && cached.given === this.recorders) return cached;
    const simMs = run.steps > 0 ? +(run.steps * run.dt * 1000).toPrecision(12) : null;
    const unit = this.timeUnit;
    const given = this.recorders;
    let view: NorseView;
    if (run.unit === unit) {
      // as the app converted it
      view = { run, unit, given, response: this.response, recorders: given, xMax: this.simTime, simMs };
    } else {
      const converted = norseToEvents(run.source, run.known, unit);
      view = { run, unit, given, response: converted.response, recorders: converted.recorders, xMax: converted.response.biological_time, simMs };
    }
    this.norseCache = view;
    return view;
  }

  /** The panels with times in ms whatever the axis shows (a Norse run in steps converted back),
   * for the summary, the class plots and the statistics; once per response. */
  private get msPanels(): Panel[] {
    const norse = this.norse;
    const key = norse ? norse.run : this.response;
    if (this.msCache && this.msCache.key === key && this.msCache.given === this.recorders) return this.msCache.panels;
    const inMs = !norse || norse.run.unit === 'ms' ? { response: this.response, recorders: this.recorders } : norseToEvents(norse.run.source, norse.run.known, 'ms');
    const panels = panelsOf(inMs.response, inMs.recorders);
    this.msCache = { key, given: this.recorders, panels };
    return panels;
  }

  /** One row per recorder: neurons, spikes, mean rate, CV of ISI, mean and SD of V_m (stats.ts). */
  get statistics(): RecorderStatsRow[] {
    const duration = this.summary.durationMs;
    return this.msPanels.map(({ recorder, events }) =>
      recorderStats(
        { name: stripBidi(recorder.title ?? recorder.name), model: recorder.model, sources: recorder.sources, events },
        duration,
        recorder.model === 'spike_recorder' ? trainStatsOf(events) : undefined,
      ),
    );
  }

  private get panels(): Panel[] {
    const norse = this.norse;
    return norse ? panelsOf(norse.response, norse.recorders) : panelsOf(this.response, this.recorders);
  }

  /** The numbers of the summary line. A Norse run's are counted in ms whatever the axis shows,
   * so its rate stays in spikes/s. */
  get summary(): RunSummary {
    const norse = this.norse;
    const panels = this.msPanels;
    const inputs = panels.map((p) => ({ model: p.recorder.model, sources: p.recorder.sources, events: p.events }));
    return summarize(inputs, norse ? norse.simMs : this.simTime, this.runMs);
  }

  private chooseUnit(unit: NorseTimeUnit): void {
    if (unit === this.timeUnit) return;
    this.timeUnit = unit;
    setNorseTimeUnit(unit);
  }

  private select(recorder: PlottedRecorder): void {
    const detail: RecordSelectDetail = { blockId: recorder.blockId };
    this.dispatchEvent(new CustomEvent('record-select', { detail, bubbles: true, composed: true }));
  }

  protected override render() {
    const norse = this.norse;
    const panels = this.panels;
    const tables = resultTablesOf(this.response);
    const reason = emptyReason(this.response, panels, tables, norse !== null);
    if (reason) return html`<p class="empty">${reason}</p>`;
    const summary = this.summary;
    const xMax = norse ? norse.xMax : (this.simTime ?? summary.durationMs);
    const axis = timeLabel(norse?.unit ?? 'ms');
    // The tables first: a program that builds one (a sweep) is about that curve, and its
    // recorders span every step of the sweep.
    return html`
      <sb-results-export .plots=${this.renderRoot} .baseName=${stripBidi(this.projectName) || 'spikeblocks'}
        .data=${() => ({ response: norse ? norse.response : this.response, recorders: norse ? norse.recorders : this.recorders, timeUnit: norse?.unit ?? 'ms' })}></sb-results-export>
      <p class="summary">${summaryText(summary) || t('plots.results')}</p>
      ${norse ? this.renderNorseBar(norse) : null}
      ${this.renderTables(tables)}
      ${panels.map((panel, i) =>
        this.renderPanel(panel, xMax, axis, norse?.unit ?? 'ms', this.msPanels[i]?.events ?? null, summary.durationMs, panel.recorder.inputs ?? neuronInputsOf(this.response, i), i),
      )}
      ${panels.length > 0 ? html`<sb-stats-table .rows=${this.statistics} .highContrast=${this.highContrast}></sb-stats-table>` : null}
    `;
  }

  /** The ms | steps switch (radio buttons: Tab reaches it, arrow keys switch) and what the numbers mean. */
  private renderNorseBar({ unit, run }: NorseView) {
    const option = (value: NorseTimeUnit, text: string) => html`<label
      ><input type="radio" name="time-unit" value=${value} .checked=${unit === value}
        @change=${() => this.chooseUnit(value)} />${text}</label
    >`;
    return html`<div class="norse-bar">
      <fieldset class="time-unit" title=${t('plots.timeAxisTitle')}>
        <legend>${t('plots.timeAxis')}</legend>
        ${option('ms', 'ms')} ${option('steps', t('plots.stepsUnit'))}
      </fieldset>
      <span class="norse-note">${t('plots.norseStepNote', { dt: formatNumber(run.dt, 9), step: stepText(run.dt) })}</span>
    </div>`;
  }

  private renderTables({ tables, skipped }: ResultTables) {
    return html`
      ${tables.map(
        (table, i) => html`<section class="result-table">
          <h3>${stripBidi(table.name)}<span class="detail">${t('plots.resultTable')}</span></h3>
          <sb-table-plot .table=${table} .colorIndex=${i} .highContrast=${this.highContrast}></sb-table-plot>
        </section>`,
      )}
      ${skipped.length > 0
        ? html`<ul class="skipped" role="note">
            ${skipped.map((s) => html`<li>${t('plots.tableSkipped', { name: stripBidi(s.name), reason: s.reason })}</li>`)}
          </ul>`
        : null}
    `;
  }

  /** `msEvents`: the same recorder's events in ms (for the class plots), `durationMs` the run's
   * span, `inputs` each neuron's input when known (then an f–I curve, neuron-inputs.ts). */
  private renderPanel(
    { recorder, events }: Panel,
    xMax: number | null,
    axis: string,
    unit: NorseTimeUnit,
    msEvents: RecorderEvents | null,
    durationMs: number | null,
    inputs: NeuronInputs | null,
    index: number,
  ) {
    const title = html`<button type="button" title=${t('plots.showBlock')} @click=${() => this.select(recorder)}>
      ${stripBidi(recorder.title ?? `${recorder.name} — ${recorder.model}`)}
    </button>`;
    if (recorder.model === 'spike_recorder') {
      const spikes = events?.times?.length ?? 0;
      if (spikes === 0) {
        const span = xMax === null ? '' : unit === 'steps' ? t(xMax === 1 ? 'plots.inOneStep' : 'plots.inSteps', { n: formatNumber(xMax) }) : t('plots.inMs', { n: formatNumber(xMax, 3) });
        return html`<section>
          <h3>${title}</h3>
          <p class="empty">${recorder.title ? t('plots.noSpikesNoNeuron', { span }) : t('plots.noSpikesRecorder', { name: stripBidi(recorder.name), span })}</p>
        </section>`;
      }
      return html`<section>
        <h3>${title}<span class="detail">${t(spikes === 1 ? 'plots.oneSpike' : 'plots.spikesCount', { n: formatNumber(spikes) })}</span></h3>
        <sb-raster .events=${events} .xMax=${xMax} .syncKey=${this.syncKey} .timeLabel=${axis} .highContrast=${this.highContrast}></sb-raster>
        <sb-spike-plots
          .events=${msEvents}
          .name=${stripBidi(recorder.title ?? recorder.name)}
          .neurons=${recorder.sources}
          .durationMs=${durationMs}
          .inputs=${inputs}
          .recorded=${recorder.neuronIds ?? recordedIdsOf(this.response, index) ?? (this.norse ? layerIds(recorder.sources) : null)}
          .syncKey=${unit === 'ms' ? this.syncKey : null}
          .highContrast=${this.highContrast}
        ></sb-spike-plots>
      </section>`;
    }
    if ((events?.times?.length ?? 0) === 0) {
      return html`<section>
        <h3>${title}</h3>
        <p class="empty">${t('plots.noSamples', { name: stripBidi(recorder.name) })}</p>
      </section>`;
    }
    return html`<section>
      <h3>${title}</h3>
      <sb-traces
        .events=${events}
        .recordables=${recorder.recordables}
        .labels=${recorder.labels ?? null}
        .xMax=${xMax}
        .syncKey=${this.syncKey}
        .timeLabel=${axis}
        .highContrast=${this.highContrast}
      ></sb-traces>
    </section>`;
  }
}

if (!customElements.get('sb-results')) customElements.define('sb-results', SbResults);

declare global {
  interface HTMLElementTagNameMap {
    'sb-results': SbResults;
  }
}
