/**
 * Checking values against compiled types. A {@link Mismatch} says where (a path of
 * map keys and positions from the checked value), what was expected and what was
 * found; format it with `formatMismatch` or `typeErrorMessage` (format.ts).
 */
import type { Value } from '../data/index.js';
import type { TypeAst } from './ast.js';
import { compileValidator, type Validator } from './compile.js';
import type { Mismatch } from './format.js';

export type { Mismatch } from './format.js';
export type { Validator } from './compile.js';

/** Runs a validator: undefined when `value` matches, otherwise the first mismatch. */
export function checkValue(validator: Validator, value: Value): Mismatch | undefined {
  return validator(value);
}

const cache = new WeakMap<TypeAst, Validator>();

/**
 * Whether `value` matches `type`: a convenience that compiles on first use and caches
 * per type object. Hot paths should compile once with `compileValidator` instead.
 */
export function matchesType(type: TypeAst, value: Value): boolean {
  let v = cache.get(type);
  if (v === undefined) {
    v = compileValidator(type);
    cache.set(type, v);
  }
  return v(value) === undefined;
}
