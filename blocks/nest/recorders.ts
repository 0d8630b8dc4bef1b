/** Recording devices. Every recorder appears in `response["events"]`, in program order. Also the
 * blocks that turn a run into numbers for a curve: the spike count of a recorder, and "add to
 * result table", whose points the program returns in `response["results"]`. */
import * as Blockly from 'blockly';
import { NEST_MODELS } from '../../workers/engine/nest/models';
import { t } from '../../src/i18n';
import { msg } from '../messages';
import { COLOURS, HELP, modelHelpUrl, NODE_VARIABLE_TYPE, unitOf } from './common';

function nameField(prefix: string) {
  return { type: 'field_variable', name: 'NAME', variable: `${prefix}1`, variableTypes: [NODE_VARIABLE_TYPE], defaultType: NODE_VARIABLE_TYPE };
}

/** What a multimeter can record: every recordable of every neuron model, first-seen order. */
export function neuronRecordables(): string[] {
  const all: string[] = [];
  for (const m of Object.values(NEST_MODELS)) {
    if (m.kind !== 'neuron') continue;
    for (const r of m.recordables ?? []) if (!all.includes(r)) all.push(r);
  }
  return all;
}

/** The checkbox field of one recordable. */
export function recordableField(r: string): string {
  return `REC_${r}`;
}

/** The label before a recordable's checkbox (a label is not saved, so naming it changes no project). */
function recordableLabel(r: string): string {
  return `REC_LABEL_${r}`;
}

/** The input that holds the checkbox row. */
const RECORD_INPUT = 'RECORD';

/**
 * As defined, the row holds a box for every recordable of every model, so a saved project loads
 * its ticks whatever model it was made for (Blockly drops a saved field the block lacks). Right
 * after the block is built or loaded, showRecordables() narrows it to the connected model.
 */
function recordableRow(): { message: string; args: unknown[] } {
  const rs = neuronRecordables();
  return {
    message: `${msg('blocks.multimeter.record')} ` + rs.map((_r, i) => `%${2 * i + 1}%${2 * i + 2}`).join('') + `%${2 * rs.length + 1}`,
    args: [
      ...rs.flatMap((r) => [
        { type: 'field_label', name: recordableLabel(r), text: r },
        { type: 'field_checkbox', name: recordableField(r), checked: r === 'V_m' },
      ]),
      { type: 'input_dummy', name: RECORD_INPUT },
    ],
  };
}

const row = recordableRow();

/** Shown while no connect block says which neurons the multimeter records: NEST's default model. */
export const DEFAULT_RECORDING_MODEL = 'iaf_psc_alpha';


/** Looks up the model of the node a variable names (extensions.ts: modelOfVariable). */
export type ModelOfVariable = (varId: string) => string | null;

/**
 * The neuron models of the populations a multimeter is connected to, by the enabled connect
 * blocks of the workspace (either direction: the wrong one is a problem the generator reports,
 * but the learner still means these neurons). Empty when none is known.
 */
export function recordedModels(block: Blockly.Block, modelOf: ModelOfVariable): string[] {
  const me = block.getFieldValue('NAME');
  const models: string[] = [];
  if (!me) return models;
  for (const b of block.workspace.getAllBlocks(false)) {
    if (b.type !== 'nest_connect' || !b.isEnabled()) continue;
    const source = b.getFieldValue('SOURCE');
    const target = b.getFieldValue('TARGET');
    const other = source === me ? target : target === me ? source : null;
    const model = other ? modelOf(other) : null;
    if (model && NEST_MODELS[model]?.kind === 'neuron' && !models.includes(model)) models.push(model);
  }
  return models;
}

/**
 * The recordables the multimeter block shows: those of the models it records (all of them, when
 * it records several), else those of iaf_psc_alpha; and always the ticked ones, so what the
 * program records is never out of sight (a tick the model lacks stays, to be unticked). In the
 * order of neuronRecordables(), which is also the order of record_from in the code.
 */
export function shownRecordables(block: Blockly.Block, models: readonly string[]): string[] {
  const wanted = new Set<string>();
  for (const m of models.length > 0 ? models : [DEFAULT_RECORDING_MODEL]) {
    for (const r of NEST_MODELS[m]?.recordables ?? []) wanted.add(r);
  }
  return neuronRecordables().filter((r) => wanted.has(r) || block.getFieldValue(recordableField(r)) === 'TRUE');
}

/**
 * Makes the row hold the boxes of `shown` only. Boxes are removed and added rather than hidden:
 * Blockly's renderer keeps the spacing around a hidden field, so hidden boxes left gaps. A box
 * that is removed is unticked (ticked ones are always shown), and a saved project without it
 * loads it unticked, its default; except V_m, ticked by default, whose box therefore always stays
 * (hidden when not shown), so an unticked V_m is saved as unticked.
 */
