/**
 * Counted loops (runtime/counted-loop.ts, ADR 0053): a loop counting a binding from an
 * integer literal up to a literal bound is compiled before its first iteration when the
 * count reaches the loop tier's threshold; everything else tiers up as before. The
 * results, errors and steps are the engines' own either way.
 */
import { describe, expect, it } from 'vitest';
import { createRuntime } from '../../src/create-runtime.js';
import { printValue } from '../../src/data/index.js';
import { read } from '../../src/syntax/index.js';
import { analyzeTop, walk, type Node } from '../../src/analyzer/index.js';
import { jitFailures } from '../../src/runtime/index.js';
import { countedIndex, countedIterations } from '../../src/runtime/counted-loop.js';
import { tiered } from '../support/tiered-runtime.js';

type LoopNode = Extract<Node, { kind: 'loop' }>;

function outcome(rt: ReturnType<typeof createRuntime>, src: string): string {
  const o = rt.evalString(src, 'counted.rtfs');
  if (o.ok) return printValue(o.value);
  return o.error !== undefined ? o.error.render() : String(o.diagnostics[0]?.code);
}

function interpreted(src: string): string {
  return outcome(createRuntime({ out: () => undefined, jit: false }), src);
}

/** The first `loop` node of `src`'s first form. */
function loopOf(src: string): LoopNode {
  const rt = createRuntime();
  const r = read(src, 'counted.rtfs');
  const a = analyzeTop(r.forms[0] as never, r.spans[0], rt.globals);
  for (const n of walk(a.node as Node)) if (n.kind === 'loop') return n;
  throw new Error(`no loop in ${src}`);
}

describe('countedIterations', () => {
  it.each([
    ['(loop [i 0 acc 0] (if (< i 5000) (recur (inc i) (+ acc i)) acc))', 5000],
    ['(loop [i 10 acc 0] (if (<= i 5000) (recur (+ i 1) (+ acc i)) acc))', 4991],
    ['(loop [acc 0 i -3] (if (< i 7) (recur (+ acc i) (+ 1 i)) acc))', 10],
    ['(let [n 2000] (loop [i 0] (if (< i n) (recur (inc i)) i)))', 2000],
    ['(loop [i 0] (if (< i 100) (do (println i) (recur (inc i))) i))', 100],
    ['(loop [i 0] (if (< i 100) (let [j i] (recur (inc j))) i))', 0],
    ['(loop [i 9000 acc 0] (if (< i 100) (recur (inc i) acc) acc))', 0],
    ['(loop [i 0 acc 0] (if (< i 5000) (recur (+ i 2) acc) acc))', 0],
    ['(loop [i 0 acc 0] (if (> 5000 i) (recur (inc i) acc) acc))', 0],
    ['(loop [i 0.5 acc 0] (if (< i 5000) (recur (inc i) acc) acc))', 0],
    ['(defn f [n] (loop [i 0] (if (< i n) (recur (inc i)) i)))', 0],
    ['(loop [[i] [0]] (if (< i 5000) (recur [(inc i)]) i))', 0],
  ])('%s → %i', (src, expected) => {
    expect(countedIterations(loopOf(src))).toBe(expected);
  });

  it('is not fooled by a binding name: the test must read the loop binding itself', () => {
    const src = '(let [i 0] (loop [j 0] (if (< i 5000) (recur (inc j)) j)))';
    expect(countedIterations(loopOf(src))).toBe(0);
  });
});

