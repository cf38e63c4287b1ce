/**
 * The evaluator's second tier (runtime/jit.ts): hot closed functions run as compiled
 * JavaScript, with the same values, identities, errors and interruption.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createRuntime } from '../../src/create-runtime.js';
import { printValue, type Value } from '../../src/data/index.js';
import { CapturingJitClosure, JitClosure, interruptFlag } from '../../src/runtime/index.js';

function runtime(jit: number | false) {
  const rt = createRuntime({ out: () => undefined, jit });
  return (src: string): Value => {
    const o = rt.evalString(src, 'jit.rtfs');
    if (!o.ok) throw new Error(o.error ? o.error.render() : String(o.diagnostics[0]?.message));
    return o.value;
  };
}

function failure(jit: number | false, src: string): string {
  const o = createRuntime({ out: () => undefined, jit }).evalString(src, 'jit.rtfs');
  if (o.ok || o.error === undefined) throw new Error(`expected a runtime error from ${src}`);
  return o.error.render();
}

afterEach(() => Atomics.store(interruptFlag, 0, 0));

describe('the JIT tier', () => {
  it('compiles a closed function after `threshold` calls, and the results stay the same', () => {
    const ev = runtime(10);
    ev('(defn fib [n] (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))');
    const f = ev('fib');
    expect(f).toBeInstanceOf(JitClosure);
    expect(printValue(ev('(fib 3)'))).toBe('2');
    expect((f as JitClosure).compiled).toBe(false);
    expect(printValue(ev('(fib 20)'))).toBe('6765');
    expect((f as JitClosure).compiled).toBe(true);
    expect(printValue(ev('(fib 21)'))).toBe('10946');
  });

  it('never compiles with jit false, and only functions without host access', () => {
    expect(runtime(false)('(fn [x] x)')).not.toBeInstanceOf(JitClosure);
    const ev = runtime(0);
    expect(ev('(fn [x] x)')).toBeInstanceOf(JitClosure);
    expect(ev('(fn [x] (fn [y] (+ x y)))')).toBeInstanceOf(JitClosure);
    // Reads a local of the enclosing function, directly or in a pattern default: each
    // closure compiles its own code (ADR 0019).
    expect(ev('((fn [x] (fn [y] (+ x y))) 1)')).toBeInstanceOf(CapturingJitClosure);
    expect(ev('(let [d (inc 4)] (fn [{:keys [a] :or {a d}}] a))')).toBeInstanceOf(
      CapturingJitClosure,
    );
    // A `let` local bound to a literal is read as the literal: nothing captured (ADR 0050).
    expect(ev('(let [d 5] (fn [{:keys [a] :or {a d}}] a))')).not.toBeInstanceOf(
      CapturingJitClosure,
    );
    expect(ev('(fn [x] (fn [y] (+ x y)))')).not.toBeInstanceOf(CapturingJitClosure);
    // Reaches the host.
    expect(ev('(fn [x] (call "ccos.echo" x))')).not.toBeInstanceOf(JitClosure);
    expect(ev('(fn [x] (step "s" x))')).not.toBeInstanceOf(JitClosure);
  });

  it('compiles functions that capture locals, one code per closure, reading its frame', () => {
    const ev = runtime(3);
    ev('(defn adder [k] (fn [x] (+ x k)))');
    ev('(def add5 (adder 5))');
    ev('(def add7 (adder 7))');
    expect(ev('add5')).toBeInstanceOf(CapturingJitClosure);
    for (let i = 0; i < 4; i++) expect(printValue(ev('[(add5 1) (add7 1)]'))).toBe('[6 8]');
    expect((ev('add5') as CapturingJitClosure).compiled).toBe(true);
    expect((ev('add7') as CapturingJitClosure).compiled).toBe(true);
    // Mutually recursive let-bound functions: odd? is bound after even? was made.
    const src = `(let [ev? (fn [n] (if (= n 0) true (od? (dec n))))
                       od? (fn [n] (if (= n 0) false (ev? (dec n))))]
                   [(ev? 100) (od? 7) (ev? 7)])`;
    expect(printValue(ev(src))).toBe('[true true false]');
    expect(printValue(runtime(0)(src))).toBe('[true true false]');
  });

  it('reports the same error from a compiled capturing function', () => {
    const src = '(defn scale [k] (fn [x] (/ 10 (- x k))))\n(def s (scale 3))\n(s 1)\n(s 2)\n(s 3)';
    const interpreted = failure(false, src);
    expect(interpreted).toContain('runtime/division-by-zero');
    expect(failure(0, src)).toBe(interpreted);
  });

  it('keeps the function value itself: self-references and identity after tier-up', () => {
    const ev = runtime(0);
    ev('(def g (fn self [n] (if (= n 0) self (self (dec n)))))');
    ev('(g 3)');
    expect((ev('g') as JitClosure).compiled).toBe(true);
    expect(ev('(g 5)')).toBe(ev('g'));
    expect(ev('(= g (g 2))')).toBe(true);
  });

  it('runs variadic and multi-arity functions', () => {
    const ev = runtime(0);
    ev('(defn v ([] :none) ([a] [a]) ([a b & more] [a b more]))');
    for (let i = 0; i < 2; i++) {
      expect(printValue(ev('[(v) (v 1) (v 1 2) (v 1 2 3 4) (apply v [5 6 7])]'))).toBe(
        '[:none [1] [1 2 nil] [1 2 (3 4)] [5 6 (7)]]',
      );
    }
  });

  it('reports the same error, with the same RTFS stack, once compiled', () => {
    const src = '(defn f [x] (/ x 0))\n(defn g [x] (f x))\n(g 1)\n(g 2)';
    const interpreted = failure(false, src);
    expect(interpreted).toContain('runtime/division-by-zero');
    expect(failure(0, src)).toBe(interpreted);
    // Through compiled self-calls (plain calls that name the function in the stack).
    const deep = '(defn down [n] (if (= n 0) (/ 1 0) (+ 1 (down (dec n)))))\n(down 1)\n(down 4)';
    const deepInterpreted = failure(false, deep);
    expect(deepInterpreted).toContain('down');
    expect(failure(0, deep)).toBe(deepInterpreted);
  });

  it('deep recursion still ends in runtime/stack-depth-exceeded', () => {
    const src = '(defn deep [n] (+ 1 (deep (inc n))))\n(deep 0)\n';
    expect(failure(0, src)).toContain('runtime/stack-depth-exceeded');
  });

  it('compiled loops still stop on the interrupt flag', () => {
    const ev = runtime(0);
    ev('(defn spin [n] (loop [i 0] (if (< i n) (recur (inc i)) i)))');
    ev('(spin 3)');
    expect(printValue(ev('(spin 10)'))).toBe('10');
    Atomics.store(interruptFlag, 0, 1);
    expect(() => ev('(spin 1000000000000)')).toThrow('runtime/interrupted');
  });
});
