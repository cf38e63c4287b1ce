/**
 * Rewriters written in RTFS: a file whose last form evaluates to
 * `{:id "my-rule" :version "1" :rewrite (fn [plan params] …)}` (or that defines a
 * function named `rewrite`). The function gets the plan as data and returns new plan
 * data; the engine checks and records it like a built-in rewriter. `params` is the
 * `--rewriter FILE=ARG` value; loading and each application run under a time budget.
 */
import { type Value, Keyword, RMap } from '../data/index.js';
import { createRuntime } from '../create-runtime.js';
import { RtfsError, applyFn, isCallable } from '../runtime/index.js';
import { REWRITER_BUDGET, withBudget } from '../runtime/budget.js';
import type { Rewriter } from './rewriter.js';
import { diffEdits } from './diff-edits.js';
import { withTimeBudget } from './time-budget.js';

/** The default time an RTFS rewriter may take in `rtfs plan` (`--rewriter-budget`). */
export const REWRITER_BUDGET_MS = 2000;

/**
 * Runs `fn` within the rewriter's budget: `budgetMs` of time when given (`rtfs plan
 * --rewriter-budget`), else the default step and time budget (REWRITER_BUDGET).
 */
function budgeted<T>(budgetMs: number | undefined, fn: () => T): { value: T } | { timedOut: true } {
  if (budgetMs !== undefined) return withTimeBudget(budgetMs, fn);
  return { value: withBudget(REWRITER_BUDGET, fn) };
}

export function rtfsRewriter(
  source: string,
  uri: string,
  params: Value = RMap.EMPTY,
  budgetMs?: number,
): Rewriter | { error: string } {
  const rt = createRuntime({ out: () => undefined, log: () => undefined });
  // Loading and every call run within a budget: a rewriter that loops fails, not hangs.
  const loaded = budgeted(budgetMs, () => rt.evalString(source, uri));
  if ('timedOut' in loaded)
    return { error: `cannot load rewriter ${uri}: it ran out of its ${budgetMs} ms budget` };
  const o = loaded.value;
  if (!o.ok) {
    const why = o.error ? o.error.render() : o.diagnostics.map((d) => d.message).join('; ');
    return { error: `cannot load rewriter ${uri}: ${why}` };
  }
  let spec = o.value;
  if (!(spec instanceof RMap)) {
    const fn = rt.globals.lookup('rewrite')?.value;
    if (fn === undefined)
      return {
        error: `${uri} must end with {:id "…" :rewrite (fn [plan params] …)} or define (defn rewrite [plan params] …)`,
      };
    spec = RMap.fromFlat([Keyword.of('rewrite'), fn]);
  }
  const fn = spec.get(Keyword.of('rewrite'));
  if (fn === undefined || !isCallable(fn)) return { error: `${uri}: :rewrite must be a function` };
  const id = spec.get(Keyword.of('id'));
  const version = spec.get(Keyword.of('version'));
  return {
    id: typeof id === 'string' ? id : uri,
    version: typeof version === 'string' ? version : '1',
    params,
    source,
    rewrite(plan) {
      try {
        const r = budgeted(budgetMs, () => applyFn(fn, [plan, params]));
        if ('timedOut' in r)
          return { ok: false, reason: `the rewriter ran out of its ${budgetMs} ms budget` };
        const next = r.value;
        return { ok: true, plan: next, edits: diffEdits(plan, next) };
      } catch (e) {
        const why = e instanceof RtfsError ? `${e.code}: ${e.message}` : String(e);
        return { ok: false, reason: `the rewriter failed: ${why}` };
      }
    },
  };
}
