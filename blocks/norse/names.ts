/**
 * Names of Norse parts (x1, lif1 …) are Blockly variables of NORSE_VARIABLE_TYPE. Two workspace
 * conventions, as the NEST blocks keep them:
 * - norse_fresh_name: a naming block dragged out (or pasted) takes the next free name instead of
 *   sharing one with an existing block.
 * - forgetUnusedNorseNames: a name no block uses any more is forgotten, in the same undo step.
 * Names only ever reach the code through the generator's name database (valid identifiers).
 */
import * as Blockly from 'blockly';
import { NORSE_VARIABLE_TYPE } from './common';
import { forgetUnusedNames } from '../forget-unused-names';

/** Block types that make a named part, with the prefix of their fresh names. */
export const NAMING_BLOCKS: Record<string, string> = {
  norse_constant: 'x',
  norse_rand: 'x',
  norse_randn: 'x',
  norse_step_current: 'x',
  norse_spike_train: 'x',
  norse_values: 'r',
  norse_add: 'x',
  norse_poisson_encoder: 'e',
  norse_constant_current_encoder: 'e',
  norse_spike_latency_encoder: 'e',
  norse_lif: 'lif',
  norse_li: 'li',
  norse_lif_recurrent: 'rec',
  norse_lif_box: 'box',
  norse_linear: 'lin',
  norse_sequential: 'net',
};

function nameTaken(ws: Blockly.Workspace, name: string): boolean {
  return ws.getVariableMap().getAllVariables().some((v) => v.getName().toLowerCase() === name.toLowerCase());
}

function freshName(this: Blockly.Block, e: Blockly.Events.Abstract): void {
  if (e.type !== Blockly.Events.BLOCK_CREATE || this.isInFlyout || this.workspace.isFlyout) return;
  if (!((e as Blockly.Events.BlockCreate).ids ?? []).includes(this.id)) return;
  const mine = this.getFieldValue('NAME');
  const clash = this.workspace.getAllBlocks(false).some((b) => b !== this && b.type in NAMING_BLOCKS && b.getFieldValue('NAME') === mine);
  if (!clash) return;
  const prefix = NAMING_BLOCKS[this.type] ?? 'x';
  let k = 1;
  while (nameTaken(this.workspace, `${prefix}${k}`)) k++;
  const v = this.workspace.getVariableMap().createVariable(`${prefix}${k}`, NORSE_VARIABLE_TYPE);
  this.setFieldValue(v.getId(), 'NAME');
}

export function registerNorseExtensions(): void {
  if (!Blockly.Extensions.isRegistered('norse_fresh_name')) {
    Blockly.Extensions.register('norse_fresh_name', function (this: Blockly.Block) {
      this.setOnChange(freshName);
    });
  }
}

/** Forgets a part's name once no block uses it. */
export const forgetUnusedNorseNames = forgetUnusedNames(NORSE_VARIABLE_TYPE);
