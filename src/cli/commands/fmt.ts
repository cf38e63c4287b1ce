/**
 * `rtfs fmt [--check | --write] [files...]`: formats RTFS files (src/format/, the same
 * layout as the prettier plugin `rtfs-ts/prettier`).
 *
 * - default: the formatted text on stdout;
 * - `--check`: lists the files that are not formatted (exit 1 if any);
 * - `--write`: rewrites the files that are not formatted, in place.
 *
 * Directories are searched for `.rtfs` files (see files.ts for `.rtfsfmtignore`).
 * A file with syntax errors gets its diagnostics on stderr and exit code 1.
 */
import { Option } from 'commander';
import type { RegisterCommand } from '../command.js';
import { EXIT_CODES_HELP, ExitCode, UsageError } from '../exit-codes.js';
import { readSources, type CliContext } from '../io.js';
import { writeFileSync } from 'node:fs';

interface FmtFlags {
  readonly check?: boolean;
  readonly write?: boolean;
  readonly width?: string;
}

const EXAMPLES = `
Examples:
  rtfs fmt plan.rtfs                   print plan.rtfs formatted
  rtfs fmt --write examples/           format every .rtfs file below examples/ in place
  rtfs fmt --check .                   list unformatted files (exit 1 if any); CI runs this
  prettier --plugin rtfs-ts/prettier --write plan.rtfs    the same, through prettier`;

export const registerFmt: RegisterCommand = (program, host) => {
  program
    .command('fmt')
    .description('format RTFS files (print, --check or --write)')
    .argument('[files...]', "files or directories ('-' or none: standard input)")
    .addOption(new Option('--check', 'list the files that are not formatted; exit 1 if any'))
    .addOption(new Option('--write', 'rewrite unformatted files in place').conflicts('check'))
    .addOption(new Option('--width <columns>', 'maximum line width').default('100'))
    .addHelpText('after', `${EXAMPLES}\n${EXIT_CODES_HELP}`)
    .action((files: string[], flags: FmtFlags) => host.run((ctx) => runFmt(files, flags, ctx)));
};

async function runFmt(files: string[], flags: FmtFlags, ctx: CliContext): Promise<ExitCode> {
  const width = Number(flags.width ?? '100');
  if (!Number.isInteger(width) || width < 20) {
    throw new UsageError(`--width must be an integer of at least 20, not '${flags.width}'`);
  }
  const { expandRtfsFiles } = await import('../files.js');
  const paths = files.length === 0 ? ['-'] : expandRtfsFiles(files);
  if (flags.write && paths.includes('-')) throw new UsageError('--write needs file names');
  const sources = await readSources(paths, ctx.io);
  const [{ formatSource }, { formatDiagnostic }] = await Promise.all([
    import('../../format/index.js'),
    import('../color.js'),
  ]);
  let failed = false;
  const out: string[] = [];
  const unformatted: string[] = [];
  for (const source of sources) {
    const r = formatSource(source.text, { width, uri: source.uri });
    if (!r.ok) {
      failed = true;
      const colors = ctx.colors('stderr');
      const text = r.diagnostics.map((d) => `${formatDiagnostic(d, colors)}\n`).join('\n');
      ctx.io.stderr.write(`${text}\n`);
      continue;
    }
    if (flags.check || flags.write) {
      if (r.text === source.text) continue;
      unformatted.push(source.uri);
      if (flags.write) writeFileSync(source.uri, r.text);
    } else {
      out.push(r.text);
    }
  }
  if (out.length > 0) ctx.io.stdout.write(out.join(''));
  if (flags.check && unformatted.length > 0) {
    ctx.io.stdout.write(unformatted.map((f) => `${f}\n`).join(''));
    ctx.io.stderr.write(
      `${unformatted.length} file(s) not formatted; run rtfs fmt --write to fix\n`,
    );
    return ExitCode.inputErrors;
  }
  if (flags.write && unformatted.length > 0) {
    ctx.io.stderr.write(unformatted.map((f) => `formatted ${f}\n`).join(''));
  }
  return failed ? ExitCode.inputErrors : ExitCode.ok;
}
