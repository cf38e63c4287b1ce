/**
 * Sequence plumbing shared by the collection builtins: viewing any seqable value as
 * an array, Unicode code-point helpers (RTFS strings count code points, not UTF-16
 * units), and a hash index for values with structural equality.
 */
import { type Value, RVector, equals, hashValue } from '../data/index.js';
import { typeError } from './support.js';

export const NO_ITEMS: readonly Value[] = Object.freeze([]);

const SURROGATE = /[\uD800-\uDFFF]/;

export function hasSurrogate(s: string): boolean {
  return SURROGATE.test(s);
}

/** The code points of `s`, each as a one-character string. */
export function chars(s: string): string[] {
  return hasSurrogate(s) ? Array.from(s) : s.split('');
}

/** Units of the code point starting at UTF-16 offset `i` (2 for a surrogate pair). */
function cpUnits(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length) return 1;
  const d = s.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
}

/** Code points of `s` (a lone surrogate counts as one), without building an array. */
export function cpLength(s: string): number {
  let n = s.length;
  // The regex scans natively (a one-byte string fails it at once): strings without
  // surrogates (most) skip the loop. Only very short ones are cheaper to scan here
  // than to hand to the regex engine (docs/adr/0042, last section).
  if (n > 8 && !SURROGATE.test(s)) return n;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && cpUnits(s, i) === 2) {
      n--;
      i++;
    }
  }
  return n;
}

/** The code point at code-point index `cp` as a string, or undefined past the end. */
export function cpAt(s: string, cp: number): string | undefined {
  if (cp < 0) return undefined;
  let i = 0;
  for (let k = 0; k < cp; k++) {
    if (i >= s.length) return undefined;
    i += cpUnits(s, i);
  }
  return i < s.length ? s.slice(i, i + cpUnits(s, i)) : undefined;
}

/** Code points `[start, end)` of `s` (indices already clamped by the caller). */
export function cpSlice(s: string, start: number, end: number): string {
  if (!hasSurrogate(s)) return s.slice(start, end);
  const a = utf16Index(s, start);
  return s.slice(a, a + utf16Index(s.slice(a), end - start));
}

/** The code-point index of UTF-16 offset `i` in `s`. */
export function cpIndex(s: string, i: number): number {
  return hasSurrogate(s) ? cpLength(s.slice(0, i)) : i;
}

/** The UTF-16 offset of code-point index `cp` in `s` (cp ≤ code-point length). */
export function utf16Index(s: string, cp: number): number {
  if (!hasSurrogate(s)) return cp;
  let i = 0;
  for (let k = 0; k < cp && i < s.length; k++) i += cpUnits(s, i);
  return i;
}

/**
 * The elements of a seqable value: vectors and lists as they are, nil as nothing,
 * strings as their characters, maps as `[k v]` entry vectors. The array may be shared:
 * treat it as read-only.
 */
export function seqItems(v: Value, fn: string): readonly Value[] {
  if (v === null) return NO_ITEMS;
  if (typeof v === 'string') return chars(v);
  if (typeof v === 'object') {
    switch (v.kind) {
      case 'vector':
        return v.toArray();
      case 'list':
        return v.items;
      case 'map': {
        const out: Value[] = [];
        v.forEach((val, k) => out.push(RVector.of(k, val)));
        return out;
      }
      default:
        break;
    }
  }
  throw typeError(fn, 'a collection', v);
}

/** True for values {@link seqItems} accepts. */
export function isSeqable(v: Value): boolean {
  if (v === null || typeof v === 'string') return true;
  if (typeof v !== 'object') return false;
  return v.kind === 'vector' || v.kind === 'list' || v.kind === 'map';
}

function isIdentityKey(k: Value): boolean {
  return typeof k !== 'object' || k === null || k.kind === 'keyword';
}

/**
 * An insertion-ordered index from values (by RTFS equality) to entries. Primitives and
 * keywords are looked up by identity; other values by hash, then `equals`.
 */
export class ValueIndex<T> {
  readonly keys: Value[] = [];
  readonly vals: T[] = [];
  private readonly direct = new Map<Value, number>();
  private readonly hashed = new Map<number, number[]>();

  /** Position of `k`, or -1. */
  indexOf(k: Value): number {
    if (isIdentityKey(k)) return this.direct.get(k) ?? -1;
    const bucket = this.hashed.get(hashValue(k));
    if (bucket !== undefined) {
      for (const i of bucket) if (equals(this.keys[i] as Value, k)) return i;
    }
    return -1;
  }

  /** Adds `k` (which must be absent) and returns its position. */
  add(k: Value, v: T): number {
    const i = this.keys.length;
    this.keys.push(k);
    this.vals.push(v);
    if (isIdentityKey(k)) this.direct.set(k, i);
    else {
      const h = hashValue(k);
      const bucket = this.hashed.get(h);
      if (bucket === undefined) this.hashed.set(h, [i]);
      else bucket.push(i);
    }
    return i;
  }
}
