/**
 * Encodes chain lines straight into a byte buffer and chain-hashes each one there
 * (docs/adr/0026-chain-lines-in-place.md). The bytes are exactly those of
 * `formatLine(seq, prev, chainHash(seq, prev, actionBody(a, ts)), …)` (record.ts, a
 * property test checks it); what changes is how they are made:
 *
 * - no body string, no line string: keys and short strings are copied into the buffer
 *   by a JS loop, longer ASCII ones by one native write, a JSON-escaped or non-ASCII
 *   string through `quote` and `Buffer.write`; a record leaves little garbage behind;
 * - the chain hash is one `crypto.hash` over the buffer itself: the hash input
 *   (`DOMAIN ‖ seq ‖ "\n" ‖ prev ‖ "\n" ‖ a`) is laid out just before the body, in the
 *   space the envelope `{"seq":…,"prev":…,"hash":…,"a":` (always longer) is then
 *   written over once the hash is known.
 *
 * JsonlChain encodes into its write buffer with it. MemoryChain keeps the string path
 * (actionBody + chainHash): with no line to write, it measured no cheaper there.
 */
import { hash as sha256 } from 'node:crypto';
import type { ActionInput } from '../runtime/audit-sink.js';
import { DOMAIN, canonicalMeta, canonicalResult, valueTextHash } from './record.js';
import { canonicalValue } from './canonical.js';
import { quote } from './jcs.js';

export class LineEncoder {
  /** Encoded lines: `buf[0, len)`. */
  buf: Buffer;
  len = 0;
  /** Seq and hash of the last line encoded (-1 and the zero hash before the first). */
  seq: number;
  hash: string;
  private lastTs = NaN;
  private lastTsText = '';

  constructor(seq: number, hash: string, size = 1 << 16) {
    this.seq = seq;
    this.hash = hash;
    this.buf = Buffer.allocUnsafe(size);
  }

  /** Appends the line of a host action at `len`. */
  action(a: ActionInput, ts: number): void {
    const args = a.args === undefined ? undefined : canonicalValue(a.args);
    const result = a.result === undefined ? undefined : canonicalResult(a.result);
    const meta = a.meta === undefined ? undefined : canonicalMeta(a.meta);
    const name = a.name;
    const parent = a.parent;
    // Every UTF-16 unit takes at most 6 bytes (`\u001f`); hashes, keys and numbers < 1,024.
    const n =
      (args?.length ?? 0) +
      (result?.length ?? 0) +
      (meta?.length ?? 0) +
      (name?.length ?? 0) +
      (parent?.length ?? 0) +
      (a.argsHash?.length ?? 0) +
      (a.resultHash?.length ?? 0) +
      a.id.length +
      a.run.length +
      a.callPath.length +
      a.type.length;
    const start = this.begin(6 * n + 1024);
    const b = this.buf;
    let p = start;
    b[p++] = 0x7b; // {
    if (args !== undefined) {
      p = putAscii(b, p, '"args":');
      p = putRaw(b, p, args);
      p = putAscii(b, p, ',"args_hash":');
      p = putString(b, p, a.argsHash ?? valueTextHash(args));
      b[p++] = 0x2c; // ,
    } else if (a.argsHash !== undefined) {
      p = putAscii(b, p, '"args_hash":');
      p = putString(b, p, a.argsHash);
      b[p++] = 0x2c;
    }
    p = putAscii(b, p, '"call_path":');
    p = putString(b, p, a.callPath);
    const d = a.durationMs;
    if (d !== undefined && Number.isFinite(d)) {
      p = putAscii(b, p, ',"duration_ms":');
      p = putNumber(b, p, d);
    }
    p = putAscii(b, p, ',"id":');
    p = putString(b, p, a.id);
    if (meta !== undefined) {
      p = putAscii(b, p, ',"meta":');
      p = putRaw(b, p, meta);
    }
    if (name !== undefined) {
      p = putAscii(b, p, ',"name":');
      p = putString(b, p, name);
    }
    p = putAscii(b, p, ',"parent":');
    p = parent === null ? putAscii(b, p, 'null') : putString(b, p, parent);
    if (result !== undefined) {
      p = putAscii(b, p, ',"result":');
      p = putRaw(b, p, result);
      p = putAscii(b, p, ',"result_hash":');
      p = putString(b, p, a.resultHash ?? valueTextHash(result));
    } else if (a.resultHash !== undefined) {
      p = putAscii(b, p, ',"result_hash":');
      p = putString(b, p, a.resultHash);
    }
    p = putAscii(b, p, ',"run":');
    p = putString(b, p, a.run);
    p = putAscii(b, p, ',"ts":');
    p = putAscii(b, p, this.tsText(ts));
    p = putAscii(b, p, ',"type":');
    p = putString(b, p, a.type);
    b[p++] = 0x7d; // }
    this.end(start, p);
  }

