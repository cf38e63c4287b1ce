import { type Value, printValue } from '../data/index.js';
import { Fn } from './fn.js';
import { RtfsError, RuntimeCodes } from './errors.js';
import { keywordLookup } from './keyword-call.js';

/**
 * Calls any callable RTFS value (a function or a keyword) with `args`. Builtins that
 * take functions (`map`, `filter`, `reduce`, …) call user code through this.
 */
export function applyFn(f: Value, args: Value[]): Value {
  if (f instanceof Fn) return f.invoke(args);
  if (typeof f === 'object' && f !== null && f.kind === 'keyword') {
    if (args.length < 1 || args.length > 2) {
      throw new RtfsError(
        RuntimeCodes.arity,
        `keyword ${printValue(f)} called with ${args.length} arguments: expected 1 or 2`,
      );
    }
    return keywordLookup(f, args[0] as Value, args.length === 2 ? (args[1] as Value) : null);
  }
  throw new RtfsError(RuntimeCodes.notCallable, `${printValue(f)} is not a function`);
}

/** `applyFn(f, [a])` without the array for functions. */
export function call1(f: Value, a: Value): Value {
  return f instanceof Fn ? f.call1(a) : applyFn(f, [a]);
}

/** `applyFn(f, [a, b])` without the array for functions. */
export function call2(f: Value, a: Value, b: Value): Value {
  return f instanceof Fn ? f.call2(a, b) : applyFn(f, [a, b]);
}

/** True for values `applyFn` accepts. */
export function isCallable(v: Value): boolean {
  return v instanceof Fn || (typeof v === 'object' && v !== null && v.kind === 'keyword');
}
