import { describe, expect, it } from 'vitest';
import { printValue } from '../../src/data/index.js';
import { createHostedRuntime, runProgram } from '../../src/host/index.js';
import {
  type GoalSignals,
  type PlanStep,
  buildMenu,
  extractGoalSignals,
  GEN_OPS,
  genTemplate,
  requestId,
  resolveGaps,
  validatePlan,
} from '../../src/planner/index.js';
import { defaultCatalog } from './helpers.js';

const catalog = defaultCatalog();

function step(
  id: string,
  capability_id: string,
  inputs: PlanStep['inputs'] = {},
  outputs = ['result'],
): PlanStep {
  return {
    id,
    name: id,
    capability_id,
    inputs,
    outputs: outputs.map((o) => ({ alias: o, source: o === 'result' ? '.' : o })),
    notes: '',
  };
}

function setup(goal = 'list open issues in acme/api'): {
  s: GoalSignals;
  menu: ReturnType<typeof buildMenu>['menu'];
} {
  const s = extractGoalSignals(goal, catalog);
  return { s, menu: buildMenu(s, catalog, { limit: 40 }).menu };
}

describe('validatePlan', () => {
  it('accepts a good plan and reports coverage', () => {
    const { s, menu } = setup();
    const v = validatePlan(
      {
        steps: [
          step(
            'step_1',
            'github.list_issues',
            { owner: { kind: 'var', name: 'owner' }, repo: { kind: 'var', name: 'repo' } },
            ['issues'],
          ),
        ],
      },
      s,
      menu,
    );
    expect(v.schema_errors).toEqual([]);
    expect(v.valid).toBe(true);
    expect(v.coverage).toMatchObject({ status: 'satisfied', needs_refinement: false });
    expect(v.coverage.satisfied_requirements).toContain(
      'requirement::must_call::github.list_issues',
    );
  });

  it('finds schema errors: missing, unsupported, typed literals, rtfs for non-functions, ids and refs', () => {
    const { s, menu } = setup();
    const v = validatePlan(
      {
        steps: [
          step('step_1', 'github.list_issues', {
            owner: { kind: 'literal', value: 42 },
            colour: { kind: 'literal', value: 'red' },
            state: { kind: 'rtfs', code: '(fn [x] x)' },
            labels: { kind: 'step', step: 'step_9', output: 'x' },
          }),
          step('step_1', 'github.get_issue', {
            owner: { kind: 'literal', value: '(drop-table)' },
            repo: { kind: 'step', step: 'step_1', output: 'nope' },
            number: { kind: 'literal', value: 7 },
          }),
        ],
      },
      s,
      menu,
    );
    expect(v.schema_errors).toEqual([
      'step "step_1" input labels: unknown step "step_9"',
      'duplicate step id "step_1"',
      'step "step_1" input repo: step "step_1" has no output "nope"',
      'step "step_1": github.list_issues needs the input :repo',
      'step "step_1": input :owner expects :string, got 42',
      'step "step_1": github.list_issues has no input :colour',
      'step "step_1": input :state is not a function, so it cannot take RTFS code',
      'step "step_1": input :owner is given a string that looks like RTFS code',
    ]);
    expect(v.valid).toBe(false);
    expect(v.coverage.needs_refinement).toBe(true);
  });

  it('promotes unknown capabilities to :must requirements and prunes unused catalog ones', () => {
    const { s, menu } = setup('list open issues in acme/api and email them');
    const before = s.requirements
      .filter((r) => r.source.kind === 'catalog')
      .map((r) => r.capability_id);
    expect(before).toContain('mail.send');
    const v = validatePlan({ steps: [step('step_1', 'generated.list_bug')] }, s, menu);
    expect(v.unknown_capabilities).toEqual([
      { step_id: 'step_1', capability_id: 'generated.list_bug' },
    ]);
    const req = v.goal_signals.requirements.find((r) => r.capability_id === 'generated.list_bug');
    expect(req).toMatchObject({
      priority: 'must',
      readiness: 'identified',
      metadata: { origin_step_id: 'step_1' },
    });
    expect(v.goal_signals.requirements.some((r) => r.capability_id === 'mail.send')).toBe(false);
    expect(v.coverage.missing_capabilities).toEqual(['generated.list_bug']);
    expect(v.coverage.status).toBe('needs-attention');
  });
});

