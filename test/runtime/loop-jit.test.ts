/**
 * The evaluator's loop tier (runtime/loop-jit.ts, ADR 0019): a hot `loop` is compiled
 * where it stands and continues from the iteration it is at, with the same values,
 * errors, budgets and interruption; loops it cannot compile safely stay interpreted.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createRuntime } from '../../src/create-runtime.js';
import { printValue } from '../../src/data/index.js';
import { interruptFlag, jitFailures } from '../../src/runtime/index.js';
import type { Budget } from '../../src/runtime/budget.js';
import { tiered } from '../support/tiered-runtime.js';

function run(src: string, opts: { jit?: number | false; budget?: Budget } = {}): string {
  const rt = createRuntime({ out: () => undefined, ...opts });
  const o = rt.evalString(src, 'loops.rtfs');
  if (o.ok) return printValue(o.value);
  return o.error !== undefined ? o.error.render() : String(o.diagnostics[0]?.code);
}

afterEach(() => Atomics.store(interruptFlag, 0, 0));

describe('the loop tier', () => {
  it('compiles a top-level loop mid-run and continues from the current iteration', () => {
    const { rt, compiled } = tiered(10);
    const o = rt.evalString('(loop [i 0 acc []] (if (< i 20) (recur (inc i) (conj acc i)) acc))');
    expect(o.ok && printValue(o.value)).toBe(`[${[...Array(20).keys()].join(' ')}]`);
    expect(compiled).toEqual([2]);
    expect(jitFailures).toEqual([]);
  });

  it('compiles a loop node once and reuses it on later runs (a function called again)', () => {
    const { rt, compiled } = tiered(5);
    rt.evalString('(defn sum-to [n] (loop [i 0 s 0] (if (< i n) (recur (inc i) (+ s i)) s)))');
    const results = [3, 3, 100, 7].map((n) => {
      const o = rt.evalString(`(sum-to ${n})`);
      return o.ok ? printValue(o.value) : 'error';
    });
    expect(results).toEqual(['3', '3', '4950', '21']);
    expect(compiled).toHaveLength(1);
  });

  it('reads enclosing frames in place: a loop inside closures over outer locals', () => {
    const { rt, compiled } = tiered(3);
    const src = `(defn outer [k]
      (let [m (* k 10)]
        ((fn [j] (loop [i 0 acc 0] (if (< i 10) (recur (inc i) (+ acc i j k m)) acc))) 1)))
      [(outer 1) (outer 2)]`;
    const o = rt.evalString(src);
    expect(o.ok && printValue(o.value)).toBe(run(src, { jit: false }));
    expect(compiled).toEqual([2]);
  });

  it('keeps loops that reach the host, or hold a function over their own slots, interpreted', () => {
    const { rt, compiled } = tiered(0);
    rt.evalString('(loop [i 0] (if (< i 5) (recur (inc i)) (step "s" i)))');
    const o = rt.evalString(
      '(let [fs (loop [i 0 fs []] (if (< i 3) (recur (inc i) (conj fs (fn [] i))) fs))] (count fs))',
    );
    expect(o.ok && printValue(o.value)).toBe('3');
    // A function made by an init over an earlier binding keeps the first iteration's
    // value (fresh bindings per iteration, ADR 0023).
    const init = rt.evalString('(loop [a 0 f (fn [] a)] (if (< a 3) (recur (inc a) f) (f)))');
    expect(init.ok && printValue(init.value)).toBe('0');
    expect(compiled).toEqual([]);
    // A function reading a slot from outside the loop is fine.
    rt.evalString(
      '(let [k 2] (loop [i 0 fs []] (if (< i 3) (recur (inc i) (conj fs (fn [] k))) fs)))',
    );
    expect(compiled).toEqual([2]);
  });

  it('functions made in a compiled loop read its frame in place, as interpreted ones do', () => {
    // The inner loop compiles; the closures it makes read the outer loop's binding,
    // which the (interpreted) outer loop goes on changing in the same frame.
    const src = `(loop [i 0 fs []]
      (if (< i 3)
        (recur (inc i) (conj fs (loop [j 0 f nil] (if (< j 2) (recur (inc j) (fn [] i)) f))))
        (mapv (fn [f] (f)) fs)))`;
    const interpreted = run(src, { jit: false });
    const { rt, compiled } = tiered(1);
    const o = rt.evalString(src);
    expect(o.ok && printValue(o.value)).toBe(interpreted);
    expect(compiled).toEqual([2]);
  });

  it('reports the same error, position and RTFS stack after tier-up', () => {
    const src = [
      '(defn pick [v i] (nth v i))',
      '(defn walk [v] (loop [i 0 acc 0] (if (< i 5000) (recur (inc i) (+ acc (pick v i))) acc)))',
      '(walk (vec (range 3000)))',
    ].join('\n');
    const interpreted = run(src, { jit: false });
    expect(interpreted).toContain('runtime/index-out-of-bounds');
    expect(interpreted).toContain('at pick');
    expect(run(src)).toBe(interpreted);
    expect(run(src, { jit: 0 })).toBe(interpreted);
  });

  it('counts the same budget steps: --max-steps stops a compiled loop at the same point', () => {
    const src = '(loop [i 0] (if (< i 1000000) (recur (inc i)) i))';
    const budget = { maxSteps: 5000 };
    const interpreted = run(src, { jit: false, budget });
    expect(interpreted).toContain('runtime/step-limit-exceeded');
    expect(run(src, { budget })).toBe(interpreted);
    expect(run(src, { jit: 0, budget })).toBe(interpreted);
    // One step per iteration in both tiers: a loop of 4,000 fits.
    const fits = '(loop [i 0] (if (< i 4000) (recur (inc i)) i))';
    expect(run(fits, { budget })).toBe('4000');
    expect(run(fits, { jit: false, budget })).toBe('4000');
  });

  it('stops a compiled top-level loop on the interrupt flag', () => {
    const { rt } = tiered(2);
    Atomics.store(interruptFlag, 0, 1);
    const o = rt.evalString('(loop [i 0] (recur (inc i)))');
    expect(o.ok ? 'ran' : o.error?.code).toBe('runtime/interrupted');
  });
});

describe('recur', () => {
  it('assigns every binding at once, also with five or more and when arguments recurse', () => {
    const src = `(defn f [n a b c d]
        (if (<= n 0) [a b c d]
          (recur (dec n) b (first (f (dec n) a b c d)) d (+ a b c d))))
      [(f 6 1 2 3 4)
       (loop [i 0 a 1 b 2 c 3 d 4 e 5] (if (< i 7) (recur (inc i) e a b c d) [a b c d e]))]`;
    const expected = run(src, { jit: false });
    expect(expected).toMatch(/^\[\[/);
    expect(run(src)).toBe(expected);
    expect(run(src, { jit: 0 })).toBe(expected);
    expect(expected.endsWith('[4 5 1 2 3]]')).toBe(true);
  });
});
