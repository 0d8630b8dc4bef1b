/**
 * Reference cases N1–N3 of shared/reference/cases.md (numbers from NEST's own test suite), kept in
 * one place for every layer that checks them: the kernel alone, the Python facade in Node, the
 * worker in Chromium, and real NEST 3.10. Values are the printed digits, as strings, so a test can
 * compare to exactly the precision cases.md gives. Browser-safe: no Node imports.
 */

/** [time (ms), V_m (mV) as printed]. */
export type PrintedTable = [number, string][];

function withFlat(table: PrintedTable, from: number, to: number, value: string): PrintedTable {
  const out = [...table];
  for (let k = Math.round(from * 10); k <= Math.round(to * 10); k++) out.push([k / 10, value]);
  return out.sort((a, b) => a[0] - b[0]);
}

/** N1: dc_generator 1000 pA (delay 0.1) into a neuron with defaults; also holds for iaf_psc_exp.
 * Samples from 0.1 to 7.9; none at 8.0 (it falls in the last min_delay slice). One spike at 5.0. */
export const N1_VM: PrintedTable = withFlat(
  [
    [0.1, '-70'], [0.2, '-70'], [0.3, '-69.602'], [0.4, '-69.2079'], [0.5, '-68.8178'],
    [0.6, '-68.4316'], [0.7, '-68.0492'], [0.8, '-67.6706'], [0.9, '-67.2958'], [1.0, '-66.9247'],
    [4.5, '-56.0204'], [4.6, '-55.7615'], [4.7, '-55.5051'], [4.8, '-55.2513'], [4.9, '-55.0001'],
    [7.1, '-69.602'], [7.2, '-69.2079'], [7.3, '-68.8178'], [7.4, '-68.4316'], [7.5, '-68.0492'],
    [7.6, '-67.6706'], [7.7, '-67.2958'], [7.8, '-66.9247'], [7.9, '-66.5572'],
  ],
  5.0, 7.0, '-70',
);
export const N1_SAMPLES = 79;
export const N1_SPIKE_TIMES = [5.0];

/** N1 as a PyNEST program, the way a learner would write it. */
export function n1Program(model = 'iaf_psc_alpha'): string {
  return `import nest

nest.ResetKernel()
nest.SetKernelStatus({"resolution": 0.1})
neuron = nest.Create("${model}")
dc = nest.Create("dc_generator", params={"amplitude": 1000.0, "start": 0.0})
vm = nest.Create("voltmeter", params={"interval": 0.1})
sr = nest.Create("spike_recorder")
nest.Connect(dc, neuron, syn_spec={"delay": 0.1})
nest.Connect(vm, neuron)
nest.Connect(neuron, sr)
nest.Simulate(8.0)

response = {"events": [sr.events, vm.events]}
`;
}

/** N2: no generator, I_e = 1000 pA on the neuron. One spike at 4.8. */
export const N2_VM: PrintedTable = [
  [0.1, '-69.602'], [0.2, '-69.2079'], [0.3, '-68.8178'], [0.4, '-68.4316'], [0.5, '-68.0492'],
  [4.3, '-56.0204'], [4.4, '-55.7615'], [4.5, '-55.5051'], [4.6, '-55.2513'], [4.7, '-55.0001'],
  [4.8, '-70'], [4.9, '-70'], [5.0, '-70'],
];
export const N2_SPIKE_TIMES = [4.8];

/** N3: dc 1000 pA with delay 2.0; the same for every min_delay and Simulate split (relative 1e-7). */
export const N3_VM: PrintedTable = [
  [1.0, '-70'], [2.0, '-70'], [3.0, '-66.55725'], [4.0, '-63.07837'], [5.0, '-59.93054'],
  [6.0, '-57.08227'], [7.0, '-70'], [8.0, '-70'], [9.0, '-69.60199'], [10.0, '-65.83337'],
];
export const N3_MIN_DELAYS = [0.1, 0.2, 0.5, 1.0, 2.0];

/** Half a unit of the last printed digit: the most a correct value may differ from the print. */
export function printedTolerance(digits: string): number {
  return 0.5 * 10 ** -(digits.split('.')[1] ?? '').length;
}

/** Null when `actual` agrees with the printed digits, else a message saying how it does not. */
export function printedMismatch(actual: number | undefined, digits: string, what: string): string | null {
  if (actual === undefined || Number.isNaN(actual)) return `${what}: no value`;
  return Math.abs(actual - Number(digits)) <= printedTolerance(digits) + 1e-12 ? null : `${what}: got ${actual}, cases.md says ${digits}`;
}

/** The value recorded at time t (found by time on the grid, not by index). */
export function valueAt(times: ArrayLike<number>, values: ArrayLike<number>, t: number): number | undefined {
  for (let i = 0; i < times.length; i++) if (Math.abs(times[i] - t) < 1e-9) return values[i];
  return undefined;
}
