/**
 * What every plugin's generator does once its blocks have become Python: take Blockly's own
 * definitions apart (imports first; the `x = None` declarations Blockly writes for every variable
 * dropped where a block assigns the name itself), and put the program together line by line with
 * the block behind each line, so an error at a line lands on its block.
 */
import type * as Blockly from 'blockly';
import { t } from '../src/i18n';
import type { PythonGenerator } from 'blockly/python';

type WithDefinitions = { definitions_: Record<string, string> };

/** Blockly's definitions as import lines and other lines, then cleared for the next run. */
export function takeDefinitions(gen: PythonGenerator, assignedByBlocks: ReadonlySet<string>): { imports: string[]; others: string[] } {
  const imports: string[] = [];
  const others: string[] = [];
  for (const d of Object.values((gen as unknown as WithDefinitions).definitions_)) {
    if (/^(import|from) /.test(d)) {
      imports.push(d);
      continue;
    }
    const text = d
      .split('\n')
      .filter((l) => {
        const m = /^(\w+) = None$/.exec(l);
        return !(m && assignedByBlocks.has(m[1]));
      })
      .join('\n')
      .trim();
    if (text) others.push(text);
  }
  gen.nameDB_?.reset();
  (gen as unknown as WithDefinitions).definitions_ = Object.create(null);
  return { imports, others };
}

/** A program's lines and, for each, the id of the block it came from (null: no block). */
export class ProgramLines {
  readonly lines: string[] = [];
  readonly blocks: (string | null)[] = [];

  push(text: string, blockId: string | null = null): void {
    for (const l of text.split('\n')) {
      this.lines.push(l);
      this.blocks.push(blockId);
    }
  }

  /** the given imports, a blank line, then each definition followed by a blank line */
  pushPreamble(imports: readonly string[], others: readonly string[]): void {
    for (const i of imports) this.push(i);
    this.push('');
    for (const o of others) {
      this.push(o);
      this.push('');
    }
  }

  get code(): string {
    return this.lines.join('\n') + '\n';
  }
}

/** Said on the first block of every top-level stack after the first that holds the plugin's blocks:
 * such a stack still runs (stacks run in top-to-bottom screen order), but the order is easy to get
 * wrong by moving a stack. */
export function detachedStackMessage(): string {
  return t('generators.detachedStack');
}

/**
 * The code of every top-level statement stack, top to bottom (a loose value block does nothing);
 * a later stack with the plugin's blocks gets the detached-stack warning, and a block Blockly cannot
 * turn into Python a problem of its own, through `problem`.
 */
export function stacksCode(
  workspace: Blockly.Workspace,
  gen: PythonGenerator,
  ownBlocks: (top: Blockly.Block) => boolean,
  problem: (blockId: string, message: string, warning?: true) => void,
): string {
  let body = '';
  const stacks = workspace.getTopBlocks(true).filter((top) => !top.outputConnection);
  stacks.slice(1).forEach((top) => {
    if (ownBlocks(top)) problem(top.id, detachedStackMessage(), true);
  });
  for (const top of stacks) {
    try {
      const code = gen.blockToCode(top);
      if (typeof code === 'string') body += code;
    } catch (e) {
      problem(top.id, t('generators.notPython', { error: (e as Error).message }));
    }
  }
  return body;
}
