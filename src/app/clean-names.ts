/**
 * Block names (Blockly variables: n1, sr1, …) without bidirectional control characters: in a
 * name they reorder what is shown after them, so "sr\u202Egnp.exe" looks like "sr exe.png" on
 * the blocks (src/plots/bidi.ts says why they carry no meaning). Taken out of a project as it is
 * loaded and out of a name as it is typed.
 */
import * as Blockly from 'blockly';
import { stripBidi } from '../plots/bidi';

/** The saved workspace with its variables' names cleaned (the state itself is not changed). */
export function withCleanNames(state: Record<string, unknown>): Record<string, unknown> {
  const variables = state.variables;
  if (!Array.isArray(variables)) return state;
  return {
    ...state,
    variables: variables.map((v: unknown) =>
      v && typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string'
        ? { ...(v as object), name: stripBidi((v as { name: string }).name) }
        : v,
    ),
  };
}

/** After a variable is created or renamed in the editor: the same name without bidi controls. */
export function cleanNameAfter(e: Blockly.Events.Abstract, ws: Blockly.Workspace): void {
  if (e.type !== Blockly.Events.VAR_CREATE && e.type !== Blockly.Events.VAR_RENAME) return;
  const map = ws.getVariableMap();
  const variable = map.getVariableById((e as Blockly.Events.VarBase).varId ?? '');
  if (!variable) return;
  const clean = stripBidi(variable.getName());
  if (clean === variable.getName()) return;
  try {
    map.renameVariable(variable, clean || 'name');
  } catch {
    // a name taken already: Blockly refuses the rename and the name stays as it was typed
  }
}
