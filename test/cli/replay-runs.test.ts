/**
 * `rtfs chain replay` of runs started by `rtfs run`: the stdlib planner pipeline and an
 * edited copy, a run whose catalog file moved or changed, a failed run, and divergences
 * that show the differing value.
 */
import {
  copyFileSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rtfs } from './run-cli.js';

const PIPELINE = 'stdlib/planner/pipeline.rtfs';
const CATALOG = 'examples/catalogs/default.rtfs';
const GOAL = 'list open issues in acme/api labelled bug and email a summary to the team';
const tmp = mkdtempSync(join(tmpdir(), 'rtfs-replay-runs-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const OK =
  /^REPLAY OK plan=sha256:[0-9a-f]{64} run [0-9a-f-]+: final value sha256:[0-9a-f]{64}; \d+ deterministic calls re-executed and matched, \d+ answers? from the log, 0 live calls\n$/;

function runPipeline(file: string, chain: string, extra: string[] = []) {
  return rtfs(['run', file, '--input', `goal=${GOAL}`, '--chain', chain, ...extra]);
}

describe('replaying rtfs run chains', () => {
  it('replays stdlib/planner/pipeline.rtfs', () => {
    const chain = join(tmp, 'pipeline');
    const r = runPipeline(PIPELINE, chain, ['--catalog', CATALOG, '--input', 'execute=:dry-run']);
    expect(r.code).toBe(0);
    const replay = rtfs(['chain', 'replay', chain]);
    expect(replay.stdout).toMatch(OK);
    expect(replay.code).toBe(0);
  });

  it('replays an edited copy of the pipeline', () => {
    const file = join(tmp, 'my-pipeline.rtfs');
    const edited = readFileSync(PIPELINE, 'utf8')
      .replace(':cycle 0', ':cycle 0 :note "edited"')
      .replace(
        '  (step "materialize_final_plan"',
        '  (step "count_steps" (call "core.data.count" {:items (:steps (:final_plan (step-result "refinement_loop")))}))\n  (step "materialize_final_plan"',
      );
    expect(edited).toContain('count_steps');
    writeFileSync(file, edited);
    const chain = join(tmp, 'edited');
    expect(runPipeline(file, chain, ['--catalog', CATALOG]).code).toBe(0);
    const replay = rtfs(['chain', 'replay', chain]);
    expect(replay.stdout).toMatch(OK);
    // Replaying the original against the edited run's log shows the first difference.
    const against = rtfs(['chain', 'replay', chain, '--source', PIPELINE]);
    expect(against.code).toBe(1);
    expect(against.stdout).toBe(
      'DIVERGED: diverged at 3.0 in step "refinement_loop" (ccos.control.loop): the arguments differ at :initial_state :note: recorded "edited", replay absent\n',
    );
  });

  it('replays after the catalog file moved (the log holds the catalog)', () => {
    const cat = join(tmp, 'catalog.rtfs');
    copyFileSync(CATALOG, cat);
    const chain = join(tmp, 'moved');
    expect(runPipeline(PIPELINE, chain, ['--catalog', cat]).code).toBe(0);
    renameSync(cat, join(tmp, 'elsewhere.rtfs'));
    const replay = rtfs(['chain', 'replay', chain]);
    expect(replay.stdout).toMatch(OK);
    // Replaying against a changed catalog names the entries that changed.
    const changed = join(tmp, 'changed.rtfs');
    writeFileSync(
      changed,
      readFileSync(CATALOG, 'utf8').replace(
        'List issues of a GitHub repository',
        'List the issues of a GitHub repository',
      ),
    );
    const r = rtfs(['chain', 'replay', chain, '--catalog', changed]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      'DIVERGED: the catalog changed since the run: github.list_issues (changed)\n',
    );
  });

  it('reproduces a failed run as failed', () => {
    const chain = join(tmp, 'failed');
    // A full execution needs providers for the catalog's external capabilities.
    const r = rtfs([
      'run',
      PIPELINE,
      '--input',
      'goal=list open issues in acme/api labelled bug and email a summary to team@acme.com',
      '--input',
      'execute=:full',
      '--catalog',
      CATALOG,
      '--allow',
      'github.*',
      '--chain',
      chain,
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'control/plan-failed: the plan failed at step "step_1" calling github.list_issues: capability/unavailable',
    );
    const replay = rtfs(['chain', 'replay', chain]);
    expect(replay.code).toBe(0);
    expect(replay.stdout).toMatch(
      /^REPLAY OK run [0-9a-f-]+: reproduced: failed as recorded \(control\/plan-failed: the plan failed at step "step_1" calling github\.list_issues: capability\/unavailable: .*\); \d+ deterministic calls re-executed and matched, 1 answer from the log, 0 live calls\n$/,
    );
  });

  it('shows the differing argument of a divergence, decoded', () => {
    const chain = join(tmp, 'diverge');
    expect(runPipeline(PIPELINE, chain, ['--catalog', CATALOG]).code).toBe(0);
    const changed = join(tmp, 'changed-goal.rtfs');
    writeFileSync(
      changed,
      readFileSync(PIPELINE, 'utf8').replace('{:goal goal ', '{:goal (str goal "!") '),
    );
    const r = rtfs(['chain', 'replay', chain, '--source', changed]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      `DIVERGED: diverged at 0.0 in step "extract_goal_signals" (planner.extract_goal_signals): the arguments differ at :goal: recorded "${GOAL}", replay "${GOAL}!"\n`,
    );
  });

  it('shows the differing result of a re-executed capability', () => {
    // A tampered log no longer verifies (replay refuses it); a changed implementation of
    // a capability the program defines is what makes a result differ.
    const v1 = `(defcapability "my.summary" {:input-schema [:map [:n :int]] :output-schema :string}
  (fn [{:keys [n]}] (str n " open bugs")))
(step "summarize" (call "my.summary" {:n (call "core.data.count" {:items [1 2 3]})}))`;
    const file = join(tmp, 'summary.rtfs');
    writeFileSync(file, v1);
    const chain = join(tmp, 'summary');
    expect(rtfs(['run', file, '--chain', chain]).stdout).toBe('"3 open bugs"\n');
    const v2 = join(tmp, 'summary-v2.rtfs');
    writeFileSync(v2, v1.replace('" open bugs"', '" bugs open"'));
    const r = rtfs(['chain', 'replay', chain, '--source', v2]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      'DIVERGED: diverged at 0.1 in step "summarize" (my.summary): the result differs: recorded "3 open bugs", replay "3 bugs open"\n',
    );
  });
});
