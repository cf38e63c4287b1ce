/**
 * Replaying a planner run (planner.md §5): rebuild the meta-plan from the generated
 * source and the recorded rewrites (its hash must match), reload the catalog (its
 * snapshot must match), then re-run it with every deterministic capability re-executed
 * and compared with the log, and every other answer (LLM, human, external services)
 * taken from the log. The final plan's hash must be identical.
 */
import { type Value, Keyword, RMap, RVector } from '../data/index.js';
import { read } from '../syntax/index.js';
import type { ChainRecord } from '../audit/index.js';
import { createHostedRuntime, loadRun, replayRun, type Capability } from '../host/index.js';
import { catalogCapabilities, loadCatalog, plannerCapabilities } from '../planner/index.js';
import { applyRewrites, planHash, registryContext, type Rewriter } from './rewriter.js';
import { rewriterFromRecord } from './rewriters/index.js';

const k = (n: string): Keyword => Keyword.of(n);

export type PlannerReplayOutcome =
  | {
      readonly ok: true;
      readonly runId: string;
      readonly finalPlanHash: string;
      readonly liveCalls: number;
      readonly metaPlanHash: string;
    }
  | { readonly ok: false; readonly runId: string; readonly message: string };

export function isPlannerRun(records: readonly ChainRecord[], runId?: string): boolean {
  try {
    return loadRun(records, runId).meta.get(k('kind')) === 'planner.meta';
  } catch {
    return false;
  }
}

/** True for capabilities a replay re-executes (pure and in-process). */
export function deterministic(c: Capability | undefined): boolean {
  return c !== undefined && c.external !== true && c.effects.every((e) => e === 'pure');
}

export function replayPlanner(
  records: readonly ChainRecord[],
  opts: { runId?: string; catalogFiles?: readonly string[] } = {},
): PlannerReplayOutcome {
  const run = loadRun(records, opts.runId);
  const fail = (message: string): PlannerReplayOutcome => ({
    ok: false,
    runId: run.runId,
    message,
  });
  const meta = run.meta;
  // The catalog the run used.
  const cat = meta.get(k('catalog'));
  const recordedFiles = cat instanceof RMap ? cat.get(k('files')) : undefined;
  const files =
    opts.catalogFiles ??
    (recordedFiles instanceof RVector
      ? [...recordedFiles].filter((f): f is string => typeof f === 'string')
      : []);
  const loaded = loadCatalog(files);
  if (loaded.diagnostics.length > 0)
    return fail(`cannot load the run's catalog: ${loaded.diagnostics[0]?.message ?? ''}`);
  const snapshot = cat instanceof RMap ? cat.get(k('snapshot')) : undefined;
  if (typeof snapshot === 'string' && snapshot !== loaded.catalog.snapshot)
    return fail(
      `the catalog changed: the run used ${snapshot}, the files now give ${loaded.catalog.snapshot}`,
    );
  const capabilities = [
    ...catalogCapabilities(loaded.catalog.entries.filter((e) => e.builtin !== true)),
    ...plannerCapabilities({ catalog: loaded.catalog }),
  ];
  // V2: the meta-plan, rebuilt from the generated source and the recorded rewrites.
  const generatedSource = meta.get(k('generated_source'));
  if (typeof generatedSource !== 'string')
    return fail('the run did not record its generated meta-plan');
  const generated = read(generatedSource, '<generated-meta-plan>').forms[0] as Value;
  const rewrites = meta.get(k('rewrites'));
  const rws: Rewriter[] = [];
  for (const r of rewrites instanceof RVector ? [...rewrites] : []) {
    const rule = r instanceof RMap ? r.get(k('rule')) : undefined;
    if (typeof rule !== 'string') return fail('a recorded rewrite has no rule name');
    const src = (r as RMap).get(k('source'));
    const rw = rewriterFromRecord(
      rule,
      (r as RMap).get(k('params')) ?? RMap.EMPTY,
      typeof src === 'string' ? src : undefined,
    );
    if ('error' in rw) return fail(rw.error);
    rws.push(rw);
  }
  const registry = createHostedRuntime({ policy: { allow: [], deny: [] }, capabilities }).registry;
  const rebuilt = applyRewrites(generated, rws, registryContext(registry, loaded.catalog.snapshot));
  if (!rebuilt.ok) return fail(`re-applying rewrite ${rebuilt.rule} failed: ${rebuilt.reason}`);
  const metaPlanHash = planHash(rebuilt.plan);
  if (metaPlanHash !== meta.get(k('meta_plan_hash')))
    return fail(
      `the rebuilt meta-plan hash ${metaPlanHash.slice(0, 16)}… differs from the recorded one (a rewrite is missing or changed)`,
    );
  const ranHash = planHash(read(run.source, '<recorded-meta-plan>').forms[0] as Value);
  if (ranHash !== metaPlanHash)
    return fail('the recorded meta-plan source does not match its rewrites');
  // V3/V4: re-run against the log.
  const r = replayRun(records, { runId: run.runId, capabilities, live: deterministic });
  if (!r.ok) return fail(r.message);
  const final = run.final;
  const value = final?.ok === true ? final.value : null;
  const finalPlanHash = value instanceof RMap ? value.get(k('final_plan_hash')) : undefined;
  return {
    ok: true,
    runId: run.runId,
    finalPlanHash: typeof finalPlanHash === 'string' ? finalPlanHash : r.finalHash,
    liveCalls: r.liveCalls,
    metaPlanHash,
  };
}
