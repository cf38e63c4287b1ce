import type { NodeSpan } from '../source/index.js';
import type { Value } from './value.js';
import type { RMap } from './map.js';
import { equals, hashValue } from './equality.js';

/**
 * An immutable vector over a JS array that may be shared with longer vectors.
 *
 * `conj` appends in place when this vector is the longest owner of its array
 * (`arr.length === count`) and copies otherwise, so building a vector by repeated
 * `conj` is amortised O(1) while every earlier vector still sees exactly its own
 * `count` elements. Never hand out `arr` itself: it can grow.
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
    return i >= 0 && i < this.count ? this.arr[i] : undefined;
  }

  /** A fresh array of the elements (safe to mutate). */
  toArray(): Value[] {
    return this.arr.slice(0, this.count);
  }

  conj(v: Value): RVector {
    if (this.arr.length === this.count) {
      this.arr.push(v);
      return new RVector(this.arr, this.count + 1, undefined, this.meta);
    }
    const copy = this.arr.slice(0, this.count);
    copy.push(v);
    return new RVector(copy, copy.length, undefined, this.meta);
  }

  /** A vector with index `i` (0 ≤ i < count) replaced. */
  assoc(i: number, v: Value): RVector {
    const copy = this.arr.slice(0, this.count);
    copy[i] = v;
    return new RVector(copy, copy.length, undefined, this.meta);
  }

  /** Elements `[start, end)` as a new vector (shares nothing mutable). */
  slice(start: number, end: number = this.count): RVector {
    return new RVector(this.arr.slice(start, Math.min(end, this.count)));
  }

  withMeta(meta: RMap | undefined): RVector {
    return new RVector(this.arr, this.count, this.span, meta);
  }

  *[Symbol.iterator](): Iterator<Value> {
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
