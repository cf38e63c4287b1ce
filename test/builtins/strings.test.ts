import { it, expect } from 'vitest';
import { table, errorMessage, TYPE, ARITY } from './run.js';

table('string-length and length', [
  ['(string-length "héllo")', '5'],
  ['(string-length "😀a")', '2'],
  ['(string-length "")', '0'],
  ['(string-length nil)', TYPE],
  ['(string-length 1)', TYPE],
  ['(length "héllo")', '6'],
  ['(length "😀")', '4'],
  ['(length [1 2])', '2'],
  ["(length '(1))", '1'],
  ['(length {:a 1})', '1'],
  ['(length nil)', TYPE],
  ['(length 5)', TYPE],
]);

table('substring / subs (clamped)', [
  ['(substring "hello" 1 3)', '"el"'],
  ['(substring "hello" 2)', '"llo"'],
  ['(subs "hello" 1)', '"ello"'],
  ['(substring "hello" -2 2)', '"he"'],
  ['(substring "hello" 3 99)', '"lo"'],
  ['(substring "hello" 4 2)', '""'],
  ['(substring "hello" 10)', '""'],
  ['(subs "😀ab" 1 2)', '"a"'],
  ['(subs "héllo" 1 3)', '"él"'],
  ['(substring "hello" 1 nil)', '"ello"'],
  ['(substring nil 0)', TYPE],
  ['(substring "abc" "1")', TYPE],
  ['(substring "a")', ARITY],
]);

table('split and split-lines', [
  ['(split "a,b,,c," ",")', '["a" "b" "" "c" ""]'],
  ['(split "abc" "")', '["a" "b" "c"]'],
  ['(split "a😀b" "")', '["a" "😀" "b"]'],
  ['(split nil ",")', '[""]'],
  ['(split "a.b" ".")', '["a" "b"]'],
  ['(split "a,b,c" "," 2)', '["a" "b,c"]'],
  ['(split "abc" "" 2)', '["a" "bc"]'],
  [String.raw`(split "a1b22c" (re-pattern "\\d+"))`, '["a" "b" "c"]'],
  [String.raw`(split "a  b c" (re-pattern "\\s+"))`, '["a" "b" "c"]'],
  [String.raw`(split "a1b2c3" (re-pattern "\\d") 2)`, '["a" "b2c3"]'],
  ['(split "abc" (re-pattern ""))', '["a" "b" "c"]'],
  ['(split 1 ",")', TYPE],
  ['(split "a" 1)', TYPE],
  ['(split "a")', ARITY],
  [String.raw`(split-lines "a\nb\r\nc\n")`, '["a" "b" "c"]'],
  [String.raw`(split-lines "a\n\nb")`, '["a" "" "b"]'],
  ['(split-lines "")', '[]'],
  ['(split-lines nil)', TYPE],
]);

table('join / string-join (separator first)', [
  ['(join ", " ["a" 1 :k nil 2.5])', '"a, 1, :k, nil, 2.5"'],
  ['(join ["a" "b"])', '"ab"'],
  ['(join "-" [1 "a" nil "b" 2])', '"1-a-nil-b-2"'],
  ['(join "-" (list "a" "b" :c "d"))', '"a-b-:c-d"'],
  ['(join "" ["x" "" "y"])', '"xy"'],
  ['(join "," ["a" "b" "c" 4 "d"])', '"a,b,c,4,d"'],
  ['(join "," ["a" "b" nil])', '"a,b,nil"'],
  ['(string-join "-" \'(1 2))', '"1-2"'],
  ['(string-join "," [1 2 3])', '"1,2,3"'],
  ['(join "," [])', '""'],
  ['(join "," nil)', '""'],
  ['(join "" "abc")', '"abc"'],
  ['(join "," [[1 "a"]])', String.raw`"[1 \"a\"]"`],
  ['(join 1 [1])', TYPE],
  ['(join "," 5)', TYPE],
  ['(join)', ARITY],
]);

