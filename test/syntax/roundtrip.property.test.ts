/**
 * Property: for every readable value `v`, reading `printValue(v)` gives back `v`,
 * with both readers. "Gives back" is checked three ways: exact sameness (floats by
 * `Object.is`, so `-0.0` and `##NaN` are covered, map order included), `equals`
 * (skipped when a `##NaN` is inside, since `##NaN` equals nothing), and printing the
 * result again gives the same text. Integers stay integers and floats stay floats,
 * lists stay lists and vectors stay vectors.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { read } from '../../src/syntax/index.js';
import { fastRead } from '../../src/syntax/fast-reader.js';
import { Source } from '../../src/source/index.js';
import {
  type Value,
  printValue,
  equals,
  typeName,
  float,
  RList,
  RVector,
  RMap,
} from '../../src/data/index.js';
import { same, hasNaN, dump } from '../support/forms.js';
import { value, atom, integer, floatValue, stringValue } from '../support/arbitraries.js';

function roundTrip(v: Value, fullReaderOnly: boolean): Value | undefined {
  const text = printValue(v);
  const r = read(text, '<print>', { fullReaderOnly });
  if (r.diagnostics.length > 0) {
    throw new Error(`${text}: ${r.diagnostics.map((d) => d.message).join('; ')}`);
  }
  if (r.forms.length !== 1) throw new Error(`${text}: read ${r.forms.length} forms`);
  return r.forms[0];
}

function checkRoundTrip(v: Value): void {
  const text = printValue(v);
  for (const fullReaderOnly of [false, true]) {
    const back = roundTrip(v, fullReaderOnly) as Value;
    expect(dump(back, false), text).toBe(dump(v, false));
    expect(same(back, v), text).toBe(true);
    if (!hasNaN(v)) expect(equals(back, v), text).toBe(true);
    expect(printValue(back)).toBe(text);
  }
}

describe('read(printValue(v)) = v', () => {
  it('holds for any readable value (2000 runs)', () => {
    fc.assert(fc.property(value, checkRoundTrip), { numRuns: 2000 });
  });

  it('holds for atoms (2000 runs)', () => {
    fc.assert(fc.property(atom, checkRoundTrip), { numRuns: 2000 });
  });

  it('takes the fast path for every printed value', () => {
    fc.assert(
      fc.property(value, (v) => {
        const text = printValue(v);
        const fast = fastRead(new Source('<print>', text));
        expect(fast, text).toBeDefined();
        expect(same(fast?.forms[0] as Value, v)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps integers and floats apart', () => {
    fc.assert(
      fc.property(integer, (n) => {
        const i = roundTrip(n, false);
        expect(typeName(i as Value)).toBe('integer');
        expect(i).toBe(n);
        if (typeof n === 'number') {
          const f = roundTrip(float(n), false);
          expect(typeName(f as Value)).toBe('float');
          expect(equals(f as Value, n)).toBe(false);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps lists and vectors apart', () => {
    fc.assert(
      fc.property(fc.array(atom, { maxLength: 4 }), (xs) => {
        const l = roundTrip(new RList(xs), false);
        const v = roundTrip(RVector.from(xs.slice()), false);
        expect(typeName(l as Value)).toBe('list');
        expect(typeName(v as Value)).toBe('vector');
        expect(equals(l as Value, v as Value)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps every double exactly, including -0.0 and ##NaN', () => {
    fc.assert(
      fc.property(floatValue, (f) => {
        const back = roundTrip(f, false);
        expect(Object.is((back as { value: number }).value, (f as { value: number }).value)).toBe(
          true,
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps every string exactly', () => {
    fc.assert(
      fc.property(stringValue, (s) => {
        expect(roundTrip(s, false)).toBe(s);
        expect(roundTrip(s, true)).toBe(s);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps map entries in insertion order, with any keys', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(value, atom), { maxLength: 24 }), (kvs) => {
        const m = RMap.fromFlat(kvs.flat());
        const back = roundTrip(m, false) as RMap;
        expect(printValue(back)).toBe(printValue(m));
        expect(back.size).toBe(m.size);
        expect(same(back, m)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
