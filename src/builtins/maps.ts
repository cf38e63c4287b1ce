/**
 * Associative access: maps by key (any value, exact type: `:a` ≠ `"a"`), vectors by
 * integer index. Reading never fails on the collection's type (`get` on nil, a number
 * or a list gives the default, as in Clojure); writing to nil starts a map, and a vector
 * index may be its count (append), as in Clojure. Error values answer `:message`,
 * `:code` and `:data` like a map.
 */
import { assocMaybeOwned, ownedSlotOf, setOwnedSlot } from './owned.js';
import { type Value, Keyword, MapBuilder, RList, RMap, RVector, equals } from '../data/index.js';
import { Fn, type Builtin } from '../runtime/fn.js';
import { applyFn, call1, call2, isCallable } from '../runtime/apply.js';
import {
  ArrayBuiltin,
  arityError,
  def,
  defa,
  indexError,
  invalidArg,
  typeError,
} from './support.js';
import { seqItems } from './seq.js';

const MESSAGE = Keyword.of('message');
const CODE = Keyword.of('code');
const DATA = Keyword.of('data');

/** The value under `k`, or undefined when absent or `coll` is not associative. */
export function lookup(coll: Value, k: Value): Value | undefined {
  if (typeof coll === 'object' && coll !== null) {
    switch (coll.kind) {
      case 'map':
        return coll.get(k);
      case 'vector':
        return typeof k === 'number' ? coll.get(k) : undefined;
      case 'error':
        return k === MESSAGE
          ? coll.message
          : k === CODE
            ? coll.code
            : k === DATA
              ? coll.data
              : undefined;
      default:
        return undefined;
    }
  }
  if (typeof coll === 'string' && typeof k === 'number' && k >= 0) {
    const cs = Array.from(coll);
    return cs[k];
  }
  return undefined;
}

function get(coll: Value, k: Value, dflt?: Value): Value {
  const v = lookup(coll, k);
  return v === undefined ? (dflt ?? null) : v;
}

function get2(coll: Value, k: Value): Value {
  if (coll instanceof RMap) {
    const v = coll.get(k);
    return v === undefined ? null : v;
  }
  const v = lookup(coll, k);
  return v === undefined ? null : v;
}

function path(fn: string, ks: Value): readonly Value[] {
  if (typeof ks === 'object' && ks !== null && ks.kind === 'map')
    throw typeError(fn, 'a vector or list of keys', ks);
  return seqItems(ks, fn);
}

function getIn(m: Value, ks: Value, dflt?: Value): Value {
  let cur: Value = m;
  for (const k of path('get-in', ks)) {
    const v = lookup(cur, k);
    if (v === undefined) return dflt ?? null;
    cur = v;
  }
  return cur;
}

/** One `assoc` step on a map, vector (index ≤ count) or nil. */
export function assoc1(fn: string, coll: Value, k: Value, v: Value): Value {
  if (coll instanceof RMap) return assocMaybeOwned(coll, k, v);
  if (coll === null) return RMap.fromFlat([k, v]);
  if (coll instanceof RVector) {
    if (typeof k !== 'number') throw typeError(fn, 'an integer index for a vector', k);
    if (k === coll.count) return coll.conj(v);
    if (k < 0 || k > coll.count) throw indexError(fn, k, coll.count);
    return coll.assoc(k, v);
  }
  throw typeError(fn, 'a map, vector or nil', coll);
}

function assoc(args: readonly Value[]): Value {
  if (args.length % 2 === 0) throw arityError('assoc', 'expects a collection then key/value pairs');
  let coll = args[0] as Value;
  for (let i = 1; i < args.length; i += 2)
    coll = assoc1('assoc', coll, args[i] as Value, args[i + 1] as Value);
  return coll;
}

/**
 * The arguments of a direct call (compiled code calls a builtin's `f` with them
 * spread) as an array: trailing undefined parameters were not passed (no value is
 * undefined; nil is null).
 */
function collect(
  a: Value | undefined,
  b: Value | undefined,
  c: Value | undefined,
  more: Value[],
): Value[] {
  const args: Value[] = [];
  if (a !== undefined) args.push(a);
  if (b !== undefined) args.push(b);
  if (c !== undefined) args.push(c);
  for (const x of more) args.push(x);
  return args;
}

/**
 * `assoc`'s entry for a direct call: `(assoc m k v)` without an argument array, and
 * with type feedback of its own (the shared spreading entry of array builtins calls
 * every such builtin, so V8 deoptimises it as each new one comes; ADR 0043).
 */
function assocEntry(coll?: Value, k?: Value, v?: Value, ...more: Value[]): Value {
  if (v !== undefined && more.length === 0) return assoc1('assoc', coll as Value, k as Value, v);
  return assoc(collect(coll, k, v, more));
}

