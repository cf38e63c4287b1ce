/**
 * Which `nth` calls a compiled loop reads through a view of the vector taken when the
 * loop starts (compiler/vector-reads.ts, ADR 0058): only those of a local bound before
 * the loop, outside functions made in it. Values are checked by
 * test/golden/loop-recur/vector-reads.rtfs in every engine.
 */
import { describe, expect, it } from 'vitest';
import { compileProgram } from '../../src/compiler/index.js';
import { itCountsStepsAsTheEvaluator } from '../support/step-agreement.js';

/** The module `rtfs compile` writes for `src`. */
function moduleText(src: string): string {
  const c = compileProgram(src, '/tmp/vector-reads.rtfs', { runtime: 'rtfs-ts/runtime' });
  if (!c.ok) throw new Error('compile failed');
  return c.code;
}

/** Views taken (one per vector and loop run) and `nth` calls reading through one. */
function views(src: string): { taken: number; reads: number } {
  const code = moduleText(src);
  return {
    taken: code.split('$$flatItems(').length - 1,
    reads: (code.match(/ < \$t\d+\) \$t\d+ = \$t\d+\[/g) ?? []).length,
  };
}

describe('nth in compiled loops', () => {
  it('reads a vector bound before the loop through a view', () => {
    expect(
      views(`(defn run [n]
        (let [v (loop [i 0 v []] (if (< i n) (recur (inc i) (conj v i)) v))]
          (loop [i 0 acc 0] (if (< i n) (recur (inc i) (+ acc (nth v (mod (* i 7919) n)))) acc))))`),
    ).toEqual({ taken: 1, reads: 1 });
    // Two reads of one vector share its view; a default argument is read the same way.
    expect(
      views(
        '(defn f [v] (loop [i 0 acc 0] (if (< i 9) (recur (inc i) (+ acc (nth v i) (nth v 0 5))) acc)))',
      ),
    ).toEqual({ taken: 1, reads: 2 });
    // An inner loop uses the view of the outer loop, and views what its own body binds.
    expect(
      views(`(defn f [v]
        (loop [i 0 acc 0]
          (if (< i 9)
            (let [u [i]]
              (recur (inc i) (loop [j 0 s acc] (if (< j 2) (recur (inc j) (+ s (nth v j) (nth u 0))) s))))
            acc)))`),
    ).toEqual({ taken: 2, reads: 2 });
  });

  it('calls nth for vectors the loop binds, and inside functions made in it', () => {
    const none = [
      '(defn f [w] (loop [i 0 v w acc 0] (if (< i 9) (recur (inc i) (conj v i) (+ acc (nth v i))) acc)))',
      '(defn f [w] (loop [i 0 acc 0] (if (< i 9) (let [v (conj w i)] (recur (inc i) (+ acc (nth v i)))) acc)))',
      '(defn f [v] (loop [i 0 fs []] (if (< i 9) (recur (inc i) (conj fs (fn [] (nth v i)))) fs)))',
      '(defn f [v] (loop [[i acc] [0 0]] (if (< i 9) (recur [(inc i) (+ acc (nth v i))]) acc)))',
      '(defn f [v] (let [nth (fn [c i] i)] (loop [i 0 acc 0] (if (< i 9) (recur (inc i) (+ acc (nth v i))) acc))))',
      '(defn f [v] (+ (nth v 0) (nth v 1)))',
    ];
    for (const src of none) expect(views(src), src).toEqual({ taken: 0, reads: 0 });
  });
});

describe('loops reading through a view count the same steps as the evaluator', () => {
  itCountsStepsAsTheEvaluator(
    `(defn run []
      (let [v (loop [i 0 v []] (if (< i 2000) (recur (inc i) (conj v (* i 3))) v))]
        (loop [i 0 acc 0]
          (if (< i 2500) (recur (inc i) (+ acc (nth v (mod (* i 7919) 2000) 1))) acc))))
    (run)`,
    [150, 1_200, 3_100, 4_600, 20_000],
  );
});
