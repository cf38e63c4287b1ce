/**
 * The rest of clojure.string that plans reach for: `trim-newline` and `escape`.
 */
import { type Value, RMap } from '../data/index.js';
import type { Builtin } from '../runtime/fn.js';
import { call1, isCallable } from '../runtime/apply.js';
import { charge } from '../runtime/budget.js';
import { def, joinChecked, strArg, strPart, typeError } from './support.js';
import { chars } from './seq.js';

/** `(escape s cmap)`: each character c replaced by `(cmap c)` when that is not nil. */
function escape(s: Value, cmap: Value): Value {
  const text = strArg('escape', s);
  if (!(cmap instanceof RMap) && !isCallable(cmap))
    throw typeError('escape', 'a map or function from characters to replacements', cmap);
  const cs = chars(text);
  charge(cs.length);
  const parts = cs.map((c) => {
    const r = cmap instanceof RMap ? (cmap.get(c) ?? null) : call1(cmap, c);
    return r === null ? c : strPart(r);
  });
  return joinChecked('escape', parts, '');
}

export const stringExtraBuiltins: readonly Builtin[] = [
  ...def('trim-newline', 1, 1, (s) => strArg('trim-newline', s).replace(/[\r\n]+$/, '')),
  ...def('escape', 2, 2, escape),
];
