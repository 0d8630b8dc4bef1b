/**
 * What every plugin's generator does once its blocks have become Python: take Blockly's own
 * definitions apart (imports first; the `x = None` declarations Blockly writes for every variable
 * dropped where a block assigns the name itself), and put the program together line by line with
 * the block behind each line, so an error at a line lands on its block.
 */
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
