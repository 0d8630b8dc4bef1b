import { LitElement, html, css, type PropertyDeclarations } from 'lit';
import './sb-bars';
import type { BarData } from './sb-bars';
import { formatValue, shownValue } from './number-text';
import { MAX_BINS, binProblem, inputsDiffer, neuronCounts } from './spike-counts';
import { t } from '../i18n';
import { sortedSpikes, type RecorderEvents } from './events';
import type { NeuronInputs } from './recorders';
import {
  defaultIsiBin,
  defaultRateBin,
  isiHistogram,
  populationRate,
  spikeTrainStats,
  type Histogram,
  type PopulationRate,
  type SpikeTrainStats,
} from './stats';
import { readTypedNumber } from '../i18n/typed-number';

/** Per-neuron statistics of each events object, so the plots and the statistics table of one
 * run go over its spikes once (800k spikes: 35–120 ms here). */
const trainsCache = new WeakMap<object, SpikeTrainStats>();

export function trainStatsOf(events: RecorderEvents | null): SpikeTrainStats {
  if (!events) return spikeTrainStats([], []);
  let stats = trainsCache.get(events);
  if (!stats) {
    const { times, senders } = sortedSpikes(events);
    stats = spikeTrainStats(times, senders);
    trainsCache.set(events, stats);
  }
  return stats;
}

export { MAX_BINS };

/** "5–10" for a bin; numbers without float noise. */
function binText(a: number, b: number): string {
  return `${shownValue(a)}–${shownValue(b)}`;
}

/** One per-neuron bar per id, 0.8 wide, so neighbouring ids stay apart. */
function countBars(trains: SpikeTrainStats, durationMs: number | null, recorded: ArrayLike<number> | null): BarData {
  const { ids, counts } = neuronCounts(trains, recorded);
  const left = Float64Array.from(ids, (id) => id - 0.4);
  const right = Float64Array.from(ids, (id) => id + 0.4);
  const extra = durationMs !== null && durationMs > 0 ? [{ name: t('plots.rateAxis'), values: Float64Array.from(counts, (c) => c / (durationMs / 1000)) }] : [];
  return { left, right, values: counts, rows: (i) => String(ids[i]), extra };
}

/**
 * Rate against input, one dot per neuron (neurons that never spiked at 0), sorted by input: the
 * f–I curve when the neurons of one population were given different currents.
 */
export function fiPoints(trains: SpikeTrainStats, inputs: NeuronInputs, durationMs: number): BarData {
  const countOf = new Map<number, number>();
  trains.ids.forEach((id, k) => countOf.set(id, trains.counts[k]));
  const order = Array.from(inputs.ids, (_v, i) => i).sort((a, b) => inputs.values[a] - inputs.values[b] || inputs.ids[a] - inputs.ids[b]);
  const x = Float64Array.from(order, (i) => inputs.values[i]);
  const counts = Float64Array.from(order, (i) => countOf.get(inputs.ids[i]) ?? 0);
  const rate = Float64Array.from(counts, (c) => c / (durationMs / 1000));
  const ids = Float64Array.from(order, (i) => inputs.ids[i]);
  return {
    left: x,
    right: x,
    values: rate,
    rows: (i) => shownValue(x[i]),
    extra: [
      { name: t('plots.neuronId'), values: ids },
      { name: t('plots.colSpikes'), values: counts },
    ],
  };
}

function rateBars(r: PopulationRate): BarData {
  const n = r.rate.length;
  return {
    left: r.edges.subarray(0, n),
    right: r.edges.subarray(1),
    values: r.rate,
    rows: (i) => binText(r.edges[i], r.edges[i + 1]),
    extra: [{ name: t('plots.colSpikes'), values: r.counts }],
  };
}

function isiBars(h: Histogram): BarData {
  const n = h.counts.length;
  return { left: h.edges.subarray(0, n), right: h.edges.subarray(1), values: h.counts, rows: (i) => binText(h.edges[i], h.edges[i + 1]) };
}

