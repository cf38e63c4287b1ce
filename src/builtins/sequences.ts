/**
 * Access to and construction of sequences. RTFS has no lazy seqs: results are vectors,
 * except where the input kind is kept on purpose — `rest` keeps lists and strings (as
 * the reference does), `cons`/`conj`/`into` keep lists (prepending, as Clojure does),
 * and nil becomes a vector when something is added to it (`(conj nil 1)` is `[1]`).
 * Maps seen as sequences are vectors of `[k v]` entries.
 */
import { type Value, MapBuilder, RList, RMap, RVector, normalizeInt } from '../data/index.js';
import type { Builtin } from '../runtime/fn.js';
import {
  checkCollectionSize,
  def,
  defa,
  indexError,
  intArg,
  invalidArg,
  typeError,
} from './support.js';
import { charge } from '../runtime/budget.js';
import { cpAt, cpLength, cpSlice, seqItems } from './seq.js';
import { isEmpty } from './predicates.js';

/** Item `i` of a seqable value, or undefined when out of range. */
function itemAt(fn: string, v: Value, i: number): Value | undefined {
  if (v === null) return undefined;
  if (typeof v === 'object') {
    if (v.kind === 'vector') return v.get(i);
    if (v.kind === 'list') return v.items[i];
  }
  if (typeof v === 'string') return cpAt(v, i);
  return seqItems(v, fn)[i];
}

function countOf(fn: string, v: Value): number {
  if (typeof v === 'object' && v !== null && (v.kind === 'vector' || v.kind === 'list'))
    return v.count;
  if (typeof v === 'string') return cpLength(v);
  return seqItems(v, fn).length;
}

const first = (v: Value): Value => itemAt('first', v, 0) ?? null;
const second = (v: Value): Value => itemAt('second', v, 1) ?? null;
const last = (v: Value): Value => itemAt('last', v, countOf('last', v) - 1) ?? null;

/** Everything after the first item: a vector, a list for a list, a string for a string. */
function rest(v: Value): Value {
  if (typeof v === 'object' && v !== null) {
    if (v.kind === 'vector') return v.count <= 1 ? RVector.EMPTY : v.slice(1);
    if (v.kind === 'list') return v.count <= 1 ? RList.EMPTY : new RList(v.items.slice(1));
  }
  if (typeof v === 'string') return cpSlice(v, 1, cpLength(v));
  return RVector.from(seqItems(v, 'rest').slice(1));
}

function next(v: Value): Value {
  const r = rest(v);
  return isEmpty(r) ? null : r;
}

function nth(coll: Value, index: Value, dflt?: Value): Value {
  const i = intArg('nth', index);
  if (coll !== null && typeof coll === 'object' && coll.kind === 'map')
    throw typeError('nth', 'a vector, list or string', coll);
  const v = itemAt('nth', coll, i);
  if (v !== undefined) return v;
  if (dflt !== undefined || coll === null) return dflt ?? null;
  throw indexError('nth', i, countOf('nth', coll));
}

/** `(nth coll i)`: an in-range integer index on a vector is read directly. */
function nth2(coll: Value, index: Value): Value {
  if (coll instanceof RVector && typeof index === 'number') {
    const v = coll.get(index);
    if (v !== undefined) return v;
  }
  return nth(coll, index);
}

function cons(x: Value, coll: Value): Value {
  if (typeof coll === 'object' && coll !== null && coll.kind === 'list') return coll.cons(x);
  return RVector.from([x, ...seqItems(coll, 'cons')]);
}

function conjMap(m: RMap, x: Value): RMap {
  if (x === null) return m;
  const b = new MapBuilder(m);
  conjInto(b, x, 'conj');
  return b.build();
}

/** Adds `x` (nil, a `[key value]` vector or a map) to a map being built. */
function conjInto(b: MapBuilder, x: Value, fn: string): void {
  if (x === null) return;
  if (typeof x === 'object' && x.kind === 'vector' && x.count === 2) {
    b.assoc(x.get(0) as Value, x.get(1) as Value);
    return;
  }
  if (typeof x === 'object' && x.kind === 'map') {
    x.forEach((v, k) => b.assoc(k, v));
    return;
  }
  throw typeError(fn, 'a [key value] vector or a map to add to a map', x);
}

/** Adds one item: at the end of a vector, the front of a list, as an entry of a map. */
export function conj1(coll: Value, x: Value): Value {
  if (coll === null) return RVector.of(x);
  if (typeof coll === 'object') {
    switch (coll.kind) {
      case 'vector':
        return coll.conj(x);
      case 'list':
        return coll.cons(x);
      case 'map':
        return conjMap(coll, x);
      default:
        break;
    }
  }
  throw typeError('conj', 'a vector, list, map or nil', coll);
}

function conj(args: readonly Value[]): Value {
  if (args.length === 0) return RVector.EMPTY;
  let coll = args[0] as Value;
  if (args.length === 1) return coll;
  for (let i = 1; i < args.length; i++) coll = conj1(coll, args[i] as Value);
  return coll;
}

/** Vectors, lists, strings (characters) and maps (entries) are spread; nil adds nothing. */
function concat(args: readonly Value[]): Value {
  const out: Value[] = [];
  for (const a of args) {
    if (
      a === null ||
      typeof a === 'string' ||
      (typeof a === 'object' && (a.kind === 'vector' || a.kind === 'list' || a.kind === 'map'))
    )
      for (const x of seqItems(a, 'concat')) out.push(x);
    else out.push(a);
  }
  return RVector.from(out);
}

