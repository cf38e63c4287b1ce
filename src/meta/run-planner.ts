/**
 * One planner run, planner-as-plan: generate the meta-plan, apply the rewriters, run the
 * rewritten plan as a recorded run whose PlanStarted record holds everything a replay
 * needs (generated source, rewrites, the source that ran, catalog snapshot), with one
 * `RewriteApplied` record per rewrite before the first step.
 */
import { type Value, Keyword, RMap, RVector } from '../data/index.js';
import { createHostedRuntime, runProgram, type Capability, type Policy } from '../host/index.js';
import type { Hosted, RunOutcome } from '../host/index.js';
import type { AuditSink } from '../runtime/audit-sink.js';
import type { NodeCompiler } from '../runtime/index.js';
import { metaPlanData, type MetaPlanOptions } from './generator.js';
import {
  applyRewrites,
  planHash,
  registryContext,
  type AppliedRewrite,
  type Rewriter,
} from './rewriter.js';
import { printPlan } from './print.js';

export const PLANNER_URI = '<planner.meta>';

export interface PlannerRunOptions {
  readonly goal: string;
  readonly intent?: Value;
  readonly options?: MetaPlanOptions;
  readonly rewriters?: readonly Rewriter[];
  /** Catalog and planner capabilities (built-ins are always there). */
  readonly capabilities: readonly Capability[];
  readonly catalogSnapshot?: string;
  readonly catalogFiles?: readonly string[];
  readonly sink?: AuditSink;
  readonly policy?: Policy;
  readonly answers?: { next(prompt: string): string | undefined };
  readonly out?: (text: string) => void;
  readonly log?: (text: string) => void;
  /** The engine that runs the meta-plan (default: the evaluator). */
  readonly compiler?: NodeCompiler;
}

export type PlannerRunResult =
  | { readonly kind: 'rewrite-refused'; readonly rule: string; readonly reason: string }
  | {
      readonly kind: 'ran';
      readonly generatedSource: string;
      readonly source: string;
      readonly metaPlanHash: string;
      readonly applied: readonly AppliedRewrite[];
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

export function runPlanner(o: PlannerRunOptions): PlannerRunResult {
  const generated = metaPlanData(o.goal, o.intent, o.options);
  const hosted = createHostedRuntime({
    policy: o.policy ?? { allow: ['*'], deny: [] },
    capabilities: o.capabilities,
    ...(o.sink ? { sink: o.sink } : {}),
    ...(o.answers ? { answers: o.answers } : {}),
    ...(o.out ? { out: o.out } : {}),
    ...(o.log ? { log: o.log } : {}),
    ...(o.compiler ? { compiler: o.compiler } : {}),
  });
  const rewritten = applyRewrites(
    generated,
    o.rewriters ?? [],
    registryContext(hosted.registry, o.catalogSnapshot),
  );
  if (!rewritten.ok)
    return { kind: 'rewrite-refused', rule: rewritten.rule, reason: rewritten.reason };
  const generatedSource = printPlan(generated);
  const source = printPlan(rewritten.plan);
  const metaPlanHash = planHash(rewritten.plan);
  const meta = RMap.fromFlat([
    k('kind'),
    'planner.meta',
    k('goal'),
    o.goal,
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
  const outcome = runProgram(hosted, source, PLANNER_URI, {
    meta,
    before: () =>
      rewritten.applied.forEach((a, i) =>
        hosted.host.note('RewriteApplied', 'rw', i, a.rule, rewriteMeta(a)),
      ),
  });
  return {
    kind: 'ran',
    generatedSource,
    source,
    metaPlanHash,
    applied: rewritten.applied,
    outcome,
    hosted,
  };
}
