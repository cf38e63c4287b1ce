import { describe, it, expect } from 'vitest';
import { createRuntime } from '../../src/create-runtime.js';
import { printValue } from '../../src/data/index.js';

function run(src: string): string {
  const o = createRuntime().evalString(src, 'test.rtfs');
  if (o.ok) return printValue(o.value);
  if (o.diagnostics) return `!! ${o.diagnostics.map((d) => d.code).join(' ')}`;
  return `!! ${o.error.code}`;
}

describe('evaluator kernel', () => {
  const cases: [string, string][] = [
    ['(+ 1 2)', '3'],
    ['(/ 6 2)', '3'],
    ['(/ 7 2)', '3.5'],
    ['(= 1 1.0)', 'false'],
    ['(+ 1 2.0)', '3.0'],
    ['(+ 9007199254740991 1)', '9007199254740992'],
    ['(- -9223372036854775807 1)', '-9223372036854775808'],
    ['(* 9223372036854775807 2)', '!! runtime/integer-overflow'],
    ['(/ 1 0)', '!! runtime/division-by-zero'],
    // Inline integer paths of + - < > <= >= on a local and a constant (compile-arith.ts).
    [
      '(let [x 9007199254740991] [(+ x 1) (- (- x) 1) (< x 9007199254740992) (>= x 1.5)])',
      '[9007199254740992 -9007199254740992 true true]',
    ],
    ['(let [x 9223372036854775807] (+ x 1))', '!! runtime/integer-overflow'],
    [
      '(let [x 2.5] [(< x 3) (- x 1) (>= x 2.5) (> x 2) (<= x 2) (+ x 1)])',
      '[true 1.5 true true false 3.5]',
    ],
    ['(let [x 1] (< x "a"))', '!! runtime/type-error'],
    ['(defn fib [n] (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2))))) (fib 20)', '6765'],
    ['(loop [i 0 acc 0] (if (< i 100000) (recur (inc i) (+ acc i)) acc))', '4999950000'],
    ['(defn f ([] 0) ([x] x) ([x & more] (count more))) [(f) (f 1) (f 1 2 3)]', '[0 1 2]'],
    ['(defn g "doc" [x] (* 2 x)) (g 21)', '42'],
    ['(let [x 1 y (+ x 1)] {:x x :y y})', '{:x 1 :y 2}'],
    ['(and 1 nil (/ 1 0))', 'nil'],
    ['(or false 2 (/ 1 0))', '2'],
    ['(if nil 1)', 'nil'],
    ['(:a {:a 1})', '1'],
    ['(:b {:a 1} :none)', ':none'],
    ["'(1 two :three)", '(1 two :three)'],
    ['((fn [& xs] xs) 1 2)', '(1 2)'],
    ['((λ [x] (* 2 x)) 4)', '8'],
    ['(def x 5) (let [x 6] x)', '6'],
    ['((let [n 10] (fn [x] (+ x n))) 1)', '11'],
    ['(str "a" 1 :k nil 2.0)', '"a1:knil2.0"'],
    ['(foo 1)', '!! analysis/unbound-symbol'],
    ['((fn [x] (recur)) 1)', '!! analysis/recur-arity'],
    ['(fn [x] (+ 1 (recur x)))', '!! analysis/recur-not-in-tail-position'],
    ['(inc "x")', '!! runtime/type-error'],
    ['((fn [x] x))', '!! runtime/arity-mismatch'],
    ['(1 2)', '!! runtime/not-callable'],
    [
      '(defn deep [n] (if (= n 0) 0 (+ 1 (deep (- n 1))))) (deep 1000000)',
      '!! runtime/stack-depth-exceeded',
    ],
  ];
  for (const [src, expected] of cases) {
    it(src, () => {
      expect(run(src)).toBe(expected);
    });
  }

  it('reports an unbound symbol with a suggestion and its position', () => {
    const o = createRuntime().evalString('(let [count 1]\n  (cuont 2))', 'x.rtfs');
    expect(o.ok).toBe(false);
    const d = !o.ok && o.diagnostics ? o.diagnostics[0] : undefined;
    expect(d?.message).toBe("unbound symbol 'cuont'; did you mean 'count'?");
    expect(d?.span.source.position(d.span.start)).toEqual({ line: 2, column: 4 });
  });

  it('points a runtime error at the failing call and lists RTFS frames', () => {
    const o = createRuntime().evalString('(defn half [x] (/ x 0))\n(half 4)', 'y.rtfs');
    expect(o.ok).toBe(false);
    if (o.ok || o.diagnostics) throw new Error('expected a runtime error');
    expect(o.error.code).toBe('runtime/division-by-zero');
    const text = o.error.render();
    expect(text).toContain('y.rtfs:1:16: runtime/division-by-zero: division by zero');
    expect(text).toContain('at half (y.rtfs:2:1)');
  });

  it('clips a huge message when rendering it; catch still gets the whole message', () => {
    const o = createRuntime().evalString('(throw (apply str (repeat 100000 "x")))', 'z.rtfs');
    if (o.ok || o.diagnostics) throw new Error('expected a runtime error');
    expect(o.error.message.length).toBe(100_000);
    const first = o.error.render().split('\n')[0] as string;
    expect(first.length).toBeLessThan(2_100);
    expect(first).toMatch(
      /^error: z\.rtfs:1:1: user\/thrown: x+… \([\d,]+ characters left out\) …x+$/,
    );
    expect(
      run('(try (throw (apply str (repeat 100000 "x"))) (catch e (count (:message e))))'),
    ).toBe('100000');
  });
});

