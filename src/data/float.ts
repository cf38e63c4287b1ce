import { hashPrimitive } from './hashing.js';

/**
 * An RTFS float. Integers are plain JS numbers (or bigints beyond 2^53), so floats
 * are boxed to keep `4.0` distinct from `4` (see docs/adr/0001-number-representation.md).
 */
export class RFloat {
  readonly kind = 'float' as const;
  constructor(readonly value: number) {}

  equals(other: unknown): boolean {
    return other instanceof RFloat && other.value === this.value;
  }

  hashCode(): number {
    return hashPrimitive(this.value) ^ 0x5f5f;
  }
}

export function float(n: number): RFloat {
  return new RFloat(n);
}
