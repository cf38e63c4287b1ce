/**
 * `rtfs run FILE [--path DIR]…`: evaluates every top-level form of FILE and prints the
 * value of the last one. `(println …)` output comes first, on stdout; errors go to
 * stderr (exit 1).
 */
import { Option } from 'commander';
import type { RegisterCommand } from '../command.js';
import { EXIT_CODES_HELP, ExitCode } from '../exit-codes.js';
import { readSources } from '../io.js';
import type { EvalFlags } from '../evaluate.js';
import { collect } from '../options.js';
import { addEngineOptions, addHostOptions } from '../host-options.js';
import { addOtlpOption, withTelemetry, type OtlpFlags } from '../otlp-option.js';

type RunFlags = EvalFlags & OtlpFlags & { readonly report?: string };

const EXAMPLES = `
Examples:
  rtfs run examples/fib.rtfs
  rtfs run examples/fib.rtfs --engine compile   compile each form to JavaScript first
  rtfs run app.rtfs --path lib --path vendor    module search path for (import …)
  rtfs run plan.rtfs --allow 'core.data.*' --allow ccos.echo
                                         capabilities are denied unless granted
  rtfs run script.rtfs in.csv -- --verbose    *command-line-args* is ("in.csv" "--verbose")
  rtfs run plan.rtfs --report run.html          also write the run as an HTML report
  echo '(+ 1 2)' | rtfs run -`;

export const registerRun: RegisterCommand = (program, host) => {
  const cmd = program
    .command('run')
    .description('evaluate an RTFS file and print the value of its last form')
    .argument('<file>', "the program ('-' for standard input)")
    .argument(
      '[args...]',
      'arguments for the program, bound to *command-line-args* (after -- when they start with -)',
    )
    .addOption(
      new Option(
        '-p, --path <dir>',
        "add a module directory (repeatable); the file's own directory and stdlib/ are always searched",
      ).argParser(collect),
    )
    .addOption(
      new Option(
        '--report <file.html>',
        'also write the run as a self-contained HTML report (steps, calls, timeline)',
      ),
    )
    .addHelpText('after', `${EXAMPLES}\n${EXIT_CODES_HELP}`);
  addOtlpOption(addHostOptions(addEngineOptions(cmd))).action(
    (file: string, args: string[], opts: RunFlags) =>
      host.run(async (ctx) => {
        const flags: RunFlags = args.length > 0 ? { ...opts, args } : opts;
        const [source] = await readSources([file], ctx.io);
        const src = source as NonNullable<typeof source>;
        const { evaluateSource } = await import('../evaluate.js');
        const { catalogOption } = await import('../catalog-option.js');
        const planner = await catalogOption(flags.catalog, src.text, ctx);
        if (planner === 'error') return ExitCode.inputErrors;
        const { withRunReport } = await import('../run-report.js');
        return withRunReport(flags, ctx, (f) =>
          withTelemetry(f, ctx, (t) =>
            evaluateSource(src, { ...f, ...(planner ? { planner } : {}), ...t }, ctx),
          ),
        );
      }),
  );
};
