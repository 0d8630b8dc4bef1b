import { distinctSenders, maxOf, type RecorderEvents } from './events';
import type { RecorderModel } from './recorders';
import { t } from '../i18n';
import { localDecimals } from './number-text';

/** The numbers of the results' summary line. */
export interface RunSummary {
  /** number of spike recorders in the result */
  spikeRecorders: number;
  spikes: number;
  /** neurons the spikes could have come from (recorder `sources`, else distinct senders) */
  neurons: number;
  /** time span of the rate, ms: simTime if known, else the last event time */
  durationMs: number | null;
  /** mean rate per neuron in spikes/s, or null when neurons or duration are unknown/zero */
  ratePerNeuron: number | null;
  runMs: number | null;
}

export interface SummaryInput {
  model: RecorderModel;
  sources: number | null;
  events: RecorderEvents | null;
}

export function summarize(recorders: SummaryInput[], simTime: number | null, runMs: number | null): RunSummary {
  let spikes = 0;
  let neurons = 0;
  let spikeRecorders = 0;
  let lastSpike: number | null = null;
  let lastSample: number | null = null;
  for (const recorder of recorders) {
    const times = recorder.events?.times;
    const last = maxOf(times);
    if (recorder.model !== 'spike_recorder') {
      if (last !== null) lastSample = Math.max(lastSample ?? last, last);
      continue;
    }
    spikeRecorders++;
    spikes += times?.length ?? 0;
    neurons += recorder.sources ?? distinctSenders(recorder.events?.senders ?? []).length;
    if (last !== null) lastSpike = Math.max(lastSpike ?? last, last);
  }
  const durationMs = simTime ?? lastSpike ?? lastSample;
  const ratePerNeuron =
    neurons > 0 && durationMs !== null && durationMs > 0 ? spikes / neurons / (durationMs / 1000) : null;
  return { spikeRecorders, spikes, neurons, durationMs, ratePerNeuron, runMs };
}

/** A rate with enough digits to compare runs, but not more than a learner can read. */
export function formatRate(rate: number): string {
  if (rate === 0) return '0';
  if (rate < 0.1) return rate.toPrecision(2);
  return rate.toFixed(1);
}


/** The summary line, e.g. "30 spikes · 10.0 spikes/s per neuron (3 neurons, 1000 ms) · run 12 ms". */
export function summaryText(summary: RunSummary): string {
  const parts: string[] = [];
  if (summary.spikeRecorders > 0) {
    if (summary.spikes === 0) {
      parts.push(summary.durationMs !== null ? t('plots.summaryNoSpikesIn', { time: formatMs(summary.durationMs) }) : t('plots.summaryNoSpikes'));
    } else {
      parts.push(t(summary.spikes === 1 ? 'plots.oneSpike' : 'plots.spikesCount', { n: summary.spikes }));
      if (summary.ratePerNeuron !== null && summary.durationMs !== null) {
        parts.push(
          t(summary.neurons === 1 ? 'plots.summaryRateOne' : 'plots.summaryRate', {
            rate: localDecimals(formatRate(summary.ratePerNeuron)),
            n: summary.neurons,
            time: formatMs(summary.durationMs),
          }),
        );
      }
    }
  }
  if (summary.runMs !== null) parts.push(t('plots.summaryRun', { ms: Math.round(summary.runMs) }));
  return parts.join(' · ');
}

function formatMs(ms: number): string {
  return `${localDecimals(String(Number(ms.toFixed(3))))} ms`;
}
