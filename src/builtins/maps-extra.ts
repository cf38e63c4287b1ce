/**
 * More of Clojure's map functions: `rename-keys` (clojure.set's, which plans use on
 * maps), `update-keys` and `update-vals` (clojure.core 1.11). Maps keep insertion order.
 */
import { type Value, MapBuilder, RMap } from '../data/index.js';
import type { Builtin } from '../runtime/fn.js';
import { call1, isCallable } from '../runtime/apply.js';
import { charge } from '../runtime/budget.js';
import { def, typeError } from './support.js';

function mapArg(fn: string, m: Value): RMap | null {
  if (m === null || m instanceof RMap) return m;
  throw typeError(fn, 'a map or nil', m);
}

/**
 * `(rename-keys m {old new …})`: each old key present in m is renamed (keys that are
 * swapped, `{:a :b :b :a}`, swap their values); nil stays nil.
 */
function renameKeys(m: Value, kmap: Value): Value {
  const map = mapArg('rename-keys', m);
  if (!(kmap instanceof RMap)) throw typeError('rename-keys', 'a map of old to new keys', kmap);
  if (map === null) return null;
  let out = map;
  kmap.forEach((_, old) => {
    out = out.dissoc(old);
  });
  kmap.forEach((to, old) => {
    const v = map.get(old);
    if (v !== undefined) out = out.assoc(to, v);
  });
  return out;
}

/** `(update-keys m f)` / `(update-vals m f)`: a map with f applied to each key or value. */
function updateEntries(fn: string, m: Value, f: Value, keys: boolean): Value {
  const map = mapArg(fn, m);
  if (!isCallable(f)) throw typeError(fn, 'a function', f);
  if (map === null) return RMap.EMPTY;
  charge(map.size);
  const b = new MapBuilder(keys ? RMap.EMPTY : map);
  map.forEach((v, k) => {
    if (keys) b.assoc(call1(f, k), v);
    else b.assoc(k, call1(f, v));
  });
  return b.build();
}

export const mapExtraBuiltins: readonly Builtin[] = [
  ...def(['rename-keys', 'clojure.set/rename-keys', 'set/rename-keys'], 2, 2, renameKeys),
  ...def('update-keys', 2, 2, (m, f) => updateEntries('update-keys', m, f, true)),
  ...def('update-vals', 2, 2, (m, f) => updateEntries('update-vals', m, f, false)),
];
