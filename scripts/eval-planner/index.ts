/**
 * `npm run eval:planner`: plans every goal of eval/planner/goals.rtfs with the template
 * provider and prints a score table (points per goal, per catalog and in total).
 *
 *   npm run eval:planner                 the table and the total
 *   npm run eval:planner -- --verbose    also every failed check
 *   npm run eval:planner -- --goal ID    one goal, every check, and its plan
 *   npm run eval:planner -- --json       the results as JSON
 *   npm run eval:planner -- --holdout    the held-out goals (eval/planner/holdout.rtfs)
 *   npm run eval:planner -- --blind      the blind goals (eval/planner/blind.rtfs)
 */
import { type CheckResult, runChecks } from './checks.js';
import { join } from 'node:path';
import { EVAL_DIR, type EvalGoal, loadGoals } from './goals.js';
import { planOutcome } from './run.js';

export interface GoalScore {
  readonly goal: EvalGoal;
  readonly points: number;
  readonly total: number;
  readonly checks: readonly CheckResult[];
  readonly source?: string;
}

export function evaluate(goals: readonly EvalGoal[]): GoalScore[] {
  return goals.map((goal) => {
    const o = planOutcome(goal);
    const checks = runChecks(goal, o);
    return {
      goal,
      points: checks.filter((c) => c.ok).length,
      total: checks.length,
      checks,
      ...(o.source !== undefined ? { source: o.source } : {}),
    };
  });
}

function pct(a: number, b: number): string {
  return b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`;
}

export function scoreTable(scores: readonly GoalScore[], verbose: boolean): string {
  const lines: string[] = [];
  const w = Math.max(...scores.map((s) => s.goal.id.length), 4);
  lines.push(`${'goal'.padEnd(w)}  catalog  expect       points`);
  for (const s of scores) {
    const mark = s.points === s.total ? ' ' : '✗';
    lines.push(
      `${s.goal.id.padEnd(w)}  ${s.goal.catalog.padEnd(7)}  ${s.goal.expect.padEnd(11)}  ${`${s.points}/${s.total}`.padStart(6)} ${mark}`,
    );
    if (verbose)
      for (const c of s.checks.filter((x) => !x.ok))
        lines.push(
          `${''.padEnd(w)}    - ${c.name}${c.detail !== undefined ? ` (${c.detail})` : ''}`,
        );
  }
  lines.push('');
  const by = new Map<string, { p: number; t: number; n: number; full: number }>();
  for (const s of scores) {
    const e = by.get(s.goal.catalog) ?? { p: 0, t: 0, n: 0, full: 0 };
    by.set(s.goal.catalog, {
      p: e.p + s.points,
      t: e.t + s.total,
      n: e.n + 1,
      full: e.full + (s.points === s.total ? 1 : 0),
    });
  }
  lines.push('catalog   goals  fully right  points');
  for (const [name, e] of by)
    lines.push(
      `${name.padEnd(8)}  ${String(e.n).padStart(5)}  ${String(e.full).padStart(11)}  ${`${e.p}/${e.t}`.padStart(7)}  ${pct(e.p, e.t)}`,
    );
  const p = scores.reduce((a, s) => a + s.points, 0);
  const t = scores.reduce((a, s) => a + s.total, 0);
  const full = scores.filter((s) => s.points === s.total).length;
  lines.push(
    `${'total'.padEnd(8)}  ${String(scores.length).padStart(5)}  ${String(full).padStart(11)}  ${`${p}/${t}`.padStart(7)}  ${pct(p, t)}`,
  );
  return `${lines.join('\n')}\n`;
}

export function main(argv: readonly string[]): number {
  const verbose = argv.includes('--verbose');
  const json = argv.includes('--json');
  const gi = argv.indexOf('--goal');
  const only = gi >= 0 ? argv[gi + 1] : undefined;
  const set = argv.includes('--holdout') ? 'holdout' : argv.includes('--blind') ? 'blind' : 'goals';
  let goals = loadGoals(join(EVAL_DIR, `${set}.rtfs`));
  if (only !== undefined) {
    goals = goals.filter((g) => g.id === only);
    if (goals.length === 0) {
      process.stderr.write(`no goal ${only}\n`);
      return 2;
    }
  }
  const scores = evaluate(goals);
  if (json) {
    process.stdout.write(
      `${JSON.stringify(
        scores.map((s) => ({ id: s.goal.id, points: s.points, total: s.total, checks: s.checks })),
        null,
        2,
      )}\n`,
    );
    return 0;
  }
  if (only !== undefined) {
    const s = scores[0] as GoalScore;
    process.stdout.write(`${s.goal.goal}\n\n`);
    for (const c of s.checks)
      process.stdout.write(
        `${c.ok ? 'ok  ' : 'FAIL'} ${c.name}${!c.ok && c.detail ? ` (${c.detail})` : ''}\n`,
      );
    process.stdout.write(`\n${s.source ?? '(no plan)'}\n`);
    return 0;
  }
  process.stdout.write(scoreTable(scores, verbose));
  return 0;
}
