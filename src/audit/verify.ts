/**
 * `verifyChain(dir)`: streams every segment of a chain directory through the
 * {@link LineChecker} and reports either success or the first bad line, then checks
 * `HEAD` (a log cut back behind its HEAD is `head-mismatch`).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type CheckerOptions, type FailureKind, LineChecker } from './checker.js';
import { scanLines } from './lines.js';
import { readHead } from './head.js';
import type { ChainRecord } from './record.js';
import { type Place, type ScanPoint, pointHolds } from './scan-point.js';
import { contentNamesIn } from './content.js';

export const SEGMENT_PATTERN = /^seg-(\d{6,})\.jsonl$/;

export function segmentName(n: number): string {
  return `seg-${String(n).padStart(6, '0')}.jsonl`;
}

/** The segment files of `dir`, in order. */
export function listSegments(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => SEGMENT_PATTERN.test(f))
    .sort();
}

export interface VerifyOk {
  readonly ok: true;
  /** Records verified. */
  readonly count: number;
  /** The last record (null for an empty directory). */
  readonly head: { readonly seq: number; readonly hash: string } | null;
  readonly chainId: string | null;
  /** Valid signed checkpoints seen. */
  readonly checkpoints: number;
  /** The seq the last valid checkpoint covers (records after it are unsigned). */
  readonly signedThrough: number | null;
  /** Records after the last valid checkpoint (not covered by any signature). */
  readonly unsigned: number;
  /** Whether a HEAD file was present (and matched). */
  readonly headFile: boolean;
}

export interface VerifyFailure {
  readonly ok: false;
  readonly kind: FailureKind;
  /** Segment file name, and the 1-based line in it. */
  readonly segment: string;
  readonly line: number;
  /** Byte offset of the line in its segment. */
  readonly offset: number;
  readonly seq: number | null;
  readonly expected: string;
  readonly actual: string;
  readonly message: string;
  /** Records before this line that verified. */
  readonly verified: number;
}

export type VerifyResult = VerifyOk | VerifyFailure;

export interface VerifyOptions extends CheckerOptions {
  /** Compare with HEAD (default true). */
  readonly checkHead?: boolean;
  /**
   * Fail unless every record is covered by a checkpoint signed by `publicKey` (the
   * last one may be that checkpoint itself); default: when a key is given.
   */
  readonly requireSignature?: boolean;
  /**
   * Called with each record that verifies, decoded as `readRecords` decodes it (not in
   * `hashOnly` mode): verifying and reading a chain in one pass. Records before a
   * failure are passed too.
   */
  readonly onRecord?: (r: ChainRecord) => void;
  /**
   * A point where an earlier verification of this chain stopped (e.g.
   * `JsonlChain.verifiedPoint`): only the records after it are checked (and passed to
   * `onRecord`), going on from the checker state there; counts and the head are the
   * whole chain's. Ignored (the whole chain is verified) with `publicKey`,
   * `requireSignature`, `strict` or `hashOnly` (the point was not checked that way),
   * when HEAD names a record before the point, or when the point's last line no longer
   * hashes to the record it names.
   */
  readonly from?: ScanPoint;
}

/** The outcome of a scan, with what the writer needs to recover. */
export interface ScanOutcome {
  readonly result: VerifyResult;
  readonly checker: LineChecker;
  /** Segment holding the last good record, and the offset just after it. */
  readonly segment: string | undefined;
  readonly goodEnd: number;
  /** Size of the failing segment and the end of the failing line (failures only). */
  readonly size: number;
  readonly failEnd: number;
  /** The first record after the last valid checkpoint, if any. */
  readonly firstUnsigned: Place | undefined;
  /** Just after the last good record (and before a trimmable failure). */
  readonly point: ScanPoint;
}

/** How {@link scanChain} scans. */
export interface ScanSettings {
  /** The seq whose hash to remember (HEAD's). */
  readonly watchSeq?: number;
  readonly onRecord?: (r: ChainRecord) => void;
  /** Go on from this point (which the caller checked with `pointHolds`). */
  readonly from?: ScanPoint;
  /** Collects the names of the ContentStored records scanned. */
  readonly content?: Set<string>;
}

const CONTENT_END = Buffer.from('"type":"ContentStored"}');

