/**
 * Shared by `rtfs run` and `rtfs eval`: evaluate a source, stream `println` output to
 * stdout, print the last value (unless it is nil and `quietNil`), report errors on
 * stderr with their position, excerpt and RTFS stack.
 */
import { createRuntime, printValue, type Source } from '../index.js';
import type { CliContext } from './io.js';
import { formatDiagnostic } from './color.js';
import { ExitCode } from './exit-codes.js';

export interface EvalFlags {
  /** Extra module directories. */
  readonly path?: readonly string[];
}

export function evaluateSource(source: Source, flags: EvalFlags, ctx: CliContext): ExitCode {
  const { stdout, stderr } = ctx.io;
  const rt = createRuntime({
    out: (t) => stdout.write(t),
    log: (t) => stderr.write(t),
    paths: flags.path ?? [],
  });
  const outcome = rt.evalString(source.text, source.uri);
  if (outcome.ok) {
    stdout.write(`${printValue(outcome.value)}\n`);
    return ExitCode.ok;
  }
  const colors = ctx.colors('stderr');
  if (outcome.diagnostics) {
    for (const d of outcome.diagnostics) stderr.write(`${formatDiagnostic(d, colors)}\n`);
  } else {
    stderr.write(`${outcome.error.render()}\n`);
  }
  return ExitCode.inputErrors;
}
