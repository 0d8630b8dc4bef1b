/**
 * Behaviour that JSON cannot express, registered once by registerNestBlocks():
 * - nest_fresh_name: a node block dragged into the workspace (or pasted) takes the next free name
 *   n2, n3 … instead of sharing a variable with an existing node.
 * - nest_model_help: the help link follows the chosen neuron model.
 * - nest_population_rows: the population block shows its model's parameter rows
 *   (./population-rows.ts).
 * - nest_weight_unit (on nest_connect): the weight label shows mV when the target is an
 *   iaf_psc_delta population, "× current" when the source injects a current (its weight scales
 *   the current), pA otherwise; and the weight and delay rows are hidden when the source or the
 *   target is a recorder, because NEST (and the generator) ignore them there. It also shows the
 *   one number the chosen rule needs (indegree, outdegree, N or p; a number shadow is added the
 *   first time it is shown) and the allow autapses/multapses row only for the random rules.
 *   The synapse row is hidden with weight and delay on recorder links; stdp_synapse's rows show
 *   only when it is the chosen synapse (a slider shadow is added the first time they show).
 * - nest_multimeter: nest_fresh_name, and the checkbox row shows the recordables of the model of
 *   the neurons the multimeter is connected to (./recorders.ts: showRecordables).
 */
import * as Blockly from 'blockly';
import { CREATORS, RECORDER_MODELS, weightUnitLabel } from './catalog';
import { modelHelpUrl, NODE_VARIABLE_TYPE, NUMBER_TYPE } from './common';
import { ALLOW_ROW, RANDOM_RULES, RULE_NUMBERS } from './connections';
import { STDP_PARAMS, SYNAPSE_ROW, synapseSliderType } from './synapses';
import { populationRows } from './population-rows';
import { initRecordables, showRecordables } from './recorders';

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

/** Rows a recorder link hides: weight, delay and the synapse choice. */
const LINK_ROWS = [...SYNAPSE_INPUTS, SYNAPSE_ROW];

/** Whether the source or the target of a connect block is a recorder. */
function isRecorderLink(block: Blockly.Block): boolean {
  const source = modelOfVariable(block.workspace, block.getFieldValue('SOURCE'));
  const target = modelOfVariable(block.workspace, block.getFieldValue('TARGET'));
  return Boolean((source && RECORDER_MODELS.has(source)) || (target && RECORDER_MODELS.has(target)));
}

/** Shows stdp_synapse's rows when it is chosen on a link that uses synapses. */
function showSynapseInputs(block: Blockly.Block, synapse: string, linkVisible: boolean): boolean {
  let changed = false;
  for (const p of STDP_PARAMS) {
    const input = block.getInput(p.key);
    if (!input) continue;
    const visible = linkVisible && synapse === 'stdp_synapse';
    if (input.isVisible() !== visible) {
      input.setVisible(visible);
      changed = true;
    }
    // as the rule numbers: a shadow only once the row is needed, so static connections save none
    if (visible && input.connection && !input.connection.getShadowState() && !input.connection.targetBlock()) {
      input.connection.setShadowState({ type: synapseSliderType(p.key), fields: { NUM: p.default } });
    }
  }
  return changed;
}

/** Stands for "anything may have changed" when weightUnit runs outside an event. */
const SETTLE = { isUiEvent: false } as Blockly.Events.Abstract;

function weightUnit(this: Blockly.Block, e: Blockly.Events.Abstract): void {
  if (e.isUiEvent || this.isInFlyout) return;
  const source = modelOfVariable(this.workspace, this.getFieldValue('SOURCE'));
  const target = modelOfVariable(this.workspace, this.getFieldValue('TARGET'));
  const unit = weightUnitLabel(source, target);
  if (this.getFieldValue('WEIGHT_UNIT') !== unit) this.setFieldValue(unit, 'WEIGHT_UNIT');
  const visible = !isRecorderLink(this);
  let changed = false;
  for (const name of LINK_ROWS) {
    const input = this.getInput(name);
    if (input && input.isVisible() !== visible) {
      input.setVisible(visible);
      changed = true;
    }
  }
  if (showSynapseInputs(this, this.getFieldValue('SYNAPSE') ?? '', visible)) changed = true;
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
  nest_multimeter(this: Blockly.Block) {
    const modelOf = (varId: string) => modelOfVariable(this.workspace, varId);
    initRecordables(this, modelOf);
    // one change listener per block: it names the block and follows the connected model
    this.setOnChange(function (this: Blockly.Block, e: Blockly.Events.Abstract) {
      freshName.call(this, e);
      if (!e.isUiEvent && !this.isInFlyout) showRecordables(this, modelOf);
    });
  },
  nest_model_help: modelHelp,
  nest_population_rows: populationRows,
  nest_weight_unit(this: Blockly.Block) {
    this.setOnChange(weightUnit);
    // A project opened with events off (the editor's load()) sends no change event, so the unit
    // and the recorder-link rows are settled once the block and its neighbours are built.
    queueMicrotask(() => {
      if (!this.isDisposed() && this.workspace) weightUnit.call(this, SETTLE);
    });
    const rule = this.getField('RULE');
    if (rule) {
      showRuleInputs(this, rule.getValue() ?? '');
      rule.setValidator((value: string) => {
        showRuleInputs(this, value);
        return undefined; // accept the value as chosen
      });
    }
    const synapse = this.getField('SYNAPSE');
    if (synapse) {
      showSynapseInputs(this, synapse.getValue() ?? '', true);
      synapse.setValidator((value: string) => {
        const changed = showSynapseInputs(this, value, !isRecorderLink(this));
        if (changed && this instanceof Blockly.BlockSvg && this.rendered) this.queueRender();
        return undefined;
      });
    }
  },
};

export function registerExtensions(): void {
  for (const [name, fn] of Object.entries(EXTENSIONS)) {
    if (!Blockly.Extensions.isRegistered(name)) Blockly.Extensions.register(name, fn);
  }
}
