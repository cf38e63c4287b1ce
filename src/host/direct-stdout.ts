/**
 * Standard output written with `fs.writeSync` when it is a pipe, a socket or a file
 * (ADR 0051). `process.stdout` of a pipe or socket is a `net.Socket`: creating it loads
 * node:net and node:stream (~1.5 ms, ~15M instructions), most of the CPU a small
 * `rtfs run | …` spends after its own code. A write to such a descriptor is what Node's
 * stream does first anyway (it writes at once when the pipe has room); when it does not
 * (EAGAIN: a non-blocking descriptor whose pipe is full) the rest of this text and every
 * later one go through Node's stream instead, in order.
 */
import { fstatSync, writeSync, type Stats } from 'node:fs';
import { isatty } from 'node:tty';

/** What the writer hands over to when a direct write cannot proceed. */
export interface FallbackStream {
  write(chunk: Uint8Array | string): unknown;
}

export interface DirectWriter {
  write(text: string): void;
}

/** Whether `fd` is a pipe, a socket or a regular file (a terminal or device is not). */
export function directlyWritable(fd: number): boolean {
  const s = statOf(fd);
  return s !== undefined && (s.isFIFO() || s.isSocket() || s.isFile());
}

/**
 * `isatty(fd)`, without loading node:tty (which loads node:net) unless `fd` is a
 * character device: a pipe, socket or file is no terminal.
 */
export function isTerminal(fd: number): boolean {
  const s = statOf(fd);
  return s !== undefined && s.isCharacterDevice() && isatty(fd);
}

function statOf(fd: number): Stats | undefined {
  try {
    return fstatSync(fd);
  } catch {
    return undefined;
  }
}

/** `fs.writeSync(fd, bytes, offset)`: how many bytes it wrote (tests pass their own). */
export type WriteBytes = (fd: number, bytes: Uint8Array, offset: number) => number;

/**
 * Writes each text to `fd` synchronously; from the first EAGAIN on, through the stream
 * `fallback()` returns (called once). Other write errors (EPIPE…) are thrown to the caller.
 */
export function directWriter(
  fd: number,
  fallback: () => FallbackStream,
  write: WriteBytes = writeSync,
): DirectWriter {
  let stream: FallbackStream | undefined;
  return {
    write(text) {
      if (stream !== undefined) {
        stream.write(text);
        return;
      }
      const bytes = Buffer.from(text, 'utf8');
      let done = 0;
      try {
        while (done < bytes.length) done += write(fd, bytes, done);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
        stream = fallback();
        stream.write(bytes.subarray(done));
      }
    },
  };
}
