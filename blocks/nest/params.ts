/**
 * The "more parameters" block: one NEST parameter of the enclosing neuron or stimulus block.
 * Its dropdown (field_nest_param) lists the numeric parameters of the enclosing block's model,
 * with their units — the model chosen on a population block, the fixed model of a stimulus —
 * leaving out those the block already has a row for; "change … of …" (nest_set, simulation.ts)
 * uses the same field for the model of the node it changes. Outside such a block it lists every
 * parameter of every neuron and stimulus model. A value that the model does not have (the block
 * was moved, or the population's model changed) is kept and shown, and the generator reports it.
 */
import * as Blockly from 'blockly';
import { NEST_MODELS } from '../../workers/engine/nest/models';
import { t } from '../../src/i18n';
import { msg } from '../messages';
import { CREATORS } from './catalog';
import { COLOURS, HELP } from './common';
import { modelOfVariable } from './extensions';
import { PARAM_CHECK, registerStrictChecks } from './param-check';
import { RANDOM_OR_NUMBER } from './random';

/** Parameters shown on blocks of their own, never in the "more parameters" list. */
const OWN_FIELDS = new Set(['spike_times']);

function optionLabel(name: string, unit: string | undefined): string {
  return unit ? `${name} (${unit})` : name;
}

/** [label, parameter] pairs: numeric parameters of neuron and stimulus models, in model order. */
export function settableParamOptions(): [string, string][] {
  const seen = new Map<string, string>();
  for (const m of Object.values(NEST_MODELS)) {
    if (m.kind === 'recorder') continue;
    for (const [name, info] of Object.entries(m.params)) {
      if (typeof info.default !== 'number' || OWN_FIELDS.has(name) || seen.has(name)) continue;
      seen.set(name, optionLabel(name, info.unit));
    }
  }
  return [...seen].map(([name, label]) => [label, name]);
}

/** [label, parameter] pairs of one model's numeric parameters, except `skip`. */
export function modelParamOptions(model: string, skip: ReadonlySet<string> = new Set()): [string, string][] {
  const out: [string, string][] = [];
  for (const [name, info] of Object.entries(NEST_MODELS[model]?.params ?? {})) {
    if (typeof info.default !== 'number' || OWN_FIELDS.has(name) || skip.has(name)) continue;
    out.push([optionLabel(name, info.unit), name]);
  }
  return out;
}

const ALL_OPTIONS = settableParamOptions();
const ALL_PARAMS = new Set(ALL_OPTIONS.map(([, name]) => name));

/** The block a "more parameters" block belongs to, and its model (null: not in one). */
export function enclosingModel(block: Blockly.Block | null): { owner: Blockly.Block; model: string } | null {
  const owner = block?.getSurroundParent() ?? null;
  if (!owner || !(owner.type in CREATORS)) return null;
  const model = CREATORS[owner.type].model ?? owner.getFieldValue('MODEL');
  return typeof model === 'string' && NEST_MODELS[model] ? { owner, model } : null;
}

/** What the dropdown offers for the block it sits on: on "change … of …" (nest_set) the
 * parameters of the chosen node's model, on "more parameters" those of the enclosing block. */
export function paramOptionsFor(block: Blockly.Block | null): [string, string][] {
  if (block?.type === 'nest_set') {
    const model = modelOfVariable(block.workspace, block.getFieldValue('TARGET'));
    const options = model ? modelParamOptions(model) : [];
    return options.length ? options : ALL_OPTIONS;
  }
  const enclosing = enclosingModel(block);
  if (!enclosing) return ALL_OPTIONS;
  const rows = new Set(
    enclosing.owner.inputList.filter((i) => i.type === Blockly.inputs.inputTypes.VALUE).map((i) => i.name),
  );
  const options = modelParamOptions(enclosing.model, rows);
  return options.length ? options : [[t('blocks.param.none'), '']];
}

/**
 * A dropdown whose list depends on where its block sits. Any parameter of any model is a valid
 * value (a saved project keeps what it had, even a parameter its model lacks: the generator
 * says so), and the list always contains the current value, so its text is shown.
 */
export class FieldParamDropdown extends Blockly.FieldDropdown {
  constructor(options?: unknown, validator?: Blockly.FieldDropdownValidator, config?: Blockly.FieldDropdownConfig) {
    super(
      function (this: Blockly.FieldDropdown): Blockly.MenuOption[] {
        const options = paramOptionsFor(this.getSourceBlock());
        const value = this.getValue();
        if (value && !options.some(([, name]) => name === value)) {
          const known = ALL_OPTIONS.find(([, name]) => name === value);
          return [[t('blocks.param.notHere', { label: known?.[0] ?? value }), value], ...options];
        }
        return options;
      },
      validator,
      config,
    );
    void options; // the list is computed, never given
  }

  /** Always recomputed: the block may have moved to another model since the last time. */
  override getOptions(_useCache?: boolean): Blockly.MenuOption[] {
    return super.getOptions(false);
  }

  /** The label of the value in the list as it is now (the block may have moved since the value
   * was set; FieldDropdown keeps the label from then). */
  protected override getText_(): string | null {
    const option = this.getOptions().find(([, name]) => name === this.getValue());
    return option && typeof option[0] === 'string' ? option[0] : super.getText_();
  }

  protected override doClassValidation_(newValue?: string): string | null {
    return typeof newValue === 'string' && (ALL_PARAMS.has(newValue) || newValue === '') ? newValue : null;
  }

  static override fromJson(options: Blockly.FieldDropdownFromJsonConfig): FieldParamDropdown {
    return new this(undefined, undefined, options);
  }
}

export const PARAM_FIELD = 'field_nest_param';

export function registerParamField(): void {
  // only parameter rows fit into "more parameters", and they fit nowhere else (./param-check.ts)
  registerStrictChecks(PARAM_CHECK);
  if (!Blockly.registry.hasItem(Blockly.registry.Type.FIELD, PARAM_FIELD)) {
    Blockly.fieldRegistry.register(PARAM_FIELD, FieldParamDropdown);
  }
}

export const PARAM_BLOCKS = [
  {
    type: 'nest_param',
    message0: msg('blocks.param.title'),
    args0: [
      { type: PARAM_FIELD, name: 'PARAM' },
      { type: 'input_value', name: 'VALUE', check: RANDOM_OR_NUMBER },
    ],
    inputsInline: true,
    previousStatement: 'nest_param',
    nextStatement: 'nest_param',
    colour: COLOURS.neurons,
    tooltip: msg('blocks.param.tooltip'),
    helpUrl: HELP.neurons,
  },
];
