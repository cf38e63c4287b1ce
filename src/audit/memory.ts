/**
 * `MemoryChain`: the same chain (same lines, hashes and checkpoints) kept in memory,
 * for `--trace` and tests. `save(dir)` writes it out as a verifiable chain directory.
 */
import { type KeyObject, createPublicKey, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { makeDirectory } from '../source/make-directory.js';
import { join } from 'node:path';
import type { ActionInput, AuditSink } from '../runtime/audit-sink.js';
import {
  type ChainRecord,
  type HousekeepingType,
  FORMAT,
  ZERO_HASH,
  actionBody,
  chainHash,
  formatLine,
  housekeepingBody,
  parseLine,
} from './record.js';
import type { Json } from './jcs.js';
import { keyId, loadPrivateKey, publicKeyText, signCheckpoint } from './signing.js';
import { writeHead } from './head.js';
import { listSegments, segmentName } from './verify.js';

export interface MemoryChainOptions {
  readonly now?: () => number;
  /** Ed25519 private key: a signed Checkpoint is added by `seal()` and `save()`. */
  readonly signingKey?: string | KeyObject;
  /**
   * Keep the lines (default true). With false only the running hash, sequence number and
   * chain id are kept: a run nobody reads the chain of (`rtfs run` without `--trace` or
   * `--chain`) then costs no memory per call; reading the lines is a bug.
   */
  readonly retain?: boolean;
  /**
   * Encode and hash the records (default true). With false (and `retain: false`) an
   * append only counts: a run nobody reads the chain of, not even its running hash
   * (`rtfs run` without `--chain`, `--trace` or live export), skips encoding and the
   * three SHA-256s of each call; reading `lastHash` is then a bug.
   */
  readonly hashed?: boolean;
}

export class MemoryChain implements AuditSink {
  private id: string | undefined;
  private readonly out: string[] = [];
  private seq = -1;
  private hash = ZERO_HASH;
  private readonly now: () => number;
  private readonly key: KeyObject | undefined;
  private lastCheckpoint = -1;
  private readonly retain: boolean;
  private readonly hashed: boolean;

  constructor(opts: MemoryChainOptions = {}) {
    this.now = opts.now ?? Date.now;
    this.retain = opts.retain ?? true;
    this.hashed = this.retain || (opts.hashed ?? true);
    this.key = opts.signingKey === undefined ? undefined : loadPrivateKey(opts.signingKey);
    // A chain that only counts keeps no record of its opening and draws its id on first
    // read: such a run never loads node:crypto for it (ADR 0037).
    if (!this.hashed && this.key === undefined) {
      this.seq++;
      return;
    }
    const data: { [k: string]: Json } = { chain_id: this.chainId, format: FORMAT, hash: 'sha256' };
    if (this.key) {
      const pub = createPublicKey(this.key);
      data.key_id = keyId(pub);
      data.public_key = publicKeyText(pub);
    }
    this.housekeeping('ChainOpened', data);
  }

  /** A random 128-bit hex id, drawn when the chain opens (or first read, if it only counts). */
  get chainId(): string {
    return (this.id ??= randomBytes(16).toString('hex'));
  }

  /** True when appends are only counted (`retain: false, hashed: false`), see AuditSink. */
  get countsOnly(): boolean {
    return !this.hashed;
  }

  private push(a: string): void {
    const seq = this.seq + 1;
    const hash = chainHash(seq, this.hash, a);
    if (this.retain) this.out.push(formatLine(seq, this.hash, hash, a));
    this.seq = seq;
    this.hash = hash;
  }

  private housekeeping(type: HousekeepingType, data: { [k: string]: Json }): void {
    this.push(housekeepingBody(type, randomUUID(), this.now(), data));
  }

  append(action: ActionInput, _durable?: boolean): void {
    if (this.hashed) this.push(actionBody(action, this.now()));
    else this.seq++;
    if (action.type === 'ContentStored' && action.name !== undefined) this.content.add(action.name);
  }

  private readonly content = new Set<string>();

  hasContent(hash: string): boolean {
    return this.content.has(hash);
  }

  flush(): void {
    // nothing to do: memory is as durable as it gets
  }

  /** Appends a signed Checkpoint over the current head (needs a signing key). */
  seal(): void {
    if (!this.key || this.lastCheckpoint === this.seq) return;
    this.housekeeping('Checkpoint', signCheckpoint(this.key, this.chainId, this.seq, this.hash));
    this.lastCheckpoint = this.seq;
  }

  get lastSeq(): number {
    return this.seq;
  }

  get lastHash(): string {
    if (!this.hashed) throw new Error('MemoryChain: this chain keeps no hash (hashed: false)');
    return this.hash;
  }

  /** The JSONL lines (each with its newline). */
  get lines(): readonly string[] {
    return this.kept();
  }

  toJsonl(): string {
    return this.kept().join('');
  }

  /** The records, decoded. */
  records(): ChainRecord[] {
    return this.kept().map((l) => parseLine(l));
  }

  private kept(): readonly string[] {
    if (!this.retain) throw new Error('MemoryChain: this chain keeps no lines (retain: false)');
    return this.out;
  }

  /** Writes the chain to `dir` (which must not hold a chain yet), sealing it first. */
  save(dir: string): void {
    makeDirectory(dir);
    if (listSegments(dir).length > 0 || existsSync(join(dir, 'HEAD')))
      throw new Error(`${dir} already holds a causal chain`);
    this.seal();
    const segment = segmentName(1);
    writeFileSync(join(dir, segment), this.toJsonl(), { flush: true });
    writeHead(dir, {
      chain_id: this.chainId,
      segment,
      seq: this.seq,
      hash: this.hash,
      ...(this.lastCheckpoint >= 0 ? { checkpoint: this.lastCheckpoint } : {}),
    });
  }
}
