/**
 * The in-place representation of big maps under construction: a JS `Map`, for maps
 * whose keys all compare with `===` (keywords, which are interned, strings, integers,
 * booleans and nil). JS `Map` keeps insertion order and keeps a re-set key in its
 * first position, exactly the order RMap promises, so a map built by an owner
 * (`reduce` with an owned accumulator, `into`, `MapBuilder`) can live in one hash
 * table instead of a trie.
 *
 * A table changes in place only while its map is owned by the token that built it
 * (see RMap.assocOwned); once anything derives a new map from it persistently, the
 * map gets a trie of the same entries (built once, cached) and the table is frozen:
 * it only answers lookups. See docs/adr/0020-collection-fast-paths.md.
 */
import type { Value } from './value.js';
import { type HNode, EMPTY_NODE, assocNode, changed, keyHash } from './hamt.js';

export type Table = Map<Value, Value>;

/** True when `k` equals another key exactly when it is `===` to it (so a Map finds it). */
export function isPlainKey(k: Value): boolean {
  return typeof k !== 'object' || k === null || k.kind === 'keyword';
}

/** A table of the flat `[k0 v0 k1 v1 …]` entries, or undefined when a key is not plain. */
export function tableOf(kvs: readonly Value[]): Table | undefined {
  const t: Table = new Map();
  for (let i = 0; i < kvs.length; i += 2) {
    const k = kvs[i] as Value;
    if (!isPlainKey(k)) return undefined;
    t.set(k, kvs[i + 1] as Value);
  }
  return t;
}

/** A trie of the table's entries, numbered in the table's order (0…size-1). */
export function trieOfTable(t: Table, edit: object): HNode {
  let root = EMPTY_NODE;
  let seq = 0;
  for (const [k, v] of t) {
    changed.size = false;
    root = assocNode(root, 0, keyHash(k), k, v, seq++, edit);
  }
  return root;
}

/** The table's entries as `[k0 v0 k1 v1 …]`, in insertion order. */
export function flatOfTable(t: Table): Value[] {
  const out = new Array<Value>(2 * t.size);
  let i = 0;
  for (const [k, v] of t) {
    out[i++] = k;
    out[i++] = v;
  }
  return out;
}
