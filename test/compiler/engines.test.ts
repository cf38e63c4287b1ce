/**
 * The compiler against the evaluator on the things the golden files do not show:
 * error positions and RTFS stack frames, redefinitions seen by compiled code, the
 * causal chain of capability calls, and the shape of the emitted JavaScript.
 */
import { describe, expect, it } from 'vitest';
import { createRuntime } from '../../src/create-runtime.js';
import { printValue } from '../../src/data/index.js';
import { jsCompiler, emitTopLevel } from '../../src/compiler/index.js';
import { analyzeTop } from '../../src/analyzer/index.js';
import { read } from '../../src/syntax/index.js';
import { createHostedRuntime, runProgram } from '../../src/host/index.js';
import { MemoryChain } from '../../src/audit/index.js';
import type { NodeCompiler } from '../../src/runtime/index.js';

function both(src: string): [string, string] {
  const show = (compiler?: NodeCompiler): string => {
    let out = '';
    const rt = createRuntime({ out: (t) => void (out += t), ...(compiler ? { compiler } : {}) });
    const o = rt.evalString(src, 'test.rtfs');
    if (o.ok) return `${out}=> ${printValue(o.value)}`;
    if (o.diagnostics) return `${out}!! ${o.diagnostics.map((d) => d.code).join(' ')}`;
    return `${out}!! ${o.error.render()}`;
  };
  return [show(undefined), show(jsCompiler)];
}

describe('compiled code agrees with the evaluator', () => {
  const programs: [string, string][] = [
    [
      'a builtin held by a user global, then redefined',
      '(def f +) (defn g [a b] (f a b)) (def f -) (g 1 2)',
    ],
    ['a core name shadowed by a user definition', '(defn h [] (+ 1 2)) (def + -) [(h) (+ 5 1)]'],
    [
      'self-recursion through every arity',
      '(defn f ([] (f 1)) ([x] (if (< x 3) (f (inc x)) x)) ([x & r] (f))) [(f) (f 0) (f 1 2 3)]',
    ],
    [
      'a closure over a loop variable',
      '(loop [i 0 fs []] (if (< i 3) (recur (inc i) (conj fs (fn [] i))) (map (fn [f] (f)) fs)))',
    ],
    [
      'overflow in the inline fast path',
      '(loop [i 0 x 9007199254740990] (if (< i 4) (recur (inc i) (+ x 1)) x))',
    ],
    ['64-bit overflow', '(* 9223372036854775807 2)'],
    ['floats stay floats', '[(+ 1.0 2) (- 3 1.5) (* 2 0.5) (< 1 1.5) (= 1 1.0) (inc 1.5)]'],
    [
      'bigints compare',
      '[(< 9007199254740993 9007199254740994) (= 9223372036854775807 9223372036854775807)]',
    ],
    ['-0.0 from *', '[(* 0 -1) (* -0.0 1)]'],
    ['an error inside nested calls', '(defn a [x] (/ x 0))\n(defn b [x] (a x))\n(b 1)'],
    ['a type annotation', '(defn f [x :int] :string (str x)) [(f 1) (f "x")]'],
    ['a non-callable callee', '(let [x 1] (x 2))'],
    ['keywords as functions', '[(:a {:a 1}) (:b {:a 1} 2) ((keyword "c") {:c 3})]'],
    ['a catch that rethrows', '(try (try (/ 1 0) (catch :type-error e 1)) (catch e (:code e)))'],
    [
      'finally runs on the way out',
      '(defn f [] (try (throw :x/y) (finally (println "fin")))) (try (f) (catch e (:code e)))',
    ],
    ['stack depth', '(defn r [n] (+ 1 (r n))) (r 1)'],
    ['unbound while being defined', '(def x (+ x 1))'],
    [
      'argument order with side effects',
      '(defn f [a b c] [a b c]) (f (do (println 1) 1) (let [x (do (println 2) 2)] x) (do (println 3) 3))',
    ],
  ];
  for (const [name, src] of programs) {
    it(name, () => {
      const [interpreted, compiled] = both(src);
      expect(compiled).toBe(interpreted);
    });
  }
});

