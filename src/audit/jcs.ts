/**
 * RFC 8785 (JSON Canonicalization Scheme) for plain JSON data.
 *
 * - Object members are sorted by their names as UTF-16 code units (JS default sort).
 * - Numbers are written as ECMAScript `Number.prototype.toString` writes them, which is
 *   what `JSON.stringify` does; non-finite numbers are rejected (JCS forbids them).
 * - Strings use `JSON.stringify`'s escaping (the minimal JCS escapes; a lone surrogate
 *   is written as `\udxxx`, where RFC 8785 would reject the input).
 * - No whitespace.
 */

/** JSON data as `JSON.parse` returns it. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * The longest string {@link quote} scans itself. Ids, names and hashes (at most 64
 * characters) are scanned faster than `JSON.stringify` sets up; longer texts — a plan's
 * descriptions, goals and sources — are left to it: the scan runs once per text, in code
 * not optimised yet, at about ten times its cost (ADR 0040: −2 % instructions per plan).
 */
const QUOTE_SCAN = 64;

/**
 * `JSON.stringify(s)` for a string, without its fixed cost for the short plain strings
 * records are made of (ids, names, hashes): a string with nothing to escape (no `"`, `\`,
 * control character or surrogate) is only quoted. Same output as `JSON.stringify`.
 */
export function quote(s: string): string {
  if (s.length > QUOTE_SCAN) return JSON.stringify(s);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff))
      return JSON.stringify(s);
  }
  return `"${s}"`;
}

/** The RFC 8785 canonical text of `x`. */
export function canonicalJson(x: Json): string {
  switch (typeof x) {
    case 'string':
      return quote(x);
    case 'number':
      if (!Number.isFinite(x)) throw new TypeError(`canonicalJson: non-finite number ${x}`);
      return JSON.stringify(x);
    case 'boolean':
      return x ? 'true' : 'false';
    case 'object': {
      if (x === null) return 'null';
      if (Array.isArray(x)) {
        let s = '[';
        for (let i = 0; i < x.length; i++) {
          if (i > 0) s += ',';
          s += canonicalJson(x[i] as Json);
        }
        return s + ']';
      }
      const keys = Object.keys(x).sort();
      let s = '{';
      let first = true;
      for (const k of keys) {
        const v = x[k];
        if (v === undefined) continue;
        if (!first) s += ',';
        first = false;
        s += JSON.stringify(k) + ':' + canonicalJson(v);
      }
      return s + '}';
    }
    default:
      throw new TypeError(`canonicalJson: not JSON data (${typeof x})`);
  }
}

/** Maps a UTF-16 code unit so that plain `<` on the results is code point order. */
function fix(c: number): number {
  return c < 0xd800 ? c : c < 0xe000 ? c + 0x2000 : c - 0x800;
}

/**
 * Compares two strings by code point (which is also UTF-8 byte order), unlike `<`,
 * which compares UTF-16 code units and puts U+E000…U+FFFF after astral characters.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(i);
    if (ca !== cb) return fix(ca) - fix(cb);
  }
  return a.length - b.length;
}
