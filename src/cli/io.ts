/**
 * Where commands read and write: input files (or stdin) as Sources, and the two
 * output streams with their colour settings. Tests and other front ends can pass
 * their own {@link CliIo}.
 */
import { readFileSync } from 'node:fs';
import { Source } from '../reader.js';
import { UsageError } from './exit-codes.js';
import { makeColors, type Colors } from './color.js';
import { directlyWritable, directWriter, isTerminal } from '../host/direct-stdout.js';

export interface OutStream {
  write(text: string): void;
  /** Whether this stream is a terminal (colours default to on). */
  readonly isTTY?: boolean;
  /** A terminal's width in columns. */
  readonly columns?: number;
}

export interface CliIo {
  readonly stdout: OutStream;
  readonly stderr: OutStream;
  /** Whole standard input, or undefined when stdin is an interactive terminal. */
  readStdin(): Promise<string | undefined>;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether standard input and output are both terminals (`rtfs` alone opens the REPL). */
  readonly interactive?: boolean;
}

/** What a command's action gets: the io plus colours resolved from flags and env. */
export interface CliContext {
  readonly io: CliIo;
  /** Colours for stdout and stderr (each off unless that stream is a TTY). */
  colors(stream: 'stdout' | 'stderr'): Colors;
  /** The rtfs-ts version (reports and exports name their generator). */
  readonly version?: string;
}

/**
 * The process's streams. Node creates `process.stdout` and `process.stderr` on first
 * access (a socket or TTY stream for pipes and terminals), so they are only touched
 * when a command writes to them (or asks whether they are terminals). Standard output
 * and error that are a pipe, socket or file are written directly, without
 * `process.stdout`/`process.stderr`, when `direct` (for commands that write them only
 * through this io: direct-stdout.ts, ADR 0051).
 */
export function nodeIo(options: { readonly direct?: boolean } = {}): NodeIo {
  const opened = new Set<0 | 1 | 2>();
  const nodeStdout = (): NodeJS.WriteStream => {
    if (!opened.has(1)) {
      opened.add(1);
      // `rtfs read big.rtfs | head` closes the pipe early: that is not an error.
      process.stdout.on('error', (e: NodeJS.ErrnoException) => {
        if (e.code === 'EPIPE') process.exit(0);
        throw e;
      });
    }
    return process.stdout;
  };
  const nodeStderr = (): NodeJS.WriteStream => {
    opened.add(2);
    return process.stderr;
  };
  let stdout: OutStream | undefined;
  let stderr: OutStream | undefined;
  return {
    opened,
    get stdout() {
      stdout ??=
        options.direct === true && directlyWritable(1) ? directStream(1, nodeStdout) : nodeStdout();
      return stdout;
    },
    // Created on first use: `rtfs run` that writes no error never creates it.
    get stderr() {
      stderr ??=
        options.direct === true && directlyWritable(2)
          ? directStream(2, nodeStderr)
          : lazyStream(nodeStderr);
      return stderr;
    },
    env: process.env,
    get interactive() {
      return isTerminal(0) && isTerminal(1);
    },
    async readStdin() {
      opened.add(0);
      if (process.stdin.isTTY) return undefined;
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}

/** A stream made by `open` when first written to or asked whether it is a terminal. */
function lazyStream(open: () => NodeJS.WriteStream): OutStream {
  return {
    write(text) {
      open().write(text);
    },
    get isTTY() {
      return open().isTTY === true;
    },
    get columns() {
      return open().columns;
    },
  };
}

/**
 * Direct writes to `fd` (a pipe, socket or file: never a terminal); a closed pipe ends
 * the process quietly, as on standard output's stream.
 */
function directStream(fd: 1 | 2, fallback: () => NodeJS.WriteStream): OutStream {
  const writer = directWriter(fd, fallback);
  return {
    write(text) {
      try {
        writer.write(text);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EPIPE') process.exit(0);
        throw e;
      }
    },
  };
}

/** The process's io, and which standard streams (by file descriptor) it has opened. */
export interface NodeIo extends CliIo {
  readonly opened: ReadonlySet<0 | 1 | 2>;
}

export function makeContext(io: CliIo, colorFlag: boolean, version?: string): CliContext {
  return {
    io,
    colors: (stream) => makeColors(io[stream], io.env, colorFlag),
    ...(version !== undefined ? { version } : {}),
  };
}

/** The name used in positions for text read from stdin. */
export const STDIN_NAME = '<stdin>';

/**
 * Reads every named file (`-` is stdin; no names means stdin) before any output,
 * so a missing file is a usage error with nothing half-printed.
 */
export async function readSources(paths: readonly string[], io: CliIo): Promise<Source[]> {
  const names = paths.length === 0 ? ['-'] : paths;
  const sources: Source[] = [];
  for (const name of names) {
    if (name === '-') {
      const text = await io.readStdin();
      if (text === undefined) {
        throw new UsageError('no input: give a file name, or pipe RTFS text into stdin');
      }
      sources.push(new Source(STDIN_NAME, text));
    } else {
      sources.push(new Source(name, readTextFile(name)));
    }
  }
  return sources;
}

function readTextFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : String((e as Error).message);
    throw new UsageError(`cannot read '${path}': ${why}`);
  }
}
