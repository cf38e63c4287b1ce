/**
 * `JsonlChain`: the causal chain as a hash-chained JSONL log in a directory, behind the
 * synchronous {@link AuditSink} interface (the evaluator is synchronous).
 *
 * - One writer per directory (`LOCK`, see lock.ts); seq and prev are assigned inside
 *   `append`, which is synchronous, so callers can never fork the chain.
 * - Group commit: lines are buffered and written with one `writeSync` every
 *   `batchSize` records, and made durable with one `fdatasync` every `syncEvery`
 *   records, on `flush()`, on a durable append, on close, and every `flushIntervalMs`
 *   (a background timer; docs/adr/0022-chain-write-path.md).
 * - Open and recover (recover.ts): the whole log is verified, or only what was appended
 *   after the `VERIFIED` mark the last writer left at close when that mark still
 *   describes the log exactly (verified-mark.ts, ADR 0032); only a torn or
 *   unparseable *last* line is trimmed (and a `RecoveryTruncated` record says what was
 *   dropped); any other damage makes `open` throw `ChainCorruptError`, changing nothing.
 *   A missing or unreadable `HEAD` on a non-empty log is rebuilt from the scan and
 *   recorded (`RecoveryHeadRebuilt`): it can no longer vouch that no record was cut.
 * - Signed checkpoints every `checkpointEvery` records, at the end of every run
 *   (`checkpoint()`) and at close, when a signing key is configured. `HEAD` is rewritten after fsynced writes (see head.ts).
 * - v1 writes one segment (`seg-000001.jsonl`); rotation is future work (the readers
 *   already follow the chain across `seg-*.jsonl` files).
 */
import { type KeyObject, createPublicKey, randomBytes, randomUUID } from 'node:crypto';
import { closeSync, fdatasyncSync, openSync, writeSync } from 'node:fs';
import { makeDirectory } from '../source/make-directory.js';
import { join } from 'node:path';
import type { ActionInput, AuditSink } from '../runtime/audit-sink.js';
import { type HousekeepingType, FORMAT, housekeepingBody } from './record.js';
import { LineEncoder } from './line-encoder.js';
import type { Json } from './jcs.js';
import { acquireLock } from './lock.js';
import { writeHead } from './head.js';
import { type Recovered, type RecoveryInfo, fsyncDir, recoverChain } from './recover.js';
import { closeOnExit, forgetOnExit } from './exit.js';
import { sha256Hex } from './hashes.js';
import { keyId, loadPrivateKey, publicKeyText, signCheckpoint } from './signing.js';
import type { ScanPoint } from './scan-point.js';
import { pointHolds } from './scan-point.js';
import { listSegments, scanChain } from './verify.js';
import { removeMark, writeMark } from './verified-mark.js';

export interface JsonlChainOptions {
  /** Records buffered before a write (default 256). */
  readonly batchSize?: number;
  /** fdatasync batch writes (default true); flush(), durable appends and close always sync. */
  readonly fsync?: boolean;
  /**
   * Records between the fdatasyncs of batch writes (default 4,096): the batches in
   * between are written (they survive the process being killed), not synced. Durable
   * appends, flush() and close() sync everything at once whatever this says.
   */
  readonly syncEvery?: number;
  /** Background flush of buffered records, in ms (default 200; 0 disables). */
  readonly flushIntervalMs?: number;
  /** Ed25519 private key (PEM or KeyObject): enables signed checkpoints. */
  readonly signingKey?: string | KeyObject;
  /** Records between signed checkpoints (default 1,000; also at the end of every run and at close). */
  readonly checkpointEvery?: number;
  /** Records between HEAD rewrites (default 10,000; also at checkpoints, open and close). */
  readonly headEvery?: number;
  /** Clock for `ts` (epoch ms). */
  readonly now?: () => number;
}

const DROPPED_INLINE_MAX = 4096;

export class JsonlChain implements AuditSink {
  private fd: number;
  /** Encoded lines not yet written (`enc.buf[0, enc.len)`, `count` records), seq and hash. */
  private readonly enc: LineEncoder;
  private count = 0;
  private written: number;
  private durable: number;
  private headSeq: number;
  private lastCheckpoint: number | null;
  /** A checkpoint was appended since HEAD was last written. */
  private checkpointSinceHead = false;
  private readonly key: KeyObject | undefined;
  private readonly batchSize: number;
  private readonly syncBatches: boolean;
  private readonly syncEvery: number;
  private readonly checkpointEvery: number;
  private readonly headEvery: number;
  private readonly now: () => number;
  private timer: NodeJS.Timeout | undefined;
  private broken: Error | undefined;
  private closed = false;
  /** Set when open trimmed a torn tail. */
  readonly recovery: RecoveryInfo | undefined;
  /**
   * The end of the log as open verified it, before this writer's records: a later
   * `verifyChain(dir, {from: verifiedPoint})` checks only what was appended since.
   */
  readonly verifiedPoint: ScanPoint;
  /** Content hashes stored in this chain (ContentStored names; from open on). */
  private readonly content: Set<string>;

