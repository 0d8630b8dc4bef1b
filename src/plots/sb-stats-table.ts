import { LitElement, html, css, type PropertyDeclarations } from 'lit';
import type { RecorderStatsRow } from './stats';
import { RECORDABLE_UNITS } from './units';
import { formatRate } from './summary';
import { t } from '../i18n';
import { fixedText, localDecimals } from './number-text';

/** "−65.03 mV": two decimals (V_m is read to 0.01 mV), a real minus sign, the unit. */
function potentialText(value: number | null, potential: string | null): string {
  if (value === null || potential === null) return '–';
  const unit = RECORDABLE_UNITS[potential];
  const number = fixedText(value, potential === 'v' ? 3 : 2).replace('-', '−');
  return unit ? `${number} ${unit}` : t('plots.noUnit', { number });
}

function cvText(row: RecorderStatsRow): string {
  if (row.model !== 'spike_recorder') return '–';
  if (row.meanCv === null) return t('plots.cvNeeds3');
  return t(row.cvNeurons === 1 ? 'plots.cvOneNeuron' : 'plots.cvNeurons', { cv: fixedText(row.meanCv, 2), n: row.cvNeurons });
}

/**
 * The statistics of a run, one row per recorder: neurons, spikes, mean rate, CV of the
 * inter-spike intervals, and the mean and SD of the membrane potential where it was recorded.
 * A real table (caption, column headers with units, row headers), so a screen reader reads it
 * cell by cell with its headings. The numbers come from stats.ts.
 */
export class SbStatsTable extends LitElement {
  static override properties: PropertyDeclarations = {
    rows: { attribute: false },
    highContrast: { type: Boolean, reflect: true, attribute: 'high-contrast' },
  };

  static override styles = css`
    :host {
      display: block;
      min-width: 0;
    }
    .scroll {
      overflow-x: auto;
    }
    .scroll:focus-visible {
      outline: 2px solid #0072b2;
      outline-offset: 2px;
    }
    table {
      border-collapse: collapse;
      font-size: 13px;
      font-variant-numeric: tabular-nums;
    }
    caption {
      text-align: left;
      font-weight: 600;
      padding-bottom: 0.25rem;
    }
    th,
    td {
      padding: 0.15rem 0.75rem 0.15rem 0.4rem;
      text-align: right;
      border-bottom: 1px solid #e3e6ea;
      white-space: nowrap;
    }
    thead th {
      border-bottom: 1px solid #888;
      vertical-align: bottom;
      white-space: normal;
      min-width: 4.5em;
    }
    tbody th {
      text-align: left;
      font-weight: 600;
    }
    .unit {
      display: block;
      font-weight: 400;
      color: #555;
    }
    .note {
      margin: 0.25rem 0 0;
      font-size: 12px;
      color: #555;
    }
    :host([high-contrast]) th,
    :host([high-contrast]) td {
      border-bottom: 1px solid #000;
      color: #000;
    }
    :host([high-contrast]) .unit,
    :host([high-contrast]) .note {
      color: #000;
    }
  `;

  declare rows: RecorderStatsRow[];
  declare highContrast: boolean;

  constructor() {
    super();
    this.rows = [];
    this.highContrast = false;
  }

  protected override render() {
    if (this.rows.length === 0) return null;
    // Norse's LIF calls its membrane potential v
    const potential = this.rows.some((r) => r.potential === 'v') && !this.rows.some((r) => r.potential === 'V_m') ? 'v' : 'V_m';
    const head = (name: string, unit = '') => html`<th scope="col">${name} ${unit ? html`<span class="unit">${unit}</span>` : null}</th>`;
    return html`
      <!-- a region that scrolls sideways on a narrow window: focusable, so the keyboard can scroll it -->
      <div class="scroll" tabindex="0" role="region" aria-label=${t('plots.statsTable')}>
      <table>
        <caption>${t('plots.statistics')}</caption>
        <thead>
          <tr>
            ${head(t('plots.colRecorder'))} ${head(t('plots.colNeurons'))} ${head(t('plots.colSpikes'))} ${head(t('plots.colMeanRate'), t('plots.unitPerNeuron'))}
            ${head(t('plots.colCv'), t('plots.unitMeanOverNeurons'))} ${head(t('plots.colMeanOf', { name: potential }))} ${head(t('plots.colSdOf', { name: potential }))}
          </tr>
        </thead>
        <tbody>
          ${this.rows.map(
            (row) => html`<tr>
              <th scope="row">${row.name}</th>
              <td>${row.neurons ?? '–'}</td>
              <td>${row.spikes ?? '–'}</td>
              <td>${row.ratePerNeuron !== null ? localDecimals(formatRate(row.ratePerNeuron)) : '–'}</td>
              <td>${cvText(row)}</td>
              <td>${potentialText(row.meanPotential, row.potential)}</td>
              <td>${potentialText(row.sdPotential, row.potential)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      </div>
      <p class="note">${t('plots.statsNote', { name: potential })}</p>
    `;
  }
}

if (!customElements.get('sb-stats-table')) customElements.define('sb-stats-table', SbStatsTable);

declare global {
  interface HTMLElementTagNameMap {
    'sb-stats-table': SbStatsTable;
  }
}
