/**
 * What a run report shows, gathered from the chain records of one run: the header
 * (goal, catalog, rewrites, verification, outcome, totals), the span tree, and the
 * plans (meta-plan, rewrites, final plan, or the program of a plain run).
 */
import { type Value, Keyword, RMap, RVector } from '../data/index.js';
import {
  type ChainRecord,
  type RunSpan,
  type SpanStatus,
  type VerifyResult,
  isLlmCall,
  lastRunId,
  runSpans,
  spanError,
  spanStatus,
  walkSpans,
} from '../audit/index.js';
import { type RewriteStep, rewriteSteps } from './rewrites.js';
import { formatValue } from './values.js';

export interface ReportInput {
  /** The records of the chain (or of at least the run). */
  readonly records: readonly ChainRecord[];
  /** The run (its PlanStarted id); default: the last run in the records. */
  readonly runId?: string;
  /** The chain's verification, as `verifyChain` returned it. */
  readonly verification?: VerifyResult;
  /** The verification checked signatures against a key the reader trusts (`--pubkey`). */
  readonly trustedKey?: boolean;
  /** A replay of this run diverged with this message ("diverged at 2.0: …"). */
  readonly divergence?: string;
  /** Where the chain lives (shown in the header). */
  readonly chainDir?: string;
}

export interface Totals {
  readonly records: number;
  readonly steps: number;
  readonly calls: number;
  readonly llmCalls: number;
  readonly errors: number;
  /** Spans without a closing record. */
  readonly open: number;
}

export interface Divergence {
  readonly message: string;
  /** The call path it names, and the span with that path (when the run has it). */
  readonly callPath: string | undefined;
  readonly span: RunSpan | undefined;
}

export interface RunReport {
  readonly runId: string;
  readonly name: string;
  readonly planner: boolean;
  readonly goal: string | undefined;
  readonly catalogSnapshot: string | undefined;
  readonly catalogFiles: readonly string[];
  readonly root: RunSpan;
  readonly status: SpanStatus;
  readonly error: { code: string; message: string } | undefined;
  readonly finalValue: Value | undefined;
  readonly finalPlan: string | undefined;
  readonly finalPlanHash: string | undefined;
  readonly metaPlanHash: string | undefined;
  /** Planner runs: the generated meta-plan; plain runs: undefined. */
  readonly generatedSource: string | undefined;
  /** The source that ran (the rewritten meta-plan, or the program). */
  readonly source: string | undefined;
  readonly inputs: Value | undefined;
  readonly rewrites: readonly RewriteStep[];
  readonly totals: Totals;
  readonly start: number;
  readonly end: number;
  readonly verification: VerifyResult | undefined;
  readonly trustedKey: boolean;
  readonly divergence: Divergence | undefined;
  readonly chainDir: string | undefined;
  /** The chain's signing key id, from its ChainOpened record. */
  readonly keyId: string | undefined;
  /** The catalog the run used, when the chain stores it (a `ContentStored` record). */
  readonly catalogContent: string | undefined;
}

const k = (n: string): Keyword => Keyword.of(n);

function field(m: Value | undefined, key: string): Value | undefined {
  return m instanceof RMap ? m.get(k(key)) : undefined;
}

function text(v: Value | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

const bare = (hash: string): string => hash.replace(/^sha256:/, '');

/**
 * Content the chain stores once (`ContentStored` records: `meta` is `{:kind :hash
 * :content}`), found by kind and hash anywhere in the chain: a catalog is stored by the
 * first run that used it.
 */
export function storedContent(
  records: readonly ChainRecord[],
  kind: string,
  hash: string | undefined,
): string | undefined {
  if (hash === undefined) return undefined;
  for (const r of records) {
    if (r.action.type !== 'ContentStored') continue;
    const m = r.action.meta;
    const h = field(m, 'hash') ?? r.action.name;
    if (field(m, 'kind') !== kind || typeof h !== 'string' || bare(h) !== bare(hash)) continue;
    const c = field(m, 'content');
    if (typeof c === 'string') return c;
    if (c !== undefined && c !== null) return formatValue(c);
  }
  return undefined;
}

/** The call path a divergence message names (`diverged at 2.0.1: …`), if any. */
export function divergencePath(message: string): string | undefined {
  const m = /diverged at ([0-9][0-9.]*|end)\b/.exec(message);
  return m?.[1];
}

function totals(root: RunSpan, records: number): Totals {
  let steps = 0;
  let calls = 0;
  let llmCalls = 0;
  let errors = 0;
  let open = 0;
  walkSpans(root, (s) => {
    if (s.kind === 'step') steps++;
    if (s.kind === 'call') {
      calls++;
      if (isLlmCall(s.open)) llmCalls++;
    }
    const st = spanStatus(s);
    if (st === 'error') errors++;
    if (st === 'open') open++;
  });
  return { records, steps, calls, llmCalls, errors, open };
}

/** The report model of one run, or why not when the records hold no such run. */
export function buildReport(input: ReportInput): RunReport | { readonly failure: string } {
  const runId = input.runId ?? lastRunId(input.records);
  if (runId === undefined) return { failure: 'the chain holds no run' };
  const root = runSpans(input.records, runId);
  if (root === undefined) return { failure: `no run ${runId} in the chain` };
  const meta = root.open.action.meta;
  const planner = field(meta, 'kind') === 'planner.meta';
  const catalog = field(meta, 'catalog');
  const files = field(catalog, 'files');
  const close = root.close?.action;
  const finalValue = close?.result?.ok === true ? close.result.value : undefined;
  let end = close?.ts ?? root.open.action.ts;
  walkSpans(root, (s) => {
    end = Math.max(end, s.close?.action.ts ?? s.open.action.ts);
  });
  const runRecords = input.records.filter((r) => r.action.run === runId).length;
  const opened = input.records.find((r) => r.action.type === 'ChainOpened')?.action.data;
  let divergence: Divergence | undefined;
  if (input.divergence !== undefined) {
    const callPath = divergencePath(input.divergence);
    let span: RunSpan | undefined;
    walkSpans(root, (s) => {
      if (span === undefined && s.kind !== 'plan' && s.open.action.callPath === callPath) span = s;
    });
    divergence = { message: input.divergence, callPath, span };
  }
  return {
    runId,
    name: root.open.action.name ?? '',
    planner,
    goal: text(field(meta, 'goal')),
    catalogSnapshot: text(field(catalog, 'snapshot')),
    catalogFiles:
      files instanceof RVector ? [...files].filter((f): f is string => typeof f === 'string') : [],
    root,
    status: spanStatus(root),
    error: spanError(root),
    finalValue,
    finalPlan: text(field(finalValue, 'final_plan')),
    finalPlanHash: text(field(finalValue, 'final_plan_hash')),
    metaPlanHash: text(field(meta, 'meta_plan_hash')),
    generatedSource: planner ? text(field(meta, 'generated_source')) : undefined,
    source: text(field(meta, 'source')),
    inputs: field(meta, 'inputs'),
    rewrites: planner && meta instanceof RMap ? rewriteSteps(meta) : [],
    totals: totals(root, runRecords),
    start: root.open.action.ts,
    end,
    verification: input.verification,
    trustedKey: input.trustedKey === true,
    divergence,
    chainDir: input.chainDir,
    keyId: typeof opened?.key_id === 'string' ? opened.key_id : undefined,
    catalogContent: storedContent(input.records, 'catalog', text(field(catalog, 'snapshot'))),
  };
}
