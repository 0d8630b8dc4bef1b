/**
 * Norse Server client: NEST Desktop's Norse workspace runs programs on a small Flask server with
 * the same /exec protocol as NEST Server (default port 11428, no access token); GET / names the
 * Norse and torch versions. /work/shared/reference/norse.md.
 */
import { ExecServerClient, type ExecServerOptions } from './exec-server';

export const NORSE_SERVER_DEFAULT_URL = 'http://127.0.0.1:11428';

/** What Norse Server puts in a program's globals itself: it comments out every import line. */
const INJECTED = new Set(['norse', 'torch', 'numpy']);

/**
 * Norse Server comments out import lines and provides `norse`, `torch` and `np` itself, so an
 * aliased import such as the generated `import norse.torch as norse` would be lost (the injected
 * `norse` has no LIF). Each aliased import of an injected package becomes an assignment from
 * Python's own `__import__` (not from the injected names, which an earlier line may have rebound):
 * `import a.b as c` → `c = __import__("a.b", fromlist=["__name__"])` (the submodule itself),
 * `from a.b import X as Y` → `Y = __import__("a.b", fromlist=["X"]).X`. Plain `import torch`
 * needs nothing. Every line stays where it was, so errors keep their line numbers.
 */
export function adaptForNorseServer(code: string): string {
  return code.split('\n').map(adaptLine).join('\n');
}

const NAME = '[A-Za-z_]\\w*';
const MODULE = `${NAME}(?:\\.${NAME})*`;
const IMPORT_AS = new RegExp(`^(\\s*)import\\s+(${MODULE})\\s+as\\s+(${NAME})\\s*(?:#.*)?$`);
const FROM_IMPORT = new RegExp(`^(\\s*)from\\s+(${MODULE})\\s+import\\s+(${NAME}(?:\\s+as\\s+${NAME})?(?:\\s*,\\s*${NAME}(?:\\s+as\\s+${NAME})?)*)\\s*(?:#.*)?$`);

function injected(module: string): boolean {
  return INJECTED.has(module.split('.')[0]);
}

function adaptLine(line: string): string {
  const note = `  # ${line.trim()} (Norse Server comments out imports)`;
  const as = IMPORT_AS.exec(line);
  if (as) {
    const [, indent, module, alias] = as;
    if (!injected(module)) return line;
    const from = module.includes('.') ? ', fromlist=["__name__"]' : '';
    return `${indent}${alias} = __import__("${module}"${from})${note}`;
  }
  const from = FROM_IMPORT.exec(line);
  if (from) {
    const [, indent, module, list] = from;
    if (!injected(module)) return line;
    const names = list.split(',').map((n) => n.trim().split(/\s+as\s+/));
    const values = names.map(([name]) => `__import__("${module}", fromlist=["${name}"]).${name}`);
    return `${indent}${names.map((n) => n[n.length - 1]).join(', ')} = ${values.join(', ')}${note}`;
  }
  return line;
}

export class NorseServerClient extends ExecServerClient {
  constructor(options: ExecServerOptions) {
    super({ kind: 'norse-server', name: 'Norse Server', versionKey: 'norse', simulator: 'Norse', adapt: adaptForNorseServer }, options);
  }
}
