/**
 * The planner pipeline written in RTFS (test/planner/fixtures/meta-pipeline.rtfs: the
 * capability calls a meta-plan makes) run through the host, with schema validation on
 * every call, gives byte-for-byte the plan `runPlannerPipeline` gives, for every goal.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryChain } from '../../src/audit/index.js';
import type { RMap } from '../../src/data/index.js';
import { Keyword, quoteString } from '../../src/data/index.js';
import { runProgram } from '../../src/host/index.js';
import { runPlannerPipeline } from '../../src/planner/index.js';
import { defaultCatalog, goalFiles, goalText, plannerHost } from './helpers.js';

const pipeline = readFileSync(join(import.meta.dirname, 'fixtures/meta-pipeline.rtfs'), 'utf8');

function viaHost(goal: string, chain?: MemoryChain): string {
  const src = pipeline.replace('*goal*', quoteString(goal));
  const r = runProgram(plannerHost(chain ? { chain } : {}), src, 'meta-pipeline.rtfs');
  if (!r.ok) throw new Error(`${r.error?.code}: ${r.error?.message}`);
  const source = (r.value as RMap).get(Keyword.of('source'));
  if (typeof source !== 'string') throw new Error('no :source');
  return source;
}

describe('the RTFS pipeline through the host equals the TS pipeline', () => {
  for (const file of goalFiles()) {
    it(file, () => {
      const goal = goalText(file);
      expect(viaHost(goal)).toBe(runPlannerPipeline(goal, defaultCatalog()).plan_source);
    });
  }

  it('records the same capability calls, args and results on every run', () => {
    const goal = goalText(goalFiles()[0] as string);
    const calls = (c: MemoryChain) =>
      c.lines
        .map((l) => (JSON.parse(l) as { a: Record<string, unknown> }).a)
        .filter((a) => a['type'] === 'CapabilityCall' || a['type'] === 'CapabilityResult')
        .map(
          (a) =>
            `${String(a['name'])} ${String(a['call_path'])} ${String(a['args_hash'] ?? '')} ${String(a['result_hash'] ?? '')}`,
        );
    const a = new MemoryChain();
    const b = new MemoryChain();
    viaHost(goal, a);
    viaHost(goal, b);
    expect(calls(a).length).toBeGreaterThanOrEqual(16);
    expect(calls(b)).toEqual(calls(a));
  });
});
