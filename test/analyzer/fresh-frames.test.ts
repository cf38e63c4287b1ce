/**
 * Which iterating forms renew their bindings on every iteration (analyzer/fresh-frames.ts,
 * ADR 0023): exactly those with a function inside that reads what they bind.
 */
import { describe, it, expect } from 'vitest';
import { createRuntime } from '../../src/create-runtime.js';
import { read } from '../../src/syntax/index.js';
import { analyzeTop, walk, type Node } from '../../src/analyzer/index.js';

/** The `fresh` range of every loop, for, dotimes and fn arity in `src`, in tree order. */
function ranges(src: string): string[] {
  const rt = createRuntime();
  const r = read(src, 'x.rtfs');
  const a = analyzeTop(r.forms[0] as never, r.spans[0], rt.globals);
  const out: string[] = [];
  const show = (x: { from: number; to: number } | undefined): string =>
    x === undefined ? '-' : `${x.from}..${x.to}`;
  for (const n of walk(a.node as Node)) {
    if (n.kind === 'loop' || n.kind === 'for' || n.kind === 'dotimes') {
      out.push(`${n.kind} ${show(n.fresh)}`);
    } else if (n.kind === 'fn') {
      for (const ar of n.arities) out.push(`fn ${show(ar.fresh)}`);
    }
  }
  return out;
}

describe('fresh bindings per iteration', () => {
  it('renew a loop whose body makes a function reading its bindings', () => {
    expect(
      ranges('(loop [i 0 fs []] (if (< i 3) (recur (inc i) (conj fs (fn [] i))) fs))'),
    ).toEqual(['loop 1..3', 'fn -']);
    // Body locals are in the range too.
    expect(ranges('(loop [i 0] (let [j i] (if (< i 3) (recur (inc i)) (fn [] j))))')).toEqual([
      'loop 1..3',
      'fn -',
    ]);
  });

  it('leave loops alone when functions inside read nothing they bind', () => {
    expect(ranges('(loop [i 0 acc 0] (if (< i 3) (recur (inc i) (+ acc i)) acc))')).toEqual([
      'loop -',
    ]);
    expect(ranges('(loop [i 0] (if (< i 3) (recur (inc i)) (map (fn [x] (* x 2)) [1])))')).toEqual([
      'loop -',
      'fn -',
    ]);
    expect(ranges('(let [k 1] (loop [i 0] (if (< i 3) (recur (inc i)) (fn [] k))))')).toEqual([
      'loop -',
      'fn -',
    ]);
  });

  it('renew a function arity only when it recurs and is captured', () => {
    expect(ranges('(fn [i fs] (if (< i 3) (recur (inc i) (conj fs (fn [] i))) fs))')).toEqual([
      'fn 1..3',
      'fn -',
    ]);
    expect(ranges('(fn [i] (fn [] i))')).toEqual(['fn -', 'fn -']);
    expect(ranges('(fn [i] (if (< i 3) (recur (inc i)) i))')).toEqual(['fn -']);
  });

  it('renew for, doseq and dotimes with capturing bodies', () => {
    expect(ranges('(for [x [1 2] :let [y x]] (fn [] y))')).toEqual(['for 1..3', 'fn -']);
    expect(ranges('(for [x [1 2]] (* x 2))')).toEqual(['for -']);
    expect(ranges('(doseq [x [1 2]] (println (fn [] x)))')).toEqual(['for 1..2', 'fn -']);
    expect(ranges('(dotimes [i 2] (println (fn [] i)))')).toEqual(['dotimes 1..2', 'fn -']);
    expect(ranges('(dotimes [i 2] (println i))')).toEqual(['dotimes -']);
  });
});