table('case and trimming', [
  ['(string-upper "abc")', '"ABC"'],
  ['(upper-case "straße")', '"STRASSE"'],
  ['(string-lower "ÀB")', '"àb"'],
  ['(lower-case "MiXeD")', '"mixed"'],
  ['(lower-case nil)', TYPE],
  ['(string-upper 1)', TYPE],
  [String.raw`(string-trim "  a b \n")`, '"a b"'],
  [String.raw`(trim "\t x ")`, '"x"'],
  ['(triml "  a ")', '"a "'],
  ['(trimr "  a ")', '"  a"'],
  ['(trim nil)', TYPE],
  ['(capitalize "hELLO")', '"Hello"'],
  ['(capitalize "")', '""'],
]);

table('prefix, suffix, containment, blank?', [
  ['(starts-with? "hello" "he")', 'true'],
  ['(starts-with? "hello" "lo")', 'false'],
  ['(starts-with? nil "a")', 'false'],
  ['(starts-with? "a" nil)', TYPE],
  ['(starts-with? 1 "a")', TYPE],
  ['(ends-with? "hello" "lo")', 'true'],
  ['(ends-with? "hello" "he")', 'false'],
  ['(ends-with? nil "a")', 'false'],
  ['(string-contains "hello" "ell")', 'true'],
  ['(string-contains? "hello" "")', 'true'],
  ['(includes? "abc" "d")', 'false'],
  ['(string-contains nil "a")', TYPE],
  ['(string-contains "a" 1)', TYPE],
  ['(blank? nil)', 'true'],
  ['(blank? "")', 'true'],
  [String.raw`(blank? " \t\n")`, 'true'],
  ['(blank? " a ")', 'false'],
  ['(blank? 1)', TYPE],
]);

table('name, namespace, keyword', [
  ['(name :a)', '"a"'],
  ['(name :ns/a)', '"a"'],
  ['(name :ccos.echo)', '"ccos.echo"'],
  ['(name "s")', '"s"'],
  ["(name 'sym)", '"sym"'],
  ['(name 1)', TYPE],
  ['(name nil)', TYPE],
  ['(namespace :ns/a)', '"ns"'],
  ['(namespace :a)', 'nil'],
  ['(namespace "a")', TYPE],
  ['(keyword "a")', ':a'],
  ['(keyword ":a")', ':a'],
  ['(name (keyword "::a"))', '":a"'],
  ['(name (keyword ""))', '""'],
  ['(name (keyword ":"))', '""'],
  ['(keyword :b)', ':b'],
  ["(keyword 'c)", ':c'],
  ['(keyword nil)', 'nil'],
  ['(keyword "ns" "n")', ':ns/n'],
  ['(keyword nil "n")', ':n'],
  ['(keyword 1)', TYPE],
  ['(= (keyword "a") :a)', 'true'],
]);

table('index-of, last-index-of', [
  ['(index-of "hello" "l")', '2'],
  ['(index-of "hello" "z")', 'nil'],
  ['(index-of "héllo" "l")', '2'],
  ['(index-of "😀😀x" "x")', '2'],
  ['(index-of "hello" "l" 3)', '3'],
  ['(index-of "😀a😀a" "a" 2)', '3'],
  ['(last-index-of "hello" "l")', '3'],
  ['(last-index-of "hello" "l" 2)', '2'],
  ['(index-of [1 2 3] 2)', '1'],
  ["(index-of '(1 2) 5)", 'nil'],
  ['(last-index-of [1 2 1] 1)', '2'],
  ['(index-of [[1]] [1])', '0'],
  ['(index-of nil "a")', 'nil'],
  ['(index-of "a" 1)', TYPE],
  ['(index-of 1 1)', TYPE],
]);

it('type errors name the function, the expected and the actual type', () => {
  expect(errorMessage('(string-length nil)')).toBe('string-length: expected a string, got nil');
  expect(errorMessage('(first 5)')).toBe('first: expected a collection, got integer');
  expect(errorMessage('(map inc 2.5)')).toBe('map: expected a collection, got float');
});

table('join reads a vector in place', [
  [
    '(let [v ["a" "b"] w (conj v "c") x (conj v "d")] [(join "," v) (join "," w) (join x)])',
    '["a,b" "a,b,c" "abd"]',
  ],
  [
    '(join "-" (assoc (vec (range 40)) 0 :z))',
    `"${[':z', ...Array.from({ length: 39 }, (_, i) => i + 1)].join('-')}"`,
  ],
  ['(join "," [])', '""'],
  ['(join "," [1 nil "x" :k])', '"1,nil,x,:k"'],
]);
