/**
 * Higher-order sequence functions. Every callable works as the function argument:
 * builtins, closures, keywords (`(map :id xs)`), regex values. Collections are vectors,
 * lists, strings (characters), maps (`[k v]` entries) or nil (empty); results are
 * vectors. Truthiness decides in `filter`, `remove`, `some`, `every?` (only nil and
 * false are falsy). The vector paths are index loops with no per-item allocation.
 */
import { reduceOwned, takesOwnedAcc } from './owned.js';
import { type Value, RMap, RVector } from '../data/index.js';
import { Fn, Builtin } from '../runtime/fn.js';
import { expectCalls } from '../runtime/jit.js';
import { RtfsError, RuntimeCodes } from '../runtime/errors.js';
import { charge } from '../runtime/budget.js';
import { applyFn, call1, call2, isCallable } from '../runtime/apply.js';
import { ArrayBuiltin, def, defa, typeError } from './support.js';
import { seqItems, ValueIndex } from './seq.js';

function fnArg(fn: string, f: Value): Value {
  if (!isCallable(f)) throw typeError(fn, 'a function', f);
  return f;
}

/**
 * `f` over the first `n` items of `coll`. A function of its own: V8 compiles a long
 * map's loop on the stack (OSR) with only this loop in it, and the return needs no
 * type feedback that `map1` has not gathered yet (ADR 0055).
 */
function mapFn(f: Fn, coll: RVector, n: number): Value[] {
  const out = new Array<Value>(n);
  for (let i = 0; i < n; i++) out[i] = f.call1(coll.get(i) as Value);
  return out;
}

function map1(fn: string, f: Value, coll: Value): RVector {
  fnArg(fn, f);
  if (coll instanceof RVector) {
    const n = coll.count;
    if (f instanceof Fn) {
      expectCalls(f, n);
      return RVector.from(mapFn(f, coll, n));
    }
    const out = new Array<Value>(n);
    for (let i = 0; i < n; i++) out[i] = call1(f, coll.get(i) as Value);
    return RVector.from(out);
  }
  const items = seqItems(coll, fn);
  const out = new Array<Value>(items.length);
  if (f instanceof Fn) expectCalls(f, items.length);
  for (let i = 0; i < items.length; i++) out[i] = call1(f, items[i] as Value);
  return RVector.from(out);
}

/** `(map f c1 c2 …)`: f over the items at the same index, up to the shortest collection. */
function mapN(fn: string, args: readonly Value[]): RVector {
  const f = fnArg(fn, args[0] as Value);
  if (args.length === 2) return map1(fn, f, args[1] as Value);
  const colls = args.slice(1).map((c) => seqItems(c, fn));
  const n = Math.min(...colls.map((c) => c.length));
  const out = new Array<Value>(n);
  for (let i = 0; i < n; i++) {
    out[i] =
      colls.length === 2
        ? call2(f, (colls[0] as Value[])[i] as Value, (colls[1] as Value[])[i] as Value)
        : applyFn(
            f,
            colls.map((c) => c[i] as Value),
          );
  }
  return RVector.from(out);
}

/** Items for which `pred` is truthy (`keep` = true) or falsy (`keep` = false). */
function select(fn: string, pred: Value, coll: Value, keep: boolean): RVector {
  fnArg(fn, pred);
  const out: Value[] = [];
  if (coll instanceof RVector && pred instanceof Fn) {
    expectCalls(pred, coll.count);
    for (let i = 0; i < coll.count; i++) {
      const x = coll.get(i) as Value;
      const r = pred.call1(x);
      if ((r !== null && r !== false) === keep) out.push(x);
    }
    return RVector.from(out);
  }
  for (const x of seqItems(coll, fn)) {
    const r = call1(pred, x);
    if ((r !== null && r !== false) === keep) out.push(x);
  }
  return RVector.from(out);
}

/** `(reduce f coll)` / `(reduce f init coll)`; an empty coll without init calls `(f)`. */
function reduce(f: Value, a: Value, b?: Value): Value {
  fnArg('reduce', f);
  const coll = b === undefined ? a : b;
  if (coll instanceof RVector && f instanceof Fn) {
    const n = coll.count;
    if (b === undefined && n === 0) return f.invoke([]);
    let acc = b === undefined ? (coll.get(0) as Value) : a;
    const from = b === undefined ? 1 : 0;
    if (takesOwnedAcc(f)) return reduceOwned(f, acc, from, coll);
    expectCalls(f, n - from);
    for (let i = from; i < n; i++) acc = f.call2(acc, coll.get(i) as Value);
    return acc;
  }
  const items = seqItems(coll, 'reduce');
  if (b === undefined && items.length === 0) return applyFn(f, []);
  let acc = b === undefined ? (items[0] as Value) : a;
  if (f instanceof Fn && takesOwnedAcc(f)) {
    return reduceOwned(f, acc, b === undefined ? 1 : 0, items);
  }
  if (f instanceof Fn) expectCalls(f, items.length);
  for (let i = b === undefined ? 1 : 0; i < items.length; i++)
    acc = call2(f, acc, items[i] as Value);
  return acc;
}

