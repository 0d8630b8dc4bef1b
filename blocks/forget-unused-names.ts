/**
 * Names made by naming blocks (a population's `n1`, a Norse layer's `lif1`) are Blockly variables
 * of the plugin's own type. When the last block using one is deleted the name is forgotten, so the
 * name dropdowns only offer names that exist — one listener for every plugin, given its type.
 */
import * as Blockly from 'blockly';

export function forgetUnusedNames(variableType: string): (workspace: Blockly.Workspace, event: Blockly.Events.Abstract) => void {
  return (workspace, event) => {
    if (event.type !== Blockly.Events.BLOCK_DELETE || workspace.isFlyout) return;
    const map = workspace.getVariableMap();
    const unused = map
      .getVariablesOfType(variableType)
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
  };
}
