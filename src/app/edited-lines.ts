/**
 * Which block a line of hand-edited code came from, so a Python error in an edited program still
 * lands on a block. The edited text is aligned with the generated one line by line (longest common
 * subsequence): an unchanged line keeps its block; a line in a changed stretch belongs to the block
 * that wrote the generated lines it replaced, when they all came from one block (a typo fixed
 * within a block's line); a line the learner added where nothing was replaced belongs to no block.
 */

/**
 * For each line of `edited` (0-based): `from`, the generated line it equals or (paired in order)
 * replaces, or -1; `changed`, whether it differs; `replaced`, for a changed line, the generated
 * lines [start, end) its stretch of changed lines replaced.
 */
export function alignLines(generated: string[], edited: string[]): { from: number[]; changed: boolean[]; replaced: ([number, number] | null)[] } {
  const n = generated.length;
  const m = edited.length;
  // common[i][j]: length of the longest common subsequence of generated[i:] and edited[j:]
  const common = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      common[i][j] = generated[i] === edited[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
    }
  }
  const from = new Array<number>(m).fill(-1);
  const changed = new Array<boolean>(m).fill(true);
  const replaced = new Array<[number, number] | null>(m).fill(null);
  // walk the matches; between two matches, the removed generated lines and the added edited lines
  // form one changed stretch
  let i = 0;
  let j = 0;
  let removedStart = 0;
  let addedStart = 0;
  const closeStretch = (removedEnd: number, addedEnd: number) => {
    for (let k = addedStart; k < addedEnd; k++) {
      replaced[k] = [removedStart, removedEnd];
      // pair the added lines with the removed ones in order; extra added lines take the last removed
      if (removedEnd > removedStart) from[k] = Math.min(removedStart + (k - addedStart), removedEnd - 1);
    }
  };
  while (i < n && j < m) {
    if (generated[i] === edited[j]) {
      closeStretch(i, j);
      from[j] = i;
      changed[j] = false;
      i++;
      j++;
      removedStart = i;
      addedStart = j;
    } else if (common[i + 1][j] >= common[i][j + 1]) i++;
    else j++;
  }
  closeStretch(n, m);
  return { from, changed, replaced };
}

/**
 * The block of 1-based `line` of `edited`, given the generated code and its line → block map;
 * null for a line the learner added, or when the replaced lines came from several blocks.
 */
export function blockForEditedLine(line: number, edited: string, generated: string, lineBlocks: (string | null)[]): string | null {
  const generatedLines = generated.split('\n');
  const editedLines = edited.split('\n');
  const { from, changed, replaced } = alignLines(generatedLines, editedLines);
  const k = from[line - 1];
  if (k === undefined || k < 0) return null;
  if (!changed[line - 1]) return lineBlocks[k] ?? null;
  // a changed line: only when the generated lines its stretch replaced all came from one block
  const [start, end] = replaced[line - 1]!;
  const blocks = new Set(lineBlocks.slice(start, end).map((b) => b ?? null));
  return blocks.size === 1 ? [...blocks][0] : null;
}
