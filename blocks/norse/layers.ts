/** Layers applied to a (time steps, neurons) tensor, a Linear layer with one weight for all, and
 * the neuron parameter blocks (Norse's parameter classes, every field at Norse's default). */
import { t } from '../../src/i18n';
import { madeMsg, msg, type BlocksTextKey } from '../messages';
import { LIF_METHODS, NORSE_COLOURS, NORSE_HELP, PARAM_CLASSES, nameField, partField, type ParamClass } from './common';

const colour = NORSE_COLOURS.layers;
const statement = { previousStatement: null, nextStatement: null, colour, inputsInline: false };
const right = { align: 'RIGHT' } as const;

/** The rows of a Linear layer, alone or inside a sequence: its sizes and its one weight. */
export const LINEAR_ROWS = {
  message1: msg('blocks.norse.inputsPerStep'),
  args1: [{ type: 'input_value', name: 'IN', check: 'Number', ...right }],
  message2: msg('blocks.norse.outputsPerStep'),
  args2: [{ type: 'input_value', name: 'OUT', check: 'Number', ...right }],
  message3: msg('blocks.norse.everyWeight'),
  args3: [{ type: 'input_value', name: 'WEIGHT', check: 'Number', ...right }],
};
const input = (initial = 'x1') => partField('INPUT', initial);
const scale = { type: 'input_value', name: 'SCALE', check: 'Number', ...right };
const params = (cls: ParamClass) => ({ type: 'input_value', name: 'P', check: `norse_${cls}`, ...right });

/** The output check of a parameter block: plugs only into layers of its class. */
export function paramCheck(cls: ParamClass): string {
  return `norse_${cls}`;
}

/** The parameter blocks: their type, class and what the tooltip says they are for. */
const PARAM_BLOCKS: { type: string; cls: ParamClass; what: BlocksTextKey }[] = [
  { type: 'norse_lif_parameters', cls: 'LIFParameters', what: 'blocks.norse.lifParams.what' },
  { type: 'norse_li_parameters', cls: 'LIParameters', what: 'blocks.norse.liParams.what' },
  { type: 'norse_lif_box_parameters', cls: 'LIFBoxParameters', what: 'blocks.norse.boxParams.what' },
];

function paramTooltipName(type: string): string {
  return `SB_TIP_${type.toUpperCase()}`;
}

/** The parameter blocks' tooltips, with Norse's defaults written in (blocks/messages.ts fills
 * them; a field's doc is itself a message reference, resolved by Blockly). */
export function norseParamTooltips(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const b of PARAM_BLOCKS) {
    const fields = PARAM_CLASSES[b.cls];
    out[paramTooltipName(b.type)] = t('blocks.norse.paramsTooltip', {
      cls: b.cls,
      what: t(b.what),
      units: t('blocks.norse.units'),
      defaults: fields.map((f) => `${f.key} ${f.default}`).join(', '),
      docs: fields.map((f) => f.doc).join(' '),
    });
  }
  return out;
}

function paramBlock(type: string, cls: ParamClass, title: string, helpUrl: string) {
  const fields = PARAM_CLASSES[cls];
  const block: Record<string, unknown> = {
    type,
    message0: title,
    output: paramCheck(cls),
    colour,
    inputsInline: false,
    tooltip: madeMsg(paramTooltipName(type)),
    helpUrl,
  };
  fields.forEach((f, i) => {
    block[`message${i + 1}`] = `${f.key}${f.rate ? ' (1/s)' : ''} %1`;
    block[`args${i + 1}`] = [{ type: 'input_value', name: f.key, check: 'Number', ...right }];
  });
  if (cls === 'LIFParameters') {
    const k = fields.length + 1;
    block[`message${k}`] = msg('blocks.norse.surrogate');
    block[`args${k}`] = [{ type: 'field_dropdown', name: 'METHOD', options: LIF_METHODS.map((m) => [m, m]) }];
  }
  return block;
}

export const LAYER_BLOCKS = [
  {
    type: 'norse_lif',
    message0: msg('blocks.norse.lif.title'),
    args0: [nameField('lif'), input()],
    message1: msg('blocks.norse.inputTimes'),
    args1: [scale],
    message2: msg('blocks.norse.neuronParameters'),
    args2: [params('LIFParameters')],
    ...statement,
    tooltip: msg('blocks.norse.lif.tooltip'),
    helpUrl: NORSE_HELP.lif,
  },
  {
    type: 'norse_li',
    message0: msg('blocks.norse.li.title'),
    args0: [nameField('li'), input('lif1')],
    message1: msg('blocks.norse.inputTimes'),
    args1: [scale],
    message2: msg('blocks.norse.neuronParameters'),
    args2: [params('LIParameters')],
    ...statement,
    tooltip: msg('blocks.norse.li.tooltip'),
    helpUrl: NORSE_HELP.li,
  },
  {
    type: 'norse_lif_recurrent',
    message0: msg('blocks.norse.recurrent.title'),
    args0: [nameField('rec'), input()],
    message1: msg('blocks.norse.inputTimes'),
    args1: [scale],
    message2: msg('blocks.norse.neurons'),
    args2: [{ type: 'input_value', name: 'HIDDEN', check: 'Number', ...right }],
    message3: msg('blocks.norse.neuronParameters'),
    args3: [params('LIFParameters')],
    ...statement,
    tooltip: msg('blocks.norse.recurrent.tooltip'),
    helpUrl: NORSE_HELP.lifRecurrent,
  },
  {
    type: 'norse_lif_box',
    message0: msg('blocks.norse.box.title'),
    args0: [nameField('box'), input()],
    message1: msg('blocks.norse.inputTimes'),
    args1: [scale],
    message2: msg('blocks.norse.neuronParameters'),
    args2: [params('LIFBoxParameters')],
    ...statement,
    tooltip: msg('blocks.norse.box.tooltip'),
    helpUrl: NORSE_HELP.lifBoxCell,
  },
  {
    type: 'norse_linear',
    message0: msg('blocks.norse.linear.title'),
    args0: [nameField('lin'), input('lif1')],
    ...LINEAR_ROWS,
    ...statement,
    tooltip: msg('blocks.norse.linear.tooltip'),
    helpUrl: NORSE_HELP.sequential,
  },
  paramBlock('norse_lif_parameters', 'LIFParameters', msg('blocks.norse.lifParams.title'), NORSE_HELP.lifParameters),
  paramBlock('norse_li_parameters', 'LIParameters', msg('blocks.norse.liParams.title'), NORSE_HELP.liParameters),
  paramBlock('norse_lif_box_parameters', 'LIFBoxParameters', msg('blocks.norse.boxParams.title'), NORSE_HELP.lifBoxParameters),
];
