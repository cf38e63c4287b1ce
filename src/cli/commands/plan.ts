/**
 * `rtfs plan "GOAL"`: planner-as-plan. Generates the planner meta-plan, applies rewriters,
 * runs it with every planner step in the causal chain, and prints the trace, the final
 * plan and the chain summary. (The work is in ../plan-action.ts, loaded on demand.)
 */
import { Option } from 'commander';
import type { RegisterCommand } from '../command.js';
import { EXIT_CODES_HELP } from '../exit-codes.js';
import { collect, collectInOrder } from '../options.js';
import { SIGN_KEY_HELP, commanderOption } from '../host-options.js';
import { HOST_OPTIONS, type RunOption } from '../../host/run-options.js';
import type { PlanFlags } from '../plan-action.js';
import { addOtlpOption } from '../otlp-option.js';

const EXAMPLES = `
Rewrites (--rewrite NAME[=ARG] and --rewriter FILE.rtfs[=ARG], repeatable, applied in
command-line order; after them the plan is checked for unknown capabilities and removed
steps: a warning, an error with --strict):
  insert-approval-gate          approve the final plan before it runs
  cap-refinement-cycles=N       at most N refinement cycles
  swap-capability=A->B          call B wherever A is called (refused if B's schema rejects A's args)
  validate-after-synthesis      validate the first plan in its own step
  dry-run-critical              critical calls and plan execution in dry-run mode
  pin-catalog-snapshot[=SHA]    fail fast when the catalog changes

Examples:
  rtfs plan "list open issues in acme/api labelled bug" --catalog examples/catalogs/default.rtfs
  rtfs plan "…" --rewrite cap-refinement-cycles=2 --rewrite insert-approval-gate --execute dry-run
  rtfs plan "…" --emit-meta-plan > meta.rtfs      print the (rewritten) meta-plan and stop
  rtfs plan "…" --flow meta.rtfs                 run your own (edited) flow the same way
  rtfs plan "…" --allow-gaps                      a plan with pending steps for missing capabilities
  RTFS_LLM_API_KEY=… rtfs plan "…" --provider openai --intent llm --max-attempts 3 --llm-timeout 60
  rtfs plan "…" --timeout 10 --max-steps 1000000  stop the whole run (meta-plan and the plan it runs)
  rtfs plan "…" --report run.html                  the run as an HTML page (tree, timeline, plans)
  rtfs chain replay .rtfs/chain --run RUN-ID      replay a logged planner run`;

/** `--timeout` / `--max-steps`: the same definitions (and checks) as rtfs run's. */
function budgetOption(name: 'timeout' | 'max-steps'): Option {
  return commanderOption(HOST_OPTIONS.find((o) => o.name === name) as RunOption);
}

export const registerPlan: RegisterCommand = (program, host) => {
  const cmd = program
    .command('plan')
    .description('plan a goal with the planner meta-plan (planner-as-plan) and log every step')
    .argument('<goal>', 'the goal, in words')
    .addOption(
      new Option('--catalog <file>', 'a capability catalog (.rtfs or .json; repeatable)').argParser(
        collect,
      ),
    )
    .addOption(
      new Option(
        '--rewrite <name[=arg]>',
        'apply a built-in rewriter (repeatable; rewriters run in command-line order)',
      ).argParser(collectInOrder),
    )
    .addOption(
      new Option(
        '--rewriter <file.rtfs[=arg]>',
        'apply a rewriter written in RTFS, with ARG (an RTFS literal or a string) as its params',
      ).argParser(collectInOrder),
    )
    .addOption(
      new Option(
        '--rewriter-budget <ms>',
        'time an RTFS rewriter may take before it is stopped',
      ).default('2000'),
    )
    .addOption(
      new Option(
        '--strict',
        'refuse a rewritten plan that calls unknown capabilities or lost steps (default: warn)',
      ),
    )
    .addOption(
      new Option('--execute <mode>', 'run the final plan: none, dry-run or full').default('none'),
    )
    .addOption(
      new Option('--provider <name>', 'plan synthesis: template or openai').default('template'),
    )
    .addOption(
      new Option('--max-cycles <n>', 'refinement cycles after the first synthesis').default('3'),
    )
    .addOption(new Option('--chain <dir>', 'causal-chain directory').default('.rtfs/chain'))
    .addOption(
      new Option('--intent <strategy>', 'intent extraction: rules or llm').default('rules'),
    )
    .addOption(
      new Option('--max-attempts <n>', 'LLM attempts per call, mistakes fed back').default('3'),
    )
    .addOption(
      new Option(
        '--llm-timeout <seconds>',
        'time an LLM request may take (default RTFS_LLM_TIMEOUT or 120)',
      ),
    )
    .addOption(budgetOption('timeout'))
    .addOption(budgetOption('max-steps'))
    .addOption(new Option('--allow-gaps', 'accept a plan with gaps (pending steps): exit 0'))
    .addOption(new Option('--sign-key <file>', SIGN_KEY_HELP))
    .addOption(new Option('--answers <file>', 'answers for approvals and ccos.user.ask'))
    .addOption(
      new Option('--deny <pattern>', 'refuse capabilities matching a pattern').argParser(collect),
    )
    .addOption(
      new Option(
        '--flow <file.rtfs>',
        'run your own planner flow (a plan over planner.*) instead of the generated meta-plan',
      ),
    )
    .addOption(
      new Option('--emit-meta-plan', 'print the generated (and rewritten) meta-plan and stop'),
    )
    .addOption(new Option('--json', 'print the run as JSON'))
    .addOption(
      new Option('--report <file.html>', 'also write the run as a self-contained HTML report'),
    )
    .addHelpText('after', `${EXAMPLES}\n${EXIT_CODES_HELP}`);
  addOtlpOption(cmd).action((goal: string, flags: PlanFlags) =>
    host.run(async (ctx) => {
      const { planAction } = await import('../plan-action.js');
      return planAction(goal, flags, ctx);
    }),
  );
};
