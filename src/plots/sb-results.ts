import { LitElement, html, css, type PropertyDeclarations } from 'lit';
import './sb-raster';
import './sb-traces';
import './sb-table-plot';
import { recordablesIn, type RecorderEvents } from './events';
import { summarize, summaryText, type RunSummary } from './summary';
import type { PlottedRecorder, RecordSelectDetail } from './recorders';
import { resultTablesOf, type ResultTables } from './result-tables';

/** One result panel: a recorder and the events it returned. */
interface Panel {
  recorder: PlottedRecorder;
  events: RecorderEvents | null;
}

/** Each <sb-results> syncs its own charts only, so two result views never drive each other's cursors. */
let syncKeys = 0;

/** Why there is nothing to plot, in words for the learner; null when there is something. */
function emptyReason(response: unknown, panels: Panel[], tables: ResultTables): string | null {
  if (response == null) return 'No results yet. Press Run to simulate.';
  // result tables alone are a result: an f–I curve needs no recorder plot
  if (tables.tables.length > 0 || tables.skipped.length > 0) return null;
  if (!Array.isArray((response as { events?: unknown }).events)) {
    return 'The program’s response has no "events" list, so there is nothing to plot.';
  }
  if (panels.length === 0) return 'Nothing was recorded. Connect a spike_recorder or a voltmeter to see results.';
  return null;
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
  `;

  /** The program's `response`: {"events": [e0, e1, ...], "results": {name: [[x, y], ...]}}. */
  declare response: unknown;
  /** The recorder blocks, in the order of response.events. */
  declare recorders: PlottedRecorder[];
  /** Simulated time in ms, when the generator knows it. */
  declare simTime: number | null;
  /** Wall-clock time of the run in ms. */
  declare runMs: number | null;

  private readonly syncKey = `sb-results-${++syncKeys}`;

  constructor() {
    super();
    this.response = null;
    this.recorders = [];
    this.simTime = null;
    this.runMs = null;
  }

  private get panels(): Panel[] {
    return panelsOf(this.response, this.recorders);
  }

  /** The numbers of the summary line. */
  get summary(): RunSummary {
    const inputs = this.panels.map((p) => ({ model: p.recorder.model, sources: p.recorder.sources, events: p.events }));
    return summarize(inputs, this.simTime, this.runMs);
  }

  private select(recorder: PlottedRecorder): void {
    const detail: RecordSelectDetail = { blockId: recorder.blockId };
    this.dispatchEvent(new CustomEvent('record-select', { detail, bubbles: true, composed: true }));
  }

  protected override render() {
    const panels = this.panels;
    const tables = resultTablesOf(this.response);
    const reason = emptyReason(this.response, panels, tables);
    if (reason) return html`<p class="empty">${reason}</p>`;
    const summary = this.summary;
    const xMax = this.simTime ?? summary.durationMs;
    // The tables first: a program that builds one (a sweep) is about that curve, and its
    // recorders span every step of the sweep.
    return html`
      <p class="summary">${summaryText(summary) || 'Results'}</p>
      ${this.renderTables(tables)}
      ${panels.map((panel) => this.renderPanel(panel, xMax))}
    `;
  }

  private renderTables({ tables, skipped }: ResultTables) {
    return html`
      ${tables.map(
        (table, i) => html`<section class="result-table">
          <h3>${table.name}<span class="detail">result table</span></h3>
          <sb-table-plot .table=${table} .colorIndex=${i}></sb-table-plot>
        </section>`,
      )}
      ${skipped.length > 0
        ? html`<ul class="skipped" role="note">
            ${skipped.map((s) => html`<li>Result table “${s.name}” not shown: ${s.reason}.</li>`)}
          </ul>`
        : null}
    `;
  }

  private renderPanel({ recorder, events }: Panel, xMax: number | null) {
    const title = html`<button type="button" title="Show this recorder's block" @click=${() => this.select(recorder)}>
      ${recorder.name} — ${recorder.model}
    </button>`;
    if (recorder.model === 'spike_recorder') {
      const spikes = events?.times?.length ?? 0;
      if (spikes === 0) {
        const span = xMax !== null ? ` in ${xMax} ms` : '';
        return html`<section>
          <h3>${title}</h3>
          <p class="empty">No spikes: ${recorder.name} recorded no spikes${span}.</p>
        </section>`;
      }
      return html`<section>
        <h3>${title}<span class="detail">${spikes} ${spikes === 1 ? 'spike' : 'spikes'}</span></h3>
        <sb-raster .events=${events} .xMax=${xMax} .syncKey=${this.syncKey}></sb-raster>
      </section>`;
    }
    if ((events?.times?.length ?? 0) === 0) {
      return html`<section>
        <h3>${title}</h3>
        <p class="empty">No samples: ${recorder.name} recorded nothing.</p>
      </section>`;
    }
    return html`<section>
      <h3>${title}</h3>
      <sb-traces
        .events=${events}
        .recordables=${recorder.recordables}
        .xMax=${xMax}
        .syncKey=${this.syncKey}
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
