/**
 * Checks lines one by one against the chain rules (the engine of `verify` and of the
 * writer's open-and-recover). The envelope is read at fixed offsets and the raw bytes
 * of `a` are hashed (no re-serialisation); then every body is parsed and checked as a
 * reader would decode it (validate.ts: the same checks, no RTFS values built; the
 * action's values are decoded on first read), so a line that hashes correctly but is
 * not a record (a non-conforming or hostile writer) is reported at its line. Strict
 * mode also requires each body to be valid UTF-8, byte-identical to its canonical
 * form, and to carry the right `args_hash`/`result_hash`. `hashOnly` skips the
 * decoding (measurements only).
 */
import type { KeyObject } from 'node:crypto';
import { createHash } from 'node:crypto';
import { type Json, canonicalJson } from './jcs.js';
import { type ChainAction, DOMAIN, FORMAT, ZERO_HASH } from './record.js';
import { checkedAction } from './validate.js';
import { scanBody } from './scan-body.js';
import { ResultMemo } from './result-split.js';
import { sha256Hex } from './hashes.js';
import { checkpointSignatureValid, keyId, loadPublicKey } from './signing.js';

export type FailureKind =
  | 'hash-mismatch'
  | 'prev-mismatch'
  | 'seq-gap'
  | 'torn-tail'
  | 'bad-json'
  | 'bad-record'
  | 'non-canonical'
  | 'bad-signature'
  | 'unsigned'
  | 'head-mismatch';

export interface LineFailure {
  readonly kind: FailureKind;
  /** The seq the line carries (null when it cannot be read). */
  readonly seq: number | null;
  readonly expected: string;
  readonly actual: string;
  readonly message: string;
}

export interface CheckerOptions {
  readonly strict?: boolean;
  /**
   * Only check the envelope, links and hashes, without parsing bodies (benchmarks and
   * tamper-evidence measurements): not enough to trust what readers will decode.
   */
  readonly hashOnly?: boolean;
  /** A trusted Ed25519 public key: every Checkpoint must be signed by it. */
  readonly publicKey?: string | KeyObject;
}

const PREFIX = Buffer.from('{"seq":');
const PREV = Buffer.from(',"prev":"');
const HASH = Buffer.from('","hash":"');
const A = Buffer.from('","a":');
const CHECKPOINT_END = Buffer.from(',"type":"Checkpoint"}');
const OPENED_END = Buffer.from(',"type":"ChainOpened"}');

function at(buf: Buffer, pos: number, lit: Buffer): boolean {
  return buf.compare(lit, 0, lit.length, pos, pos + lit.length) === 0;
}

