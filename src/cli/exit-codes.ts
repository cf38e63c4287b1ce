/**
 * Exit codes of every `rtfs` command (also listed in `rtfs --help` and README.md).
 */
export const ExitCode = {
  /** Everything worked. */
  ok: 0,
  /** The input has errors (diagnostics were reported). */
  inputErrors: 1,
  /** Bad command line: unknown command or option, missing or unreadable file. */
  usage: 2,
  /** A bug in rtfs itself (an unexpected exception). */
  internal: 3,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** A command-line mistake; main.ts prints `error: <message>` and exits with 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const EXIT_CODES_HELP = `
Exit codes:
  0  success
  1  the input has errors (diagnostics were printed)
  2  usage error: unknown command or option, missing or unreadable file
  3  internal error in rtfs (please report it)`;
