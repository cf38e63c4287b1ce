/**
 * `rtfs plan "GOAL"`: generate the planner meta-plan, rewrite it, run it with every
 * planner step recorded in the causal chain, and print the trace, the final plan and
 * the chain's verification (loaded on demand by commands/plan.ts).
 */
import { type Value, Keyword, RMap, printValue, toPlain } from '../data/index.js';
import {
  readRecords,
  verifyChain,
  verifyChainTo,
  type ChainAction,
  type ChainRecord,
  type ScanPoint,
  type VerifyResult,
} from '../audit/index.js';
import { openChainDir } from './evaluate.js';
import { catalogCacheStore } from './catalog-cache.js';
import {
  loadCatalog,
  catalogCapabilities,
  plannerCapabilities,
  llmOptionsFromEnv,
  catalogContent,
} from '../planner/index.js';
import { metaPlanData, printMetaPlan, printPlan, registryContext } from '../meta/index.js';
import { flowParts, rewriteChecked, runPlanner, type FlowSpec } from '../meta/run-planner.js';
import { finalPlanOf, loadFlow } from './plan-flow.js';
import { failurePoint, failureWhere } from './failure-point.js';
import { createHostedRuntime } from '../host/index.js';
import { budgetOf } from '../host/run-options.js';
import type { CliContext, OutStream } from './io.js';
import { ExitCode, UsageError } from './exit-codes.js';
import { formatDiagnostic } from './color.js';
import { answersFrom } from './host-config.js';
import type { Ordered } from './options.js';
import { rewriters } from './plan-rewriters.js';
import { planTrace, planTraceFitted, planTraceRows, rowLine } from './plan-trace.js';
import { planProgress } from './plan-progress.js';
import { terminalWidth } from './terminal-width.js';
import type * as Fit from './terminal-fit.js';
import { formatSource } from '../format/index.js';
import type { OtlpFlags } from './otlp-option.js';
import { startTelemetry } from './otlp-telemetry.js';

export interface PlanFlags extends OtlpFlags {
  readonly catalog?: readonly string[];
  readonly rewrite?: readonly Ordered[];
  readonly rewriter?: readonly Ordered[];
  readonly rewriterBudget?: string;
  readonly strict?: boolean;
  readonly execute?: string;
  readonly provider?: string;
  readonly maxCycles?: string;
  readonly chain?: string;
  readonly signKey?: string;
  readonly emitMetaPlan?: boolean;
  readonly json?: boolean;
  readonly answers?: string;
  readonly deny?: readonly string[];
  /** A user's planner flow to run instead of the generated meta-plan. */
  readonly flow?: string;
  readonly intent?: string;
  readonly maxAttempts?: string;
  readonly llmTimeout?: string;
  readonly allowGaps?: boolean;
  readonly report?: string;
  /** Budgets of the whole run (validated by the option definitions). */
  readonly timeout?: string;
  readonly maxSteps?: string;
}

export const DEFAULT_CHAIN_DIR = '.rtfs/chain';

