/**
 * The step meter's chunks (runtime/budget.ts, ADR 0016): ending a chunk early
 * (`shortenChunk`, which the JIT tiers call when they switch code, ADR 0042) moves where
 * `refuel` runs, never how many steps a budget allows or counts.
 */
import { describe, expect, it } from 'vitest';
import { createRuntime, type RuntimeOptions } from '../../src/create-runtime.js';
import { printValue } from '../../src/data/index.js';
import { meter, refuel, shortenChunk, stepsUsed, withBudget } from '../../src/runtime/budget.js';

/** Steps taken as compiled code takes them until the budget of `max` fails. */
function stepsUntilLimit(max: number, shortenAt: ReadonlySet<number>, k: number): number {
  let taken = 0;
  try {
    withBudget({ maxSteps: max }, () => {
      for (;;) {
        if (shortenAt.has(taken)) shortenChunk(k);
        if (--meter[0]! < 0) refuel();
        taken++;
      }
    });
  } catch (e) {
    expect(String(e)).toContain('steps');
  }
  return taken;
}

describe('shortenChunk', () => {
  it('leaves the steps counted unchanged', () => {
    withBudget({ maxSteps: 1_000_000 }, () => {
      for (let i = 0; i < 10; i++) if (--meter[0]! < 0) refuel();
      const before = stepsUsed();
      shortenChunk(3);
      expect(stepsUsed()).toBe(before);
      for (let i = 0; i < 10; i++) if (--meter[0]! < 0) refuel();
      expect(stepsUsed()).toBe(before + 10);
    });
  });

  it('stops a budget at the same step, wherever chunks end', () => {
    for (const max of [1, 7, 64, 100, 20_000, 40_000]) {
      const plain = stepsUntilLimit(max, new Set(), 0);
      expect(plain).toBe(max);
      for (const k of [0, 1, 2, 64]) {
        const at = new Set([0, 1, 5, 63, 64, 99, max - 1, max, 19_999, 30_000]);
        expect(stepsUntilLimit(max, at, k)).toBe(plain);
      }
    }
  });
});

describe('the JIT tiers count the same steps as the interpreter', () => {
  const quiet = (): void => undefined;
  const engines: readonly RuntimeOptions[] = [
    { out: quiet, jit: false },
    { out: quiet },
    { out: quiet, jit: 0 },
  ];
  // A loop that tiers up mid-run and a function compiled after 500 calls.
  const src = `(defn sq [x] (* x x))
    (defn run [n] (loop [i 0 acc 0] (if (< i n) (recur (inc i) (+ acc (sq i))) acc)))
    (run 3000)`;

  it('a program uses the same number of steps in every engine', () => {
    const used = engines.map((opts) => {
      const rt = createRuntime(opts);
      const before = stepsUsed();
      const o = rt.evalString(src, 'steps.rtfs');
      return [o.ok ? printValue(o.value) : 'error', stepsUsed() - before];
    });
    expect(used[1]).toEqual(used[0]);
    expect(used[2]).toEqual(used[0]);
  });

  it('--max-steps stops the run at the same point in every engine', () => {
    const results = [500, 2_500, 5_000, 9_000].map((maxSteps) =>
      engines.map((opts) => {
        const rt = createRuntime({ ...opts, budget: { maxSteps } });
        const o = rt.evalString(src, 'steps.rtfs');
        return o.ok ? printValue(o.value) : (o.error?.render() ?? 'diagnostics');
      }),
    );
    for (const [interpreted, ...tiered] of results) {
      for (const r of tiered) expect(r).toBe(interpreted);
    }
  });
});
