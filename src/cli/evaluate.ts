/**
 * Shared by `rtfs run` and `rtfs eval`: evaluate a source, stream `println` output to
 * stdout, print the last value (unless it is nil and `quietNil`), report errors on
 * stderr with their position, excerpt and RTFS stack.
 */
import { printValue, Keyword, RMap } from '../data/index.js';
import type { Source } from '../source/index.js';
import { catalogMeta, type PlannerStdlib } from '../planner/run-catalog.js';
import { planInputs } from './plan-inputs.js';
import { createHostedRuntime, runProgram } from '../host/index.js';
import type { KeyObject } from 'node:crypto';
import {
  KEY_ENV,
  KEY_FILE_ENV,
  resolveSigningKey,
  JsonlChain,
  MemoryChain,
  ChainLockedError,
  ChainCorruptError,
  formatTree,
  readRecords,
  observeSink,
  type ChainRecord,
} from '../audit/index.js';
import { failureContext, failurePoint, failureTracker } from './failure-point.js';
import { UsageError } from './exit-codes.js';
import { jsCompiler } from '../compiler/in-process.js';
import { budgetOf } from '../host/run-options.js';
import { answersFrom, policyFrom } from './host-config.js';
import type { HostFlags } from './host-options.js';
import type { Telemetry } from './otlp-option.js';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CliContext } from './io.js';
import { formatDiagnostic } from './color.js';
import { ExitCode } from './exit-codes.js';

export interface EvalFlags extends HostFlags {
  /** Extra module directories. */
  readonly path?: readonly string[];
  /** The planner standard library and the --catalog capabilities (catalog-option.ts). */
  readonly planner?: PlannerStdlib;
  /** `rtfs run --engine`: the closure evaluator (default) or compiled JavaScript. */
  readonly engine?: 'interpret' | 'compile';
  /** `--no-jit`: the evaluator interprets every function (no compiled second tier). */
  readonly jit?: boolean;
  /** `rtfs run FILE arg…`: the program's `*command-line-args*`. */
  readonly args?: readonly string[];
  /** Live OpenTelemetry export (otlp-option.ts). */
  readonly telemetry?: Telemetry;
}

export function evaluateSource(source: Source, flags: EvalFlags, ctx: CliContext): ExitCode {
  const { stdout, stderr } = ctx.io;
  // Without --trace nobody reads an in-memory chain's lines, and without live export
  // nobody reads its running hash either: keep neither (ADR 0029).
  const sink = openSink(flags, flags.trace === true, flags.telemetry !== undefined);
  // Such a chain cannot be read back: keep what the failure report needs as it is written.
  const tracker =
    sink instanceof MemoryChain && flags.trace !== true ? failureTracker() : undefined;
  const tapped = flags.telemetry ? flags.telemetry.tap(sink) : sink;
  const hosted = createHostedRuntime({
    sink: tracker ? observeSink(tapped, tracker.observer) : tapped,
    policy: policyFrom(flags),
    out: (t) => stdout.write(t),
    log: (t) => stderr.write(t),
    // Modules resolve from the importing file, then --path, then the main program's directory.
    paths: [...(flags.path ?? []), ...(existsSync(source.uri) ? [dirname(source.uri)] : [])],
    readRoots: flags.allowRead ?? [],
    ...answersOption(flags.answers),
    dryRun: flags.dryRun === true,
    ...inputsOption(flags),
    ...(flags.planner ? { capabilities: flags.planner.capabilities } : {}),
    ...(flags.engine === 'compile' ? { compiler: jsCompiler } : {}),
    ...(flags.jit === false ? { jit: false as const } : {}),
    budget: budgetOf(flags),
    ...(flags.args ? { commandLineArgs: flags.args } : {}),
  });
  let outcome;
  try {
    const planner = flags.planner;
    outcome = runProgram(
      hosted,
      source.text,
      source.uri,
      planner === undefined
        ? undefined
        : {
            meta: RMap.fromFlat([Keyword.of('catalog'), catalogMeta(planner)]),
            before: () =>
              hosted.host.storeContent(planner.catalog.snapshot, 'catalog', planner.content),
          },
    );
  } finally {
    if (sink instanceof JsonlChain) sink.close();
  }
  let records: ChainRecord[] | undefined;
  const recordsOf = (): ChainRecord[] =>
    (records ??= sink instanceof JsonlChain ? readRecords(flags.chain as string) : sink.records());
  if (flags.trace) stderr.write(`${formatTree(recordsOf(), hosted.host.currentRun)}\n`);
  if (outcome.ok) {
    let text: string;
    try {
      text = printValue(outcome.value);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      stderr.write(
        `error: ${source.uri}: runtime/stack-depth-exceeded: the program's value is nested too deeply to print\n`,
      );
      return ExitCode.inputErrors;
    }
    stdout.write(`${text}\n`);
    return ExitCode.ok;
  }
  const colors = ctx.colors('stderr');
  if (outcome.diagnostics) {
    for (const d of outcome.diagnostics) stderr.write(`${formatDiagnostic(d, colors)}\n`);
  } else {
    stderr.write(`${outcome.error.render()}\n`);
    // Where the run failed, from its records: the innermost step and the capability.
    const run = hosted.host.currentRun;
    const actions = tracker
      ? tracker.actions()
      : recordsOf()
          .map((r) => r.action)
          .filter((a) => a.run === run);
    const where = failureContext(failurePoint(actions, outcome.error.code));
    if (where !== '') stderr.write(`  ${where}\n`);
  }
  return ExitCode.inputErrors;
}

