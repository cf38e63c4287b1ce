import { describe, it, expect } from 'vitest';
import { type Value, RVector, float, kw, printValue } from '../../src/data/index.js';
import { strFew } from '../../src/builtins/str-few.js';
import { strChecked } from '../../src/builtins/support.js';
import { stepsUsed, withBudget } from '../../src/runtime/budget.js';
import { RtfsError } from '../../src/runtime/errors.js';
import { createRuntime } from '../../src/create-runtime.js';
import { jsCompiler } from '../../src/compiler/index.js';

const BUDGET = { maxSteps: 1_000_000 };

/** The result (or error code) and the steps charged of `f()`. */
function measured(f: () => string): { out: string; steps: number } {
  return withBudget(BUDGET, () => {
    const before = stepsUsed();
    let out: string;
    try {
      out = f();
    } catch (e) {
      out = e instanceof RtfsError ? `!! ${e.code}` : `!! ${String(e)}`;
    }
    return { out, steps: stepsUsed() - before };
  });
}

const SAMPLES: readonly (readonly Value[])[] = [
  [],
  ['only'],
  [7],
  [null],
  ['a', 1],
  [1, 2],
  // Two arguments concatenate (ADR 0045): the same text as a join for every number.
  ['k', 99999],
  [3, -4],
  ['', ''],
  ['k', -0],
  ['k', 1e21],
  [2 ** 53, 'n'],
  ['a-longer-prefix-', 1234567],
  ['\u00e9', '\u{1F600}'],
  ['item-', 12345, ':', 37035],
  ['a', null, 'b'],
  ['a', kw('k'), 2],
  [float(2), 'x'],
  [10n ** 30n, 'y'],
  ['a', RVector.of(1, 'b')],
  ['', '', '', ''],
  [-3, 'b', 0, ''],
  ['a', 'b', 'c', 'd', 'e'],
  [1, 2, 3, 4, 5, 6],
  ['a', 'b', 'c', 'd', null, kw('z')],
];

describe('strFew (str called with its arguments spread)', () => {
  for (const args of SAMPLES) {
    it(`agrees with str on ${args.length} argument(s): ${args.map(String).join(' ')}`, () => {
      const spread = measured(() => strFew(...args));
      const collected = measured(() => strChecked('str', args));
      expect(spread).toEqual(collected);
    });
  }

  it('does not mix the arguments of calls of different lengths', () => {
    expect(strFew('a', 'b', 'c', 'd')).toBe('abcd');
    expect(strFew('x', 'y')).toBe('xy');
    expect(strFew('p', 1, 'q')).toBe('p1q');
    expect(strFew('x', 'y')).toBe('xy');
    expect(strFew(1, 2, 3, 4)).toBe('1234');
  });

  it('fails on a result over the size limit as str does', () => {
    const half = 'x'.repeat(25_000_001);
    expect(measured(() => strFew(half, half)).out).toBe('!! runtime/string-too-long');
    expect(measured(() => strFew(half, 'a', half, 'b')).out).toBe('!! runtime/string-too-long');
  });

  it('gives every engine the same result for str calls of 0 to 6 arguments', () => {
    const src = `(defn f [i] [(str) (str i) (str "a" i) (str "a" i ":") (str "a" i ":" (* i 3))
  (str "a" i nil :k 2.5) (str i i i i i i)])
(loop [i 0 acc []] (if (< i 2000) (recur (inc i) (conj acc (f i))) (nth acc 1999)))`;
    const printed = [undefined, jsCompiler].map((compiler) => {
      const o = createRuntime({
        out: () => undefined,
        ...(compiler ? { compiler } : {}),
      }).evalString(src, 'str-few.rtfs');
      if (!o.ok) throw new Error('evaluation failed');
      return printValue(o.value);
    });
    expect(printed[0]).toBe(
      '["" "1999" "a1999" "a1999:" "a1999:5997" "a1999nil:k2.5" "199919991999199919991999"]',
    );
    expect(printed[1]).toBe(printed[0]);
  });
});
