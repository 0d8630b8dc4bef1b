/**
 * The results header's export buttons: "PNG" saves the plots shown as one image
 * (./plot-png.ts), "CSV" the numbers behind them, one file per recorder and result table, in
 * one .zip when there are several (./results-csv.ts). Its own small element, so the results view only places it and tells it
 * where its charts are and what its data is.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { PlottedRecorder } from '../plots/recorders';
import { fileNameFor } from '../storage/project';
import { downloadPlotsPng } from './plot-png';
import { csvTimeLabel, downloadCsv, resultsCsvFiles } from './results-csv';
import type { NorseTimeUnit } from '../plots/norse-recordings';
import { stripBidi } from '../plots/bidi';
import { t } from '../i18n';

/** What the results view draws now (a Norse run in the time unit chosen). */
export interface ExportedResults {
  response: unknown;
  recorders: readonly PlottedRecorder[];
  /** the time axis' unit (a Norse run may be drawn in steps); the CSV's head names it */
  timeUnit: NorseTimeUnit;
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
      <button id="export-png" @click=${this.savePng} title=${t('files.pngTitle')} aria-label=${t('files.pngLabel')}>PNG</button>
      <button id="export-csv" @click=${this.saveCsv} title=${t('files.csvTitle')} aria-label=${t('files.csvLabel')}>CSV</button>
      ${this.said ? html`<span class="said" role="status">${this.said}</span>` : nothing}
    `;
  }

  private async savePng(): Promise<void> {
    // "plots" in the file name stays English, as the other file names' parts do (a name, not a text)
    const saved = this.plots ? await downloadPlotsPng(this.plots, fileNameFor(`${stripBidi(this.baseName)} plots`, 'png')) : false;
    this.said = saved ? t('files.pngSaved') : t('files.noPlot');
  }

  private saveCsv(): void {
    const data = this.data?.();
    const files = data ? resultsCsvFiles(data.response, data.recorders, csvTimeLabel(data.timeUnit)) : [];
    const saved = downloadCsv(files, this.baseName, fileNameFor);
    this.said = !saved ? t('files.noData') : files.length === 1 ? t('files.csvSaved') : t('files.zipSaved', { n: files.length, file: saved.fileName });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sb-results-export': SbResultsExport;
  }
}