function applyRecordables(block: Blockly.Block, shown: readonly string[], models: readonly string[]): void {
  const input = block.getInput(RECORD_INPUT);
  if (!input) return;
  const desired = neuronRecordables().filter((r) => shown.includes(r) || r === 'V_m');
  const boxes = input.fieldRow.filter((f) => f instanceof Blockly.FieldCheckbox).map((f) => f.name);
  let changed = false;
  if (boxes.join() !== desired.map(recordableField).join()) {
    const ticked = new Set(desired.filter((r) => block.getFieldValue(recordableField(r)) === 'TRUE'));
    for (const f of [...input.fieldRow]) if (f.name) input.removeField(f.name, true);
    for (const r of desired) {
      input.appendField(new Blockly.FieldLabel(r), recordableLabel(r));
      input.appendField(new Blockly.FieldCheckbox(ticked.has(r) ? 'TRUE' : 'FALSE'), recordableField(r));
    }
    changed = true;
  }
  const vmShown = shown.includes('V_m');
  for (const field of [block.getField(recordableLabel('V_m')), block.getField(recordableField('V_m'))]) {
    if (field && field.isVisible() !== vmShown) {
      field.setVisible(vmShown);
      changed = true;
    }
  }
  const which =
    models.length > 0
      ? t('blocks.multimeter.connected', { models: models.join(t('blocks.multimeter.and')) })
      : t('blocks.multimeter.notConnected', { model: DEFAULT_RECORDING_MODEL });
  block.setTooltip(`${t('blocks.multimeter.tooltip')}\n\n${which}`);
  if (changed && block instanceof Blockly.BlockSvg && block.rendered) block.queueRender();
}

/** Makes the multimeter block's checkbox row follow the model of the neurons it records. */
export function showRecordables(block: Blockly.Block, modelOf: ModelOfVariable): void {
  if (block.isDeadOrDying()) return;
  const models = recordedModels(block, modelOf);
  applyRecordables(block, shownRecordables(block, models), models);
}

/**
 * Set up a new multimeter block. The row is narrowed once the code that builds the block is done
 * (a microtask): a saved project sets the ticks after the block is built, and its connect blocks,
 * which name the model, come later still. Loading may run with events off (the editor's load()),
 * so no change event can be relied on for this first time.
 */
export function initRecordables(block: Blockly.Block, modelOf: ModelOfVariable): void {
  block.setTooltip(t('blocks.multimeter.tooltip'));
  queueMicrotask(() => showRecordables(block, modelOf));
}

export const RECORDER_BLOCKS = [
  {
    type: 'nest_spike_recorder',
    message0: msg('blocks.spikeRecorder.title'),
    args0: [nameField('sr')],
    inputsInline: false,
    previousStatement: null,
    nextStatement: null,
    colour: COLOURS.recorders,
    tooltip: msg('blocks.spikeRecorder.tooltip'),
    helpUrl: modelHelpUrl('spike_recorder'),
    extensions: ['nest_fresh_name'],
  },
  {
    type: 'nest_voltmeter',
    message0: msg('blocks.voltmeter.title'),
    args0: [nameField('vm')],
    message1: `${msg('blocks.recordEvery')} (${unitOf('voltmeter', 'interval')}) %1`,
    args1: [{ type: 'input_value', name: 'interval', check: 'Number', align: 'RIGHT' }],
    inputsInline: false,
    previousStatement: null,
    nextStatement: null,
    colour: COLOURS.recorders,
    tooltip: msg('blocks.voltmeter.tooltip'),
    helpUrl: modelHelpUrl('voltmeter'),
    extensions: ['nest_fresh_name'],
  },
  {
    type: 'nest_multimeter',
    message0: msg('blocks.multimeter.title'),
    args0: [nameField('mm')],
    message1: row.message,
    args1: row.args,
    message2: `${msg('blocks.recordEvery')} (${unitOf('multimeter', 'interval')}) %1`,
    args2: [{ type: 'input_value', name: 'interval', check: 'Number', align: 'RIGHT' }],
    inputsInline: false,
    previousStatement: null,
    nextStatement: null,
    colour: COLOURS.recorders,
    tooltip: msg('blocks.multimeter.tooltip'),
    helpUrl: HELP.recordables,
    extensions: ['nest_multimeter'],
  },
  {
    type: 'nest_spike_count',
    message0: msg('blocks.spikeCount.title'),
    args0: [{ type: 'field_variable', name: 'RECORDER', variable: 'sr1', variableTypes: [NODE_VARIABLE_TYPE], defaultType: NODE_VARIABLE_TYPE }],
    output: 'Number',
    colour: COLOURS.recorders,
    tooltip: msg('blocks.spikeCount.tooltip'),
    helpUrl: modelHelpUrl('spike_recorder'),
  },
  {
    type: 'nest_record_result',
    message0: msg('blocks.recordResult.title'),
    args0: [{ type: 'field_input', name: 'TABLE', text: 'f-I curve' }],
    message1: 'x %1',
    args1: [{ type: 'input_value', name: 'X', check: 'Number', align: 'RIGHT' }],
    message2: 'y %1',
    args2: [{ type: 'input_value', name: 'Y', check: 'Number', align: 'RIGHT' }],
    inputsInline: true,
    previousStatement: null,
    nextStatement: null,
    colour: COLOURS.recorders,
    tooltip: msg('blocks.recordResult.tooltip'),
    helpUrl: HELP.recordables,
  },
];
