/**
 * Golden tests for the reader: every literal kind and every reader macro.
 *
 * Each row is `[input, printed, types?]`: `printed` is `printValue` of every form read
 * from `input`, joined by one space; `types` (when given) is the `typeName` of every
 * form, also space-separated, for the cases where printing alone is ambiguous (a
 * timestamp prints like a symbol would, `1` and `1.0` differ only by a point).
 * Every row is read by both readers (the fast path and Chevrotain), which must agree
 * exactly, including spans and comments, and must report no diagnostics.
 */
import { describe, it, expect } from 'vitest';
import { read } from '../../src/syntax/index.js';
import { fastRead } from '../../src/syntax/fast-reader.js';
import { Source, childSpan } from '../../src/source/index.js';
import type { NodeSpan } from '../../src/source/index.js';
import {
  type Value,
  type RMap,
  type RList,
  type RVector,
  printValue,
  typeName,
  equals,
  kw,
  sym,
} from '../../src/data/index.js';
import { dumpResult } from '../support/forms.js';

type Row = readonly [input: string, printed: string, types?: string];

const INTEGERS: Row[] = [
  ['0', '0', 'integer'],
  ['42', '42', 'integer'],
  ['-17', '-17', 'integer'],
  ['+5', '5', 'integer'],
  ['007', '7', 'integer'],
  ['-0', '0', 'integer'],
  ['999999999999999', '999999999999999', 'integer'],
  ['9007199254740991', '9007199254740991', 'integer'],
  ['9007199254740992', '9007199254740992', 'integer'],
  ['9007199254740993', '9007199254740993', 'integer'],
  ['9999999999999999', '9999999999999999', 'integer'],
  ['-9007199254740993', '-9007199254740993', 'integer'],
  ['9223372036854775807', '9223372036854775807', 'integer'],
  ['+9223372036854775807', '9223372036854775807', 'integer'],
  ['-9223372036854775808', '-9223372036854775808', 'integer'],
  ['000000000000000000000042', '42', 'integer'],
  ['1 -2 +3', '1 -2 3', 'integer integer integer'],
];

const FLOATS: Row[] = [
  ['1.5', '1.5', 'float'],
  ['-0.5', '-0.5', 'float'],
  ['+0.25', '0.25', 'float'],
  ['0.0', '0.0', 'float'],
  ['-0.0', '-0.0', 'float'],
  ['4.0', '4.0', 'float'],
  ['1e3', '1000.0', 'float'],
  ['1E3', '1000.0', 'float'],
  ['1.5E-2', '0.015', 'float'],
  ['1.5e3', '1500.0', 'float'],
  ['+1.5e+3', '1500.0', 'float'],
  ['-2e0', '-2.0', 'float'],
  ['1e21', '1.0E21', 'float'],
  ['1.5e-7', '1.5E-7', 'float'],
  ['100000000000000000000.0', '100000000000000000000.0', 'float'],
  ['0.1', '0.1', 'float'],
  ['123456789.125', '123456789.125', 'float'],
  ['1.7976931348623157e308', '1.7976931348623157E308', 'float'],
  ['5e-324', '5.0E-324', 'float'],
  ['1e400', '##Inf', 'float'],
  ['##Inf', '##Inf', 'float'],
  ['##-Inf', '##-Inf', 'float'],
  ['##NaN', '##NaN', 'float'],
  ['[##Inf ##-Inf]', '[##Inf ##-Inf]', 'vector'],
];

const STRINGS: Row[] = [
  ['""', '""', 'string'],
  ['"hello"', '"hello"', 'string'],
  ['"a\\nb"', '"a\\nb"', 'string'],
  ['"tab\\there"', '"tab\\there"', 'string'],
  ['"cr\\r"', '"cr\\r"', 'string'],
  ['"say \\"hi\\""', '"say \\"hi\\""', 'string'],
  ['"back\\\\slash"', '"back\\\\slash"', 'string'],
  ['"\\u0041\\u00e9\\u03BB"', '"Aéλ"', 'string'],
  ['"\\u0007"', '"\\u0007"', 'string'],
  ['"\\b\\f\\0\\/"', '"\\u0008\\u000c\\u0000/"', 'string'],
  ['"raw\nnewline"', '"raw\\nnewline"', 'string'],
  ['"λ 🎉 日本"', '"λ 🎉 日本"', 'string'],
  ['"; not a comment"', '"; not a comment"', 'string'],
  ['"#| nor this |#"', '"#| nor this |#"', 'string'],
  ['"(unbalanced ]"', '"(unbalanced ]"', 'string'],
  ['"a" "b"', '"a" "b"', 'string string'],
  ['"a"b', '"a" b', 'string symbol'],
];