function endsWith(buf: Buffer, end: number, lit: Buffer): boolean {
  return end - lit.length >= 0 && at(buf, end - lit.length, lit);
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

type Obj = { [key: string]: Json };

/** What a {@link LineChecker} knows after a good record: enough to check the next line. */
export interface CheckerState {
  readonly seq: number;
  readonly hash: string;
  readonly chainId: string | null;
  readonly checkpoints: number;
  readonly signedThrough: number | null;
  readonly lastCheckpointSeq: number | null;
  readonly lastType: string | null;
}
const isObj = (x: Json | undefined): x is Obj =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

export class LineChecker {
  /** Seq and hash of the last good record (-1 and zeros before the first). */
  seq = -1;
  hash = ZERO_HASH;
  chainId: string | undefined;
  checkpoints = 0;
  /** Seq covered by the last valid Checkpoint. */
  signedThrough: number | null = null;
  lastCheckpointSeq: number | null = null;
  /** The type of the last good record (undefined in hashOnly mode). */
  lastType: string | undefined;
  /** The last good record, decoded as a reader gets it (undefined in hashOnly mode). */
  lastAction: ChainAction | undefined;
  /** A seq whose hash to remember (HEAD's), and that hash once seen. */
  watchSeq = -1;
  watchedHash: string | undefined;
  private readonly trusted: KeyObject | undefined;
  /** The last results checked, by their bytes (result-split.ts). */
  private readonly results = new ResultMemo();
  private readonly trustedId: string | undefined;

  constructor(private readonly opts: CheckerOptions = {}) {
    this.trusted = opts.publicKey === undefined ? undefined : loadPublicKey(opts.publicKey);
    this.trustedId = this.trusted && keyId(this.trusted);
  }

  /** The state after the last good record (see {@link LineChecker.restore}). */
  state(): CheckerState {
    return {
      seq: this.seq,
      hash: this.hash,
      chainId: this.chainId ?? null,
      checkpoints: this.checkpoints,
      signedThrough: this.signedThrough,
      lastCheckpointSeq: this.lastCheckpointSeq,
      lastType: this.lastType ?? null,
    };
  }

  /** Goes on from `s`, as if the lines that led to it had just been checked. */
  restore(s: CheckerState): void {
    this.seq = s.seq;
    this.hash = s.hash;
    this.chainId = s.chainId ?? undefined;
    this.checkpoints = s.checkpoints;
    this.signedThrough = s.signedThrough;
    this.lastCheckpointSeq = s.lastCheckpointSeq;
    this.lastType = s.lastType ?? undefined;
    if (s.seq === this.watchSeq) this.watchedHash = s.hash;
  }

  /** Checks line `buf[start, end)`; on success advances the state. */
  check(buf: Buffer, start: number, end: number): LineFailure | undefined {
    const fail = (
      kind: FailureKind,
      seq: number | null,
      expected: string,
      actual: string,
      message: string,
    ) => ({ kind, seq, expected, actual, message }) as const;
    // Envelope, at fixed offsets.
    if (!at(buf, start, PREFIX)) return fail('bad-json', null, '{"seq":', '', 'not a chain line');
    let p = start + PREFIX.length;
    let seq = 0;
    const digits = p;
    while (p < end && buf[p]! >= 48 && buf[p]! <= 57) seq = seq * 10 + (buf[p++]! - 48);
    const nd = p - digits;
    const envOk =
      nd > 0 &&
      nd <= 15 &&
      !(nd > 1 && buf[digits] === 48) &&
      at(buf, p, PREV) &&
      at(buf, p + PREV.length + 64, HASH) &&
      at(buf, p + PREV.length + 64 + HASH.length + 64, A) &&
      buf[end - 1] === 0x7d;
    if (!envOk)
      return fail(
        'bad-json',
        nd > 0 ? seq : null,
        'a chain envelope',
        '',
        'malformed line envelope',
      );
    const prevAt = p + PREV.length;
    const hashAt = prevAt + 64 + HASH.length;
    const aStart = hashAt + 64 + A.length;
    const aEnd = end - 1;
    if (aEnd <= aStart) return fail('bad-json', seq, 'a body', '', 'empty body');
    const expectSeq = this.seq + 1;
    if (seq !== expectSeq)
      return fail(
        'seq-gap',
        seq,
        String(expectSeq),
        String(seq),
        `expected seq ${expectSeq}, found ${seq}`,
      );
    const prev = buf.toString('latin1', prevAt, prevAt + 64);
    if (prev !== this.hash)
      return fail(
        'prev-mismatch',
        seq,
        this.hash,
        prev,
        'prev is not the hash of the previous record',
      );
    const stored = buf.toString('latin1', hashAt, hashAt + 64);
    const h = createHash('sha256')
      .update(`${DOMAIN}${seq}\n${prev}\n`)
      .update(buf.subarray(aStart, aEnd))
      .digest('hex');
    if (h !== stored)
      return fail('hash-mismatch', seq, h, stored, 'the record does not hash to its hash');
    // Every body is parsed and decoded: the hash proves the bytes were not changed
    // after hashing, not that a (non-conforming) writer wrote a record at all.
    let body: Obj;
    let action: ChainAction | undefined;
    if (this.opts.hashOnly) {
      const needed = seq === 0 || endsWith(buf, aEnd, CHECKPOINT_END);
      const parsed = needed ? parseObject(buf.toString('utf8', aStart, aEnd)) : {};
      if (parsed === undefined)
        return fail('bad-json', seq, 'a JSON object', '', 'the body is not a JSON object');
      body = parsed;
    } else {
      const r = this.opts.strict
        ? this.strictCheck(buf.subarray(aStart, aEnd), seq)
        : (scanned(buf, aStart, aEnd) ??
          split(this.results, buf, aStart, aEnd) ??
          decodeBody(buf.toString('utf8', aStart, aEnd), seq));
      if ('kind' in r) return r;
      body = r.body;
      action = r.action;
    }
    if (seq === 0) {
      if (!endsWith(buf, aEnd, OPENED_END) || body.type !== 'ChainOpened')
        return fail('bad-record', seq, 'ChainOpened', '', 'the first record is not ChainOpened');
      const data = body.data;
      if (!isObj(data) || typeof data.chain_id !== 'string' || data.format !== FORMAT)
        return fail(
          'bad-record',
          seq,
          FORMAT,
          JSON.stringify(isObj(data) ? data.format : null),
          'bad ChainOpened',
        );
      this.chainId = data.chain_id;
    } else if (body.type === 'Checkpoint' || endsWith(buf, aEnd, CHECKPOINT_END)) {
      const f = this.checkCheckpoint(body, seq, prev);
      if (f) return f;
    }
    this.seq = seq;
    this.hash = h;
    this.lastType = typeof body.type === 'string' ? body.type : undefined;
    this.lastAction = action;
    if (seq === this.watchSeq) this.watchedHash = h;
    return undefined;
  }

  private checkCheckpoint(body: Obj, seq: number, prev: string): LineFailure | undefined {
    const data = body.data;
    const bad = (message: string, expected = '', actual = ''): LineFailure => ({
      kind: 'bad-signature',
      seq,
      expected,
      actual,
      message,
    });
    if (!isObj(data)) return bad('checkpoint without data');
    if (data.seq !== seq - 1 || data.hash !== prev || data.chain_id !== this.chainId)
      return bad(
        'the checkpoint does not name the record before it',
        `${seq - 1} ${prev}`,
        `${String(data.seq)} ${String(data.hash)}`,
      );
    if (this.trusted && data.key_id !== this.trustedId)
      return bad('checkpoint signed by another key', this.trustedId ?? '', String(data.key_id));
    let key = this.trusted;
    if (key === undefined) {
      try {
        key = loadPublicKey(String(data.public_key));
      } catch {
        return bad('checkpoint with an unreadable public key');
      }
    }
    if (!checkpointSignatureValid(key, data)) return bad('invalid checkpoint signature');
    this.checkpoints++;
    this.signedThrough = seq - 1;
    this.lastCheckpointSeq = seq;
    return undefined;
  }

  /**
   * The envelope was checked byte by byte (it is canonical when `a` is): `a` must be
   * valid UTF-8, canonical JSON, decode, and carry the hashes of its args and result.
   */
  private strictCheck(
    bytes: Uint8Array,
    seq: number,
  ): LineFailure | { body: Obj; action: ChainAction } {
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      return failure('bad-json', seq, 'UTF-8', '', 'the body is not valid UTF-8');
    }
    const r = decodeBody(text, seq);
    if ('kind' in r) return r;
    const again = canonicalJson(r.body);
    if (again !== text)
      return failure('non-canonical', seq, again, text, 'the body is not in canonical form');
    const a = r.body;
    if (a.args !== undefined && r.action.argsHash !== sha256Hex(canonicalJson(a.args ?? null)))
      return failure('bad-record', seq, 'a valid action', '', 'args_hash is not the hash of args');
    if (a.result !== undefined && a.result_hash !== sha256Hex(canonicalJson(a.result)))
      return failure(
        'bad-record',
        seq,
        'a valid action',
        '',
        'result_hash is not the hash of result',
      );
    return r;
  }
}