/**
 * The chain a run writes to: a directory (--chain) or memory, keeping its lines when
 * `retain` (for --trace and the REPL's `:chain`) and its running hash when `hashed`.
 */
export function openSink(flags: EvalFlags, retain = true, hashed = true): JsonlChain | MemoryChain {
  const clock = flags.telemetry ? { now: flags.telemetry.now } : {};
  if (flags.chain === undefined) return new MemoryChain({ ...clock, retain, hashed });
  return openChainDir(flags.chain, flags.signKey, process.env, clock);
}

/**
 * Opens the chain in `dir` for appending, signed with `--sign-key FILE` or the key the
 * environment names (`RTFS_CHAIN_SIGNING_KEY_FILE`, `RTFS_CHAIN_SIGNING_KEY`). Every
 * command that writes a chain opens it here; mistakes are usage errors.
 */
export function openChainDir(
  dir: string,
  signKey: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  clock: { readonly now?: () => number } = {},
): JsonlChain {
  const signingKey = signingKeyFrom(signKey, env);
  try {
    return JsonlChain.open(dir, { ...clock, ...(signingKey === undefined ? {} : { signingKey }) });
  } catch (e) {
    if (e instanceof ChainLockedError || e instanceof ChainCorruptError) {
      throw new UsageError(`cannot append to the chain in ${dir}: ${e.message}`);
    }
    if (isFsError(e))
      throw new UsageError(`cannot open the chain in ${dir}: ${(e as Error).message}`);
    throw e;
  }
}

function signingKeyFrom(file: string | undefined, env: NodeJS.ProcessEnv): KeyObject | undefined {
  const where =
    file !== undefined
      ? `--sign-key ${file}`
      : env[KEY_FILE_ENV]
        ? `$${KEY_FILE_ENV} (${env[KEY_FILE_ENV]})`
        : `$${KEY_ENV}`;
  try {
    return resolveSigningKey({ ...(file !== undefined ? { keyFile: file } : {}), env });
  } catch (e) {
    throw new UsageError(`cannot use the signing key from ${where}: ${(e as Error).message}`);
  }
}

/** An error from the file system (it carries a syscall and an errno code). */
export function isFsError(e: unknown): boolean {
  const x = e as NodeJS.ErrnoException;
  return e instanceof Error && typeof x.code === 'string' && typeof x.syscall === 'string';
}

function inputsOption(flags: EvalFlags): { inputs?: RMap } {
  const inputs = planInputs(flags);
  return inputs === undefined ? {} : { inputs };
}

function answersOption(file: string | undefined): {
  answers?: { next(prompt: string): string | undefined };
} {
  const answers = answersFrom(file);
  return answers === undefined ? {} : { answers };
}