describe('destructuring', () => {
  const cases: [string, string][] = [
    ['(let [[a b] [1 2]] (+ a b))', '3'],
    ['(let [[a & r :as all] [1 2 3]] [a r all])', '[1 [2 3] [1 2 3]]'],
    ["(let [[a b] '(1 2)] [a b])", '[1 2]'],
    ['(let [[a b] [1 2 3]] [a b])', '[1 2]'],
    ['(let [[a b] [1]] [a b])', '[1 nil]'],
    ['(let [[a & r] [1]] [a r])', '[1 nil]'],
    ['(let [[a b] nil] [a b])', '[nil nil]'],
    ['(let [[a] 5] a)', '!! runtime/type-error'],
    ['(let [[a [b c]] [1 [2 3]]] (+ a b c))', '6'],
    ['(let [_ 5] 1)', '1'],
    ['(let [{:keys [a b]} {:a 1 :b 2}] (+ a b))', '3'],
    ['(let [{:keys [a b] :as m} {:a 1}] [a b m])', '[1 nil {:a 1}]'],
    ['(let [{:keys [a] :or {a 9}} {}] a)', '9'],
    ['(let [{:strs [a]} {"a" 1}] a)', '1'],
    ['(let [{x :x y :y} {:x 1 :y 2}] [x y])', '[1 2]'],
    ['(let [{:x x} {:x 1}] x)', '1'],
    ['(let [{:keys [a] & more} {:a 1 :b 2}] more)', '{:b 2}'],
    ['(let [{:keys [a]} nil] a)', 'nil'],
    ['(let [{:keys [a]} 5] a)', '!! runtime/type-error'],
    ['((fn [[a b] {:keys [c]}] (+ a b c)) [1 2] {:c 3})', '6'],
    ['((fn [x & [y z]] [x y z]) 1 2 3)', '[1 2 3]'],
    ['(loop [[x & xs] [1 2 3] acc 0] (if x (recur xs (+ acc x)) acc))', '6'],
    ['(let [f (fn [n] (if (= n 0) :done (f (- n 1))))] (f 5))', ':done'],
    [
      '(let [ev? (fn [n] (if (= n 0) true (od? (- n 1)))) od? (fn [n] (if (= n 0) false (ev? (- n 1))))] (ev? 10))',
      'true',
    ],
  ];
  for (const [src, expected] of cases) {
    it(src, () => {
      expect(run(src)).toBe(expected);
    });
  }
});

