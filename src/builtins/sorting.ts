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

function sort(a: Value, b?: Value): Value {
  const [cmp, coll] = b === undefined ? [compareValues, a] : [comparator('sort', a), b];
  return shaped(coll, itemsCopy('sort', coll).sort(cmp));
}

function sortBy(keyfn: Value, b: Value, c?: Value): Value {
  if (!isCallable(keyfn)) throw typeError('sort-by', 'a key function', keyfn);
  const [cmp, coll] = c === undefined ? [compareValues, b] : [comparator('sort-by', b), c];
  const items = seqItems(coll, 'sort-by');
  const keys = items.map((x) => call1(keyfn, x));
  const order = items.map((_x, i) => i);
  order.sort((i, j) => cmp(keys[i] as Value, keys[j] as Value));
  return RVector.from(order.map((i) => items[i] as Value));
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