const KEYWORDS: Row[] = [
  [':a', ':a', 'keyword'],
  [':ok?', ':ok?', 'keyword'],
  [':a-b', ':a-b', 'keyword'],
  [':a.b', ':a.b', 'keyword'],
  [':a.b/c', ':a.b/c', 'keyword'],
  [':com.acme:v1.0/op', ':com.acme:v1.0/op', 'keyword'],
  [':a:b', ':a:b', 'keyword'],
  [':*earmuffs*', ':*earmuffs*', 'keyword'],
  [':1', ':1', 'keyword'],
  [':/', ':/', 'keyword'],
  [':λ', ':λ', 'keyword'],
  [':runtime.timeout', ':runtime.timeout', 'keyword'],
  [':a:b :c', ':a:b :c', 'keyword keyword'],
];

const SYMBOLS: Row[] = [
  ['x', 'x', 'symbol'],
  ['my-fn', 'my-fn', 'symbol'],
  ['a.b/c', 'a.b/c', 'symbol'],
  ['x/y/z', 'x/y/z', 'symbol'],
  ['com.acme:v1.0/f', 'com.acme:v1.0/f', 'symbol'],
  ['+', '+', 'symbol'],
  ['-', '-', 'symbol'],
  ['*', '*', 'symbol'],
  ['/', '/', 'symbol'],
  ['//', '//', 'symbol'],
  ['<=', '<=', 'symbol'],
  ['->', '->', 'symbol'],
  ['->>', '->>', 'symbol'],
  ['!=', '!=', 'symbol'],
  ['*x*', '*x*', 'symbol'],
  ['-a', '-a', 'symbol'],
  ['+a', '+a', 'symbol'],
  ['.method', '.method', 'symbol'],
  ['.string-upper', '.string-upper', 'symbol'],
  ['.', '.', 'symbol'],
  ['..', '..', 'symbol'],
  ['λ', 'λ', 'symbol'],
  ['&', '&', 'symbol'],
  ['%', '%', 'symbol'],
  ['%1', '%1', 'symbol'],
  ['%&', '%&', 'symbol'],
  ['%params', '%params', 'symbol'],
  ['foo@1.0', 'foo@1.0', 'symbol'],
  ['<trip/destination>', '<trip/destination>', 'symbol'],
  ['_', '_', 'symbol'],
  ['$x', '$x', 'symbol'],
  ['a#b', 'a#b', 'symbol'],
  ["a'b", "a'b", 'symbol'],
  ['ok?', 'ok?', 'symbol'],
  ['set!', 'set!', 'symbol'],
];

/** Reserved words are whole tokens only (the Rust reader has no word boundaries, §1.4). */
const WORD_BOUNDARIES: Row[] = [
  ['nil', 'nil', 'nil'],
  ['true', 'true', 'boolean'],
  ['false', 'false', 'boolean'],
  ['nil true false', 'nil true false', 'nil boolean boolean'],
  ['truthy', 'truthy', 'symbol'],
  ['truex', 'truex', 'symbol'],
  ['true?', 'true?', 'symbol'],
  ['falsey', 'falsey', 'symbol'],
  ['false?', 'false?', 'symbol'],
  ['nilly', 'nilly', 'symbol'],
  ['nil?', 'nil?', 'symbol'],
  ['if-not', 'if-not', 'symbol'],
  ['iffy', 'iffy', 'symbol'],
  ['deref', 'deref', 'symbol'],
  ['default-value', 'default-value', 'symbol'],
  ['try-fetch', 'try-fetch', 'symbol'],
  ['_name', '_name', 'symbol'],
  ['_tmp', '_tmp', 'symbol'],
  ['Nil', 'Nil', 'symbol'],
  ['TRUE', 'TRUE', 'symbol'],
  ['(let [truthy 5] truthy)', '(let [truthy 5] truthy)', 'list'],
  ['(if-not x y)', '(if-not x y)', 'list'],
  ['(true)(nil)', '(true) (nil)', 'list list'],
  ['[true,false,nil]', '[true false nil]', 'vector'],
];

