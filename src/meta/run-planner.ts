/**
 * One planner run, planner-as-plan: generate the meta-plan, apply the rewriters, run the
 * rewritten plan as a recorded run whose PlanStarted record holds everything a replay
 * needs (generated source, rewrites, the source that ran, catalog snapshot), with one
 * `RewriteApplied` record per rewrite before the first step.
 */
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { type Value, Keyword, RMap, RVector } from '../data/index.js';
import { read } from '../syntax/index.js';
import { createHostedRuntime, runProgram, type Capability, type Policy } from '../host/index.js';
import type { Hosted, RunOutcome } from '../host/index.js';
import type { AuditSink } from '../runtime/audit-sink.js';
import type { Budget, NodeCompiler } from '../runtime/index.js';
import { metaPlanData, printMetaPlan, type MetaPlanOptions } from './generator.js';
import {
  applyRewrites,
  planHash,
  registryContext,
  type AppliedRewrite,
  type RewriteContext,
  type RewritesOutcome,
  type Rewriter,
} from './rewriter.js';
import { rewriteProblems } from './rewrite-check.js';
import { printPlan } from './print.js';

export const PLANNER_URI = '<planner.meta>';

/** A user's planner flow (`rtfs plan --flow FILE`): its source and the inputs it gets. */
export interface FlowSpec {
  readonly uri: string;
  readonly source: string;
  /** Plan inputs (the goal and the options the flow declares). */
  readonly inputs: RMap;
}

export interface PlannerRunOptions {
  readonly goal: string;
  /** Run this flow instead of the generated meta-plan. */
  readonly flow?: FlowSpec;
  readonly intent?: Value;
  readonly options?: MetaPlanOptions;
  readonly rewriters?: readonly Rewriter[];
  /** Catalog and planner capabilities (built-ins are always there). */
  readonly capabilities: readonly Capability[];
  readonly catalogSnapshot?: string;
  readonly catalogFiles?: readonly string[];
  /** The catalog's content (stored once per chain, under its snapshot, for replays). */
  readonly catalogContent?: Value;
  /** How `ccos.plan.execute` calls without a `:mode` run (flows; default dry-run). */
  readonly executeMode?: 'none' | 'dry-run' | 'full';
  /** Refuse a rewritten plan that calls unknown capabilities or lost steps (else warn). */
  readonly strict?: boolean;
  readonly sink?: AuditSink;
  readonly policy?: Policy;
  readonly answers?: { next(prompt: string): string | undefined };
  readonly out?: (text: string) => void;
  readonly log?: (text: string) => void;
  /** The engine that runs the meta-plan (default: the evaluator). */
  readonly compiler?: NodeCompiler;
  /** Step and time limits of the whole run: the meta-plan and the plans it runs. */
  readonly budget?: Budget;
}

export type PlannerRunResult =
  | { readonly kind: 'rewrite-refused'; readonly rule: string; readonly reason: string }
  | {
      readonly kind: 'ran';
      readonly generatedSource: string;
      readonly source: string;
      readonly metaPlanHash: string;
      readonly applied: readonly AppliedRewrite[];
      /** What the rewrites may have broken (rewrite-check.ts), reported before the run. */
      readonly warnings: readonly string[];
      readonly outcome: RunOutcome;
      readonly hosted: Hosted;
    };

const k = (n: string): Keyword => Keyword.of(n);

export function rewriteMeta(a: AppliedRewrite): RMap {
  return RMap.fromFlat([
    k('rule'),
    a.rule,
    k('version'),
    a.version,
    k('params'),
    a.params,
    k('before_hash'),
    a.beforeHash,
    k('after_hash'),
    a.afterHash,
    k('edits'),
    RVector.from(
      a.edits.map((e) => RMap.fromFlat([k('at'), e.at, k('op'), k(e.op), k('what'), e.what])),
    ),
    ...(a.source !== undefined ? [k('source'), a.source] : []),
  ]);
}

/** A flow file's forms: the definitions before its plan, and the plan (its last form). */
export function flowParts(text: string, uri: string): { prefix: Value[]; plan: Value } | string {
  const r = read(text, uri);
  const d = r.diagnostics[0];
  if (d !== undefined) return `${uri}: ${d.message}`;
  const plan = r.forms[r.forms.length - 1];
  if (plan === undefined) return `${uri} holds no plan`;
  return { prefix: r.forms.slice(0, -1) as Value[], plan };
}

