import type { NodeSpan } from '../source/index.js';
import type { Value } from './value.js';
import type { RMap } from './map.js';
import { equals, hashValue } from './equality.js';

/**
 * An immutable list (array-backed; lists are mostly code and short rest-argument
 * sequences). `span` is set by the reader and also holds the offsets of every child
 * (see `childSpan`), which is how every read form, atoms included, has a position.
 */
export class RList {
  readonly kind = 'list' as const;
  constructor(
    readonly items: readonly Value[],
    readonly span: NodeSpan | undefined = undefined,
    readonly meta: RMap | undefined = undefined,
  ) {}

  static readonly EMPTY = new RList([]);

  static of(...items: Value[]): RList {
    return new RList(items);
  }

  get count(): number {
    return this.items.length;
  }

  /** A new list with `v` in front. */
  cons(v: Value): RList {
    return new RList([v, ...this.items]);
  }

  withMeta(meta: RMap | undefined): RList {
    return new RList(this.items, this.span, meta);
  }

  equals(other: unknown): boolean {
    return equals(this, other as Value);
  }

  hashCode(): number {
    return hashValue(this);
  }
}
