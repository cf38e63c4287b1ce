/**
 * Replay of any recorded run (planner.md §5), whatever started it — `rtfs run`, `rtfs
 * eval`, `rtfs plan` (with or without `--flow`), a compiled module, a REPL input:
 *
 * 1. the catalog the run used, rebuilt from the copy stored in the log (the files may
 *    have moved); with `--catalog` or without a stored copy, the files given or recorded,
 *    which must give the recorded snapshot (the message names the entries that changed);
 * 2. for a planner run, the plan that ran, rebuilt from its recorded source and rewrites
 *    (each rewrite must give its recorded hash; a missing one is named);
 * 3. the run again, deterministic capabilities re-executed and compared, every other
 *    answer (LLM, human, network, files, external services) from the log;
 * 4. the final value (or the recorded failure) reproduced, with its hash.
 */
import { Keyword, RMap, RVector } from '../data/index.js';
import type { ChainRecord } from '../audit/index.js';
import {
  createHostedRuntime,
  deterministic,
  loadRun,
  replayRun,
  sessionRuns,
  storedContent,
  type Capability,
  type RecordedRun,
} from '../host/index.js';
import {
  catalogCapabilities,
  catalogChanges,
  catalogFromContent,
  loadCatalog,
  mentionsPlanner,
  plannerCapabilities,
  type Catalog,
} from '../planner/index.js';
import { applyRewrites, planHash, registryContext, type Rewriter } from './rewriter.js';
import { rewriterFromRecord } from './rewriters/index.js';
import { flowParts } from './run-planner.js';

const k = (n: string): Keyword => Keyword.of(n);

export interface ReplayRequest {
  readonly runId?: string;
  /** Catalog files to use instead of the recorded catalog (they must give its snapshot). */
  readonly catalogFiles?: readonly string[];
  /** Replay this source instead of the recorded one (to test a change; no rebuild checks). */
  readonly source?: string;
  /**
   * An embedding's capabilities (TypeScript code that may reach anything): their calls are
   * answered from the log, never executed again.
   */
  readonly capabilities?: readonly Capability[];
}

export type RecordedReplay =
  | {
      readonly ok: true;
      readonly runId: string;
      /** Hash of the final value (or of the recorded error, for a failed run). */
      readonly finalHash: string;
      /** The final plan's hash, when the run produced one (`:final_plan_hash`). */
      readonly finalPlanHash: string | undefined;
      /** The rebuilt meta-plan's hash (planner runs). */
      readonly metaPlanHash: string | undefined;
      readonly reexecuted: number;
      readonly fromLog: number;
      readonly liveCalls: number;
      readonly failed?: { readonly code: string; readonly message: string };
    }
  | { readonly ok: false; readonly runId: string; readonly message: string };

/** The catalog a run used: from the log's copy, or from files (checked against its snapshot). */
export function runCatalog(
  records: readonly ChainRecord[],
  run: RecordedRun,
  files: readonly string[] | undefined,
): { catalog: Catalog } | { error: string } {
  const recorded = run.meta.get(k('catalog'));
  const snapshot = recorded instanceof RMap ? recorded.get(k('snapshot')) : undefined;
  const stored = typeof snapshot === 'string' ? storedContent(records, snapshot) : undefined;
  const copy = stored === undefined ? undefined : catalogFromContent(stored);
  if (copy !== undefined && copy.snapshot !== snapshot)
    return { error: `the catalog stored in the log does not match its snapshot ${snapshot}` };
  if (files === undefined && copy !== undefined) return { catalog: copy };
  const recordedFiles = recorded instanceof RMap ? recorded.get(k('files')) : undefined;
  const paths =
    files ??
    (recordedFiles instanceof RVector
      ? [...recordedFiles].filter((f): f is string => typeof f === 'string')
      : []);
  const loaded = loadCatalog(paths);
  if (loaded.diagnostics.length > 0) {
    const d = loaded.diagnostics[0];
    return {
      error: `cannot load the catalog ${paths.join(', ')}: ${d?.message ?? ''}`,
    };
  }
  if (typeof snapshot === 'string' && loaded.catalog.snapshot !== snapshot) {
    const changes = copy === undefined ? [] : catalogChanges(copy, loaded.catalog);
    return {
      error:
        changes.length > 0
          ? `the catalog changed since the run: ${changes.join(', ')}`
          : `the catalog changed since the run: it was ${snapshot}, the files now give ${loaded.catalog.snapshot}`,
    };
  }
  return { catalog: loaded.catalog };
}

function rewritersOf(meta: RMap): Rewriter[] | string {
  const rewrites = meta.get(k('rewrites'));
  const out: Rewriter[] = [];
  for (const r of rewrites instanceof RVector ? [...rewrites] : []) {
    const rule = r instanceof RMap ? r.get(k('rule')) : undefined;
    if (typeof rule !== 'string') return 'a recorded rewrite has no rule name';
    const src = (r as RMap).get(k('source'));
    const rw = rewriterFromRecord(
      rule,
      (r as RMap).get(k('params')) ?? RMap.EMPTY,
      typeof src === 'string' ? src : undefined,
    );
    if ('error' in rw) return rw.error;
    out.push(rw);
  }
  return out;
}

