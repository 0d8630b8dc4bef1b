/**
 * Norse Server client: NEST Desktop's Norse workspace runs programs on a small server with the
 * same /exec protocol as NEST Server (default port 11428, no access token); GET / names the Norse
 * and torch versions. /work/shared/reference/norse.md.
 *
 * What the server does to a program (its current FastAPI version): it comments out every line that
 * starts with `import` or `from` and gives `norse`, `torch` and `np` instead; it runs the program
 * under RestrictedPython unless started with NORSE_SERVER_DISABLE_RESTRICTION=true (no
 * `__import__`, no names starting with "_", writes only into lists and dicts); a Python error comes
 * back as HTTP 422 {"message": "<Name> at line N: …", "lineNumber"}, where N is the innermost frame's
 * line for most error types — possibly a line in a library the program called.
 */
import { ExecServerClient, type ExecServerOptions } from './exec-server';
import { t } from '../i18n';

export const NORSE_SERVER_DEFAULT_URL = 'http://127.0.0.1:11428';

/** The names Norse Server gives every program, and the modules they are. */
const GIVEN: Record<string, string> = { norse: 'norse', torch: 'torch', np: 'numpy' };

const NAME = '[A-Za-z_]\\w*';
const MODULE = `${NAME}(?:\\.${NAME})*`;
const IMPORT_AS = new RegExp(`^import\\s+(${MODULE})\\s+as\\s+(${NAME})\\s*(?:#.*)?$`);
const FROM_IMPORT = new RegExp(`^from\\s+(${MODULE})\\s+import\\s+(${NAME}(?:\\s+as\\s+${NAME})?(?:\\s*,\\s*${NAME}(?:\\s+as\\s+${NAME})?)*)\\s*(?:#.*)?$`);

/**
 * The program as Norse Server needs it. An aliased import (the generated `import norse.torch as
 * norse`) would be commented out there and leave the given `norse`, which has no LIF; so each
 * aliased import of a package the server gives becomes the assignment it stands for, written with
 * the names the program has at that point: `norse = norse.torch`, then `from norse.torch import LIF`
 * → `LIF = norse.LIF`. Plain assignments pass RestrictedPython (`__import__` would not). Every line
 * stays where it was, so errors keep their line numbers; plain `import torch` needs nothing.
 */
export function adaptForNorseServer(code: string): string {
  // name → the module it refers to, for the names the server gives and the ones we bind
  const bound = new Map(Object.entries(GIVEN));
  /** A Python expression for `module` from the names bound now; null if none reaches it. */
  const reach = (module: string): string | null => {
    let best: { name: string; rest: string } | null = null;
    for (const [name, target] of bound) {
      if (module !== target && !module.startsWith(`${target}.`)) continue;
      const rest = module.slice(target.length);
      if (!best || rest.length < best.rest.length) best = { name, rest };
    }
    return best && best.name + best.rest;
  };
  const note = (line: string) => `  # ${line.trim()} (Norse Server skips import lines)`;
  return code
    .split('\n')
    .map((line) => {
      // the server comments out only lines that start with the keyword, so only those are adapted
      const as = IMPORT_AS.exec(line);
      if (as) {
        const [, module, alias] = as;
        if (!(module.split('.')[0] in GIVEN_ROOTS)) return line;
        const path = reach(module);
        if (path === null) return line;
        bound.set(alias, module);
        return path === alias ? `pass${note(line)}` : `${alias} = ${path}${note(line)}`;
      }
      const from = FROM_IMPORT.exec(line);
      if (from) {
        const [, module, list] = from;
        if (!(module.split('.')[0] in GIVEN_ROOTS)) return line;
        const path = reach(module);
        if (path === null) return line;
        const names = list.split(',').map((n) => n.trim().split(/\s+as\s+/));
        // `from norse import torch` rebinds torch: to a module, if it is one
        for (const n of names) bound.set(n[n.length - 1], `${module}.${n[0]}`);
        return `${names.map((n) => n[n.length - 1]).join(', ')} = ${names.map(([n]) => `${path}.${n}`).join(', ')}${note(line)}`;
      }
      return line;
    })
    .join('\n');
}

/** Top-level packages the server gives (numpy as np). */
const GIVEN_ROOTS: Record<string, true> = { norse: true, torch: true, numpy: true };

/** RestrictedPython's refusals, explained with what to do. */
function explainRestriction(message: string): string | null {
  if (/'NoneType' object is not callable/.test(message)) {
    return t('remote.norseNoneCallable');
  }
  const refused = [
    /object does not support item or slice assignment/,
    /unidentified object/,
    /is an invalid (attribute|variable) name because it starts with "_"/,
    /name '_\w*' is not defined/,
    /__import__ not found/,
  ];
  if (!refused.some((r) => r.test(message))) return null;
  return t('remote.norseRestricted');
}

export class NorseServerClient extends ExecServerClient {
  constructor(options: ExecServerOptions) {
    super(
      {
        kind: 'norse-server', name: 'Norse Server', versionKey: 'norse', simulator: 'Norse',
        adapt: adaptForNorseServer, explain: explainRestriction, errorStatus: 422, linesPastEnd: 'program',
      },
      options,
    );
  }
}
