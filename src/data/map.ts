import { NodeSpan } from '../source/index.js';
import type { Value } from './value.js';
import { equals, hashValue } from './equality.js';
import {
  type HNode,
  EMPTY_NODE,
  assocNode,
  changed,
  collect,
  dissocNode,
  getNode,
  keyHash,
  singleRoot,
} from './hamt.js';
import { type Table, isPlainKey, tableOf, trieOfTable } from './map-table.js';

/** Maps with more entries than this switch from a flat array to a HAMT. */
const ARRAY_MAP_MAX = 16;

/**
 * An immutable map that keeps insertion order and accepts any value as a key, with
 * structural equality (`[1 2]`, `1.0` and `:k` are all distinct, usable keys).
 *
 * Small maps (the common case in plans) are a flat `[k0 v0 k1 v1 …]` array searched
 * linearly (keywords compare by identity); larger ones are a persistent hash trie
 * (src/data/hamt.ts) whose entries carry their insertion number, so `assoc` never
 * copies the whole map and the order is rebuilt (once per map, lazily) only when the
 * map is walked. See docs/adr/0002-collections.md for the measurements.
 *
 * A big map built in place by an owner (a `reduce` with an owned accumulator, a
 * {@link MapBuilder}) whose keys are all plain (keywords, strings, integers…) is a
 * table instead (src/data/map-table.ts: a JS `Map` from key to position, shared, and
 * its own array of values): changed in place while owned, then frozen; the first
 * persistent change derives a trie from it, once (docs/adr/0020, 0034).
 */
export class RMap {
  readonly kind = 'map' as const;
  private hash: number | undefined = undefined;
  /** Big maps: `[k0 v0 k1 v1 …]` in insertion order, built on the first walk. */
  private ordered: Value[] | undefined = undefined;

  private constructor(
    private readonly kvs: readonly Value[] | undefined,
    /** Big maps: the trie (for a table map, derived on first need; see {@link trie}). */
    private root: HNode | undefined,
    /** Big maps: the number of entries and the insertion number of the next new key. */
    private bigSize: number,
    private nextSeq: number,
    /** When read from source: the map's span; its children are `[k0 v0 k1 v1 …]`. */
    readonly span: NodeSpan | undefined = undefined,
    readonly meta: RMap | undefined = undefined,
    /** Table maps: the entries in columns (src/data/map-table.ts). */
    private readonly table: Table | undefined = undefined,
    /** Table maps: the token that may change `table` in place (undefined once frozen). */
    private owner: object | undefined = undefined,
  ) {}

  /** A table map over `t`, changed in place under `owner` until frozen. */
  private static ofTable(t: Table, owner: object | undefined, meta: RMap | undefined): RMap {
    return new RMap(undefined, undefined, t.size, t.size, undefined, meta, t, owner);
  }

  /**
   * The trie of a big map. A table map derives it once, and from then on its table is
   * frozen (it only answers lookups), so the trie stays true to it.
   */
  private trie(): HNode {
    if (this.root === undefined) {
      const t = this.table as Table;
      this.owner = undefined;
      this.bigSize = t.size;
      this.nextSeq = t.size;
      this.root = trieOfTable(t, {});
    }
    return this.root;
  }

  static readonly EMPTY = new RMap([], undefined, 0, 0);

  /**
   * A map from alternating keys and values (the array is taken over, not copied); a
   * repeated key keeps its first position and its last value.
   */
  static fromFlat(kvs: Value[], span?: NodeSpan): RMap {
    const n = kvs.length;
    if (n % 2 !== 0) throw new Error(`RMap.fromFlat: odd number of keys and values (${n})`);
    if (n <= ARRAY_MAP_MAX * 2) {
      if (!hasDuplicateKey(kvs)) return new RMap(kvs, undefined, 0, 0, span);
      const out: Value[] = [];
      const offsets: number[] = [];
      for (let i = 0; i < n; i += 2) {
        const k = kvs[i] as Value;
        const at = indexOfKey(out, k);
        if (at >= 0) {
          out[at + 1] = kvs[i + 1] as Value;
          if (span) {
            offsets[2 * at + 2] = span.childStart(i + 1);
            offsets[2 * at + 3] = span.childEnd(i + 1);
          }
        } else {
          out.push(k, kvs[i + 1] as Value);
          if (span) {
            offsets.push(
              span.childStart(i),
              span.childEnd(i),
              span.childStart(i + 1),
              span.childEnd(i + 1),
            );
          }
        }
      }
      return new RMap(
        out,
        undefined,
        0,
        0,
        span && NodeSpan.of(span.source, span.start, span.end, offsets),
      );
    }
    const big = buildBig(kvs);
    return new RMap(undefined, big.root, big.size, big.size, big.size * 2 === n ? span : undefined);
  }

