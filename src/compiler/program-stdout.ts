/**
 * Standard output of a compiled module (ADR 0052), written as `rtfs run` writes it
 * (ADR 0051): with `fs.writeSync` when it is a pipe, a socket or a file. Node's
 * `process.stdout` of a pipe is a `net.Socket`, and creating it loads node:net and
 * node:stream (~15M instructions), more than a small compiled program's own run. A
 * terminal or a device keeps Node's stream; so does every text from the first write
 * that cannot go directly (a full non-blocking pipe, a closed one: the stream then
 * behaves as it always did).
 */
import { directlyWritable, directWriter } from '../host/direct-stdout.js';

/** Writes a text to standard output. */
export type Out = (text: string) => void;

export function programStdout(): Out {
  const fd = 1;
  const stream = (text: string): void => void process.stdout.write(text);
  if (!directlyWritable(fd)) return stream;
  const writer = directWriter(fd, () => process.stdout);
  let direct = true;
  return (text) => {
    if (direct) {
      try {
        writer.write(text);
        return;
      } catch {
        direct = false;
      }
    }
    stream(text);
  };
}
