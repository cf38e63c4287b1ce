import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  type Value,
  RMap,
  RVector,
  RList,
  equals,
  hashValue,
  float,
  kw,
  sym,
  printValue,
  Timestamp,
} from '../../src/data/index.js';

const keys = (n: number, from = 0): Value[] =>
  Array.from({ length: n }, (_, i) => kw(`k${from + i}`));

function build(n: number): RMap {
  let m = RMap.EMPTY;
  for (const [i, k] of keys(n).entries()) m = m.assoc(k, i);
  return m;
}

describe('RMap', () => {
  it('keeps insertion order', () => {
    const m = RMap.EMPTY.assoc(kw('z'), 1).assoc(kw('a'), 2).assoc('m', 3).assoc(10, 4);
    expect(printValue(m)).toBe('{:z 1 :a 2 "m" 3 10 4}');
    expect(m.keys()).toEqual([kw('z'), kw('a'), 'm', 10]);
    expect(m.vals()).toEqual([1, 2, 3, 4]);
    expect([...m.entries()]).toEqual([
      [kw('z'), 1],
      [kw('a'), 2],
      ['m', 3],
      [10, 4],
    ]);
  });

  it('keeps the first position and the last value of a repeated key', () => {
    const m = RMap.fromFlat([kw('a'), 1, kw('b'), 2, kw('a'), 3]);
    expect(printValue(m)).toBe('{:a 3 :b 2}');
    expect(m.size).toBe(2);
    const big = RMap.fromFlat([...keys(20).flatMap((k, i) => [k, i]), kw('k0'), 'last']);
    expect(big.size).toBe(20);
    expect(big.keys()[0]).toBe(kw('k0'));
    expect(big.get(kw('k0'))).toBe('last');
  });

  it('replaces a value in place, keeping the position', () => {
    const m = RMap.of(kw('a'), 1, kw('b'), 2).assoc(kw('a'), 9);
    expect(printValue(m)).toBe('{:a 9 :b 2}');
    const big = build(20).assoc(kw('k3'), 'x');
    expect(big.keys().indexOf(kw('k3'))).toBe(3);
    expect(big.get(kw('k3'))).toBe('x');
  });

  it('never changes a map on assoc or dissoc', () => {
    const m1 = RMap.of(kw('a'), 1);
    const m2 = m1.assoc(kw('b'), 2);
    const m3 = m2.assoc(kw('a'), 3);
    const m4 = m3.dissoc(kw('b'));
    expect(printValue(m1)).toBe('{:a 1}');
    expect(printValue(m2)).toBe('{:a 1 :b 2}');
    expect(printValue(m3)).toBe('{:a 3 :b 2}');
    expect(printValue(m4)).toBe('{:a 3}');
    expect(m1.dissoc(kw('zz'))).toBe(m1);
    expect(m1.assoc(kw('a'), 1)).toBe(m1);
  });

  it('never changes a big map on assoc or dissoc', () => {
    const m = build(30);
    const before = printValue(m);
    const a = m.assoc(kw('new'), 1);
    const b = m.dissoc(kw('k5'));
    const c = m.assoc(kw('k5'), 'changed');
    expect(printValue(m)).toBe(before);
    expect(a.size).toBe(31);
    expect(b.size).toBe(29);
    expect(b.has(kw('k5'))).toBe(false);
    expect(c.get(kw('k5'))).toBe('changed');
    expect(m.get(kw('k5'))).toBe(5);
  });

  it('switches from a small map to a big one past 16 keys and back', () => {
    let m = RMap.EMPTY;
    for (let i = 0; i < 40; i++) {
      m = m.assoc(kw(`k${i}`), i);
      expect(m.size).toBe(i + 1);
      for (let j = 0; j <= i; j++) expect(m.get(kw(`k${j}`))).toBe(j);
      expect(m.keys()).toEqual(keys(i + 1));
    }
    for (let i = 0; i < 40; i += 1) {
      m = m.dissoc(kw(`k${i}`));
      expect(m.size).toBe(39 - i);
      expect(m.get(kw(`k${i}`))).toBeUndefined();
      expect(m.keys()).toEqual(keys(39 - i, i + 1));
      if (i + 1 < 40) expect(m.get(kw(`k${i + 1}`))).toBe(i + 1);
    }
    expect(equals(m, RMap.EMPTY)).toBe(true);
  });

  it('treats maps with the same entries as equal whatever their size class', () => {
    // 20 keys assoc'ed then 12 removed (a map that was big) vs. 8 keys built directly.
    let shrunk = build(20);
    for (let i = 8; i < 20; i++) shrunk = shrunk.dissoc(kw(`k${i}`));
    const direct = build(8);
    expect(equals(shrunk, direct)).toBe(true);
    expect(hashValue(shrunk)).toBe(hashValue(direct));
    expect(printValue(shrunk)).toBe(printValue(direct));
    // 17 keys from fromFlat (big) vs 17 by assoc (small then big).
    const flat = RMap.fromFlat(keys(17).flatMap((k, i) => [k, i]));
    expect(equals(flat, build(17))).toBe(true);
  });

  it('accepts any value as a key, structurally', () => {
    const entries: Value[] = [
      v(1, 2),
      'vector',
      l(1, 2),
      'list',
      1,
      'int',
      float(1),
      'float',
      '1',
      'string',
      kw('1'),
      'keyword',
      sym('a'),
      'symbol',
      null,
      'nil',
      false,
      'false',
      RMap.of(kw('a'), 1),
      'map',
      2n ** 60n,
      'bigint',
      new Timestamp('2024-01-15T10:30:00Z'),
      'timestamp',
    ];
    for (const m of [RMap.fromFlat(entries.slice()), toBig(RMap.fromFlat(entries.slice()))]) {
      expect(m.get(v(1, 2))).toBe('vector');
      expect(m.get(l(1, 2))).toBe('list');
      expect(m.get(1)).toBe('int');
      expect(m.get(float(1))).toBe('float');
      expect(m.get('1')).toBe('string');
      expect(m.get(kw('1'))).toBe('keyword');
      expect(m.get(sym('a').withMeta(RMap.of(kw('m'), true)))).toBe('symbol');
      expect(m.get(null)).toBe('nil');
      expect(m.get(false)).toBe('false');
      expect(m.get(RMap.of(kw('a'), 1))).toBe('map');
      expect(m.get(2n ** 60n)).toBe('bigint');
      expect(m.get(new Timestamp('2024-01-15T10:30:00Z'))).toBe('timestamp');
      expect(m.get(float(2))).toBeUndefined();
      expect(m.get(v(1))).toBeUndefined();
      expect(m.get(0)).toBeUndefined();
      expect(m.get('')).toBeUndefined();
      expect(m.has(null)).toBe(true);
      expect(m.has(true)).toBe(false);
    }
  });

  it('keeps 1 and 1.0 as separate keys', () => {
    const m = RMap.EMPTY.assoc(1, 'int').assoc(float(1), 'float');
    expect(m.size).toBe(2);
    expect(printValue(m)).toBe('{1 "int" 1.0 "float"}');
    expect(m.dissoc(1).get(float(1))).toBe('float');
    expect(m.dissoc(float(1)).get(1)).toBe('int');
  });

  it('finds keys read separately (equal but not identical)', () => {
    const k1 = RVector.from([kw('a'), 'b']);
    const k2 = RVector.from([kw('a'), 'b']);
    const m = RMap.of(k1, 1);
    expect(m.get(k2)).toBe(1);
    expect(m.assoc(k2, 2).size).toBe(1);
    expect(m.dissoc(k2).size).toBe(0);
  });

  it('treats a ##NaN key the same way in small and big maps', () => {
    const nan = float(NaN);
    const small = RMap.of(nan, 1, kw('x'), 2);
    const big = toBig(RMap.fromFlat([nan, 1, ...keys(10).flatMap((k, i) => [k, i])]));
    for (const m of [small, big]) {
      // The very same key object is found (identity, as in Clojure and immutable.js)…
      expect(m.get(nan)).toBe(1);
      expect(m.has(nan)).toBe(true);
      expect(m.assoc(nan, 9).size).toBe(m.size);
      expect(m.dissoc(nan).size).toBe(m.size - 1);
      // …but another ##NaN is a different key, since ##NaN equals nothing.
      expect(m.get(float(NaN))).toBeUndefined();
      expect(m.assoc(float(NaN), 3).size).toBe(m.size + 1);
    }
    expect(RMap.fromFlat([nan, 1, nan, 2]).size).toBe(1);
    expect(RMap.fromFlat([nan, 1, float(NaN), 2]).size).toBe(2);
  });

  it('carries metadata through assoc and dissoc', () => {
    const meta = RMap.of(kw('doc'), 'd');
    const m = RMap.of(kw('a'), 1).withMeta(meta);
    expect(m.assoc(kw('b'), 2).meta).toBe(meta);
    expect(m.dissoc(kw('a')).meta).toBe(meta);
    expect(equals(m, RMap.of(kw('a'), 1))).toBe(true);
  });

  it('behaves like a reference model under random assoc/dissoc (500 runs)', () => {
    const pool: Value[] = [
      ...keys(24),
      1,
      float(1),
      'k0',
      null,
      false,
      v(1),
      l(1),
      2n ** 62n,
      sym('s'),
    ];
    const op = fc.oneof(
      fc.tuple(fc.constant('assoc' as const), fc.nat(pool.length - 1), fc.integer()),
      fc.tuple(fc.constant('dissoc' as const), fc.nat(pool.length - 1), fc.constant(0)),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 120 }), (ops) => {
        let m = RMap.EMPTY;
        const model: [Value, Value][] = [];
        for (const [kind, i, val] of ops) {
          const k = pool[i] as Value;
          const at = model.findIndex(([mk]) => equals(mk, k));
          if (kind === 'assoc') {
            m = m.assoc(k, val);
            if (at >= 0) (model[at] as [Value, Value])[1] = val;
            else model.push([k, val]);
          } else {
            m = m.dissoc(k);
            if (at >= 0) model.splice(at, 1);
          }
          expect(m.size).toBe(model.length);
        }
        expect([...m.entries()]).toEqual(model);
        for (const k of pool) {
          const entry = model.find(([mk]) => equals(mk, k));
          expect(m.get(k)).toBe(entry?.[1]);
          expect(m.has(k)).toBe(entry !== undefined);
        }
        expect(equals(m, RMap.fromFlat(model.flat()))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

function v(...xs: Value[]): RVector {
  return RVector.from(xs);
}

function l(...xs: Value[]): RList {
  return new RList(xs);
}

/**
 * The same entries in the big (hash trie) representation: 20 filler keys push the map
 * past 16 entries, and removing them again leaves it big as long as more than 8
 * entries remain (a big map only turns small again at 8 entries or fewer).
 */
function toBig(m: RMap): RMap {
  expect(m.size).toBeGreaterThan(8);
  const filler = keys(20, 1000);
  let big = m;
  for (const k of filler) big = big.assoc(k, 0);
  for (const k of filler) big = big.dissoc(k);
  expect(big.size).toBe(m.size);
  return big;
}
