import { hashPrimitive } from './hashing.js';

const table = new Map<string, Keyword>();

/**
 * An interned keyword. `name` is the text after the colon (`a.b/c` for `:a.b/c`);
 * `ns` is the part before the last `/` (null when there is none).
 * Two keywords are equal exactly when they are the same object.
 */
export class Keyword {
  readonly kind = 'keyword' as const;
  /** The hash, computed on first use (0 until then): most keywords never need one. */
  private h = 0;

  // Only the name is kept: 100k keywords are 100k objects that survive every young
  // collection, so each field costs (ADR 0043). `ns` and `local` are derived on use.
  private constructor(readonly name: string) {}

  /** The part before the last `/` (null when there is none). */
  get ns(): string | null {
    const slash = slashAt(this.name);
    return slash > 0 ? this.name.slice(0, slash) : null;
  }

  /** The part after the last `/` (the whole name when there is none). */
  get local(): string {
    const slash = slashAt(this.name);
    return slash > 0 ? this.name.slice(slash + 1) : this.name;
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

/**
 * Where the namespace of `name` ends (-1 when it has none). `indexOf` first: V8 runs
 * it in generated code, while `lastIndexOf` calls into the runtime.
 */
function slashAt(name: string): number {
  return name.length > 1 && name.indexOf('/') >= 0 ? name.lastIndexOf('/') : -1;
}

export function kw(name: string): Keyword {
  return Keyword.of(name);
}
