import { describe, it, expect } from 'vitest';
import { createRuntime } from '../../src/create-runtime.js';
import { table, TYPE, ARITY, INVALID } from './run.js';

const BAD_JSON = '!! runtime/invalid-json';
const r = String.raw;

/** The raw string an expression returns (JSON text is easier to read unquoted). */
function text(src: string): string {
  const o = createRuntime().evalString(src, 'json.rtfs');
  if (!o.ok) throw new Error(`${src} failed`);
  if (typeof o.value !== 'string') throw new Error(`${src} is not a string`);
  return o.value;
}

table('parse-json', [
  [r`(parse-json "{\"a\": 1}")`, '{"a" 1}'],
  [r`(parse-json "{\"a\": 1}" true)`, '{:a 1}'],
  [r`(parse-json "{\"a\": {\"b\": 2}}" {:keywordize-keys true})`, '{:a {:b 2}}'],
  [r`(parse-json "{\"a\": 1}" false)`, '{"a" 1}'],
  [r`(get (parse-json "{\"a\": 1}") :a)`, 'nil'],
  ['(parse-json "[1, 2.0, 1e3, -0, -1.5e-2, 0.5]")', '[1 2.0 1000.0 0 -0.015 0.5]'],
  ['(parse-json "9007199254740993")', '9007199254740993'],
  ['(parse-json "-9223372036854775808")', '-9223372036854775808'],
  ['(parse-json "9223372036854775808")', '9223372036854776000.0'],
  ['(parse-json "null")', 'nil'],
  ['(parse-json "true")', 'true'],
  [r`(parse-json "\"a\\nb\\u00e9\\/\"")`, r`"a\nbé/"`],
  [r`(parse-json "\"\\ud83d\\ude00\"")`, '"😀"'],
  [r`(parse-json "{\"a\":1,\"a\":2}")`, '{"a" 2}'],
  ['(parse-json "[]")', '[]'],
  ['(parse-json "{}")', '{}'],
  [r`(parse-json " [ 1 , {\"k\" : [ ] } ] ")`, '[1 {"k" []}]'],
  ['(parse-json "{")', BAD_JSON],
  ['(parse-json "[1,]")', BAD_JSON],
  ['(parse-json "01")', BAD_JSON],
  ['(parse-json "1.")', BAD_JSON],
  ['(parse-json "-")', BAD_JSON],
  [r`(parse-json "'a'")`, BAD_JSON],
  [r`(parse-json "{\"a\" 1}")`, BAD_JSON],
  [r`(parse-json "{1: 2}")`, BAD_JSON],
  ['(parse-json "")', BAD_JSON],
  ['(parse-json "[1] x")', BAD_JSON],
  ['(parse-json "nul")', BAD_JSON],
  [r`(parse-json "\"\\x\"")`, BAD_JSON],
  [r`(parse-json "\"abc")`, BAD_JSON],
  ['(parse-json 5)', TYPE],
  ['(parse-json "1" 5)', TYPE],
  ['(parse-json)', ARITY],
  ['(tool/parse-json "[1]")', '[1]'],
]);

table('serialize-json errors and round trips', [
  ['(serialize-json ##NaN)', INVALID],
  ['(serialize-json [##Inf])', INVALID],
  ['(serialize-json inc)', TYPE],
  ['(serialize-json {:f inc})', TYPE],
  ['(serialize-json)', ARITY],
  [
    '(= (parse-json (serialize-json {:n 9007199254740993 :m -9223372036854775808})) {"n" 9007199254740993 "m" -9223372036854775808})',
    'true',
  ],
  ['(parse-json (serialize-json [1 1.0 -0.0 1.5E-7 1.0E21]))', '[1 1.0 -0.0 1.5E-7 1.0E21]'],
  [
    '(parse-json (serialize-json {:a [1 "x" nil true {:b 2.5}]}) true)',
    '{:a [1 "x" nil true {:b 2.5}]}',
  ],
  [r`(parse-json (serialize-json "tab\there \"q\" 😀"))`, r`"tab\there \"q\" 😀"`],
]);

describe('serialize-json text', () => {
  const cases: [string, string][] = [
    ['(serialize-json {:a 1 :b [1 2.0 "x" nil true]})', '{"a":1,"b":[1,2.0,"x",null,true]}'],
    ['(serialize-json {:status :ok})', '{"status":"ok"}'],
    ["(serialize-json (list 1 'sym))", '[1,"sym"]'],
    ['(serialize-json {1 2 nil 3 [1] 4})', '{"1":2,"nil":3,"[1]":4}'],
    ['(serialize-json {:ns/k 1 "s" 2})', '{"ns/k":1,"s":2}'],
    [r`(serialize-json "a\"b")`, r`"a\"b"`],
    ['(serialize-json 9007199254740993)', '9007199254740993'],
    ['(serialize-json 1.5E-7)', '1.5e-7'],
    ['(serialize-json 2.0)', '2.0'],
    ['(serialize-json [])', '[]'],
    ['(serialize-json {})', '{}'],
    ['(serialize-json nil)', 'null'],
    ['(tool/serialize-json [1])', '[1]'],
    [
      '(serialize-json (ex-info "m" {:x 1}))',
      '{"message":"m","code":"user/thrown","data":{"x":1}}',
    ],
    ['(serialize-json-pretty {:a [1 2] :b {}})', '{\n  "a": [\n    1,\n    2\n  ],\n  "b": {}\n}'],
    ['(serialize-json-pretty [{:a 1}])', '[\n  {\n    "a": 1\n  }\n]'],
    ['(serialize-json-pretty [])', '[]'],
    ['(tool/serialize-json-pretty 1)', '1'],
  ];
  for (const [src, expected] of cases) {
    it(src, () => {
      expect(text(src)).toBe(expected);
    });
  }

  it('matches JSON.stringify on plain data', () => {
    const src =
      '(serialize-json-pretty {"id" "x" "n" [1 2 {"deep" [true false nil]}] "s" "q\\"x"})';
    const expected = JSON.stringify(
      { id: 'x', n: [1, 2, { deep: [true, false, null] }], s: 'q"x' },
      null,
      2,
    );
    expect(text(src)).toBe(expected);
  });
});
