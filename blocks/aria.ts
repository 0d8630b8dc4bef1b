/**
 * What a screen reader says about our blocks and their fields, in the learner's language.
 *
 * Blockly 13 labels a focused block from its fields and inputs ("Variable 'n1', = neurons of model,
 * iaf_psc_alpha, how many, 1, …, has inputs,") and a field by its type ("dropdown: iaf_psc_alpha"),
 * partly in untranslated English. applyBlockAria() gives every block type of our plugins (applied
 * after their definitions, so the block files stay data) a label that says what the block is and
 * its values: "neuron n1: iaf_psc_alpha, 1 neuron, input current I_e (pA) 0, …", and each editable
 * field a name from its own row ("model: iaf_psc_alpha", "rate (spikes/s): 7500").
 */
import * as Blockly from 'blockly';
import { t } from '../src/i18n';

const WRAPPED = Symbol('spikeblocks aria');

type BlockDefinition = { init?: (this: Blockly.Block) => void; [WRAPPED]?: true };

/** Gives every registered block type whose name starts with one of `prefixes` our labels
 * (idempotent): our plugins' blocks, and math_number, the number plugged into their rows. */
export function applyBlockAria(prefixes: readonly string[] = ['nest_', 'norse_', 'math_number']): void {
  for (const [type, definition] of Object.entries(Blockly.Blocks) as [string, BlockDefinition][]) {
    if (!prefixes.some((p) => type.startsWith(p)) || definition[WRAPPED] || typeof definition.init !== 'function') continue;
    const init = definition.init;
    definition.init = function (this: Blockly.Block) {
      init.call(this);
      labelBlock(this);
    };
    definition[WRAPPED] = true;
  }
}

/** Called as each block is built: its label, its fields' names and its inputs' names. */
function labelBlock(block: Blockly.Block): void {
  if (block instanceof Blockly.BlockSvg) block.getAriaLabel = () => describeBlock(block);
  for (const input of block.inputList) {
    // a block plugged in here (a slider, a number) is read after the row's words
    if (input.type === Blockly.inputs.inputTypes.VALUE) input.setAriaLabelProvider(() => rowWords(input) || null);
    for (const field of input.fieldRow) {
      if (!field.EDITABLE) continue;
      field.getAriaTypeName = () => fieldName(field, input);
      // a node's name as the learner typed it ("n1"), not Blockly's "Variable 'n1'"
      if (field instanceof Blockly.FieldVariable) field.getAriaValue = () => field.getText();
    }
  }
}

/** The words a learner reads before a field: its row's label before it, or what it is. */
function fieldName(field: Blockly.Field, input: Blockly.Input): string {
  if (field.name === 'NAME') return t('a11y.field.name');
  if (field.name === 'MODEL') return t('a11y.field.model');
  const row = input.fieldRow;
  for (let i = row.indexOf(field) - 1; i >= 0; i--) {
    if (row[i].isLabelField() && row[i].isVisible()) {
      const words = spoken(row[i].getText());
      if (words) return words;
    }
  }
  // a number or slider alone on its block: the row of the block it is plugged into
  const parentInput = field.getSourceBlock()?.outputConnection?.targetConnection?.getParentInput();
  return (parentInput && rowWords(parentInput)) || t('a11y.field.value');
}

/** A label's text as it is read: "= Poisson spikes" → "Poisson spikes", "→" → "to". */
function spoken(text: string): string {
  return text.replace(/^=\s*/, '').replace(/→/g, t('a11y.block.arrow')).trim();
}

/** The visible label words of an input's row ("input current I_e (pA)"). */
function rowWords(input: Blockly.Input): string {
  return input.fieldRow
    .filter((f) => f.isVisible() && f.isLabelField())
    .map((f) => spoken(f.getText()))
    .filter(Boolean)
    .join(' ');
}

/** What a plugged-in block says as a value: its fields' texts ("7500", "random normal: mean 0 …"). */
function valueText(block: Blockly.Block): string {
  const words: string[] = [];
  for (const input of block.inputList) {
    if (!input.isVisible()) continue;
    for (const field of input.fieldRow) if (field.isVisible() && field.getText().trim()) words.push(spoken(field.getText()));
    const inner = input.connection?.targetBlock();
    if (inner && input.type === Blockly.inputs.inputTypes.VALUE) words.push(valueText(inner));
  }
  return words.filter(Boolean).join(' ');
}

/** One row of a block as read: its words and fields in order, then the block plugged into it. */
function rowText(input: Blockly.Input, skip: ReadonlySet<Blockly.Field>): string {
  const words: string[] = [];
  for (const field of input.fieldRow) {
    if (!field.isVisible() || skip.has(field)) continue;
    if (field instanceof Blockly.FieldCheckbox) {
      // a ticked box keeps the word before it ("V_m"); an unticked one drops it
      if (field.getValue() !== 'TRUE') words.pop();
      continue;
    }
    const text = spoken(field.getText());
    if (text) words.push(text);
  }
  const label = words.join(' ');
  if (input.type === Blockly.inputs.inputTypes.VALUE) {
    const target = input.connection?.targetBlock();
    if (!target) return label ? t('a11y.block.empty', { label }) : '';
    return label ? t('a11y.block.row', { label, value: valueText(target) }) : valueText(target);
  }
  if (input.type === Blockly.inputs.inputTypes.STATEMENT) {
    // "more parameters" only when something is in it (it is read next, block by block)
    return input.connection?.targetBlock() ? label : '';
  }
  return label;
}

/** The label of a block: what it is, its name, its values, its state. */
export function describeBlock(block: Blockly.Block): string {
  const inputs = block.inputList.filter((i) => i.isVisible());
  const nameField = block.getField('NAME');
  const name = nameField?.getText() ?? '';
  const parts: string[] = [];
  const skip = new Set<Blockly.Field>(nameField ? [nameField] : []);

  const countInput = block.getInput('N');
  if (block.type === 'nest_population' && countInput) {
    const count = countInput.connection?.targetBlock() ? valueText(countInput.connection.targetBlock()!) : '';
    const model = block.getFieldValue('MODEL') ?? '';
    parts.push(count === '1' ? t('a11y.block.population.one', { name, model }) : t('a11y.block.population.many', { name, model, count }));
    skip.add(block.getField('MODEL')!);
    // the first row (name, model) and the count row are said in that sentence
    for (const input of inputs.filter((i) => i !== inputs[0] && i !== countInput)) parts.push(rowText(input, skip));
  } else {
    inputs.forEach((input, index) => {
      const text = rowText(input, skip);
      if (index === 0 && nameField) parts.push(t('a11y.block.named', { what: text, name }));
      else parts.push(text);
    });
  }
  // a value plugged into a row says which row: "rate (spikes/s): 7500"
  const parentInput = block.outputConnection?.targetConnection?.getParentInput();
  const row = parentInput ? rowWords(parentInput) : '';
  if (row && parts.length) parts[0] = t('a11y.block.value', { label: row, value: parts[0] });
  if (!block.isEnabled()) parts.push(t('a11y.block.disabled'));
  if (block.isCollapsed()) parts.push(t('a11y.block.collapsed'));
  return parts.filter((p) => p.trim()).join(', ');
}