/** The rule names of the RewriteApplied records of a run, in order. */
function appliedRules(records: readonly ChainRecord[], runId: string): string[] {
  return records
    .filter((r) => r.action.run === runId && r.action.type === 'RewriteApplied')
    .map((r) => r.action.name ?? '?');
}

/**
 * A planner run's plan, rebuilt from its recorded source (before rewriting) and its
 * rewrites: undefined when it matches what ran, else the reason.
 */
function checkRebuild(
  records: readonly ChainRecord[],
  run: RecordedRun,
  capabilities: readonly Capability[],
  snapshot: string | undefined,
): string | undefined {
  const meta = run.meta;
  const generatedSource = meta.get(k('generated_source'));
  if (typeof generatedSource !== 'string') return undefined;
  const parts = flowParts(generatedSource, '<recorded-plan>');
  if (typeof parts === 'string') return `the recorded plan does not read: ${parts}`;
  const generated = parts.plan;
  const rws = rewritersOf(meta);
  if (typeof rws === 'string') return rws;
  const registry = createHostedRuntime({ policy: { allow: [], deny: [] }, capabilities }).registry;
  const rebuilt = applyRewrites(generated, rws, registryContext(registry, snapshot));
  if (!rebuilt.ok) return `re-applying rewrite ${rebuilt.rule} failed: ${rebuilt.reason}`;
  const recorded = meta.get(k('rewrites'));
  const list = recorded instanceof RVector ? [...recorded] : [];
  for (let i = 0; i < rebuilt.applied.length; i++) {
    const a = rebuilt.applied[i];
    const want = (list[i] as RMap).get(k('after_hash'));
    if (a !== undefined && want !== a.afterHash)
      return `re-applying rewrite ${i + 1} (${a.rule}) gives plan ${a.afterHash.slice(0, 16)}…, the run recorded ${String(want).slice(0, 16)}…`;
  }
  const hash = planHash(rebuilt.plan);
  if (hash !== meta.get(k('meta_plan_hash'))) {
    const applied = appliedRules(records, run.runId);
    const named = rws.map((r) => r.id);
    const missing = applied.filter((rule, i) => named[i] !== rule);
    return missing.length > 0
      ? `the rebuilt plan differs from the one that ran: rewrite ${missing[0]} (applied in the run) is missing from its recorded rewrites`
      : `the rebuilt plan ${hash.slice(0, 16)}… differs from the recorded one (a rewrite is missing or changed)`;
  }
  const ran = flowParts(run.source, '<recorded-plan>');
  if (typeof ran === 'string' || planHash(ran.plan) !== hash)
    return 'the recorded plan source does not match its rewrites';
  return undefined;
}

export function replayRecorded(
  records: readonly ChainRecord[],
  req: ReplayRequest = {},
): RecordedReplay {
  const run = loadRun(records, req.runId);
  const fail = (message: string): RecordedReplay => ({ ok: false, runId: run.runId, message });
  const sources = [...sessionRuns(records, run), run].map((r) => r.source);
  const needsPlanner =
    run.meta.get(k('catalog')) instanceof RMap ||
    sources.some(mentionsPlanner) ||
    req.catalogFiles !== undefined;
  let capabilities: Capability[] = [];
  let snapshot: string | undefined;
  if (needsPlanner) {
    const c = runCatalog(records, run, req.catalogFiles);
    if ('error' in c) return fail(c.error);
    snapshot = c.catalog.snapshot;
    capabilities = [
      ...catalogCapabilities(c.catalog.entries.filter((e) => e.builtin !== true)),
      ...plannerCapabilities({ catalog: c.catalog }),
    ];
  }
  if (req.source === undefined) {
    const problem = checkRebuild(records, run, capabilities, snapshot);
    if (problem !== undefined) return fail(problem);
  }
  const embedded = req.capabilities ?? [];
  const r = replayRun(records, {
    runId: run.runId,
    capabilities: [...capabilities, ...embedded],
    live: (c) => deterministic(c) && !embedded.includes(c as Capability),
    ...(req.source !== undefined ? { source: req.source } : {}),
  });
  if (!r.ok) return fail(r.message);
  const final = run.final;
  const value = final?.ok === true ? final.value : null;
  const planHashValue = value instanceof RMap ? value.get(k('final_plan_hash')) : undefined;
  const metaHash = run.meta.get(k('meta_plan_hash'));
  return {
    ok: true,
    runId: run.runId,
    finalHash: r.finalHash,
    finalPlanHash: typeof planHashValue === 'string' ? planHashValue : undefined,
    metaPlanHash: typeof metaHash === 'string' ? metaHash : undefined,
    reexecuted: r.reexecuted,
    fromLog: r.fromLog,
    liveCalls: r.liveCalls,
    ...(r.failed ? { failed: r.failed } : {}),
  };
}
