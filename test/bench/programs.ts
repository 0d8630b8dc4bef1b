// Program texts the benchmarks share: the first example as its blocks generate it, and the Brunel
// network of brunel.ts. In a module of their own so a benchmark can import them without running
// another benchmark's top-level code.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as Blockly from 'blockly';
import { registerNestBlocks } from '../../blocks/nest/index';
import { generateNest } from '../../generators/nest';

/** The first example (blocks/examples/first-example.json) as the app generates it. */
export function firstExampleProgram(): string {
  registerNestBlocks();
  const workspace = new Blockly.Workspace();
  const example = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../blocks/examples/first-example.json'), 'utf8'));
  Blockly.serialization.workspaces.load(example, workspace);
  const { code } = generateNest(workspace);
  workspace.dispose();
  return code;
}

export interface BrunelCase {
  series: 'full' | 'neurons' | 'synapses';
  neurons: number;
  indegree: number;
}

/** The full-size Brunel network: 12,500 neurons, 125 inputs each (1.56 million synapses). */
export const BRUNEL_FULL: BrunelCase = { series: 'full', neurons: 12500, indegree: 125 };

/**
 * The program, in PyNEST. Per neuron: CE = 0.8·K excitatory and CI = 0.2·K inhibitory inputs.
 * J·CE is kept at 100 mV whatever K is, so the mean drive (and the regime) stays that of the
 * full network; the Poisson rate is eta times the rate that alone would reach threshold.
 * Runs under NEST Server's RestrictedPython too (its import lines are commented out there and
 * `time` is one of its builtins; it forbids assigning to a module's attribute, hence SetKernelStatus
 * rather than `nest.resolution = 0.1`); it prints one BENCH line with its own timings.
 */
export function brunelProgram(c: BrunelCase): string {
  const ne = Math.round(0.8 * c.neurons), ni = c.neurons - ne;
  const ce = Math.round(0.8 * c.indegree), ci = c.indegree - ce;
  return `import time
import nest

t0 = time.perf_counter()
NE, NI, CE, CI = ${ne}, ${ni}, ${ce}, ${ci}
J, g, eta, delay, theta, tau_m = ${(100 / ce).toPrecision(6)}, 5.0, 2.0, 1.5, 20.0, 20.0
nu_th = theta / (J * CE * tau_m)
p_rate = 1000.0 * eta * nu_th * CE

nest.ResetKernel()
nest.SetKernelStatus({"resolution": 0.1})
neuron = {"C_m": 1.0, "tau_m": tau_m, "t_ref": 2.0, "E_L": 0.0, "V_reset": 10.0, "V_m": 0.0, "V_th": theta}
exc = nest.Create("iaf_psc_delta", NE, params=neuron)
inh = nest.Create("iaf_psc_delta", NI, params=neuron)
drive = nest.Create("poisson_generator", params={"rate": p_rate})
spikes = nest.Create("spike_recorder")
nest.Connect(drive, exc + inh, syn_spec={"weight": J, "delay": delay})
nest.Connect(exc, exc + inh, {"rule": "fixed_indegree", "indegree": CE}, {"weight": J, "delay": delay})
nest.Connect(inh, exc + inh, {"rule": "fixed_indegree", "indegree": CI}, {"weight": -g * J, "delay": delay})
nest.Connect(exc + inh, spikes)
t1 = time.perf_counter()
nest.Simulate(1000.0)
t2 = time.perf_counter()
n = spikes.n_events
print(f"BENCH build_s={t1 - t0:.3f} simulate_s={t2 - t1:.3f} spikes={n} synapses={nest.num_connections}")
response = {"events": [spikes.events], "biological_time": nest.biological_time}
`;
}