describe('countedIndex', () => {
  it.each([
    ['(loop [i 0 acc 0] (if (< i 5000) (recur (inc i) (+ acc i)) acc))', [0, 0, 5000]],
    ['(loop [acc 0 i -3] (if (<= i 7) (recur (+ acc i) (+ 1 i)) acc))', [1, -3, 8]],
    ['(loop [i 9000 acc 0] (if (< i 100) (recur (inc i) acc) acc))', [0, 9000, 9000]],
    [
      '(loop [i 0 acc 0] (if (< i 50) (if (odd? i) (recur (inc i) acc) (recur (+ i 1) (inc acc))) acc))',
      [0, 0, 50],
    ],
    // A recur of an inner loop or fn is not this loop's.
    [
      '(loop [i 0 acc 0] (if (< i 9) (recur (inc i) (loop [j 0] (if (< j 2) (recur (inc j)) j))) (loop [k 5] (if (< k 2) (recur (dec k)) k))))',
      [0, 0, 9],
    ],
  ])('%s → [index, lo, hi] %j', (src, [index, lo, hi]) => {
    expect(countedIndex(loopOf(src))).toEqual({ index, lo, hi });
  });

  it.each([
    // A recur where the test fails, or one that does not count the binding by one.
    '(loop [i 0 n 0] (if (< i 9) (recur (inc i) n) (if (< n 2) (recur -5 (inc n)) i)))',
    '(loop [i 0] (if (< i 9) (if (odd? i) (recur (+ i 2)) (recur (inc i))) i))',
    '(loop [i 0 acc 0] (if (< i 5000) (recur (+ i 2) acc) acc))',
    // Not counted at all, or past the safe integers.
    '(defn f [n] (loop [i 0] (if (< i n) (recur (inc i)) i)))',
    '(loop [i 0] (if (< i 9007199254740991) (recur (inc i)) i))',
    '(loop [i 0] (if (<= i 9007199254740990) (recur (inc i)) i))',
  ])('is undefined for %s', (src) => {
    expect(countedIndex(loopOf(src))).toBeUndefined();
  });
});

describe('the loop tier on counted loops', () => {
  it('compiles a counted loop before its first iteration when the count reaches the threshold', () => {
    const { rt, compiled } = tiered(1000);
    // Leaves at i = 5: only a loop compiled at once has been compiled by then.
    const src = '(loop [i 0 acc 0] (if (< i 1000) (if (= i 5) acc (recur (inc i) (+ acc i))) acc))';
    expect(outcome(rt, src)).toBe('10');
    expect(compiled).toEqual([2]);
    expect(jitFailures).toEqual([]);
  });

  it('leaves a loop counted below the threshold to tier up as before', () => {
    const { rt, compiled } = tiered(1000);
    expect(outcome(rt, '(loop [i 0 acc 0] (if (< i 999) (recur (inc i) (+ acc i)) acc))')).toBe(
      '498501',
    );
    expect(compiled).toEqual([]);
  });

  it.each([
    '(loop [i 0 acc 0] (if (< i 3000) (recur (inc i) (+ acc (nth [1 2 3] i))) acc))',
    '(loop [i 0 acc 0] (if (< i 3000) (recur (inc i) (+ acc (mod (* i 7919) 1000))) acc))',
    '(loop [i 9007199254740000 acc 0] (if (< i 9007199254743000) (recur (inc i) (+ acc 1)) acc))',
    '(loop [i 0 v []] (if (< i 2000) (recur (inc i) (conj v (* i i))) (count v)))',
    '(loop [i 0 acc 0] (if (< i 2000) (recur (inc i) (+ acc "x")) acc))',
    '(loop [i 0 acc 9007199254740000] (if (< i 3000) (recur (inc i) (+ acc i)) acc))',
    '(loop [i 0 acc 1] (if (< i 3000) (recur (inc i) (* acc 3)) acc))',
    '(loop [i 0 acc 0] (if (< i 3000) (recur (inc i) (+ acc (nth {:a 1} i))) acc))',
    '(loop [i 0 acc 0] (if (< i 3000) (recur (inc i) (+ acc (nth "abc" (mod i 3)))) acc))',
    '(loop [i 0 acc 0] (if (< i 3000) (recur (inc i) (+ acc (nth [1 2] 2.0))) acc))',
  ])('gives the interpreter’s value or error: %s', (src) => {
    const { rt } = tiered(1000);
    expect(outcome(rt, src)).toBe(interpreted(src));
    expect(jitFailures).toEqual([]);
  });

  it('uses the same steps: a step limit stops the compiled loop where it stops the interpreter', () => {
    const src = '(loop [i 0 acc 0] (if (< i 5000) (recur (inc i) (+ acc i)) acc))';
    const limited = (jit: false | undefined) =>
      outcome(
        createRuntime({
          out: () => undefined,
          ...(jit === false ? { jit } : {}),
          budget: { maxSteps: 1234 },
        }),
        src,
      );
    expect(limited(undefined)).toBe(limited(false));
    expect(limited(undefined)).toMatch(/step/);
  });
});
