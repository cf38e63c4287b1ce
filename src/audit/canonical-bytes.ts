/**
 * The canonical bytes of an RTFS value (the UTF-8 of `canonicalValue(v)`, canonical.ts)
 * written straight into a byte buffer, for the chain's line encoder: the small values
 * of a capability call (`{:items [i]}`, a number, a keyword) leave no text behind, and
 * their bytes are hashed where they lie (docs/adr/0029-chain-big-values-once.md).
 *
 * A bigger collection is written as its canonical text, which canonical.ts remembers
 * by identity when it is big: a value recorded again is then one copy. (Writing a big
 * value byte by byte measured slower than the text: it runs once, in code not yet
 * optimised.)
 */
import type { RMap, Value } from '../data/index.js';
import { canonicalValue, knownText } from './canonical.js';
import { compareCodePoints } from './jcs.js';
import { putRaw, putString, putUint } from './bytes.js';

/** A growable output: bytes are written into `buf`, which {@link room} may replace. */
export interface ByteOut {
  buf: Buffer;
}

/** Makes `out.buf` hold at least `n` bytes from `p` (keeping `[0, p)`) and returns it. */
export function room(out: ByteOut, p: number, n: number): Buffer {
  const b = out.buf;
  if (p + n <= b.length) return b;
  const bigger = Buffer.allocUnsafe(Math.max(b.length * 2, p + n));
  b.copy(bigger, 0, 0, p);
  out.buf = bigger;
  return bigger;
}

/** Collections with more elements than this are written as their canonical text. */
const SMALL = 8;

/** Writes the canonical bytes of `v` at `p`; returns where they end. */
export function writeValue(out: ByteOut, p: number, v: Value): number {
  switch (typeof v) {
    case 'number':
      if (Number.isSafeInteger(v)) {
        const b = room(out, p, 18);
        if (v >= 0) return putUint(b, p, v); // -0 too: "0"
        b[p] = 0x2d; // -
        return putUint(b, p + 1, -v);
      }
      break;
    case 'string':
      return putString(room(out, p, 6 * v.length + 2), p, v);
    case 'boolean':
      return raw(out, p, v ? 'true' : 'false');
    case 'object':
      if (v === null) return raw(out, p, 'null');
      switch (v.kind) {
        case 'vector':
        case 'list':
          return v.count > SMALL ? text(out, p, v) : items(out, p, v);
        case 'map':
          return v.size > SMALL ? text(out, p, v) : map(out, p, v);
        default:
          break;
      }
      break;
    default:
      break;
  }
  // Keywords, floats, big integers, functions, error values: short texts.
  return raw(out, p, canonicalValue(v));
}

function raw(out: ByteOut, p: number, s: string): number {
  return putRaw(room(out, p, 3 * s.length), p, s);
}

/** A collection's canonical text (remembered by canonical.ts when big). */
function text(out: ByteOut, p: number, v: Extract<Value, object>): number {
  return raw(out, p, knownText(v) ?? canonicalValue(v));
}

/** Writes ASCII punctuation. */
function punct(out: ByteOut, p: number, s: string): number {
  const b = room(out, p, s.length);
  for (let i = 0; i < s.length; i++) b[p++] = s.charCodeAt(i);
  return p;
}

/** A small vector or list: `[…]` or `{"$list":[…]}`. */
function items(out: ByteOut, p: number, v: Extract<Value, { kind: 'vector' | 'list' }>): number {
  const known = knownText(v);
  if (known !== undefined) return raw(out, p, known);
  const vector = v.kind === 'vector';
  p = punct(out, p, vector ? '[' : '{"$list":[');
  const n = v.count;
  for (let i = 0; i < n; i++) {
    if (i > 0) p = punct(out, p, ',');
    p = writeValue(out, p, (vector ? v.get(i) : v.items[i]) as Value);
  }
  return punct(out, p, vector ? ']' : ']}');
}

/** A small map: `{"$map":[[k,v],…]}`, entries in the order canonical.ts sorts them. */
function map(out: ByteOut, p: number, m: RMap): number {
  const known = knownText(m);
  if (known !== undefined) return raw(out, p, known);
  const n = m.size;
  if (n === 0) return punct(out, p, '{"$map":[]}');
  let q = punct(out, p, '{"$map":[[');
  if (n === 1) {
    m.forEach((val, k) => {
      q = writeValue(out, q, k);
      q = punct(out, q, ',');
      q = writeValue(out, q, val);
    });
    return punct(out, q, ']]}');
  }
  const ks: string[] = [];
  const vs: Value[] = [];
  m.forEach((val, k) => {
    ks.push(canonicalValue(k));
    vs.push(val);
  });
  const order = entryOrder(ks, vs);
  for (let i = 0; i < n; i++) {
    const e = order[i] as number;
    if (i > 0) q = punct(out, q, '],[');
    q = raw(out, q, ks[e] as string);
    q = punct(out, q, ',');
    q = writeValue(out, q, vs[e] as Value);
  }
  return punct(out, q, ']]}');
}

/**
 * The order of a small map's entries (insertion sort, as canonical.ts sorts them): by
 * key text, then by value text (never needed: keys of a map differ).
 */
function entryOrder(ks: readonly string[], vs: readonly Value[]): number[] {
  const order = [0];
  for (let i = 1; i < ks.length; i++) {
    let q = i;
    while (q > 0 && compareEntries(ks, vs, order[q - 1] as number, i) > 0) q--;
    order.splice(q, 0, i);
  }
  return order;
}

function compareEntries(ks: readonly string[], vs: readonly Value[], x: number, y: number): number {
  return (
    compareCodePoints(ks[x] as string, ks[y] as string) ||
    compareCodePoints(canonicalValue(vs[x] as Value), canonicalValue(vs[y] as Value))
  );
}
