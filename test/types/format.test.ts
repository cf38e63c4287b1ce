/** Message formats: paths, mismatches, the full type-error texts, bounded printing. */
import { describe, it, expect } from 'vitest';
import { RVector, RMap, kw, float } from '../../src/data/index.js';
import {
  argumentContext,
  checkValue,
  compileValidator,
  defContext,
  describeValue,
  formatMismatch,
  formatPath,
  formatPredicate,
  letContext,
  matchesType,
  printBounded,
  restArgumentContext,
  returnContext,
  typeErrorMessage,
  type Mismatch,
} from '../../src/types/index.js';
import { form, type } from './helpers.js';

function mismatch(t: string, v: string): Mismatch {
  const m = compileValidator(type(t))(form(v));
  if (m === undefined) throw new Error(`${v} matches ${t}`);
  return m;
}

describe('formatPath', () => {
  it.each([
    [[], ''],
    [['age'], '.age'],
    [[1], '[1]'],
    [['n', 1], '.n[1]'],
    [['items', 2, 'name'], '.items[2].name'],
    [['a b'], '["a b"]'],
    [['x.y', 0], '["x.y"][0]'],
    [['ns/k'], '.ns/k'],
  ] as [(string | number)[], string][])('%j → %s', (path, text) => {
    expect(formatPath(path)).toBe(text);
  });
});

describe('Mismatch', () => {
  it('has a structured path, expected and actual', () => {
    expect(mismatch('[:map [:tags [:vector :keyword]]]', '{:tags [:a "x"]}')).toEqual({
      path: ['tags', 1],
      expected: ':keyword',
      actual: 'string "x"',
    });
  });

  it('formats with and without a path', () => {
    expect(formatMismatch(mismatch('[:map [:tags [:vector :keyword]]]', '{:tags [:a "x"]}'))).toBe(
      'at .tags[1]: expected :keyword, got string "x"',
    );
    expect(formatMismatch(mismatch(':int', '"x"'))).toBe('expected :int, got string "x"');
  });
});

describe('typeErrorMessage', () => {
  it('names the argument and the function', () => {
    expect(typeErrorMessage(argumentContext('n', 'add'), mismatch(':int', '"x"'))).toBe(
      `type mismatch in argument 'n' of add: expected :int, got string "x"`,
    );
    expect(typeErrorMessage(argumentContext('n', undefined), mismatch(':int', 'nil'))).toBe(
      `type mismatch in argument 'n' of an anonymous fn: expected :int, got nil`,
    );
  });

  it('names rest arguments, return values, let bindings and defs', () => {
    expect(typeErrorMessage(restArgumentContext(2, 'sum'), mismatch(':int', '1.5'))).toBe(
      'type mismatch in rest argument 2 of sum: expected :int, got float 1.5',
    );
    expect(typeErrorMessage(returnContext('f'), mismatch('[:vector :int]', '[1 "two"]'))).toBe(
      'type mismatch in the return value of f at [1]: expected :int, got string "two"',
    );
    expect(typeErrorMessage(letContext('x'), mismatch(':string', ':s'))).toBe(
      `type mismatch in let binding 'x': expected :string, got keyword :s`,
    );
    expect(
      typeErrorMessage(defContext('config'), mismatch('[:map [:port :int]]', '{:port "80"}')),
    ).toBe(`type mismatch in def 'config' at .port: expected :int, got string "80"`);
  });
});

describe('describeValue', () => {
  it.each([
    [null, 'nil'],
    [true, 'boolean true'],
    [3, 'integer 3'],
    [2n ** 63n - 1n, 'integer 9223372036854775807'],
    [float(3), 'float 3.0'],
    ['a"b', 'string "a\\"b"'],
    [kw('k'), 'keyword :k'],
    [RVector.of(1, kw('a')), 'vector [1 :a]'],
    [RMap.of(kw('a'), 1), 'map {:a 1}'],
  ])('%s → %s', (v, text) => {
    expect(describeValue(v)).toBe(text);
  });

  it('describes functions, lists and symbols', () => {
    expect(describeValue({ kind: 'fn', name: 'inc' })).toBe('function #<fn inc>');
    expect(describeValue(form('(1 2)'))).toBe('list (1 2)');
    expect(describeValue(form('foo'))).toBe('symbol foo');
  });
});

describe('printBounded', () => {
  it('prints short values in full', () => {
    expect(printBounded(form('{:a [1 2] :b "x"}'), 60)).toBe('{:a [1 2] :b "x"}');
  });

  it('stops early on long values', () => {
    const v = RVector.from(Array.from({ length: 100_000 }, (_, i) => i));
    const s = printBounded(v, 20);
    expect(s).toBe('[0 1 2 3 4 5 6 7 8 9…');
  });

  it('cuts nested maps and lists', () => {
    expect(printBounded(form('{:a (1 2 3 4 5 6 7 8 9)}'), 10)).toBe('{:a (1 2 3…');
  });
});

describe('formatPredicate', () => {
  it('prints every predicate', () => {
    const t = type(
      '[:and :any [:> 1] [:<= 2.5] [:!= :x] [:max-count 3] [:matches-regex "a\\\\d"] [:in-range 0 1] :non-empty [:has-key :k] [:required-keys [:a "b"]]]',
    );
    if (t.kind !== 'and') throw new Error('not an and');
    expect(t.predicates.map(formatPredicate)).toEqual([
      '[:> 1]',
      '[:<= 2.5]',
      '[:!= :x]',
      '[:max-count 3]',
      '[:matches-regex "a\\\\d"]',
      '[:in-range 0 1]',
      '[:non-empty]',
      '[:has-key :k]',
      '[:required-keys [:a "b"]]',
    ]);
  });
});

describe('validators', () => {
  it('run through checkValue and matchesType', () => {
    const t = type('[:vector :int]');
    expect(checkValue(compileValidator(t), form('[1 2]'))).toBeUndefined();
    expect(checkValue(compileValidator(t), form('[1 nil]'))?.path).toEqual([1]);
    expect(matchesType(t, form('[1]'))).toBe(true);
    expect(matchesType(t, form('(1)'))).toBe(false);
  });

  it('compile the same type object more than once', () => {
    const t = type('[:vector :int]');
    const a = compileValidator(t);
    const b = compileValidator(t);
    expect(a(form('[1]'))).toBeUndefined();
    expect(b(form('[:x]'))?.path).toEqual([0]);
  });

  it('return undefined (no allocation) for matching values, repeatedly', () => {
    const v = compileValidator(
      type('[:map [:id :int] [:tags [:vector :keyword]] [:score [:and :float [:>= 0]]]]'),
    );
    const value = form('{:id 1 :tags [:a :b] :score 0.5}');
    for (let i = 0; i < 1000; i++) expect(v(value)).toBeUndefined();
  });

  it('report fresh paths on every failure', () => {
    const v = compileValidator(type('[:vector :int]'));
    const a = v(form('[1 :x]'));
    const b = v(form('[:y]'));
    expect(a?.path).toEqual([1]);
    expect(b?.path).toEqual([0]);
  });

  it('check nested maps with wildcard entries', () => {
    const v = compileValidator(type('[:map [:* [:map [:* :int]]]]'));
    expect(v(form('{:a {:x 1} :b {:y 2}}'))).toBeUndefined();
    expect(formatMismatch(v(form('{:a {:x 1} :b {:y "2"}}')) as Mismatch)).toBe(
      'at .b.y: expected :int, got string "2"',
    );
  });
});
