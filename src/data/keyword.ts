import { hashPrimitive } from './hashing.js';

const table = new Map<string, Keyword>();

/**
 * An interned keyword. `name` is the text after the colon (`a.b/c` for `:a.b/c`);
 * `ns` is the part before the last `/` (null when there is none).
 * Two keywords are equal exactly when they are the same object.
 */
export class Keyword {
  readonly kind = 'keyword' as const;
  readonly ns: string | null;
  readonly local: string;
  /** The hash, computed on first use (0 until then): most keywords never need one. */
  private h = 0;

  private constructor(readonly name: string) {
    const slash = name.length > 1 ? name.lastIndexOf('/') : -1;
    this.ns = slash > 0 ? name.slice(0, slash) : null;
    this.local = slash > 0 ? name.slice(slash + 1) : name;
  }

  /** The keyword with this name (without its leading colon). */
  static of(name: string): Keyword {
    let k = table.get(name);
    if (k === undefined) {
      k = new Keyword(name);
      table.set(name, k);
    }
    return k;
  }

  equals(other: unknown): boolean {
    return other === this;
  }

  hashCode(): number {
    if (this.h === 0) this.h = hashPrimitive(this.name) ^ 0x3c3c3c3c;
    return this.h;
  }

  toString(): string {
    return `:${this.name}`;
  }
}

export function kw(name: string): Keyword {
  return Keyword.of(name);
}
