/**
 * Node names (n1, pg1, sr1 …) are Blockly variables. Blockly keeps a variable after the last
 * block using it is deleted, so the name dropdowns would go on offering a population that no
 * longer exists; this listener forgets such names, in the same undo step as the deletion.
 */
import { NODE_VARIABLE_TYPE } from './common';
import { forgetUnusedNames } from '../forget-unused-names';

/** Forgets a node name once no block uses it. */
export const forgetUnusedNodeNames = forgetUnusedNames(NODE_VARIABLE_TYPE);