/**
 * The seq and hash of line `buf[start, end)` when its envelope is well formed and its
 * body hashes to the hash it carries (no link or body checks); else undefined.
 */
export function rehashLine(
  buf: Buffer,
  start: number,
  end: number,
): { readonly seq: number; readonly hash: string } | undefined {
  if (!at(buf, start, PREFIX)) return undefined;
  let p = start + PREFIX.length;
  let seq = 0;
  const digits = p;
  while (p < end && buf[p]! >= 48 && buf[p]! <= 57) seq = seq * 10 + (buf[p++]! - 48);
  const prevAt = p + PREV.length;
  const hashAt = prevAt + 64 + HASH.length;
  const aStart = hashAt + 64 + A.length;
  const ok =
    p > digits &&
    p - digits <= 15 &&
    at(buf, p, PREV) &&
    at(buf, prevAt + 64, HASH) &&
    at(buf, hashAt + 64, A) &&
    buf[end - 1] === 0x7d &&
    end - 1 > aStart;
  if (!ok) return undefined;
  const prev = buf.toString('latin1', prevAt, prevAt + 64);
  const stored = buf.toString('latin1', hashAt, hashAt + 64);
  const h = createHash('sha256')
    .update(`${DOMAIN}${seq}\n${prev}\n`)
    .update(buf.subarray(aStart, end - 1))
    .digest('hex');
  return h === stored ? { seq, hash: h } : undefined;
}

