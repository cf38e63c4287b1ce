/**
 * The planner from TypeScript, as `rtfs plan` runs it (planner-as-plan): generate the
 * meta-plan for a goal, apply rewriters, run it with every planner step recorded in
 * the causal chain, and return the final plan (docs/planner-as-plan.md).
 */
import { readFileSync } from 'node:fs';
import { type Value, Keyword, RMap } from '../data/index.js';
import {
  type Rewriter,
  applyRewrites,
  metaPlanData,
  printPlan,
  registryContext,
  rewriterFromSpec,
  rtfsRewriter,
} from '../meta/index.js';
import { runPlanner } from '../meta/run-planner.js';
import {
  PlannerCodes,
  catalogCapabilities,
  loadCatalog,
  plannerCapabilities,
} from '../planner/index.js';
import { createHostedRuntime } from '../host/index.js';
import { MemoryChain, JsonlChain, type ChainRecord, readRecords } from '../audit/index.js';
import { makeDirectory } from '../source/make-directory.js';
import { type Answers, RtfsConfigError, answersOf } from './options.js';
import { type RunError, runError } from './rtfs.js';

export interface PlanGoalOptions {
  /** Capability catalog files (`.rtfs` or `.json`); the built-ins are always there. */
  readonly catalogs?: readonly string[];
  /**
   * Rewriters applied to the meta-plan before it runs: a built-in by spec
   * (`'cap-refinement-cycles=2'`, `'insert-approval-gate'`), an RTFS rewriter file
   * (`'my-rewriter.rtfs'`), or a {@link Rewriter} object.
   */
  readonly rewriters?: readonly (string | Rewriter)[];
  /** Whether the meta-plan runs the final plan (default `'none'`). */
  readonly execute?: 'none' | 'dry-run' | 'full';
  /** Refinement cycles after the first synthesis (default 3). */
  readonly maxCycles?: number;
  /** A chain directory, a chain you made, or nothing for a fresh in-memory chain. */
  readonly chain?: string | MemoryChain;
  /** Answers for `ccos.user.ask` (approval gates). */
  readonly answers?: Answers;
  /** Capabilities the run may not call (everything else is allowed, as `rtfs plan`). */
  readonly deny?: readonly string[];
  /** Where the run's `println` and log lines go (default: nowhere). */
  readonly log?: (text: string) => void;
}

export type PlanGoalResult =
  | {
      readonly ok: true;
      /** The final plan's RTFS source. */
      readonly plan: string;
      readonly planHash: string;
      /** The meta-plan that ran (after the rewrites). */
      readonly metaPlan: string;
      readonly metaPlanHash: string;
      /** The meta-plan's result map (`:final_plan`, `:coverage`, `:execution` …). */
      readonly value: Value;
      readonly runId: string;
      readonly records: readonly ChainRecord[];
    }
  | { readonly ok: false; readonly error: RunError; readonly runId?: string };

const k = (n: string): Keyword => Keyword.of(n);

function rewritersOf(specs: PlanGoalOptions['rewriters']): Rewriter[] {
  return (specs ?? []).map((spec) => {
    if (typeof spec !== 'string') return spec;
    const r = spec.endsWith('.rtfs')
      ? rtfsRewriter(readFileSync(spec, 'utf8'), spec)
      : rewriterFromSpec(spec);
    if ('error' in r) throw new TypeError(`rewriter ${spec}: ${r.error}`);
    return r;
  });
}

function setup(goal: string, o: PlanGoalOptions) {
  const loaded = loadCatalog(o.catalogs ?? []);
  if (loaded.diagnostics.length > 0) throw new RtfsConfigError(loaded.diagnostics);
  const catalog = loaded.catalog;
  const capabilities = [
    ...catalogCapabilities(catalog.entries.filter((e) => e.builtin !== true)),
    ...plannerCapabilities({ catalog }),
  ];
  const options = {
    maxRefinementCycles: o.maxCycles ?? 3,
    strategy: 'template' as const,
    execute: o.execute ?? 'none',
  };
  return { goal, catalog, capabilities, options, rewriters: rewritersOf(o.rewriters) };
}

/** The meta-plan for `goal` after the rewriters, as RTFS source (`rtfs plan --emit-meta-plan`). */
export function metaPlanSource(goal: string, o: PlanGoalOptions = {}): string {
  const s = setup(goal, o);
  const hosted = createHostedRuntime({
    policy: { allow: [], deny: [] },
    capabilities: s.capabilities,
  });
  const r = applyRewrites(
    metaPlanData(goal, undefined, s.options),
    s.rewriters,
    registryContext(hosted.registry, s.catalog.snapshot),
  );
  if (!r.ok) throw new TypeError(`rewrite ${r.rule} refused: ${r.reason}`);
  return printPlan(r.plan);
}

/** Plans `goal`: runs the (rewritten) meta-plan as a recorded run and returns the final plan. */
export function planGoal(goal: string, o: PlanGoalOptions = {}): PlanGoalResult {
  const s = setup(goal, o);
  const chain = typeof o.chain === 'string' ? openDir(o.chain) : (o.chain ?? new MemoryChain());
  const answers = answersOf(o.answers);
  const quiet = o.log ?? (() => undefined);
  let result;
  try {
    result = runPlanner({
      goal,
      options: s.options,
      rewriters: s.rewriters,
      capabilities: s.capabilities,
      catalogSnapshot: s.catalog.snapshot,
      catalogFiles: o.catalogs ?? [],
      sink: chain,
      policy: { allow: ['*'], deny: [...(o.deny ?? [])] },
      ...(answers ? { answers } : {}),
      log: quiet,
      out: quiet,
    });
  } finally {
    if (chain instanceof JsonlChain) chain.close();
  }
  if (result.kind === 'rewrite-refused') {
    const message = `rewrite ${result.rule} refused: ${result.reason}`;
    return {
      ok: false,
      error: {
        code: PlannerCodes.rewriteRefused,
        message,
        text: `error: ${message}`,
        diagnostics: [],
      },
    };
  }
  const runId = result.hosted.host.currentRun;
  if (!result.outcome.ok) return { ok: false, error: runError(result.outcome), runId };
  const value = result.outcome.value;
  const get = (name: string): Value | undefined =>
    value instanceof RMap ? value.get(k(name)) : undefined;
  const plan = get('final_plan');
  const planHash = get('final_plan_hash');
  const all = chain instanceof MemoryChain ? chain.records() : readRecords(chain.dir);
  return {
    ok: true,
    plan: typeof plan === 'string' ? plan : '',
    planHash: typeof planHash === 'string' ? planHash : '',
    metaPlan: result.source,
    metaPlanHash: result.metaPlanHash,
    value,
    runId,
    records: all.filter((r) => r.action.run === runId || r.action.run === null),
  };
}

function openDir(dir: string): JsonlChain {
  makeDirectory(dir);
  return JsonlChain.open(dir);
}