function oneOf<T extends string>(
  flag: string,
  v: string | undefined,
  allowed: readonly T[],
  d: T,
): T {
  if (v === undefined) return d;
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, got '${v}'`);
}

export async function planAction(
  goal: string,
  flags: PlanFlags,
  ctx: CliContext,
): Promise<ExitCode> {
  const { stderr } = ctx.io;
  // On a terminal every line fits its width (cut with …); pipes, --json and
  // --emit-meta-plan get full lines.
  const width = terminalWidth(ctx.io.stdout);
  const errWidth = terminalWidth(stderr);
  // Line fitting (cli-truncate, string-width, wrap-ansi) loads only for a terminal.
  const fit = (width ?? errWidth) === undefined ? undefined : await import('./terminal-fit.js');
  const stdout = width === undefined || !fit ? ctx.io.stdout : fitted(ctx.io.stdout, width, fit);
  const execute = oneOf('--execute', flags.execute, ['none', 'dry-run', 'full'] as const, 'none');
  const provider = oneOf('--provider', flags.provider, ['template', 'openai'] as const, 'template');
  const cycles = Number(flags.maxCycles ?? '3');
  if (!Number.isSafeInteger(cycles) || cycles < 0)
    throw new UsageError(
      `--max-cycles takes a non-negative integer, got '${flags.maxCycles ?? ''}'`,
    );
  const cache = catalogCacheStore(process.env);
  const loaded = loadCatalog(flags.catalog ?? [], cache ? { cache } : {});
  if (loaded.diagnostics.length > 0) {
    const colors = ctx.colors('stderr');
    for (const d of loaded.diagnostics) stderr.write(`${formatDiagnostic(d, colors)}\n`);
    return ExitCode.inputErrors;
  }
  const catalog = loaded.catalog;
  const intentStrategy = oneOf('--intent', flags.intent, ['rules', 'llm'] as const, 'rules');
  const attempts = Number(flags.maxAttempts ?? '3');
  if (!Number.isSafeInteger(attempts) || attempts < 1 || attempts > 10)
    throw new UsageError(
      `--max-attempts takes an integer from 1 to 10, got '${flags.maxAttempts ?? ''}'`,
    );
  const useLlm = provider === 'openai' || intentStrategy === 'llm';
  const fromEnv = useLlm ? llmOptionsFromEnv() : { provider: 'null' as const };
  if (useLlm && fromEnv.provider === 'null')
    throw new UsageError(
      `${provider === 'openai' ? '--provider openai' : '--intent llm'} needs RTFS_LLM_API_KEY (see docs/planner.md)`,
    );
  const llm =
    flags.llmTimeout !== undefined && fromEnv.provider === 'openai'
      ? { ...fromEnv, timeoutMs: llmTimeout(flags.llmTimeout) }
      : fromEnv;
  const capabilities = [
    ...catalogCapabilities(catalog.entries.filter((e) => e.builtin !== true)),
    ...plannerCapabilities({ catalog, llm }),
  ];
  const options = {
    maxRefinementCycles: cycles,
    strategy: provider === 'openai' ? ('llm' as const) : ('template' as const),
    execute,
    intentStrategy,
    maxAttempts: attempts,
    allowGaps: flags.allowGaps === true,
  };
  const rws = rewriters(flags);
  let flow: FlowSpec | undefined;
  if (flags.flow !== undefined) {
    const f = loadFlow(flags.flow, { goal, ...options });
    if ('diagnostics' in f) {
      const colors = ctx.colors('stderr');
      for (const d of f.diagnostics) stderr.write(`${formatDiagnostic(d, colors)}\n`);
      return ExitCode.inputErrors;
    }
    flow = f.flow;
  }

  if (flags.emitMetaPlan === true) {
    const parts = flow === undefined ? undefined : flowParts(flow.source, flow.uri);
    if (typeof parts === 'string') throw new UsageError(parts);
    const generated = parts?.plan ?? metaPlanData(goal, undefined, options);
    const hosted = createHostedRuntime({ policy: { allow: [], deny: [] }, capabilities });
    const r = rewriteChecked(generated, rws, registryContext(hosted.registry, catalog.snapshot));
    if (!r.ok) {
      stderr.write(`${refused(r.rule, r.reason)}\n`);
      return ExitCode.inputErrors;
    }
    if (flags.strict === true && r.warnings.length > 0) {
      stderr.write(`${refused('--strict', r.warnings.join('; '))}\n`);
      return ExitCode.inputErrors;
    }
    for (const w of r.warnings) stderr.write(`warning: ${w}\n`);
    if (flow !== undefined && r.applied.length === 0) ctx.io.stdout.write(flow.source);
    else
      ctx.io.stdout.write(
        [...(parts?.prefix ?? []).map((f) => printPlan(f)), printMetaPlan(r.plan)].join('\n'),
      );
    return ExitCode.ok;
  }

  const dir = flags.chain ?? DEFAULT_CHAIN_DIR;
  const telemetry = await startTelemetry(flags, ctx);
  const sink = openChainDir(
    dir,
    flags.signKey,
    process.env,
    telemetry ? { now: telemetry.now } : {},
  );
  const answers = answersFrom(flags.answers);
  const progress = planProgress(stderr, errWidth, flags.json === true, fit?.fitLine ?? noFit);
  let result;
  // Closing appends nothing without a signing key: then the run's records are verified
  // before close, and close leaves the chain's VERIFIED mark at the point verified,
  // without reading the records back a second time (ADR 0036).
  let early: { readonly result: VerifyResult; readonly point: ScanPoint | undefined } | undefined;
  const collected: ChainAction[] = [];
  const collect =
    (runId: string) =>
    (r: ChainRecord): void => {
      if (r.action.run === runId) collected.push(r.action);
    };
  try {
    result = runPlanner({
      goal,
      options,
      ...(flow !== undefined ? { flow, executeMode: execute } : {}),
      rewriters: rws,
      capabilities,
      catalogSnapshot: catalog.snapshot,
      catalogContent: catalogContent(catalog),
      catalogFiles: flags.catalog ?? [],
      sink: progress.tap(telemetry ? telemetry.tap(sink) : sink),
      policy: { allow: ['*'], deny: [...(flags.deny ?? [])] },
      ...(answers ? { answers } : {}),
      ...(flags.strict === true ? { strict: true } : {}),
      budget: budgetOf(flags),
      log: (t) => progress.write(t),
      out: (t) => progress.write(t),
    });
    if (result.kind === 'ran' && !sink.signs) {
      sink.flush();
      early = verifyChainTo(dir, {
        from: sink.verifiedPoint,
        onRecord: collect(result.hosted.host.currentRun),
      });
    }
  } finally {
    progress.stop();
    sink.close(early?.point);
  }
  await telemetry?.finish(ctx);
  if (result.kind === 'rewrite-refused') {
    stderr.write(`${refused(result.rule, result.reason)}\n`);
    return ExitCode.inputErrors;
  }
  for (const w of result.warnings) stderr.write(`warning: ${w}\n`);
  const runId = result.hosted.host.currentRun;
  // One pass verifies what this run appended (going on from where open verified the
  // log, ADR 0032) and collects the run's actions (decoded as readRecords decodes
  // them); a chain that fails verification is read again as before.
  const verified =
    early?.result ?? verifyChain(dir, { from: sink.verifiedPoint, onRecord: collect(runId) });
  let actions: ChainAction[] = collected;
  if (!verified.ok)
    actions = readRecords(dir)
      .map((r) => r.action)
      .filter((a) => a.run === runId);
  const value: Value = result.outcome.ok ? result.outcome.value : null;
  const final = finalPlanOf(actions, value, capabilities);
  const failure = result.outcome.ok ? undefined : failureOf(result.outcome, actions);
  const gaps = gapsOf(value instanceof RMap ? value.get(Keyword.of('gaps')) : undefined);
  // A partial plan is a failure unless --allow-gaps (or a rewriter setting :allow_gaps) accepts it.
  const gapsOk =
    gaps.length === 0 || (value instanceof RMap && value.get(Keyword.of('allow_gaps')) === true);
  const chainLine = verified.ok
    ? `Causal chain: ${actions.length} actions in run ${runId}, integrity OK, head ${verified.head?.hash.slice(0, 16) ?? '-'}…  (${dir})`
    : `Causal chain: integrity FAILED: ${verified.message}`;

  const report =
    flags.report === undefined ? undefined : await writeReport(dir, flags.report, runId, ctx);
  if (report === 'error') return ExitCode.inputErrors;

  if (flags.json === true) {
    ctx.io.stdout.write(
      `${JSON.stringify(
        {
          run: runId,
          meta_plan_hash: result.metaPlanHash,
          rewrites: result.applied.map((a) => ({
            rule: a.rule,
            version: a.version,
            params: toPlain(a.params),
            before_hash: a.beforeHash,
            after_hash: a.afterHash,
            edits: a.edits,
          })),
          ...(flow !== undefined ? { flow: flow.uri } : {}),
          ok: result.outcome.ok && verified.ok,
          error: result.outcome.ok ? null : describeError(result.outcome),
          failure: failure ?? null,
          final_plan: final?.source ?? null,
          final_plan_hash: final?.hash ?? null,
          result: value === null ? null : toPlain(value),
          gaps,
          trace: planTrace(actions, runId),
          chain: { dir, actions: actions.length, verified: verified.ok },
          ...(report !== undefined ? { report } : {}),
        },
        null,
        2,
      )}\n`,
    );
    if (failure !== undefined) stderr.write(`${failureLine(failure)}\n`);
    return result.outcome.ok && verified.ok && gapsOk ? ExitCode.ok : ExitCode.inputErrors;
  }

  const rw = result.applied.map((a) => `${a.rule}${paramText(a.params)}`).join(', ');
  const name = flow !== undefined ? `flow ${flow.uri}` : 'planner.meta';
  stdout.write(
    `Planner meta-plan  ${name}@sha256:${result.metaPlanHash.slice(0, 12)}…  (rewrites: ${rw || 'none'})\n` +
      `Goal: ${goal}\n` +
      `Catalog: ${catalog.entries.length} capabilities  snapshot ${catalog.snapshot.slice(0, 19)}…   ` +
      `LLM: ${provider === 'openai' ? 'openai' : 'disabled (strategy=template)'}\n\n`,
  );
  const rows = planTraceRows(actions, runId);
  const trace =
    width === undefined || fit === undefined
      ? rows.map(rowLine)
      : planTraceFitted(rows, width, fit.fitLine);
  for (const line of trace) stdout.write(`${line}\n`);
  stdout.write('\n');
  if (final !== undefined)
    stdout.write(`Final plan  ${final.hash}\n${planAt(final.source, width, fit)}\n`);
  if (failure !== undefined) stdout.write(`Planner run failed: ${failure.code}\n`);
  if (result.outcome.ok && gaps.length > 0) {
    stdout.write(`\nGaps: the plan keeps the other steps; each gap is a pending step\n`);
    for (const g of gaps)
      stdout.write(
        `  ${g.step_id}: no capability can "${g.needs}" (request ${g.request_id}; it would take ${g.inputs.join(', ') || 'nothing'})\n`,
      );
    if (!gapsOk)
      stderr.write(
        `error: the plan has ${gaps.length} gap(s); provide the missing capabilities, or accept a partial plan with --allow-gaps\n`,
      );
  }
  stdout.write(`${chainLine}\n`);
  stdout.write(`Replay: rtfs chain replay ${dir} --run ${runId}\n`);
  if (report !== undefined) stdout.write(`Report: ${report.file} (${report.size})\n`);
  // What failed, on stderr: the code, the step and capability, the message.
  if (failure !== undefined) stderr.write(`${failureLine(failure)}\n`);
  return result.outcome.ok && verified.ok && gapsOk ? ExitCode.ok : ExitCode.inputErrors;
}

interface GapLine {
  readonly step_id: string;
  readonly needs: string;
  readonly request_id: string;
  readonly inputs: readonly string[];
}

/** The gaps the meta-plan reports (`:gaps` of its result). */
function gapsOf(v: Value | undefined): GapLine[] {
  const plain = v === undefined || v === null ? [] : toPlain(v);
  if (!Array.isArray(plain)) return [];
  return plain.flatMap((g) => {
    if (g === null || typeof g !== 'object' || Array.isArray(g)) return [];
    const str = (k: string): string => (typeof g[k] === 'string' ? (g[k] as string) : '');
    const inputs = Array.isArray(g['inputs']) ? g['inputs'].map(String) : [];
    return [
      { step_id: str('step_id'), needs: str('needs'), request_id: str('request_id'), inputs },
    ];
  });
}

function llmTimeout(text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0)
    throw new UsageError(`--llm-timeout takes a positive number of seconds, got '${text}'`);
  return Math.round(n * 1000);
}

interface Failure {
  readonly code: string;
  readonly message: string;
  readonly step?: string;
  readonly capability?: string;
}

function failureOf(
  o: {
    diagnostics?: readonly { code: string; message: string }[];
    error?: { code: string; message: string };
  },
  actions: readonly ChainAction[],
): Failure {
  const e = o.error ?? o.diagnostics?.[0] ?? { code: 'runtime/unknown', message: 'unknown error' };
  return { code: e.code, message: e.message, ...failurePoint(actions, e.code) };
}

function failureLine(f: Failure): string {
  return `error: the planner run failed${failureWhere(f)}: ${f.code}: ${f.message}`;
}

function refused(rule: string, reason: string): string {
  return rule === '--strict'
    ? `error: --strict: the rewritten plan is refused: ${reason}`
    : `error: rewrite ${rule} refused: ${reason}`;
}

const noFit = (text: string): string => text;

/** A stream whose every line fits `width` columns (wrapped at spaces, indented). */
function fitted(s: OutStream, width: number, fit: typeof Fit): OutStream {
  return { isTTY: s.isTTY === true, columns: width, write: (t) => s.write(fit.wrapText(t, width)) };
}

/**
 * The final plan, formatted for a terminal `width` columns wide; a line that still does
 * not fit (a long string) is cut with … (the full plan is in --json and the report).
 */
function planAt(source: string, width: number | undefined, fit: typeof Fit | undefined): string {
  if (width === undefined || fit === undefined) return source;
  const r = formatSource(source, { width });
  const text = fit.fitText(r.ok ? r.text : source, width);
  return source.endsWith('\n') || !text.endsWith('\n') ? text : text.slice(0, -1);
}

/** `--report FILE`: the run's HTML report (the report code is loaded only then). */
async function writeReport(
  dir: string,
  file: string,
  runId: string,
  ctx: CliContext,
): Promise<{ file: string; bytes: number; size: string } | 'error'> {
  const { writeRunReport, formatBytes } = await import('./report-action.js');
  const r = writeRunReport(dir, file, ctx, { runId });
  if (r.ok) return { file, bytes: r.bytes, size: formatBytes(r.bytes) };
  ctx.io.stderr.write(`error: ${r.error}\n`);
  return 'error';
}

function paramText(params: Value): string {
  if (!(params instanceof RMap) || params.size === 0) return '';
  return `(${params
    .vals()
    .map((v) => (typeof v === 'string' ? v : printValue(v)))
    .join('→')})`;
}

function describeError(o: {
  diagnostics?: readonly { code: string; message: string }[];
  error?: { code: string; message: string };
}): string {
  if (o.error) return `${o.error.code}: ${o.error.message}`;
  const d = o.diagnostics?.[0];
  return d ? `${d.code}: ${d.message}` : 'unknown error';
}
