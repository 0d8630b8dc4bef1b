import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Blockly from 'blockly';
import { forgetUnusedNodeNames, registerNestBlocks } from '../../blocks/nest/index';
import firstExample from '../../blocks/examples/first-example.json';

registerNestBlocks();

/** Blockly delivers change events on a timer. */
const eventsDelivered = () => new Promise((resolve) => setTimeout(resolve, 10));

function names(ws: Blockly.Workspace): string[] {
  return ws.getVariableMap().getVariablesOfType('nest_node').map((v) => v.getName()).sort();
}

function creator(ws: Blockly.Workspace, name: string): Blockly.Block {
  return ws.getAllBlocks(false).find((b) => b.getField('NAME') && b.getField('NAME')!.getText() === name && !b.type.startsWith('nest_connect'))!;
}

test('a node name is forgotten once no block uses it, and the deletion undoes in one step', async () => {
  const ws = new Blockly.Workspace();
  ws.addChangeListener((e) => forgetUnusedNodeNames(ws, e));
  Blockly.serialization.workspaces.load(firstExample as object, ws);
  assert.deepEqual(names(ws), ['n1', 'pg1', 'sr1', 'vm1']);

  // The connect pg1 → n1 still names pg1: the name stays.
  creator(ws, 'pg1').dispose(true);
  await eventsDelivered();
  assert.deepEqual(names(ws), ['n1', 'pg1', 'sr1', 'vm1']);

  const connect = ws.getAllBlocks(false).find((b) => b.type === 'nest_connect' && b.getField('SOURCE')!.getText() === 'pg1')!;
  Blockly.Events.setGroup(true); // as a deletion from the UI is
  connect.dispose(true);
  Blockly.Events.setGroup(false);
  await eventsDelivered();
  assert.deepEqual(names(ws), ['n1', 'sr1', 'vm1']);

  ws.undo(false);
  await eventsDelivered();
  assert.deepEqual(names(ws), ['n1', 'pg1', 'sr1', 'vm1']);
  assert.ok(ws.getAllBlocks(false).some((b) => b.type === 'nest_connect' && b.getField('SOURCE')!.getText() === 'pg1'));
  ws.dispose();
});