describe('try, catch, finally, throw', () => {
  const cases: [string, string][] = [
    ['(try (/ 1 0) (catch e (:message e)))', '"division by zero"'],
    ['(try (/ 1 0) (catch e e))', '#<error :runtime/division-by-zero: division by zero>'],
    ['(try (/ 1 0) (catch e (:code e)))', ':runtime/division-by-zero'],
    ['(try (/ 1 0) (catch :runtime/division-by-zero e 1) (catch e 2))', '1'],
    ['(try (/ 1 0) (catch :division-by-zero e 1))', '1'],
    ['(try (/ 1 0) (catch DivisionByZero e 1))', '1'],
    ['(try (/ 1 0) (catch TypeError e 1) (catch e 2))', '2'],
    ['(try (inc "x") (catch :runtime/division-by-zero e 1))', '!! runtime/type-error'],
    [
      '(try (throw {:code :app/bad :message "nope" :n 1}) (catch :app/bad e [(:message e) (:data e)]))',
      '["nope" {:code :app/bad :message "nope" :n 1}]',
    ],
    ['(try (throw "boom") (catch e (:message e)))', '"boom"'],
    ['(try (throw :app/oops) (catch :oops e (:code e)))', ':app/oops'],
    ['(throw "boom")', '!! user/thrown'],
    ['(try 1 (finally 2))', '1'],
    ['(try (/ 1 0) (catch Exception _ :caught))', ':caught'],
    ['(def log []) (try (try (/ 1 0) (finally (def log (vector :fin)))) (catch e log))', '[:fin]'],
    ['(try (/ 1 0) (catch e (throw e)))', '!! runtime/division-by-zero'],
    [
      '(defn r [n] (if (= n 0) 0 (+ 1 (r (- n 1))))) (try (r 1000000) (catch e (:code e)))',
      ':runtime/stack-depth-exceeded',
    ],
    [
      '(try (/ 1 0) (catch e (let [{:keys [message code]} e] [message code])))',
      '["division by zero" :runtime/division-by-zero]',
    ],
  ];
  for (const [src, expected] of cases) {
    it(src, () => {
      expect(run(src)).toBe(expected);
    });
  }
});

describe('match', () => {
  const cases: [string, string][] = [
    ['(match 1 1 :one 2 :two)', ':one'],
    ['(match 1.0 1 :int 1.0 :float)', ':float'],
    ['(match :b :a 1 :b 2 _ 3)', '2'],
    ['(match 5 n (* n 2))', '10'],
    ['(match 5 n when (> n 3) :big n :small)', ':big'],
    ['(match 2 n when (> n 3) :big n :small)', ':small'],
    ['(match [1 2] [a b] (+ a b))', '3'],
    ['(match [1 2 3] [a b] :two [a b c] :three)', ':three'],
    ['(match [1 2 3] [h & t] [h t])', '[1 [2 3]]'],
    ['(match [] [h & t] :some [] :empty)', ':empty'],
    ['(match {:type :circle :r 2} {:type :square :side s} s {:type :circle :r r} (* r r))', '4'],
    ['(match {:a 1 :b 2} {:a a & more} [a more])', '[1 {:b 2}]'],
    ['(match [1 [2 3]] [a [b c]] (+ a b c))', '6'],
    ['(match [1 2] (:as whole [a b]) [whole a])', '[[1 2] 1]'],
    ["(match 'x 'x :sym _ :other)", ':sym'],
    ['(match nil nil :nil _ :other)', ':nil'],
    ['(match "s" "s" :str)', ':str'],
    ['(match 3 1 :one 2 :two)', '!! runtime/no-match'],
    ['(match 5 n when)', '!! analysis/bad-special-form'],
    ['(match 5 1)', '!! analysis/bad-special-form'],
  ];
  for (const [src, expected] of cases) {
    it(src, () => {
      expect(run(src)).toBe(expected);
    });
  }
});

describe('quasiquote and macros', () => {
  const cases: [string, string][] = [
    ['(let [x 1 xs [2 3]] `(a ~x ~@xs))', '(a 1 2 3)'],
    ['(let [x 1] `[~x ~@(list 2 3) 4])', '[1 2 3 4]'],
    ['(let [k :a v 1] `{~k ~v})', '{:a 1}'],
    ['`(a (b ~(+ 1 2)))', '(a (b 3))'],
    ['(defmacro unless [c & body] `(if ~c nil (do ~@body))) (unless false 1 2)', '2'],
    [
      '(defmacro unless [c & body] `(if ~c nil (do ~@body))) (macroexpand-1 (quote (unless x y)))',
      '(if x nil (do y))',
    ],
    [
      '(defmacro twice [e] `(do ~e ~e)) (defmacro thrice [e] `(twice (do ~e))) (macroexpand (quote (thrice 1)))',
      '(do (do 1) (do 1))',
    ],
    ['(defmacro sq [x] `(let [v# ~x] (* v# v#))) (let [v 3] (sq (+ v 1)))', '16'],
    ['(defmacro bad [] (throw "nope")) (bad)', '!! analysis/macro-expansion-failed'],
    ['(defmacro m [] 1) (m)', '1'],
    ['(type-name (gensym))', '"symbol"'],
    ['(constructor 1)', '!! analysis/unbound-symbol'],
    ['(toString)', '!! analysis/unbound-symbol'],
    ['(= (gensym) (gensym))', 'false'],
  ];
  for (const [src, expected] of cases) {
    it(src, () => {
      expect(run(src)).toBe(expected);
    });
  }
});

