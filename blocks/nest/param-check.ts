/**
 * Only parameter rows fit into a block's "more parameters" input.
 *
 * The input and the nest_param block both carry the check 'nest_param', but Blockly lets a
 * connection without a check meet any other: every ordinary statement block (connect, spike
 * recorder, simulate, Blockly's own loops) has none, so a learner could drop one inside n1's
 * parameters — with the keyboard's move mode that happens easily — and a parameter row could
 * hang in the main program. A strict type here fits only a connection that lists the same type:
 * the row blocks fit only among themselves and into the inputs made for them, both ways round.
 *
 * Blockly makes every workspace's connection checker from the registry's default class (the
 * editor passes no checker of its own), so registering ours as that default covers the editor,
 * the flyouts, keyboard moves, loading a project and the headless tests alike.
 */
import * as Blockly from 'blockly';

/** The check type of the parameter rows and of the inputs that take them. */
export const PARAM_CHECK = 'nest_param';

const strictTypes = new Set<string>();

class StrictTypeChecker extends Blockly.ConnectionChecker {
  override doTypeChecks(a: Blockly.Connection, b: Blockly.Connection): boolean {
    const one = a.getCheck();
    const two = b.getCheck();
    const strict = (check: string[] | null) => check?.some((t) => strictTypes.has(t)) ?? false;
    // a strict type meets only a connection that names it too: "no check" is not "any" here
    if (strict(one) || strict(two)) return !!one && !!two && one.some((t) => two.includes(t));
    return super.doTypeChecks(a, b);
  }
}

/** Makes these check types strict on every workspace built afterwards (idempotent). */
export function registerStrictChecks(...types: string[]): void {
  for (const t of types) strictTypes.add(t);
  const current = Blockly.registry.getClass(Blockly.registry.Type.CONNECTION_CHECKER, Blockly.registry.DEFAULT, false);
  if (current !== StrictTypeChecker) {
    Blockly.registry.register(Blockly.registry.Type.CONNECTION_CHECKER, Blockly.registry.DEFAULT, StrictTypeChecker, true);
  }
}

/**
 * Loads a saved workspace even if it was saved before the strict types: a block that was put
 * where it no longer fits (a connect block inside "more parameters", a parameter row under a
 * connect block) is taken out with the blocks below it and left lying beside its old place —
 * where the generator flags it as a stack that is not part of the program — instead of the whole
 * project failing to load. Projects without such a block load exactly as
 * Blockly.serialization.workspaces.load does.
 */
export function loadKeepingMisplaced(state: Record<string, unknown>, ws: Blockly.Workspace): void {
  try {
    Blockly.serialization.workspaces.load(state, ws);
    return;
  } catch (e) {
    if (!(e instanceof Blockly.serialization.exceptions.BadConnectionCheck)) throw e;
  }
  const strict = ws.connectionChecker;
  ws.clear();
  ws.connectionChecker = new Blockly.ConnectionChecker();
  try {
    Blockly.serialization.workspaces.load(state, ws);
  } finally {
    ws.connectionChecker = strict;
  }
  for (const block of ws.getAllBlocks(true)) {
    const above = block.previousConnection?.targetConnection;
    if (above && !strict.canConnect(block.previousConnection, above, false)) block.unplug(false);
  }
}
