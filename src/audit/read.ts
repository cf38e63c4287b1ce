/** Reading records back (decoded RTFS values), from a directory or from JSONL text. */
import { join } from 'node:path';
import type { ChainRecord } from './record.js';
import { parseLine } from './record.js';
import { scanLines } from './lines.js';
import { listSegments } from './verify.js';

/**
 * Calls `fn` with every record of the chain in `dir`, in seq order (streaming). A
 * partial last line is skipped; a line that does not parse throws, naming it. This
 * does not verify hashes: run `verifyChain` first when that matters.
 */
export function forEachRecord(dir: string, fn: (r: ChainRecord) => boolean | void): void {
  for (const seg of listSegments(dir)) {
    let stop = false;
    scanLines(join(dir, seg), (buf, start, end, line) => {
      let r: ChainRecord;
      try {
        r = parseLine(buf.toString('utf8', start, end));
      } catch (e) {
        throw new Error(`${seg} line ${line}: ${(e as Error).message}`);
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
export function readRecords(dir: string): ChainRecord[] {
  const out: ChainRecord[] = [];
  forEachRecord(dir, (r) => {
    out.push(r);
  });
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
      throw new Error(`line ${i + 1}: ${(e as Error).message}`);
    }
  });
  return out;
}
