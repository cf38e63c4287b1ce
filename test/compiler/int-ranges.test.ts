/**
 * Known integers in compiled code (compiler/int-ranges.ts, ADR 0058): a counted loop's
 * binding and arithmetic on it that surely stays a safe integer are written without type
 * or overflow tests; everything else keeps them. Values are checked in every engine by
 * test/golden/loop-recur/counted-ranges.rtfs.
 */
import { describe, expect, it } from 'vitest';
import { compileProgram } from '../../src/compiler/index.js';
import { exactArithmetic, type IntRange } from '../../src/compiler/int-ranges.js';
import { itCountsStepsAsTheEvaluator } from '../support/step-agreement.js';

/** The module `rtfs compile` writes for `src`. */
function moduleText(src: string): string {
  const c = compileProgram(src, '/tmp/int-ranges.rtfs', { runtime: 'rtfs-ts/runtime' });
  if (!c.ok) throw new Error('compile failed');
  return c.code;
}

/** Type tests and calls of the builtins' slow paths in the module of `src`. */
function checks(src: string): { typeofs: number; fallbacks: number } {
  const code = moduleText(src);
  return {
    typeofs: code.split('typeof ').length - 1,
    fallbacks: (code.match(/\$\$direct[12]\(/g) ?? []).length,
  };
}

describe('arithmetic on known integers', () => {
  const r = (lo: number, hi: number): IntRange => [lo, hi];

  it('is written alone when the result stays a safe integer', () => {
    expect(
      exactArithmetic('+', [
        ['a', r(0, 10)],
        ['b', r(-5, 5)],
      ]),
    ).toEqual({
      js: 'a + b',
      range: [-5, 15],
    });
    expect(
      exactArithmetic('-', [
        ['a', r(0, 10)],
        ['3', r(3, 3)],
      ]),
    ).toEqual({
      js: 'a - 3',
      range: [-3, 7],
    });
    expect(exactArithmetic('inc', [['a', r(0, 10)]])).toEqual({ js: 'a + 1', range: [1, 11] });
    expect(exactArithmetic('dec', [['a', r(0, 10)]])).toEqual({ js: 'a - 1', range: [-1, 9] });
    expect(
      exactArithmetic('*', [
        ['a', r(0, 1000000)],
        ['7919', r(7919, 7919)],
      ]),
    ).toEqual({
      js: 'a * 7919',
      range: [0, 7919000000],
    });
    expect(
      exactArithmetic('mod', [
        ['a', r(0, 999999)],
        ['1000', r(1000, 1000)],
      ]),
    ).toEqual({
      js: '(a % 1000) | 0',
      range: [0, 999],
    });
  });

  it('takes a remainder past int32 by a float division and rounding while that is exact', () => {
    expect(
      exactArithmetic('mod', [
        ['a', r(0, 7919000000)],
        ['1000', r(1000, 1000)],
      ]),
    ).toEqual({
      js: '(a - Math.floor(a / 1000) * 1000) | 0',
      range: [0, 999],
    });
    // From 2^51 on, and for divisors past int32, the remainder operator.
    expect(
      exactArithmetic('mod', [
        ['a', r(0, 2 ** 51)],
        ['7', r(7, 7)],
      ])?.js,
    ).toBe('(a % 7) | 0');
    expect(
      exactArithmetic('mod', [
        ['a', r(0, 2 ** 40)],
        ['4294967296', r(2 ** 32, 2 ** 32)],
      ]),
    ).toEqual({ js: 'a % 4294967296', range: [0, 2 ** 32 - 1] });
  });

  it('keeps -0 out of products: 0 times a negative gets + 0', () => {
    expect(
      exactArithmetic('*', [
        ['a', r(-2, 3)],
        ['-3', r(-3, -3)],
      ])?.js,
    ).toBe('a * -3 + 0');
    expect(
      exactArithmetic('*', [
        ['-3', r(-3, -3)],
        ['a', r(0, 3)],
      ])?.js,
    ).toBe('-3 * a + 0');
    expect(
      exactArithmetic('*', [
        ['a', r(1, 3)],
        ['-3', r(-3, -3)],
      ])?.js,
    ).toBe('a * -3');
  });

  it('gives nothing when the result may leave the safe integers, or for other cases', () => {
    const max = Number.MAX_SAFE_INTEGER;
    expect(
      exactArithmetic('+', [
        ['a', r(0, 2)],
        ['b', r(0, max - 1)],
      ]),
    ).toBeUndefined();
    expect(
      exactArithmetic('*', [
        ['a', r(0, 3)],
        ['b', r(0, max / 2)],
      ]),
    ).toBeUndefined();
    expect(exactArithmetic('inc', [['a', r(0, max)]])).toBeUndefined();
    // A dividend that may be negative, or a divisor that is not a positive literal.
    expect(
      exactArithmetic('mod', [
        ['a', r(-1, 9)],
        ['7', r(7, 7)],
      ]),
    ).toBeUndefined();
    expect(
      exactArithmetic('mod', [
        ['a', r(0, 9)],
        ['-7', r(-7, -7)],
      ]),
    ).toBeUndefined();
    expect(
      exactArithmetic('quot', [
        ['a', r(0, 9)],
        ['7', r(7, 7)],
      ]),
    ).toBeUndefined();
  });
});

describe('counted loops in compiled code', () => {
  it('test, count and multiply their binding without type or overflow tests', () => {
    expect(
      checks(`(defn run [v]
        (loop [i 0 acc 0] (if (< i 1000000) (recur (inc i) (+ acc (mod (* i 7919) 1000000))) acc)))`),
    ).toEqual({ typeofs: 1, fallbacks: 1 }); // left: `(+ acc …)`, acc being any value
    expect(
      checks(
        '(defn run [] (loop [i 5 acc []] (if (<= i 9) (recur (+ i 1) (conj acc (* i i))) acc)))',
      ),
    ).toEqual({ typeofs: 0, fallbacks: 0 });
  });

  it('keep the tests where the binding is not known or the result may not be safe', () => {
    // The bound is a parameter; a recur where the test fails; a product past 2^53.
    const kept = [
      '(defn run [n] (loop [i 0 acc []] (if (< i n) (recur (inc i) (conj acc (* i 3))) acc)))',
      '(defn run [] (loop [i 0 n 0] (if (< i 9) (recur (inc i) (+ n (* i 3))) (if (< n 0) (recur 0 1) n))))',
    ];
    for (const src of kept) {
      const c = checks(src);
      expect(c.typeofs, src).toBeGreaterThanOrEqual(3);
      expect(c.fallbacks, src).toBeGreaterThanOrEqual(3);
    }
    // The product keeps its overflow test and fallback (a big integer past 2^53).
    const big = checks(
      '(defn run [] (loop [i 0 acc []] (if (< i 9) (recur (inc i) (conj acc (* i 9007199254740991))) acc)))',
    );
    expect(big.typeofs).toBe(0);
    expect(big.fallbacks).toBeGreaterThan(0);
  });
});

describe('counted loops with known integers count the same steps as the evaluator', () => {
  itCountsStepsAsTheEvaluator(
    `(defn run []
      (loop [i 0 acc 0]
        (if (< i 3000) (recur (inc i) (+ acc (mod (* i 7919) 1000) (* i -2) (dec i))) acc)))
    (run)`,
    [150, 1_200, 3_100, 20_000],
  );
});
