import type { NodeSpan } from '../source/index.js';
import type { Value } from './value.js';
import type { RMap } from './map.js';
import { equals, hashValue } from './equality.js';
import { type VTrie, trieAssoc, trieConj, trieGet, trieOf, trieToArray } from './vector-trie.js';

/** The `arr` of trie vectors (never read, never changed). */
const NO_ARR: Value[] = [];

/**
 * An immutable vector over a JS array that may be shared with longer vectors.
 *
 * `conj` appends in place when this vector is the longest owner of its array
 * (`arr.length === count`) and copies otherwise, so building a vector by repeated
 * `conj` is amortised O(1) while every earlier vector still sees exactly its own
 * `count` elements. Never hand out `arr` itself: it can grow.
 *
 * `assoc` on a vector of more than 32 elements moves it to a persistent trie with a
 * tail buffer (src/data/vector-trie.ts), where `assoc` copies one path instead of the
 * whole array and `conj` still appends to a shared tail in place; vectors built only by
 * `conj` stay flat, so `nth` on them is one array read (docs/adr/0020).
 */
export class RVector {
  readonly kind = 'vector' as const;
  private hash: number | undefined = undefined;

  constructor(
    private readonly arr: Value[],
    readonly count: number = arr.length,
    readonly span: NodeSpan | undefined = undefined,
    readonly meta: RMap | undefined = undefined,
  ) {}

  /** Set for trie vectors (`arr` is then unused); only {@link ofTrie} sets it. */
  private trie: VTrie | undefined = undefined;

  private static ofTrie(t: VTrie, count: number, meta: RMap | undefined): RVector {
    const v = new RVector(NO_ARR, count, undefined, meta);
    v.trie = t;
    return v;
  }

  static readonly EMPTY = new RVector([]);

  /** A vector that takes ownership of `items` (the caller must not keep mutating it). */
  static from(items: Value[]): RVector {
    return new RVector(items, items.length);
  }

  static of(...items: Value[]): RVector {
    return new RVector(items, items.length);
  }

  /** The element at `i`, or undefined when out of range. */
  get(i: number): Value | undefined {
    if (i < 0 || i >= this.count) return undefined;
    return this.trie === undefined ? this.arr[i] : trieGet(this.trie, this.count, i);
  }

  /** A fresh array of the elements (safe to mutate). */
  toArray(): Value[] {
    if (this.trie !== undefined) return trieToArray(this.trie, this.count);
    return this.arr.slice(0, this.count);
  }

  /**
   * The elements without a copy when this flat vector is its array's longest owner (else
   * a fresh array). For a caller that reads them at once: it must neither change nor keep
   * the array, which a later `conj` may grow.
   * @internal
   */
  readItems(): readonly Value[] {
    return this.trie === undefined && this.arr.length === this.count ? this.arr : this.toArray();
  }

  /**
   * The array of a flat vector (undefined for a trie vector), without a copy, for a
   * compiled loop that reads this vector through it (compiler/vector-reads.ts, ADR 0058):
   * its first `count` elements never change (a `conj` that shares it appends past them),
   * so index `i` with 0 ≤ i < count reads what {@link get} does. The caller must neither
   * change nor keep it beyond the loop, nor read at or past `count`.
   * @internal
   */
  flatItems(): readonly Value[] | undefined {
    return this.trie === undefined ? this.arr : undefined;
  }

  conj(v: Value): RVector {
    if (this.trie !== undefined) {
      const t = trieConj(this.trie, this.count, v);
      return RVector.ofTrie(t, this.count + 1, this.meta);
    }
    if (this.arr.length === this.count) {
      this.arr.push(v);
      return new RVector(this.arr, this.count + 1, undefined, this.meta);
    }
    const copy = this.arr.slice(0, this.count);
    copy.push(v);
    return new RVector(copy, copy.length, undefined, this.meta);
  }

  /**
   * Makes this vector `this.conj(v)` in place and returns it. Only for a vector no code
   * can see but its maker: a compiled loop's own `conj` result (compiler/owned-conj.ts,
   * ADR 0027). Vectors sharing its array or trie keep their own `count` elements, as
   * after {@link conj}.
   * @internal
   */
  appendOwned(v: Value): RVector {
    const self = this as unknown as { arr: Value[]; count: number; trie: VTrie | undefined };
    if (this.trie !== undefined) self.trie = trieConj(this.trie, this.count, v);
    else if (this.arr.length === this.count) this.arr.push(v);
    else {
      self.arr = this.arr.slice(0, this.count);
      self.arr.push(v);
    }
    self.count = this.count + 1;
    this.hash = undefined;
    return this;
  }

  /** A vector with index `i` (0 ≤ i < count) replaced. */
  assoc(i: number, v: Value): RVector {
    if (this.trie !== undefined || this.count > 32) {
      const t = trieAssoc(this.trie ?? trieOf(this.arr, this.count), this.count, i, v);
      return RVector.ofTrie(t, this.count, this.meta);
    }
    const copy = this.arr.slice(0, this.count);
    copy[i] = v;
    return new RVector(copy, copy.length, undefined, this.meta);
  }

  /** Elements `[start, end)` as a new vector (shares nothing mutable). */
  slice(start: number, end: number = this.count): RVector {
    const to = Math.min(end, this.count);
    if (this.trie !== undefined) {
      const out: Value[] = [];
      for (let i = start; i < to; i++) out.push(trieGet(this.trie, this.count, i));
      return new RVector(out);
    }
    return new RVector(this.arr.slice(start, to));
  }

  withMeta(meta: RMap | undefined): RVector {
    const v = new RVector(this.arr, this.count, this.span, meta);
    v.trie = this.trie;
    return v;
  }

  *[Symbol.iterator](): Iterator<Value> {
    if (this.trie !== undefined) {
      for (let i = 0; i < this.count; i++) yield trieGet(this.trie, this.count, i);
      return;
    }
    for (let i = 0; i < this.count; i++) yield this.arr[i] as Value;
  }

  equals(other: unknown): boolean {
    return equals(this, other as Value);
  }

  hashCode(): number {
    if (this.hash === undefined) this.hash = hashValue(this);
    return this.hash;
  }
}
