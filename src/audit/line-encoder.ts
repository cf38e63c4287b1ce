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
import type { Value } from '../data/index.js';
import type { ActionInput } from '../runtime/audit-sink.js';
import { DOMAIN, canonicalResult } from './record.js';
import { type ByteOut, room, writeValue } from './canonical-bytes.js';
import { digits, putAscii, putNumber, putRaw, putString, putUint } from './bytes.js';

export class LineEncoder implements ByteOut {
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

  /**
   * Appends the line of a host action at `len`. Args, result and meta are written
   * straight into the buffer (canonical-bytes.ts), and `args_hash`/`result_hash` hash
   * their bytes there.
   */
  action(a: ActionInput, ts: number): void {
    const name = a.name;
    const parent = a.parent;
    // Room for everything but the values: every UTF-16 unit takes at most 6 bytes
    // (`\u001f`); hashes, keys and numbers < 1,024. Made again after each value.
    const fixed =
      6 *
        ((name?.length ?? 0) +
          (parent?.length ?? 0) +
          (a.argsHash?.length ?? 0) +
          (a.resultHash?.length ?? 0) +
          a.id.length +
          a.run.length +
          a.callPath.length +
          a.type.length) +
      1024;
    const start = this.begin(fixed);
    let b = this.buf;
    let p = start;
    b[p++] = 0x7b; // {
    if (a.args !== undefined) {
      p = putAscii(b, p, '"args":');
      const from = p;
      p = writeValue(this, p, a.args);
      const h = a.argsHash ?? this.bytesHash(from, p);
      b = room(this, p, fixed);
      p = putAscii(b, p, ',"args_hash":');
      p = putString(b, p, h);
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
    if (a.meta !== undefined) {
      p = putAscii(b, p, ',"meta":');
      p = this.meta(p, a.meta);
      b = room(this, p, fixed);
    }
    if (name !== undefined) {
      p = putAscii(b, p, ',"name":');
      p = putString(b, p, name);
    }
    p = putAscii(b, p, ',"parent":');
    p = parent === null ? putAscii(b, p, 'null') : putString(b, p, parent);
    const r = a.result;
    if (r !== undefined) {
      p = putAscii(b, p, ',"result":');
      const from = p;
      if (r.ok) {
        p = putAscii(b, p, '{"ok":true,"value":');
        p = writeValue(this, p, r.value);
        b = room(this, p, fixed);
        b[p++] = 0x7d; // }
      } else {
        const text = canonicalResult(r);
        b = room(this, p, 3 * text.length + fixed);
        p = putRaw(b, p, text);
      }
      const h = a.resultHash ?? this.bytesHash(from, p);
      p = putAscii(b, p, ',"result_hash":');
      p = putString(b, p, h);
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

  /**
   * Writes a meta value: the host gives every call of a capability the same meta map,
   * whose bytes are remembered (up to 4 KB; bigger collections' texts are remembered
   * by canonical.ts).
   */
  private meta(p: number, meta: Value): number {
    if (typeof meta !== 'object' || meta === null) return writeValue(this, p, meta);
    const known = metaBytes.get(meta);
    if (known !== undefined) {
      room(this, p, known.length).set(known, p);
      return p + known.length;
    }
    const end = writeValue(this, p, meta);
    if (end - p <= META_BYTES) metaBytes.set(meta, new Uint8Array(this.buf.subarray(p, end)));
    return end;
  }

  /** SHA-256 (hex) of `buf[from, to)`; short texts' hashes are remembered. */
  private bytesHash(from: number, to: number): string {
    const b = this.buf;
    if (to - from > SHORT_TEXT) return sha256('sha256', view(b, from, to));
    // Latin-1 maps bytes to characters one to one: a key for these exact bytes.
    const key = b.toString('latin1', from, to);
    let h = shortHashes.get(key);
    if (h === undefined) {
      if (shortHashes.size >= SHORT_HASHES) shortHashes.clear();
      shortHashes.set(key, (h = sha256('sha256', view(b, from, to))));
    }
    return h;
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
    const hash = sha256('sha256', view(b, from, end));
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
      this.lastTsText = String(ts);
    }
    return this.lastTsText;
  }
}

/** Bytes of `{"seq":N,"prev":"<prev>","hash":"<64 hex>","a":`. */
function envelopeLength(seq: number, prev: string): number {
  return 7 + digits(seq) + 9 + prev.length + 10 + 64 + 6;
}

/** A view of `b[from, to)`. */
function view(b: Buffer, from: number, to: number): Uint8Array {
  return new Uint8Array(b.buffer, b.byteOffset + from, to - from);
}

/** Bytes of meta values already written (RTFS values are immutable). */
const metaBytes = new WeakMap<object, Uint8Array>();
const META_BYTES = 4096;

/** Hashes of short canonical values seen lately (`true`, `nil`, small args). */
const shortHashes = new Map<string, string>();
const SHORT_TEXT = 96;
const SHORT_HASHES = 512;
