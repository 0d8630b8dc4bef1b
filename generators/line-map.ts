/**
 * Maps generated Python lines to the blocks that produced them. The generator emits a marker
 * comment before each statement block (Blockly's STATEMENT_PREFIX); this module strips those
 * lines and remembers, for every remaining line, the block of the nearest marker above it.
 */

/** Marker start: a comment with a control character no field or string literal can produce
 * (strings are escaped, comments are cleaned of control characters). */
export const MARK = '#\u0001sb:';
const MARK_LINE = /^(\s*)#\u0001sb:(\d+)$/;

export interface MappedCode {
  lines: string[];
  blocks: (string | null)[];
}

/**
 * Strips marker lines. `ids[k]` is the block id of marker k. A line belongs to the nearest marker
 * above it at the same or a smaller indent, so an `elif`/`else` line after a nested block goes back
 * to its `if` block. When a marker was the only thing in an indented suite (an empty loop body),
 * a `pass` takes its place so the Python stays valid.
 */
export function stripMarkers(code: string, ids: string[], indent: string): MappedCode {
  const lines: string[] = [];
  const blocks: (string | null)[] = [];
  const raw = code.split('\n');
  if (raw.length && raw[raw.length - 1] === '') raw.pop();
  const open: { indent: number; id: string | null }[] = [];
  const current = () => (open.length ? open[open.length - 1].id : null);
  for (let i = 0; i < raw.length; i++) {
    const m = MARK_LINE.exec(raw[i]);
    if (!m) {
      if (raw[i].trim() !== '') {
        const li = indentOf(raw[i]);
        while (open.length && open[open.length - 1].indent > li) open.pop();
      }
      lines.push(raw[i]);
      blocks.push(current());
      continue;
    }
    const mi = m[1].length;
    while (open.length && open[open.length - 1].indent >= mi) open.pop();
    open.push({ indent: mi, id: ids[Number(m[2])] ?? null });
    // Does the previous code line open a suite that nothing else fills?
    const prev = lastCodeLine(lines);
    if (prev >= 0 && opensSuite(lines[prev])) {
      const next = nextCodeLine(raw, i + 1);
      const suiteIndent = indentOf(lines[prev]) + indent.length;
      if (next < 0 || indentOf(raw[next]) < suiteIndent) {
        lines.push(' '.repeat(suiteIndent) + 'pass');
        blocks.push(current());
      }
    }
  }
  return { lines, blocks };
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

function isCode(line: string): boolean {
  const t = line.trim();
  return t !== '' && !t.startsWith('#');
}

function opensSuite(line: string): boolean {
  return isCode(line) && line.trimEnd().endsWith(':');
}

function lastCodeLine(lines: string[]): number {
  for (let i = lines.length - 1; i >= 0; i--) if (isCode(lines[i])) return i;
  return -1;
}

function nextCodeLine(raw: string[], from: number): number {
  for (let i = from; i < raw.length; i++) if (isCode(raw[i]) && !MARK_LINE.test(raw[i])) return i;
  return -1;
}
