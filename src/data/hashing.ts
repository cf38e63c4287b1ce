import { hash as immutableHash } from 'immutable';

/** Hash of a JS primitive (string, number, bigint, boolean, null), as a 32-bit int. */
export function hashPrimitive(v: string | number | bigint | boolean | null): number {
  return immutableHash(v);
}

/** Mixes an element hash into an ordered running hash. */
export function mixOrdered(acc: number, h: number): number {
  return (Math.imul(31, acc) + h) | 0;
}