/**
 * The class plots of one spike recorder, under its raster: the population rate (PSTH) with a bin
 * size the learner sets, the ISI histogram, and spikes per neuron — or the f–I curve when the
 * recorder knows each neuron's input. Events must be in ms (a Norse run drawn in steps hands the
 * ms events here; the rate needs seconds).
 */
export class SbSpikePlots extends LitElement {
  static override properties: PropertyDeclarations = {
    events: { attribute: false },
    name: { attribute: false },
    neurons: { attribute: false },
    durationMs: { attribute: false },
    inputs: { attribute: false },
    recorded: { attribute: false },
    syncKey: { attribute: false },
    highContrast: { type: Boolean, reflect: true, attribute: 'high-contrast' },
    rateBin: { state: true },
    isiBin: { state: true },
    rateBinError: { state: true },
    isiBinError: { state: true },
  };

  static override styles = css`
    :host {
      display: block;
      min-width: 0;
    }
    h4 {
      margin: 0.5rem 0 0.2rem;
      font-size: 13px;
    }
    .pair {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr));
      gap: 0 1rem;
    }
    .pair > div {
      min-width: 0;
    }
    .bin {
      display: inline-flex;
      align-items: center;
      gap: 0.3rem;
      margin-left: 0.75rem;
      font-weight: 400;
    }
    .bin input {
      width: 5.5em;
      font: inherit;
    }
    .bin input:focus-visible {
      outline: 2px solid #0072b2;
      outline-offset: 1px;
    }
    /* a box right after the field (not text that wraps back under the heading) */
    .bin-error {
      display: inline-block;
      max-width: 20rem;
      vertical-align: middle;
      font-weight: 600;
      color: #a4000f;
      margin-left: 0.5rem;
    }
    .bin-error:empty {
      display: none;
    }
    :host([high-contrast]) .bin-error {
      color: #000;
      text-decoration: underline;
    }
    .bin input[aria-invalid='true'] {
      border: 2px solid #a4000f;
    }
    .note {
      font-weight: 400;
      color: #555;
      margin-left: 0.5rem;
    }
    :host([high-contrast]) .note {
      color: #000;
    }
    :host([high-contrast]) .bin input {
      border: 2px solid #000;
    }
  `;

  declare events: RecorderEvents | null;
  /** The recorder's name in headings and captions, e.g. "sr1". */
  declare name: string;
  /** Neurons recorded (the recorder's sources), or null to count the neurons that spiked. */
  declare neurons: number | null;
  /** The run's span in ms: the PSTH covers (0, durationMs]. */
  declare durationMs: number | null;
  /** Each neuron's input, when known: then spikes per neuron are drawn as an f–I curve. */
  declare inputs: NeuronInputs | null;
  /** Ids of every neuron the recorder records, when known (response["recorded"], a Norse layer):
   * silent ones are then counted with 0 spikes. */
  declare recorded: ArrayLike<number> | null;
  /** Cursor sync with the raster above (only when both are in ms). */
  declare syncKey: string | null;
  declare highContrast: boolean;
  /** Bin widths chosen by the learner (ms), or null for the default. */
  declare rateBin: number | null;
  declare isiBin: number | null;
  /** Why the number typed in a bin field is not used (shown beside it), or null. */
  declare rateBinError: string | null;
  declare isiBinError: string | null;

  constructor() {
    super();
    this.events = null;
    this.name = '';
    this.neurons = null;
    this.durationMs = null;
    this.inputs = null;
    this.recorded = null;
    this.syncKey = null;
    this.highContrast = false;
    this.rateBin = null;
    this.isiBin = null;
    this.rateBinError = null;
    this.isiBinError = null;
  }