function assocIn(m: Value, ks: readonly Value[], i: number, v: Value): Value {
  const k = ks[i] as Value;
  if (i === ks.length - 1) return assoc1('assoc-in', m, k, v);
  return assoc1('assoc-in', m, k, assocIn(lookup(m, k) ?? null, ks, i + 1, v));
}

function checkAssociative(fn: string, m: Value): void {
  if (m !== null && !(m instanceof RMap) && !(m instanceof RVector))
    throw typeError(fn, 'a map, vector or nil', m);
}

function callWith(f: Value, old: Value, args: readonly Value[], from: number): Value {
  if (args.length === from) return call1(f, old);
  if (args.length === from + 1) return call2(f, old, args[from] as Value);
  return applyFn(f, [old, ...args.slice(from)]);
}

function update(args: readonly Value[]): Value {
  const [m, k, f] = args as [Value, Value, Value];
  checkAssociative('update', m);
  if (!isCallable(f)) throw typeError('update', 'a function', f);
  if (m instanceof RMap) {
    const i = ownedSlotOf(m, k);
    if (i >= 0) return setOwnedSlot(m, i, callWith(f, m.ownedValue(i), args, 3));
  }
  return assoc1('update', m, k, callWith(f, lookup(m, k) ?? null, args, 3));
}

/** `(update m k f)`: {@link update} with exactly three arguments. */
function update3(m: Value, k: Value, f: Value): Value {
  checkAssociative('update', m);
  if (!isCallable(f)) throw typeError('update', 'a function', f);
  if (m instanceof RMap) {
    // The owned accumulator of a reduce: one lookup, and the value stored in place.
    const i = ownedSlotOf(m, k);
    if (i >= 0) return setOwnedSlot(m, i, call1(f, m.ownedValue(i)));
  }
  return assoc1('update', m, k, call1(f, lookup(m, k) ?? null));
}

/** `update`'s entry for a direct call (as {@link assocEntry}). */
function updateEntry(m?: Value, k?: Value, f?: Value, ...more: Value[]): Value {
  if (f !== undefined && more.length === 0) return update3(m as Value, k as Value, f);
  return update(collect(m, k, f, more));
}

function updateIn(args: readonly Value[]): Value {
  const [m, ks, f] = args as [Value, Value, Value];
  if (!isCallable(f)) throw typeError('update-in', 'a function', f);
  const keys = path('update-in', ks);
  if (keys.length === 0) throw invalidArg('update-in', 'the key path must not be empty');
  const step = (cur: Value, i: number): Value => {
    checkAssociative('update-in', cur);
    const k = keys[i] as Value;
    const old = lookup(cur, k) ?? null;
    const nv = i === keys.length - 1 ? callWith(f, old, args, 3) : step(old, i + 1);
    return assoc1('update-in', cur, k, nv);
  };
  return step(m, 0);
}

function dissoc(args: readonly Value[]): Value {
  const m = args[0] as Value;
  if (m === null) return null;
  if (!(m instanceof RMap)) throw typeError('dissoc', 'a map or nil', m);
  let out = m;
  for (let i = 1; i < args.length; i++) out = out.dissoc(args[i] as Value);
  return out;
}

function mapArg(fn: string, m: Value): RMap | null {
  if (m === null || m instanceof RMap) return m;
  throw typeError(fn, 'a map or nil', m);
}

function keys(m: Value): Value {
  const map = mapArg('keys', m);
  return map === null ? RVector.EMPTY : RVector.from(map.keys());
}

function vals(m: Value): Value {
  const map = mapArg('vals', m);
  return map === null ? RVector.EMPTY : RVector.from(map.vals());
}

/** Later maps win; nil arguments are skipped; no maps at all gives nil. */
function mergeWith(fn: string, f: Value | undefined, maps: readonly Value[], from: number): Value {
  let out: RMap | null = null;
  for (let i = from; i < maps.length; i++) {
    const m = mapArg(fn, maps[i] as Value);
    if (m === null) continue;
    if (out === null) {
      out = m;
      continue;
    }
    const acc: MapBuilder = new MapBuilder(out);
    m.forEach((v, k) => {
      if (f !== undefined) {
        const old = acc.get(k);
        acc.assoc(k, old === undefined ? v : call2(f, old, v));
      } else acc.assoc(k, v);
    });
    out = acc.build();
  }
  return out;
}

function selectKeys(m: Value, ks: Value): Value {
  const map = mapArg('select-keys', m);
  const flat: Value[] = [];
  if (map !== null) {
    for (const k of path('select-keys', ks)) {
      const v = map.get(k);
      if (v !== undefined) flat.push(k, v);
    }
  }
  return RMap.fromFlat(flat);
}

