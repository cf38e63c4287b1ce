/**
 * The reference's own planner meta-plan (test/fixtures/reference/cognitive_flow.rtfs,
 * byte for byte from mandubian/ccos 1136a6d7) runs unmodified, without --allow, through
 * `rtfs run` and `rtfs plan --flow`, to a final plan that covers the goal with a converged
 * refinement loop; both chains replay with zero live calls to the identical final hash.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRecords, valueHash } from '../../src/audit/index.js';
import { Keyword, RMap, RVector, read, type Value } from '../../src/index.js';
import { rtfs } from './run-cli.js';

const FLOW = 'test/fixtures/reference/cognitive_flow.rtfs';
const CATALOG = 'examples/catalogs/default.rtfs';
const GOAL = 'list open issues in acme/api labelled bug and email a summary to the team';
const tmp = mkdtempSync(join(tmpdir(), 'rtfs-reference-flow-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const k = (n: string): Keyword => Keyword.of(n);
const get = (v: Value | undefined, ...path: string[]): Value | undefined =>
  path.reduce<Value | undefined>((x, p) => (x instanceof RMap ? x.get(k(p)) : undefined), v);

/** The final value of the last run in a chain directory, and its hash. */
function finalOf(dir: string): { value: Value; hash: string } {
  const end = readRecords(dir)
    .map((r) => r.action)
    .filter((a) => a.type === 'PlanCompleted')
    .pop();
  if (end?.result?.ok !== true) throw new Error('the run did not complete');
  return { value: end.result.value, hash: valueHash(end.result.value) };
}

function calledIds(plan: Value | undefined): string[] {
  const steps = get(plan, 'steps');
  return steps instanceof RVector ? [...steps].map((s) => get(s, 'capability_id') as string) : [];
}

describe('the reference cognitive_flow.rtfs', () => {
  it('is the reference file, byte for byte', () => {
    const sha = createHash('sha256').update(readFileSync(FLOW)).digest('hex');
    expect(sha).toBe('e63de32c6305486266731ab77ae9ae6e6359289f4abdeaaa098a3151ac540dbd');
  });

  describe('through rtfs run, without --allow', () => {
    const chain = join(tmp, 'run');
    const run = rtfs([
      'run',
      FLOW,
      '--input',
      `goal=${GOAL}`,
      '--input',
      'max_refinement_cycles=2',
      '--catalog',
      CATALOG,
      '--chain',
      chain,
    ]);

    it('reaches a final plan that covers the goal, the loop converged', () => {
      expect(run.stderr).not.toContain('error');
      expect(run.code).toBe(0);
      const value = read(run.stdout, '<out>').forms[0];
      // The final plan lists the issues, formats them and mails them.
      expect(calledIds(get(value, 'final_plan'))).toEqual([
        'github.list_issues',
        'core.gen.format',
        'mail.send',
      ]);
      expect(get(value, 'coverage', 'status')).toBe(k('satisfied'));
      expect(get(value, 'coverage', 'needs_refinement')).toBe(false);
      // Converged before the cycle cap: one refinement cycle, then a satisfied validation.
      const validations = readRecords(chain).filter(
        (r) => r.action.type === 'CapabilityCall' && r.action.name === 'planner.validate_plan',
      );
      expect(validations.length).toBe(2);
      const trace = get(value, 'trace');
      expect(trace instanceof RVector && trace.get(trace.count - 1)).toBe(
        'Refinement complete or limits reached.',
      );
      // The plan was executed (a dry run: the mail is simulated, never sent).
      expect(get(value, 'result', 'message_id')).toBe('simulated mail.send');
    });

    it('replays with zero live calls to the identical final hash', () => {
      const r = rtfs(['chain', 'replay', chain]);
      expect(r.code).toBe(0);
      const { hash } = finalOf(chain);
      expect(r.stdout).toMatch(
        new RegExp(
          `^REPLAY OK run [0-9a-f-]+: final value sha256:${hash}; \\d+ deterministic calls re-executed and matched, 2 answers from the log, 0 live calls\\n$`,
        ),
      );
    });
  });

  describe('through rtfs plan --flow, without --allow', () => {
    const chain = join(tmp, 'plan');
    const run = rtfs([
      'plan',
      GOAL,
      '--flow',
      FLOW,
      '--catalog',
      CATALOG,
      '--max-cycles',
      '2',
      '--execute',
      'dry-run',
      '--chain',
      chain,
    ]);

    it('prints the trace, the final plan and the chain', () => {
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`Planner meta-plan  flow ${FLOW}@sha256:`);
      expect(run.stdout).toContain('[4] step refinement_loop → ccos.control.loop');
      expect(run.stdout).toMatch(/refinement_loop#1 → planner\.validate_plan +satisfied/);
      expect(run.stdout).toContain('[5] step execute_final_plan → ccos.arbiter.execute_plan');
      expect(run.stdout).toMatch(/Final plan {2}sha256:[0-9a-f]{64}\n\(plan\n/);
      expect(run.stdout).toContain('(call "mail.send"');
      expect(run.stdout).toMatch(/Causal chain: \d+ actions in run [0-9a-f-]+, integrity OK/);
    });

    it('gives the same final plan as the generated meta-plan', () => {
      const generated = rtfs(['plan', GOAL, '--catalog', CATALOG, '--chain', join(tmp, 'gen')]);
      const hash = (out: string) => /Final plan {2}(sha256:[0-9a-f]{64})/.exec(out)?.[1];
      expect(hash(run.stdout)).toBeDefined();
      expect(hash(run.stdout)).toBe(hash(generated.stdout));
    });

    it('replays with zero live calls to the identical final hash', () => {
      const r = rtfs(['chain', 'replay', chain]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`final value sha256:${finalOf(chain).hash}`);
      expect(r.stdout).toContain('rebuilt from its source and rewrites');
      expect(r.stdout).toMatch(/, 0 live calls\n$/);
    });

    it('--json reports the run', () => {
      const r = rtfs([
        'plan',
        GOAL,
        '--flow',
        FLOW,
        '--catalog',
        CATALOG,
        '--chain',
        join(tmp, 'json'),
        '--json',
      ]);
      expect(r.code).toBe(0);
      const j = JSON.parse(r.stdout) as Record<string, unknown>;
      expect(j['ok']).toBe(true);
      expect(j['flow']).toBe(FLOW);
      expect(j['final_plan_hash']).toMatch(/^sha256:[0-9a-f]{64}$/);
    });
  });
});
