/**
 * Ending `rtfs run`, `rtfs eval` and `rtfs plan` as soon as their work is done (ADR 0047). When the
 * command returns, Node would still drain V8's pending tasks before the process exits:
 * after a program that built large strings or collections that is typically the end
 * of an incremental garbage collection (a full mark-compact of a heap about to be
 * discarded, ~50M instructions after the strings bench row). So the process exits at
 * once, but only when nothing else can still happen: no timer, socket, child process
 * or file request is alive (only the standard streams' own handles), nobody listens
 * for `beforeExit`, and the output streams hold no unwritten bytes. Otherwise the
 * process ends as before.
 */

/** What the process looks like once the command has returned. */
export interface ProcessState {
  /** `process.getActiveResourcesInfo()`: one entry per live handle, request or timer. */
  readonly resources: readonly string[];
  /** Handles the standard streams in use may own (at most one each). */
  readonly stdioStreams: number;
  /** `process.listenerCount('beforeExit')`. */
  readonly beforeExitListeners: number;
  /** Bytes the standard streams still have to write. */
  readonly pendingBytes: number;
}

/**
 * Commands that run a program to completion and then have nothing left to do: `plan`
 * too (ADR 0060), whose chain is written and synced before it returns; an LLM provider's
 * sockets or an OTLP export keep a handle alive, and the process then ends as before.
 */
const BATCH = new Set(['run', 'eval', 'plan']);

/** Whether `args` (the command line after the script) names a command that may end early. */
export function endsEarly(args: readonly string[]): boolean {
  return args[0] !== undefined && BATCH.has(args[0]);
}

/**
 * Commands that write standard output and error only through the CLI's io (the REPL and
 * the language server write `process.stdout` themselves): their output may bypass Node's
 * streams, whose creation for a pipe loads node:net and node:stream (ADR 0051).
 */
const IO_ONLY = new Set(['run', 'eval', 'plan']);

/** Whether `args` names a command whose output may be written directly (ADR 0051). */
export function writesOnlyThroughIo(args: readonly string[]): boolean {
  return args[0] !== undefined && IO_ONLY.has(args[0]);
}

/** The standard streams' own handle kinds: a terminal or a pipe (files need none). */
const STDIO_HANDLES = new Set(['TTYWrap', 'PipeWrap']);

/** True when exiting now loses nothing: only the standard streams' handles are alive. */
export function idle(s: ProcessState): boolean {
  if (s.beforeExitListeners > 0 || s.pendingBytes > 0) return false;
  if (s.resources.length > s.stdioStreams) return false;
  return s.resources.every((r) => STDIO_HANDLES.has(r));
}
