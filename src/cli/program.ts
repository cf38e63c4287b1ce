/**
 * The `rtfs` program: global flags, the subcommands from commands/index.ts, and the
 * mapping of every outcome to an exit code (see exit-codes.ts).
 */
import { existsSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import type { CommandHost } from './command.js';
import { commandTable } from './commands/index.js';
import { EXIT_CODES_HELP, ExitCode, UsageError } from './exit-codes.js';
import { makeContext, type CliIo } from './io.js';

/** Runs `rtfs` with `args` (without `node` and the script) and returns the exit code. */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const program = new Command('rtfs')
    .description('RTFS toolchain: read and run RTFS plans and programs')
    .version(packageJson.version, '-v, --version', 'print the rtfs version')
    .option('--no-color', 'disable colours (also off when NO_COLOR is set or output is not a TTY)')
    .helpOption('-h, --help', 'show help (also: rtfs help <command>)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .showHelpAfterError('(run rtfs --help for usage)')
    .addHelpText('after', EXIT_CODES_HELP);

  const host: CommandHost = {
    async run(body) {
      const { color } = program.opts<{ color: boolean }>();
      exitCode = await body(makeContext(io, color, packageJson.version));
    },
  };
  const argv = scriptArgs(args, io);
  // `rtfs run …` needs only `run` (registering all ten costs start-up); help, unknown
  // commands and suggestions see every one.
  const only = commandTable.find(([name]) => name === argv[0]);
  for (const [, register] of only === undefined ? commandTable : [only]) register(program, host);

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    if (e instanceof UsageError) {
      io.stderr.write(`error: ${e.message}\n`);
      return ExitCode.usage;
    }
    const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
    io.stderr.write(`rtfs: internal error (please report it): ${detail}\n`);
    return ExitCode.internal;
  }
}

/**
 * Script conveniences (as nbb and babashka): `rtfs FILE arg…` runs FILE, so a
 * `#!/usr/bin/env rtfs` first line makes a file executable; `rtfs` alone on a terminal
 * opens the REPL (elsewhere it prints the help, as any usage error does).
 */
function scriptArgs(args: readonly string[], io: CliIo): string[] {
  const first = args[0];
  if (first === undefined) return io.interactive === true ? ['repl'] : [];
  if (first.startsWith('-') || commandTable.some(([name]) => name === first)) return [...args];
  return existsSync(first) || first.endsWith('.rtfs') ? ['run', ...args] : [...args];
}