describe('resolveGaps', () => {
  function resolve(ids: string[], goal = 'a goal') {
    const { s, menu } = setup(goal);
    const v = validatePlan({ steps: ids.map((id, i) => step(`step_${i + 1}`, id)) }, s, menu);
    return resolveGaps(v.coverage, v.goal_signals, catalog);
  }

  it('resolves by exact id, alias table, catalog aliases and fuzzy match', () => {
    const r = resolve([
      'send_email',
      'github.issues',
      'generated.get_weather_current',
      'generated.search_jira_issue',
      'jira.search_issues',
    ]);
    expect(r.mappings).toEqual([
      { requested: 'send_email', resolved: 'mail.send' },
      { requested: 'github.issues', resolved: 'github.list_issues' },
      { requested: 'generated.get_weather_current', resolved: 'weather.current' },
      { requested: 'generated.search_jira_issue', resolved: 'jira.search_issues' },
    ]);
    expect(r.capabilities.map((c) => c.method)).toEqual([
      'alias',
      'alias',
      'fuzzy',
      'fuzzy',
      'exact',
    ]);
    expect(r.outcome).toBe('discovered');
    const req = r.goal_signals.requirements.find((x) => x.capability_id === 'mail.send');
    expect(req).toMatchObject({
      priority: 'must',
      readiness: 'available',
      metadata: { mapped_from: 'send_email' },
    });
    expect(r.goal_signals.requirements.some((x) => x.capability_id === 'send_email')).toBe(false);
  });

  it('synthesizes generic operations from templates, and the synthesized RTFS really runs', () => {
    const r = resolve(['generated.parse_json_text']);
    expect(r.outcome).toBe('synthesized');
    expect(r.synthesized.map((x) => x.id)).toEqual(['core.gen.parse-json']);
    expect(r.mappings).toEqual([
      { requested: 'generated.parse_json_text', resolved: 'core.gen.parse-json' },
    ]);
    const h = createHostedRuntime({ policy: { allow: ['*'], deny: [] } });
    const src = `${GEN_OPS.map((op) => genTemplate(op).source).join('\n')}
      [(call "core.gen.group-by" {:items [{:o 1} {:o 2} {:o 1}] :by :o})
       (call "core.gen.filter" {:items [{:t "a bug"} {:t "b"}] :field :t :contains "bug"})
       (call "core.gen.sort" {:items [{:n 2} {:n 1}] :by :n})
       (call "core.gen.count" {:items [1 2 3]})
       (call "core.gen.select" {:items [{:a 1 :b 2}] :fields [:a]})
       (call "core.gen.parse-json" {:text "{\\"a\\": [1]}"})
       (call "core.gen.format" {:items [{:title "x"} "y"] :title "T"})]`;
    const out = runProgram(h, src, 'gen.rtfs');
    expect(out.ok && printValue(out.value)).toBe(
      '[{:groups {1 [{:o 1} {:o 1}] 2 [{:o 2}]}} {:items [{:t "a bug"}]} {:items [{:n 1} {:n 2}]} {:count 3} {:items [{:a 1}]} {:data {:a [1]}} {:text "T\\n- x\\n- y"}]',
    );
  });

  it('falls back to a pending external request with a deterministic id', () => {
    const r = resolve(['generated.launch_rocket'], 'launch a rocket');
    expect(r.outcome).toBe('awaiting-external');
    expect(r.pending_requests).toEqual([
      {
        capability_id: 'generated.launch_rocket',
        request_id: requestId('launch a rocket', 'generated.launch_rocket'),
        suggested_human_action:
          'provide a capability "generated.launch_rocket" or add it to the catalog',
      },
    ]);
    expect(r.pending_requests[0]?.request_id).toMatch(
      /^cap-request-generated\.launch_rocket-[0-9a-f]{8}$/,
    );
    const req = r.goal_signals.requirements.find(
      (x) => x.capability_id === 'generated.launch_rocket',
    );
    expect(req?.readiness).toBe('pending-external');
  });

  it('carries attempted ids explicitly: a second pass does not retry them', () => {
    const { s, menu } = setup();
    const v = validatePlan({ steps: [step('step_1', 'generated.launch_rocket')] }, s, menu);
    const first = resolveGaps(v.coverage, v.goal_signals, catalog);
    expect(first.attempted).toEqual(['generated.launch_rocket']);
    const again = resolveGaps(v.coverage, v.goal_signals, catalog, { attempted: first.attempted });
    expect(again.outcome).toBe('no-action');
    expect(again.summary).toBe('generated.launch_rocket: already attempted');
    expect(again.attempted).toEqual(['generated.launch_rocket']);
  });
});
