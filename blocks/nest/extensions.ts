/**
 * Behaviour that JSON cannot express, registered once by registerNestBlocks():
 * - nest_fresh_name: a node block dragged into the workspace (or pasted) takes the next free name
 *   n2, n3 … instead of sharing a variable with an existing node.
 * - nest_model_help: the help link follows the chosen neuron model.
 * - nest_weight_unit (on nest_connect): the weight label shows mV when the target is an
 *   iaf_psc_delta population, "× current" when the source injects a current (its weight scales
 *   the current), pA otherwise; and the weight and delay rows are hidden when the source or the
 *   target is a recorder, because NEST (and the generator) ignore them there. It also shows the
 *   one number the chosen rule needs (indegree, outdegree, N or p; a number shadow is added the
 *   first time it is shown) and the allow autapses/multapses row only for the random rules.
 */
import * as Blockly from 'blockly';
import { CREATORS, RECORDER_MODELS, weightUnitLabel } from './catalog';
import { modelHelpUrl, NODE_VARIABLE_TYPE, NUMBER_TYPE } from './common';
import { ALLOW_ROW, RANDOM_RULES, RULE_NUMBERS } from './connections';

function nameTaken(ws: Blockly.Workspace, name: string): boolean {
  return ws
    .getVariableMap()
    .getAllVariables()
    .some((v) => v.getName().toLowerCase() === name.toLowerCase());
}

function freshName(this: Blockly.Block, e: Blockly.Events.Abstract): void {
  if (e.type !== Blockly.Events.BLOCK_CREATE || this.isInFlyout || this.workspace.isFlyout) return;
  const ids = (e as Blockly.Events.BlockCreate).ids ?? [];
  if (!ids.includes(this.id)) return;
  const mine = this.getFieldValue('NAME');
  const clash = this.workspace
    .getAllBlocks(false)
    .some((b) => b !== this && b.type in CREATORS && b.getFieldValue('NAME') === mine);
  if (!clash) return;
  const prefix = CREATORS[this.type]?.prefix ?? 'node';
  let k = 1;
  while (nameTaken(this.workspace, `${prefix}${k}`)) k++;
  const v = this.workspace.getVariableMap().createVariable(`${prefix}${k}`, NODE_VARIABLE_TYPE);
  this.setFieldValue(v.getId(), 'NAME');
}

function modelHelp(this: Blockly.Block): void {
  this.setHelpUrl(() => modelHelpUrl(this.getFieldValue('MODEL') ?? ''));
}

/** The model of the node that a variable names, found from its creating block. */
export function modelOfVariable(ws: Blockly.Workspace, varId: string): string | null {
  for (const b of ws.getAllBlocks(false)) {
    const info = CREATORS[b.type];
    if (info && b.getFieldValue('NAME') === varId) return info.model ?? b.getFieldValue('MODEL');
  }
  return null;
}

/** The inputs a recorder connection ignores. */
export const SYNAPSE_INPUTS = ['WEIGHT', 'DELAY'] as const;

function weightUnit(this: Blockly.Block, e: Blockly.Events.Abstract): void {
  if (e.isUiEvent || this.isInFlyout) return;
  const source = modelOfVariable(this.workspace, this.getFieldValue('SOURCE'));
  const target = modelOfVariable(this.workspace, this.getFieldValue('TARGET'));
  const unit = weightUnitLabel(source, target);
  if (this.getFieldValue('WEIGHT_UNIT') !== unit) this.setFieldValue(unit, 'WEIGHT_UNIT');
  const visible = !((source && RECORDER_MODELS.has(source)) || (target && RECORDER_MODELS.has(target)));
  let changed = false;
  for (const name of SYNAPSE_INPUTS) {
    const input = this.getInput(name);
    if (input && input.isVisible() !== visible) {
      input.setVisible(visible);
      changed = true;
    }
  }
  if (changed && this instanceof Blockly.BlockSvg && this.rendered) this.queueRender();
}

/** Whether an input of the connect block is shown for a rule. */
export function ruleInputVisible(rule: string, input: string): boolean {
  if (input === ALLOW_ROW) return RANDOM_RULES.has(rule);
  return RULE_NUMBERS[rule]?.input === input;
}

/** The inputs that depend on the rule, in block order. */
export const RULE_INPUTS = [...Object.values(RULE_NUMBERS).map((r) => r.input), ALLOW_ROW];

/** Shows the rows the rule needs and hides the others. Called with the new value from the
 * dropdown's validator, so it also runs while a saved block loads and inside the flyout (a
 * block that connects to a hidden input later is hidden by Blockly's RenderedConnection). */
function showRuleInputs(block: Blockly.Block, rule: string): void {
  let changed = false;
  for (const name of RULE_INPUTS) {
    const input = block.getInput(name);
    if (!input) continue;
    const visible = ruleInputVisible(rule, name);
    if (input.isVisible() !== visible) {
      input.setVisible(visible);
      changed = true;
    }
    // A number appears with its default the first time the row is needed, never earlier: a
    // shadow in a hidden input would be saved with every all-to-all connection.
    const number = Object.values(RULE_NUMBERS).find((r) => r.input === name);
    if (visible && number && input.connection && !input.connection.getShadowState() && !input.connection.targetBlock()) {
      input.connection.setShadowState({ type: NUMBER_TYPE, fields: { NUM: number.default } });
    }
  }
  if (changed && block instanceof Blockly.BlockSvg && block.rendered) block.queueRender();
}

export const EXTENSIONS: Record<string, (this: Blockly.Block) => void> = {
  nest_fresh_name(this: Blockly.Block) {
    this.setOnChange(freshName);
  },
  nest_model_help: modelHelp,
  nest_weight_unit(this: Blockly.Block) {
    this.setOnChange(weightUnit);
    const rule = this.getField('RULE');
    if (rule) {
      showRuleInputs(this, rule.getValue() ?? '');
      rule.setValidator((value: string) => {
        showRuleInputs(this, value);
        return undefined; // accept the value as chosen
      });
    }
  },
};

export function registerExtensions(): void {
  for (const [name, fn] of Object.entries(EXTENSIONS)) {
    if (!Blockly.Extensions.isRegistered(name)) Blockly.Extensions.register(name, fn);
  }
}
