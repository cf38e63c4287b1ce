/**
 * The reference's cognitive_flow.rtfs, unmodified, as the planner flow for every example
 * goal (in-process, through runPlanner): the loop converges, the final plan is
 * byte-identical to the one the TS pipeline pins for the goal, the run executes it in a
 * dry run, and the chain replays with zero live calls.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Keyword, RMap, type Value } from '../../src/data/index.js';
import { replayRecorded } from '../../src/meta/replay.js';
import { goalFiles, goalText, goalsDir } from '../planner/helpers.js';
import { plan } from './helpers.js';
import { finalPlanOf } from '../../src/cli/plan-flow.js';

const FLOW = fileURLToPath(new URL('../fixtures/reference/cognitive_flow.rtfs', import.meta.url));
const source = readFileSync(FLOW, 'utf8');
const k = (n: string): Keyword => Keyword.of(n);
const get = (v: Value | undefined, ...path: string[]): Value | undefined =>
  path.reduce<Value | undefined>((x, p) => (x instanceof RMap ? x.get(k(p)) : undefined), v);

describe('cognitive_flow.rtfs for every example goal', () => {
  for (const file of goalFiles()) {
    it(file, () => {
      const goal = goalText(file);
      const inputs = RMap.fromFlat([k('goal'), goal, k('max_refinement_cycles'), 3]);
      const { result, chain } = plan(goal, {
        flow: { uri: FLOW, source, inputs },
        policy: { allow: [], deny: [] },
      });
      expect(result.kind).toBe('ran');
      if (result.kind !== 'ran') return;
      expect(result.outcome.ok || result.outcome.error?.message).toBe(true);
      if (!result.outcome.ok) return;
      const value = result.outcome.value;
      expect(get(value, 'coverage', 'status')).toBe(k('satisfied'));
      // The final plan ran (a dry run): its result map is the flow's :result.
      expect(get(value, 'result')).toBeInstanceOf(RMap);
      const records = chain.records();
      const actions = records.map((r) => r.action);
      const final = finalPlanOf(actions, value, []);
      const pinned = readFileSync(join(goalsDir, file.replace(/\.goal$/, '.plan.rtfs')), 'utf8');
      expect(final?.source.trimEnd()).toBe(pinned.trimEnd());
      const replay = replayRecorded(records);
      expect(replay.ok ? 'ok' : replay.message).toBe('ok');
      if (replay.ok) expect(replay.liveCalls).toBe(0);
    });
  }
});
