/**
 * A run as a tree of spans: each opening record (PlanStarted, StepStarted,
 * CapabilityCall) paired with the record that closes it (its child PlanCompleted /
 * PlanAborted, StepCompleted / StepFailed, CapabilityResult), nested by the chain's
 * parent links. Other records of the run (RewriteApplied, GovernanceDecision,
 * ReplayStarted, ReplayDiverged …) are kept as notes of the span they belong to.
 * The HTML report and the OpenTelemetry export draw runs from this projection.
 */
import { type Value, Keyword, RMap } from '../data/index.js';
import type { ChainRecord } from './record.js';
import { HOUSEKEEPING } from './record.js';

export type SpanKind = 'plan' | 'step' | 'call';

/** `open`: no closing record (still running, or the process died: "in doubt"). */
export type SpanStatus = 'ok' | 'error' | 'open';

export interface RunSpan {
  readonly kind: SpanKind;
  readonly open: ChainRecord;
  /** The closing record, when there is one. */
  close: ChainRecord | undefined;
  readonly children: RunSpan[];
  /** Records of this span that neither open nor close a span. */
  readonly notes: ChainRecord[];
  /** The enclosing span (undefined for the run). */
  readonly parent: RunSpan | undefined;
}

const OPENERS: Readonly<Record<string, SpanKind>> = {
  PlanStarted: 'plan',
  StepStarted: 'step',
  CapabilityCall: 'call',
};

const CLOSERS: ReadonlySet<string> = new Set([
  'PlanCompleted',
  'PlanAborted',
  'StepCompleted',
  'StepFailed',
  'CapabilityResult',
]);

/** The span kind a record opens, if it opens one. */
export function opensSpan(type: string): SpanKind | undefined {
  return OPENERS[type];
}

/** Whether a record of this type closes the span named by its parent. */
export function closesSpan(type: string): boolean {
  return CLOSERS.has(type);
}

/**
 * The span tree of run `runId` (its PlanStarted id), or undefined when the records
 * hold no such run. Records whose parent is unknown hang under the run.
 */
export function runSpans(records: readonly ChainRecord[], runId: string): RunSpan | undefined {
  let root: RunSpan | undefined;
  const byId = new Map<string, RunSpan>();
  for (const r of records) {
    const a = r.action;
    if (a.run !== runId || HOUSEKEEPING.has(a.type)) continue;
    const kind = opensSpan(a.type);
    if (kind === 'plan' && root === undefined && a.id === runId) {
      root = { kind, open: r, close: undefined, children: [], notes: [], parent: undefined };
      byId.set(a.id, root);
      continue;
    }
    if (root === undefined) continue;
    const parent = (a.parent === null ? undefined : byId.get(a.parent)) ?? root;
    if (kind !== undefined) {
      const span: RunSpan = { kind, open: r, close: undefined, children: [], notes: [], parent };
      parent.children.push(span);
      byId.set(a.id, span);
    } else if (closesSpan(a.type) && a.parent !== null && byId.get(a.parent)?.close === undefined) {
      (byId.get(a.parent) as RunSpan).close = r;
    } else {
      parent.notes.push(r);
    }
  }
  return root;
}

export function spanStatus(s: RunSpan): SpanStatus {
  const r = s.close?.action.result;
  if (s.close === undefined) return 'open';
  return r !== undefined && !r.ok
    ? 'error'
    : s.close.action.type === 'PlanAborted'
      ? 'error'
      : 'ok';
}

/** The error of a failed span. */
export function spanError(s: RunSpan): { code: string; message: string } | undefined {
  const r = s.close?.action.result;
  return r !== undefined && !r.ok ? r.error : undefined;
}

/** Capability id (calls), step name (steps) or plan name (plans). */
export function spanName(s: RunSpan): string {
  return s.open.action.name ?? '';
}

/** Start (the opening record's `ts`) and end (the closing record's, or undefined), epoch ms. */
export function spanTimes(s: RunSpan): { start: number; end: number | undefined } {
  return { start: s.open.action.ts, end: s.close?.action.ts };
}

/** Every span of the tree, depth first (parents before children). */
export function walkSpans(root: RunSpan, fn: (s: RunSpan, depth: number) => void): void {
  const go = (s: RunSpan, depth: number): void => {
    fn(s, depth);
    for (const c of s.children) go(c, depth + 1);
  };
  go(root, 0);
}

/** A member of a record's `meta` map (keyword key), if the meta is a map. */
export function metaField(r: ChainRecord, key: string): Value | undefined {
  const m = r.action.meta;
  return m instanceof RMap ? m.get(Keyword.of(key)) : undefined;
}

/** The effects a capability call declared (`:network :read` → `["network", "read"]`). */
export function callEffects(r: ChainRecord): string[] {
  const e = metaField(r, 'effects');
  if (typeof e !== 'string') return [];
  return e
    .split(/\s+/)
    .filter((x) => x !== '')
    .map((x) => x.replace(/^:/, ''));
}

/** Whether a capability call is a language-model call (effect `:llm`, or an `llm.*` id). */
export function isLlmCall(r: ChainRecord): boolean {
  return (
    r.action.type === 'CapabilityCall' &&
    (callEffects(r).includes('llm') || (r.action.name ?? '').startsWith('llm.'))
  );
}