/** Scans every segment, or those from `from` on (no HEAD check). */
export function scanChain(
  dir: string,
  opts: CheckerOptions = {},
  settings: ScanSettings = {},
): ScanOutcome {
  const { onRecord, from, content } = settings;
  const checker = new LineChecker(opts);
  checker.watchSeq = settings.watchSeq ?? -1;
  if (from !== undefined) checker.restore(from.state);
  let count = from?.count ?? 0;
  let segment: string | undefined;
  let goodEnd = from?.offset ?? 0;
  let firstUnsigned: Place | undefined = from?.firstUnsigned;
  let lastSeg = from?.segment;
  let lastLineAt = from?.lastLineAt ?? -1;
  let lastLine = from?.line ?? 0;
  let lastEnd = from?.offset ?? 0;
  for (const seg of listSegments(dir)) {
    if (from !== undefined && seg < from.segment) continue;
    const path = join(dir, seg);
    let failure: VerifyFailure | undefined;
    let failEnd = 0;
    const start0 = from !== undefined && seg === from.segment ? from : { offset: 0, line: 0 };
    if (seg !== lastSeg) {
      lastSeg = seg;
      lastLineAt = -1;
      lastLine = 0;
      lastEnd = 0;
    }
    const scan = scanLines(
      path,
      (buf, start, end, line, offset) => {
        const prev = checker.hash;
        const f = checker.check(buf, start, end);
        if (f === undefined) {
          count++;
          const action = checker.lastAction;
          if (onRecord !== undefined && action !== undefined)
            onRecord({ seq: checker.seq, prev, hash: checker.hash, action });
          if (content !== undefined && end - start > CONTENT_END.length) {
            if (
              buf.compare(CONTENT_END, 0, CONTENT_END.length, end - CONTENT_END.length, end) === 0
            )
              contentNamesIn(buf.toString('utf8', start, end), content);
          }
          goodEnd = offset + (end - start) + 1;
          lastLineAt = offset;
          lastLine = line;
          lastEnd = goodEnd;
          if (checker.lastCheckpointSeq === checker.seq) firstUnsigned = undefined;
          else
            firstUnsigned ??= {
              segment: seg,
              line,
              offset,
              seq: checker.seq,
              type: checker.lastType,
            };
          return true;
        }
        failure = { ok: false, ...f, segment: seg, line, offset, verified: count };
        failEnd = offset + (end - start) + 1;
        return false;
      },
      start0,
    );
    if (!failure) segment = seg;
    else segment ??= seg;
    if (failure === undefined && scan.tail !== undefined) {
      failure = {
        ok: false,
        kind: 'torn-tail',
        segment: seg,
        line: scan.lines + 1,
        offset: scan.tail.offset,
        seq: null,
        expected: 'a line ending in \\n',
        actual: `${scan.tail.length} bytes without a newline`,
        message: 'the segment ends with a partial line',
        verified: count,
      };
      failEnd = scan.tail.offset + scan.tail.length;
    }
    if (failure) {
      return {
        result: failure,
        checker,
        segment: seg,
        goodEnd: failure.line === 1 ? 0 : goodEnd,
        size: statSync(path).size,
        failEnd,
        firstUnsigned,
        point: pointOf(),
      };
    }
    if (scan.lines > 0) goodEnd = scan.end;
  }
  function pointOf(): ScanPoint {
    return {
      segment: lastSeg ?? segment ?? '',
      offset: lastEnd,
      lastLineAt,
      line: lastLine,
      count,
      state: checker.state(),
      firstUnsigned,
    };
  }
  return {
    point: pointOf(),
    result: {
      ok: true,
      count,
      head: checker.seq < 0 ? null : { seq: checker.seq, hash: checker.hash },
      chainId: checker.chainId ?? null,
      checkpoints: checker.checkpoints,
      signedThrough: checker.signedThrough,
      unsigned: firstUnsigned === undefined ? 0 : checker.seq - firstUnsigned.seq + 1,
      headFile: false,
    },
    checker,
    segment,
    goodEnd,
    size: 0,
    failEnd: 0,
    firstUnsigned,
  };
}

/**
 * Verifies the chain in `dir`: `{ok: true, count, head, …}` or the first failure with
 * its segment, line, byte offset, seq, kind, expected and actual values.
 */
export function verifyChain(dir: string, opts: VerifyOptions = {}): VerifyResult {
  return verifyChainTo(dir, opts).result;
}

