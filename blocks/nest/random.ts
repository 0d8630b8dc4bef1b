/**
 * Random values (nest.random.uniform, normal, lognormal, exponential). NEST draws a new number
 * for every neuron (population parameters) or every connection (weight, delay). Their output
 * type is RANDOM_TYPE, not Number: they snap only into the inputs whose check lists RANDOM_TYPE
 * (population parameter rows, "more parameters" values, a connection's weight and delay), never
 * into a population size, a simulation time or arithmetic, where NEST takes no random value.
 */
import { msg } from '../messages';
import { COLOURS } from './common';

export const RANDOM_TYPE = 'nest_random';
/** The check of an input that takes a number or a random value. */
export const RANDOM_OR_NUMBER = ['Number', RANDOM_TYPE];

const HELP_RANDOM = 'https://nest-simulator.readthedocs.io/en/stable/nest_behavior/random_numbers.html';

/** One random block: NEST's function and its keyword arguments (the block's inputs, in order). */
export interface RandomKind {
  type: string;
  fn: 'uniform' | 'normal' | 'lognormal' | 'exponential';
  args: { name: string; default: number }[];
}

/** Arguments and defaults as NEST 3.10's nest.random functions have them (inspect.signature),
 * except uniform's, which start at a range a learner would use for a weight. */
export const RANDOM_KINDS: RandomKind[] = [
  { type: 'nest_random_uniform', fn: 'uniform', args: [{ name: 'min', default: 0 }, { name: 'max', default: 1 }] },
  { type: 'nest_random_normal', fn: 'normal', args: [{ name: 'mean', default: 0 }, { name: 'std', default: 1 }] },
  { type: 'nest_random_lognormal', fn: 'lognormal', args: [{ name: 'mean', default: 0 }, { name: 'std', default: 1 }] },
  { type: 'nest_random_exponential', fn: 'exponential', args: [{ name: 'beta', default: 1 }] },
];

const common = {
  inputsInline: true,
  output: RANDOM_TYPE,
  colour: COLOURS.random,
  helpUrl: HELP_RANDOM,
};

const num = (name: string) => ({ type: 'input_value', name, check: 'Number' });

export const RANDOM_BLOCKS = [
  {
    type: 'nest_random_uniform',
    message0: msg('blocks.random.uniform'),
    args0: [num('min'), num('max')],
    tooltip: msg('blocks.random.uniform.tooltip'),
    ...common,
  },
  {
    type: 'nest_random_normal',
    message0: msg('blocks.random.normal'),
    args0: [num('mean'), num('std')],
    tooltip: msg('blocks.random.normal.tooltip'),
    ...common,
  },
  {
    type: 'nest_random_lognormal',
    message0: msg('blocks.random.lognormal'),
    args0: [num('mean'), num('std')],
    tooltip: msg('blocks.random.lognormal.tooltip'),
    ...common,
  },
  {
    type: 'nest_random_exponential',
    message0: msg('blocks.random.exponential'),
    args0: [num('beta')],
    tooltip: msg('blocks.random.exponential.tooltip'),
    ...common,
  },
];
