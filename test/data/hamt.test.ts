import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { type Value, RMap, RVector, equals, hashValue, float, kw } from '../../src/data/index.js';

/** 32 keywords with one hash: Java string hashes of "Aa" and "BB" are equal. */
const colliding: Value[] = Array.from({ length: 32 }, (_, i) =>
  kw(Array.from({ length: 5 }, (_, b) => ((i >> b) & 1 ? 'Aa' : 'BB')).join('')),
);
const plain: Value[] = Array.from({ length: 60 }, (_, i) => kw(`key-${i}`));
const pool: Value[] = [
  ...colliding,
  ...plain,
  RVector.from([1, 2]),
  RVector.from([1, 2, 3]),
  float(2.5),
  2,
  '2',
];

type Entry = [Value, Value];

function check(m: RMap, model: readonly Entry[]): void {
  expect(m.size).toBe(model.length);
  expect([...m.entries()]).toEqual(model);
  for (const k of pool) {
    const e = model.find(([mk]) => equals(mk, k));
    expect(m.get(k)).toBe(e?.[1]);
  }
}

describe('RMap hash trie (big maps)', () => {
  it('the colliding keys really share one hash', () => {
    const hs = new Set(colliding.map((k) => hashValue(k)));
    expect(hs.size).toBe(1);
  });

  it('agrees with a model under random assoc/dissoc, and old versions never change (100 runs)', () => {
    const op = fc.tuple(fc.boolean(), fc.nat(pool.length - 1), fc.integer({ min: 0, max: 3 }));
    fc.assert(
      fc.property(fc.array(op, { minLength: 20, maxLength: 250 }), (ops) => {
        let m = RMap.EMPTY;
        let model: Entry[] = [];
        const history: [RMap, Entry[]][] = [];
        for (const [add, i, val] of ops) {
          const k = pool[i] as Value;
          const at = model.findIndex(([mk]) => equals(mk, k));
          if (add || val === 0) {
            m = m.assoc(k, val);
            model = model.map((e): Entry => [e[0], e[1]]);
            if (at >= 0) (model[at] as Entry)[1] = val;
            else model.push([k, val]);
          } else {
            m = m.dissoc(k);
            if (at >= 0) model = model.filter((_e, j) => j !== at);
          }
          if (history.length < 12) history.push([m, model]);
        }
        check(m, model);
        for (const [old, oldModel] of history) check(old, oldModel);
      }),
      { numRuns: 100 },
    );
  });

  it('owned updates (reduce transients) never change a map someone else holds (100 runs)', () => {
    // Bursts of assocOwned under a fresh token, from a fresh object over a shared map,
    // mixed with persistent assoc/dissoc; every map between bursts must keep its entries.
    const op = fc.tuple(
      fc.integer({ min: 0, max: 2 }),
      fc.array(fc.tuple(fc.nat(pool.length - 1), fc.integer({ min: 0, max: 3 })), {
        minLength: 1,
        maxLength: 40,
      }),
    );
    fc.assert(
      fc.property(fc.array(op, { minLength: 5, maxLength: 30 }), (ops) => {
        let m = RMap.EMPTY;
        let model: Entry[] = [];
        const history: [RMap, Entry[]][] = [];
        const set = (k: Value, val: number): void => {
          const at = model.findIndex(([mk]) => equals(mk, k));
          model = model.map((e): Entry => [e[0], e[1]]);
          if (at >= 0) (model[at] as Entry)[1] = val;
          else model.push([k, val]);
        };
        for (const [mode, burst] of ops) {
          if (mode === 0) {
            const edit = {};
            let t = m.ownedCopy();
            for (const [i, val] of burst) {
              t = t.assocOwned(pool[i] as Value, val, edit);
              set(pool[i] as Value, val);
            }
            m = t;
          } else {
            for (const [i, val] of burst) {
              const k = pool[i] as Value;
              if (mode === 1) {
                m = m.assoc(k, val);
                set(k, val);
              } else {
                m = m.dissoc(k);
                model = model.filter(([mk]) => !equals(mk, k));
              }
            }
          }
          history.push([m, model]);
        }
        for (const [old, oldModel] of history) check(old, oldModel);
      }),
      { numRuns: 100 },
    );
  });

  it('keeps insertion order after many removals and re-insertions', () => {
    let m = RMap.EMPTY;
    for (const k of plain) m = m.assoc(k, 0);
    // Churn: every round removes the first 40 keys and appends them again.
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 40; i++) m = m.dissoc(plain[i] as Value);
      for (let i = 0; i < 40; i++) m = m.assoc(plain[i] as Value, round);
    }
    expect(m.keys()).toEqual([...plain.slice(40), ...plain.slice(0, 40)]);
    expect(m.vals()).toEqual([...plain.slice(40).map(() => 0), ...plain.slice(0, 40).map(() => 4)]);
  });

  it('builds big literal maps (repeated key: first position, last value)', () => {
    const kvs: Value[] = [];
    for (const k of [...plain, ...colliding]) kvs.push(k, 1);
    kvs.push(plain[3] as Value, 9, colliding[5] as Value, 8);
    const m = RMap.fromFlat(kvs);
    expect(m.size).toBe(plain.length + colliding.length);
    expect(m.keys()).toEqual([...plain, ...colliding]);
    expect(m.get(plain[3] as Value)).toBe(9);
    expect(m.get(colliding[5] as Value)).toBe(8);
    const m2 = m.assoc(plain[3] as Value, 7);
    expect(m.get(plain[3] as Value)).toBe(9);
    expect(m2.get(plain[3] as Value)).toBe(7);
  });
});
