import { describe, expect, it } from 'vitest';
import { printValue, type Value } from '../../src/data/index.js';
import { read } from '../../src/syntax/index.js';
import { createHostedRuntime } from '../../src/host/index.js';
import {
  applyRewrites,
  metaPlanData,
  planData,
  planHash,
  rewriterFromSpec,
  rtfsRewriter,
  type RewriteContext,
  type Rewriter,
} from '../../src/meta/index.js';
import { plan, plannerSetup } from './helpers.js';

const GOAL = 'list open issues in acme/api labelled bug and email a summary to the team';
const setup = plannerSetup();
const registry = createHostedRuntime({
  policy: { allow: [], deny: [] },
  capabilities: setup.capabilities,
}).registry;
const ctx: RewriteContext = {
  capability: (id) => {
    const c = registry.get(id);
    return c === undefined ? undefined : { id, inputSchema: c.inputSchema, effects: c.effects };
  },
  catalogSnapshot: setup.snapshot,
};

function rw(spec: string): Rewriter {
  const r = rewriterFromSpec(spec);
  if ('error' in r) throw new Error(r.error);
  return r;
}

const meta = (): Value => metaPlanData(GOAL, undefined, { execute: 'dry-run' });
const text = (v: Value): string => printValue(v);
/** A plan with none of the meta-plan's steps: every precondition fails on it. */
const BARE = read('(plan :name "bare" (step "a" (+ 1 2)))').forms[0] as Value;

const CASES: readonly {
  spec: string;
  check: (after: Value) => void;
}[] = [
  {
    spec: 'insert-approval-gate',
    check: (after) => {
      const body = planData.planParts(after)?.body ?? [];
      const gate = planData.stepIndex(body, 'approve_final_plan');
      expect(gate).toBeGreaterThan(0);
      expect(planData.stepIndex(body, 'execute_final_plan')).toBe(gate + 1);
      expect(text(after)).toContain('(if (:approved (step-result "approve_final_plan"))');
    },
  },
  {
    spec: 'cap-refinement-cycles=2',
    check: (after) => {
      expect(text(after)).toContain(':max_cycles (min 2 max_refinement_cycles)');
      expect(text(after)).toContain(':max-iterations (min 3 (+ max_refinement_cycles 1))');
    },
  },
  {
    spec: 'swap-capability=ccos.plan.execute->ccos.arbiter.execute_plan',
    check: (after) => {
      expect(text(after)).toContain('(call "ccos.arbiter.execute_plan"');
      expect(text(after)).not.toContain('(call "ccos.plan.execute"');
    },
  },
  {
    spec: 'validate-after-synthesis',
    check: (after) => {
      const body = planData.planParts(after)?.body ?? [];
      expect(planData.stepIndex(body, 'validate_initial_plan')).toBe(
        planData.stepIndex(body, 'initial_plan_synthesis') + 1,
      );
      expect(text(after)).toContain(
        ':last_coverage (:coverage (step-result "validate_initial_plan"))',
      );
    },
  },
  {
    spec: 'dry-run-critical',
    check: (after) => {
      expect(text(after)).toContain(':policies {:execution-mode "dry-run"}');
      expect(text(after)).toContain(':mode :dry-run');
    },
  },
  {
    spec: 'pin-catalog-snapshot',
    check: (after) => {
      const pins = text(after).split(`:catalog_snapshot "${setup.snapshot}"`).length - 1;
      // extract, the first menu, and the loop's menu and gap resolution
      expect(pins).toBe(4);
    },
  },
];

describe.each(CASES)('rewriter $spec', ({ spec, check }) => {
  it('applies, with edits and hashes', () => {
    const before = meta();
    const r = applyRewrites(before, [rw(spec)], ctx);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const a = r.applied[0];
    expect(a?.edits.length).toBeGreaterThan(0);
    expect(a?.beforeHash).toBe(planHash(before));
    expect(a?.afterHash).toBe(planHash(r.plan));
    expect(a?.afterHash).not.toBe(a?.beforeHash);
    check(r.plan);
  });

  it('is idempotent', () => {
    const once = applyRewrites(meta(), [rw(spec)], ctx);
    const twice = applyRewrites(meta(), [rw(spec), rw(spec)], ctx);
    expect(once.ok && twice.ok).toBe(true);
    if (!once.ok || !twice.ok) return;
    expect(planHash(twice.plan)).toBe(planHash(once.plan));
    expect(twice.applied[1]?.edits).toEqual([]);
  });

  it('refuses when its precondition fails', () => {
    const r = applyRewrites(BARE, [rw(spec)], ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.length).toBeGreaterThan(5);
  });

  it('leaves a plan that still runs', () => {
    const { result } = plan(GOAL, { rewriters: [rw(spec)], options: { execute: 'dry-run' } });
    expect(result.kind).toBe('ran');
    if (result.kind !== 'ran') return;
    expect(result.outcome.ok ? 'ok' : result.outcome.error?.message).toBe('ok');
    expect(result.applied.map((a) => a.rule)).toEqual([rw(spec).id]);
  });
});

