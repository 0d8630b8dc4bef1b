/**
 * Tiny builders for Norse workspace JSON in tests: shadows, chains of statement blocks, and a
 * headless workspace where each name becomes a Norse part variable with id var_<name>.
 */
import * as Blockly from 'blockly';

export type B = Record<string, unknown>;
export const shadow = (type: string, x: number) => ({ shadow: { type, fields: { NUM: x } } });
export const plain = (x: number) => shadow('math_number', x);
export const count = (x: number) => shadow('norse_count', x);
/** the value of a NAME / INPUT field: the part variable of that name */
export const v = (name: string) => ({ id: `var_${name}` });

/** Links statement blocks one under the other; the first one. */
export function chain(blocks: B[]): B {
  for (let i = blocks.length - 2; i >= 0; i--) blocks[i].next = { block: blocks[i + 1] };
  return blocks[0];
}

/** Loads stacks into a headless workspace; every name in `names` becomes a Norse part variable. */
export function loadNorseWorkspace(stacks: B[], names: string[]): Blockly.Workspace {
  const ws = new Blockly.Workspace();
  Blockly.serialization.workspaces.load(
    {
      blocks: { languageVersion: 0, blocks: stacks.map((s, i) => ({ x: 0, y: i * 1000, ...s })) },
      variables: names.map((n) => ({ name: n, id: `var_${n}`, type: 'norse_tensor' })),
    },
    ws,
  );
  return ws;
}
