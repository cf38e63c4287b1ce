/**
 * Reading the reference's annotation spellings (syntax/colon.ts): a lone `:` reads as
 * the symbol `:`, a name glued to a colon (`x:`) as a symbol ending in `:`; both
 * readers agree, print/read round-trips them, and a colon where no annotation can ever
 * be is still a syntax error.
 */
import { describe, expect, it } from 'vitest';
import { read } from '../../src/syntax/full.js';
import { fastRead } from '../../src/syntax/fast-reader.js';
import { Source } from '../../src/source/index.js';
import { equals, printValue } from '../../src/data/index.js';
import { checkInput } from '../support/reader-checks.js';

const VALID = [
  '(fn [x : Int] : Int (+ x 1))',
  '[x    :    Int]',
  '[x : :int]',
  '[x : [:vector :int]]',
  '(defn f [& rest : [:vector :string]] rest)',
  '(let [x:int 42] x)',
  '(def y:int 100)',
  '(fn [x:int y:int] (+ x y))',
  '[x :[:map [:name :string]]]',
  '[x:[:map [:name :string]]]',
  '(def z: Int 1)',
  "'(a : b)",
  '(f a.b:v1.0/op)',
];

describe('annotation colons in the reader', () => {
  it.each(VALID)('%s: both readers agree, and print/read round-trips', (text) => {
    checkInput(text);
    const fast = fastRead(new Source('<t>', text));
    expect(fast, 'the fast path accepts it').toBeDefined();
    const r = read(text);
    expect(r.diagnostics).toEqual([]);
    const printed = r.forms.map(printValue).join(' ');
    const again = read(printed);
    expect(again.diagnostics).toEqual([]);
    expect(again.forms.length).toBe(r.forms.length);
    again.forms.forEach((f, i) => expect(equals(f, r.forms[i] ?? null)).toBe(true));
  });

  it('reads : as a symbol and x: as a symbol ending in a colon', () => {
    expect(printValue(read('[x : Int]').forms[0] ?? null)).toBe('[x : Int]');
    expect(printValue(read('[x :[:vector :int]]').forms[0] ?? null)).toBe('[x : [:vector :int]]');
    expect(printValue(read('[x: Int]').forms[0] ?? null)).toBe('[x: Int]');
    expect(printValue(read('[x:int]').forms[0] ?? null)).toBe('[x:int]');
  });

  it.each([
    [':', 'syntax/invalid-keyword', '1:1'],
    ['(a :)', 'syntax/invalid-keyword', '1:4'],
    ['[: x]', 'syntax/invalid-keyword', '1:2'],
    ['{: 1}', 'syntax/invalid-keyword', '1:2'],
    ['(a : : b)', 'syntax/invalid-keyword', '1:6'],
    ['(a x:)', 'syntax/invalid-symbol', '1:4'],
    ['x:', 'syntax/invalid-symbol', '1:1'],
    ['(a x: : b)', 'syntax/invalid-keyword', '1:7'],
  ])('%s is a syntax error', (text, code, at) => {
    checkInput(text);
    const d = read(text).diagnostics[0];
    expect(d?.code).toBe(code);
    const pos = d?.span.source.position(d.span.start);
    expect(`${pos?.line}:${pos?.column}`).toBe(at);
  });
});