describe('plans in compiled code', () => {
  const programs = [
    '(plan :name "p" (step "a" 1) (step "b" (+ 1 (step-result "a"))))',
    '(plan :name "p" (step "a" 5) (let [f (fn [x] (+ x (step-result "a")))] (f 1)))',
    '(plan :name "p" (if false (step "a" 1) nil) (step-result "a"))',
    '(plan :name "p" :input-schema [:map [:a {:default 2} :int] [:b {:optional true} :int]] [a b (count context) (get :a)])',
    '(plan :name "p" :input-schema {:goal :string} goal)',
    '(plan :name "p" :output-schema {:a :int} {:a "x"})',
    '(plan :name "outer" (step "a" 1) (plan :name "inner" (step "a" 2) (step-result "a")) (step-result "a"))',
    '(plan :name "p" (step :id "s" :capability "core.data.count" :input {:items [1 2]} :output {:count "n"}) [(step "s") (get :n)])',
  ];
  const show = (src: string, compiler?: NodeCompiler) => {
    const sink = new MemoryChain();
    const h = createHostedRuntime({
      policy: { allow: ['*'], deny: [] },
      sink,
      log: () => undefined,
      ...(compiler ? { compiler } : {}),
    });
    const o = runProgram(h, src, 'plan.rtfs');
    const shown = o.ok ? printValue(o.value) : `!! ${o.error?.code ?? o.diagnostics?.[0]?.code}`;
    const records = sink.records().map((r) => {
      const { type, callPath, name } = r.action as unknown as Record<string, unknown>;
      return `${String(type)} ${String(callPath)} ${String(name)}`;
    });
    return { shown, records };
  };
  for (const src of programs) {
    it(src, () => {
      expect(show(src, jsCompiler)).toEqual(show(src));
    });
  }
});

describe('capability calls in compiled code', () => {
  it('record the same causal chain as the evaluator', () => {
    const program = `(defn report [x] (step "one" (call "core.data.count" {:items [x x]})))
      (step "all" [(report 1) (report 2) (call "ccos.echo" "hi")])`;
    const chain = (compiler?: NodeCompiler) => {
      const sink = new MemoryChain();
      const h = createHostedRuntime({
        policy: { allow: ['*'], deny: [] },
        sink,
        log: () => undefined,
        ...(compiler ? { compiler } : {}),
      });
      const o = runProgram(h, program, 'calls.rtfs');
      expect(o.ok).toBe(true);
      // Everything but ids, times and hashes: type, call path, name, arguments, results.
      return sink.records().map((r) => {
        const { type, callPath, name, args, result } = r.action as unknown as Record<
          string,
          unknown
        >;
        return JSON.stringify([type, callPath, name, args, result]);
      });
    };
    const interpreted = chain();
    expect(interpreted.length).toBeGreaterThan(6);
    expect(chain(jsCompiler)).toEqual(interpreted);
  });
});

describe('emitted JavaScript', () => {
  const emit = (src: string): string => {
    const rt = createRuntime();
    const r = read(src, 'x.rtfs');
    let js = '';
    for (let i = 0; i < r.forms.length; i++) {
      const a = analyzeTop(r.forms[i] as never, r.spans[i], rt.globals);
      js = emitTopLevel(a.node as never, a.frameSize, undefined, {
        isCore: (c) => rt.core.own(c.name) === c,
      }).fn;
      rt.evalForm(r.forms[i] as never, r.spans[i], rt.globals, 'x.rtfs');
    }
    return js;
  };

  it('turns loop/recur into a labelled JavaScript loop with locals as variables', () => {
    const js = emit('(loop [i 0 acc 0] (if (< i 10) (recur (inc i) (+ acc i)) acc))');
    expect(js).toMatch(/L\d+: for \(;;\) \{/);
    expect(js).toMatch(/continue L\d+;/);
    expect(js).toContain('v0_1 < 10');
  });

  it('calls a function recursively through its own arity function', () => {
    const js = emit('(defn fib [n] (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))');
    // fib never reads its own value: plain calls, no `this`, errors named "fib".
    expect(js).toMatch(/function (\$a\d+)\(v1_2\)[\s\S]*= \1\(\$t\d+\); \} catch/);
    expect(js).toContain('$$locateIn($e, ');
    expect(js).not.toContain('= this;');
    expect(js).toContain('typeof v1_2 === "number" ? v1_2 < 2');
  });

  it('passes `this` on self-calls when the function reads its own value', () => {
    const js = emit('(defn f [n] (if (= n 0) f (f (dec n))))');
    expect(js).toMatch(/function (\$a\d+)\(v1_2\)[\s\S]*v1_1 = this;[\s\S]*\1\.call\(v1_1, /);
    const inNested = emit('(defn g [n] (if (= n 0) (fn [] g) (g (dec n))))');
    expect(inNested).toContain('v1_1 = this;');
    const otherArity = emit('(defn h ([n] (h n 1)) ([n m] (if (= n 0) m (h (dec n) m))))');
    expect(otherArity).toContain('v1_1 = this;');
  });
});