  static of(...kvs: Value[]): RMap {
    return RMap.fromFlat(kvs);
  }

  get size(): number {
    if (this.kvs) return this.kvs.length >> 1;
    return this.table ? this.table.size : this.bigSize;
  }

  /** The value under `k`, or undefined when absent. */
  get(k: Value): Value | undefined {
    const kvs = this.kvs;
    if (kvs) {
      const i = indexOfKey(kvs, k);
      return i >= 0 ? kvs[i + 1] : undefined;
    }
    if (this.table) return this.table.get(k);
    return getNode(this.root as HNode, k, keyHash(k));
  }

  has(k: Value): boolean {
    if (this.table) return this.table.has(k);
    return this.kvs
      ? indexOfKey(this.kvs, k) >= 0
      : getNode(this.root as HNode, k, keyHash(k)) !== undefined;
  }

  assoc(k: Value, v: Value): RMap {
    const kvs = this.kvs;
    if (kvs) {
      const i = indexOfKey(kvs, k);
      if (i >= 0) {
        if (kvs[i + 1] === v) return this;
        const copy = kvs.slice();
        copy[i + 1] = v;
        return new RMap(copy, undefined, 0, 0, undefined, this.meta);
      }
      if (kvs.length < ARRAY_MAP_MAX * 2) {
        const copy = kvs.slice();
        copy.push(k, v);
        return new RMap(copy, undefined, 0, 0, undefined, this.meta);
      }
      const copy = kvs.slice();
      copy.push(k, v);
      const big = buildBig(copy);
      return new RMap(undefined, big.root, big.size, big.size, undefined, this.meta);
    }
    const root = this.trie();
    changed.size = false;
    const next = assocNode(root, 0, keyHash(k), k, v, this.nextSeq, null);
    return next === root ? this : this.withRoot(next);
  }

  /** A big map over `root`, which {@link assocNode} just returned (`changed` is set). */
  private withRoot(root: HNode): RMap {
    const added = changed.size ? 1 : 0;
    return new RMap(
      undefined,
      root,
      this.bigSize + added,
      this.nextSeq + added,
      undefined,
      this.meta,
    );
  }

  /**
   * A new map object over the same entries, for an accumulator that only `reduce` and
   * one operation per step ever see (src/builtins/owned.ts).
   */
  ownedCopy(edit?: object, expectedWrites = 0): RMap {
    const t = this.table;
    if (t === undefined || this.root !== undefined)
      return new RMap(this.kvs, this.root, this.bigSize, this.nextSeq, undefined, this.meta);
    // A table map: copy the table (its values; the key columns are shared) when the
    // writes to come pay for it, else derive the trie (once per map).
    if (edit !== undefined && expectedWrites * 8 >= t.size)
      return RMap.ofTable(t.copy(), edit, this.meta);
    const root = this.trie();
    return new RMap(undefined, root, this.bigSize, this.nextSeq, undefined, this.meta);
  }

