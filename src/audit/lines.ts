/**
 * Streaming line scanner over a file: reads in large chunks and hands each
 * `\n`-terminated line to a callback as a byte range (no string per line unless the
 * callback makes one). A final piece without `\n` is reported separately.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

const CHUNK = 4 << 20;
const MIN_CHUNK = 1 << 16;

/**
 * Receives line `lineNo` (1-based) as `buf[start, end)` (without its `\n`), starting at
 * byte `offset` of the file. Returning false stops the scan.
 */
export type LineFn = (
  buf: Buffer,
  start: number,
  end: number,
  lineNo: number,
  offset: number,
) => boolean | void;

export interface ScanResult {
  /** Complete lines seen. */
  readonly lines: number;
  /** Byte offset just after the last complete line handed out. */
  readonly end: number;
  /** True when the callback stopped the scan. */
  readonly stopped: boolean;
  /** A final piece without a newline: its offset and length. */
  readonly tail?: { readonly offset: number; readonly length: number; readonly bytes: Buffer };
}

/**
 * Scans the lines of `path`, from byte `from.offset` (the start of a line, after
 * `from.line` lines) to the end.
 */
export function scanLines(
  path: string,
  onLine: LineFn,
  from: { readonly offset: number; readonly line: number } = { offset: 0, line: 0 },
): ScanResult {
  const fd = openSync(path, 'r');
  try {
    // No bigger than what is left to read (a run's records, or an empty tail): a 4 MB
    // buffer per scan is external memory V8 counts towards a full collection.
    const left = fstatSync(fd).size - from.offset;
    let buf = Buffer.allocUnsafe(Math.max(MIN_CHUNK, Math.min(CHUNK, left + 1)));
    let have = 0;
    let base = from.offset;
    let lineNo = from.line;
    for (;;) {
      const n = readSync(fd, buf, have, buf.length - have, base + have);
      have += n;
      let start = 0;
      const view = buf.subarray(0, have);
      for (;;) {
        const nl = view.indexOf(10, start);
        if (nl < 0) break;
        lineNo++;
        if (onLine(buf, start, nl, lineNo, base + start) === false)
          return { lines: lineNo, end: base + nl + 1, stopped: true };
        start = nl + 1;
      }
      if (n === 0) {
        const tail =
          start < have
            ? {
                offset: base + start,
                length: have - start,
                bytes: Buffer.from(buf.subarray(start, have)),
              }
            : undefined;
        return { lines: lineNo, end: base + start, stopped: false, ...(tail ? { tail } : {}) };
      }
      if (start === 0 && have === buf.length) {
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, have);
        buf = bigger;
      } else if (start > 0) {
        buf.copy(buf, 0, start, have);
        have -= start;
        base += start;
      }
    }
  } finally {
    closeSync(fd);
  }
}
