/**
 * Byte-writing primitives shared by the chain's line encoder and the canonical value
 * writer: each writes at `p` in `b` (which the caller made big enough) and returns the
 * position after what it wrote. Texts are written as their UTF-8 bytes.
 */
import { quote } from './jcs.js';

/**
 * Texts up to this length are copied by a JS loop; longer ones by one native write
 * (which costs about as much as copying 16 code units in JS).
 */
const SHORT = 16;
/** A string that `quote` does not leave as it is, or that is not ASCII. */
// eslint-disable-next-line no-control-regex -- JSON escapes the control characters
const NOT_PLAIN = /[\u0000-\u001f"\\\u0080-\uffff]/;
/** Text that is not ASCII. */
const NOT_ASCII = /[\u0080-\uffff]/;

/** Decimal digits of a non-negative integer. */
export function digits(n: number): number {
  let d = 1;
  while (n >= 10) {
    n = Math.floor(n / 10);
    d++;
  }
  return d;
}

/** Writes ASCII text (keys, hex, digits). */
export function putAscii(b: Buffer, p: number, s: string): number {
  const n = s.length;
  if (n > SHORT) return p + b.write(s, p, 'latin1');
  for (let i = 0; i < n; i++) b[p++] = s.charCodeAt(i);
  return p;
}

/** Writes a non-negative integer in decimal. */
export function putUint(b: Buffer, p: number, n: number): number {
  const end = p + digits(n);
  let q = end;
  do {
    const m = Math.floor(n / 10);
    b[--q] = 0x30 + (n - m * 10);
    n = m;
  } while (n > 0);
  return end;
}

/** Writes `String(x)`: digits for a non-negative safe integer, else its text. */
export function putNumber(b: Buffer, p: number, x: number): number {
  return Number.isSafeInteger(x) && x >= 0 ? putUint(b, p, x) : putAscii(b, p, String(x));
}

/** Writes text that is JSON already (canonical values), as UTF-8. */
export function putRaw(b: Buffer, p: number, s: string): number {
  const n = s.length;
  if (n > SHORT) return p + (NOT_ASCII.test(s) ? b.write(s, p) : b.write(s, p, 'latin1'));
  let q = p;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return p + b.write(s, p);
    b[q++] = c;
  }
  return q;
}

/** Writes `quote(s)`: a plain ASCII string is copied between quotes. */
export function putString(b: Buffer, p: number, s: string): number {
  const n = s.length;
  if (n > SHORT) {
    if (NOT_PLAIN.test(s)) return p + b.write(quote(s), p);
    b[p] = 0x22;
    const q = p + 1 + b.write(s, p + 1, 'latin1');
    b[q] = 0x22;
    return q + 1;
  }
  let q = p;
  b[q++] = 0x22;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || c >= 0x80) return p + b.write(quote(s), p);
    b[q++] = c;
  }
  b[q++] = 0x22;
  return q;
}
