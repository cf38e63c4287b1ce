/**
 * A point of a verified chain where a later scan can go on (docs/adr/0032): the
 * segment and byte offset just after the last good line, that line's place, and the
 * {@link LineChecker} state there. Going on from a point checks only what was appended
 * after it; {@link pointHolds} first re-hashes the point's last line, so a log cut back
 * or rewritten at the point is not taken for verified.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { type CheckerState, rehashLine } from './checker.js';
import { ZERO_HASH } from './record.js';

/** Where a record is: for naming the first record no signature covers. */
export interface Place {
  readonly segment: string;
  readonly line: number;
  readonly offset: number;
  readonly seq: number;
  readonly type: string | undefined;
}

export interface ScanPoint {
  readonly segment: string;
  /** Byte offset just after the last good line of `segment` (0 when it has none). */
  readonly offset: number;
  /** Where that line starts (-1 when `segment` has no good line). */
  readonly lastLineAt: number;
  /** Complete lines of `segment` before `offset`. */
  readonly line: number;
  /** Records verified before the point (all segments). */
  readonly count: number;
  readonly state: CheckerState;
  /** The first record after the last valid checkpoint, if any. */
  readonly firstUnsigned: Place | undefined;
}

/** The point before any record of a chain whose first segment is `segment`. */
export function startPoint(segment: string): ScanPoint {
  return {
    segment,
    offset: 0,
    lastLineAt: -1,
    line: 0,
    count: 0,
    state: {
      seq: -1,
      hash: ZERO_HASH,
      chainId: null,
      checkpoints: 0,
      signedThrough: null,
      lastCheckpointSeq: null,
      lastType: null,
    },
    firstUnsigned: undefined,
  };
}

function readAt(path: string, start: number, length: number): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const b = Buffer.alloc(length);
    let got = 0;
    while (got < length) {
      const n = readSync(fd, b, got, length - got, start + got);
      if (n === 0) return undefined;
      got += n;
    }
    return b;
  } finally {
    closeSync(fd);
  }
}

/**
 * Whether the log in `dir` still holds `p`: `p.segment` is one of `segments` (the
 * first, when `p` is before any record), and its line before `p.offset` still ends
 * there with a newline and hashes to the record `p` names. A cheap check (one line),
 * not a verification of what lies before it.
 */
export function pointHolds(dir: string, segments: readonly string[], p: ScanPoint): boolean {
  const at = segments.indexOf(p.segment);
  if (at < 0) return p.state.seq < 0 && segments.length === 0;
  if (p.state.seq < 0) return at === 0 && p.offset === 0 && p.line === 0;
  if (p.lastLineAt < 0 || p.offset <= p.lastLineAt + 1 || p.line < 1) return false;
  const b = readAt(join(dir, p.segment), p.lastLineAt, p.offset - p.lastLineAt);
  if (b === undefined || b[b.length - 1] !== 10) return false;
  if (p.lastLineAt > 0) {
    const before = readAt(join(dir, p.segment), p.lastLineAt - 1, 1);
    if (before?.[0] !== 10) return false;
  }
  const r = rehashLine(b, 0, b.length - 1);
  return r !== undefined && r.seq === p.state.seq && r.hash === p.state.hash;
}