  /**
   * {@link assoc} that may change, in place, trie nodes created under `edit` (a
   * transient's token): only for a map no one else can see. Always a new map object.
   */
  assocOwned(k: Value, v: Value, edit: object): RMap {
    const kvs = this.kvs;
    if (kvs) {
      if (kvs.length < ARRAY_MAP_MAX * 2 || indexOfKey(kvs, k) >= 0) return this.assoc(k, v);
      const copy = kvs.slice();
      copy.push(k, v);
      const t = tableOf(copy);
      if (t !== undefined) return RMap.ofTable(t, edit, this.meta);
      const big = buildBig(copy, edit);
      return new RMap(undefined, big.root, big.size, big.size, undefined, this.meta);
    }
    const t = this.table;
    if (t !== undefined && this.owner === edit && this.root === undefined) {
      if (isPlainKey(k)) {
        t.set(k, v);
        // Cleared only when set: a store, even of undefined, may run the write barrier.
        if (this.ordered !== undefined) this.ordered = undefined;
        if (this.hash !== undefined) this.hash = undefined;
        return this;
      }
      // A key a table cannot hold: the entries move to a trie this owner may edit.
      this.owner = undefined;
      this.bigSize = t.size;
      this.nextSeq = t.size;
      this.root = trieOfTable(t, edit);
    }
    changed.size = false;
    return this.withRoot(assocNode(this.trie(), 0, keyHash(k), k, v, this.nextSeq, edit));
  }

  /**
   * Where `k` is in the table of a map `edit` owns, for an update in place with one
   * lookup ({@link ownedValue}, {@link setOwned}); -1 when the map is not such a map or
   * has no `k` (the caller then updates as {@link assocOwned} does).
   * @internal
   */
  ownedSlot(k: Value, edit: object): number {
    const t = this.table;
    return t !== undefined && this.owner === edit && this.root === undefined ? t.slot(k) : -1;
  }

  /** The value at a position {@link ownedSlot} gave. @internal */
  ownedValue(i: number): Value {
    return (this.table as Table).valueAt(i);
  }

  /** Replaces the value at a position {@link ownedSlot} gave, in place. @internal */
  setOwned(i: number, v: Value): RMap {
    (this.table as Table).setAt(i, v);
    // Cleared only when set (as in assocOwned).
    if (this.ordered !== undefined) this.ordered = undefined;
    if (this.hash !== undefined) this.hash = undefined;
    return this;
  }

  dissoc(k: Value): RMap {
    const kvs = this.kvs;
    if (kvs) {
      const i = indexOfKey(kvs, k);
      if (i < 0) return this;
      const copy = kvs.slice();
      copy.splice(i, 2);
      return new RMap(copy, undefined, 0, 0, undefined, this.meta);
    }
    if (this.table && !this.table.has(k)) return this;
    const root = this.trie();
    changed.size = false;
    const next = dissocNode(root, 0, keyHash(k), k);
    if (next === root || !changed.size) return this;
    const size = this.bigSize - 1;
    if (size <= ARRAY_MAP_MAX / 2 || next === null) {
      const flat = next === null ? [] : orderedEntries(next, size, this.nextSeq);
      return new RMap(flat, undefined, 0, 0, undefined, this.meta);
    }
    const top = next.nodeMap === 0 && next.data.length === 3 ? singleRoot(next.data) : next;
    return new RMap(undefined, top, size, this.nextSeq, undefined, this.meta);
  }

  withMeta(meta: RMap | undefined): RMap {
    // Two map objects over one table: neither may change it any more.
    this.owner = undefined;
    return new RMap(
      this.kvs,
      this.root,
      this.bigSize,
      this.nextSeq,
      this.span,
      meta,
      this.table,
      undefined,
    );
  }

  /** Keys and values alternating in insertion order (shared: never change it). */
  private flat(): readonly Value[] {
    if (this.kvs) return this.kvs;
    if (this.table) return (this.ordered ??= this.table.flat());
    this.ordered ??= orderedEntries(this.root as HNode, this.bigSize, this.nextSeq);
    return this.ordered;
  }

  /** Calls `fn(value, key)` for each entry in insertion order. */
  forEach(fn: (v: Value, k: Value) => void): void {
    const kvs = this.flat();
    for (let i = 0; i < kvs.length; i += 2) fn(kvs[i + 1] as Value, kvs[i] as Value);
  }

  /** Keys and values alternating, in insertion order (a fresh array). */
  toFlat(): Value[] {
    return this.flat().slice();
  }

  keys(): Value[] {
    const kvs = this.flat();
    const out = new Array<Value>(kvs.length >> 1);
    for (let i = 0; i < kvs.length; i += 2) out[i >> 1] = kvs[i] as Value;
    return out;
  }

