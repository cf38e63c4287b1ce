/**
 * Hashes of JS primitives as 32-bit ints, consistent with `===` (0 and -0 hash alike).
 * Big maps (src/data/hamt.ts) and `hashValue` use them; interning keywords does too.
 */
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** Hash of a JS primitive (string, number, bigint, boolean, null), as a 32-bit int. */
export function hashPrimitive(v: string | number | bigint | boolean | null): number {
  switch (typeof v) {
    case 'string':
      return hashString(v);
    case 'number':
      return hashNumber(v);
    case 'bigint': {
      const n = Number(v);
      return Number.isSafeInteger(n) ? hashNumber(n) : hashString(v.toString()) ^ 0x5bd1e995;
    }
    case 'boolean':
      return v ? 0x42108421 : 0x42108420;
    default:
      return 0x42108422;
  }
}

/** Java's String.hashCode. */
function hashString(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

function hashNumber(n: number): number {
  if ((n | 0) === n) return n | 0;
  f64[0] = n;
  return ((u32[0] as number) ^ Math.imul(u32[1] as number, 0x9e3779b1)) | 0;
}

/** Mixes an element hash into an ordered running hash. */
export function mixOrdered(acc: number, h: number): number {
  return (Math.imul(31, acc) + h) | 0;
}
