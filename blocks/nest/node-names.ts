/**
 * Node names (n1, pg1, sr1 …) are Blockly variables. Blockly keeps a variable after the last
 * block using it is deleted, so the name dropdowns would go on offering a population that no
 * longer exists; this listener forgets such names, in the same undo step as the deletion.
 */
import * as Blockly from 'blockly';
import { NODE_VARIABLE_TYPE } from './common';

export function forgetUnusedNodeNames(workspace: Blockly.Workspace, event: Blockly.Events.Abstract): void {
  if (event.type !== Blockly.Events.BLOCK_DELETE || workspace.isFlyout) return;
  const map = workspace.getVariableMap();
  const unused = map
    .getVariablesOfType(NODE_VARIABLE_TYPE)
    .filter((v) => Blockly.Variables.getVariableUsesById(workspace, v.getId()).length === 0);
  if (unused.length === 0) return;
  // Deletions made by the learner (drag to the bin, Delete key) come in an event group; joining
  // it makes one Ctrl+Z bring back the block and its name together.
  const previousGroup = Blockly.Events.getGroup();
  Blockly.Events.setGroup(event.group || false);
  try {
    for (const v of unused) map.deleteVariable(v);
  } finally {
    Blockly.Events.setGroup(previousGroup);
  }
}
