/** `rtfs repl`: the interactive read-eval-print loop (src/cli/repl/). */
import { Option } from 'commander';
import type { RegisterCommand } from '../command.js';
import { EXIT_CODES_HELP } from '../exit-codes.js';
import { collect } from '../options.js';
import { addHostOptions } from '../host-options.js';
import type { ReplFlags } from '../repl/protocol.js';

const EXAMPLES = `
Examples:
  rtfs repl
  rtfs repl --allow 'core.data.*' --chain .rtfs/chain   capability calls, recorded
  echo '(+ 1 2)' | rtfs repl                            without a terminal: line by line

Type :help in the REPL for its commands. History: ~/.rtfs_history (or $RTFS_HISTORY).`;

export const registerRepl: RegisterCommand = (program, host) => {
  const cmd = program
    .command('repl')
    .description('interactive read-eval-print loop (multi-line input, history, completion)')
    .addOption(
      new Option('-p, --path <dir>', 'add a module directory (repeatable)').argParser(collect),
    )
    .addHelpText('after', `${EXAMPLES}\n${EXIT_CODES_HELP}`);
  addHostOptions(cmd).action((flags: ReplFlags) =>
    host.run(async (ctx) => {
      const { runRepl } = await import('../repl/frontend.js');
      return runRepl(flags, ctx, new URL('./repl-worker.js', import.meta.url));
    }),
  );
};
