import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  type Value,
  RVector,
  RList,
  RMap,
  kw,
  equals,
  hashValue,
  printValue,
} from '../../src/data/index.js';

describe('RVector', () => {
  it('does not let two conj on the same vector interfere', () => {
    const v = RVector.of(1, 2);
    const v1 = v.conj('a');
    const v2 = v.conj('b');
    expect(printValue(v)).toBe('[1 2]');
    expect(printValue(v1)).toBe('[1 2 "a"]');
    expect(printValue(v2)).toBe('[1 2 "b"]');
    const v11 = v1.conj('c');
    const v12 = v1.conj('d');
    const v3 = v.conj('e');
    expect(printValue(v11)).toBe('[1 2 "a" "c"]');
    expect(printValue(v12)).toBe('[1 2 "a" "d"]');
    expect(printValue(v1)).toBe('[1 2 "a"]');
    expect(printValue(v3)).toBe('[1 2 "e"]');
    expect(v.count).toBe(2);
    expect(v.get(2)).toBeUndefined();
  });

  it('keeps the empty vector empty', () => {
    const a = RVector.EMPTY.conj(1);
    const b = RVector.EMPTY.conj(2);
    expect(RVector.EMPTY.count).toBe(0);
    expect([...RVector.EMPTY]).toEqual([]);
    expect(printValue(RVector.EMPTY)).toBe('[]');
    expect(printValue(a)).toBe('[1]');
    expect(printValue(b)).toBe('[2]');
  });

  it('does not let conj on a vector with metadata interfere with the original', () => {
    const v = RVector.of(1);
    const m = v.withMeta(RMap.of(kw('a'), true));
    const x = m.conj('x');
    const y = v.conj('y');
    expect(printValue(x)).toBe('[1 "x"]');
    expect(printValue(y)).toBe('[1 "y"]');
    expect(x.meta).toBe(m.meta);
  });

  it('builds long vectors by repeated conj, every step keeping its own elements', () => {
    const steps: RVector[] = [RVector.EMPTY];
    for (let i = 0; i < 200; i++) steps.push((steps[i] as RVector).conj(i));
    steps.forEach((s, n) => {
      expect(s.count).toBe(n);
      expect(s.toArray()).toEqual(Array.from({ length: n }, (_, i) => i));
    });
  });

  it('agrees with an array model under random conj/assoc/slice from any earlier version', () => {
    const op = fc.tuple(
      fc.constantFrom('conj', 'assoc', 'slice'),
      fc.nat(1000),
      fc.nat(1000),
      fc.integer(),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const versions: [RVector, Value[]][] = [[RVector.EMPTY, []]];
        for (const [kind, pick, at, x] of ops) {
          const [vec, model] = versions[pick % versions.length] as [RVector, Value[]];
          if (kind === 'conj') versions.push([vec.conj(x), [...model, x]]);
          else if (kind === 'assoc' && model.length > 0) {
            const i = at % model.length;
            const next = model.slice();
            next[i] = x;
            versions.push([vec.assoc(i, x), next]);
          } else if (kind === 'slice') {
            const s = at % (model.length + 1);
            versions.push([vec.slice(s), model.slice(s)]);
          }
        }
        for (const [vec, model] of versions) {
          expect(vec.count).toBe(model.length);
          expect(vec.toArray()).toEqual(model);
          expect([...vec]).toEqual(model);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never changes on assoc', () => {
    const v = RVector.of(1, 2, 3);
    const w = v.assoc(1, 'x');
    expect(printValue(v)).toBe('[1 2 3]');
    expect(printValue(w)).toBe('[1 "x" 3]');
  });

  it('slices without sharing mutable state', () => {
    const v = RVector.of(1, 2, 3, 4);
    const s = v.slice(1, 3);
    expect(printValue(s)).toBe('[2 3]');
    expect(printValue(s.conj(9))).toBe('[2 3 9]');
    expect(printValue(v)).toBe('[1 2 3 4]');
    expect(printValue(v.slice(2, 99))).toBe('[3 4]');
  });

  it('gives out copies, never its array', () => {
    const v = RVector.of(1, 2);
    const a = v.toArray();
    a.push(3);
    a[0] = 'x';
    expect(printValue(v)).toBe('[1 2]');
    expect(printValue(v.conj(5))).toBe('[1 2 5]');
  });

  it('returns undefined out of range', () => {
    const v = RVector.of(1);
    expect(v.get(-1)).toBeUndefined();
    expect(v.get(1)).toBeUndefined();
    expect(v.get(0)).toBe(1);
  });

  it('equals and hashes by content, not as a list', () => {
    const a = RVector.of(1, kw('k'));
    const b = RVector.EMPTY.conj(1).conj(kw('k'));
    expect(equals(a, b)).toBe(true);
    expect(hashValue(a)).toBe(hashValue(b));
    expect(a.hashCode()).toBe(b.hashCode());
    expect(equals(a, RList.of(1, kw('k')))).toBe(false);
  });
});

describe('RList', () => {
  it('conses without changing the original', () => {
    const l = RList.of(2, 3);
    const m = l.cons(1);
    expect(printValue(l)).toBe('(2 3)');
    expect(printValue(m)).toBe('(1 2 3)');
    expect(m.count).toBe(3);
    expect(printValue(RList.EMPTY)).toBe('()');
  });

  it('keeps metadata out of equality', () => {
    const l = RList.of(1).withMeta(RMap.of(kw('line'), 3));
    expect(equals(l, RList.of(1))).toBe(true);
    expect(printValue(l.meta as RMap)).toBe('{:line 3}');
  });
});

describe('RVector.readItems', () => {
  it('reads exactly the vector’s own elements, shared array, trie or empty', () => {
    const v = RVector.of('a', 'b');
    const w = v.conj('c');
    expect(v.readItems()).toEqual(['a', 'b']);
    expect(w.readItems()).toEqual(['a', 'b', 'c']);
    expect(RVector.EMPTY.readItems()).toEqual([]);
    const big = RVector.from(Array.from({ length: 40 }, (_, i) => i)).assoc(3, 'x');
    const items = big.readItems();
    expect(items.length).toBe(40);
    expect(items[3]).toBe('x');
    expect(items[39]).toBe(39);
  });

  it('leaves the vector and its older versions unchanged', () => {
    const v = RVector.of(1, 2);
    const w = v.conj(3);
    w.readItems();
    const x = v.conj(4);
    expect(printValue(w)).toBe('[1 2 3]');
    expect(printValue(x)).toBe('[1 2 4]');
    expect(printValue(v)).toBe('[1 2]');
  });
});
