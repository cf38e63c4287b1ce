/**
 * Truthful outcomes: a denied capability, a final plan that fails in its dry run, and a
 * full execution without a provider make `rtfs plan` and `rtfs run` exit 1, with the
 * code, step and capability on stderr and `ok: false` in `--json`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rtfs } from './run-cli.js';

const CATALOG = 'examples/catalogs/default.rtfs';
const PIPELINE = 'stdlib/planner/pipeline.rtfs';
const MISTYPED = 'test/cli/fixtures/mistyped-final-plan.rtfs';
const GOAL = 'list open issues in acme/api labelled bug and email a summary to team@acme.com';
const tmp = mkdtempSync(join(tmpdir(), 'rtfs-outcomes-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
const chain = (): string => join(tmp, `chain-${n++}`);

function json(stdout: string): { ok: boolean; failure: Record<string, string> | null } {
  return JSON.parse(stdout) as { ok: boolean; failure: Record<string, string> | null };
}

/**
 * Piped, `rtfs plan` writes one progress line per step on stderr; after them comes the
 * error. Checks that every other line is a progress line and returns the rest.
 */
function afterProgress(stderr: string): string {
  const lines = stderr.split('\n');
  const i = lines.findIndex((l) => !/^\[\d+\] \S+ started \(\d+\.\d+ s\)$/.test(l));
  expect(i).toBeGreaterThan(0);
  return lines.slice(i).join('\n');
}

describe('rtfs plan exits 1 when the run fails', () => {
  it('a denied capability', () => {
    const args = ['plan', GOAL, '--catalog', CATALOG, '--deny', 'planner.*', '--chain', chain()];
    const r = rtfs(args);
    expect(r.code).toBe(1);
    expect(afterProgress(r.stderr)).toBe(
      `error: the planner run failed at step "extract_goal_signals" calling planner.extract_goal_signals: capability/denied: capability 'planner.extract_goal_signals' is not allowed by this run's policy (grant it with --allow planner.extract_goal_signals)\n`,
    );
    const j = json(rtfs([...args.slice(0, -1), chain(), '--json']).stdout);
    expect(j.ok).toBe(false);
    expect(j.failure).toMatchObject({
      code: 'capability/denied',
      step: 'extract_goal_signals',
      capability: 'planner.extract_goal_signals',
    });
  });

  it('a final plan that fails its dry run', () => {
    const args = ['plan', GOAL, '--flow', MISTYPED, '--catalog', CATALOG, '--chain', chain()];
    const r = rtfs(args);
    expect(r.code).toBe(1);
    expect(afterProgress(r.stderr)).toMatch(
      /^error: the planner run failed at step "execute_final_plan" calling ccos\.plan\.execute: control\/plan-failed: the dry run of the plan failed at step "count" calling core\.data\.count: capability\/invalid-input: /,
    );
    expect(r.stdout).toContain('Planner run failed: control/plan-failed');
    const j = json(rtfs([...args.slice(0, -1), chain(), '--json']).stdout);
    expect(j.ok).toBe(false);
    expect(j.failure).toMatchObject({ code: 'control/plan-failed', step: 'execute_final_plan' });
  });

  it('--execute full without a provider', () => {
    const args = ['plan', GOAL, '--catalog', CATALOG, '--execute', 'full', '--chain', chain()];
    const r = rtfs(args);
    expect(r.code).toBe(1);
    expect(afterProgress(r.stderr)).toMatch(
      /^error: the planner run failed at step "execute_final_plan" calling ccos\.plan\.execute: control\/plan-failed: the plan failed at step "step_1" calling github\.list_issues: capability\/unavailable: no provider for external capability github\.list_issues/,
    );
    // The final plan is still shown: it was made before the execution failed.
    expect(r.stdout).toMatch(/Final plan {2}sha256:[0-9a-f]{64}\n\(plan\n/);
    const j = json(rtfs([...args.slice(0, -1), chain(), '--json']).stdout);
    expect(j.ok).toBe(false);
    expect(j.failure).toMatchObject({
      code: 'control/plan-failed',
      capability: 'ccos.plan.execute',
    });
  });

  it('and 0 when it succeeds, with ok: true', () => {
    const r = rtfs([
      'plan',
      GOAL,
      '--catalog',
      CATALOG,
      '--execute',
      'dry-run',
      '--json',
      '--chain',
      chain(),
    ]);
    expect(r.code).toBe(0);
    expect(json(r.stdout)).toMatchObject({ ok: true, failure: null });
  });
});

describe('rtfs plan --max-steps / --timeout bound the whole run', () => {
  it('a step limit stops the meta-plan with runtime/step-limit-exceeded, exit 1, the chain verifies', () => {
    const dir = chain();
    const r = rtfs(['plan', GOAL, '--catalog', CATALOG, '--max-steps', '3', '--chain', dir]);
    expect(r.code).toBe(1);
    expect(afterProgress(r.stderr)).toMatch(
      /^error: the planner run failed at step "\w+"( calling \S+)?: runtime\/step-limit-exceeded: the evaluation took more than 3 steps/,
    );
    const v = rtfs(['chain', 'verify', dir]);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/^chain OK: \d+ records/);
  });

  it('a run within its budget is unchanged', () => {
    const args = ['plan', GOAL, '--catalog', CATALOG, '--json'];
    const bounded = rtfs([
      ...args,
      '--max-steps',
      '1000000',
      '--timeout',
      '600',
      '--chain',
      chain(),
    ]);
    expect(bounded.code).toBe(0);
    const free = rtfs([...args, '--chain', chain()]);
    const planOf = (out: string): unknown =>
      (JSON.parse(out) as { final_plan: unknown }).final_plan;
    expect(planOf(bounded.stdout)).toEqual(planOf(free.stdout));
  });

  it('bad values are usage errors (exit 2) before anything runs', () => {
    for (const [flag, value] of [
      ['--timeout', 'abc'],
      ['--timeout', '0'],
      ['--max-steps', '1.5'],
    ] as const) {
      const r = rtfs(['plan', GOAL, '--catalog', CATALOG, flag, value, '--chain', chain()]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`option '${flag} <`);
    }
  });
});