  private constructor(
    readonly dir: string,
    readonly segment: string,
    readonly chainId: string,
    private readonly release: () => void,
    fd: number,
    state: Recovered,
    opts: JsonlChainOptions,
  ) {
    this.fd = fd;
    this.verifiedPoint = state.point;
    this.content = state.content;
    this.enc = new LineEncoder(state.seq, state.hash, 1 << 20);
    this.written = this.durable = this.headSeq = state.seq;
    this.lastCheckpoint = state.lastCheckpoint;
    this.key = opts.signingKey === undefined ? undefined : loadPrivateKey(opts.signingKey);
    this.batchSize = Math.max(1, opts.batchSize ?? 256);
    this.syncBatches = opts.fsync ?? true;
    this.syncEvery = Math.max(1, opts.syncEvery ?? 4_096);
    this.checkpointEvery = Math.max(1, opts.checkpointEvery ?? 1_000);
    this.headEvery = Math.max(1, opts.headEvery ?? 10_000);
    this.now = opts.now ?? Date.now;
    if (this.enc.seq < 0) this.housekeeping('ChainOpened', this.openedData());
    const trimmed = state.trimmed;
    if (trimmed) {
      const data: { [k: string]: Json } = {
        after_seq: this.enc.seq,
        bytes: trimmed.bytes,
        kind: trimmed.kind,
        line: trimmed.line,
        segment: trimmed.segment,
        sha256: trimmed.sha256,
      };
      if (trimmed.dropped.length <= DROPPED_INLINE_MAX)
        data.dropped = trimmed.dropped.toString('base64');
      this.housekeeping('RecoveryTruncated', data);
      const { dropped: _dropped, ...info } = trimmed;
      this.recovery = { ...info, seq: this.enc.seq };
    }
    const rebuilt = state.headRebuilt;
    if (rebuilt) {
      const data: { [k: string]: Json } = {
        after_seq: this.enc.seq,
        bytes: rebuilt.bytes.length,
        reason: rebuilt.reason,
        sha256: sha256Hex(rebuilt.bytes),
      };
      if (rebuilt.bytes.length > 0 && rebuilt.bytes.length <= DROPPED_INLINE_MAX)
        data.head = rebuilt.bytes.toString('base64');
      this.housekeeping('RecoveryHeadRebuilt', data);
    }
    this.flush();
    this.writeHeadNow();
    const every = opts.flushIntervalMs ?? 200;
    if (every > 0) {
      this.timer = setInterval(() => this.tick(), every);
      this.timer.unref();
    }
    closeOnExit(this);
  }

  /**
   * Opens (creating if needed) the chain in `dir` for appending: takes the lock,
   * verifies the log, trims a torn last line, and writes ChainOpened for a new chain.
   */
  static open(dir: string, opts: JsonlChainOptions = {}): JsonlChain {
    makeDirectory(dir);
    const release = acquireLock(dir);
    try {
      const key = opts.signingKey === undefined ? undefined : loadPrivateKey(opts.signingKey);
      const r = recoverChain(dir, key);
      const fd = openSync(join(dir, r.segment), 'a');
      if (r.created) fsyncDir(dir);
      const chainId = r.chainId ?? randomBytes(16).toString('hex');
      const o = key === undefined ? opts : { ...opts, signingKey: key };
      return new JsonlChain(dir, r.segment, chainId, release, fd, r, o);
    } catch (e) {
      release();
      throw e;
    }
  }

  private openedData(): { [k: string]: Json } {
    const d: { [k: string]: Json } = { chain_id: this.chainId, format: FORMAT, hash: 'sha256' };
    if (this.key) {
      const pub = createPublicKey(this.key);
      d.key_id = keyId(pub);
      d.public_key = publicKeyText(pub);
    }
    return d;
  }

  /** Seq of the last appended record (-1 when none). */
  get lastSeq(): number {
    return this.enc.seq;
  }

  /** Hash of the last appended record. */
  get lastHash(): string {
    return this.enc.hash;
  }

  /** Seq of the last record known to be on disk (fsynced). */
  get durableSeq(): number {
    return this.durable;
  }

  private check(): void {
    if (this.closed) throw new Error(`causal chain ${this.dir} is closed`);
    if (this.broken)
      throw new Error(
        `causal chain ${this.dir} failed (${this.broken.message}); reopen it to recover`,
      );
  }

  private housekeeping(type: HousekeepingType, data: { [k: string]: Json }): void {
    this.enc.body(housekeepingBody(type, randomUUID(), this.now(), data));
    this.count++;
  }

