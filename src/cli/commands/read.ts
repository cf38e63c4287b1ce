/**
 * `rtfs read [--json | --check] [files...]`: reads RTFS text and prints it back.
 *
 * - default: each top-level form in canonical form (printValue), one per line, on
 *   stdout; the diagnostics of a file with errors (excerpt and caret) on stderr.
 * - `--json`: one JSON object per file (forms with spans, comments, diagnostics).
 * - `--check`: only diagnostics, as `file:line:col: code: message` plus the excerpt.
 *
 * Exit code 1 when any file has diagnostics.
 */
import { Option } from 'commander';
import { printValue, read, type ReadResult, type Source } from '../../reader.js';
import type { RegisterCommand } from '../command.js';
import { EXIT_CODES_HELP, ExitCode } from '../exit-codes.js';
import { readSources, type CliContext } from '../io.js';
import { formatDiagnostic } from '../color.js';
import { readResultToJson } from '../json.js';
import { diagnostic, SyntaxCodes } from '../../diagnostics/index.js';

interface ReadFlags {
  readonly json?: boolean;
  readonly check?: boolean;
}

const EXAMPLES = `
Examples:
  rtfs read examples/hello.rtfs        print each form in canonical form
  rtfs read --json plan.rtfs | jq .    forms with source spans, as JSON
  rtfs read --check src/*.rtfs         report syntax errors only
  echo '(+ 1 2)' | rtfs read           read standard input`;

export const registerRead: RegisterCommand = (program, host) => {
  program
    .command('read')
    .description('read RTFS files and print each top-level form back, one per line')
    .argument('[files...]', "files to read ('-' or none: standard input)")
    .addOption(
      new Option('--json', 'print forms, comments and diagnostics as JSON with source spans'),
    )
    .addOption(
      new Option('--check', 'print only diagnostics (nothing when the input is valid)').conflicts(
        'json',
      ),
    )
    .addHelpText('after', `${EXAMPLES}\n${EXIT_CODES_HELP}`)
    .action((files: string[], flags: ReadFlags) => host.run((ctx) => runRead(files, flags, ctx)));
};

interface FileResult {
  readonly source: Source;
  readonly result: ReadResult;
}

export async function runRead(
  files: readonly string[],
  flags: ReadFlags,
  ctx: CliContext,
): Promise<ExitCode> {
  const sources = await readSources(files, ctx.io);
  const results: FileResult[] = sources.map((source) => ({ source, result: read(source) }));
  let tooDeep = false;
  if (flags.json) tooDeep = writeJson(results, ctx);
  else if (flags.check) writeCheck(results, ctx);
  else writeForms(results, ctx);
  const failed = tooDeep || results.some((r) => r.result.diagnostics.length > 0);
  return failed ? ExitCode.inputErrors : ExitCode.ok;
}

function writeForms(results: readonly FileResult[], ctx: CliContext): void {
  const out: string[] = [];
  const errors: string[] = [];
  for (const { result } of results) {
    if (result.diagnostics.length > 0) {
      const colors = ctx.colors('stderr');
      for (const d of result.diagnostics) errors.push(formatDiagnostic(d, colors), '');
    } else {
      for (const form of result.forms) out.push(printValue(form));
    }
  }
  if (out.length > 0) ctx.io.stdout.write(`${out.join('\n')}\n`);
  if (errors.length > 0) ctx.io.stderr.write(errors.join('\n'));
}

function writeCheck(results: readonly FileResult[], ctx: CliContext): void {
  const out: string[] = [];
  for (const { result } of results) {
    if (result.diagnostics.length === 0) continue;
    const colors = ctx.colors('stdout');
    for (const d of result.diagnostics) out.push(formatDiagnostic(d, colors, false), '');
  }
  if (out.length > 0) ctx.io.stdout.write(out.join('\n'));
}

/** Writes one JSON line per file; true when a file was too deeply nested to convert. */
function writeJson(results: readonly FileResult[], ctx: CliContext): boolean {
  let tooDeep = false;
  const lines = results.map(({ source, result }) => {
    try {
      return JSON.stringify(readResultToJson(source.uri, result));
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      // The JSON form of deeply nested data takes several frames per level: report the
      // file (its first form) as too deep rather than crash.
      tooDeep = true;
      const d = diagnostic(
        SyntaxCodes.tooDeep,
        'syntax',
        'forms are nested too deeply for --json output (about 1,000 levels at most)',
        result.spans[0] ?? { source, start: 0, end: Math.min(1, source.text.length) },
      );
      ctx.io.stderr.write(`${formatDiagnostic(d, ctx.colors('stderr'))}\n`);
      const empty = { ...result, forms: [], spans: [], comments: [], diagnostics: [d] };
      return JSON.stringify(readResultToJson(source.uri, empty));
    }
  });
  ctx.io.stdout.write(`${lines.join('\n')}\n`);
  return tooDeep;
}