function failure(
  kind: FailureKind,
  seq: number | null,
  expected: string,
  actual: string,
  message: string,
): LineFailure {
  return { kind, seq, expected, actual, message };
}

function parseObject(text: string): Obj | undefined {
  try {
    const o = JSON.parse(text) as Json;
    return isObj(o) ? o : undefined;
  } catch {
    return undefined;
  }
}

/** Bodies from this size on are scanned on the bytes first (scan-body.ts). */
const BIG_BODY = 1 << 16;

/** A big body checked by the byte scanner, when it is sure; else undefined. */
function scanned(
  buf: Buffer,
  start: number,
  end: number,
): { body: Obj; action: ChainAction } | undefined {
  if (end - start < BIG_BODY) return undefined;
  const s = scanBody(buf, start, end);
  if (s === undefined) return undefined;
  try {
    return { body: s.body, action: checkedAction(s.body, s.raw) };
  } catch {
    return undefined; // the full path reports it
  }
}

/** A body checked around its result (result-split.ts), when it can be; else undefined. */
function split(
  memo: ResultMemo,
  buf: Buffer,
  start: number,
  end: number,
): { body: Obj; action: ChainAction } | undefined {
  const s = memo.split(buf, start, end);
  if (s === undefined) return undefined;
  let action: ChainAction;
  try {
    action = checkedAction(s.body, {}, s.checked);
  } catch {
    return undefined; // the full path reports it
  }
  s.accept();
  return { body: s.body, action };
}

/** Parses and decodes a body: the record a reader would get, or why it cannot. */
function decodeBody(text: string, seq: number): LineFailure | { body: Obj; action: ChainAction } {
  let o: Json;
  try {
    o = JSON.parse(text) as Json;
  } catch (e) {
    return failure(
      'bad-json',
      seq,
      'a JSON object',
      '',
      `the body is not JSON: ${(e as Error).message}`,
    );
  }
  if (!isObj(o))
    return failure('bad-json', seq, 'a JSON object', '', 'the body is not a JSON object');
  try {
    return { body: o, action: checkedAction(o) };
  } catch (e) {
    return failure('bad-record', seq, 'a valid action', '', (e as Error).message);
  }
}