/**
 * {@link verifyChain}, with the point just after the last record when the chain
 * verifies: a writer that appended everything before it can leave its VERIFIED mark
 * there without reading its records back (`JsonlChain.close(point)`).
 */
export function verifyChainTo(
  dir: string,
  opts: VerifyOptions = {},
): { readonly result: VerifyResult; readonly point: ScanPoint | undefined } {
  const r = verifyScanned(dir, opts);
  if (!r.ok) return { result: r, point: undefined };
  const { point, ...result } = r;
  return { result, point };
}

function verifyScanned(
  dir: string,
  opts: VerifyOptions,
): VerifyFailure | (VerifyOk & { readonly point: ScanPoint }) {
  const headFile = opts.checkHead === false ? undefined : readHead(dir);
  const watch = typeof headFile === 'object' ? headFile.seq : -1;
  const from =
    opts.from !== undefined && resumable(dir, opts.from, opts, watch) ? opts.from : undefined;
  const { result, checker, firstUnsigned, point } = scanChain(dir, opts, {
    watchSeq: watch,
    ...(opts.onRecord !== undefined ? { onRecord: opts.onRecord } : {}),
    ...(from !== undefined ? { from } : {}),
  });
  if (!result.ok) {
    // A crash only ever tears a line after everything HEAD names: a partial line
    // before HEAD's record is a cut, not a torn tail.
    if (result.kind === 'torn-tail' && typeof headFile === 'object' && headFile.seq > checker.seq)
      return {
        ...result,
        kind: 'head-mismatch',
        expected: `seq ${headFile.seq}`,
        actual: `seq ${checker.seq} then a partial line`,
        message:
          `the log ends at seq ${checker.seq} (then a partial line) but HEAD names seq ` +
          `${headFile.seq}: ${headFile.seq - checker.seq} record(s) were cut (not a torn tail)`,
      };
    return result;
  }
  const last = listSegments(dir).at(-1) ?? '';
  const fail = (message: string, expected: string, actual: string): VerifyFailure => ({
    ok: false,
    kind: 'head-mismatch',
    segment: last,
    line: result.count + 1,
    offset: 0,
    seq: result.head?.seq ?? null,
    expected,
    actual,
    message,
    verified: result.count,
  });
  if (headFile === 'bad') return fail('HEAD does not parse', 'a HEAD record', 'garbage');
  if (headFile !== undefined) {
    const end = result.head?.seq ?? -1;
    if (headFile.chain_id !== result.chainId)
      return fail('HEAD belongs to another chain', headFile.chain_id, String(result.chainId));
    if (headFile.seq > end)
      return fail(
        `the log ends at seq ${end} but HEAD names seq ${headFile.seq}: records were removed`,
        `seq ${headFile.seq}`,
        `seq ${end}`,
      );
    const h = checker.watchedHash;
    if (h !== headFile.hash)
      return fail(`record ${headFile.seq} differs from HEAD`, headFile.hash, String(h));
  }
  const wantSig = opts.requireSignature ?? opts.publicKey !== undefined;
  if (wantSig && result.checkpoints === 0)
    return {
      ...fail('no checkpoint signed by the given key', 'a signed Checkpoint', 'none'),
      kind: 'bad-signature',
    };
  if (wantSig && firstUnsigned !== undefined) {
    const { seq, type } = firstUnsigned;
    const after = result.unsigned - 1;
    return {
      ok: false,
      kind: 'unsigned',
      segment: firstUnsigned.segment,
      line: firstUnsigned.line,
      offset: firstUnsigned.offset,
      seq,
      expected: `a checkpoint signed by the given key covering seq ${seq}`,
      actual: `signed through seq ${String(result.signedThrough)}`,
      message:
        `record ${seq} (${type ?? 'unknown type'})${after > 0 ? ` and ${after} record(s) after it` : ''}` +
        ` not covered by any signed checkpoint (appended after the last signature, or by someone without the key)`,
      verified: seq,
    };
  }
  return { ...result, headFile: headFile !== undefined, point };
}

/** Whether `verifyChain` may go on from `p` instead of verifying the whole chain. */
function resumable(dir: string, p: ScanPoint, opts: VerifyOptions, watch: number): boolean {
  if (opts.publicKey !== undefined || opts.requireSignature === true) return false;
  if (opts.strict === true || opts.hashOnly === true) return false;
  if (watch >= 0 && watch < p.state.seq) return false;
  return pointHolds(dir, listSegments(dir), p);
}
