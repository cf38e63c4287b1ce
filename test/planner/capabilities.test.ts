/**
 * The planner.* capabilities through the host (RunHost validates every input and
 * output against the RTFS schemas): happy paths, and bad input (missing keys, wrong
 * types, unknown capability ids) with their codes.
 */
import { describe, expect, it } from 'vitest';
import { type Value, Keyword, RMap, printValue } from '../../src/data/index.js';
import { runProgram } from '../../src/host/index.js';
import { plannerHost } from './helpers.js';

function run(
  src: string,
): { ok: true; value: Value } | { ok: false; code: string; message: string } {
  const r = runProgram(plannerHost(), src, 'test.rtfs');
  if (r.ok) return { ok: true, value: r.value };
  const code = r.error?.code ?? r.diagnostics?.[0]?.code ?? '?';
  return { ok: false, code, message: r.error?.message ?? r.diagnostics?.[0]?.message ?? '' };
}

function get(v: Value, ...keys: string[]): Value {
  let cur = v;
  for (const k of keys) cur = cur instanceof RMap ? (cur.get(Keyword.of(k)) ?? null) : null;
  return cur;
}

const SIGNALS = `(:goal_signals (call "planner.extract_goal_signals" {:goal "list open issues in acme/api labelled bug"}))`;

describe('planner capabilities through the host', () => {
  it('extract → menu → synthesize → validate → materialize', () => {
    const r = run(`
      (let [sig ${SIGNALS}
            menu (:menu (call "planner.build_capability_menu" {:goal_signals sig}))
            plan (:plan (call "planner.synthesize_plan_steps" {:goal_signals sig :menu menu}))
            v (call "planner.validate_plan" {:plan plan :goal_signals sig :menu menu})
            m (call "planner.materialize_plan" {:plan plan :goal_signals (:goal_signals v) :menu menu})]
        {:valid (:valid v) :status (:status (:coverage v)) :source (:source m) :known (:known_inputs m)
         :caps (:capabilities m) :kind (:kind (get (:inputs (first (:steps plan))) :state))})`);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(get(r.value, 'valid')).toBe(true);
    expect(get(r.value, 'status')).toBe(Keyword.of('satisfied'));
    expect(get(r.value, 'kind')).toBe(Keyword.of('literal'));
    expect(printValue(get(r.value, 'known'))).toBe('{:owner "acme" :repo "api"}');
    expect(printValue(get(r.value, 'caps'))).toBe('["github.list_issues"]');
    expect(get(r.value, 'source')).toContain(
      '(call "github.list_issues" {:labels ["bug"] :owner owner :repo repo :state "open"})',
    );
  });

  it('reports missing keys and wrong types with capability/invalid-input', () => {
    const missing = run('(call "planner.extract_goal_signals" {})');
    expect(missing).toMatchObject({ ok: false, code: 'capability/invalid-input' });
    expect(!missing.ok && missing.message).toMatch(/missing key :goal/);
    const wrong = run('(call "planner.extract_goal_signals" {:goal 42})');
    expect(wrong).toMatchObject({ ok: false, code: 'capability/invalid-input' });
    expect(!wrong.ok && wrong.message).toMatch(/expected :string, got integer 42/);
    expect(
      run('(call "planner.build_capability_menu" {:goal_signals {:goal_text "x"}})'),
    ).toMatchObject({
      ok: false,
      code: 'capability/invalid-input',
    });
    expect(run('(call "planner.validate_plan" {:plan {:steps []} :menu []})')).toMatchObject({
      ok: false,
      code: 'capability/invalid-input',
    });
    expect(run('(call "planner.resolve_capability_gaps" {:goal_signals {}})')).toMatchObject({
      ok: false,
      code: 'capability/invalid-input',
    });
  });

  it('checks the synthesis and materialization inputs too', () => {
    expect(
      run(
        `(let [sig ${SIGNALS}] (call "planner.synthesize_plan_steps" {:goal_signals sig :menu "x"}))`,
      ),
    ).toMatchObject({
      ok: false,
      code: 'capability/invalid-input',
    });
    const strategy = run(
      `(let [sig ${SIGNALS}] (call "planner.synthesize_plan_steps" {:goal_signals sig :menu [] :strategy :magic}))`,
    );
    expect(strategy).toMatchObject({ ok: false, code: 'capability/invalid-input' });
    expect(!strategy.ok && strategy.message).toMatch(/\.strategy/);
    expect(
      run(
        `(call "planner.materialize_plan" {:plan {:steps [{:id "s" :capability_id "core.data.count"}]}})`,
      ),
    ).toMatchObject({ ok: false, code: 'capability/invalid-input' });
    // Without :goal or :goal_signals the plan is named after its steps.
    const named = run(
      `(:source (call "planner.materialize_plan" {:plan {:steps [{:id "s" :name "Count items" :capability_id "core.data.count" :inputs {} :outputs [] :notes ""}]}}))`,
    );
    expect(named.ok && named.value).toMatch(/:name "count-items"[\s\S]*:description "Count items"/);
    expect(
      run(`(call "llm.complete" {:purpose "p" :prompt 1 :prompt_version "v1" :temperature 0})`),
    ).toMatchObject({ ok: false, code: 'capability/invalid-input' });
  });

  it('reports deeper shape errors with planner/bad-input and a path', () => {
    const r = run(`(let [sig ${SIGNALS}]
      (call "planner.build_capability_menu"
        {:goal_signals (assoc sig :requirements [{:id "r" :kind :must-dance :priority :must :readiness :unknown :source {:kind :derived} :metadata {}}])}))`);
    expect(r).toMatchObject({ ok: false, code: 'planner/bad-input' });
    expect(!r.ok && r.message).toMatch(
      /^planner\.build_capability_menu: bad input at \.goal_signals\.requirements\[0\]\.kind: /,
    );
    expect(run('(call "planner.extract_goal_signals" {:goal ""})')).toMatchObject({
      ok: false,
      code: 'planner/bad-input',
    });
  });

  it('rejects unknown capability ids when materializing', () => {
    const r = run(`(call "planner.materialize_plan"
      {:goal "g" :plan {:steps [{:id "step_1" :name "X" :capability_id "nope.nothing" :inputs {} :outputs [] :notes ""}]}})`);
    expect(r).toMatchObject({ ok: false, code: 'planner/unknown-capability' });
    expect(!r.ok && r.message).toMatch(
      /step "step_1" calls the unknown capability "nope\.nothing"/,
    );
  });

  it('rejects a forward step reference when materializing (planner/bad-plan)', () => {
    const r = run(`(call "planner.materialize_plan"
      {:goal "g" :plan {:steps [{:id "step_1" :name "X" :capability_id "core.data.count"
                                 :inputs {:items {:kind :step :step "step_2" :output "result"}} :outputs [{:alias "result" :source "."}] :notes ""}
                                {:id "step_2" :name "Y" :capability_id "core.data.count"
                                 :inputs {:items {:kind :literal :value [1]}} :outputs [{:alias "result" :source "."}] :notes ""}]}})`);
    expect(r).toMatchObject({ ok: false, code: 'planner/bad-plan' });
    expect(!r.ok && r.message).toMatch(
      /step "step_1" input items: forward reference to step "step_2"/,
    );
  });

  it('fails fast when a pinned catalog snapshot differs (planner/catalog-mismatch)', () => {
    const r = run(
      '(call "planner.extract_goal_signals" {:goal "x" :catalog_snapshot "sha256:00"})',
    );
    expect(r).toMatchObject({ ok: false, code: 'planner/catalog-mismatch' });
  });

  it('llm.complete fails with llm/disabled under the null provider', () => {
    const r = run(
      '(call "llm.complete" {:purpose "p" :prompt_version "v1" :prompt "hi" :temperature 0})',
    );
    expect(r).toMatchObject({ ok: false, code: 'llm/disabled' });
  });
});
