import { LitElement, html, css, type PropertyDeclarations } from 'lit';
import './sb-bars';
import type { BarData } from './sb-bars';
import { formatValue } from './sb-bars';
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

/** More bins than this would be thinner than a pixel and slow to list: the bin is widened to fit. */
export const MAX_BINS = 5000;

/** "5–10" for a bin; numbers without float noise. */
function binText(a: number, b: number): string {
  return `${formatValue(a)}–${formatValue(b)}`;
}

/** One per-neuron bar per id, 0.8 wide, so neighbouring ids stay apart. */
function countBars(trains: SpikeTrainStats, durationMs: number | null): BarData {
  const { ids, counts } = trains;
  const left = Float64Array.from(ids, (id) => id - 0.4);
  const right = Float64Array.from(ids, (id) => id + 0.4);
  const extra = durationMs !== null && durationMs > 0 ? [{ name: 'rate (spikes/s)', values: Float64Array.from(counts, (c) => c / (durationMs / 1000)) }] : [];
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
    rows: (i) => formatValue(x[i]),
    extra: [
      { name: 'neuron id', values: ids },
      { name: 'spikes', values: counts },
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
    extra: [{ name: 'spikes', values: r.counts }],
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
    syncKey: { attribute: false },
    highContrast: { type: Boolean, reflect: true, attribute: 'high-contrast' },
    rateBin: { state: true },
    isiBin: { state: true },
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
  /** Cursor sync with the raster above (only when both are in ms). */
  declare syncKey: string | null;
  declare highContrast: boolean;
  /** Bin widths chosen by the learner (ms), or null for the default. */
  declare rateBin: number | null;
  declare isiBin: number | null;

  constructor() {
    super();
    this.events = null;
    this.name = '';
    this.neurons = null;
    this.durationMs = null;
    this.inputs = null;
    this.syncKey = null;
    this.highContrast = false;
    this.rateBin = null;
    this.isiBin = null;
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

  /** The PSTH bin: the learner's, widened when it would make more than MAX_BINS bins. */
  rateBinUsed(end = this.span()): number {
    const bin = this.rateBin ?? defaultRateBin(end);
    return Math.max(bin, end / MAX_BINS);
  }

  isiBinUsed(): number {
    const intervals = this.stats.intervals;
    let max = 0;
    for (let i = 0; i < intervals.length; i++) if (intervals[i] > max) max = intervals[i];
    const bin = this.isiBin ?? defaultIsiBin(intervals);
    return Math.max(bin, max / MAX_BINS);
  }

  private setBin(which: 'rateBin' | 'isiBin', event: Event): void {
    const input = event.target as HTMLInputElement;
    const value = Number(input.value);
    const ok = input.value !== '' && Number.isFinite(value) && value > 0;
    input.setAttribute('aria-invalid', ok ? 'false' : 'true');
    if (ok) this[which] = value;
  }

  /** A bin width field. It applies on change (Enter, leaving the field, the arrow keys), not per
   * keystroke: a redraw while "2." is being typed would put "2" back into the field. */
  private binInput(which: 'rateBin' | 'isiBin', used: number, label: string) {
    return html`<label class="bin"
      >${label}
      <input type="number" min="0" step="any" inputmode="decimal" .value=${String(formatValue(used))}
        aria-describedby=${`${which}-note`} @change=${(e: Event) => this.setBin(which, e)} />
      ms</label
    >`;
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
    const fi = this.inputs && this.inputs.ids.length > 0 && end > 0;
    return html`
      <h4>
        Population rate (PSTH)${this.binInput('rateBin', rateBin, 'bin')}
        <span class="note" id="rateBin-note"
          >spikes/s per neuron, ${neurons} ${neurons === 1 ? 'neuron' : 'neurons'}${widened ? `; bin widened to ${formatValue(rateBin)} ms (at most ${MAX_BINS} bins)` : ''}</span
        >
      </h4>
      <sb-bars
        .data=${rateBars(rate)}
        .caption=${`Population rate of ${this.name} in ${formatValue(rateBin)} ms bins`}
        .xLabel=${'time (ms)'}
        .yLabel=${'rate (spikes/s)'}
        .rowHeader=${'time bin (ms)'}
        .xMax=${end}
        .syncKey=${this.syncKey}
        .highContrast=${this.highContrast}
      ></sb-bars>
      <div class="pair">
        <div>
          <h4>
            ISI histogram${this.binInput('isiBin', isiBin, 'bin')}
            <span class="note" id="isiBin-note">${stats.intervals.length} intervals</span>
          </h4>
          ${stats.intervals.length > 0
            ? html`<sb-bars
                .data=${isiBars(isi)}
                .caption=${`Inter-spike intervals of ${this.name} in ${formatValue(isiBin)} ms bins`}
                .xLabel=${'interval (ms)'}
                .yLabel=${'intervals'}
                .rowHeader=${'interval (ms)'}
                .colorIndex=${1}
                .highContrast=${this.highContrast}
              ></sb-bars>`
            : html`<p class="note">No neuron spiked twice, so there are no intervals.</p>`}
        </div>
        <div>
          ${fi
            ? html`<h4>Rate against input (f–I)<span class="note">one dot per neuron</span></h4>
                <sb-bars
                  .data=${fiPoints(stats, this.inputs!, end)}
                  .points=${true}
                  .caption=${`Rate of each neuron of ${this.name} against its ${this.inputs!.label}`}
                  .xLabel=${this.inputs!.label}
                  .yLabel=${'rate (spikes/s)'}
                  .rowHeader=${this.inputs!.label}
                  .colorIndex=${2}
                  .highContrast=${this.highContrast}
                ></sb-bars>`
            : html`<h4>
                  Spikes per neuron<span class="note"
                    >${stats.ids.length}${this.neurons !== null && this.neurons !== stats.ids.length ? ` of ${this.neurons}` : ''}
                    ${stats.ids.length === 1 ? 'neuron' : 'neurons'} spiked</span
                  >
                </h4>
                <sb-bars
                  .data=${countBars(stats, this.durationMs)}
                  .caption=${`Spikes of each neuron of ${this.name}`}
                  .xLabel=${'neuron id'}
                  .yLabel=${'spikes'}
                  .rowHeader=${'neuron id'}
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
