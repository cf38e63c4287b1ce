/**
 * Random programs through both engines: typed generators build arithmetic (small
 * integers, integers at the 2^53 and 64-bit edges, floats), comparisons, vectors,
 * maps, `let`, `if`, `loop`/`recur`, `fn`, destructuring, `match` and `try`; the
 * evaluator, the compiler and the evaluator's JIT tier (the program as the body of a
 * function compiled at its first call, run by the second) must print the same value
 * or fail with the same code.
 * 10,000 programs in all, split over the properties.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRuntime } from '../../src/create-runtime.js';
import { printValue } from '../../src/data/index.js';
import { jsCompiler } from '../../src/compiler/index.js';
import { JitClosure } from '../../src/runtime/index.js';

const interpreted = createRuntime({ out: () => undefined, jit: false });
const compiled = createRuntime({ out: () => undefined, compiler: jsCompiler });
/** The evaluator's JIT tier: a function compiled at its first call, run compiled by the second. */
const jitted = createRuntime({ out: () => undefined, jit: 0 });

function outcome(rt: typeof interpreted, src: string): string {
  const o = rt.evalString(src, 'gen.rtfs');
  if (o.ok) return `=> ${printValue(o.value)}`;
  return `!! ${o.diagnostics ? o.diagnostics.map((d) => d.code).join(' ') : o.error.code}`;
}

const intLit = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -20, max: 20 }).map(String) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '9007199254740991',
      '-9007199254740991',
      '9007199254740992',
      '9223372036854775807',
      '-9223372036854775808',
      '4611686018427387904',
    ),
  },
);
const floatLit = fc.constantFrom('0.5', '-1.5', '2.0', '0.0', '-0.0', '1e3');

interface Gens {
  int: fc.Arbitrary<string>;
  num: fc.Arbitrary<string>;
  bool: fc.Arbitrary<string>;
  vec: fc.Arbitrary<string>;
  map: fc.Arbitrary<string>;
}

const call = (...parts: string[]) => `(${parts.join(' ')})`;

