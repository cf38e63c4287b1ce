import { describe, it, expect } from 'vitest';
import {
  type Value,
  Keyword,
  Sym,
  kw,
  sym,
  float,
  Timestamp,
  Uuid,
  ResourceHandle,
  RList,
  RVector,
  RMap,
  RErrorValue,
  typeName,
  isInt,
  isTruthy,
  normalizeInt,
  MIN_I64,
  MAX_I64,
} from '../../src/data/index.js';

describe('keywords', () => {
  it('are interned', () => {
    expect(kw('a')).toBe(kw('a'));
    expect(Keyword.of('x/y')).toBe(kw('x/y'));
    expect(kw('a')).not.toBe(kw('b'));
  });

  it.each<[string, string | null, string]>([
    ['a', null, 'a'],
    ['a.b/c', 'a.b', 'c'],
    ['com.acme:v1.0/op', 'com.acme:v1.0', 'op'],
    ['/', null, '/'],
    ['a/b/c', 'a/b', 'c'],
    ['/b', null, '/b'],
    ['a/', 'a', ''],
  ])(':%s has namespace %s and name %s', (name, ns, local) => {
    expect(kw(name).ns).toBe(ns);
    expect(kw(name).local).toBe(local);
    expect(kw(name).toString()).toBe(`:${name}`);
  });
});

describe('symbols', () => {
  it('are interned without metadata', () => {
    expect(sym('f')).toBe(Sym.of('f'));
    expect(sym('f').meta).toBeUndefined();
  });

  it('with metadata are new instances equal to the interned one', () => {
    const meta = RMap.of(kw('private'), true);
    const f = sym('f').withMeta(meta);
    expect(f).not.toBe(sym('f'));
    expect(f.meta).toBe(meta);
    expect(f.equals(sym('f'))).toBe(true);
    expect(sym('f').equals(f)).toBe(true);
    expect(f.hashCode()).toBe(sym('f').hashCode());
    expect(f.withMeta(undefined)).toBe(sym('f'));
  });

  it('split namespaces at the last slash', () => {
    expect(sym('a.b/c').ns).toBe('a.b');
    expect(sym('a.b/c').local).toBe('c');
    expect(sym('/').ns).toBeNull();
    expect(sym('/').local).toBe('/');
  });
});

describe('text literals', () => {
  it('compare by kind and text', () => {
    expect(new Timestamp('t').equals(new Timestamp('t'))).toBe(true);
    expect(new Timestamp('t').equals(new Timestamp('u'))).toBe(false);
    expect(new Timestamp('t').equals(new Uuid('t'))).toBe(false);
    expect(new Uuid('t').hashCode()).not.toBe(new ResourceHandle('t').hashCode());
  });
});

describe('integers', () => {
  it.each<[bigint, number | bigint | undefined]>([
    [0n, 0],
    [-0n, 0],
    [9007199254740991n, 9007199254740991],
    [-9007199254740991n, -9007199254740991],
    [9007199254740992n, 9007199254740992n],
    [-9007199254740992n, -9007199254740992n],
    [MAX_I64, MAX_I64],
    [MIN_I64, MIN_I64],
    [MAX_I64 + 1n, undefined],
    [MIN_I64 - 1n, undefined],
  ])('normalizeInt(%s) = %s', (n, expected) => {
    expect(normalizeInt(n)).toBe(expected);
  });

  it('has the signed 64-bit bounds', () => {
    expect(MAX_I64).toBe(9223372036854775807n);
    expect(MIN_I64).toBe(-9223372036854775808n);
  });
});

describe('typeName, isInt, isTruthy', () => {
  it.each<[Value, string, boolean, boolean]>([
    [null, 'nil', false, false],
    [false, 'boolean', false, false],
    [true, 'boolean', false, true],
    [0, 'integer', true, true],
    [2n ** 60n, 'integer', true, true],
    [float(0), 'float', false, true],
    ['', 'string', false, true],
    [kw('k'), 'keyword', false, true],
    [sym('s'), 'symbol', false, true],
    [new Timestamp('2024-01-15T10:30:00Z'), 'timestamp', false, true],
    [new Uuid('550e8400-e29b-41d4-a716-446655440000'), 'uuid', false, true],
    [new ResourceHandle('resource://a'), 'resource-handle', false, true],
    [RList.EMPTY, 'list', false, true],
    [RVector.EMPTY, 'vector', false, true],
    [RMap.EMPTY, 'map', false, true],
    [{ kind: 'fn', name: undefined }, 'function', false, true],
    [new RErrorValue('m', kw('e/x'), null), 'error', false, true],
  ])('%s', (v, name, int, truthy) => {
    expect(typeName(v)).toBe(name);
    expect(isInt(v)).toBe(int);
    expect(isTruthy(v)).toBe(truthy);
  });
});
