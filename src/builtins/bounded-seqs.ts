/**
 * `iterate` and `cycle`, which are infinite lazy sequences in Clojure. RTFS sequences
 * are eager vectors, so each takes the number of items as an extra argument:
 * `(iterate f x n)` is Clojure's `(take n (iterate f x))` and `(cycle coll n)` is
 * `(take n (cycle coll))`, and the analyzer reads that Clojure spelling as the bounded
 * call (analyzer/bounded-idioms.ts). Anywhere else, without the count they fail with a
 * message that says so, instead of running until the budget is spent
 * (docs/compatibility.md).
 */
import { type Value, RVector } from '../data/index.js';
import type { Builtin } from '../runtime/fn.js';
import { call1, isCallable } from '../runtime/apply.js';
import { charge } from '../runtime/budget.js';
import { checkCollectionSize, def, intArg, invalidArg, typeError } from './support.js';
import { seqItems } from './seq.js';

function count(fn: string, n: Value): number {
  const k = Math.max(0, intArg(fn, n, 'an integer count'));
  checkCollectionSize(fn, k);
  charge(k);
  return k;
}

/** `(iterate f x n)`: `[x (f x) (f (f x)) …]`, n items. */
function iterate(f: Value, x: Value, n?: Value): Value {
  if (!isCallable(f)) throw typeError('iterate', 'a function', f);
  if (n === undefined)
    throw invalidArg(
      'iterate',
      '(iterate f x) alone never ends because RTFS sequences are eager; write (iterate f x n) for the first n items (the call (take n (iterate f x)) is read as that)',
    );
  const k = count('iterate', n);
  const out = new Array<Value>(k);
  let cur = x;
  for (let i = 0; i < k; i++) {
    out[i] = cur;
    if (i + 1 < k) cur = call1(f, cur);
  }
  return RVector.from(out);
}

/** `(cycle coll n)`: coll's items repeated, n items in all. */
function cycle(coll: Value, n?: Value): Value {
  const items = seqItems(coll, 'cycle');
  if (n === undefined)
    throw invalidArg(
      'cycle',
      '(cycle coll) alone never ends because RTFS sequences are eager; write (cycle coll n) for the first n items (the call (take n (cycle coll)) is read as that)',
    );
  const k = items.length === 0 ? 0 : count('cycle', n);
  if (items.length === 0) intArg('cycle', n, 'an integer count');
  const out = new Array<Value>(k);
  for (let i = 0; i < k; i++) out[i] = items[i % items.length] as Value;
  return RVector.from(out);
}

export const boundedSeqBuiltins: readonly Builtin[] = [
  ...def('iterate', 2, 3, iterate),
  ...def('cycle', 1, 2, cycle),
];