export function runPlanner(o: PlannerRunOptions): PlannerRunResult {
  const flow = o.flow === undefined ? undefined : flowParts(o.flow.source, o.flow.uri);
  if (typeof flow === 'string') return { kind: 'rewrite-refused', rule: '--flow', reason: flow };
  const generated = flow?.plan ?? metaPlanData(o.goal, o.intent, o.options);
  const hosted = createHostedRuntime({
    policy: o.policy ?? { allow: ['*'], deny: [] },
    capabilities: o.capabilities,
    ...(o.sink ? { sink: o.sink } : {}),
    ...(o.answers ? { answers: o.answers } : {}),
    ...(o.out ? { out: o.out } : {}),
    ...(o.log ? { log: o.log } : {}),
    ...(o.compiler ? { compiler: o.compiler } : {}),
    ...(o.budget ? { budget: o.budget } : {}),
    ...(o.flow ? { inputs: o.flow.inputs } : {}),
    ...(o.executeMode ? { executeMode: o.executeMode } : {}),
    ...(o.flow && existsSync(o.flow.uri) ? { paths: [dirname(o.flow.uri)] } : {}),
  });
  const rewritten = rewriteChecked(
    generated,
    o.rewriters ?? [],
    registryContext(hosted.registry, o.catalogSnapshot),
  );
  if (!rewritten.ok)
    return { kind: 'rewrite-refused', rule: rewritten.rule, reason: rewritten.reason };
  if (o.strict === true && rewritten.warnings.length > 0)
    return {
      kind: 'rewrite-refused',
      rule: '--strict',
      reason: rewritten.warnings.join('; '),
    };
  // A flow without rewrites runs as written (its errors point into the file).
  const generatedSource = o.flow?.source ?? printMetaPlan(generated);
  // Formatting is a third of the meta-plan's set-up: the plan nothing rewrote is printed once.
  const printed = (p: Value): string =>
    p === generated && o.flow === undefined ? generatedSource : printPlan(p);
  const source =
    o.flow !== undefined && rewritten.applied.length === 0
      ? o.flow.source
      : [...(flow?.prefix ?? []).map((f) => printPlan(f)), printed(rewritten.plan)].join('\n');
  const metaPlanHash = planHash(rewritten.plan);
  const meta = RMap.fromFlat([
    k('kind'),
    o.flow ? 'planner.flow' : 'planner.meta',
    k('goal'),
    o.goal,
    ...(o.flow ? [k('flow'), o.flow.uri] : []),
    k('generated_source'),
    generatedSource,
    k('generated_hash'),
    planHash(generated),
    k('meta_plan_hash'),
    metaPlanHash,
    k('rewrites'),
    RVector.from(rewritten.applied.map(rewriteMeta)),
    k('catalog'),
    RMap.fromFlat([
      k('snapshot'),
      o.catalogSnapshot ?? null,
      k('files'),
      RVector.from([...(o.catalogFiles ?? [])]),
    ]),
  ]);
  const uri = o.flow !== undefined && rewritten.applied.length === 0 ? o.flow.uri : PLANNER_URI;
  const outcome = runProgram(hosted, source, uri, {
    meta,
    before: () => {
      if (o.catalogSnapshot !== undefined && o.catalogContent !== undefined)
        hosted.host.storeContent(o.catalogSnapshot, 'catalog', o.catalogContent);
      rewritten.applied.forEach((a, i) =>
        hosted.host.note('RewriteApplied', 'rw', i, a.rule, rewriteMeta(a)),
      );
    },
  });
  return {
    kind: 'ran',
    generatedSource,
    source,
    metaPlanHash,
    applied: rewritten.applied,
    warnings: rewritten.warnings,
    outcome,
    hosted,
  };
}

/**
 * Applies the rewriters in order, each checked (rewrite-check.ts) against the plan it got:
 * the outcome of `applyRewrites`, with the problems found as warnings.
 */
export function rewriteChecked(
  plan: Value,
  rewriters: readonly Rewriter[],
  ctx: RewriteContext,
): (RewritesOutcome & { ok: false }) | (RewritesOutcome & { ok: true; warnings: string[] }) {
  const applied: AppliedRewrite[] = [];
  const warnings: string[] = [];
  let current = plan;
  for (const r of rewriters) {
    const step = applyRewrites(current, [r], ctx);
    if (!step.ok) return step;
    warnings.push(
      ...rewriteProblems(r.id, current, step.plan, (id) => ctx.capability(id) !== undefined),
    );
    applied.push(...step.applied);
    current = step.plan;
  }
  return { ok: true, plan: current, applied, warnings };
}
