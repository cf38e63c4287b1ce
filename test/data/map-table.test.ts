/**
 * Table maps (src/data/map-table.ts): big maps with plain keys built in place by an
 * owner. They must be indistinguishable from trie maps: same entries, order, equality
 * and hash, and no map anyone can still see ever changes.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  type Value,
  MapBuilder,
  RMap,
  RVector,
  equals,
  float,
  hashValue,
  kw,
} from '../../src/data/index.js';

const keys: Value[] = [
  ...Array.from({ length: 40 }, (_, i) => kw(`k${i}`)),
  ...Array.from({ length: 10 }, (_, i) => `s${i}`),
  ...Array.from({ length: 10 }, (_, i) => i),
  true,
  null,
];

type Entry = [Value, Value];

/** A map built in place under one token (the way `reduce` builds its accumulator). */
function owned(start: RMap, entries: readonly Entry[], writes = entries.length): RMap {
  const edit = {};
  let m = start.ownedCopy(edit, writes);
  for (const [k, v] of entries) m = m.assocOwned(k, v, edit);
  return m;
}

/** The same map built by persistent `assoc` (small array, then trie). */
function persistent(entries: readonly Entry[]): RMap {
  let m = RMap.EMPTY;
  for (const [k, v] of entries) m = m.assoc(k, v);
  return m;
}

function check(m: RMap, model: readonly Entry[]): void {
  expect(m.size).toBe(model.length);
  expect([...m.entries()]).toEqual(model);
  for (const k of keys) expect(m.get(k)).toBe(model.find(([mk]) => mk === k)?.[1]);
}

function modelOf(entries: readonly Entry[]): Entry[] {
  const out: Entry[] = [];
  for (const [k, v] of entries) {
    const at = out.findIndex(([mk]) => mk === k);
    if (at >= 0) out[at] = [k, v];
    else out.push([k, v]);
  }
  return out;
}

const entry = fc.tuple(fc.nat(keys.length - 1), fc.integer({ min: 0, max: 5 }));
const toEntries = (xs: readonly [number, number][]): Entry[] =>
  xs.map(([i, v]): Entry => [keys[i] as Value, v]);

