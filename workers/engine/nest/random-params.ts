/**
 * nest.random parameters: a random distribution, or arithmetic on distributions and numbers,
 * sent by the Python facade as a small tree of plain objects and drawn here from the kernel's
 * own seeded stream (so the numbers differ from NEST's, the distributions do not).
 *
 *   {parameter: 'uniform', min, max}       uniform in [min, max)
 *   {parameter: 'normal', mean, std}
 *   {parameter: 'lognormal', mean, std}    exp of a normal(mean, std) deviate
 *   {parameter: 'exponential', beta}       mean beta
 *   {parameter: 'uniform_int', max}        integer in [0, max)
 *   {parameter: 'constant', value}
 *   {parameter: 'op', op, a, b}            a op b, op one of + - * / ** < <= > >= == !=
 *   {parameter: 'neg', a}                  -a
 * Operands a, b are trees or plain numbers. Every draw of a tree draws each leaf afresh (as
 * NEST does: p * p is the product of two independent draws).
 */
import { NestError } from './api';
import type { Rng } from './rng';

export type RandomSpec =
  | { parameter: 'uniform'; min: number; max: number }
  | { parameter: 'normal'; mean: number; std: number }
  | { parameter: 'lognormal'; mean: number; std: number }
  | { parameter: 'exponential'; beta: number }
  | { parameter: 'uniform_int'; max: number }
  | { parameter: 'constant'; value: number }
  | { parameter: 'op'; op: string; a: RandomSpec | number; b: RandomSpec | number }
  | { parameter: 'neg'; a: RandomSpec | number };

/** Is v a parameter tree (not a number, array, string or bool)? */
export function isRandomSpec(v: unknown): v is RandomSpec {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { parameter?: unknown }).parameter === 'string';
}

/** The checks NEST makes when the parameter is created (its BadProperty texts). */
export function checkRandomSpec(spec: RandomSpec): NestError | null {
  switch (spec.parameter) {
    case 'uniform':
      return spec.min < spec.max ? null : new NestError('BadProperty', 'nest::UniformParameter: min < max required.');
    case 'normal':
      return spec.std > 0 ? null : new NestError('BadProperty', 'nest::NormalParameter: std > 0 required.');
    case 'lognormal':
      return spec.std > 0 ? null : new NestError('BadProperty', 'nest::LognormalParameter: std > 0 required.');
    case 'uniform_int':
      return spec.max >= 1 ? null : new NestError('BadProperty', 'nest::UniformIntParameter: max > 0 required.');
    case 'exponential':
    case 'constant':
      return null;
    case 'op':
      for (const x of [spec.a, spec.b]) {
        if (isRandomSpec(x)) {
          const err = checkRandomSpec(x);
          if (err) return err;
        }
      }
      return null;
    case 'neg':
      return isRandomSpec(spec.a) ? checkRandomSpec(spec.a) : null;
  }
  return new NestError('BadProperty', `Unknown parameter type ${(spec as { parameter: string }).parameter}`);
}

function operand(x: RandomSpec | number, rng: Rng): number {
  return typeof x === 'number' ? x : drawParameter(x, rng);
}

/** One value of the parameter. */
export function drawParameter(spec: RandomSpec, rng: Rng): number {
  switch (spec.parameter) {
    case 'uniform': return spec.min + (spec.max - spec.min) * rng.uniform();
    case 'normal': return spec.mean + spec.std * rng.normal();
    case 'lognormal': return Math.exp(spec.mean + spec.std * rng.normal());
    case 'exponential': return spec.beta * rng.exponential();
    case 'uniform_int': return Math.min(spec.max - 1, Math.floor(rng.uniform() * spec.max));
    case 'constant': return spec.value;
    case 'neg': return -operand(spec.a, rng);
    case 'op': {
      // both operands are drawn, left first, whatever the operator
      const a = operand(spec.a, rng);
      const b = operand(spec.b, rng);
      switch (spec.op) {
        case '+': return a + b;
        case '-': return a - b;
        case '*': return a * b;
        case '/': return a / b;
        case '**': return a ** b;
        // comparisons give 1.0 or 0.0, as NEST's comparing parameters do
        case '<': return a < b ? 1 : 0;
        case '<=': return a <= b ? 1 : 0;
        case '>': return a > b ? 1 : 0;
        case '>=': return a >= b ? 1 : 0;
        case '==': return a === b ? 1 : 0;
        case '!=': return a !== b ? 1 : 0;
      }
      throw new NestError('BadProperty', `Unknown parameter operator ${spec.op}`);
    }
  }
  throw new NestError('BadProperty', `Unknown parameter type ${(spec as { parameter: string }).parameter}`);
}

/**
 * Per-node parameter dicts where some values are parameters: node k gets its own draws (node by
 * node, keys in order). Returns the dict itself when no value is random.
 */
export function expandNodeParams<P extends Record<string, unknown>>(params: P, n: number, rng: Rng): P | P[] {
  const random = Object.entries(params).filter(([, v]) => isRandomSpec(v));
  if (random.length === 0) return params;
  const out: P[] = [];
  for (let k = 0; k < n; k++) {
    const d: Record<string, unknown> = { ...params };
    for (const [key, spec] of random) d[key] = drawParameter(spec as RandomSpec, rng);
    out.push(d as P);
  }
  return out;
}