describe('rewriter refusals specific to each rule', () => {
  it('swap-capability refuses an unknown target and a target whose schema rejects the args', () => {
    const unknown = applyRewrites(meta(), [rw('swap-capability=ccos.plan.execute->no.such')], ctx);
    expect(!unknown.ok && unknown.reason).toContain("unknown capability 'no.such'");
    const bad = applyRewrites(
      meta(),
      [rw('swap-capability=ccos.plan.execute->github.list_issues')],
      ctx,
    );
    expect(!bad.ok && bad.reason).toMatch(/github\.list_issues requires :owner, :repo/);
  });
  it('pin-catalog-snapshot refuses a plan pinned to another snapshot', () => {
    const other = rw(`pin-catalog-snapshot=${'0'.repeat(64)}`);
    const r = applyRewrites(meta(), [other, rw('pin-catalog-snapshot')], ctx);
    expect(!r.ok && r.reason).toContain('another catalog snapshot');
  });
  it('cap-refinement-cycles keeps a tighter earlier cap', () => {
    const r = applyRewrites(
      meta(),
      [rw('cap-refinement-cycles=1'), rw('cap-refinement-cycles=4')],
      ctx,
    );
    expect(r.ok && printValue(r.plan)).toContain('(min 1 max_refinement_cycles)');
  });
  it('rejects unknown rules and bad arguments', () => {
    expect(rewriterFromSpec('no-such-rule')).toEqual({
      error: expect.stringContaining('unknown rewrite'),
    });
    expect(rewriterFromSpec('cap-refinement-cycles=x')).toHaveProperty('error');
    expect(rewriterFromSpec('swap-capability=a')).toHaveProperty('error');
    expect(rewriterFromSpec('insert-approval-gate=1')).toHaveProperty('error');
  });
});

describe('rewriters written in RTFS', () => {
  const SOURCE = `
    (defn add-note [plan params]
      (let [body (vec (drop-last plan))]
        (apply list (conj body '(step "note" (call "ccos.echo" {:message "planned"})) (last plan)))))
    {:id "add-note" :version "2" :rewrite add-note}`;
  it('load from source, apply, and are recorded with their source', () => {
    const r = rtfsRewriter(SOURCE, 'note.rtfs');
    if ('error' in r) throw new Error(r.error);
    expect([r.id, r.version]).toEqual(['add-note', '2']);
    const out = applyRewrites(meta(), [r], ctx);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.applied[0]?.edits).toContainEqual({
      at: 'step note',
      op: 'insert',
      what: expect.any(String),
    });
    expect(out.applied[0]?.source).toBe(SOURCE);
    const { result } = plan(GOAL, { rewriters: [r] });
    expect(result.kind === 'ran' && result.outcome.ok).toBe(true);
  });
  it('is re-checked: a rewrite that breaks the plan is refused', () => {
    const dup = rtfsRewriter(
      `{:id "dup" :rewrite (fn [plan _] (apply list (concat plan '((step "extract_goal_signals" 1)))))}`,
      'dup.rtfs',
    );
    if ('error' in dup) throw new Error(dup.error);
    const r = applyRewrites(meta(), [dup], ctx);
    expect(!r.ok && r.reason).toContain('analysis/duplicate-step');
    const fwd = rtfsRewriter(
      `{:id "fwd" :rewrite (fn [plan _] (let [[h & t] plan] (apply list h '(step "early" (step-result "refinement_loop")) t)))}`,
      'fwd.rtfs',
    );
    if ('error' in fwd) throw new Error(fwd.error);
    const f = applyRewrites(meta(), [fwd], ctx);
    expect(!f.ok && f.reason).toMatch(/forward-step-reference|bad-plan/);
    const notPlan = rtfsRewriter(`{:id "v" :rewrite (fn [plan _] (vec plan))}`, 'v.rtfs');
    if ('error' in notPlan) throw new Error(notPlan.error);
    const v = applyRewrites(meta(), [notPlan], ctx);
    expect(!v.ok && v.reason).toContain('not a (plan …) form');
  });
  it('reports load errors clearly', () => {
    expect(rtfsRewriter('(+ 1', 'x.rtfs')).toHaveProperty('error');
    expect(rtfsRewriter('{:id "x"}', 'x.rtfs')).toEqual({
      error: 'x.rtfs: :rewrite must be a function',
    });
    expect(rtfsRewriter('42', 'x.rtfs')).toHaveProperty('error');
  });
});
