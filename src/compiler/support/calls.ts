/**
 * Call helpers for compiled code: the evaluator's own generic call path (arity, keyword
 * lookup, not-callable errors, RTFS stack frames) and the slow half of direct builtin
 * calls, taken when the inline fast path does not apply or the global was redefined.
 */
import type { Span } from '../../source/index.js';
import type { Value } from '../../data/index.js';
import type { Var } from '../../analyzer/index.js';
import type { Builtin } from '../../runtime/fn.js';
import { RtfsError, RuntimeCodes } from '../../runtime/errors.js';
import { call1, call2, callN, locate, locateIn } from '../../runtime/compile-call.js';

export { call1, call2, callN, locate, locateIn };

/** A call of `b` through `f` (its one-argument implementation) while `cell` still holds it. */
export function direct1(
  cell: Var,
  b: Builtin,
  f: (a: Value) => Value,
  x: Value,
  span: Span | undefined,
): Value {
  if (cell.value !== b) return callN(cell.value, [x], span);
  try {
    return f(x);
  } catch (e) {
    throw locate(e, span, b);
  }
}

/** A call of `b` through `f` (its two-argument implementation) while `cell` still holds it. */
export function direct2(
  cell: Var,
  b: Builtin,
  f: (a: Value, b: Value) => Value,
  x: Value,
  y: Value,
  span: Span | undefined,
): Value {
  if (cell.value !== b) return callN(cell.value, [x, y], span);
  try {
    return f(x, y);
  } catch (e) {
    throw locate(e, span, b);
  }
}

/** Reading a global that is not bound (yet): `(def x (+ x 1))`. */
export function unbound(cell: Var, span: Span | undefined): never {
  throw new RtfsError(RuntimeCodes.unbound, `unbound symbol '${cell.name}'`, span);
}
