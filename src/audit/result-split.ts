/**
 * A record body checked in two parts, its `result` apart from the rest (ADR 0057), so
 * that a result recorded again — a call's result in its step's record, a loop's in
 * three records — is parsed and checked once per verification, not once per record.
 *
 * The body `F = P R S` is split where the byte scanner of scan-body.ts finds it: `P` is
 * `{` and the members before a top-level `"result":`, `S` is `,"result_hash":"…` and the
 * members after it up to the closing `}`, each member a string key and a JSON value
 * (no whitespace, no escaped or repeated keys: the writer's canonical layout; anything
 * else answers undefined and the caller parses the body whole, as before). `R` alone
 * parses to one JSON value: then `JSON.parse(F)` is `JSON.parse(P + "0" + S)` with that
 * value as `result`, member for member and in the same order. The pieces are cut after
 * `:` and before `,` (ASCII), so their UTF-8 texts put together are F's.
 *
 * A result whose bytes equal one of the last few results this memo accepted (parsed
 * alone and checked by the caller) is not parsed again: it is the same tree, already
 * checked. The trees are only read (actions decode their `result` from them on first
 * read), so records may share one.
 */
import type { Json } from './jcs.js';
import { skipJson, skipString } from './scan-body.js';

type Obj = { [key: string]: Json };

const COMMA = 0x2c;
const COLON = 0x3a;
const RESULT_HASH = Buffer.from(',"result_hash":"');

/** Bodies shorter than this are parsed whole (nothing worth remembering). */
const MIN_BODY = 1024;
/** Members before `result`, and after it, are small: longer ones are parsed whole. */
const MAX_PART = 1024;
/** Results remembered: repeats follow each other (call, step, loop). */
const RECENT = 4;

/** A body split around its result. */
export interface SplitBody {
  readonly body: Obj;
  /** The result tree, when it was checked before (the same bytes as an accepted one). */
  readonly checked: Json | undefined;
  /** Tells the memo that the caller checked this body's result (see {@link ResultMemo}). */
  readonly accept: () => void;
}

interface Known {
  readonly bytes: Buffer;
  readonly tree: Json;
}

/** The results of one verification's last few bodies, by their bytes. */
export class ResultMemo {
  private readonly recent: Known[] = [];

  /** `buf[start, end)` (a body) split around its result, or undefined. */
  split(buf: Buffer, start: number, end: number): SplitBody | undefined {
    if (end - start < MIN_BODY || buf[start] !== 0x7b) return undefined;
    const rEnd = buf.lastIndexOf(RESULT_HASH, end - RESULT_HASH.length);
    if (rEnd < start + MIN_BODY / 2) return undefined;
    try {
      const keys: string[] = [];
      // P: members up to the top-level "result".
      let p = start + 1;
      let rStart = -1;
      while (p - start <= MAX_PART) {
        const k = skipString(buf, p, end);
        if (k < 0 || buf[k] !== COLON) return undefined;
        const key = buf.toString('latin1', p + 1, k - 1);
        if (key.includes('\\') || keys.includes(key)) return undefined;
        keys.push(key);
        if (key === 'result') {
          rStart = k + 1;
          break;
        }
        const v = skipJson(buf, k + 1, end);
        if (v < 0 || buf[v] !== COMMA) return undefined;
        p = v + 1;
      }
      if (rStart < 0 || rStart >= rEnd) return undefined;
      // S: members after the result, to the end of the body.
      let q = rEnd;
      for (;;) {
        if (buf[q] !== COMMA || end - q > MAX_PART) return undefined;
        const k = skipString(buf, q + 1, end);
        if (k < 0 || buf[k] !== COLON) return undefined;
        const key = buf.toString('latin1', q + 2, k - 1);
        if (key.includes('\\') || keys.includes(key)) return undefined;
        keys.push(key);
        const v = skipJson(buf, k + 1, end);
        if (v < 0) return undefined;
        if (buf[v] === 0x7d && v + 1 === end) break;
        q = v;
      }
      const body = JSON.parse(
        `${buf.toString('utf8', start, rStart)}0${buf.toString('utf8', rEnd, end)}`,
      ) as Json;
      if (typeof body !== 'object' || body === null || Array.isArray(body) || body.result !== 0)
        return undefined;
      const known = this.find(buf, rStart, rEnd);
      if (known !== undefined) {
        body.result = known.tree;
        return { body, checked: known.tree, accept: () => undefined };
      }
      const tree = JSON.parse(buf.toString('utf8', rStart, rEnd)) as Json;
      body.result = tree;
      // A copy: the line's buffer is reused for the lines after it.
      const bytes = Buffer.from(buf.subarray(rStart, rEnd));
      return { body, checked: undefined, accept: () => this.remember({ bytes, tree }) };
    } catch {
      // Not JSON, or nested too deep for the scanner: the caller parses the body whole.
      return undefined;
    }
  }

  private find(buf: Buffer, from: number, to: number): Known | undefined {
    const n = to - from;
    for (const k of this.recent)
      if (k.bytes.length === n && buf.compare(k.bytes, 0, n, from, to) === 0) return k;
    return undefined;
  }

  private remember(k: Known): void {
    if (this.recent.length >= RECENT) this.recent.shift();
    this.recent.push(k);
  }
}
