/**
 * RW4 `validate-after-synthesis`: validates the first synthesized plan in its own step
 * (so a bad first plan shows in the chain before the loop) and seeds the loop state's
 * `:last_coverage` with that validation. Refused when the plan has no
 * `initial_plan_synthesis` step (or the steps it reads).
 */
import { RList, RMap, Keyword } from '../../data/index.js';
import type { Rewriter } from '../rewriter.js';
import { buildPlan, callId, kw, list, planParts, stepIndex, sym, transform } from '../plan-data.js';
import { diffEdits } from '../diff-edits.js';

export function validateAfterSynthesis(): Rewriter {
  return {
    id: 'validate-after-synthesis',
    version: '1',
    params: RMap.EMPTY,
    rewrite(plan) {
      const parts = planParts(plan);
      if (parts === undefined) return { ok: false, reason: 'not a (plan …) form' };
      if (stepIndex(parts.body, 'validate_initial_plan') >= 0) return { ok: true, plan, edits: [] };
      const i = stepIndex(parts.body, 'initial_plan_synthesis');
      const needs = ['extract_goal_signals', 'build_initial_menu'];
      if (i < 0 || needs.some((n) => stepIndex(parts.body, n) < 0 || stepIndex(parts.body, n) > i))
        return {
          ok: false,
          reason:
            'the plan has no "initial_plan_synthesis" step after "extract_goal_signals" and "build_initial_menu"',
        };
      const r = (id: string): RList => list(sym('step-result'), id);
      const validate = list(
        sym('step'),
        'validate_initial_plan',
        list(
          sym('call'),
          'planner.validate_plan',
          RMap.fromFlat([
            kw('plan'),
            list(kw('plan'), r('initial_plan_synthesis')),
            kw('goal_signals'),
            list(kw('goal_signals'), r('extract_goal_signals')),
            kw('menu'),
            list(kw('menu'), r('build_initial_menu')),
          ]),
        ),
      );
      const body = [...parts.body.slice(0, i + 1), validate, ...parts.body.slice(i + 1)];
      const coverage = list(kw('coverage'), r('validate_initial_plan'));
      const init = Keyword.of('initial_state');
      const last = Keyword.of('last_coverage');
      const seeded = body.map((f, j) =>
        j <= i + 1
          ? f
          : transform(f, (v) => {
              if (callId(v) !== 'ccos.control.loop' || !(v instanceof RList)) return v;
              const m = v.items[2];
              const state = m instanceof RMap ? m.get(init) : undefined;
              if (!(m instanceof RMap) || !(state instanceof RMap)) return v;
              const items = [...v.items];
              items[2] = m.assoc(init, state.assoc(last, coverage));
              return new RList(items, v.span, v.meta);
            }),
      );
      const next = buildPlan({ options: parts.options, body: seeded });
      return { ok: true, plan: next, edits: diffEdits(plan, next) };
    },
  };
}
