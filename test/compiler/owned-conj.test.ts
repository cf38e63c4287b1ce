/**
 * Which loop bindings a compiled loop may grow in place with `conj` (compiler/owned-conj.ts,
 * ADR 0027): only those whose intermediate vectors no other code can see.
 */
import { describe, it, expect } from 'vitest';
import { createRuntime } from '../../src/create-runtime.js';
import { read } from '../../src/syntax/index.js';
import { analyzeTop, walk, type Node } from '../../src/analyzer/index.js';
import { ownedConjBindings } from '../../src/compiler/owned-conj.js';

/** The owned binding indices of every loop in `src`, in tree order. */
function owned(src: string): number[][] {
  const rt = createRuntime();
  const r = read(src, 'x.rtfs');
  const a = analyzeTop(r.forms[0] as never, r.spans[0], rt.globals);
  const out: number[][] = [];
  for (const n of walk(a.node as Node)) {
    if (n.kind === 'loop')
      out.push(ownedConjBindings(n, (c) => c.fn.kind === 'global' && c.fn.cell.name === 'conj'));
  }
  return out;
}

describe('bindings a loop may conj onto in place', () => {
  it('take a binding conj-ed as its own recur argument and returned on exit', () => {
    expect(owned('(loop [i 0 v []] (if (< i 3) (recur (inc i) (conj v i)) v))')).toEqual([[1]]);
    expect(
      owned(
        '(loop [v [] i 0] (let [j (* i 2)] (if (< i 3) (do (inc j) (recur (conj v j) (inc i))) v)))',
      ),
    ).toEqual([[0]]);
    // The conj under an if inside the recur argument is not the argument itself.
    expect(
      owned('(loop [i 0 v []] (if (< i 3) (recur (inc i) (if (odd? i) [] (conj v i))) 0))'),
    ).toEqual([[]]);
    expect(owned('(loop [i 0 v []] (cond (< i 3) (recur (inc i) (conj v i)) :else v))')).toEqual([
      [1],
    ]);
  });

  it('refuse every other read of the binding', () => {
    // Read by the test, by another recur argument, by the item, by a let, by a closure.
    expect(owned('(loop [v []] (if (< (count v) 3) (recur (conj v 1)) v))')).toEqual([[]]);
    expect(owned('(loop [v [] w []] (if (< (count w) 3) (recur (conj v 1) v) v))')).toEqual([[]]);
    expect(owned('(loop [i 0 v []] (if (< i 3) (recur (inc i) (conj v (count v))) v))')).toEqual([
      [],
    ]);
    expect(
      owned('(loop [i 0 v []] (let [w v] (if (< i 3) (recur (inc i) (conj v i)) w)))'),
    ).toEqual([[]]);
    expect(owned('(loop [i 0 v []] (if (< i 3) (recur (inc i) (conj v (fn [] v))) v))')).toEqual([
      [],
    ]);
    // Returned inside a collection (not the loop's whole value), or passed unchanged.
    expect(owned('(loop [i 0 v []] (if (< i 3) (recur (inc i) (conj v i)) [v]))')).toEqual([[]]);
    expect(owned('(loop [i 0 v []] (if (< i 3) (recur (inc i) v) v))')).toEqual([[]]);
    // Inside an inner loop, whose recur is not this loop's.
    expect(
      owned(
        '(loop [i 0 v []] (if (< i 3) (recur (inc i) (loop [j 0 w v] (if (< j 2) (recur (inc j) (conj w j)) w))) v))',
      ),
    ).toEqual([[], [1]]);
    // Another function than conj, and destructured loops.
    expect(owned('(loop [i 0 v []] (if (< i 3) (recur (inc i) (cons i v)) v))')).toEqual([[]]);
    expect(owned('(loop [[a b] [0 []]] (if (< a 3) (recur [(inc a) (conj b a)]) b))')).toEqual([
      [],
    ]);
  });
});
