/** Recording devices. Every recorder appears in `response["events"]`, in program order. */
import { NEST_MODELS } from '../../workers/engine/nest/models';
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

function recordableRow(): { message: string; args: unknown[] } {
  const rs = neuronRecordables();
  return {
    message: 'record ' + rs.map((r, i) => `${r} %${i + 1}`).join('  '),
    args: rs.map((r) => ({ type: 'field_checkbox', name: recordableField(r), checked: r === 'V_m' })),
  };
}

const row = recordableRow();

export const RECORDER_BLOCKS = [
  {
    type: 'nest_spike_recorder',
    message0: '%1 = spike recorder',
    args0: [nameField('sr')],
    inputsInline: false,
    previousStatement: null,
    nextStatement: null,
    colour: COLOURS.recorders,
    tooltip: 'spike_recorder: records which neuron spiked and when. Connect neurons to it: connect n1 → sr1.',
    helpUrl: modelHelpUrl('spike_recorder'),
    extensions: ['nest_fresh_name'],
  },
  {
    type: 'nest_voltmeter',
    message0: '%1 = voltmeter',
    args0: [nameField('vm')],
    message1: `record every (${unitOf('voltmeter', 'interval')}) %1`,
    args1: [{ type: 'input_value', name: 'interval', check: 'Number', align: 'RIGHT' }],
    inputsInline: false,
    previousStatement: null,
    nextStatement: null,
    colour: COLOURS.recorders,
    tooltip: 'voltmeter: samples the membrane potential V_m. Connect it to the neurons: connect vm1 → n1.',
    helpUrl: modelHelpUrl('voltmeter'),
    extensions: ['nest_fresh_name'],
  },
  {
    type: 'nest_multimeter',
    message0: '%1 = multimeter',
    args0: [nameField('mm')],
    message1: row.message,
    args1: row.args,
    message2: `record every (${unitOf('multimeter', 'interval')}) %1`,
    args2: [{ type: 'input_value', name: 'interval', check: 'Number', align: 'RIGHT' }],
    inputsInline: false,
    previousStatement: null,
    nextStatement: null,
    colour: COLOURS.recorders,
    tooltip: 'multimeter: samples the ticked state variables. Connect it to the neurons: connect mm1 → n1.',
    helpUrl: HELP.recordables,
    extensions: ['nest_fresh_name'],
  },
];