/**
 * `(apply f a… coll)`: the last argument is spread (a vector, list, string or nil; a map
 * spreads as `k v k v …`, as in the reference). Maps nested inside it are not spread.
 */
function apply(args: readonly Value[]): Value {
  const f = fnArg('apply', args[0] as Value);
  const last = args[args.length - 1] as Value;
  const callArgs = args.slice(1, -1);
  if (last instanceof RMap) last.forEach((v, k) => callArgs.push(k, v));
  else if (
    last === null ||
    typeof last === 'string' ||
    (typeof last === 'object' && (last.kind === 'vector' || last.kind === 'list'))
  )
    for (const x of seqItems(last, 'apply')) callArgs.push(x);
  else throw typeError('apply', 'a collection as the last argument', last);
  charge(callArgs.length);
  // Most builtins take their arguments as JavaScript arguments: past this many, the
  // engine cannot pass them (str, vector, list and pr-str take any number).
  if (callArgs.length > MAX_SPREAD && f instanceof Builtin && !(f instanceof ArrayBuiltin))
    throw new RtfsError(
      RuntimeCodes.collectionTooLarge,
      `apply: ${callArgs.length.toLocaleString('en-US')} arguments are more than ${f.name ?? 'this builtin'} takes (limit ${MAX_SPREAD.toLocaleString('en-US')}); use reduce`,
    );
  return applyFn(f, callArgs);
}

/** Arguments `apply` passes to a builtin that takes them spread out. */
const MAX_SPREAD = 50_000;

function mapIndexed(f: Value, coll: Value): Value {
  fnArg('map-indexed', f);
  return RVector.from(seqItems(coll, 'map-indexed').map((x, i) => call2(f, i, x)));
}

function mapcat(args: readonly Value[]): Value {
  const out: Value[] = [];
  for (const r of mapN('mapcat', args).toArray())
    for (const x of seqItems(r, 'mapcat')) out.push(x);
  return RVector.from(out);
}

function keep(f: Value, coll: Value): Value {
  const out: Value[] = [];
  for (const r of map1('keep', f, coll).toArray()) if (r !== null) out.push(r);
  return RVector.from(out);
}

/** The first truthy `(pred x)`, or nil. */
function some(fn: string, pred: Value, coll: Value): Value {
  fnArg(fn, pred);
  for (const x of seqItems(coll, fn)) {
    const r = call1(pred, x);
    if (r !== null && r !== false) return r;
  }
  return null;
}

function every(fn: string, pred: Value, coll: Value): boolean {
  fnArg(fn, pred);
  for (const x of seqItems(coll, fn)) {
    const r = call1(pred, x);
    if (r === null || r === false) return false;
  }
  return true;
}

function groupBy(f: Value, coll: Value): Value {
  fnArg('group-by', f);
  const groups = new ValueIndex<Value[]>();
  for (const x of seqItems(coll, 'group-by')) {
    const k = call1(f, x);
    const i = groups.indexOf(k);
    if (i < 0) groups.add(k, [x]);
    else (groups.vals[i] as Value[]).push(x);
  }
  const flat: Value[] = [];
  for (let i = 0; i < groups.keys.length; i++)
    flat.push(groups.keys[i] as Value, RVector.from(groups.vals[i] as Value[]));
  return RMap.fromFlat(flat);
}

const mapFast = (f: Value, coll: Value): Value => map1('map', f, coll);
const filter = (p: Value, coll: Value): Value => select('filter', p, coll, true);
const remove = (p: Value, coll: Value): Value => select('remove', p, coll, false);

export const hofBuiltins: readonly Builtin[] = [
  ...defa(['map', 'mapv'], 2, Infinity, (args) => mapN('map', args), undefined, mapFast),
  ...def(['filter', 'filterv'], 2, 2, filter, undefined, filter),
  ...def('remove', 2, 2, remove, undefined, remove),
  ...def('reduce', 2, 3, reduce, undefined, (f, coll) => reduce(f, coll)),
  ...defa('apply', 2, Infinity, apply),
  ...def('map-indexed', 2, 2, mapIndexed),
  ...defa('mapcat', 2, Infinity, mapcat),
  ...def('keep', 2, 2, keep),
  ...def('some', 2, 2, (p, c) => some('some', p, c)),
  ...def('every?', 2, 2, (p, c) => every('every?', p, c)),
  ...def('not-any?', 2, 2, (p, c) => some('not-any?', p, c) === null),
  ...def('not-every?', 2, 2, (p, c) => !every('not-every?', p, c)),
  ...def('group-by', 2, 2, groupBy),
];
