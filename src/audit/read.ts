/** Reading records back (decoded RTFS values), from a directory or from JSONL text. */
import { join } from 'node:path';
import type { ChainRecord } from './record.js';
import { parseLine } from './record.js';
import { scanLines } from './lines.js';
import { listSegments } from './verify.js';

/** A line of a chain that is not a record (thrown by the readers, or passed to `onBadLine`). */
export class ChainReadError extends Error {
  override readonly name = 'ChainReadError';
  constructor(
    readonly segment: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${segment} line ${line}: not a chain record: ${reason}`);
  }
}

export interface ReadOptions {
  /**
   * Called for a line that does not parse or decode (then reading goes on with the
   * next line); without it, the first such line throws {@link ChainReadError}.
   */
  readonly onBadLine?: (e: ChainReadError) => void;
}

/**
 * Calls `fn` with every record of the chain in `dir`, in seq order (streaming). A
 * partial last line is skipped; a line that does not parse throws a
 * {@link ChainReadError} naming it (or goes to `onBadLine`). This does not verify
 * hashes: run `verifyChain` first when that matters.
 */
export function forEachRecord(
  dir: string,
  fn: (r: ChainRecord) => boolean | void,
  opts: ReadOptions = {},
): void {
  for (const seg of listSegments(dir)) {
    let stop = false;
    scanLines(join(dir, seg), (buf, start, end, line) => {
      let r: ChainRecord;
      try {
        r = parseLine(buf.toString('utf8', start, end));
      } catch (e) {
        const err = new ChainReadError(seg, line, (e as Error).message);
        if (opts.onBadLine === undefined) throw err;
        opts.onBadLine(err);
        return true;
      }
      if (fn(r) === false) {
        stop = true;
        return false;
      }
      return true;
    });
    if (stop) return;
  }
}

/** Every record of the chain in `dir` (see {@link forEachRecord}). */
export function readRecords(dir: string, opts: ReadOptions = {}): ChainRecord[] {
  const out: ChainRecord[] = [];
  forEachRecord(
    dir,
    (r) => {
      out.push(r);
    },
    opts,
  );
  return out;
}

/** The records of JSONL text (e.g. `MemoryChain.toJsonl()`); blank lines are skipped. */
export function parseJsonl(text: string): ChainRecord[] {
  const out: ChainRecord[] = [];
  text.split('\n').forEach((l, i) => {
    if (l.trim() === '') return;
    try {
      out.push(parseLine(l));
    } catch (e) {
      throw new ChainReadError('<jsonl>', i + 1, (e as Error).message);
    }
  });
  return out;
}