describe('for, dotimes, steps, host context', () => {
  const cases: [string, string][] = [
    ['(for [x [1 2] y [10 20]] (+ x y))', '[11 21 12 22]'],
    ['(for [x [1 2 3 4] :when (= 0 (- x (* 2 (/ x 2))))] x)', '[2 4]'],
    ['(for [x [1 2 3 4] :let [y (* x x)] :when (> y 4)] y)', '[9 16]'],
    ['(for [x [1 2 3 4] :while (< x 3)] x)', '[1 2]'],
    ['(for [[k v] {:a 1 :b 2}] [v k])', '[[1 :a] [2 :b]]'],
    ['(for [c "ab"] c)', '["a" "b"]'],
    ['(for [x nil] x)', '[]'],
    ['(for [x 5] x)', '!! runtime/type-error'],
    ['(dotimes [i 3] i)', '2'],
    ['(dotimes [i 0] i)', 'nil'],
    ['(step "add" (+ 1 2))', '3'],
    ['(step "p" :params {"n" 2} (* 2 (:n {:n 2})))', '4'],
    ['(step-if 0 :yes :no)', ':no'],
    ['(step-if "" :yes :no)', ':no'],
    ['(step-if [] :yes)', 'nil'],
    ['(step-if 1 :yes :no)', ':yes'],
    ['(step-parallel (+ 1 1) (+ 2 2))', '[2 4]'],
    ['(step-loop false 1)', 'nil'],
    ['(step-loop true 1)', '!! runtime/loop-limit-exceeded'],
    ['(step "s" (/ 1 0))', '!! runtime/division-by-zero'],
    ['@plan-id', '!! runtime/unknown-context'],
    ['(let [x 5] @x)', '5'],
  ];
  for (const [src, expected] of cases) {
    it(src, () => {
      expect(run(src)).toBe(expected);
    });
  }
});

describe('host notifications', () => {
  it('reports nested steps, including failures, to the host', async () => {
    const { Runtime } = await import('../../src/runtime/index.js');
    const { createBuiltins } = await import('../../src/builtins/index.js');
    const events: string[] = [];
    let n = 0;
    const host = {
      stepStarted: (name: string) => {
        events.push(`start ${name}`);
        return `s${++n}`;
      },
      stepCompleted: (id: string, v: unknown) =>
        void events.push(`done ${id} ${printValue(v as never)}`),
      stepFailed: (id: string, e: { code: string }) => void events.push(`fail ${id} ${e.code}`),
      contextValue: (name: string) => (name === 'plan-id' ? 'p-1' : undefined),
      callCapability: () => null,
      defineCapability: () => undefined,
    };
    const rt = new Runtime(createBuiltins({ out: () => undefined, log: () => undefined }), host);
    const o = rt.evalString(
      '(step "outer" (step "inner" 1) (try (step "bad" (/ 1 0)) (catch e @plan-id)))',
    );
    expect(o.ok && printValue(o.value)).toBe('"p-1"');
    expect(events).toEqual([
      'start outer',
      'start inner',
      'done s2 1',
      'start bad',
      'fail s3 runtime/division-by-zero',
      'done s1 "p-1"',
    ]);
  });
});

