/**
 * RW1 `insert-approval-gate`: the final plan runs only after `ccos.approval.request`
 * approves it (planner.md §4.3). Inserts step `approve_final_plan` before
 * `execute_final_plan` and wraps the execution in `(if (:approved …) BODY {:status
 * :not-approved …})`. Refused when the plan has no execute or materialize step.
 */
import type { RList } from '../../data/index.js';
import { type Value, RMap } from '../../data/index.js';
import type { Rewriter } from '../rewriter.js';
import { buildPlan, kw, list, planParts, stepIndex, sym } from '../plan-data.js';
import { diffEdits } from '../diff-edits.js';

export function insertApprovalGate(): Rewriter {
  return {
    id: 'insert-approval-gate',
    version: '1',
    params: RMap.EMPTY,
    rewrite(plan) {
      const parts = planParts(plan);
      if (parts === undefined) return { ok: false, reason: 'not a (plan …) form' };
      if (stepIndex(parts.body, 'approve_final_plan') >= 0) return { ok: true, plan, edits: [] };
      const i = stepIndex(parts.body, 'execute_final_plan');
      if (i < 0) return { ok: false, reason: 'the plan has no step "execute_final_plan" to gate' };
      const m = stepIndex(parts.body, 'materialize_final_plan');
      if (m < 0 || m > i)
        return {
          ok: false,
          reason: 'the plan has no step "materialize_final_plan" before "execute_final_plan"',
        };
      const result = (id: string): RList => list(sym('step-result'), id);
      const finalPlan = list(kw('source'), result('materialize_final_plan'));
      const gate = list(
        sym('step'),
        'approve_final_plan',
        list(
          sym('call'),
          'ccos.approval.request',
          RMap.fromFlat([
            kw('subject'),
            'final_plan',
            kw('plan'),
            finalPlan,
            kw('risk'),
            list(sym('call'), 'planner.assess_criticality', RMap.fromFlat([kw('plan'), finalPlan])),
          ]),
        ),
      );
      const exec = parts.body[i] as RList;
      const body = exec.items.slice(2);
      const bodyForm: Value = body.length === 1 ? (body[0] as Value) : list(sym('do'), ...body);
      const gated = list(
        sym('step'),
        'execute_final_plan',
        list(
          sym('if'),
          list(kw('approved'), result('approve_final_plan')),
          bodyForm,
          RMap.fromFlat([
            kw('status'),
            kw('not-approved'),
            kw('reason'),
            list(kw('reason'), result('approve_final_plan')),
          ]),
        ),
      );
      const next = buildPlan({
        options: parts.options,
        body: [...parts.body.slice(0, i), gate, gated, ...parts.body.slice(i + 1)],
      });
      return { ok: true, plan: next, edits: diffEdits(plan, next) };
    },
  };
}
