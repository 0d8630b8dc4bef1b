/**
 * Which blocks a lesson offers: those of its toolbox, its starting workspace and its solution. A
 * block pasted in from elsewhere (Ctrl+V from the learner's own project) is not one of them, so the
 * goal does not count as reached with it — a lesson about a current is not passed with a Poisson
 * generator brought from outside.
 */

/** Every block type in toolbox or workspace JSON (blocks, shadows, nested inputs; not variables). */
export function blockTypesIn(json: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(json)) {
    for (const item of json) blockTypesIn(item, into);
  } else if (json && typeof json === 'object') {
    const node = json as Record<string, unknown>;
    if (typeof node.type === 'string' && (node.kind === undefined || node.kind === 'block')) into.add(node.type);
    for (const [key, value] of Object.entries(node)) if (key !== 'variables') blockTypesIn(value, into);
  }
  return into;
}

/** The block types of `workspace` that the lesson does not offer, in a stable order. */
export function blocksFromOutside(workspace: unknown, offered: ReadonlySet<string>): string[] {
  return [...blockTypesIn(workspace)].filter((t) => !offered.has(t)).sort();
}

/** "nest_poisson_generator" → "poisson generator": a name a learner can match to a block. */
export function blockWords(type: string): string {
  return type.replace(/^(nest|norse)_/, '').replace(/_/g, ' ');
}
