/** Result plots: importing this module defines <sb-results>, <sb-raster>, <sb-traces> and <sb-table-plot>. */
export { SbResults } from './sb-results';
export { SbRaster } from './sb-raster';
export { SbTraces, DEFAULT_MAX_LINES } from './sb-traces';
export { SbTablePlot, chartColumns } from './sb-table-plot';
export { resultTablesOf, axisNames, formatCell, type ResultTable, type ResultTables, type SkippedTable } from './result-tables';
export type { PlottedRecorder, RecorderModel, RecordSelectDetail } from './recorders';
export type { RecorderEvents, SpikeColumns, TraceColumns } from './events';
export { spikeColumns, splitBySender, recordablesIn, distinctSenders } from './events';
export { summarize, summaryText, formatRate, type RunSummary } from './summary';
export { RECORDABLE_UNITS, axisLabel } from './units';
export { LINE_COLORS } from './colors';
