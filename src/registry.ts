/**
 * The one place that wires simulator plugins into the app. Each plugin brings the same parts —
 * blocks, toolbox categories, a generator and its examples — so adding a simulator means adding
 * one entry here and its own folders, nothing else.
 */
import type * as Blockly from 'blockly';
import { forgetUnusedNodeNames, registerNestBlocks } from '../blocks/nest/index';
import { forgetUnusedNorseNames, registerNorseBlocks } from '../blocks/norse/index';
import { NEST_TOOLBOX, NORSE_TOOLBOX } from '../blocks/toolbox';
import { generateNest, type GeneratedProgram } from '../generators/nest';
import { generateNorse, type NorseGeneratedProgram } from '../generators/norse';
import firstExample from '../blocks/examples/first-example.json';
import fiCurveExample from '../blocks/examples/fi-curve.json';
// the example gallery's NEST examples (src/gallery/catalog.ts, docs/gallery.md)
import oneNeuronExample from '../blocks/examples/one-neuron.json';
import stepCurrentExample from '../blocks/examples/step-current.json';
import sineCurrentExample from '../blocks/examples/sine-current.json';
import oneNeuronNoiseExample from '../blocks/examples/one-neuron-noise.json';
import twoNeuronsExample from '../blocks/examples/two-neurons.json';
import balancedNeuronExample from '../blocks/examples/balanced-neuron.json';
import spikeActivityExample from '../blocks/examples/spike-activity.json';
import eiNetworkExample from '../blocks/examples/ei-network.json';
import brunelDeltaExample from '../blocks/examples/brunel-delta.json';
import brunelAlphaExample from '../blocks/examples/brunel-alpha.json';
import norseLifExample from '../blocks/examples/norse-lif.json';
import norseTwoLayerExample from '../blocks/examples/norse-two-layers.json';

export interface Example {
  id: string;
  title: string;
  workspace: Record<string, unknown>;
}

/** A Blockly toolbox definition (JSON), as the editor takes it. */
export type Toolbox = { kind: string; contents: unknown[] };

/** `P`: what the plugin's generator returns. NEST's GeneratedProgram carries NEST recorder
 * infos, Norse's NorseGeneratedProgram NorseRecorderInfo (keys, neurons, steps). */
export interface SimulatorPlugin<P = GeneratedProgram> {
  id: string;
  label: string;
  registerBlocks(): void;
  /** The plugin's own toolbox categories. */
  toolbox: Toolbox;
  /** Keeps the plugin's own workspace conventions (e.g. tidying node names); called on every event. */
  onWorkspaceEvent?(workspace: Blockly.Workspace, event: Blockly.Events.Abstract): void;
  generate(workspace: Blockly.Workspace): P;
  examples: Example[];
  /** Whether a problem flagged on the blocks keeps Run from running. NEST refuses impossible
   * parameters itself, with its own message, so its programs run anyway; Norse computes whatever
   * it is given (dt = 0, a negative time constant), so its programs do not. */
  problemsStopRun: boolean;
}

export const NEST_PLUGIN: SimulatorPlugin<GeneratedProgram> = {
  id: 'nest',
  label: 'NEST',
  problemsStopRun: false,
  registerBlocks: registerNestBlocks,
  toolbox: NEST_TOOLBOX,
  onWorkspaceEvent: forgetUnusedNodeNames,
  generate: generateNest,
  examples: [
    { id: 'first-example', title: 'Poisson input drives one neuron', workspace: firstExample as Record<string, unknown> },
    { id: 'fi-curve', title: 'f–I curve: a loop sweeps the input current', workspace: fiCurveExample as Record<string, unknown> },
    { id: 'one-neuron', title: 'One neuron, constant current', workspace: oneNeuronExample as Record<string, unknown> },
    { id: 'step-current', title: 'A current in steps', workspace: stepCurrentExample as Record<string, unknown> },
    { id: 'sine-current', title: 'A sine-wave current', workspace: sineCurrentExample as Record<string, unknown> },
    { id: 'one-neuron-noise', title: 'One neuron with noise', workspace: oneNeuronNoiseExample as Record<string, unknown> },
    { id: 'two-neurons', title: 'Two connected neurons', workspace: twoNeuronsExample as Record<string, unknown> },
    { id: 'balanced-neuron', title: 'A balanced neuron', workspace: balancedNeuronExample as Record<string, unknown> },
    { id: 'spike-activity', title: 'Spike activity of 100 neurons', workspace: spikeActivityExample as Record<string, unknown> },
    { id: 'ei-network', title: 'Excitatory–inhibitory network', workspace: eiNetworkExample as Record<string, unknown> },
    { id: 'brunel-delta', title: 'A small Brunel network', workspace: brunelDeltaExample as Record<string, unknown> },
    { id: 'brunel-alpha', title: 'A small Brunel network, alpha synapses', workspace: brunelAlphaExample as Record<string, unknown> },
  ],
};

export const NORSE_PLUGIN: SimulatorPlugin<NorseGeneratedProgram> = {
  id: 'norse',
  label: 'Norse',
  problemsStopRun: true,
  registerBlocks: registerNorseBlocks,
  toolbox: NORSE_TOOLBOX,
  onWorkspaceEvent: forgetUnusedNorseNames,
  generate: generateNorse,
  examples: [
    { id: 'norse-lif', title: 'A LIF layer on a constant input: spikes, v and i', workspace: norseLifExample as Record<string, unknown> },
    { id: 'norse-two-layers', title: 'Two layers in sequence: Linear → LIF → Linear → LIF', workspace: norseTwoLayerExample as Record<string, unknown> },
  ],
};

export type AnySimulatorPlugin = typeof NEST_PLUGIN | typeof NORSE_PLUGIN;

/** NEST first: the app opens with SIMULATORS[0]. */
export const SIMULATORS = [NEST_PLUGIN, NORSE_PLUGIN] as const;

export const SIMULATOR_IDS = SIMULATORS.map((s) => s.id);

export function simulator(id: string): AnySimulatorPlugin {
  const found = SIMULATORS.find((s) => s.id === id);
  if (!found) throw new Error(`Unknown simulator "${id}"`);
  return found;
}
