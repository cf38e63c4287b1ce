/**
 * `rtfs plan "GOAL"`: generate the planner meta-plan, rewrite it, run it with every
 * planner step recorded in the causal chain, and print the trace, the final plan and
 * the chain's verification (loaded on demand by commands/plan.ts).
 */
import { readFileSync } from 'node:fs';
import { type Value, Keyword, RMap, printValue, toPlain } from '../data/index.js';
import { readRecords, verifyChain, type ChainAction } from '../audit/index.js';
import { openChainDir } from './evaluate.js';
import {
  loadCatalog,
  catalogCapabilities,
  plannerCapabilities,
  llmOptionsFromEnv,
} from '../planner/index.js';
import {
  metaPlanData,
  printPlan,
  applyRewrites,
  registryContext,
  rewriterFromSpec,
  rtfsRewriter,
  type Rewriter,
} from '../meta/index.js';
import { runPlanner } from '../meta/run-planner.js';
import { createHostedRuntime } from '../host/index.js';
import type { CliContext, OutStream } from './io.js';
import { ExitCode, UsageError } from './exit-codes.js';
import { formatDiagnostic } from './color.js';
import { answersFrom } from './host-config.js';
import { planTrace, planTraceFitted, planTraceRows } from './plan-trace.js';
import { planProgress } from './plan-progress.js';
import { fitLine, fitText, terminalWidth, wrapText } from './terminal-fit.js';
import { formatSource } from '../format/index.js';
import type { OtlpFlags } from './otlp-option.js';
import { startTelemetry } from './otlp-telemetry.js';

export interface PlanFlags extends OtlpFlags {
  readonly catalog?: readonly string[];
  readonly rewrite?: readonly string[];
  readonly rewriter?: readonly string[];
  readonly execute?: string;
  readonly provider?: string;
  readonly maxCycles?: string;
  readonly chain?: string;
  readonly signKey?: string;
  readonly emitMetaPlan?: boolean;
  readonly json?: boolean;
  readonly answers?: string;
  readonly deny?: readonly string[];
  readonly report?: string;
}

export const DEFAULT_CHAIN_DIR = '.rtfs/chain';

const k = (n: string): Keyword => Keyword.of(n);

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

