import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  type Value,
  equals,
  hashValue,
  float,
  kw,
  sym,
  RList,
  RVector,
  RMap,
  Timestamp,
  Uuid,
  ResourceHandle,
  RErrorValue,
  printValue,
} from '../../src/data/index.js';
import { read } from '../../src/syntax/index.js';
import { value } from '../support/arbitraries.js';
import { hasNaN } from '../support/forms.js';

const v = (...xs: Value[]): RVector => RVector.from(xs);
const l = (...xs: Value[]): RList => new RList(xs);
const m = (...kvs: Value[]): RMap => RMap.fromFlat(kvs);

/** A structurally equal but physically distinct copy (read back from its printed form). */
function copy(x: Value): Value {
  return read(printValue(x)).forms[0] as Value;
}

describe('equals', () => {
  it.each<[string, Value, Value, boolean]>([
    ['int = int', 1, 1, true],
    ['int ≠ float', 1, float(1), false],
    ['float = float', float(1.5), float(1.5), true],
    ['0.0 = -0.0', float(0), float(-0), true],
    ['bigint = bigint', 2n ** 60n, 2n ** 60n + 0n, true],
    ['bigint ≠ other bigint', 2n ** 60n, 2n ** 60n + 1n, false],
    ['bigint ≠ float', 2n ** 60n, float(2 ** 60), false],
    ['nil = nil', null, null, true],
    ['nil ≠ false', null, false, false],
    ['false ≠ 0', false, 0, false],
    ['"" ≠ nil', '', null, false],
    ['string = string', 'a', 'a', true],
    ['keyword ≠ string', kw('a'), 'a', false],
    ['keyword ≠ symbol', kw('a'), sym('a'), false],
    ['symbol ≠ string', sym('a'), 'a', false],
    ['keyword = keyword', kw('a/b'), kw('a/b'), true],
    ['symbol = symbol with metadata', sym('f'), sym('f').withMeta(m(kw('private'), true)), true],
    ['list ≠ vector', l(1, 2), v(1, 2), false],
    ['() ≠ []', l(), v(), false],
    ['[] ≠ {}', v(), RMap.EMPTY, false],
    ['list = list', l(1, l(2)), l(1, l(2)), true],
    ['vector = vector', v(1, v(2)), v(1, v(2)), true],
    ['[1] ≠ [1.0]', v(1), v(float(1)), false],
    ['[1 2] ≠ [1]', v(1, 2), v(1), false],
    ['map order does not matter', m(kw('a'), 1, kw('b'), 2), m(kw('b'), 2, kw('a'), 1), true],
    ['map values differ', m(kw('a'), 1), m(kw('a'), float(1)), false],
    ['map keys differ', m(kw('a'), 1), m('a', 1), false],
    ['map sizes differ', m(kw('a'), 1), m(kw('a'), 1, kw('b'), 2), false],
    ['nil value ≠ missing key', m(kw('a'), null, kw('b'), 1), m(kw('c'), null, kw('b'), 1), false],
    ['collection keys compare structurally', m(v(1, 2), 1), m(v(1, 2), 1), true],
    ['list key ≠ vector key', m(l(1, 2), 1), m(v(1, 2), 1), false],
    [
      'timestamp = timestamp',
      new Timestamp('2024-01-15T10:30:00Z'),
      new Timestamp('2024-01-15T10:30:00Z'),
      true,
    ],
    ['timestamp ≠ string', new Timestamp('2024-01-15T10:30:00Z'), '2024-01-15T10:30:00Z', false],
    ['timestamp ≠ uuid with the same text', new Timestamp('x'), new Uuid('x'), false],
    ['uuid ≠ resource with the same text', new Uuid('x'), new ResourceHandle('x'), false],
    [
      'resource = resource',
      new ResourceHandle('resource://a'),
      new ResourceHandle('resource://a'),
      true,
    ],
  ])('%s', (_name, a, b, expected) => {
    expect(equals(a, b)).toBe(expected);
    expect(equals(b, a)).toBe(expected);
    if (expected) expect(hashValue(a)).toBe(hashValue(b));
  });

  it('never equates ##NaN, not even with itself', () => {
    const nan = float(NaN);
    expect(equals(nan, nan)).toBe(false);
    expect(equals(nan, float(NaN))).toBe(false);
    expect(equals(v(nan), v(nan))).toBe(false);
    expect(equals(m(kw('a'), nan), m(kw('a'), nan))).toBe(false);
  });

  it('compares functions and error values by identity', () => {
    const f = { kind: 'fn' as const, name: 'f' };
    const g = { kind: 'fn' as const, name: 'f' };
    expect(equals(f, f)).toBe(true);
    expect(equals(f, g)).toBe(false);
    const e = new RErrorValue('boom', kw('runtime/x'), null);
    expect(equals(e, e)).toBe(true);
    expect(equals(e, new RErrorValue('boom', kw('runtime/x'), null))).toBe(false);
  });

  it('agrees with the equals methods used by immutable.js', () => {
    expect(v(1, 2).equals(v(1, 2))).toBe(true);
    expect(l(1).equals(v(1))).toBe(false);
    expect(m(kw('a'), 1).equals(m(kw('a'), 1))).toBe(true);
    expect(float(2).equals(float(2))).toBe(true);
    expect(float(NaN).equals(float(NaN))).toBe(false);
    expect(new Uuid('x').equals(new Timestamp('x'))).toBe(false);
  });

  it('is reflexive on copies, symmetric, and consistent with hashValue (1000 runs)', () => {
    fc.assert(
      fc.property(value, value, (a, b) => {
        const a2 = copy(a);
        if (!hasNaN(a)) {
          expect(equals(a, a2)).toBe(true);
          expect(hashValue(a)).toBe(hashValue(a2));
        }
        expect(equals(a, b)).toBe(equals(b, a));
        if (equals(a, b)) expect(hashValue(a)).toBe(hashValue(b));
      }),
      { numRuns: 1000 },
    );
  });

  it('hashes maps independently of insertion order', () => {
    const pairs: Value[][] = [];
    for (let i = 0; i < 40; i++) pairs.push([kw(`k${i}`), i]);
    const forward = RMap.fromFlat(pairs.flat());
    const backward = RMap.fromFlat(pairs.slice().reverse().flat());
    expect(equals(forward, backward)).toBe(true);
    expect(hashValue(forward)).toBe(hashValue(backward));
    expect(forward.hashCode()).toBe(backward.hashCode());
  });
});
