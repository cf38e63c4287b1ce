import { describe, it, expect } from 'vitest';
import { read } from '../../src/syntax/full.js';
import {
  type Value,
  printValue,
  printValueStyled,
  printDisplay,
  formatFloat,
  quoteString,
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
  MIN_I64,
  MAX_I64,
} from '../../src/data/index.js';

describe('formatFloat', () => {
  it.each<[number, string]>([
    [4, '4.0'],
    [0, '0.0'],
    [-0, '-0.0'],
    [1.5, '1.5'],
    [-2.25, '-2.25'],
    [0.1, '0.1'],
    [100, '100.0'],
    [1e20, '100000000000000000000.0'],
    [1e21, '1.0E21'],
    [1.5e21, '1.5E21'],
    [1e-6, '0.000001'],
    [1e-7, '1.0E-7'],
    [1.5e-7, '1.5E-7'],
    [-1.5e-7, '-1.5E-7'],
    [123456789.125, '123456789.125'],
    [2 ** 53, '9007199254740992.0'],
    [5e-324, '5.0E-324'],
    [Number.MAX_VALUE, '1.7976931348623157E308'],
    [NaN, '##NaN'],
    [Infinity, '##Inf'],
    [-Infinity, '##-Inf'],
  ])('%s → %s', (x, text) => {
    expect(formatFloat(x)).toBe(text);
    expect(printValue(float(x))).toBe(text);
  });
});

describe('quoteString', () => {
  it.each<[string, string]>([
    ['', '""'],
    ['plain', '"plain"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['back\\slash', '"back\\\\slash"'],
    ['a\nb', '"a\\nb"'],
    ['a\tb', '"a\\tb"'],
    ['a\rb', '"a\\rb"'],
    ['\u0000', '"\\u0000"'],
    ['\u0007', '"\\u0007"'],
    ['\b\f', '"\\u0008\\u000c"'],
    ['\u001f', '"\\u001f"'],
    ['\u007f', '"\\u007f"'],
    ['é λ 日本 🎉', '"é λ 日本 🎉"'],
    ['\\n', '"\\\\n"'],
    ['; #| |# ( ]', '"; #| |# ( ]"'],
  ])('%j → %s', (s, text) => {
    expect(quoteString(s)).toBe(text);
    expect(printValue(s)).toBe(text);
  });
});

describe('printValue', () => {
  const fn = { kind: 'fn' as const, name: 'inc' };
  const anon = { kind: 'fn' as const, name: undefined };
  it.each<[string, Value, string]>([
    ['nil', null, 'nil'],
    ['true', true, 'true'],
    ['false', false, 'false'],
    ['int', 42, '42'],
    ['negative int', -7, '-7'],
    ['max i64', MAX_I64, '9223372036854775807'],
    ['min i64', MIN_I64, '-9223372036854775808'],
    ['float', float(4), '4.0'],
    ['keyword', kw('a.b/c'), ':a.b/c'],
    ['versioned keyword', kw('com.acme:v1.0/op'), ':com.acme:v1.0/op'],
    ['symbol', sym('my-fn'), 'my-fn'],
    ['timestamp', new Timestamp('2024-01-15T10:30:00Z'), '2024-01-15T10:30:00Z'],
    [
      'uuid',
      new Uuid('550e8400-e29b-41d4-a716-446655440000'),
      '550e8400-e29b-41d4-a716-446655440000',
    ],
    ['resource', new ResourceHandle('resource://db/main'), 'resource://db/main'],
    ['empty list', RList.EMPTY, '()'],
    ['empty vector', RVector.EMPTY, '[]'],
    ['empty map', RMap.EMPTY, '{}'],
    ['list', RList.of(sym('+'), 1, float(2)), '(+ 1 2.0)'],
    ['vector', RVector.of(1, 'x', null), '[1 "x" nil]'],
    ['map', RMap.of(kw('a'), 1, 'b', RVector.of(2), 3, kw('c')), '{:a 1 "b" [2] 3 :c}'],
    ['nested', RVector.of(RList.of(RMap.of(RVector.of(1), RList.EMPTY))), '[({[1] ()})]'],
    ['symbol with metadata', sym('f').withMeta(RMap.of(kw('private'), true)), 'f'],
    ['named fn', fn, '#<fn inc>'],
    ['anonymous fn', anon, '#<fn>'],
    [
      'error',
      new RErrorValue('boom', kw('runtime/division-by-zero'), null),
      '#<error :runtime/division-by-zero: boom>',
    ],
  ])('%s', (_name, v, text) => {
    expect(printValue(v)).toBe(text);
  });
});

describe('printDisplay', () => {
  it('writes a top-level string raw and nil as empty', () => {
    expect(printDisplay('a "b"\n')).toBe('a "b"\n');
    expect(printDisplay(null)).toBe('');
  });

  it('writes nested values readably', () => {
    expect(printDisplay(RVector.of('x', null, float(1)))).toBe('["x" nil 1.0]');
    expect(printDisplay(kw('k'))).toBe(':k');
    expect(printDisplay(float(-0))).toBe('-0.0');
  });
});

describe('printValueStyled', () => {
  it('passes every atom through the painter, leaving brackets and spaces alone', () => {
    const v = read('[1 2.5 "s" :k nil true sym {:a (x)}]').forms[0] as Value;
    const styled = printValueStyled(v, (_leaf, text) => `<${text}>`);
    expect(styled).toBe('[<1> <2.5> <"s"> <:k> <nil> <true> <sym> {<:a> (<x>)}]');
    expect(printValueStyled(v, (_leaf, text) => text)).toBe(printValue(v));
  });

  it('hands the painter the atom itself', () => {
    const kinds: string[] = [];
    printValueStyled(read('[1 "s" :k 1.5]').forms[0] as Value, (leaf) => {
      kinds.push(typeof leaf === 'object' && leaf !== null ? leaf.kind : typeof leaf);
      return '';
    });
    expect(kinds).toEqual(['number', 'string', 'keyword', 'float']);
  });
});
