/**
 * The one place that wires simulator plugins into the app. Each plugin brings the same parts —
 * blocks, toolbox categories, a generator and its examples — so adding a simulator means adding
 * one entry here and its own folders, nothing else.
 */
import type * as Blockly from 'blockly';
import { forgetUnusedNodeNames, registerNestBlocks } from '../blocks/nest/index';
import { generateNest, type GeneratedProgram } from '../generators/nest';
import firstExample from '../blocks/examples/first-example.json';
import fiCurveExample from '../blocks/examples/fi-curve.json';

export interface Example {
  id: string;
  title: string;
  workspace: Record<string, unknown>;
}

export interface SimulatorPlugin {
  id: string;
  label: string;
  registerBlocks(): void;
  /** Keeps the plugin's own workspace conventions (e.g. tidying node names); called on every event. */
  onWorkspaceEvent?(workspace: Blockly.Workspace, event: Blockly.Events.Abstract): void;
  generate(workspace: Blockly.Workspace): GeneratedProgram;
  examples: Example[];
}

export const SIMULATORS: SimulatorPlugin[] = [
  {
    id: 'nest',
    label: 'NEST',
    registerBlocks: registerNestBlocks,
    onWorkspaceEvent: forgetUnusedNodeNames,
    generate: generateNest,
    examples: [
      { id: 'first-example', title: 'Poisson input drives one neuron', workspace: firstExample as Record<string, unknown> },
      { id: 'fi-curve', title: 'f–I curve: a loop sweeps the input current', workspace: fiCurveExample as Record<string, unknown> },
    ],
  },
];

export const SIMULATOR_IDS = SIMULATORS.map((s) => s.id);

export function simulator(id: string): SimulatorPlugin {
  const found = SIMULATORS.find((s) => s.id === id);
  if (!found) throw new Error(`Unknown simulator "${id}"`);
  return found;
}