/** Keys of maps; values of vectors and lists (as the reference); substrings of strings. */
function contains(coll: Value, x: Value): Value {
  if (coll === null) return false;
  if (typeof coll === 'string') return typeof x === 'string' && coll.includes(x);
  if (coll instanceof RMap) return coll.has(x);
  if (typeof coll === 'object' && (coll.kind === 'vector' || coll.kind === 'list')) {
    for (const item of seqItems(coll, 'contains?')) if (equals(item, x)) return true;
    return false;
  }
  throw typeError('contains?', 'a map, vector, list, string or nil', coll);
}

function find(m: Value, k: Value): Value {
  if (m === null) return null;
  if (m instanceof RMap) {
    const v = m.get(k);
    return v === undefined ? null : RVector.of(k, v);
  }
  if (m instanceof RVector) {
    const v = typeof k === 'number' ? m.get(k) : undefined;
    return v === undefined ? null : RVector.of(k, v);
  }
  throw typeError('find', 'a map, vector or nil', m);
}

function zipmap(ks: Value, vs: Value): Value {
  const a = seqItems(ks, 'zipmap');
  const b = seqItems(vs, 'zipmap');
  const flat: Value[] = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) flat.push(a[i] as Value, b[i] as Value);
  return RMap.fromFlat(flat);
}

/** Rebuilds nested maps, vectors and lists with `rekey` applied to every map key. */
function walkKeys(v: Value, rekey: (k: Value) => Value): Value {
  if (typeof v !== 'object' || v === null) return v;
  if (v instanceof RMap) {
    const flat: Value[] = [];
    v.forEach((val, k) => flat.push(rekey(k), walkKeys(val, rekey)));
    return RMap.fromFlat(flat);
  }
  if (v instanceof RVector) return RVector.from(v.toArray().map((x) => walkKeys(x, rekey)));
  if (v.kind === 'list') return new RList(v.items.map((x) => walkKeys(x, rekey)));
  return v;
}

function reduceKv(f: Value, init: Value, coll: Value): Value {
  if (!isCallable(f)) throw typeError('reduce-kv', 'a function', f);
  const call =
    f instanceof Fn
      ? (a: Value, k: Value, v: Value) => f.call3(a, k, v)
      : (a: Value, k: Value, v: Value) => applyFn(f, [a, k, v]);
  let acc = init;
  if (coll === null) return acc;
  if (coll instanceof RMap) {
    coll.forEach((v, k) => (acc = call(acc, k, v)));
    return acc;
  }
  if (coll instanceof RVector) {
    for (let i = 0; i < coll.count; i++) acc = call(acc, i, coll.get(i) as Value);
    return acc;
  }
  throw typeError('reduce-kv', 'a map, vector or nil', coll);
}

/** Operations that never keep their first argument (see owned.ts). */
const OWNED_OPS = new Set(['assoc', 'update', 'assoc-in', 'update-in']);

export const mapBuiltins: readonly Builtin[] = [
  ...def('get', 2, 3, get, undefined, get2),
  ...def('get-in', 2, 3, getIn, undefined, (m, ks) => getIn(m, ks)),
  new ArrayBuiltin('assoc', 3, Infinity, assoc, undefined, undefined, assocEntry),
  ...def('assoc-in', 3, 3, (m, ks, v) => {
    const keys = path('assoc-in', ks);
    if (keys.length === 0) throw invalidArg('assoc-in', 'the key path must not be empty');
    return assocIn(m, keys, 0, v);
  }),
  ...defa('dissoc', 1, Infinity, dissoc),
  new ArrayBuiltin('update', 3, Infinity, update, undefined, undefined, updateEntry),
  ...defa('update-in', 3, Infinity, updateIn),
  ...def('keys', 1, 1, keys, keys),
  ...def('vals', 1, 1, vals, vals),
  ...defa('merge', 0, Infinity, (ms) => mergeWith('merge', undefined, ms, 0)),
  ...defa('merge-with', 1, Infinity, (args) => {
    const f = args[0] as Value;
    if (!isCallable(f)) throw typeError('merge-with', 'a function', f);
    return mergeWith('merge-with', f, args, 1);
  }),
  ...def('select-keys', 2, 2, selectKeys),
  ...def('contains?', 2, 2, contains, undefined, contains),
  ...def('find', 2, 2, find),
  ...def('zipmap', 2, 2, zipmap),
  ...def('keywordize-keys', 1, 1, (v) =>
    walkKeys(v, (k) => (typeof k === 'string' ? Keyword.of(k) : k)),
  ),
  ...def('stringify-keys', 1, 1, (v) => walkKeys(v, (k) => (k instanceof Keyword ? k.name : k))),
  ...def('reduce-kv', 3, 3, reduceKv),
];
for (const b of mapBuiltins) if (OWNED_OPS.has(b.name ?? '')) b.acceptsOwned = true;
