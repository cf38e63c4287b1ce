/**
 * RW5 `dry-run-critical`: calls whose capability is classified critical or dangerous
 * (declared effects first, then id patterns: src/host/criticality.ts) go through
 * `ccos.dry_run` instead; `ccos.plan.execute` runs the synthesized plan with
 * `:mode :dry-run` (its content is unknown when the rewrite runs); the plan's
 * `:policies` get `:execution-mode "dry-run"`. Refused when the plan runs nothing
 * critical and executes no plan.
 */
import { type Value, RList, RMap } from '../../data/index.js';
import { criticality } from '../../host/criticality.js';
import type { Rewriter } from '../rewriter.js';
import {
  buildPlan,
  callId,
  kw,
  list,
  option,
  planParts,
  sym,
  transform,
  walk,
  withOption,
} from '../plan-data.js';
import { diffEdits } from '../diff-edits.js';

const EXECUTE = new Set(['ccos.plan.execute', 'ccos.arbiter.execute_plan']);
const SAFE = new Set(['ccos.dry_run', 'ccos.control.loop']);

export function dryRunCritical(): Rewriter {
  return {
    id: 'dry-run-critical',
    version: '1',
    params: RMap.EMPTY,
    rewrite(plan, ctx) {
      const parts = planParts(plan);
      if (parts === undefined) return { ok: false, reason: 'not a (plan …) form' };
      const critical = (id: string): boolean => {
        if (SAFE.has(id) || EXECUTE.has(id) || id.startsWith('planner.')) return false;
        const level = criticality(id, ctx.capability(id)?.effects);
        return level === 'critical' || level === 'dangerous';
      };
      let relevant = false;
      walk(plan, (v) => {
        const id = callId(v);
        if (id !== undefined && (critical(id) || EXECUTE.has(id) || id === 'ccos.dry_run'))
          relevant = true;
      });
      if (!relevant)
        return { ok: false, reason: 'the plan makes no critical call and executes no plan' };
      const body = parts.body.map((f) =>
        transform(f, (v) => {
          const id = callId(v);
          if (id === undefined || !(v instanceof RList)) return v;
          if (EXECUTE.has(id)) {
            const m = v.items[2];
            const args: Value =
              m instanceof RMap
                ? m.assoc(kw('mode'), kw('dry-run'))
                : list(sym('assoc'), m ?? null, kw('mode'), kw('dry-run'));
            const items = [...v.items];
            items[2] = args;
            return new RList(items, v.span, v.meta);
          }
          if (!critical(id)) return v;
          return list(
            sym('call'),
            'ccos.dry_run',
            RMap.fromFlat([kw('capability'), id, kw('args'), v.items[2] ?? null]),
          );
        }),
      );
      const policies = option(parts, 'policies');
      const base = policies instanceof RMap ? policies : RMap.EMPTY;
      const next = buildPlan(
        withOption(
          { options: parts.options, body },
          'policies',
          base.assoc(kw('execution-mode'), 'dry-run'),
        ),
      );
      return { ok: true, plan: next, edits: diffEdits(plan, next) };
    },
  };
}
