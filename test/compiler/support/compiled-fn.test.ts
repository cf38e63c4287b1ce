/**
 * `CompiledFn.expectCalls` (ADR 0055): a loop about to call a compiled function 1,000
 * times or more ends the step chunk early, so its first `refuel` runs while V8 still
 * interprets the body; the steps counted, and where a step limit stops, stay the same.
 */
import { describe, expect, it } from 'vitest';
import type { Value } from '../../../src/data/index.js';
import { CompiledFn } from '../../../src/compiler/support/compiled-fn.js';
import { meter, refuel, stepsUsed, withBudget } from '../../../src/runtime/budget.js';
import { expectCalls } from '../../../src/runtime/jit.js';
import { itCountsStepsAsTheEvaluator } from '../../support/step-agreement.js';

function counting(): CompiledFn {
  return new CompiledFn('inc', [
    {
      fixed: 1,
      rest: false,
      body: (x: Value) => {
        if (--meter[0]! < 0) refuel();
        return (x as number) + 1;
      },
    },
  ]);
}

describe('CompiledFn.expectCalls', () => {
  it('ends the chunk within 200 steps before a loop of 1,000 calls or more', () => {
    withBudget({ maxSteps: 1_000_000 }, () => {
      const f = counting();
      expect(meter[0]).toBeGreaterThan(200);
      expectCalls(f, 999);
      expect(meter[0]).toBeGreaterThan(200);
      const before = stepsUsed();
      expectCalls(f, 1_000);
      expect(meter[0]).toBeLessThanOrEqual(200);
      expect(stepsUsed()).toBe(before);
      for (let i = 0; i < 1_000; i++) f.call1(i);
      expect(stepsUsed()).toBe(before + 1_000);
    });
  });

  it('leaves a chunk already shorter alone', () => {
    withBudget({ maxSteps: 1_000_000 }, () => {
      for (let i = 0; i < 16_384 - 50; i++) if (--meter[0]! < 0) refuel();
      const left = meter[0];
      expect(left).toBeLessThan(200);
      expectCalls(counting(), 5_000);
      expect(meter[0]).toBe(left);
    });
  });
});

describe('compiled loops over 1,000+ items count the same steps as the evaluator', () => {
  itCountsStepsAsTheEvaluator(
    `(defn run [n]
      (let [xs (mapv (fn [i] (str "x" i ":" (* i 3))) (range n))
            ys (filter (fn [s] (> (count s) 6)) xs)]
        (reduce (fn [acc s] (+ acc (count s))) 0 ys)))
    (run 3000)`,
    [150, 1_200, 5_000, 12_345, 20_000, 100_000],
  );
});
