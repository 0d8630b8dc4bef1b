/**
 * nest_population_rows: the population block shows the parameter rows of its model.
 *
 * The rows are a function of the MODEL field alone, so no extra state is saved: the dropdown's
 * validator rebuilds them whenever the model changes, also while a saved block loads (Blockly
 * loads fields before inputs, so the saved inputs find their rows). Saved projects of the iaf
 * models, made when the block always had the rows I_e, V_th and tau_m, load unchanged: those
 * models still have exactly these rows.
 *
 * When the learner switches the model, a row both models have keeps its input; a value the
 * learner typed (one that differs from the old model's default) survives the switch, a default
 * becomes the new model's default. A block plugged into a row that disappears is unplugged (it
 * stays in the workspace, nothing is deleted).
 */
import * as Blockly from 'blockly';
import { NEST_MODELS } from '../../workers/engine/nest/models';
import { t } from '../../src/i18n';
import { modelDoc, paramShadow } from './common';
import { rowLabel, rowsOf, ROW_CHECK } from './neurons';

/** Inputs of the block that are not parameter rows. */
const FIXED_INPUTS = new Set(['N', 'PARAMS']);

function rowInputs(block: Blockly.Block): Blockly.Input[] {
  return block.inputList.filter((i) => i.type === Blockly.inputs.inputTypes.VALUE && !FIXED_INPUTS.has(i.name));
}

/** The number a row shows: its shadow's (current) value, or null when it has none. */
function shadowValue(input: Blockly.Input): number | null {
  const state = input.connection?.getShadowState(true);
  const v = (state?.fields as { NUM?: unknown } | undefined)?.NUM;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function defaultOf(model: string | null, param: string): number | null {
  const d = model ? NEST_MODELS[model]?.params[param]?.default : undefined;
  return typeof d === 'number' ? d : null;
}

/**
 * Makes the block's rows those of `model`. `oldModel` is the model the rows were made for (null
 * while the block is being built: then no shadows are made, the toolbox or the saved project
 * brings its own).
 */
export function showModelRows(block: Blockly.Block, model: string, oldModel: string | null): void {
  if (!NEST_MODELS[model]) return;
  const wanted = rowsOf(model);
  let changed = false;
  for (const input of rowInputs(block)) {
    if (!wanted.includes(input.name)) {
      block.removeInput(input.name);
      changed = true;
    }
  }
  for (const param of wanted) {
    let input = block.getInput(param);
    const label = rowLabel(model, param);
    if (!input) {
      input = block.appendValueInput(param).setCheck(ROW_CHECK).setAlign(Blockly.inputs.Align.RIGHT).appendField(label);
      changed = true;
      if (oldModel !== null && input.connection) input.connection.setShadowState(paramShadow(model, param).shadow);
    } else {
      const field = input.fieldRow[0];
      if (field && field.getText() !== label) {
        field.setValue(label);
        changed = true;
      }
      if (oldModel !== null && oldModel !== model && input.connection) {
        const v = shadowValue(input);
        const typed = v !== null && v !== defaultOf(oldModel, param);
        input.connection.setShadowState(paramShadow(model, param, typed ? v : undefined).shadow);
      }
    }
    block.moveInputBefore(param, 'PARAMS');
  }
  if (changed && block instanceof Blockly.BlockSvg && block.rendered) block.queueRender();
  // the "more parameters" lists depend on the model: their labels may change
  if (oldModel !== null && oldModel !== model) {
    for (let c = block.getInputTargetBlock('PARAMS'); c; c = c.getNextBlock()) c.getField('PARAM')?.forceRerender();
  }
}

/** The block's tooltip: what the block does, then what the chosen model is. */
function modelTooltip(block: Blockly.Block, base: string): string {
  const doc = NEST_MODELS[block.getFieldValue('MODEL') ?? '']?.doc;
  return doc ? `${base}\n\n${t('blocks.population.model', { model: block.getFieldValue('MODEL'), doc: modelDoc(doc) })}` : base;
}

export function populationRows(this: Blockly.Block): void {
  const model = this.getField('MODEL');
  if (!model) return;
  showModelRows(this, model.getValue() ?? '', null);
  const base = typeof this.tooltip === 'string' ? this.tooltip : '';
  this.setTooltip(() => modelTooltip(this, base));
  model.setValidator((value: string) => {
    showModelRows(this, value, this.getFieldValue('MODEL'));
    return undefined; // accept the value as chosen
  });
}