const TEXT_LITERALS: Row[] = [
  ['2024-01-15T10:30:00Z', '2024-01-15T10:30:00Z', 'timestamp'],
  ['2024-01-15T10:30:00_123Z', '2024-01-15T10:30:00_123Z', 'timestamp'],
  ['2024-01-15T10:30:00.123Z', '2024-01-15T10:30:00.123Z', 'timestamp'],
  ['2024-01-15T10:30:00.123456789+05:30', '2024-01-15T10:30:00.123456789+05:30', 'timestamp'],
  ['2024-02-29T23:59:59-08:00', '2024-02-29T23:59:59-08:00', 'timestamp'],
  ['2000-02-29T00:00:00Z', '2000-02-29T00:00:00Z', 'timestamp'],
  ['550e8400-e29b-41d4-a716-446655440000', '550e8400-e29b-41d4-a716-446655440000', 'uuid'],
  ['ABCDEF01-2345-6789-ABCD-EF0123456789', 'ABCDEF01-2345-6789-ABCD-EF0123456789', 'uuid'],
  ['00000000-0000-0000-0000-000000000000', '00000000-0000-0000-0000-000000000000', 'uuid'],
  ['e50e8400-e29b-41d4-a716-44665544000', 'e50e8400-e29b-41d4-a716-44665544000', 'symbol'],
  ['abcdef01-abcd-abcd-abcd-abcdef01234g', 'abcdef01-abcd-abcd-abcd-abcdef01234g', 'symbol'],
  ['resource://db/main', 'resource://db/main', 'resource-handle'],
  ['resource://a/b?c=1&d=2#frag', 'resource://a/b?c=1&d=2#frag', 'resource-handle'],
  ['(f resource://x)', '(f resource://x)', 'list'],
  ['[resource://x]', '[resource://x]', 'vector'],
  ['resource://a,resource://b', 'resource://a resource://b', 'resource-handle resource-handle'],
  ['resourceful', 'resourceful', 'symbol'],
];

const COLLECTIONS: Row[] = [
  ['()', '()', 'list'],
  ['[]', '[]', 'vector'],
  ['{}', '{}', 'map'],
  ['(1 [2 {:a (3)}])', '(1 [2 {:a (3)}])', 'list'],
  ['{:a 1 "b" 2 3 :c}', '{:a 1 "b" 2 3 :c}', 'map'],
  ['{[1 2] :v 1.0 :f 1 :i nil :n}', '{[1 2] :v 1.0 :f 1 :i nil :n}', 'map'],
  ['{:b 1 :a 2}', '{:b 1 :a 2}', 'map'],
  ['{:a 1 :a 2}', '{:a 2}', 'map'],
  ['(a)(b)[c]{:d e}', '(a) (b) [c] {:d e}', 'list list vector map'],
  ['[a]:k"s"', '[a] :k "s"', 'vector keyword string'],
];