  vals(): Value[] {
    const kvs = this.flat();
    const out = new Array<Value>(kvs.length >> 1);
    for (let i = 0; i < kvs.length; i += 2) out[i >> 1] = kvs[i + 1] as Value;
    return out;
  }

  *entries(): IterableIterator<[Value, Value]> {
    const kvs = this.flat();
    for (let i = 0; i < kvs.length; i += 2) yield [kvs[i] as Value, kvs[i + 1] as Value];
  }

  equals(other: unknown): boolean {
    return equals(this, other as Value);
  }

  hashCode(): number {
    if (this.hash === undefined) this.hash = hashValue(this);
    return this.hash;
  }
}

/**
 * Builds a map from `start` by repeated `assoc`, in place (a transient private to the
 * builder): `start` itself never changes. Call {@link MapBuilder.build} once, at the end.
 */
export class MapBuilder {
  private readonly edit = {};
  private m: RMap;
  private built = false;

  constructor(start: RMap) {
    this.m = start;
  }

  get(k: Value): Value | undefined {
    return this.m.get(k);
  }

  assoc(k: Value, v: Value): void {
    if (this.built) throw new Error('MapBuilder: assoc after build');
    // The first change copies the start object; `start` keeps its entries (its nodes
    // are not owned by this builder, so they are copied before any write).
    this.m = this.m.assocOwned(k, v, this.edit);
  }

  /** The map built (`start` itself when nothing was added). */
  build(): RMap {
    this.built = true;
    return this.m;
  }
}

/** A trie of the entries of `kvs`, built in place (no one else sees its nodes). */
function buildBig(kvs: readonly Value[], edit: object = {}): { root: HNode; size: number } {
  let root = EMPTY_NODE;
  let size = 0;
  for (let i = 0; i < kvs.length; i += 2) {
    const k = kvs[i] as Value;
    changed.size = false;
    root = assocNode(root, 0, keyHash(k), k, kvs[i + 1] as Value, size, edit);
    if (changed.size) size++;
  }
  return { root, size };
}

/** The entries under `root` as `[k0 v0 k1 v1 …]`, in insertion (`seq`) order. */
function orderedEntries(root: HNode, size: number, nextSeq: number): Value[] {
  const t: Value[] = [];
  collect(root, t);
  const out = new Array<Value>(2 * size);
  if (nextSeq <= 4 * size + 64) {
    // Insertion numbers are dense enough to place each entry directly.
    const at = new Int32Array(nextSeq);
    for (let i = 0; i < t.length; i += 3) at[t[i + 2] as number] = i + 1;
    let o = 0;
    for (let s = 0; s < nextSeq; s++) {
      const i = (at[s] as number) - 1;
      if (i < 0) continue;
      out[o++] = t[i] as Value;
      out[o++] = t[i + 1] as Value;
    }
    return out;
  }
  const idx: number[] = [];
  for (let i = 0; i < t.length; i += 3) idx.push(i);
  idx.sort((a, b) => (t[a + 2] as number) - (t[b + 2] as number));
  for (let j = 0; j < idx.length; j++) {
    out[2 * j] = t[idx[j] as number] as Value;
    out[2 * j + 1] = t[(idx[j] as number) + 1] as Value;
  }
  return out;
}

function hasDuplicateKey(kvs: readonly Value[]): boolean {
  for (let i = 2; i < kvs.length; i += 2) {
    const k = kvs[i] as Value;
    for (let j = 0; j < i; j += 2) {
      const o = kvs[j] as Value;
      if (o === k || (typeof k === 'object' && k !== null && k.kind !== 'keyword' && equals(o, k)))
        return true;
    }
  }
  return false;
}

/** Index of key `k` in a flat `[k v …]` array, or -1. */
function indexOfKey(kvs: readonly Value[], k: Value): number {
  const n = kvs.length;
  if (typeof k !== 'object' || k === null || k.kind === 'keyword') {
    for (let i = 0; i < n; i += 2) if (kvs[i] === k) return i;
    return -1;
  }
  // Identity first, as immutable.js `is` (big maps) and Clojure do: a ##NaN key is found.
  for (let i = 0; i < n; i += 2) if (kvs[i] === k || equals(kvs[i] as Value, k)) return i;
  return -1;
}
