import { afterEach, describe, expect, it } from 'vitest';
import { createRuntime } from '../../src/create-runtime.js';
import { interruptFlag } from '../../src/runtime/index.js';
import { jsCompiler } from '../../src/compiler/index.js';

/** Runs `src` with the interrupt flag already raised; the error code it fails with. */
function interruptedCode(src: string): string | undefined {
  const rt = createRuntime({ out: () => undefined });
  Atomics.store(interruptFlag, 0, 1);
  const o = rt.evalString(src);
  Atomics.store(interruptFlag, 0, 0);
  return o.ok ? undefined : (o.error?.code ?? o.diagnostics?.[0]?.code);
}

afterEach(() => Atomics.store(interruptFlag, 0, 0));

// The flag is tested when a budget chunk runs out (runtime/budget.ts: at least every
// CHUNK = 16,384 steps), so each program runs more steps than that unless stopped.
describe('runtime/interrupted', () => {
  it.each([
    ['a loop', '(loop [i 0] (recur (inc i)))'],
    ['a recursive function', '(defn f [n] (f (inc n))) (f 0)'],
    ['a function called by a builtin', '(reduce (fn [a x] (+ a x)) 0 (range 100000))'],
    ['dotimes', '(dotimes [i 1000000000] i)'],
    ['for', '(for [x (range 100000)] x)'],
  ])('stops %s', (_, src) => {
    expect(interruptedCode(src)).toBe('runtime/interrupted');
  });

  it('is not caught by try/catch', () => {
    expect(interruptedCode('(try (loop [] (recur)) (catch e :caught))')).toBe(
      'runtime/interrupted',
    );
  });

  it('leaves short code alone, and nothing happens while the flag is down', () => {
    expect(interruptedCode('(+ 1 2)')).toBeUndefined();
    const rt = createRuntime({ out: () => undefined });
    const o = rt.evalString('(loop [i 0] (if (< i 1000) (recur (inc i)) i))');
    expect(o.ok && o.value).toBe(1000);
  });
});

describe('runtime/interrupted in compiled code (the JIT tier and the compile engine)', () => {
  const engines = [
    ['jit at first call', () => createRuntime({ out: () => undefined, jit: 0 })],
    ['compile engine', () => createRuntime({ out: () => undefined, compiler: jsCompiler })],
  ] as const;
  it.each(
    engines.flatMap(([engine, make]) =>
      (
        [
          ['a loop', '(loop [i 0] (recur (inc i)))'],
          ['a recur in a function', '(defn f [n] (recur (inc n)))'],
          ['dotimes', '(defn f [n] (dotimes [i 1000000000] i))'],
          ['for', '(defn f [n] (for [x (range 100000)] x))'],
        ] as const
      ).map(([what, src]) => [engine, what, src, make] as const),
    ),
  )('%s stops %s', (_engine, _what, src, make) => {
    const rt = make();
    // A function is defined (and, for the JIT, compiled by its first call: (f -1)
    // returns at once) before the flag goes up.
    const isFn = src.startsWith('(defn');
    if (isFn) expect(rt.evalString(src.replace('[n]', '[n] (if (< n 0) n') + ')').ok).toBe(true);
    if (isFn) expect(rt.evalString('(f -1)').ok).toBe(true);
    const call = isFn ? '(f 0)' : src;
    Atomics.store(interruptFlag, 0, 1);
    const o = rt.evalString(call);
    Atomics.store(interruptFlag, 0, 0);
    expect(o.ok ? 'ok' : o.error?.code).toBe('runtime/interrupted');
  });
});