const WHITESPACE_AND_COMMENTS: Row[] = [
  ['[1, 2,, 3]', '[1 2 3]', 'vector'],
  ['{:a 1, :b 2}', '{:a 1 :b 2}', 'map'],
  ['(f,x)', '(f x)', 'list'],
  [',,,', ''],
  ['', ''],
  [' \t\r\n\f\v', ''],
  ['; a comment\n1', '1', 'integer'],
  [';; a comment\n1', '1', 'integer'],
  ['1 ; trailing', '1', 'integer'],
  ['(a ; inside\n b)', '(a b)', 'list'],
  ['#| block |# 2', '2', 'integer'],
  ['#| multi\nline (\n|# 3', '3', 'integer'],
  ['(+ 1 #| x |# 2)', '(+ 1 2)', 'list'],
  ['#||#4', '4', 'integer'],
  ['#| #| not nested |# 5', '5', 'integer'],
  ['#_ x y', 'y', 'symbol'],
  ['#_x', ''],
  ['#_#_ a b c', 'c', 'symbol'],
  ['#_ (a (b)) c', 'c', 'symbol'],
  ['[1 #_ 2 3]', '[1 3]', 'vector'],
  ['{:a #_ :b 1}', '{:a 1}', 'map'],
  ['(a #_ #| c |# b)', '(a)', 'list'],
  ["'#_ a b", '(quote b)', 'list'],
];

const READER_MACROS: Row[] = [
  ["'x", '(quote x)', 'list'],
  ["'(1 2)", '(quote (1 2))', 'list'],
  ["''x", '(quote (quote x))', 'list'],
  ["' x", '(quote x)', 'list'],
  ['`x', '(quasiquote x)', 'list'],
  ['`(a ~b ~@c)', '(quasiquote (a (unquote b) (unquote-splicing c)))', 'list'],
  ['~x', '(unquote x)', 'list'],
  ['~@xs', '(unquote-splicing xs)', 'list'],
  ['~ @x', '(unquote (deref x))', 'list'],
  ['@x', '(deref x)', 'list'],
  ['@@x', '(deref (deref x))', 'list'],
  ['@:ctx-key', '(deref :ctx-key)', 'list'],
  ['@plan-id', '(deref plan-id)', 'list'],
  ['#(* % 2)', '(fn [%1] (* %1 2))', 'list'],
  ['#(str %1 %2)', '(fn [%1 %2] (str %1 %2))', 'list'],
  ['#(%3)', '(fn [%1 %2 %3] (%3))', 'list'],
  ['#(+ %9)', '(fn [%1 %2 %3 %4 %5 %6 %7 %8 %9] (+ %9))', 'list'],
  ['#(apply f %&)', '(fn [& %&] (apply f %&))', 'list'],
  ['#(f % %&)', '(fn [%1 & %&] (f %1 %&))', 'list'],
  ['#(vector %1 %)', '(fn [%1] (vector %1 %1))', 'list'],
  ['#(do [%] {:k %})', '(fn [%1] (do [%1] {:k %1}))', 'list'],
  ["#(f '%)", '(fn [%1] (f (quote %1)))', 'list'],
  ['#(f)', '(fn [] (f))', 'list'],
  ['#"a+"', '(re-pattern "a+")', 'list'],
  ['#""', '(re-pattern "")', 'list'],
  ['#"\\d+\\.\\d*"', '(re-pattern "\\\\d+\\\\.\\\\d*")', 'list'],
  ['#"say \\"hi\\""', '(re-pattern "say \\\\\\"hi\\\\\\"")', 'list'],
  ['\'#"x"', '(quote (re-pattern "x"))', 'list'],
  ['#()', '(fn [] ())', 'list'],
  ['(map #(* % 2) [1 2 3])', '(map (fn [%1] (* %1 2)) [1 2 3])', 'list'],
  ['^{:doc "d"} x', 'x', 'symbol'],
  ['^:private [1]', '[1]', 'vector'],
  ['^String x', 'x', 'symbol'],
  ['(defn ^:delegation :remote "gpt-x" f [q] q)', '(defn f [q] q)', 'list'],
];

const ALL: ReadonlyArray<readonly [string, Row[]]> = [
  ['integers', INTEGERS],
  ['floats', FLOATS],
  ['strings', STRINGS],
  ['keywords', KEYWORDS],
  ['symbols', SYMBOLS],
  ['word boundaries', WORD_BOUNDARIES],
  ['timestamps, UUIDs and resource handles', TEXT_LITERALS],
  ['collections', COLLECTIONS],
  ['whitespace, comments and discard', WHITESPACE_AND_COMMENTS],
  ['reader macros', READER_MACROS],
];