function vec(v: Value): Value {
  if (typeof v === 'object' && v !== null && v.kind === 'vector') return v;
  return RVector.from(seqItems(v, 'vec').slice());
}

function seq(v: Value): Value {
  if (isEmpty(v)) return null;
  if (typeof v === 'object' && v !== null && (v.kind === 'vector' || v.kind === 'list')) return v;
  return RVector.from(seqItems(v, 'seq').slice());
}

function empty(v: Value): Value {
  if (typeof v === 'string') return '';
  if (typeof v !== 'object' || v === null) return null;
  switch (v.kind) {
    case 'vector':
      return RVector.EMPTY;
    case 'list':
      return RList.EMPTY;
    case 'map':
      return RMap.EMPTY;
    default:
      return null;
  }
}

function into(args: readonly Value[]): Value {
  if (args.length === 0) return RVector.EMPTY;
  const to = args[0] as Value;
  if (args.length === 1) return to;
  const from = seqItems(args[1] as Value, 'into');
  if (to === null || (typeof to === 'object' && to.kind === 'vector')) {
    const out = to === null ? [] : to.toArray();
    for (const x of from) out.push(x);
    return RVector.from(out);
  }
  let coll: Value = to;
  if (typeof coll !== 'object' || (coll.kind !== 'list' && coll.kind !== 'map'))
    throw typeError('into', 'a vector, list, map or nil', to);
  if (coll.kind === 'map') {
    const b = new MapBuilder(coll);
    for (const x of from) conjInto(b, x, 'conj');
    return b.build();
  }
  for (const x of from) coll = conj1(coll, x);
  return coll;
}

function checkSize(fn: string, n: number): void {
  checkCollectionSize(fn, n);
  charge(n);
}

function repeat(n: Value, x: Value): Value {
  const k = Math.max(0, intArg('repeat', n));
  checkSize('repeat', k);
  return RVector.from(new Array<Value>(k).fill(x));
}

/**
 * `n` safe integers from `start` by `step`. A function of its own: V8 compiles a long
 * range's loop on the stack (OSR) with only this loop in it, and returning from it needs
 * no type feedback that `range` has not gathered yet (ADR 0055).
 */
function numberRange(start: number, n: number, step: number): Value[] {
  const out = new Array<Value>(n);
  for (let i = 0; i < n; i++) out[i] = start + i * step;
  return out;
}

/** `(range end)`, `(range start end)`, `(range start end step)`: integers, end excluded. */
function range(args: readonly Value[]): Value {
  const nums = args.map((a) => intArg('range', a));
  const [start, end, step] =
    nums.length === 1
      ? [0, nums[0] as number, 1]
      : [nums[0] as number, nums[1] as number, nums[2] ?? 1];
  if (step === 0) throw invalidArg('range', 'step must not be zero');
  const n = Math.max(0, Math.ceil((end - start) / step));
  checkSize('range', n);
  if (Number.isSafeInteger(start) && Number.isSafeInteger(start + n * step))
    return RVector.from(numberRange(start, n, step));
  // Beyond ±2^53 number arithmetic rounds: count and step exactly in bigint.
  const [b0, b1, bs] =
    nums.length === 1 ? [0n, big(args[0]), 1n] : [big(args[0]), big(args[1]), big(args[2] ?? 1)];
  const len = b1 - b0;
  const m =
    bs > 0n ? (len <= 0n ? 0n : (len + bs - 1n) / bs) : len >= 0n ? 0n : (len + bs + 1n) / bs;
  const out = new Array<Value>(Number(m));
  for (let i = 0; i < out.length; i++) out[i] = normalizeInt(b0 + BigInt(i) * bs) as Value;
  return RVector.from(out);
}

function big(v: Value | undefined): bigint {
  return BigInt(v as number | bigint);
}

function interpose(sep: Value, coll: Value): Value {
  const out: Value[] = [];
  for (const x of seqItems(coll, 'interpose')) {
    if (out.length > 0) out.push(sep);
    out.push(x);
  }
  return RVector.from(out);
}

function flattenInto(v: Value, out: Value[]): void {
  if (typeof v === 'object' && v !== null && (v.kind === 'vector' || v.kind === 'list')) {
    for (const x of seqItems(v, 'flatten')) flattenInto(x, out);
  } else out.push(v);
}

function flatten(v: Value): Value {
  const out: Value[] = [];
  if (typeof v === 'object' && v !== null && (v.kind === 'vector' || v.kind === 'list'))
    flattenInto(v, out);
  return RVector.from(out);
}

export const sequenceBuiltins: readonly Builtin[] = [
  ...def('first', 1, 1, first, first),
  ...def('second', 1, 1, second, second),
  ...def('last', 1, 1, last, last),
  ...def('rest', 1, 1, rest, rest),
  ...def('next', 1, 1, next, next),
  ...def('nth', 2, 3, nth, undefined, nth2),
  ...def('cons', 2, 2, cons, undefined, cons),
  ...defa('conj', 0, Infinity, conj, undefined, conj1),
  ...defa('concat', 0, Infinity, concat),
  ...def('vec', 1, 1, vec, vec),
  ...def('seq', 1, 1, seq, seq),
  ...def('not-empty', 1, 1, (v) => (isEmpty(v) ? null : v)),
  ...def('empty', 1, 1, empty),
  ...defa('into', 0, 2, into),
  ...def('repeat', 2, 2, repeat),
  ...defa('range', 1, 3, range),
  ...def('interpose', 2, 2, interpose),
  ...def('flatten', 1, 1, flatten),
];
