/** Result plots: importing this module defines <sb-results>, <sb-raster>, <sb-traces>, <sb-table-plot>,
 * and the class plots <sb-spike-plots>, <sb-bars>, <sb-stats-table>. */
export { SbResults } from './sb-results';
export { SbRaster } from './sb-raster';
export { SbTraces, DEFAULT_MAX_LINES } from './sb-traces';
export { SbTablePlot, chartColumns } from './sb-table-plot';
export { SbSpikePlots, MAX_BINS } from './sb-spike-plots';
export { SbBars, type BarData } from './sb-bars';
export { SbStatsTable } from './sb-stats-table';
export * from './stats';
export { resultTablesOf, axisNames, formatCell, type ResultTable, type ResultTables, type SkippedTable } from './result-tables';
export type { PlottedRecorder, RecorderModel, RecordSelectDetail, NeuronInputs } from './recorders';
export type { RecorderEvents, SpikeColumns, TraceColumns } from './events';
export { spikeColumns, splitBySender, recordablesIn, distinctSenders } from './events';
export { summarize, summaryText, formatRate, type RunSummary } from './summary';
export { RECORDABLE_UNITS, axisLabel } from './units';
export { LINE_COLORS, HIGH_CONTRAST_COLORS, contrastRatio } from './colors';