describe('core macros (stdlib/core.rtfs)', () => {
  const cases: [string, string][] = [
    ['(when true 1 2)', '2'],
    ['(when false 1)', 'nil'],
    ['(when-not false 1)', '1'],
    ['(if-not false :a :b)', ':a'],
    ['(cond false 1 nil 2 :else 3)', '3'],
    ['(cond (= 1 1) :one)', ':one'],
    ['(cond false 1)', 'nil'],
    ['(cond true)', '!! analysis/macro-expansion-failed'],
    ['(case 2 1 :a 2 :b :c)', ':b'],
    ['(case 5 1 :a 2 :b :c)', ':c'],
    ["(case 'x x :sym :other)", ':sym'],
    ['(case 3 (1 2 3) :small :big)', ':small'],
    ['(case :k :k 1 :j 2)', '1'],
    ['(case 9 1 :a)', '!! runtime/no-match'],
    ['(if-let [x (get {:a 1} :a)] (inc x) :none)', '2'],
    ['(if-let [x nil] x :none)', ':none'],
    ['(if-let [[a b] [1 2]] (+ a b) 0)', '3'],
    ['(when-let [x 5] (* x 2))', '10'],
    ['(when-let [x nil] (* x 2))', 'nil'],
    ['(-> 1 inc (* 10) (- 1))', '19'],
    ['(->> [1 2 3] (map inc) (filter even?) (reduce +))', '6'],
    ['(as-> 5 x (+ x 1) (* x x))', '36'],
    ['(some-> {:a {:b 2}} :a :b inc)', '3'],
    ['(some-> {:a nil} :a :b inc)', 'nil'],
    ['(comment (/ 1 0))', 'nil'],
    ["(macroexpand '(when a b))", '(if a (do b) nil)'],
    ['(let [when 5] when)', '5'],
  ];
  for (const [src, expected] of cases) {
    it(src, () => {
      expect(run(src)).toBe(expected);
    });
  }
});

describe('type annotations', () => {
  const cases: [string, string][] = [
    ['(let [x :int 5] x)', '5'],
    ['(let [x :int "s"] x)', '!! type/mismatch'],
    ['(let [status :ok] status)', ':ok'],
    ['(let [a :int b 2] [a b])', '[:int 2]'],
    ['(let [x :int 1 y :string "s"] [x y])', '[1 "s"]'],
    ['(let [v [:vector :int] [1 2]] v)', '[1 2]'],
    ['(let [v [:vector :int] [1 "x"]] v)', '!! type/mismatch'],
    ['(def n :int 5) n', '5'],
    ['(def n :int 5.0)', '!! type/mismatch'],
    ['(def k :ok) k', ':ok'],
    ['(defn add [a :int b :int] (+ a b)) (add 1 2)', '3'],
    ['(defn add [a :int b :int] (+ a b)) (add 1 "2")', '!! type/mismatch'],
    ['(defn f [x] :int (* x 2)) (f 2)', '4'],
    ['(defn f [x] :int (* x 2.0)) (f 2)', '!! type/mismatch'],
    ['(defn s [] :ok) (s)', ':ok'],
    ['(fn [] :keyword :ok)', '#<fn>'],
    ['((fn [] :keyword :ok))', ':ok'],
    ['(defn f [& xs :int] (count xs)) (f 1 2 3)', '3'],
    ['(defn f [& xs :int] (count xs)) (f 1 "2")', '!! type/mismatch'],
    ['(defn f [& xs :int] (count xs)) (f)', '0'],
    ['(defn f [m [:map [:id :int]]] (:id m)) (f {:id 1 :x 2})', '1'],
    ['(defn f [m [:map [:id :int]]] (:id m)) (f {:x 2})', '!! type/mismatch'],
    ['(defn cnt [n :int acc :int] (if (= n 0) acc (recur (- n 1) (+ acc 1)))) (cnt 100 0)', '100'],
    ['(defn f [x] :int (if (> x 0) (recur (- x 1)) x)) (f 3)', '0'],
    ['(let [x :nope 1] x)', '!! type/invalid-type-expression'],
  ];
  for (const [src, expected] of cases) {
    it(src, () => {
      expect(run(src)).toBe(expected);
    });
  }

  it('names the function, parameter, path, expected and actual type', () => {
    const o = createRuntime().evalString(
      '(defn save [user [:map [:tags [:vector :keyword]]]] user)\n(save {:tags [:a "b"]})',
      't.rtfs',
    );
    if (o.ok || o.diagnostics) throw new Error('expected a type error');
    expect(o.error.message).toBe(
      'type mismatch in argument \'user\' of save at .tags[1]: expected :keyword, got string "b"',
    );
  });
});

