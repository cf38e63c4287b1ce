/** Bounds of RTFS integers (signed 64-bit). */
export const MIN_I64 = -(2n ** 63n);
export const MAX_I64 = 2n ** 63n - 1n;

/**
 * The canonical representation of an integer: a JS number when it is a safe
 * integer, a bigint otherwise; `undefined` when it does not fit in 64 bits.
 */
export function normalizeInt(n: bigint): number | bigint | undefined {
  if (n < MIN_I64 || n > MAX_I64) return undefined;
  if (n >= -9007199254740991n && n <= 9007199254740991n) return Number(n);
  return n;
}