describe('rtfs run exits 1 when the run fails', () => {
  const base = ['run', PIPELINE, '--input', `goal=${GOAL}`, '--catalog', CATALOG];

  it('a denied capability (the planner is stdlib, but --deny still refuses it)', () => {
    const r = rtfs([...base, '--deny', 'planner.*']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "capability/denied: capability 'planner.extract_goal_signals' is not allowed by this run's policy",
    );
    const line =
      readFileSync(PIPELINE, 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('(call "planner.extract_goal_signals"')) + 1;
    expect(r.stderr).toContain(`${PIPELINE}:${line}:5`);
    // The step and capability, from the run's records.
    expect(r.stderr).toContain(
      '\n  in step "extract_goal_signals", calling planner.extract_goal_signals\n',
    );
  });

  it('a final plan that fails its dry run', () => {
    const r = rtfs(['run', MISTYPED, '--input', `goal=${GOAL}`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'control/plan-failed: the dry run of the plan failed at step "count" calling core.data.count: capability/invalid-input',
    );
    expect(r.stderr).toMatch(/\n {2}in step "execute_final_plan", calling ccos\.plan\.execute\n$/);
  });

  it('a full execution: external capabilities need a grant, then a provider', () => {
    const denied = rtfs([...base, '--input', 'execute=:full']);
    expect(denied.code).toBe(1);
    expect(denied.stderr).toContain(
      'control/plan-failed: the plan failed at step "step_1" calling github.list_issues: capability/denied',
    );
    const unavailable = rtfs([...base, '--input', 'execute=:full', '--allow', '*']);
    expect(unavailable.code).toBe(1);
    expect(unavailable.stderr).toContain(
      'control/plan-failed: the plan failed at step "step_1" calling github.list_issues: capability/unavailable',
    );
    expect(unavailable.stderr).toMatch(
      /\n {2}in step "execute_final_plan", calling ccos\.plan\.execute\n$/,
    );
  });

  it('an error outside any capability call names no step', () => {
    const r = rtfs(['run', '-'], { input: '(/ 1 0)' });
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain('in step');
  });
});