  /** Appends the line of a body given as canonical text (housekeeping records). */
  body(text: string): void {
    const start = this.begin(3 * text.length + 1024);
    this.end(start, putRaw(this.buf, start, text));
  }

  /** The last line's text (from `from`, where it started, to `len`). */
  lineAt(from: number): string {
    return this.buf.toString('utf8', from, this.len);
  }

  /**
   * Makes room for a line of at most `bodyBytes` bytes of body and returns where its
   * body starts: after the space its envelope will take.
   */
  private begin(bodyBytes: number): number {
    const need = this.len + envelopeLength(this.seq + 1, this.hash) + bodyBytes + 2;
    if (need > this.buf.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, need));
      this.buf.copy(bigger, 0, 0, this.len);
      this.buf = bigger;
    }
    return this.len + envelopeLength(this.seq + 1, this.hash);
  }

  /** Hashes the body `buf[start, end)` in place, writes the envelope before it and `}\n`. */
  private end(start: number, end: number): void {
    const b = this.buf;
    const seq = this.seq + 1;
    const prev = this.hash;
    // The hash input, right before the body (inside the envelope's space).
    const from = start - (DOMAIN.length + digits(seq) + prev.length + 2);
    let p = putAscii(b, from, DOMAIN);
    p = putUint(b, p, seq);
    b[p++] = 0x0a;
    p = putAscii(b, p, prev);
    b[p] = 0x0a;
    const hash = sha256('sha256', new Uint8Array(b.buffer, b.byteOffset + from, end - from));
    p = putAscii(b, this.len, '{"seq":');
    p = putUint(b, p, seq);
    p = putAscii(b, p, ',"prev":"');
    p = putAscii(b, p, prev);
    p = putAscii(b, p, '","hash":"');
    p = putAscii(b, p, hash);
    putAscii(b, p, '","a":');
    b[end] = 0x7d; // }
    b[end + 1] = 0x0a; // \n
    this.len = end + 2;
    this.seq = seq;
    this.hash = hash;
  }

  /** `String(ts)`, remembered: many records share a millisecond. */
  private tsText(ts: number): string {
    if (ts !== this.lastTs) {
      this.lastTs = ts;
      this.lastTsText = numberText(ts);
    }
    return this.lastTsText;
  }
}

/** Bytes of `{"seq":N,"prev":"<prev>","hash":"<64 hex>","a":`. */
function envelopeLength(seq: number, prev: string): number {
  return 7 + digits(seq) + 9 + prev.length + 10 + 64 + 6;
}

function digits(n: number): number {
  let d = 1;
  while (n >= 10) {
    n = Math.floor(n / 10);
    d++;
  }
  return d;
}

/** A number as `actionBody` writes it (`String`: ASCII). */
function numberText(x: number): string {
  return String(x);
}

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

/** Writes ASCII text (keys, hex, digits). */
function putAscii(b: Buffer, p: number, s: string): number {
  const n = s.length;
  if (n > SHORT) return p + b.write(s, p, 'latin1');
  for (let i = 0; i < n; i++) b[p++] = s.charCodeAt(i);
  return p;
}

/** Writes a non-negative integer in decimal. */
function putUint(b: Buffer, p: number, n: number): number {
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
function putNumber(b: Buffer, p: number, x: number): number {
  return Number.isSafeInteger(x) && x >= 0 ? putUint(b, p, x) : putAscii(b, p, numberText(x));
}

/** Writes text that is JSON already (canonical values), as UTF-8. */
function putRaw(b: Buffer, p: number, s: string): number {
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
function putString(b: Buffer, p: number, s: string): number {
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
