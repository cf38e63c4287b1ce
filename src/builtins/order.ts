/**
 * The total order over RTFS values (language.md §13.4), used by `sort`, `sort-by` and
 * `compare`: nil < booleans < numbers < strings < keywords < symbols < vectors < lists
 * < maps < everything else. Numbers compare by value across ints and floats (NaN after
 * every other number); strings by code point; keywords and symbols by name; vectors
 * and lists element by element, then by length; maps by size.
 */
import { type Value, RFloat, equals } from '../data/index.js';
import type { Builtin } from '../runtime/fn.js';
import { call2 } from '../runtime/apply.js';
import { def, typeError } from './support.js';

const enum Rank {
  Nil,
  Bool,
  Num,
  Str,
  Kw,
  Sym,
  Vec,
  List,
  Map,
  Other,
}

function rank(v: Value): Rank {
  switch (typeof v) {
    case 'boolean':
      return Rank.Bool;
    case 'number':
    case 'bigint':
      return Rank.Num;
    case 'string':
      return Rank.Str;
    default:
      break;
  }
  if (v === null) return Rank.Nil;
  if (typeof v !== 'object') return Rank.Other;
  switch (v.kind) {
    case 'float':
      return Rank.Num;
    case 'keyword':
      return Rank.Kw;
    case 'symbol':
      return Rank.Sym;
    case 'vector':
      return Rank.Vec;
    case 'list':
      return Rank.List;
    case 'map':
      return Rank.Map;
    default:
      return Rank.Other;
  }
}

/** Code-point order (JS `<` compares UTF-16 units, which misorders astral characters). */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x !== y) {
      if (x >= 0xd800 && y >= 0xd800) {
        x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
        y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
      }
      return x < y ? -1 : 1;
    }
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

function compareNumbers(a: number | bigint | RFloat, b: number | bigint | RFloat): number {
  if (!(a instanceof RFloat) && !(b instanceof RFloat)) {
    return a < b ? -1 : a > b ? 1 : 0;
  }
  const x = a instanceof RFloat ? a.value : Number(a);
  const y = b instanceof RFloat ? b.value : Number(b);
  if (x !== x) return y !== y ? 0 : 1;
  if (y !== y) return -1;
  return x < y ? -1 : x > y ? 1 : 0;
}

function compareSeqs(n: number, m: number, at: (i: number) => number): number {
  const k = Math.min(n, m);
  for (let i = 0; i < k; i++) {
    const c = at(i);
    if (c !== 0) return c;
  }
  return n < m ? -1 : n > m ? 1 : 0;
}

/** Negative, zero or positive, consistent with `=` on values of the same kind. */
export function compareValues(a: Value, b: Value): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return compareStrings(a, b);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  if (a === null || b === null) return 0;
  if (typeof a === 'boolean') return a === b ? 0 : a ? 1 : -1;
  if (ra === Rank.Num) return compareNumbers(a as number, b as number);
  if (typeof a !== 'object' || typeof b !== 'object') return 0;
  if (a.kind === 'keyword' && b.kind === 'keyword') return compareStrings(a.name, b.name);
  if (a.kind === 'symbol' && b.kind === 'symbol') return compareStrings(a.name, b.name);
  if (a.kind === 'vector' && b.kind === 'vector')
    return compareSeqs(a.count, b.count, (i) =>
      compareValues(a.get(i) as Value, b.get(i) as Value),
    );
  if (a.kind === 'list' && b.kind === 'list')
    return compareSeqs(a.count, b.count, (i) =>
      compareValues(a.items[i] as Value, b.items[i] as Value),
    );
  if (a.kind === 'map' && b.kind === 'map') return a.size - b.size;
  if (a.kind !== b.kind) return compareStrings(a.kind, b.kind);
  if ('text' in a && 'text' in b) return compareStrings(a.text, b.text);
  return 0;
}

/**
 * A JS comparator from an RTFS comparator `f`: a number result gives the order, a
 * boolean one is a "less than" test (as in Clojure, `(sort > xs)` works).
 */
export function comparatorOf(fn: string, f: Value): (a: Value, b: Value) => number {
  return (a, b) => {
    const r = call2(f, a, b);
    if (typeof r === 'number') return r;
    if (typeof r === 'bigint') return r < 0n ? -1 : r > 0n ? 1 : 0;
    if (r instanceof RFloat) return r.value;
    if (r === true) return -1;
    if (r === false || r === null) return call2(f, b, a) === true ? 1 : 0;
    throw typeError(fn, 'a comparator returning a number or boolean', r);
  };
}

function sign(c: number): number {
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

export const orderBuiltins: readonly Builtin[] = [
  ...def('compare', 2, 2, (a, b) => sign(compareValues(a, b))),
  ...def(
    '!=',
    2,
    2,
    (a, b) => !equals(a, b),
    undefined,
    (a, b) => !equals(a, b),
  ),
];