function rewriters(flags: PlanFlags): Rewriter[] {
  const out: Rewriter[] = [];
  for (const spec of flags.rewrite ?? []) {
    const r = rewriterFromSpec(spec);
    if ('error' in r) throw new UsageError(r.error);
    out.push(r);
  }
  for (const file of flags.rewriter ?? []) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new UsageError(`cannot read rewriter ${file}: ${(e as Error).message}`);
    }
    const r = rtfsRewriter(text, file);
    if ('error' in r) throw new UsageError(r.error);
    out.push(r);
  }
  return out;
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
  const stdout = width === undefined ? ctx.io.stdout : fitted(ctx.io.stdout, width);
  const execute = oneOf('--execute', flags.execute, ['none', 'dry-run', 'full'] as const, 'none');
  const provider = oneOf('--provider', flags.provider, ['template', 'openai'] as const, 'template');
  const cycles = Number(flags.maxCycles ?? '3');
  if (!Number.isSafeInteger(cycles) || cycles < 0)
    throw new UsageError(
      `--max-cycles takes a non-negative integer, got '${flags.maxCycles ?? ''}'`,
    );
  const loaded = loadCatalog(flags.catalog ?? []);
  if (loaded.diagnostics.length > 0) {
    const colors = ctx.colors('stderr');
    for (const d of loaded.diagnostics) stderr.write(`${formatDiagnostic(d, colors)}\n`);
    return ExitCode.inputErrors;
  }
  const catalog = loaded.catalog;
  const llm = provider === 'openai' ? llmOptionsFromEnv() : { provider: 'null' as const };
  if (provider === 'openai' && llm.provider === 'null')
    throw new UsageError('--provider openai needs RTFS_LLM_API_KEY (see docs/planner.md)');
  const capabilities = [
    ...catalogCapabilities(catalog.entries.filter((e) => e.builtin !== true)),
    ...plannerCapabilities({ catalog, llm }),
  ];
  const options = {
    maxRefinementCycles: cycles,
    strategy: provider === 'openai' ? ('llm' as const) : ('template' as const),
    execute,
  };
  const rws = rewriters(flags);

  if (flags.emitMetaPlan === true) {
    const generated = metaPlanData(goal, undefined, options);
    const hosted = createHostedRuntime({ policy: { allow: [], deny: [] }, capabilities });
    const r = applyRewrites(generated, rws, registryContext(hosted.registry, catalog.snapshot));
    if (!r.ok) {
      stderr.write(`error: rewrite ${r.rule} refused: ${r.reason}\n`);
      return ExitCode.inputErrors;
    }
    ctx.io.stdout.write(printPlan(r.plan));
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
  const progress = planProgress(stderr, terminalWidth(stderr), flags.json === true);
  let result;
  try {
    result = runPlanner({
      goal,
      options,
      rewriters: rws,
      capabilities,
      catalogSnapshot: catalog.snapshot,
      catalogFiles: flags.catalog ?? [],
      sink: progress.tap(telemetry ? telemetry.tap(sink) : sink),
      policy: { allow: ['*'], deny: [...(flags.deny ?? [])] },
      ...(answers ? { answers } : {}),
      log: (t) => progress.write(t),
      out: (t) => progress.write(t),
    });
  } finally {
    progress.stop();
    sink.close();
  }
  await telemetry?.finish(ctx);
  if (result.kind === 'rewrite-refused') {
    stderr.write(`error: rewrite ${result.rule} refused: ${result.reason}\n`);
    return ExitCode.inputErrors;
  }
  const runId = result.hosted.host.currentRun;
  const actions: ChainAction[] = readRecords(dir)
    .map((r) => r.action)
    .filter((a) => a.run === runId);
  const verified = verifyChain(dir);
  const value: Value = result.outcome.ok ? result.outcome.value : null;
  const get = (name: string): Value | undefined =>
    value instanceof RMap ? value.get(k(name)) : undefined;
  const finalPlan = get('final_plan');
  const finalHash = get('final_plan_hash');
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
          ok: result.outcome.ok,
          error: result.outcome.ok ? null : describeError(result.outcome),
          final_plan: typeof finalPlan === 'string' ? finalPlan : null,
          final_plan_hash: typeof finalHash === 'string' ? finalHash : null,
          result: value === null ? null : toPlain(value),
          trace: planTrace(actions, runId),
          chain: { dir, actions: actions.length, verified: verified.ok },
          ...(report !== undefined ? { report } : {}),
        },
        null,
        2,
      )}\n`,
    );
    return result.outcome.ok && verified.ok ? ExitCode.ok : ExitCode.inputErrors;
  }

  const rw = result.applied.map((a) => `${a.rule}${paramText(a.params)}`).join(', ');
  stdout.write(
    `Planner meta-plan  planner.meta@sha256:${result.metaPlanHash.slice(0, 12)}…  (rewrites: ${rw || 'none'})\n` +
      `Goal: ${goal}\n` +
      `Catalog: ${catalog.entries.length} capabilities  snapshot ${catalog.snapshot.slice(0, 19)}…   ` +
      `LLM: ${provider === 'openai' ? 'openai' : 'disabled (strategy=template)'}\n\n`,
  );
  const rows = planTraceRows(actions, runId);
  const trace =
    width === undefined ? planTrace(actions, runId) : planTraceFitted(rows, width, fitLine);
  for (const line of trace) stdout.write(`${line}\n`);
  stdout.write('\n');
  if (!result.outcome.ok) {
    stdout.write(`Planner run failed: ${describeError(result.outcome)}\n`);
  } else {
    stdout.write(
      `Final plan  ${typeof finalHash === 'string' ? finalHash : '?'}\n${typeof finalPlan === 'string' ? planAt(finalPlan, width) : printValue(finalPlan ?? null)}\n`,
    );
  }
  stdout.write(`${chainLine}\n`);
  stdout.write(`Replay: rtfs chain replay ${dir} --run ${runId}\n`);
  if (report !== undefined) stdout.write(`Report: ${report.file} (${report.size})\n`);
  return result.outcome.ok && verified.ok ? ExitCode.ok : ExitCode.inputErrors;
}

/** A stream whose every line fits `width` columns (wrapped at spaces, indented). */
function fitted(s: OutStream, width: number): OutStream {
  return { isTTY: s.isTTY === true, columns: width, write: (t) => s.write(wrapText(t, width)) };
}

/**
 * The final plan, formatted for a terminal `width` columns wide; a line that still does
 * not fit (a long string) is cut with … (the full plan is in --json and the report).
 */
function planAt(source: string, width: number | undefined): string {
  if (width === undefined) return source;
  const r = formatSource(source, { width });
  const text = fitText(r.ok ? r.text : source, width);
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
