import { hashPrimitive } from './hashing.js';
import type { RMap } from './map.js';

const table = new Map<string, Sym>();

/**
 * A symbol. Plain symbols are interned (`Sym.of`), so the common comparison is by
 * identity; a symbol carrying metadata is a separate instance that is still equal
 * to the interned one by name.
 */
export class Sym {
  readonly kind = 'symbol' as const;
  readonly ns: string | null;
  readonly local: string;
  private readonly h: number;

  private constructor(
    readonly name: string,
    readonly meta: RMap | undefined,
  ) {
    const slash = name.length > 1 ? name.lastIndexOf('/') : -1;
    this.ns = slash > 0 ? name.slice(0, slash) : null;
    this.local = slash > 0 ? name.slice(slash + 1) : name;
    this.h = hashPrimitive(name) ^ 0x1a2b3c4d;
  }

  static of(name: string): Sym {
    let s = table.get(name);
    if (s === undefined) {
      s = new Sym(name, undefined);
      table.set(name, s);
    }
    return s;
  }

  /** The same symbol with metadata attached (a new, non-interned instance). */
  withMeta(meta: RMap | undefined): Sym {
    return meta === undefined ? Sym.of(this.name) : new Sym(this.name, meta);
  }

  equals(other: unknown): boolean {
    return other === this || (other instanceof Sym && other.name === this.name);
  }

  hashCode(): number {
    return this.h;
  }

  toString(): string {
    return this.name;
  }
}

export function sym(name: string): Sym {
  return Sym.of(name);
}
