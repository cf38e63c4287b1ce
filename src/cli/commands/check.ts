/**
 * `rtfs check [--json] [--catalog FILE]… [-p DIR]… FILE…`: reads and analyzes RTFS
 * files without running them and reports every diagnostic (src/check/): syntax and
 * analysis errors (unbound symbols, bad special forms, …), calls with the wrong number
 * of arguments, literals that can never match a declared type, unknown capability ids.
 *
 * Output: one `file:line:col: code: message` line per diagnostic on stdout (warnings
 * end with `(warning)`; on a terminal each line is followed by the excerpt), then a
 * summary on stderr; `--json` prints one JSON document instead. Exit 1 when any
 * error was found; warnings alone exit 0.
 */
import { Option } from 'commander';
import type { RegisterCommand } from '../command.js';
import { EXIT_CODES_HELP, ExitCode, UsageError } from '../exit-codes.js';
import { readSources, type CliContext } from '../io.js';
import { collect } from '../options.js';
import { readFileSync } from 'node:fs';

interface CheckFlags {
  readonly json?: boolean;
  readonly catalog?: string[];
  readonly path?: string[];
}

const EXAMPLES = `
Examples:
  rtfs check plan.rtfs                      every problem, one line each
  rtfs check --json src/ | jq .             the same as JSON, for editors and tools
  rtfs check --catalog caps.json plan.rtfs  (call "id" …) ids must be built in,
                                            defined in the program, or in caps.json`;

export const registerCheck: RegisterCommand = (program, host) => {
  program
    .command('check')
    .description('analyze RTFS files without running them and report every problem')
    .argument('[files...]', "files or directories ('-' or none: standard input)")
    .addOption(new Option('--json', 'print the diagnostics as JSON'))
    .addOption(
      new Option(
        '--catalog <file>',
        'capability catalog: a vector of maps with :id (RTFS or JSON); repeatable',
      ).argParser(collect),
    )
    .addOption(
      new Option('-p, --path <dir>', 'add a module directory for (import …)').argParser(collect),
    )
    .addHelpText('after', `${EXAMPLES}\n${EXIT_CODES_HELP}`)
    .action((files: string[], flags: CheckFlags) => host.run((ctx) => runCheck(files, flags, ctx)));
};

async function runCheck(files: string[], flags: CheckFlags, ctx: CliContext): Promise<ExitCode> {
  const { expandRtfsFiles } = await import('../files.js');
  const paths = files.length === 0 ? ['-'] : expandRtfsFiles(files, process.cwd(), false);
  const sources = await readSources(paths, ctx.io);
  const [check, { formatDiagnosticLine, diagnosticToJson, renderExcerpt }] = await Promise.all([
    import('../../check/index.js'),
    import('../../reader.js'),
  ]);
  let catalog: string[] | undefined;
  for (const file of flags.catalog ?? []) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new UsageError(`cannot read catalog '${file}'`);
    }
    const r = check.catalogIds(text, file);
    if ('error' in r) throw new UsageError(`bad catalog: ${r.error}`);
    catalog = [...(catalog ?? []), ...r.ids];
  }
  const reports = check.checkSources(sources, {
    ...(flags.path ? { paths: flags.path } : {}),
    ...(catalog ? { catalog } : {}),
  });
  const all = reports.flatMap((r) => r.diagnostics);
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.length - errors;
  if (flags.json) {
    const doc = {
      files: reports.map((r) => ({
        file: r.uri,
        diagnostics: r.diagnostics.map(diagnosticToJson),
      })),
      errors,
      warnings,
    };
    ctx.io.stdout.write(`${JSON.stringify(doc)}\n`);
  } else {
    const excerpts = ctx.io.stdout.isTTY === true;
    const lines = all.map((d) => {
      const line = formatDiagnosticLine(d) + (d.severity === 'warning' ? ' (warning)' : '');
      return excerpts ? `${line}\n${renderExcerpt(d.span)}\n` : `${line}\n`;
    });
    ctx.io.stdout.write(lines.join(''));
    const n = (k: number, what: string): string => `${k} ${what}${k === 1 ? '' : 's'}`;
    ctx.io.stderr.write(
      `${n(errors, 'error')}, ${n(warnings, 'warning')} in ${n(reports.length, 'file')}\n`,
    );
  }
  return errors > 0 ? ExitCode.inputErrors : ExitCode.ok;
}
