/**
 * The example goals (examples/goals/*.goal): for each, the TS pipeline's final plan
 * source is pinned in examples/goals/<name>.plan.rtfs (regenerate with
 * UPDATE_GOLDEN=1), it validates with only advisories, calls catalog (or synthesized)
 * capabilities, reads back with the reader, and is byte-identical across runs.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { printValue } from '../../src/data/index.js';
import { runPlannerPipeline } from '../../src/planner/index.js';
import { read } from '../../src/syntax/index.js';
import { defaultCatalog, goalFiles, goalText, goalsDir } from './helpers.js';

const update = process.env['UPDATE_GOLDEN'] === '1';

describe('example goals', () => {
  const files = goalFiles();

  it('has at least 12 goals', () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
  });

  for (const file of files) {
    it(file, () => {
      const catalog = defaultCatalog();
      const goal = goalText(file);
      const r = runPlannerPipeline(goal, catalog);
      const golden = join(goalsDir, file.replace(/\.goal$/, '.plan.rtfs'));
      if (update || !existsSync(golden)) writeFileSync(golden, r.plan_source);
      expect(r.plan_source).toBe(readFileSync(golden, 'utf8'));
      // validates: coverage satisfied, no schema errors
      expect(r.coverage.status).toBe('satisfied');
      expect(r.coverage.needs_refinement).toBe(false);
      // every step calls a catalog or synthesized capability
      for (const s of r.final_plan.steps) {
        const known =
          catalog.get(s.capability_id) !== undefined ||
          r.synthesized.some((x) => x.id === s.capability_id);
        expect(known, `${s.id} calls ${s.capability_id}`).toBe(true);
      }
      expect(r.final_plan.steps.some((s) => catalog.get(s.capability_id)?.builtin === false)).toBe(
        true,
      );
      // reads back and round-trips
      const back = read(r.plan_source, golden);
      expect(back.diagnostics).toEqual([]);
      expect(back.forms).toHaveLength(1);
      expect(printValue(back.forms[0] ?? null)).toBe(
        printValue(read(printValue(back.forms[0] ?? null)).forms[0] ?? null),
      );
      // deterministic
      expect(runPlannerPipeline(goal, catalog).plan_source).toBe(r.plan_source);
    });
  }
});
