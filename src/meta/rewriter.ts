/**
 * The arbiter hook (planner.md §4.2): a rewriter is a pure, idempotent transform from plan
 * data to plan data, with an id, a version and parameters. Rewriters run in the order
 * given; after each one the plan is re-checked (it prints and reads back to the same
 * data, its step ids are unique, no step reads a later one, every loop has a cap), and
 * the application is recorded with before/after hashes and its edits.
 */
import { createHash } from 'node:crypto';
import { type Value, printValue } from '../data/index.js';
import type { TypeAst } from '../types/index.js';
import type { Capability } from '../host/index.js';
import { recheckPlan } from './recheck.js';

export interface Edit {
  /** Where: a step id, or `plan` for plan options. */
  readonly at: string;
  readonly op: 'insert' | 'replace' | 'wrap' | 'set';
  readonly what: string;
}

export type RewriteOutcome =
  | { readonly ok: true; readonly plan: Value; readonly edits: readonly Edit[] }
  | { readonly ok: false; readonly reason: string };

/** What a rewriter may know about the run besides the plan. */
export interface RewriteContext {
  capability(id: string): CapabilityInfo | undefined;
  /** The hash of the capability catalog this run uses. */
  readonly catalogSnapshot: string | undefined;
}

export interface CapabilityInfo {
  readonly id: string;
  readonly inputSchema: TypeAst | undefined;
  readonly effects: readonly string[];
}

export interface Rewriter {
  readonly id: string;
  readonly version: string;
  /** The parameters as RTFS data (recorded in the chain). */
  readonly params: Value;
  /** An RTFS rewriter's source text (recorded so a replay can re-apply it). */
  readonly source?: string;
  rewrite(plan: Value, ctx: RewriteContext): RewriteOutcome;
}

export interface AppliedRewrite {
  readonly rule: string;
  readonly version: string;
  readonly params: Value;
  readonly beforeHash: string;
  readonly afterHash: string;
  readonly edits: readonly Edit[];
  readonly source?: string;
}

export type RewritesOutcome =
  | { readonly ok: true; readonly plan: Value; readonly applied: readonly AppliedRewrite[] }
  | { readonly ok: false; readonly rule: string; readonly reason: string };

/** sha256 of a plan's canonical print (what replay must reproduce). */
export function planHash(plan: Value): string {
  return createHash('sha256').update(printValue(plan)).digest('hex');
}

export function applyRewrites(
  plan: Value,
  rewriters: readonly Rewriter[],
  ctx: RewriteContext,
): RewritesOutcome {
  const applied: AppliedRewrite[] = [];
  let current = plan;
  for (const r of rewriters) {
    const out = r.rewrite(current, ctx);
    if (!out.ok) return { ok: false, rule: r.id, reason: out.reason };
    const problem = recheckPlan(out.plan);
    if (problem !== undefined) {
      return { ok: false, rule: r.id, reason: `the rewritten plan is invalid: ${problem}` };
    }
    applied.push({
      rule: r.id,
      version: r.version,
      params: r.params,
      beforeHash: planHash(current),
      afterHash: planHash(out.plan),
      edits: out.edits,
      ...(r.source !== undefined ? { source: r.source } : {}),
    });
    current = out.plan;
  }
  return { ok: true, plan: current, applied };
}

/** A rewrite context over a capability registry (what the run can call). */
export function registryContext(
  registry: { get(id: string): Capability | undefined },
  catalogSnapshot: string | undefined,
): RewriteContext {
  return {
    capability: (id) => {
      const c = registry.get(id);
      return c === undefined ? undefined : { id, inputSchema: c.inputSchema, effects: c.effects };
    },
    catalogSnapshot,
  };
}
