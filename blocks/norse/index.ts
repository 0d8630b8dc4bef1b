/**
 * The Norse blocks as JSON data. Importing this module defines nothing; registerNorseBlocks()
 * registers the blocks and their extension with Blockly (idempotent).
 */
import * as Blockly from 'blockly';
import { addBlockMessages, applyBlocklyLanguage, registerTranslatedCategories } from '../messages';
import { VALUE_BLOCKS } from './common';
import { CONTAINER_BLOCKS, MODULE_CHECK } from './containers';
import { ENCODER_BLOCKS } from './encoders';
import { INPUT_BLOCKS } from './inputs';
import { LAYER_BLOCKS, norseParamTooltips } from './layers';
import { NAMING_BLOCKS, registerNorseExtensions } from './names';
import { RECORDING_BLOCKS } from './recording';
import { registerStrictChecks } from '../nest/param-check';
import { registerRangeNumberField } from '../nest/range-number-field';

export { NORSE_VARIABLE_TYPE } from './common';
export { forgetUnusedNorseNames, NAMING_BLOCKS } from './names';

/** Every Norse block definition (including the number shadow blocks). Naming blocks get the
 * fresh-name extension here, so the data files stay plain. */
export const NORSE_BLOCKS: Blockly.JsonBlockDefinition[] = [
  ...INPUT_BLOCKS,
  ...ENCODER_BLOCKS,
  ...LAYER_BLOCKS,
  ...CONTAINER_BLOCKS,
  ...RECORDING_BLOCKS,
  ...VALUE_BLOCKS,
].map((d) => ((d.type as string) in NAMING_BLOCKS ? { ...d, extensions: ['norse_fresh_name'] } : d)) as Blockly.JsonBlockDefinition[];

export function registerNorseBlocks(): void {
  // the blocks' texts are Blockly messages, resolved as each block is built: fill them first
  addBlockMessages(norseParamTooltips);
  registerTranslatedCategories();
  applyBlocklyLanguage();
  registerNorseExtensions();
  // only layers fit into a sequence's layers (a connect block there would be lost to the code)
  registerStrictChecks(MODULE_CHECK);
  // counts and numbers read a decimal comma as the NEST blocks do
  registerRangeNumberField();
  const missing = NORSE_BLOCKS.filter((d) => !Blockly.Blocks[d.type as string]);
  if (missing.length) Blockly.common.defineBlocks(Blockly.common.createBlockDefinitionsFromJsonArray(missing));
}
