/**
 * The planner evaluation (npm run eval:planner, eval/planner/README.md) as a test: the
 * goals and the held-out goals keep scoring at least 90% of their points with the
 * template provider, and every plan the evaluation accepts runs in a dry run.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVAL_DIR, loadGoals } from '../../scripts/eval-planner/goals.js';
import { evaluate, scoreTable } from '../../scripts/eval-planner/index.js';

describe('npm run eval:planner', () => {
  for (const set of ['goals', 'holdout']) {
    it(`scores at least 90% on eval/planner/${set}.rtfs`, () => {
      const scores = evaluate(loadGoals(join(EVAL_DIR, `${set}.rtfs`)));
      const points = scores.reduce((a, s) => a + s.points, 0);
      const total = scores.reduce((a, s) => a + s.total, 0);
      expect(total).toBeGreaterThan(100);
      expect(points / total, scoreTable(scores, true)).toBeGreaterThanOrEqual(0.9);
      for (const s of scores)
        for (const c of s.checks.filter((x) => x.name === 'runs (dry run)'))
          expect(c.ok, `${s.goal.id}: ${c.detail ?? ''}`).toBe(true);
    });
  }

  it('has at least 40 goals over three catalogs, with unique ids', () => {
    const goals = loadGoals();
    expect(goals.length).toBeGreaterThanOrEqual(40);
    expect(new Set(goals.map((g) => g.catalog)).size).toBe(3);
  });
});
