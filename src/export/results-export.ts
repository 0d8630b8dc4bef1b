/**
 * The results header's export buttons: "PNG" saves the plots shown as one image
 * (./plot-png.ts), "CSV" the numbers behind them, one file per recorder and result table
 * (./results-csv.ts). Its own small element, so the results view only places it and tells it
 * where its charts are and what its data is.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { PlottedRecorder } from '../plots/recorders';
import { fileNameFor } from '../storage/project';
import { downloadPlotsPng } from './plot-png';
import { downloadCsvFiles, resultsCsvFiles } from './results-csv';

/** What the results view draws now (a Norse run in the time unit chosen). */
export interface ExportedResults {
  response: unknown;
  recorders: readonly PlottedRecorder[];
  timeLabel: string;
}

@customElement('sb-results-export')
export class SbResultsExport extends LitElement {
  static override styles = css`
    :host { float: right; display: inline-flex; gap: 6px; align-items: center; margin-left: 8px; }
    button { font: inherit; font-size: 0.8rem; padding: 2px 8px; min-height: 26px; border: 1px solid #aeb6bf; background: white; border-radius: 4px; cursor: pointer; }
    button:hover { background: #eef1f4; }
    button:focus-visible { outline: 2px solid #0072b2; outline-offset: 1px; }
    .said { font-size: 0.8rem; color: #444; }
  `;

  /** The results' data, read when a button is pressed. */
  @property({ attribute: false }) data: (() => ExportedResults) | null = null;
  /** Where the charts are (the results view's shadow root). */
  @property({ attribute: false }) plots: ParentNode | null = null;
  /** Start of the file names (the project's name, when the app gives it). */
  @property() baseName = 'spikeblocks';
  @state() private said = '';

  override connectedCallback(): void {
    super.connectedCallback();
    // a kiosk makes no files: its styles hide what carries this mark (src/kiosk/styles.ts)
    this.toggleAttribute('data-kiosk-hide', true);
  }

  override render() {
    return html`
      <button id="export-png" @click=${this.savePng} title="Save the plots as one PNG image">PNG</button>
      <button id="export-csv" @click=${this.saveCsv} title="Save the recorded numbers as CSV files (one per recorder and result table), units in the header">CSV</button>
      ${this.said ? html`<span class="said" role="status">${this.said}</span>` : nothing}
    `;
  }

  private async savePng(): Promise<void> {
    const saved = this.plots ? await downloadPlotsPng(this.plots, fileNameFor(`${this.baseName} plots`, 'png')) : false;
    this.said = saved ? 'PNG saved.' : 'No plot to save.';
  }

  private saveCsv(): void {
    const data = this.data?.();
    const files = data ? resultsCsvFiles(data.response, data.recorders, data.timeLabel) : [];
    downloadCsvFiles(files, this.baseName, fileNameFor);
    this.said = files.length === 0 ? 'No data to save.' : files.length === 1 ? 'CSV saved.' : `${files.length} CSV files saved.`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sb-results-export': SbResultsExport;
  }
}
