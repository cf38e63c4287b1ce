import { OrderedMap } from 'immutable';
import { NodeSpan } from '../source/index.js';
import type { Value } from './value.js';
import { equals, hashValue } from './equality.js';

/** Maps with more entries than this switch from a flat array to a HAMT. */
const ARRAY_MAP_MAX = 16;

/**
 * An immutable map that keeps insertion order and accepts any value as a key, with
 * structural equality (`[1 2]`, `1.0` and `:k` are all distinct, usable keys).
 *
 * Small maps (the common case in plans) are a flat `[k0 v0 k1 v1 …]` array searched
 * linearly (keywords compare by identity); larger ones are an immutable.js
 * `OrderedMap`, a persistent hash trie, so `assoc` never copies the whole map.
 * See docs/adr/0002-collections.md for the measurements behind the threshold.
 */
export class RMap {
  readonly kind = 'map' as const;
  private hash: number | undefined = undefined;

  private constructor(
    private readonly kvs: readonly Value[] | undefined,
    private readonly big: OrderedMap<Value, Value> | undefined,
    /** When read from source: the map's span; its children are `[k0 v0 k1 v1 …]`. */
    readonly span: NodeSpan | undefined = undefined,
    readonly meta: RMap | undefined = undefined,
  ) {}

  static readonly EMPTY = new RMap([], undefined);

  /**
   * A map from alternating keys and values (the array is taken over, not copied); a
   * repeated key keeps its first position and its last value.
   */
  static fromFlat(kvs: Value[], span?: NodeSpan): RMap {
    const n = kvs.length;
    if (n % 2 !== 0) throw new Error(`RMap.fromFlat: odd number of keys and values (${n})`);
    if (n <= ARRAY_MAP_MAX * 2) {
      if (!hasDuplicateKey(kvs)) return new RMap(kvs, undefined, span);
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
        span && NodeSpan.of(span.source, span.start, span.end, offsets),
      );
    }
    const big = OrderedMap<Value, Value>().withMutations((m) => {
      for (let i = 0; i < n; i += 2) m.set(kvs[i] as Value, kvs[i + 1] as Value);
    });
    return new RMap(undefined, big, big.size * 2 === n ? span : undefined);
  }

  static of(...kvs: Value[]): RMap {
    return RMap.fromFlat(kvs);
  }

  get size(): number {
    return this.kvs ? this.kvs.length >> 1 : (this.big as OrderedMap<Value, Value>).size;
  }

  /** The value under `k`, or undefined when absent. */
  get(k: Value): Value | undefined {
    const kvs = this.kvs;
    if (kvs) {
      const i = indexOfKey(kvs, k);
      return i >= 0 ? kvs[i + 1] : undefined;
    }
    return (this.big as OrderedMap<Value, Value>).get(k);
  }

  has(k: Value): boolean {
    return this.kvs ? indexOfKey(this.kvs, k) >= 0 : (this.big as OrderedMap<Value, Value>).has(k);
  }

  assoc(k: Value, v: Value): RMap {
    const kvs = this.kvs;
    if (kvs) {
      const i = indexOfKey(kvs, k);
      if (i >= 0) {
        if (kvs[i + 1] === v) return this;
        const copy = kvs.slice();
        copy[i + 1] = v;
        return new RMap(copy, undefined, undefined, this.meta);
      }
      if (kvs.length < ARRAY_MAP_MAX * 2) {
        const copy = kvs.slice();
        copy.push(k, v);
        return new RMap(copy, undefined, undefined, this.meta);
      }
      return new RMap(undefined, toBig(kvs).set(k, v), undefined, this.meta);
    }
    return new RMap(
      undefined,
      (this.big as OrderedMap<Value, Value>).set(k, v),
      undefined,
      this.meta,
    );
  }

  dissoc(k: Value): RMap {
    const kvs = this.kvs;
    if (kvs) {
      const i = indexOfKey(kvs, k);
      if (i < 0) return this;
      const copy = kvs.slice();
      copy.splice(i, 2);
      return new RMap(copy, undefined, undefined, this.meta);
    }
    const big = this.big as OrderedMap<Value, Value>;
    if (!big.has(k)) return this;
    const next = big.delete(k);
    if (next.size <= ARRAY_MAP_MAX / 2) {
      const flat: Value[] = [];
      next.forEach((v, key) => {
        flat.push(key, v);
      });
      return new RMap(flat, undefined, undefined, this.meta);
    }
    return new RMap(undefined, next, undefined, this.meta);
  }

  withMeta(meta: RMap | undefined): RMap {
    return new RMap(this.kvs, this.big, this.span, meta);
  }

  /** Calls `fn(value, key)` for each entry in insertion order. */
  forEach(fn: (v: Value, k: Value) => void): void {
    const kvs = this.kvs;
    if (kvs) {
      for (let i = 0; i < kvs.length; i += 2) fn(kvs[i + 1] as Value, kvs[i] as Value);
    } else {
      (this.big as OrderedMap<Value, Value>).forEach((v, k) => {
        fn(v, k);
      });
    }
  }

  /** Keys and values alternating, in insertion order (a fresh array). */
  toFlat(): Value[] {
    if (this.kvs) return this.kvs.slice();
    const out: Value[] = [];
    this.forEach((v, k) => out.push(k, v));
    return out;
  }

  keys(): Value[] {
    const out: Value[] = [];
    this.forEach((_v, k) => out.push(k));
    return out;
  }

  vals(): Value[] {
    const out: Value[] = [];
    this.forEach((v) => out.push(v));
    return out;
  }

  *entries(): IterableIterator<[Value, Value]> {
    const kvs = this.kvs;
    if (kvs) {
      for (let i = 0; i < kvs.length; i += 2) yield [kvs[i] as Value, kvs[i + 1] as Value];
    } else {
      yield* (this.big as OrderedMap<Value, Value>).entries();
    }
  }

  equals(other: unknown): boolean {
    return equals(this, other as Value);
  }

  hashCode(): number {
    if (this.hash === undefined) this.hash = hashValue(this);
    return this.hash;
  }
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

function toBig(kvs: readonly Value[]): OrderedMap<Value, Value> {
  return OrderedMap<Value, Value>().withMutations((m) => {
    for (let i = 0; i < kvs.length; i += 2) m.set(kvs[i] as Value, kvs[i + 1] as Value);
  });
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
