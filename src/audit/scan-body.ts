/**
 * A byte scanner for big record bodies (ADR 0028): a catalog stored in the chain is a
 * 3 MB `meta`. `scanBody` checks, on the raw bytes, that the body is a JSON object
 * whose `args` and `meta` are tagged values `decodeValue` accepts, and returns the body
 * with those two members as `null` (the rest is parsed as usual) and their byte ranges,
 * to be parsed and decoded when first read. It is only ever sure, never wrong: anything
 * it does not recognise in the canonical form the writer produces (whitespace, escaped
 * keys, a repeated key, a non-integer or 16-digit number, `$int`, `$f`, `$err`, deep
 * nesting) makes it answer undefined, and the checker parses the body as before, so
 * every failure is reported by the same code with the same message.
 */
import type { Json } from './jcs.js';

type Obj = { [key: string]: Json };

/** A body whose `args`/`meta` were checked on the bytes, kept as byte ranges. */
export interface ScannedBody {
  readonly body: Obj;
  readonly raw: { readonly [K in 'args' | 'meta']?: () => Json };
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;

function isDigit(b: number | undefined): boolean {
  return b !== undefined && b >= 0x30 && b <= 0x39;
}

function isHex(b: number | undefined): boolean {
  return b !== undefined && (isDigit(b) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66));
}

function literal(buf: Buffer, p: number, word: string): number {
  for (let i = 0; i < word.length; i++) if (buf[p + i] !== word.charCodeAt(i)) return -1;
  return p + word.length;
}

/** End of the JSON string at `p` (its closing quote + 1), or -1. */
export function skipString(buf: Buffer, p: number, end: number): number {
  if (buf[p] !== QUOTE) return -1;
  let q = p + 1;
  while (q < end) {
    const b = buf[q] as number;
    if (b === QUOTE) return q + 1;
    if (b < 0x20) return -1;
    if (b === BACKSLASH) {
      const e = buf[q + 1];
      if (e === 0x75) {
        if (!(isHex(buf[q + 2]) && isHex(buf[q + 3]) && isHex(buf[q + 4]) && isHex(buf[q + 5])))
          return -1;
        q += 6;
        continue;
      }
      // " \ / b f n r t
      if (
        e !== QUOTE &&
        e !== BACKSLASH &&
        e !== 0x2f &&
        e !== 0x62 &&
        e !== 0x66 &&
        e !== 0x6e &&
        e !== 0x72 &&
        e !== 0x74
      )
        return -1;
      q += 2;
      continue;
    }
    q++;
  }
  return -1;
}

/** End of a JSON number at `p` (full grammar), or -1. */
function skipNumber(buf: Buffer, p: number): number {
  let q = p;
  if (buf[q] === 0x2d) q++;
  if (buf[q] === 0x30) q++;
  else if (isDigit(buf[q])) while (isDigit(buf[q])) q++;
  else return -1;
  if (buf[q] === 0x2e) {
    q++;
    if (!isDigit(buf[q])) return -1;
    while (isDigit(buf[q])) q++;
  }
  if (buf[q] === 0x65 || buf[q] === 0x45) {
    q++;
    if (buf[q] === 0x2b || buf[q] === 0x2d) q++;
    if (!isDigit(buf[q])) return -1;
    while (isDigit(buf[q])) q++;
  }
  return q;
}

/** End of any JSON value at `p` (no whitespace), or -1. */
export function skipJson(buf: Buffer, p: number, end: number): number {
  const c = buf[p];
  if (c === QUOTE) return skipString(buf, p, end);
  if (c === 0x74) return literal(buf, p, 'true');
  if (c === 0x66) return literal(buf, p, 'false');
  if (c === 0x6e) return literal(buf, p, 'null');
  if (c === 0x2d || isDigit(c)) return skipNumber(buf, p);
  if (c === 0x5b) {
    let q = p + 1;
    if (buf[q] === 0x5d) return q + 1;
    for (;;) {
      q = skipJson(buf, q, end);
      if (q < 0) return -1;
      if (buf[q] === COMMA) q++;
      else return buf[q] === 0x5d ? q + 1 : -1;
    }
  }
  if (c === 0x7b) {
    let q = p + 1;
    if (buf[q] === 0x7d) return q + 1;
    for (;;) {
      q = skipString(buf, q, end);
      if (q < 0 || buf[q] !== COLON) return -1;
      q = skipJson(buf, q + 1, end);
      if (q < 0) return -1;
      if (buf[q] === COMMA) q++;
      else return buf[q] === 0x7d ? q + 1 : -1;
    }
  }
  return -1;
}

/** End of a bare integer `decodeValue` accepts (at most 15 digits, not -0), or -1. */
function safeInteger(buf: Buffer, p: number): number {
  let q = p;
  if (buf[q] === 0x2d) q++;
  const digits = q;
  if (buf[q] === 0x30) q++;
  else while (isDigit(buf[q])) q++;
  const n = q - digits;
  if (n === 0 || n > 15 || (n === 1 && buf[digits] === 0x30 && digits > p)) return -1;
  const after = buf[q];
  return after === 0x2e || after === 0x65 || after === 0x45 || isDigit(after) ? -1 : q;
}