const gens = fc.letrec((tieAny) => {
  const tie = (k: keyof Gens) => tieAny(k) as fc.Arbitrary<string>;
  return {
    int: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      intLit,
      fc.constantFrom('a', 'b'),
      fc
        .tuple(fc.constantFrom('+', '-', '*'), tie('int'), tie('int'))
        .map(([o, x, y]) => call(o, x, y)),
      fc.tuple(fc.constantFrom('inc', 'dec', '-'), tie('int')).map(([o, x]) => call(o, x)),
      fc
        .tuple(fc.constantFrom('quot', 'rem', 'mod', 'max', 'min'), tie('int'), tie('int'))
        .map(([o, x, y]) => call(o, x, y)),
      tie('vec').map((v) => call('count', v)),
      tie('vec').map((v) => call('reduce', '+', '0', v)),
      fc.tuple(tie('vec'), tie('int')).map(([v, i]) => call('get', v, i, '-1')),
      fc
        .tuple(tie('map'), fc.constantFrom(':x', ':y', ':z'))
        .map(([m, k]) => call('get', m, k, '0')),
      fc.tuple(tie('bool'), tie('int'), tie('int')).map(([c, x, y]) => call('if', c, x, y)),
      fc.tuple(tie('int'), tie('int')).map(([x, body]) => `(let [a ${x}] ${body})`),
      fc
        .tuple(tie('vec'), tie('int'))
        .map(([v, body]) => `(let [[a b] ${v}] (+ ${body} (or a 0)))`),
      fc
        .tuple(tie('int'), fc.integer({ min: 0, max: 6 }))
        .map(
          ([step, n]) =>
            `(loop [i 0 acc 0] (if (< i ${n}) (recur (inc i) (+ acc ${step.replace(/\ba\b/g, 'i')})) acc))`,
        ),
      fc.tuple(tie('int'), tie('int')).map(([body, arg]) => `((fn [a] ${body}) ${arg})`),
      fc
        .tuple(tie('vec'), tie('int'))
        .map(([v, d]) => `(match ${v} [] ${d} [x] x [x y & r] (+ x y (count r)))`),
      fc
        .tuple(tie('int'), tie('int'))
        .map(([x, y]) => `(try (quot ${x} ${y}) (catch :division-by-zero e -99))`),
    ),
    num: fc.oneof(
      tie('int'),
      floatLit,
      fc
        .tuple(fc.constantFrom('+', '-', '*', '/'), tie('num'), tie('num'))
        .map(([o, x, y]) => call(o, x, y)),
    ),
    bool: fc.oneof(
      fc.constantFrom('true', 'false', 'nil'),
      fc
        .tuple(fc.constantFrom('<', '>', '<=', '>=', '=', 'not='), tie('num'), tie('num'))
        .map(([o, x, y]) => call(o, x, y)),
      fc
        .tuple(fc.constantFrom('even?', 'odd?', 'zero?', 'pos?'), tie('int'))
        .map(([o, x]) => call(o, x)),
      tie('vec').map((v) => call('empty?', v)),
      fc
        .tuple(fc.constantFrom('and', 'or'), tie('bool'), tie('bool'))
        .map(([o, x, y]) => call(o, x, y)),
      tie('bool').map((x) => call('not', x)),
    ),
    vec: fc.oneof(
      { depthSize: 'small' },
      fc.constant('v'),
      fc.array(tie('int'), { maxLength: 4 }).map((xs) => `[${xs.join(' ')}]`),
      fc.tuple(tie('vec'), tie('int')).map(([v, x]) => call('conj', v, x)),
      fc.tuple(fc.constantFrom('inc', 'dec', '-'), tie('vec')).map(([f, v]) => call('mapv', f, v)),
      fc
        .tuple(fc.constantFrom('even?', 'odd?', 'pos?'), tie('vec'))
        .map(([f, v]) => call('filterv', f, v)),
      fc.integer({ min: 0, max: 5 }).map((n) => `(vec (range ${n}))`),
      fc
        .tuple(tie('vec'), tie('int'))
        .map(([v, x]) => `(mapv (fn [e] (+ e ${x.replace(/\ba\b/g, 'e')})) ${v})`),
      fc.tuple(tie('vec'), tie('int'), tie('int')).map(([v, i, x]) => call('assoc', v, i, x)),
      fc.tuple(tie('int'), tie('vec')).map(([x, v]) => `(for [e ${v} :when (odd? e)] (* e ${x}))`),
    ),
    map: fc.oneof(
      { depthSize: 'small' },
      fc.constant('m'),
      fc.tuple(tie('int'), tie('int')).map(([x, y]) => `{:x ${x} :y ${y}}`),
      fc
        .tuple(tie('map'), fc.constantFrom(':x', ':y', ':z'), tie('int'))
        .map(([m, k, x]) => call('assoc', m, k, x)),
      fc.tuple(tie('map'), fc.constantFrom(':x', ':y')).map(([m, k]) => call('dissoc', m, k)),
      fc
        .tuple(tie('map'), fc.constantFrom(':x', ':y', ':z'))
        .map(([m, k]) => call('update', m, k, '(fn [x] (if (int? x) (inc x) 0))')),
      tie('map').map((m) => `(let [{:keys [x y] :or {x 1}} ${m}] {:x y :y x})`),
    ),
  };
}) as unknown as Gens;

/** Every program binds the variables the generators use. */
const program = (body: string) => `(let [a 3 b -7 v [1 2 3] m {:x 1 :y 2}] ${body})`;

const property = (arb: fc.Arbitrary<string>, numRuns: number) => () =>
  fc.assert(
    fc.property(arb, (body) => {
      const src = program(body);
      const expected = outcome(interpreted, src);
      expect(outcome(compiled, src)).toBe(expected);
      expect(outcome(jitted, `(defn gen-f [] ${src})`)).toBe('=> #<fn gen-f>');
      outcome(jitted, '(gen-f)');
      expect(outcome(jitted, '(gen-f)')).toBe(expected);
    }),
    { numRuns },
  );

describe('the compiler and the JIT tier agree with the evaluator on generated programs', () => {
  it('integer arithmetic (4,000 programs)', property(gens.int, 4000));
  it('mixed int/float arithmetic (2,000 programs)', property(gens.num, 2000));
  it('comparisons and logic (1,000 programs)', property(gens.bool, 1000));
  it('vectors (2,000 programs)', property(gens.vec, 2000));
  it('maps (1,000 programs)', property(gens.map, 1000));
  it('the JIT runtime really ran the programs compiled', () => {
    const f = jitted.evalString('gen-f');
    expect(f.ok && f.value instanceof JitClosure && f.value.compiled).toBe(true);
  });
});
