/**
 * The NEST blocks as JSON data. Importing this module defines nothing; registerNestBlocks()
 * registers the blocks and their extensions with Blockly (idempotent).
 *
 * The number inputs with a known range use `field_range_number` (./range-number-field.ts), a
 * FieldSlider from @blockly/field-slider that does not clamp typed values. Checked in Node:
 * importing @blockly/field-slider touches no DOM (it only registers its field class and queues
 * its CSS), so the headless generator tests load the same module graph as the app.
 */
import * as Blockly from 'blockly';
import { addBlockMessages, applyBlocklyLanguage, registerTranslatedCategories } from '../messages';
import { sliderTooltips, valueBlockDefinitions } from './common';
import { CONNECTION_BLOCKS } from './connections';
import { registerExtensions } from './extensions';
import { registerRangeNumberField } from './range-number-field';
import { NEURON_BLOCKS } from './neurons';
import { PARAM_BLOCKS, registerParamField } from './params';
import { RANDOM_BLOCKS } from './random';
import { RECORDER_BLOCKS } from './recorders';
import { SIMULATION_BLOCKS } from './simulation';
import { STIMULUS_BLOCKS } from './stimuli';

export { CREATORS } from './catalog';
export { NODE_VARIABLE_TYPE } from './common';
export { forgetUnusedNodeNames } from './node-names';

/** Every NEST block definition (including the slider/number shadow blocks). */
export const NEST_BLOCKS: Blockly.JsonBlockDefinition[] = [
  ...NEURON_BLOCKS,
  ...PARAM_BLOCKS,
  ...STIMULUS_BLOCKS,
  ...RECORDER_BLOCKS,
  ...CONNECTION_BLOCKS,
  ...SIMULATION_BLOCKS,
  ...RANDOM_BLOCKS,
  ...valueBlockDefinitions(),
] as Blockly.JsonBlockDefinition[];

export function registerNestBlocks(): void {
  // the blocks' texts are Blockly messages, resolved as each block is built: fill them first
  addBlockMessages(sliderTooltips);
  registerTranslatedCategories();
  applyBlocklyLanguage();
  registerRangeNumberField();
  registerParamField();
  registerExtensions();
  const missing = NEST_BLOCKS.filter((d) => !Blockly.Blocks[d.type as string]);
  if (missing.length) Blockly.common.defineBlocks(Blockly.common.createBlockDefinitionsFromJsonArray(missing));
}