/** End of the JSON array of tagged values at `p`, or -1. */
function taggedArray(buf: Buffer, p: number, end: number): number {
  if (buf[p] !== 0x5b) return -1;
  let q = p + 1;
  if (buf[q] === 0x5d) return q + 1;
  for (;;) {
    q = skipTagged(buf, q, end);
    if (q < 0) return -1;
    if (buf[q] === COMMA) q++;
    else return buf[q] === 0x5d ? q + 1 : -1;
  }
}

/** End of the `$map` body at `p` (an array of `[key, value]` pairs), or -1. */
function mapEntries(buf: Buffer, p: number, end: number): number {
  if (buf[p] !== 0x5b) return -1;
  let q = p + 1;
  if (buf[q] === 0x5d) return q + 1;
  for (;;) {
    if (buf[q] !== 0x5b) return -1;
    q = skipTagged(buf, q + 1, end);
    if (q < 0 || buf[q] !== COMMA) return -1;
    q = skipTagged(buf, q + 1, end);
    if (q < 0 || buf[q] !== 0x5d) return -1;
    q++;
    if (buf[q] === COMMA) q++;
    else return buf[q] === 0x5d ? q + 1 : -1;
  }
}

/** End of a tagged value `decodeValue` accepts, or -1 (invalid, or not sure). */
export function skipTagged(buf: Buffer, p: number, end: number): number {
  const c = buf[p];
  if (c === QUOTE) return skipString(buf, p, end);
  if (c === 0x74) return literal(buf, p, 'true');
  if (c === 0x66) return literal(buf, p, 'false');
  if (c === 0x6e) return literal(buf, p, 'null');
  if (c === 0x2d || isDigit(c)) return safeInteger(buf, p);
  if (c === 0x5b) return taggedArray(buf, p, end);
  if (c !== 0x7b || buf[p + 1] !== QUOTE || buf[p + 2] !== 0x24) return -1;
  // {"$tag": body}, exactly one member.
  const n = p + 3;
  let at: number;
  let q: number;
  if (
    (at = literal(buf, n, 'kw":')) > 0 ||
    (at = literal(buf, n, 'sym":')) > 0 ||
    (at = literal(buf, n, 'ts":')) > 0 ||
    (at = literal(buf, n, 'uuid":')) > 0 ||
    (at = literal(buf, n, 'res":')) > 0
  )
    q = skipString(buf, at, end);
  else if ((at = literal(buf, n, 'map":')) > 0) q = mapEntries(buf, at, end);
  else if ((at = literal(buf, n, 'list":')) > 0) q = taggedArray(buf, at, end);
  else if ((at = literal(buf, n, 'fn":')) > 0)
    q = buf[at] === QUOTE ? skipString(buf, at, end) : literal(buf, at, 'null');
  // $int, $f, $err (rare, checked by the full path) and unknown tags.
  else return -1;
  return q >= 0 && buf[q] === 0x7d ? q + 1 : -1;
}

const LAZY: ReadonlySet<string> = new Set(['args', 'meta']);

/**
 * The body `buf[start, end)` with `args`/`meta` checked on the bytes and left as byte
 * ranges, or undefined when the scanner is not sure (then parse the body as before).
 */
export function scanBody(buf: Buffer, start: number, end: number): ScannedBody | undefined {
  try {
    if (buf[start] !== 0x7b) return undefined;
    const keys = new Set<string>();
    const parts: string[] = [];
    const raw: { -readonly [K in 'args' | 'meta']?: () => Json } = {};
    let from = start;
    let p = start + 1;
    if (buf[p] === 0x7d) return undefined;
    for (;;) {
      const k = skipString(buf, p, end);
      if (k < 0 || buf[k] !== COLON) return undefined;
      const key = buf.toString('latin1', p + 1, k - 1);
      if (key.includes('\\') || keys.has(key)) return undefined;
      keys.add(key);
      const v = k + 1;
      const lazy = LAZY.has(key);
      const after = lazy ? skipTagged(buf, v, end) : skipJson(buf, v, end);
      if (after < 0) return undefined;
      if (lazy) {
        parts.push(buf.toString('utf8', from, v), 'null');
        from = after;
        // A copy: the line's buffer is reused for the lines after it.
        const bytes = Buffer.from(buf.subarray(v, after));
        raw[key as 'args' | 'meta'] = () => JSON.parse(bytes.toString('utf8')) as Json;
      }
      if (buf[after] === COMMA) p = after + 1;
      else if (buf[after] === 0x7d && after + 1 === end) break;
      else return undefined;
    }
    parts.push(buf.toString('utf8', from, end));
    const body = JSON.parse(parts.join('')) as Json;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
    return { body, raw };
  } catch {
    // A stack overflow on deep nesting (or any surprise): not sure.
    return undefined;
  }
}
