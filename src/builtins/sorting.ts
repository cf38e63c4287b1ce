/**
 * Ordering and uniqueness: `sort`, `sort-by`, `reverse`, `distinct`, `frequencies`.
 * Sorting is stable and uses the total order of order.ts unless a comparator is given
 * (a function returning a number, a boolean "less than" such as `>`, or the keywords
 * `:asc` / `:desc`). A string input to `sort`, `reverse` or `distinct` gives a string,
 * as in the reference; everything else gives a vector.
 */
import { type Value, Keyword, RMap, RVector } from '../data/index.js';
import type { Builtin } from '../runtime/fn.js';
import { call1, isCallable } from '../runtime/apply.js';
import { def, typeError } from './support.js';
import { chars, seqItems, ValueIndex } from './seq.js';
import { comparatorOf, compareValues } from './order.js';

type Cmp = (a: Value, b: Value) => number;

const ASC = new Set([Keyword.of('asc'), Keyword.of('<')]);
const DESC = new Set([Keyword.of('desc'), Keyword.of('>')]);

function comparator(fn: string, c: Value): Cmp {
  if (c instanceof Keyword) {
    if (ASC.has(c)) return compareValues;
    if (DESC.has(c)) return (a, b) => compareValues(b, a);
    throw typeError(fn, 'a comparator function or :asc / :desc', c);
  }
  if (!isCallable(c)) throw typeError(fn, 'a comparator function', c);
  return comparatorOf(fn, c);
}

/** A fresh, mutable array of the items (seqItems copies everything but lists). */
function itemsCopy(fn: string, coll: Value): Value[] {
  if (coll === null) return [];
  if (typeof coll === 'object' && coll.kind === 'list') return coll.items.slice();
  return seqItems(coll, fn) as Value[];
}

function shaped(coll: Value, items: Value[]): Value {
  return typeof coll === 'string' ? items.join('') : RVector.from(items);
}

/** True when every item is an int held as a JS number (the usual numeric data). */
function allSmallInts(xs: readonly Value[]): boolean {
  for (let i = 0; i < xs.length; i++) if (typeof xs[i] !== 'number') return false;
  return true;
}

/**
 * Sorts JS-number ints ascending: a typed-array sort (native, no comparator calls).
 * Equal ints are indistinguishable, so stability holds trivially. An `Int32Array` when
 * every item fits (and none is -0, which it would turn into 0), else a `Float64Array`;
 * filled and read back by plain loops (`TypedArray.from`/`Array.from` go through the
 * iterator protocol: 200k ints 24 ms against 10 ms, ADR 0030).
 */
function sortInts(xs: readonly Value[]): Value[] {
  const n = xs.length;
  const a = int32s(xs as readonly number[]) ?? float64s(xs as readonly number[]);
  a.sort();
  const out = new Array<Value>(n);
  for (let i = 0; i < n; i++) out[i] = a[i] as number;
  return out;
}

function int32s(xs: readonly number[]): Int32Array | undefined {
  const n = xs.length;
  const a = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const x = xs[i] as number;
    if ((x | 0) !== x || (x === 0 && 1 / x < 0)) return undefined;
    a[i] = x;
  }
  return a;
}

function float64s(xs: readonly number[]): Float64Array {
  const n = xs.length;
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) a[i] = xs[i] as number;
  return a;
}

function sort(a: Value, b?: Value): Value {
  if (b === undefined) {
    const items = itemsCopy('sort', a);
    return shaped(a, allSmallInts(items) ? sortInts(items) : items.sort(compareValues));
  }
  return shaped(b, itemsCopy('sort', b).sort(comparator('sort', a)));
}

/**
 * The stable order of `keys` (indices into them) when every key is a JS-number int and
 * `(max - min + 1) × n` stays exact in a double: each key and its index packed into one
 * number, `(key - min) × n + index`, sorted natively; the index breaks ties, so the
 * order is stable. Undefined when the keys do not qualify.
 */
function intKeyOrder(keys: readonly Value[]): number[] | undefined {
  const n = keys.length;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const k = keys[i];
    if (typeof k !== 'number') return undefined;
    if (k < min) min = k;
    if (k > max) max = k;
  }
  const range = (max - min + 1) * n;
  if (range > Number.MAX_SAFE_INTEGER) return undefined;
  // An Int32Array sorts faster when the packed numbers fit (ADR 0030).
  const packed = range <= 0x7fffffff ? new Int32Array(n) : new Float64Array(n);
  for (let i = 0; i < n; i++) packed[i] = ((keys[i] as number) - min) * n + i;
  packed.sort();
  const order = new Array<number>(n);
  for (let i = 0; i < n; i++) order[i] = (packed[i] as number) % n;
  return order;
}

/** `sort-by`: every key computed once (a Schwartzian transform), then a stable sort. */
function sortBy(keyfn: Value, b: Value, c?: Value): Value {
  if (!isCallable(keyfn)) throw typeError('sort-by', 'a key function', keyfn);
  const [cmp, coll] = c === undefined ? [undefined, b] : [comparator('sort-by', b), c];
  const items = seqItems(coll, 'sort-by');
  const keys = items.map((x) => call1(keyfn, x));
  let order = cmp === undefined ? intKeyOrder(keys) : undefined;
  if (order === undefined) {
    const by = cmp ?? compareValues;
    order = items.map((_x, i) => i);
    order.sort((i, j) => by(keys[i] as Value, keys[j] as Value));
  }
  const out = new Array<Value>(order.length);
  for (let i = 0; i < order.length; i++) out[i] = items[order[i] as number] as Value;
  return RVector.from(out);
}

function reverse(coll: Value): Value {
  if (typeof coll === 'string') return chars(coll).reverse().join('');
  return RVector.from(itemsCopy('reverse', coll).reverse());
}

function distinct(coll: Value): Value {
  const seen = new ValueIndex<true>();
  const out: Value[] = [];
  for (const x of seqItems(coll, 'distinct')) {
    if (seen.indexOf(x) < 0) {
      seen.add(x, true);
      out.push(x);
    }
  }
  return shaped(coll, out);
}

function frequencies(coll: Value): Value {
  const counts = new ValueIndex<number>();
  for (const x of seqItems(coll, 'frequencies')) {
    const i = counts.indexOf(x);
    if (i < 0) counts.add(x, 1);
    else counts.vals[i] = (counts.vals[i] as number) + 1;
  }
  const flat: Value[] = [];
  for (let i = 0; i < counts.keys.length; i++)
    flat.push(counts.keys[i] as Value, counts.vals[i] as number);
  return RMap.fromFlat(flat);
}

export const sortingBuiltins: readonly Builtin[] = [
  ...def('sort', 1, 2, sort, (c) => sort(c)),
  ...def('sort-by', 2, 3, sortBy),
  ...def('reverse', 1, 1, reverse, reverse),
  ...def('distinct', 1, 1, distinct, distinct),
  ...def('frequencies', 1, 1, frequencies, frequencies),
];
