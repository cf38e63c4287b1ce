/**
 * Rewriters written in RTFS: a file whose last form evaluates to
 * `{:id "my-rule" :version "1" :rewrite (fn [plan params] …)}` (or that defines a
 * function named `rewrite`). The function gets the plan as data and returns new plan
 * data; the engine checks and records it like a built-in rewriter.
 */
import { type Value, Keyword, RMap } from '../data/index.js';
import { createRuntime } from '../create-runtime.js';
import { RtfsError, applyFn, isCallable } from '../runtime/index.js';
import { REWRITER_BUDGET, withBudget } from '../runtime/budget.js';
import type { Rewriter } from './rewriter.js';
import { diffEdits } from './diff-edits.js';

export function rtfsRewriter(
  source: string,
  uri: string,
  params: Value = RMap.EMPTY,
): Rewriter | { error: string } {
  const rt = createRuntime({ out: () => undefined, log: () => undefined });
  // Loading and every call run within a budget: a rewriter that loops fails, not hangs.
  rt.budget = REWRITER_BUDGET;
  const o = rt.evalString(source, uri);
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
        const next = withBudget(REWRITER_BUDGET, () => applyFn(fn, [plan, params]));
        return { ok: true, plan: next, edits: diffEdits(plan, next) };
      } catch (e) {
        const why = e instanceof RtfsError ? `${e.code}: ${e.message}` : String(e);
        return { ok: false, reason: `the rewriter failed: ${why}` };
      }
    },
  };
}
