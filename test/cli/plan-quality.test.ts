/**
 * `rtfs plan` with the template provider as a user meets it: conditions and per-item
 * work in the printed plan, honest gaps (exit 1 unless --allow-gaps or a rewriter
 * accepts them), other scripts refused with a pointer to the LLM provider, and an
 * ambiguous goal answered through --answers or stopped with a message.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rtfs } from './run-cli.js';

const CATALOG = 'examples/catalogs/default.rtfs';
const tmp = mkdtempSync(join(tmpdir(), 'rtfs-plan-quality-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let n = 0;
function plan(goal: string, extra: readonly string[] = []) {
  return rtfs(['plan', goal, '--catalog', CATALOG, '--chain', join(tmp, `c${++n}`), ...extra]);
}

describe('rtfs plan (template provider)', () => {
  it('writes the condition and the per-item work the goal asks for', () => {
    const r = plan('if there are more than 5 critical issues in acme/api, open a Jira ticket');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(if (> (count (get (step-result "step_1") :issues)) 5)');
    expect(r.stdout).toContain('(call "jira.create_issue"');
    const each = plan('close all wontfix issues in acme/api');
    expect(each.code).toBe(0);
    expect(each.stdout).toContain('(mapv (fn [issue]');
    expect(each.stdout).toContain(':number (get issue :number)');
  });

  it('keeps the rest of the plan around a gap and exits 1; --allow-gaps accepts it', () => {
    const goal = 'get the current weather in Berlin and post it on Twitter';
    const r = plan(goal);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('(call "weather.current" {:city city})');
    expect(r.stdout).toMatch(
      /step_2: no capability can "post it on Twitter" \(request cap-request-/,
    );
    expect(r.stdout).not.toContain('(call "slack.post_message"');
    expect(r.stderr).toContain('--allow-gaps');
    expect(plan(goal, ['--allow-gaps']).code).toBe(0);
  });

  it('lets a rewriter accept a partial plan', () => {
    const file = join(tmp, 'accept-gaps.rtfs');
    writeFileSync(
      file,
      `;; accepts plans with gaps: the meta-plan's allow_gaps input defaults to true
{:id "accept-gaps"
 :rewrite (fn [plan params]
            (let [xs (vec plan)
                  at (inc (first (filter (fn [i] (= (get xs i) :input-schema)) (range (count xs)))))
                  allow (fn [e] (if (and (vector? e) (= (first e) :allow_gaps)) [:allow_gaps {:default true} :bool] e))]
              (apply list (assoc xs at (vec (map allow (get xs at)))))))}`,
    );

    const r = plan('read report.csv and print it on the office printer', ['--rewriter', file]);
    expect(r.stdout).toContain('(call "ccos.capability.pending"');
    expect(r.code).toBe(0);
  });

  it('refuses goals in other scripts, pointing to the LLM provider (exit 1)', () => {
    const r = plan('列出 acme/api 中所有打开的问题');
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain(
      'planner/unsupported-language: language not supported by the template planner',
    );
    expect(r.stdout + r.stderr).toContain('use --provider openai');
  });

  it('plans French, Spanish and German goals', () => {
    const fr = plan('ferme toutes les issues de acme/api avec le label wontfix');
    expect(fr.code).toBe(0);
    expect(fr.stdout).toContain('(call "github.close_issue"');
    expect(fr.stdout).toContain(':labels ["wontfix"]');
  });

  it('asks what an ambiguous goal means, or stops saying what is ambiguous', () => {
    const stop = plan('handle the bugs');
    expect(stop.code).toBe(1);
    expect(stop.stdout + stop.stderr).toContain(
      'planner/ambiguous-goal: the goal is ambiguous: "handle" does not say what to do with the bugs',
    );
    const usual = plan('do the usual report');
    expect(usual.code).toBe(1);
    expect(usual.stdout + usual.stderr).toContain('"the usual" refers to something');
    const answers = join(tmp, 'answers.json');
    writeFileSync(answers, JSON.stringify(['close']));
    const r = plan('handle the bugs in acme/api', ['--answers', answers]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(call "github.close_issue"');
  });
});