describe('RMap table maps (owned builds with plain keys)', () => {
  it('agree with persistently built maps: entries, order, equality and hash (200 runs)', () => {
    fc.assert(
      fc.property(fc.array(entry, { minLength: 0, maxLength: 120 }), (xs) => {
        const es = toEntries(xs);
        const a = owned(RMap.EMPTY, es);
        const b = persistent(es);
        check(a, modelOf(es));
        expect(equals(a, b)).toBe(true);
        expect(equals(b, a)).toBe(true);
        expect(hashValue(a)).toBe(hashValue(b));
        expect(RMap.fromFlat(a.toFlat()).equals(a)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('never change a map someone holds: later owned builds, assoc and dissoc (200 runs)', () => {
    const step = fc.tuple(fc.integer({ min: 0, max: 3 }), fc.array(entry, { maxLength: 60 }));
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 8 }), (steps) => {
        let m = RMap.EMPTY;
        let model: Entry[] = [];
        const history: [RMap, Entry[]][] = [];
        for (const [mode, xs] of steps) {
          const es = toEntries(xs);
          if (mode === 0) m = owned(m, es);
          // Few writes for a big map: the trie is derived instead of the table copied.
          else if (mode === 1) m = owned(m, es, 0);
          else if (mode === 2) for (const [k, v] of es) m = m.assoc(k, v);
          else for (const [k] of es) m = m.dissoc(k);
          if (mode === 3) model = model.filter(([k]) => !es.some(([d]) => d === k));
          else model = modelOf([...model, ...es]);
          history.push([m, model]);
        }
        for (const [old, oldModel] of history) check(old, oldModel);
      }),
      { numRuns: 200 },
    );
  });

  it('share key columns between owners of one table: each sees only its own keys (200 runs)', () => {
    // Each step starts an owned build from any earlier map (siblings of one table
    // append to, or copy, the shared key columns); every map keeps its entries.
    const step = fc.tuple(fc.nat(), fc.array(entry, { maxLength: 60 }));
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 10 }), (steps) => {
        const history: [RMap, Entry[]][] = [[RMap.EMPTY, []]];
        for (const [pick, xs] of steps) {
          const [start, startModel] = history[pick % history.length] as [RMap, Entry[]];
          const es = toEntries(xs);
          history.push([owned(start, es), modelOf([...startModel, ...es])]);
        }
        for (const [m, model] of history) check(m, model);
      }),
      { numRuns: 200 },
    );
  });

  it('leave the start of an owned update of every key as it was', () => {
    const ks = Array.from({ length: 1000 }, (_, i) => kw(`u${i}`));
    const m = owned(
      RMap.EMPTY,
      ks.map((k): Entry => [k, 1]),
    );
    const edit = {};
    let m2 = m.ownedCopy(edit, ks.length);
    for (const k of ks) m2 = m2.assocOwned(k, (m2.get(k) as number) + 1, edit);
    expect(m.size).toBe(1000);
    expect(m2.size).toBe(1000);
    expect(ks.every((k) => m.get(k) === 1 && m2.get(k) === 2)).toBe(true);
    expect(m.keys()).toEqual(m2.keys());
    // A key added under the second owner is not in the first map.
    m2 = m2.assocOwned(kw('new'), 0, edit);
    expect(m.has(kw('new'))).toBe(false);
    expect(m.get(kw('new'))).toBe(undefined);
    expect(m2.get(kw('new'))).toBe(0);
    expect(m.keys()).toHaveLength(1000);
  });

  it('move to a trie when an owner adds a key a table cannot hold', () => {
    const es: Entry[] = keys.slice(0, 30).map((k, i): Entry => [k, i]);
    const edit = {};
    let m = RMap.EMPTY.ownedCopy(edit, 40);
    for (const [k, v] of es) m = m.assocOwned(k, v, edit);
    const before = m;
    const v12 = RVector.from([1, 2]);
    m = m.assocOwned(v12, 'v', edit).assocOwned(float(1), 'f', edit);
    m = m.assocOwned(kw('k0'), 'again', edit);
    expect(m.get(RVector.from([1, 2]))).toBe('v');
    expect(m.get(float(1))).toBe('f');
    expect(m.get(1)).toBe(undefined);
    expect(m.get(kw('k0'))).toBe('again');
    expect(m.keys().slice(-2)).toEqual([v12, float(1)]);
    expect(m.size).toBe(32);
    // The map before the switch is still what it was (its table is frozen, not moved).
    expect(before.size).toBe(30);
    expect(before.get(kw('k0'))).toBe(0);
  });

  it('freeze under withMeta: the owner can no longer change the shared table', () => {
    const edit = {};
    let m = RMap.EMPTY.ownedCopy(edit, 100);
    for (let i = 0; i < 20; i++) m = m.assocOwned(kw(`k${i}`), i, edit);
    const tagged = m.withMeta(RMap.of(kw('tag'), true));
    const next = m.assocOwned(kw('k0'), 'changed', edit);
    expect(tagged.get(kw('k0'))).toBe(0);
    expect(m.get(kw('k0'))).toBe(0);
    expect(next.get(kw('k0'))).toBe('changed');
  });

  it('MapBuilder builds a table and leaves its start alone', () => {
    const start = persistent(keys.slice(0, 5).map((k): Entry => [k, 0]));
    const b = new MapBuilder(start);
    for (let i = 0; i < keys.length; i++) b.assoc(keys[i] as Value, i);
    const m = b.build();
    expect(start.size).toBe(5);
    expect(start.get(keys[0] as Value)).toBe(0);
    expect(m.size).toBe(keys.length);
    expect(m.keys()).toEqual(keys);
    expect(m.dissoc(keys[3] as Value).size).toBe(keys.length - 1);
    expect(m.size).toBe(keys.length);
  });
});
