/**
 * Small helpers that write a NEST workspace in Blockly's JSON serialization — the same JSON the
 * app's Save writes and blocks/examples/*.json hold — one stack of blocks, top to bottom. Used by
 * make-examples.ts (Node only; nothing in the app imports this). Every value input gets the shadow
 * the toolbox would give it (a slider where the parameter has a range), so an example looks like
 * blocks a learner dragged out and edited.
 */
import { COUNT_TYPE, NUMBER_TYPE, NODE_VARIABLE_TYPE, paramShadow, SEED_TYPE, shadowOf, uiSliderType } from '../../../blocks/nest/common';
import { RULE_NUMBERS } from '../../../blocks/nest/connections';
import { rowsOf } from '../../../blocks/nest/neurons';
import { NEST_MODELS } from '../../../workers/engine/nest/models';

type Json = Record<string, unknown>;
export type BlockJson = Json & { type: string };

const variableId = (name: string) => `var_${name}`;

/** A "more parameters" chain: one nest_param block per entry, in order. */
function paramChain(model: string, params: Record<string, number>): Json | undefined {
  const entries = Object.entries(params);
  let next: Json | undefined;
  for (const [param, value] of entries.reverse()) {
    const info = NEST_MODELS[model].params[param];
    if (!info) throw new Error(`${model} has no parameter ${param}`);
    const block: Json = { type: 'nest_param', fields: { PARAM: param }, inputs: { VALUE: paramShadow(model, param, value) } };
    if (next) block.next = { block: next };
    next = block;
  }
  return next;
}

function withMore(block: BlockJson, model: string, more: Record<string, number> | undefined): BlockJson {
  const chain = more && paramChain(model, more);
  if (chain) (block.inputs as Json).PARAMS = { block: chain };
  return block;
}

export function kernel(seed = 1, resolution = 0.1): BlockJson {
  return { type: 'nest_kernel', id: 'kernel', inputs: { RESOLUTION: shadowOf(NUMBER_TYPE, resolution), SEED: shadowOf(SEED_TYPE, seed) } };
}

/** A population: `rows` sets the block's own rows (the model's defaults otherwise), `more` adds
 * "more parameters" blocks. */
export function population(name: string, model: string, n: number, rows: Record<string, number> = {}, more?: Record<string, number>): BlockJson {
  const inputs: Json = { N: shadowOf(COUNT_TYPE, n) };
  for (const p of rowsOf(model)) inputs[p] = paramShadow(model, p, rows[p]);
  for (const p of Object.keys(rows)) if (!rowsOf(model).includes(p)) throw new Error(`${p} is not a row of ${model}: put it in "more"`);
  return withMore({ type: 'nest_population', id: name, fields: { NAME: { id: variableId(name) }, MODEL: model }, inputs }, model, more);
}

export function poisson(name: string, rate: number, more?: Record<string, number>): BlockJson {
  return withMore({ type: 'nest_poisson_generator', id: name, fields: { NAME: { id: variableId(name) } }, inputs: { rate: paramShadow('poisson_generator', 'rate', rate) } }, 'poisson_generator', more);
}

export function dc(name: string, amplitude: number, more?: Record<string, number>): BlockJson {
  return withMore({ type: 'nest_dc_generator', id: name, fields: { NAME: { id: variableId(name) } }, inputs: { amplitude: paramShadow('dc_generator', 'amplitude', amplitude) } }, 'dc_generator', more);
}

export function ac(name: string, amplitude: number, frequency: number, more?: Record<string, number>): BlockJson {
  return withMore(
    {
      type: 'nest_ac_generator', id: name, fields: { NAME: { id: variableId(name) } },
      inputs: { amplitude: paramShadow('ac_generator', 'amplitude', amplitude), frequency: paramShadow('ac_generator', 'frequency', frequency) },
    },
    'ac_generator', more,
  );
}

export function stepCurrent(name: string, times: number[], values: number[]): BlockJson {
  return { type: 'nest_step_current_generator', id: name, fields: { NAME: { id: variableId(name) }, TIMES: times.join(', '), VALUES: values.join(', ') }, inputs: {} };
}

export function spikeRecorder(name: string): BlockJson {
  return { type: 'nest_spike_recorder', id: name, fields: { NAME: { id: variableId(name) } } };
}

export function voltmeter(name: string, interval = 0.1): BlockJson {
  return { type: 'nest_voltmeter', id: name, fields: { NAME: { id: variableId(name) } }, inputs: { interval: paramShadow('voltmeter', 'interval', interval) } };
}

export interface ConnectOptions {
  weight?: number;
  delay?: number;
  rule?: string;
  /** the rule's number (indegree, outdegree, N or p) */
  ruleNumber?: number;
  autapses?: boolean;
  multapses?: boolean;
}

export function connect(source: string, target: string, o: ConnectOptions = {}): BlockJson {
  const rule = o.rule ?? 'all_to_all';
  const fields: Json = { SOURCE: { id: variableId(source) }, TARGET: { id: variableId(target) }, RULE: rule };
  const inputs: Json = { WEIGHT: shadowOf(uiSliderType('weight'), o.weight ?? 1), DELAY: shadowOf(uiSliderType('delay'), o.delay ?? 1) };
  const number = RULE_NUMBERS[rule];
  if (number) inputs[number.input] = shadowOf(NUMBER_TYPE, o.ruleNumber ?? number.default);
  if (o.autapses === false) fields.ALLOW_AUTAPSES = false;
  if (o.multapses === false) fields.ALLOW_MULTAPSES = false;
  return { type: 'nest_connect', id: `connect_${source}_${target}`, fields, inputs };
}

export function simulate(ms: number): BlockJson {
  return { type: 'nest_simulate', id: 'simulate', inputs: { TIME: shadowOf(uiSliderType('sim_time'), ms) } };
}

/** The workspace: the blocks as one stack, and a variable for every node they create. */
export function workspace(blocks: BlockJson[]): Json {
  const names: string[] = [];
  for (const b of blocks) {
    const id = ((b.fields as Json | undefined)?.NAME as { id?: string } | undefined)?.id;
    if (id) names.push(id.slice('var_'.length));
  }
  let next: Json | undefined;
  for (const b of [...blocks].reverse()) {
    const copy: Json = { ...b };
    if (next) copy.next = { block: next };
    next = copy;
  }
  return {
    blocks: { languageVersion: 0, blocks: [{ ...next, x: 20, y: 20 }] },
    variables: names.map((name) => ({ name, id: variableId(name), type: NODE_VARIABLE_TYPE })),
  };
}