describe('defstruct', () => {
  const cases: [string, string][] = [
    ['(defstruct Pt :x :int :y :int) (Pt {:x 1 :y 2})', '{:x 1 :y 2}'],
    ['(defstruct Pt :x :int :y :int) (Pt {:x 1 :y 2 :z 3})', '{:x 1 :y 2 :z 3}'],
    ['(defstruct Pt :x :int :y :int) (Pt {:x 1})', '!! type/mismatch'],
    ['(defstruct Pt :x :int :y :int) (Pt {:x 1 :y "2"})', '!! type/mismatch'],
    ['(defstruct Pt :x :int) (Pt {:x 1} 2)', '!! runtime/arity-mismatch'],
    ['(defstruct Pt :x)', '!! analysis/bad-special-form'],
  ];
  for (const [src, expected] of cases) {
    it(src, () => {
      expect(run(src)).toBe(expected);
    });
  }
});

describe('constant collections', () => {
  const cases: [string, string][] = [
    ["[1 '(2)]", '[1 (2)]'],
    ["{:a 'x}", '{:a x}'],
    ["[1 [2 '(3 4)]]", '[1 [2 (3 4)]]'],
  ];
  for (const [src, expected] of cases) {
    it(src, () => {
      expect(run(src)).toBe(expected);
    });
  }
});

describe('reference idioms', () => {
  const cases: [string, string][] = [
    ['(do (def y 1) y)', '1'],
    ['(do (defn helper [] 1) (defn main [] (+ 1 (helper))) (main))', '2'],
    ['(.string-upper "ab")', '"AB"'],
    ['(.str "a" "b")', '"ab"'],
    ['(let [k 5] (get :k))', '5'],
    ['(get :missing)', 'nil'],
    ['(get {:a 1} :a)', '1'],
    ['(loop [i :int 0] (if (< i 3) (recur (+ i 0.5)) i))', '!! type/mismatch'],
    ['(loop [i :int 0] (if (< i 3) (recur (+ i 1)) i))', '3'],
    ['(:a 1 2 3)', '!! runtime/arity-mismatch'],
  ];
  for (const [src, expected] of cases) {
    it(src, () => {
      expect(run(src)).toBe(expected);
    });
  }
});

describe('core macros load on first use (create-runtime.ts, ADR 0018)', () => {
  it('a fresh runtime knows every core macro, with its docstring, before any expansion', () => {
    const rt = createRuntime();
    const cell = rt.core.lookup('when-let');
    expect(cell?.macro).toBe(true);
    expect(cell?.doc).toMatch(/\S/);
    expect(rt.core.names()).toEqual(expect.arrayContaining(['when', 'cond', '->', 'letfn']));
  });

  it('the first expansion defines the real macro, which later expansions use', () => {
    const rt = createRuntime();
    const before = rt.core.lookup('cond')?.value;
    // cond expands through when (itself loaded on demand), nested in ->.
    const o = rt.evalString('(-> (cond false 1 :else 5) inc)', 'test.rtfs');
    expect(o.ok && printValue(o.value)).toBe('6');
    const after = rt.core.lookup('cond')?.value;
    expect(after).not.toBe(before);
    const again = rt.evalString("(macroexpand-1 '(cond a b))", 'test.rtfs');
    expect(again.ok && printValue(again.value)).toBe('(if a b (cond))');
  });

  it('runtimes do not share macro state', () => {
    const a = createRuntime();
    a.evalString('(when true 1)', 'a.rtfs');
    const b = createRuntime();
    expect(b.core.lookup('when')?.value).not.toBe(a.core.lookup('when')?.value);
    const o = b.evalString('(when-not false :ok)', 'b.rtfs');
    expect(o.ok && printValue(o.value)).toBe(':ok');
  });
});

describe('the engine of a runtime', () => {
  it('is made on the first form evaluated, once (ADR 0059)', async () => {
    const { Runtime, evaluator } = await import('../../src/runtime/index.js');
    const { createBuiltins } = await import('../../src/builtins/index.js');
    let made = 0;
    const engine = evaluator();
    const rt = new Runtime(
      createBuiltins({ out: () => undefined, log: () => undefined }),
      undefined,
      undefined,
      (host, core) => {
        made++;
        return engine(host, core);
      },
    );
    // A compiled program builds a runtime and may never evaluate a form.
    expect(made).toBe(0);
    for (const src of ['(def x 20)', '(+ x 22)']) expect(rt.evalString(src).ok).toBe(true);
    const o = rt.evalString('x');
    expect(o.ok && printValue(o.value)).toBe('20');
    expect(made).toBe(1);
  });
});