  /**
   * With a signing key, appends a Checkpoint signing the last record (unless it is
   * already one); the host calls this at the end of every run.
   */
  checkpoint(): void {
    this.check();
    const { seq, hash } = this.enc;
    if (!this.key || seq < 0 || this.lastCheckpoint === seq) return;
    this.housekeeping('Checkpoint', signCheckpoint(this.key, this.chainId, seq, hash));
    this.lastCheckpoint = this.enc.seq;
    this.checkpointSinceHead = true;
  }

  append(action: ActionInput, durable = false): void {
    this.check();
    this.enc.action(action, this.now());
    this.count++;
    if (action.type === 'ContentStored' && action.name !== undefined) this.content.add(action.name);
    if (this.key && this.enc.seq - (this.lastCheckpoint ?? -1) >= this.checkpointEvery)
      this.checkpoint();
    if (durable) this.flush();
    else if (this.count >= this.batchSize) this.write(this.batchSync());
  }

  /** Whether a batch write now should also fdatasync. */
  private batchSync(): boolean {
    return this.syncBatches && this.enc.seq - this.durable >= this.syncEvery;
  }

  hasContent(hash: string): boolean {
    return this.content.has(hash);
  }

  /** Writes and fsyncs every buffered record. */
  flush(): void {
    this.check();
    this.write(true);
  }

  private write(sync: boolean): void {
    if (this.count > 0) {
      const enc = this.enc;
      const n = enc.len;
      enc.len = 0;
      this.count = 0;
      try {
        let off = 0;
        while (off < n) off += writeSync(this.fd, enc.buf, off, n - off);
      } catch (e) {
        this.broken = e as Error;
        throw e;
      }
      this.written = enc.seq;
      // Do not keep a buffer grown for one huge record.
      if (enc.buf.length > 8 << 20) enc.buf = Buffer.allocUnsafe(1 << 20);
    }
    if (!sync || this.durable === this.written) return;
    try {
      fdatasyncSync(this.fd);
    } catch (e) {
      this.broken = e as Error;
      throw e;
    }
    this.durable = this.written;
    if (this.durable - this.headSeq >= this.headEvery || this.checkpointSinceHead)
      this.writeHeadNow();
  }

  private writeHeadNow(): void {
    writeHead(this.dir, {
      chain_id: this.chainId,
      segment: this.segment,
      seq: this.durable,
      hash: this.durableHash(),
      ...(this.lastCheckpoint !== null && this.lastCheckpoint <= this.durable
        ? { checkpoint: this.lastCheckpoint }
        : {}),
    });
    this.headSeq = this.durable;
    this.checkpointSinceHead = false;
  }

  private durableHash(): string {
    // HEAD is written only when everything appended is durable.
    if (this.durable !== this.enc.seq) throw new Error('internal: HEAD behind buffered records');
    return this.enc.hash;
  }

  private tick(): void {
    if (this.closed || this.broken || this.count === 0) return;
    try {
      this.write(this.syncBatches);
    } catch {
      // kept in this.broken; the next append reports it
    }
  }

  /**
   * Writes `VERIFIED` (verified-mark.ts) so that the next open need not verify the
   * log again: the records this writer appended are read back and checked (hashes and
   * links, from the point open verified) first.
   */
  private markVerified(verified: ScanPoint | undefined): void {
    try {
      const segments = listSegments(this.dir);
      // From where the caller verified to (nothing left to read when that is the end).
      const from =
        verified !== undefined &&
        verified.state.seq >= this.verifiedPoint.state.seq &&
        pointHolds(this.dir, segments, verified)
          ? verified
          : this.verifiedPoint;
      if (!pointHolds(this.dir, segments, from)) return removeMark(this.dir);
      const scan = scanChain(this.dir, { hashOnly: true }, { from });
      if (!scan.result.ok || scan.result.head?.seq !== this.durable) return removeMark(this.dir);
      writeMark(this.dir, segments, scan.point, this.content, this.key);
    } catch {
      removeMark(this.dir); // a cache: the next open verifies the whole log
    }
  }

  /** Whether close() appends a record (a signed final checkpoint). */
  get signs(): boolean {
    return this.key !== undefined;
  }

  /**
   * Signs a final checkpoint (with a key), flushes, updates HEAD, leaves the VERIFIED
   * mark and releases the lock. `verified`: a point of this chain the caller verified
   * to (`verifyChainTo` after `flush()`), so that the mark needs no reading back of the
   * records before it.
   */
  close(verified?: ScanPoint): void {
    if (this.closed) return;
    try {
      if (!this.broken) {
        this.checkpoint();
        this.write(true);
        if (this.headSeq !== this.durable) this.writeHeadNow();
        this.markVerified(verified);
      }
    } finally {
      this.closed = true;
      if (this.timer) clearInterval(this.timer);
      forgetOnExit(this);
      closeSync(this.fd);
      this.release();
    }
  }
}

export { ChainCorruptError, type RecoveryInfo } from './recover.js';