/** Reads with both readers, checks they agree and are clean, returns the forms. */
function readClean(input: string): Value[] {
  const fast = read(input);
  const full = read(input, '<input>', { fullReaderOnly: true });
  expect(full.diagnostics.map((d) => `${d.code}: ${d.message}`)).toEqual([]);
  expect(fast.diagnostics).toEqual([]);
  expect(full.incomplete).toBe(false);
  expect(dumpResult(fast)).toBe(dumpResult(full));
  return full.forms;
}

function printAll(forms: readonly Value[]): string {
  return forms.map(printValue).join(' ');
}

describe('reader golden cases', () => {
  for (const [group, rows] of ALL) {
    describe(group, () => {
      it.each(rows.map((r) => [JSON.stringify(r[0]), ...r] as const))(
        '%s',
        (_name, input, printed, types) => {
          const forms = readClean(input);
          expect(printAll(forms)).toBe(printed);
          if (types !== undefined) expect(forms.map(typeName).join(' ')).toBe(types);
        },
      );
    });
  }

  it('has at least 200 rows', () => {
    expect(ALL.reduce((n, [, rows]) => n + rows.length, 0)).toBeGreaterThanOrEqual(200);
  });

  it('takes the fast path for every ASCII golden input', () => {
    const bailed = ALL.flatMap(([, rows]) => rows.map((r) => r[0]))
      // eslint-disable-next-line no-control-regex
      .filter((input) => /^[\u0000-\u007f]*$/.test(input))
      .filter((input) => fastRead(new Source('<input>', input)) === undefined);
    expect(bailed).toEqual([]);
  });

  it('round-trips every golden output through the printer', () => {
    for (const [, rows] of ALL) {
      for (const [, printed] of rows) {
        expect(printAll(readClean(printed))).toBe(printed);
      }
    }
  });
});

describe('number representation', () => {
  it.each([
    ['9007199254740991', 'number'],
    ['-9007199254740991', 'number'],
    ['9007199254740992', 'bigint'],
    ['-9007199254740992', 'bigint'],
    ['9223372036854775807', 'bigint'],
    ['-9223372036854775808', 'bigint'],
    ['00000000000000000001', 'number'],
  ])('%s is a JS %s', (input, type) => {
    expect(typeof readClean(input)[0]).toBe(type);
  });

  it('reads the 64-bit bounds exactly', () => {
    expect(readClean('9223372036854775807 -9223372036854775808')).toEqual([
      9223372036854775807n,
      -9223372036854775808n,
    ]);
    expect(readClean('9007199254740993')[0]).toBe(9007199254740993n);
    expect(readClean('-0')[0]).toBe(0);
    expect(Object.is(readClean('-0')[0], -0)).toBe(false);
  });

  it('keeps integers and floats distinct', () => {
    const [i, f] = readClean('4 4.0');
    expect(i).toBe(4);
    expect(typeName(f as Value)).toBe('float');
    expect(equals(i as Value, f as Value)).toBe(false);
  });

  it('reads negative zero, NaN and the infinities as floats', () => {
    const [nz, nan, inf, ninf] = readClean('-0.0 ##NaN ##Inf ##-Inf');
    const value = (v: Value | undefined): number =>
      typeof v === 'object' && v !== null && v.kind === 'float' ? v.value : 0;
    expect(Object.is(value(nz), -0)).toBe(true);
    expect(Number.isNaN(value(nan))).toBe(true);
    expect(value(inf)).toBe(Infinity);
    expect(value(ninf)).toBe(-Infinity);
  });
});

describe('strings decode exactly', () => {
  it.each([
    ['"a\\nb"', 'a\nb'],
    ['"\\t\\r\\"\\\\"', '\t\r"\\'],
    ['"\\u0041\\u00e9"', 'Aé'],
    ['"\\uD83D\\uDE00"', '😀'],
    ['"\\ud800"', '\ud800'],
    ['"line1\nline2"', 'line1\nline2'],
    ['"\\b\\f\\0\\/"', '\b\f\0/'],
  ])('%s', (input, expected) => {
    expect(readClean(input)).toEqual([expected]);
  });
});