  /** A new run: a refusal of a bin typed for the last one no longer applies (the field shows the
   * bin used now). */
  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('events') || changed.has('durationMs')) {
      this.rateBinError = null;
      this.isiBinError = null;
    }
  }

  /** Per-neuron counts and intervals (once per events object). */
  get stats(): SpikeTrainStats {
    return trainStatsOf(this.events);
  }

  /** The PSTH drawn now. */
  get rate(): PopulationRate {
    const { times } = sortedSpikes(this.events);
    const end = this.span();
    const neurons = this.neurons ?? this.stats.ids.length;
    return populationRate(times, neurons, 0, end, this.rateBinUsed(end));
  }

  /** The ISI histogram drawn now. */
  get isi(): Histogram {
    return isiHistogram(this.stats.intervals, this.isiBinUsed());
  }

  private span(): number {
    if (this.durationMs !== null && this.durationMs > 0) return this.durationMs;
    const { times } = sortedSpikes(this.events);
    return times.length > 0 ? Math.max(times[times.length - 1], 1) : 1;
  }

  /** The PSTH bin: the learner's, widened when it would make more than MAX_BINS bins (a run
   * that got longer since the learner chose it). */
  rateBinUsed(end = this.span()): number {
    const bin = this.rateBin ?? defaultRateBin(end);
    return Math.max(bin, end / MAX_BINS);
  }

  private longestInterval(): number {
    const intervals = this.stats.intervals;
    let max = 0;
    for (let i = 0; i < intervals.length; i++) if (intervals[i] > max) max = intervals[i];
    return max;
  }

  isiBinUsed(): number {
    const bin = this.isiBin ?? defaultIsiBin(this.stats.intervals);
    return Math.max(bin, this.longestInterval() / MAX_BINS);
  }

  /** The smallest bin a field takes: one that makes at most MAX_BINS bins over the run (PSTH) or
   * the longest interval (ISI). */
  private smallestBin(which: 'rateBin' | 'isiBin'): number {
    return (which === 'rateBin' ? this.span() : this.longestInterval()) / MAX_BINS;
  }

  /** A typed bin width: used when it is one, else the field says why (beside it and to a screen
   * reader, aria-invalid) and the chart keeps the last good bin. */
  private setBin(which: 'rateBin' | 'isiBin', event: Event): void {
    const input = event.target as HTMLInputElement;
    // a text field (inputmode decimal), read as the blocks' number fields are: 0,5 is 0.5 (a
    // number <input> read "0,5" as 5 in some browsers' locales)
    const problem = binProblem(input.value, this.smallestBin(which));
    input.setAttribute('aria-invalid', problem ? 'true' : 'false');
    if (which === 'rateBin') this.rateBinError = problem;
    else this.isiBinError = problem;
    if (!problem) this[which] = readTypedNumber(input.value)!;
  }

  /** A bin width field. It applies on change (Enter, leaving the field, the arrow keys), not per
   * keystroke: a redraw while "2." is being typed would put "2" back into the field. Its name says
   * which recorder's plot it sets: a run with several recorders has one field of each per recorder. */
  private binInput(which: 'rateBin' | 'isiBin', used: number) {
    const error = which === 'rateBin' ? this.rateBinError : this.isiBinError;
    const name = which === 'rateBin' ? t('plots.rateBinName', { name: this.name }) : t('plots.isiBinName', { name: this.name });
    return html`<label class="bin"
        >${t('plots.bin')}
        <input type="text" inputmode="decimal" .value=${String(formatValue(used))}
          aria-label=${name} aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? `${which}-error ${which}-note` : `${which}-note`} @change=${(e: Event) => this.setBin(which, e)} />
        ms</label
      ><span class="bin-error" id=${`${which}-error`} role="alert">${error ?? ''}</span>`;
  }

  protected override render() {
    const times = this.events?.times;
    if (!times || times.length === 0) return null;
    const stats = this.stats;
    const end = this.span();
    const rate = this.rate;
    const rateBin = rate.binMs;
    const widened = this.rateBin !== null && rateBin > this.rateBin;
    const isiBin = this.isiBinUsed();
    const isi = isiHistogram(stats.intervals, isiBin);
    const neurons = rate.neurons;
    // an f–I curve needs neurons that got different inputs; with one input for all, the inputs'
    // ids still tell which neurons were recorded (the silent ones count 0)
    const inputs = this.inputs && this.inputs.ids.length > 0 ? this.inputs : null;
    const fi = inputsDiffer(inputs) && end > 0;
    const recorded = this.recorded ?? inputs?.ids ?? null;
    const counted = neuronCounts(stats, recorded);
    const spiked = stats.ids.length;
    const ofNeurons = this.neurons ?? (recorded ? counted.ids.length : null);
    const rateNote = t(neurons === 1 ? 'plots.psthNoteOne' : 'plots.psthNote', { n: neurons }) + (widened ? t('plots.binWidened', { bin: shownValue(rateBin), max: MAX_BINS }) : '');
    return html`
      <h4>
        ${t('plots.psth')}${this.binInput('rateBin', rateBin)}
        <span class="note" id="rateBin-note">${rateNote}</span>
      </h4>
      <sb-bars
        .data=${rateBars(rate)}
        .caption=${t('plots.psthCaption', { name: this.name, bin: shownValue(rateBin) })}
        .xLabel=${t('plots.timeMs')}
        .yLabel=${t('plots.rateAxis')}
        .rowHeader=${t('plots.timeBin')}
        .xMax=${end}
        .syncKey=${this.syncKey}
        .highContrast=${this.highContrast}
      ></sb-bars>
      <div class="pair">
        <div>
          <h4>
            ${t('plots.isiHistogram')}${this.binInput('isiBin', isiBin)}
            <span class="note" id="isiBin-note">${t(stats.intervals.length === 1 ? 'plots.oneInterval' : 'plots.intervals', { n: stats.intervals.length })}</span>
          </h4>
          ${stats.intervals.length > 0
            ? html`<sb-bars
                .data=${isiBars(isi)}
                .caption=${t('plots.isiCaption', { name: this.name, bin: shownValue(isiBin) })}
                .xLabel=${t('plots.intervalAxis')}
                .yLabel=${t('plots.intervalsAxis')}
                .rowHeader=${t('plots.intervalAxis')}
                .colorIndex=${1}
                .highContrast=${this.highContrast}
              ></sb-bars>`
            : html`<p class="note">${t('plots.noIntervals')}</p>`}
        </div>
        <div>
          ${fi
            ? html`<h4>${t('plots.fiHeading')}<span class="note">${t('plots.fiNote')}</span></h4>
                <sb-bars
                  .data=${fiPoints(stats, inputs!, end)}
                  .points=${true}
                  .caption=${t('plots.fiCaption', { name: this.name, input: inputs!.label })}
                  .xLabel=${inputs!.label}
                  .yLabel=${t('plots.rateAxis')}
                  .rowHeader=${inputs!.label}
                  .colorIndex=${2}
                  .highContrast=${this.highContrast}
                ></sb-bars>`
            : html`<h4>
                  ${t('plots.spikesPerNeuron')}<span class="note"
                    >${ofNeurons !== null && ofNeurons !== spiked
                      ? t(spiked === 1 ? 'plots.oneOfSpiked' : 'plots.someOfSpiked', { n: spiked, of: ofNeurons })
                      : t(spiked === 1 ? 'plots.oneSpiked' : 'plots.someSpiked', { n: spiked })}${ofNeurons !== null && ofNeurons > counted.ids.length
                      ? t('plots.silentNotDrawn', { n: ofNeurons - counted.ids.length })
                      : ''}</span
                  >
                </h4>
                <sb-bars
                  .data=${countBars(stats, this.durationMs, recorded)}
                  .wholeX=${true}
                  .caption=${t('plots.countsCaption', { name: this.name })}
                  .xLabel=${t('plots.neuronId')}
                  .yLabel=${t('plots.colSpikes')}
                  .rowHeader=${t('plots.neuronId')}
                  .colorIndex=${2}
                  .highContrast=${this.highContrast}
                ></sb-bars>`}
        </div>
      </div>
    `;
  }
}

if (!customElements.get('sb-spike-plots')) customElements.define('sb-spike-plots', SbSpikePlots);

declare global {
  interface HTMLElementTagNameMap {
    'sb-spike-plots': SbSpikePlots;
  }
}
