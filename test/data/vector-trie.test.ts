/**
 * Trie vectors (src/data/vector-trie.ts): what `assoc` turns a vector of more than 32
 * elements into. Every version anyone holds keeps exactly its elements, across trie
 * levels (32, 1024 and 32768 elements) and the shared tail.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { type Value, RMap, RVector, equals, hashValue, kw } from '../../src/data/index.js';
import { trieConj, trieOf, trieToArray, type VTrie } from '../../src/data/vector-trie.js';

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

describe('RVector as a trie (after assoc)', () => {
  it('reads every element back at each size around the level boundaries', () => {
    for (const n of [33, 64, 65, 1024, 1056, 1057, 2000, 32 * 1024 + 40]) {
      const flat = RVector.from(range(n));
      const t = flat.assoc(0, 'x');
      expect(t.count).toBe(n);
      expect(t.get(0)).toBe('x');
      for (let i = 1; i < n; i += 97) expect(t.get(i)).toBe(i);
      expect(t.get(n - 1)).toBe(n - 1);
      expect(t.get(n)).toBeUndefined();
      expect(flat.get(0)).toBe(0);
      expect(t.toArray()).toEqual(['x', ...range(n).slice(1)]);
    }
  });

  it('grows by conj across levels, equal to the flat vector and hashing alike', () => {
    let t = RVector.from(range(40)).assoc(0, 0);
    let flat = RVector.from(range(40));
    const kept: [RVector, number][] = [];
    for (let i = 40; i < 40000; i++) {
      t = t.conj(i);
      flat = flat.conj(i);
      if (i % 1013 === 0) kept.push([t, i + 1]);
    }
    expect(t.count).toBe(40000);
    expect(equals(t, flat)).toBe(true);
    expect(hashValue(t)).toBe(hashValue(flat));
    expect([...t]).toEqual(range(40000));
    for (const [v, n] of kept) {
      expect(v.count).toBe(n);
      expect(v.get(n - 1)).toBe(n - 1);
      expect(v.get(n)).toBeUndefined();
    }
  });

  it('agrees with an array model under conj/assoc/slice from any earlier version', () => {
    const op = fc.tuple(
      fc.constantFrom('conj', 'conj', 'assoc', 'slice', 'bulk'),
      fc.nat(),
      fc.nat(),
    );
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 60 }), (ops) => {
        const versions: [RVector, Value[]][] = [[RVector.from(range(40)), range(40)]];
        for (const [kind, pick, x] of ops) {
          const [vec, model] = versions[pick % versions.length] as [RVector, Value[]];
          if (kind === 'conj') versions.push([vec.conj(x), [...model, x]]);
          else if (kind === 'bulk') {
            let v = vec;
            const m = [...model];
            for (let i = 0; i < 70; i++) {
              v = v.conj(i);
              m.push(i);
            }
            versions.push([v, m]);
          } else if (kind === 'assoc' && model.length > 0) {
            const i = x % model.length;
            const next = [...model];
            next[i] = -x - 1;
            versions.push([vec.assoc(i, -x - 1), next]);
          } else if (kind === 'slice') {
            const a = x % (model.length + 1);
            versions.push([vec.slice(a), model.slice(a)]);
          }
        }
        for (const [v, model] of versions) {
          expect(v.count).toBe(model.length);
          expect(v.toArray()).toEqual(model);
          expect([...v]).toEqual(model);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('keeps metadata and reads through withMeta', () => {
    const t = RVector.from(range(50)).assoc(3, 'x');
    const m = t.withMeta(RMap.of(kw('a'), true));
    expect(m.meta?.get(kw('a'))).toBe(true);
    expect(m.get(3)).toBe('x');
    expect(m.conj(50).get(50)).toBe(50);
    expect(t.count).toBe(50);
  });

  it('trieConj appends to a tail it owns and copies one it shares', () => {
    const t0: VTrie = trieOf(range(40), 40);
    const t1 = trieConj(t0, 40, 'a');
    const t2 = trieConj(t0, 40, 'b');
    expect(trieToArray(t1, 41)).toEqual([...range(40), 'a']);
    expect(trieToArray(t2, 41)).toEqual([...range(40), 'b']);
    expect(trieToArray(t0, 40)).toEqual(range(40));
  });
});
