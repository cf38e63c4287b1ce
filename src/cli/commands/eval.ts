/** `rtfs eval 'EXPR'`: evaluates RTFS text given on the command line. */
import { Option } from 'commander';
import { Source } from '../../reader.js';
import type { RegisterCommand } from '../command.js';
import { EXIT_CODES_HELP, ExitCode } from '../exit-codes.js';
import type { EvalFlags } from '../evaluate.js';
import { collect } from '../options.js';
import { addEngineOptions, addHostOptions } from '../host-options.js';

const EXAMPLES = `
Examples:
  rtfs eval '(+ 1 2)'
  rtfs eval '(defn sq [x] (* x x)) (map sq [1 2 3])'`;

export const registerEval: RegisterCommand = (program, host) => {
  const cmd = program
    .command('eval')
    .description('evaluate RTFS text and print the value of its last form')
    .argument('<expr>', 'RTFS source text (one or more forms)')
    .addOption(
      new Option('-p, --path <dir>', 'add a module directory (repeatable)').argParser(collect),
    )
    .addHelpText('after', `${EXAMPLES}\n${EXIT_CODES_HELP}`);
  addHostOptions(addEngineOptions(cmd)).action((expr: string, flags: EvalFlags) =>
    host.run(async (ctx) => {
      const { evaluateSource } = await import('../evaluate.js');
      const { catalogOption } = await import('../catalog-option.js');
      const planner = await catalogOption(flags.catalog, expr, ctx);
      if (planner === 'error') return ExitCode.inputErrors;
      return evaluateSource(
        new Source('<eval>', expr),
        planner ? { ...flags, planner } : flags,
        ctx,
      );
    }),
  );
};
