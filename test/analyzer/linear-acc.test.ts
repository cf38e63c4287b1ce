/**
 * Which reducing functions are linear in their accumulator (analyzer/linear-acc.ts),
 * as both engines mark the function values they make.
 */
import { describe, it, expect } from 'vitest';
import { createRuntime } from '../../src/create-runtime.js';
import { jsCompiler } from '../../src/compiler/index.js';
import { Fn } from '../../src/runtime/index.js';

const engines = [
  ['evaluator', () => createRuntime({ out: () => undefined })],
  ['compiler', () => createRuntime({ out: () => undefined, compiler: jsCompiler })],
] as const;

const cases: readonly [src: string, callee: string | undefined][] = [
  ['(fn [m k] (assoc m k 1))', 'assoc'],
  ['(fn [m k] (update m k inc))', 'update'],
  ['(fn [m k] (let [v (* 2 (count (str k)))] (assoc m k v)))', 'assoc'],
  ['(fn [m k] (if (= k :skip) {} (assoc m k 1)))', 'assoc'],
  ['(fn [m k] (do (println k) (assoc m k 1)))', 'assoc'],
  ['(fn [m k] (update m k (fn [v] (inc (or v 0)))))', 'update'],
  ['(fn [m [k v]] (assoc m k (inc v)))', 'assoc'],
  ['(fn [m {:keys [id n] :or {n 0}}] (update m id + n))', 'update'],
  ['(fn [m k] (match k :x (assoc m k 1) _ m))', undefined],
  ['(fn [m {:keys [a] :or {a m}}] (assoc m :k a))', undefined],
  ['(fn [m [k v]] (let [[x y] [k m]] (assoc m x y)))', undefined],
  // Read twice, kept by a closure, or not the first argument of the tail call.
  ['(fn [m k] (if (contains? m k) m (assoc m k 1)))', undefined],
  ['(fn [m k] (assoc m k (count m)))', undefined],
  ['(fn [m k] (assoc m k (fn [] m)))', undefined],
  ['(fn [m k] (assoc {} k m))', undefined],
  ['(fn [m k] (let [r (assoc m k 1)] r))', undefined],
  ['(fn [m k] (vector (assoc m k 1)))', undefined],
  ['(fn [m] (assoc m :k 1))', undefined],
  ['(fn [m k & more] (assoc m k 1))', undefined],
  ['(fn ([m] m) ([m k] (assoc m k 1)))', undefined],
  ['(fn [[m] k] (assoc m k 1))', undefined],
  ['(fn [m k] (let [{:keys [a] :or {a m}} k] (assoc m k a)))', undefined],
  ['(fn [m k] (match k :x (assoc m k 1) _ (assoc m k 2)))', undefined],
];

describe.each(engines)('linear accumulators (%s)', (_, make) => {
  it.each(cases)('%s', (src, callee) => {
    const o = make().evalString(src, 'linear.rtfs');
    if (!o.ok) throw new Error(`${src} failed`);
    const f = o.value;
    expect(f).toBeInstanceOf(Fn);
    expect((f as Fn).linearAcc?.name).toBe(callee);
  });
});
