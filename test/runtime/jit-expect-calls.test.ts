/**
 * Loops that announce their calls (runtime/jit.ts `expectCalls`, ADR 0045): `map`,
 * `filter`, `reduce` over n items compile their function before the first call when
 * the n calls would reach the threshold anyway, with the same results.
 */
import { describe, expect, it } from 'vitest';
import { createRuntime } from '../../src/create-runtime.js';
import { printValue, type Value } from '../../src/data/index.js';
import type { JitClosure } from '../../src/runtime/index.js';
import { CapturingJitClosure, expectCalls } from '../../src/runtime/index.js';

function runtime(jit: number | false) {
  const rt = createRuntime({ out: () => undefined, jit });
  return (src: string): Value => {
    const o = rt.evalString(src, 'jit-expect.rtfs');
    if (!o.ok) throw new Error(o.error ? o.error.render() : String(o.diagnostics[0]?.message));
    return o.value;
  };
}

describe('expectCalls', () => {
  it('compiles a closed function when the coming calls reach the threshold', () => {
    const ev = runtime(100);
    const f = ev('(fn [x] (* x 2))') as JitClosure;
    expectCalls(f, 99);
    expect(f.compiled).toBe(false);
    expectCalls(f, 100);
    expect(f.compiled).toBe(true);
  });

  it('counts the calls already made', () => {
    const ev = runtime(100);
    ev('(def f (fn [x] (* x 2)))');
    ev('(dotimes [i 60] (f i))');
    const f = ev('f') as JitClosure;
    expect(f.compiled).toBe(false);
    expectCalls(f, 40);
    expect(f.compiled).toBe(true);
  });

  it('makes the code of a capturing closure at once', () => {
    const ev = runtime(100);
    ev('(defn adder [k] (fn [x] (+ x k)))');
    const f = ev('(adder 5)') as CapturingJitClosure;
    expect(f).toBeInstanceOf(CapturingJitClosure);
    expectCalls(f, 10);
    expect(f.compiled).toBe(false);
    expectCalls(f, 1000);
    expect(f.compiled).toBe(true);
    expect(printValue(ev('((adder 5) 1)'))).toBe('6');
  });

  it('is what map, filter and reduce do over enough items, with the same results', () => {
    const loops = [
      ['(fn [x] (* x 2))', '(mapv f (range N))'],
      ['(fn [x] (* x 2))', '(map f (apply list (range N)))'],
      ['(fn [x] (even? x))', '(filterv f (range N))'],
      ['(fn [a x] (+ a x))', '(reduce f 0 (range N))'],
      ['(fn [a x] (+ a x))', '(reduce f (apply list (range N)))'],
      ['(fn [m x] (assoc m x 1))', '(count (reduce f {} (range N)))'],
    ] as const;
    for (const [fn, loop] of loops) {
      for (const [n, compiled] of [
        [99, false],
        [100, true],
      ] as const) {
        const src = loop.replace('N', String(n));
        const ev = runtime(100);
        ev(`(def f ${fn})`);
        const value = printValue(ev(src));
        expect((ev('f') as JitClosure).compiled, `${src}`).toBe(compiled);
        expect(value, src).toBe(printValue(runtime(false)(`(def f ${fn}) ${src}`)));
      }
    }
  });
});
