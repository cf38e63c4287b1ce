/**
 * Compiled counted loops of 1,000+ iterations end the step chunk before they start
 * (compiler/emit-node.ts, ADR 0056), so that their first `refuel` runs while V8 still
 * interprets them; the steps counted, and where a step limit stops, stay the same.
 */
import { describe, expect, it } from 'vitest';
import { compileProgram } from '../../src/compiler/index.js';
import { itCountsStepsAsTheEvaluator } from '../support/step-agreement.js';

/** The module `rtfs compile` writes for `src`. */
function moduleText(src: string): string {
  const c = compileProgram(src, '/tmp/counted-loop-warm.rtfs', { runtime: 'rtfs-ts/runtime' });
  if (!c.ok) throw new Error('compile failed');
  return c.code;
}

const calls = (code: string): number => code.split('$$shortenChunk(200);').length - 1;

describe('counted loops in compiled code', () => {
  it('end the chunk before a loop set to run 1,000 iterations or more', () => {
    expect(
      calls(moduleText('(loop [i 0 acc 0] (if (< i 1000) (recur (inc i) (+ acc i)) acc))')),
    ).toBe(1);
    expect(
      calls(
        moduleText(`(defn run []
          (let [n 5000
                v (loop [i 0 v []] (if (< i n) (recur (inc i) (conj v i)) v))]
            (loop [i 1 acc 0] (if (<= i n) (recur (+ i 1) (+ acc (nth v (dec i)))) acc))))
        (run)`),
      ),
    ).toBe(2);
  });

  it('leave shorter loops and loops that do not count alone', () => {
    const none = [
      '(loop [i 0 acc 0] (if (< i 999) (recur (inc i) (+ acc i)) acc))',
      '(loop [i 1 acc 0] (if (<= i 999) (recur (inc i) (+ acc i)) acc))',
      '(defn f [n] (loop [i 0 acc 0] (if (< i n) (recur (inc i) (+ acc i)) acc))) (f 5000)',
      '(loop [i 0 acc 0] (if (< i 5000) (recur (+ i 2) (+ acc i)) acc))',
    ];
    for (const src of none) {
      const code = moduleText(src);
      expect(calls(code)).toBe(0);
      expect(code).not.toContain('shortenChunk');
    }
  });
});

describe('compiled counted loops count the same steps as the evaluator', () => {
  itCountsStepsAsTheEvaluator(
    `(defn run []
      (let [n 3000
            v (loop [i 0 v []] (if (< i n) (recur (inc i) (conj v (* i 3))) v))]
        (loop [i 0 acc 0]
          (if (< i n) (recur (inc i) (+ acc (nth v (mod (* i 7919) n)))) acc))))
    (run)`,
    [150, 1_200, 3_100, 5_000, 6_050, 20_000],
  );
});