describe('symbols and keywords', () => {
  it('interns keywords and splits namespaces', () => {
    const [a, b, c] = readClean(':a.b/c :a.b/c :com.acme:v1.0/op');
    expect(a).toBe(b);
    expect(a).toBe(kw('a.b/c'));
    expect(kw('a.b/c').ns).toBe('a.b');
    expect(kw('a.b/c').local).toBe('c');
    expect(c).toBe(kw('com.acme:v1.0/op'));
    expect(kw('com.acme:v1.0/op').ns).toBe('com.acme:v1.0');
  });

  it('reads symbols as interned symbols', () => {
    const [s, t] = readClean('a.b/c /');
    expect(s).toBe(sym('a.b/c'));
    expect(sym('a.b/c').ns).toBe('a.b');
    expect(sym('/').ns).toBe(null);
    expect(t).toBe(sym('/'));
  });
});

function metaOf(v: Value | undefined): RMap | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  switch (v.kind) {
    case 'symbol':
    case 'list':
    case 'vector':
    case 'map':
      return v.meta;
    default:
      return undefined;
  }
}

describe('metadata', () => {
  it.each([
    ['^{:doc "d" :a 1} x', 'x', '{:doc "d" :a 1}'],
    ['^:private x', 'x', '{:private true}'],
    ['^String x', 'x', '{:tag String}'],
    ['^"java.lang.String" x', 'x', '{:tag "java.lang.String"}'],
    ['^:private [1]', '[1]', '{:private true}'],
    ['^:private (f)', '(f)', '{:private true}'],
    ['^:private {:a 1}', '{:a 1}', '{:private true}'],
    ['^{:runtime.timeout 500} (call :svc.get x)', '(call :svc.get x)', '{:runtime.timeout 500}'],
    ['^:a ^:b x', 'x', '{:b true :a true}'],
    ['^{:k 1} ^{:k 2} x', 'x', '{:k 1}'],
    ['^ :a x', 'x', '{:a true}'],
    ['^:a #_ skipped x', 'x', '{:a true}'],
    ['^:a ; comment\n x', 'x', '{:a true}'],
    ['^:a #(f %)', '(fn [%1] (f %1))', '{:a true}'],
    ['^:delegation :remote "gpt-x" f', 'f', '{:delegation {:target :remote :model "gpt-x"}}'],
    ['^:delegation :remote f', 'f', '{:delegation {:target :remote}}'],
    ['^:delegation :local f', 'f', '{:delegation {:target :local}}'],
    [
      '^:delegation :local-model "llama\\t3" f',
      'f',
      '{:delegation {:target :local-model :model "llama\\t3"}}',
    ],
    ['^:delegation f', 'f', '{:delegation true}'],
  ])('%s', (input, printed, meta) => {
    const forms = readClean(input);
    expect(printAll(forms)).toBe(printed);
    const m = metaOf(forms[0]);
    expect(m).toBeDefined();
    expect(printValue(m as Value)).toBe(meta);
  });

  it('attaches delegation metadata to the name in a defn', () => {
    const [form] = readClean('(defn ^:delegation :remote "gpt-x" f [q] q)');
    const items = (form as RList).items;
    expect(printValue(metaOf(items[1]) as Value)).toBe(
      '{:delegation {:target :remote :model "gpt-x"}}',
    );
    expect(metaOf(items[0])).toBeUndefined();
    expect(items[1]).not.toBe(sym('f'));
  });

  it('does not affect equality', () => {
    const [a, b, c, d] = readClean('^:a [1] [1] ^:m x x');
    expect(equals(a as Value, b as Value)).toBe(true);
    expect(equals(c as Value, d as Value)).toBe(true);
    expect(metaOf(b)).toBeUndefined();
    expect(metaOf(d)).toBeUndefined();
    expect(d).toBe(sym('x'));
  });

  it('spans the caret and the target', () => {
    const r = read('  ^:a [1]  ');
    expect(r.spans.map((s) => [s.start, s.end])).toEqual([[2, 9]]);
  });
});

