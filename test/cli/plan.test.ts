import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rtfs } from './run-cli.js';

const CATALOG = 'examples/catalogs/default.rtfs';
const GOAL = 'list open issues in acme/api labelled bug and email a summary to the team';
const tmp = mkdtempSync(join(tmpdir(), 'rtfs-plan-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('rtfs plan', () => {
  const chain = join(tmp, 'chain');
  const run = rtfs([
    'plan',
    GOAL,
    '--catalog',
    CATALOG,
    '--chain',
    chain,
    '--rewrite',
    'cap-refinement-cycles=2',
    '--rewrite',
    'validate-after-synthesis',
    '--execute',
    'dry-run',
  ]);

  it('prints the meta-plan trace, the final plan and the verified chain', () => {
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toMatch(
      /^Planner meta-plan {2}planner\.meta@sha256:[0-9a-f]{12}… {2}\(rewrites: cap-refinement-cycles\(2\), validate-after-synthesis\)/,
    );
    expect(out).toContain('[1] step extract_goal_signals → planner.extract_goal_signals');
    expect(out).toContain('[4] step validate_initial_plan → planner.validate_plan');
    expect(out).toMatch(/refinement_loop#0 → planner\.validate_plan/);
    expect(out).toContain('step execute_final_plan → ccos.plan.execute');
    expect(out).toMatch(/Final plan {2}sha256:[0-9a-f]{64}\n\(plan\n/);
    expect(out).toContain('(call "github.list_issues"');
    expect(out).toMatch(/Causal chain: \d+ actions in run [0-9a-f-]+, integrity OK/);
  });

  it('replays the logged run to the same final plan', () => {
    const r = rtfs(['chain', 'replay', chain]);
    expect(r.stdout).toMatch(/^REPLAY OK plan=sha256:[0-9a-f]{64} /);
    expect(r.code).toBe(0);
    const hash = /Final plan {2}(sha256:[0-9a-f]{64})/.exec(run.stdout)?.[1];
    expect(r.stdout).toContain(`plan=${hash}`);
  });

  it('verifies the chain it wrote', () => {
    expect(rtfs(['chain', 'verify', chain]).code).toBe(0);
  });

  it('--emit-meta-plan prints the rewritten meta-plan, which rtfs fmt --check accepts', () => {
    const r = rtfs(['plan', GOAL, '--emit-meta-plan', '--rewrite', 'insert-approval-gate']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\(plan\n {2}:name "planner\.meta"/);
    expect(r.stdout).toContain('(step "approve_final_plan"');
    const file = join(tmp, 'meta.rtfs');
    writeFileSync(file, r.stdout);
    expect(rtfs(['fmt', '--check', file]).code).toBe(0);
    expect(rtfs(['check', file]).code).toBe(0);
  });

  it('--json prints the run as JSON', () => {
    const r = rtfs(['plan', GOAL, '--catalog', CATALOG, '--chain', join(tmp, 'c2'), '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(j['ok']).toBe(true);
    expect(typeof j['final_plan']).toBe('string');
    expect(j['final_plan_hash']).toMatch(/^sha256:/);
    expect((j['chain'] as { verified: boolean }).verified).toBe(true);
    expect((j['trace'] as string[]).length).toBeGreaterThan(5);
  });

  it('runs a rewriter written in RTFS', () => {
    const file = join(tmp, 'note.rtfs');
    writeFileSync(
      file,
      `{:id "add-note" :rewrite (fn [plan params]
        (apply list (concat (drop-last plan)
                            ['(step "note" (call "ccos.echo" {:message "planned"})) (last plan)])))}`,
    );
    const r = rtfs([
      'plan',
      GOAL,
      '--catalog',
      CATALOG,
      '--chain',
      join(tmp, 'c3'),
      '--rewriter',
      file,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(rewrites: add-note)');
    expect(r.stdout).toContain('step note → ccos.echo');
  });

  it('reports a refused rewrite and bad flags clearly', () => {
    const refused = rtfs([
      'plan',
      GOAL,
      '--emit-meta-plan',
      '--rewrite',
      'swap-capability=ccos.plan.execute->no.such',
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      "error: rewrite swap-capability refused: unknown capability 'no.such'",
    );
    expect(rtfs(['plan', GOAL, '--execute', 'sometimes']).code).toBe(2);
    expect(rtfs(['plan', GOAL, '--rewrite', 'nope']).code).toBe(2);
    expect(rtfs(['plan', GOAL, '--catalog', 'no/such.rtfs', '--chain', join(tmp, 'c4')]).code).toBe(
      1,
    );
  });
});

describe('rtfs run with plan inputs', () => {
  it('reads --input values as RTFS literals or strings, and --input-json', () => {
    const file = join(tmp, 'p.rtfs');
    writeFileSync(
      file,
      '(plan :name "p" :input-schema {:goal :string :n :int :tags [:vector :keyword]} [goal (* 2 n) tags (:x context)])',
    );
    const r = rtfs([
      'run',
      file,
      '--input',
      'goal=list open issues',
      '--input',
      'n=21',
      '--input',
      'tags=[:a :b]',
      '--input-json',
      '{"x": 1}',
    ]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('["list open issues" 42 [:a :b] 1]\n');
    const missing = rtfs(['run', file]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('plan/missing-input');
    expect(rtfs(['run', file, '--input', 'nonsense']).code).toBe(2);
    expect(rtfs(['run', file, '--input-json', '[1]']).code).toBe(2);
  });
});

describe('rtfs run with a catalog', () => {
  it('runs the stdlib planner pipeline as a plain plan', () => {
    const r = rtfs([
      'run',
      'stdlib/planner/pipeline.rtfs',
      '--input',
      'goal=list open issues in acme/api labelled bug',
      '--catalog',
      CATALOG,
      '--allow',
      'planner.*',
      '--allow',
      'ccos.*',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(':final_plan "(plan');
    expect(r.stdout).toContain('github.list_issues');
  });
  it('reports a bad catalog', () => {
    const r = rtfs(['run', 'stdlib/planner/pipeline.rtfs', '--catalog', 'no/such.rtfs']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cannot read catalog no/such.rtfs');
  });
});
