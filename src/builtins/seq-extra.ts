/**
 * More of clojure.core's sequence functions, eager as every RTFS sequence is: results
 * are vectors (nil and empty inputs give `[]`), function arguments take every callable,
 * and `split-at`/`split-with`/`nthrest` are built from `take`/`drop` so they shape
 * strings as those do.
 */
import { type Value, RVector, equals } from '../data/index.js';
import type { Builtin } from '../runtime/fn.js';
import { call1, call2, applyFn, isCallable } from '../runtime/apply.js';
import { charge } from '../runtime/budget.js';
import { isEmpty } from './predicates.js';
import { sequenceBuiltins } from './sequences.js';
import { sliceBuiltins } from './slices.js';
import { builtinNamed } from './aliases.js';
import { checkCollectionSize, def, defa, intArg, invalidArg, typeError } from './support.js';
import { isSeqable, seqItems } from './seq.js';

const take = builtinNamed(sliceBuiltins, 'take');
const drop = builtinNamed(sliceBuiltins, 'drop');
const takeWhile = builtinNamed(sliceBuiltins, 'take-while');
const dropWhile = builtinNamed(sliceBuiltins, 'drop-while');
const first = builtinNamed(sequenceBuiltins, 'first');

function fnArg(fn: string, f: Value): Value {
  if (!isCallable(f)) throw typeError(fn, 'a function', f);
  return f;
}

/** `(partition-by f coll)`: runs of consecutive items on which f gives equal values. */
function partitionBy(f: Value, coll: Value): Value {
  fnArg('partition-by', f);
  const out: RVector[] = [];
  let run: Value[] = [];
  let key: Value = null;
  for (const x of seqItems(coll, 'partition-by')) {
    const k = call1(f, x);
    if (run.length > 0 && !equals(k, key)) {
      out.push(RVector.from(run));
      run = [];
    }
    run.push(x);
    key = k;
  }
  if (run.length > 0) out.push(RVector.from(run));
  return RVector.from(out);
}

/** `(interleave c1 c2 …)`: the first item of each, then the second of each, … */
function interleave(colls: readonly Value[]): Value {
  const items = colls.map((c) => seqItems(c, 'interleave'));
  if (items.length === 0) return RVector.EMPTY;
  const n = Math.min(...items.map((c) => c.length));
  checkCollectionSize('interleave', n * items.length);
  charge(n * items.length);
  const out: Value[] = [];
  for (let i = 0; i < n; i++) for (const c of items) out.push(c[i] as Value);
  return RVector.from(out);
}

function keepIndexed(f: Value, coll: Value): Value {
  fnArg('keep-indexed', f);
  const out: Value[] = [];
  seqItems(coll, 'keep-indexed').forEach((x, i) => {
    const r = call2(f, i, x);
    if (r !== null) out.push(r);
  });
  return RVector.from(out);
}

/** `(reductions f coll)` / `(reductions f init coll)`: every intermediate of `reduce`. */
function reductions(f: Value, a: Value, b?: Value): Value {
  fnArg('reductions', f);
  const items = seqItems(b === undefined ? a : b, 'reductions');
  if (b === undefined && items.length === 0) return RVector.of(applyFn(f, []));
  let acc = b === undefined ? (items[0] as Value) : a;
  const out: Value[] = [acc];
  for (let i = b === undefined ? 1 : 0; i < items.length; i++) {
    acc = call2(f, acc, items[i] as Value);
    out.push(acc);
  }
  return RVector.from(out);
}

/** Consecutive duplicates removed. */
function dedupe(coll: Value): Value {
  const items = seqItems(coll, 'dedupe');
  charge(items.length);
  const out: Value[] = [];
  for (const x of items)
    if (out.length === 0 || !equals(out[out.length - 1] as Value, x)) out.push(x);
  return RVector.from(out);
}

/** Every nth item, starting with the first. */
function takeNth(n: Value, coll: Value): Value {
  const k = intArg('take-nth', n);
  if (k <= 0) throw invalidArg('take-nth', `the step must be positive, got ${k}`);
  const items = seqItems(coll, 'take-nth');
  const out: Value[] = [];
  for (let i = 0; i < items.length; i += k) out.push(items[i] as Value);
  return RVector.from(out);
}

function nthrest(coll: Value, n: Value): Value {
  return drop.call2(n, coll);
}

/** `(nthnext coll n)`: what `nthrest` gives, or nil when that is empty. */
function nthnext(coll: Value, n: Value): Value {
  const r = drop.call2(n, coll);
  return isEmpty(r) ? null : r;
}

/** `(run! f coll)`: f on each item, for its effects; nil. */
function runBang(f: Value, coll: Value): Value {
  fnArg('run!', f);
  for (const x of seqItems(coll, 'run!')) call1(f, x);
  return null;
}

/** `(doall coll)` / `(doall n coll)`: coll itself (RTFS sequences are already realised). */
function realised(fn: string, a: Value, b: Value | undefined): Value {
  const coll = b === undefined ? a : b;
  if (b !== undefined) intArg(fn, a);
  if (!isSeqable(coll)) throw typeError(fn, 'a collection', coll);
  return coll;
}

export const seqExtraBuiltins: readonly Builtin[] = [
  ...def('partition-by', 2, 2, partitionBy),
  ...defa('interleave', 0, Infinity, interleave),
  ...def('split-at', 2, 2, (n, coll) => RVector.of(take.call2(n, coll), drop.call2(n, coll))),
  ...def('split-with', 2, 2, (p, coll) =>
    RVector.of(takeWhile.call2(p, coll), dropWhile.call2(p, coll)),
  ),
  ...def('keep-indexed', 2, 2, keepIndexed),
  ...def('reductions', 2, 3, reductions, undefined, (f, coll) => reductions(f, coll)),
  ...def('dedupe', 1, 1, dedupe),
  ...def('take-nth', 2, 2, takeNth),
  ...def('ffirst', 1, 1, (x) => first.call1(first.call1(x))),
  ...def('nthrest', 2, 2, nthrest),
  ...def('nthnext', 2, 2, nthnext),
  ...def('run!', 2, 2, runBang),
  ...def(
    'doall',
    1,
    2,
    (a, b) => realised('doall', a, b),
    (a) => realised('doall', a, undefined),
  ),
  ...def('dorun', 1, 2, (a, b) => {
    realised('dorun', a, b);
    return null;
  }),
];
