/**
 * Open-and-recover for the writer (the caller holds the lock): verifies the whole log,
 * trims a torn or unparseable *last* line (never anything else), and checks the log
 * still contains the record HEAD names. Any other damage throws
 * {@link ChainCorruptError} before anything is changed.
 */
import {
  closeSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readdirSync,
  readSync,
  unlinkSync,
} from 'node:fs';
import type { KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { sha256Hex } from './hashes.js';
import { readHeadBytes, readHead } from './head.js';
import { type VerifyFailure, listSegments, scanChain, segmentName } from './verify.js';
import { type ScanPoint, startPoint } from './scan-point.js';
import { MARK_TMP, readMark } from './verified-mark.js';

/** The log has damage that open-and-recover must not repair. */
export class ChainCorruptError extends Error {
  constructor(
    readonly dir: string,
    readonly failure: VerifyFailure,
  ) {
    super(
      `refusing to append to causal chain ${dir}: ${failure.segment} line ${failure.line}` +
        `${failure.seq === null ? '' : ` (seq ${failure.seq})`}: ${failure.kind}: ${failure.message}` +
        ` (only a torn last line is repaired automatically; run verify)`,
    );
    this.name = 'ChainCorruptError';
  }
}

/** What open-and-recover trimmed. */
export interface RecoveryInfo {
  readonly segment: string;
  /** The 1-based line that was dropped. */
  readonly line: number;
  readonly kind: string;
  readonly bytes: number;
  readonly sha256: string;
  /** Seq of the RecoveryTruncated record that reports it. */
  readonly seq: number;
}

export interface Recovered {
  /** The segment to append to, and whether it is new. */
  readonly segment: string;
  readonly created: boolean;
  /** Last good record (-1 and 64 zeros when the log is empty). */
  readonly seq: number;
  readonly hash: string;
  readonly chainId: string | undefined;
  readonly lastCheckpoint: number | null;
  readonly trimmed?: Omit<RecoveryInfo, 'seq'> & { readonly dropped: Buffer };
  /**
   * HEAD was missing or unreadable while the log has records: a cut of the newest
   * records cannot be ruled out, so the writer records that it rebuilt HEAD from the
   * scan (a `RecoveryHeadRebuilt` record) instead of silently rewriting it.
   */
  readonly headRebuilt?: { readonly reason: 'missing' | 'unreadable'; readonly bytes: Buffer };
  /** The end of the verified log (after trimming): where this writer's records start. */
  readonly point: ScanPoint;
  /** Names of the content the log stores (ContentStored records). */
  readonly content: Set<string>;
  /** Whether the log was taken as verified from its `VERIFIED` mark (no full scan). */
  readonly fromMark: boolean;
}

/** fsyncs a directory (after creating a file in it). */
export function fsyncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

const TRIMMABLE = new Set(['torn-tail', 'bad-json', 'hash-mismatch']);

function readRange(path: string, start: number, end: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const b = Buffer.alloc(end - start);
    let got = 0;
    while (got < b.length) {
      const n = readSync(fd, b, got, b.length - got, start + got);
      if (n === 0) break;
      got += n;
    }
    return b.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

function truncate(path: string, size: number): void {
  const fd = openSync(path, 'r+');
  try {
    ftruncateSync(fd, size);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * `key`: the writer's signing key (a `VERIFIED` mark is then trusted only when signed
 * by it). Without a usable mark the whole log is verified.
 */
export function recoverChain(dir: string, key?: KeyObject): Recovered {
  for (const f of readdirSync(dir))
    if (/^HEAD\.\d+\.tmp$/.test(f) || MARK_TMP.test(f)) unlinkSync(join(dir, f));
  const segments = listSegments(dir);
  const segment = segments.at(-1) ?? segmentName(1);
  const path = join(dir, segment);
  const headBytes = readHeadBytes(dir);
  const head = readHead(dir);
  const mark = readMark(dir, segments, head, key);
  const content = new Set(mark?.content);
  const scan = scanChain(
    dir,
    {},
    {
      watchSeq: typeof head === 'object' ? head.seq : -1,
      content,
      ...(mark !== undefined ? { from: mark.point } : {}),
    },
  );
  const f = scan.result.ok ? undefined : scan.result;
  if (f && !(f.segment === segment && scan.failEnd === scan.size && TRIMMABLE.has(f.kind)))
    throw new ChainCorruptError(dir, f);
  const c = scan.checker;
  if (
    typeof head === 'object' &&
    (head.seq > c.seq || c.watchedHash !== head.hash || head.chain_id !== c.chainId)
  ) {
    throw new ChainCorruptError(dir, {
      ok: false,
      kind: 'head-mismatch',
      segment,
      line: f ? f.line : c.seq + 2,
      offset: f ? f.offset : scan.goodEnd,
      seq: head.seq,
      expected: `seq ${head.seq} hash ${head.hash}`,
      actual: `the log ends at seq ${c.seq}`,
      message: 'the log lacks the record HEAD names (records were removed or changed)',
      verified: c.seq + 1,
    });
  }
  let trimmed: Recovered['trimmed'];
  if (f) {
    const dropped = readRange(path, f.offset, scan.size);
    truncate(path, f.offset);
    trimmed = {
      segment,
      line: f.line,
      kind: f.kind,
      bytes: dropped.length,
      sha256: sha256Hex(dropped),
      dropped,
    };
  }
  return {
    segment,
    created: segments.length === 0,
    point: c.seq < 0 && scan.point.offset === 0 ? startPoint(segment) : scan.point,
    content,
    fromMark: mark !== undefined,
    seq: c.seq,
    hash: c.hash,
    chainId: c.chainId,
    lastCheckpoint: c.lastCheckpointSeq,
    ...(trimmed ? { trimmed } : {}),
    ...(c.seq >= 0 && typeof head !== 'object'
      ? {
          headRebuilt: {
            reason: head === undefined ? ('missing' as const) : ('unreadable' as const),
            bytes: headBytes ?? Buffer.alloc(0),
          },
        }
      : {}),
  };
}
