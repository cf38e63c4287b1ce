/**
 * Clojure's transients, with value semantics: RTFS collections are persistent and
 * builtins such as `reduce` with `assoc` already update an owned accumulator in place
 * (owned.ts), so `transient` and `persistent!` return the collection itself and
 * `conj!`, `assoc!`, `dissoc!` are `conj`, `assoc`, `dissoc`. Code written for
 * transients gets the same results; using a "transient" after `persistent!` is not an
 * error (docs/compatibility.md).
 */
import type { Value } from '../data/index.js';
import type { Builtin } from '../runtime/fn.js';
import { sequenceBuiltins } from './sequences.js';
import { mapBuiltins } from './maps.js';
import { aliasOf, builtinNamed } from './aliases.js';
import { def, typeError } from './support.js';

function editable(fn: string, coll: Value): Value {
  if (typeof coll === 'object' && coll !== null && (coll.kind === 'vector' || coll.kind === 'map'))
    return coll;
  throw typeError(fn, 'a vector or a map', coll);
}

export const transientBuiltins: readonly Builtin[] = [
  ...def('transient', 1, 1, (c) => editable('transient', c)),
  ...def('persistent!', 1, 1, (c) => editable('persistent!', c)),
  aliasOf(builtinNamed(sequenceBuiltins, 'conj'), 'conj!'),
  aliasOf(builtinNamed(mapBuiltins, 'assoc'), 'assoc!'),
  aliasOf(builtinNamed(mapBuiltins, 'dissoc'), 'dissoc!'),
];
