/**
 * The in-place representation of big maps under construction, for maps whose keys all
 * compare with `===` (keywords, which are interned, strings, integers, booleans and
 * nil): a {@link Table}. A JS `Map` from key to position, in insertion order (a re-set
 * key keeps its first position, exactly the order RMap promises), is shared,
 * append-only, by every table derived from one another; the values are an array of
 * each table's own. A map built by an owner (`reduce` with an owned accumulator,
 * `into`, `MapBuilder`) lives in one such table instead of a trie.
 *
 * A table changes in place only while its map is owned by the token that built it
 * (see RMap.assocOwned); once anything derives a new map from it persistently, the
 * map gets a trie of the same entries (built once, cached) and the table is frozen:
 * it only answers lookups. A new owner of a frozen table copies only the values
 * ({@link Table.copy}); see docs/adr/0020-collection-fast-paths.md and
 * docs/adr/0034-shared-key-columns.md.
 */
import type { Value } from './value.js';
import { type HNode, EMPTY_NODE, assocNode, changed, keyHash } from './hamt.js';

/**
 * Entries in columns: `index` maps each key to its position, in insertion order (a
 * JS `Map` iterates in insertion order, and positions are given in that order, so
 * the map's own order is the keys' order). It is shared with the tables this one was
 * copied from or to, and only ever appended to, by the one table whose `size` is its
 * size (the longest, as vectors share their array, ADR 0002); positions at or past a
 * table's `size` belong to others. `vals` is this table's alone.
 */
export class Table {
  private constructor(
    private index: Map<Value, number>,
    private readonly vals: Value[],
    private n: number,
  ) {}

  static empty(): Table {
    return new Table(new Map(), [], 0);
  }

  get size(): number {
    return this.n;
  }

  get(k: Value): Value | undefined {
    const i = this.index.get(k);
    return i !== undefined && i < this.n ? this.vals[i] : undefined;
  }

  has(k: Value): boolean {
    const i = this.index.get(k);
    return i !== undefined && i < this.n;
  }

  /** The position of `k` in this table (-1 when absent): for {@link valueAt}/{@link setAt}. */
  slot(k: Value): number {
    const i = this.index.get(k);
    return i !== undefined && i < this.n ? i : -1;
  }

  /** The value at a position {@link slot} gave. */
  valueAt(i: number): Value {
    return this.vals[i] as Value;
  }

  /** Replaces the value at a position {@link slot} gave, in place (the owner only). */
  setAt(i: number, v: Value): void {
    this.vals[i] = v;
  }

  /** Sets `k` → `v` in place (for the table's owner only). */
  set(k: Value, v: Value): void {
    // One path for both cases (a new key is stored at `n`, which appends): a loop that
    // first adds keys and later only replaces values runs code V8 has already seen.
    const n = this.n;
    const i = this.index.get(k) ?? n;
    this.vals[i < n ? i : this.append(k)] = v;
  }

  /** Gives `k` the next position (the caller stores its value there). */
  private append(k: Value): number {
    if (this.index.size !== this.n) this.detach();
    const i = this.n++;
    this.index.set(k, i);
    return i;
  }

  /** A table of the same entries whose values a new owner may change (keys shared). */
  copy(): Table {
    return new Table(this.index, this.vals.slice(), this.n);
  }

  /** The entries as `[k0 v0 k1 v1 …]`, in insertion order (a fresh array). */
  flat(): Value[] {
    const n = this.n;
    const out = new Array<Value>(2 * n);
    let i = 0;
    for (const k of this.index.keys()) {
      if (i === n) break;
      out[2 * i] = k;
      out[2 * i + 1] = this.vals[i] as Value;
      i++;
    }
    return out;
  }

  /** An index of its own of this table's `size` keys, before appending past another's. */
  private detach(): void {
    const index = new Map<Value, number>();
    let i = 0;
    for (const k of this.index.keys()) {
      if (i === this.n) break;
      index.set(k, i++);
    }
    this.index = index;
  }
}

/** True when `k` equals another key exactly when it is `===` to it (so a Map finds it). */
export function isPlainKey(k: Value): boolean {
  return typeof k !== 'object' || k === null || k.kind === 'keyword';
}

/** A table of the flat `[k0 v0 k1 v1 …]` entries, or undefined when a key is not plain. */
export function tableOf(kvs: readonly Value[]): Table | undefined {
  const t = Table.empty();
  for (let i = 0; i < kvs.length; i += 2) {
    const k = kvs[i] as Value;
    if (!isPlainKey(k)) return undefined;
    t.set(k, kvs[i + 1] as Value);
  }
  return t;
}

/** A trie of the table's entries, numbered in the table's order (0…size-1). */
export function trieOfTable(t: Table, edit: object): HNode {
  const kvs = t.flat();
  let root = EMPTY_NODE;
  for (let i = 0; i < kvs.length; i += 2) {
    const k = kvs[i] as Value;
    changed.size = false;
    root = assocNode(root, 0, keyHash(k), k, kvs[i + 1] as Value, i >> 1, edit);
  }
  return root;
}
