/**
 * The shape of a CLI command. Each command lives in one file under commands/ that
 * exports a {@link RegisterCommand}; commands/index.ts lists them. A command's action
 * hands its body to {@link CommandHost.run}, which supplies the context (io, colours
 * from the global flags) and records the exit code the body returns.
 *
 * Startup: every command file is loaded for every invocation (commander needs their
 * options for `--help`), so keep them light. Import the reading API from
 * `src/reader.ts` and load anything heavier, such as the runtime from `src/index.ts`,
 * with `await import(…)` inside the action (see commands/run.ts), so that `rtfs read`
 * does not load the evaluator.
 */
import type { Command } from 'commander';
import type { ExitCode } from './exit-codes.js';
import type { CliContext } from './io.js';

export type CommandBody = (ctx: CliContext) => Promise<ExitCode> | ExitCode;

export interface CommandHost {
  run(body: CommandBody): Promise<void>;
}

export type RegisterCommand = (program: Command, host: CommandHost) => void;