describe('spans and comments', () => {
  it('gives every top-level form its span', () => {
    const r = read('(a b)\n  [c]\n:k "s"');
    expect(r.spans.map((s) => r.spans[0]?.source.text.slice(s.start, s.end))).toEqual([
      '(a b)',
      '[c]',
      ':k',
      '"s"',
    ]);
    expect(r.spans.map((s) => s.source.position(s.start))).toEqual([
      { line: 1, column: 1 },
      { line: 2, column: 3 },
      { line: 3, column: 1 },
      { line: 3, column: 4 },
    ]);
  });

  it('records child spans of collections', () => {
    const text = '(a [b c] {:k "v"})';
    for (const r of [read(text), read(text, '<input>', { fullReaderOnly: true })]) {
      const list = r.forms[0] as RList;
      const slice = (s: { start: number; end: number } | undefined): string =>
        s === undefined ? '<none>' : text.slice(s.start, s.end);
      expect([0, 1, 2, 3].map((i) => slice(childSpan(list.span, i)))).toEqual([
        'a',
        '[b c]',
        '{:k "v"}',
        '<none>',
      ]);
      const vec = list.items[1] as RVector;
      expect([0, 1].map((i) => slice(childSpan(vec.span, i)))).toEqual(['b', 'c']);
      const map = list.items[2] as { span: NodeSpan | undefined };
      expect([0, 1].map((i) => slice(childSpan(map.span, i)))).toEqual([':k', '"v"']);
    }
  });

  it('gives reader-macro forms the prefix and the operand as children', () => {
    const text = "'x `(~y ~@z) @w";
    for (const r of [read(text), read(text, '<input>', { fullReaderOnly: true })]) {
      const slices = (v: Value | undefined): string[] => {
        const span = (v as RList).span;
        return [0, 1].map((i) => {
          const s = childSpan(span, i);
          return s === undefined ? '<none>' : text.slice(s.start, s.end);
        });
      };
      expect(slices(r.forms[0])).toEqual(["'", 'x']);
      expect(slices(r.forms[1])).toEqual(['`', '(~y ~@z)']);
      const inner = ((r.forms[1] as RList).items[1] as RList).items;
      expect(slices(inner[0])).toEqual(['~', 'y']);
      expect(slices(inner[1])).toEqual(['~@', 'z']);
      expect(slices(r.forms[2])).toEqual(['@', 'w']);
    }
  });

  it('keeps comments with their kind and span', () => {
    const text = ';; head\n(a #| in\nside |# b) ; tail\n#_ gone';
    for (const r of [read(text), read(text, '<input>', { fullReaderOnly: true })]) {
      expect(
        r.comments.map((c) => [c.text, c.block, text.slice(c.span.start, c.span.end)]),
      ).toEqual([
        [';; head', false, ';; head'],
        ['#| in\nside |#', true, '#| in\nside |#'],
        ['; tail', false, '; tail'],
      ]);
      expect(printAll(r.forms)).toBe('(a b)');
    }
  });

  it('names the source in spans', () => {
    const r = read('x', 'plans/a.rtfs');
    expect(r.spans[0]?.source.uri).toBe('plans/a.rtfs');
  });

  it('reads a Source object as given', () => {
    const src = new Source('s.rtfs', '(+ 1 2)');
    expect(read(src).spans[0]?.source).toBe(src);
  });
});

describe('anonymous functions', () => {
  it('expands to fn with a parameter vector and the body as a single call', () => {
    const [form] = readClean('#(+ % %2)');
    const list = form as RList;
    expect(list.items[0]).toBe(sym('fn'));
    expect(typeName(list.items[1] as Value)).toBe('vector');
    expect(typeName(list.items[2] as Value)).toBe('list');
    expect(printValue(list.items[1] as Value)).toBe('[%1 %2]');
    expect(printValue(list.items[2] as Value)).toBe('(+ %1 %2)');
  });

  it('spans the whole #(…) form', () => {
    const r = read(' #(f %) ');
    expect(r.spans.map((s) => [s.start, s.end])).toEqual([[1, 7]]);
    expect((r.forms[0] as RList).span?.start).toBe(1);
  });
});
