import { table, TYPE, ARITY } from './run.js';

const BAD_REGEX = '!! runtime/invalid-regex';
const UNSUPPORTED = '!! runtime/unsupported-regex';
const r = String.raw;

table('re-find and re-seq (whole matches, as the reference)', [
  [r`(re-find "\\d+" "ab123cd45")`, '"123"'],
  ['(re-find "x" "abc")', 'nil'],
  [r`(re-find "\\d" nil)`, 'nil'],
  [r`(re-find "(\\d)(\\d)" "a12")`, '"12"'],
  [r`(re-find "(?i)abc" "xABCx")`, '"ABC"'],
  [r`(re-find "\\d" 5)`, TYPE],
  ['(re-find 5 "a")', TYPE],
  ['(re-find "(" "a")', BAD_REGEX],
  ['(re-find "(?x)a" "a")', BAD_REGEX],
  [r`(re-seq "\\d+" "a1b22c333")`, '["1" "22" "333"]'],
  [r`(re-seq "\\d" "abc")`, '[]'],
  [r`(re-seq "\\d" nil)`, '[]'],
  ['(re-seq "" "ab")', '["" "" ""]'],
  ['(re-seq "😀" "a😀b😀")', '["😀" "😀"]'],
  ['(re-seq "a")', ARITY],
]);

table('linear-time engine (RE2 dialect)', [
  ['(re-matches "^(a+)+$" (str (apply str (repeat 10000 "a")) "!"))', 'nil'],
  ['(count (re-seq "(a|aa)*c" (apply str (repeat 10000 "a"))))', '0'],
  [r`(re-matches "(?<y>\\d{4})-(?P<m>\\d\\d)" "2024-05")`, '["2024-05" "2024" "05"]'],
  [r`(re-matches "(?s)a.b" "a\nb")`, r`"a\nb"`],
  [r`(re-find "(?m)^b$" "a\nb\nc")`, '"b"'],
  ['(re-seq "" "a😀")', '["" "" ""]'],
  [r`(re-find "(a)\\1" "aa")`, UNSUPPORTED],
  [r`(re-find "(?<n>a)\\k<n>" "aa")`, UNSUPPORTED],
  ['(re-find "a(?!b)" "ac")', UNSUPPORTED],
  ['(re-find "(?<=a)b" "ab")', UNSUPPORTED],
  [r`(re-find "\\\\1" "\\1")`, r`"\\1"`],
  [r`(split "a1b" (re-pattern "(?=\\d)"))`, UNSUPPORTED],
]);

table('re-matches (full match, Clojure style)', [
  [r`(re-matches "\\d+" "123")`, '"123"'],
  [r`(re-matches "\\d+" "a123")`, 'nil'],
  [r`(re-matches "\\d+" "123a")`, 'nil'],
  [r`(re-matches "(\\w+)@(\\w+)" "a@b")`, '["a@b" "a" "b"]'],
  ['(re-matches "a|ab" "ab")', '"ab"'],
  ['(re-matches "(a)?b" "b")', '["b" nil]'],
  [r`(re-matches "(?P<y>\\d{4})" "2024")`, '["2024" "2024"]'],
  ['(re-matches "(?i)abc" "ABC")', '"ABC"'],
  [r`(re-matches "[\\w\\-]+" "a-b")`, '"a-b"'],
  ['(re-matches "x" nil)', 'nil'],
  ['(re-matches "x" :x)', TYPE],
  [r`(let [[_ y m] (re-matches "(\\d+)-(\\d+)" "2024-05")] [y m])`, '["2024" "05"]'],
]);

table('re-pattern values', [
  [r`((re-pattern "\\d+") "ab12")`, '"12"'],
  ['(fn? (re-pattern "a"))', 'true'],
  [r`(re-find (re-pattern "\\d") "x7")`, '"7"'],
  [r`(re-matches (re-pattern "\\d") "7")`, '"7"'],
  ['(let [p (re-pattern "a")] (= p (re-pattern p)))', 'true'],
  ['(re-pattern 1)', TYPE],
  ['(re-pattern "[")', BAD_REGEX],
]);

table('replace and replace-first', [
  ['(replace "a.b.c" "." "-")', '"a-b-c"'],
  ['(replace "aaa" "a" "$1")', '"$1$1$1"'],
  ['(replace "abc" "" "-")', '"-a-b-c-"'],
  [r`(replace "a1b22" (re-pattern "\\d+") "#")`, '"a#b#"'],
  [r`(replace "john smith" (re-pattern "(\\w+) (\\w+)") "$2 $1")`, '"smith john"'],
  ['(replace "abc" "b" string-upper)', '"aBc"'],
  [r`(replace "a1b2" (re-pattern "\\d") (fn [m] (str (inc (parse-int m)))))`, '"a2b3"'],
  [r`(replace "k=v" (re-pattern "(\\w)=(\\w)") (fn [[_ a b]] (str b "=" a)))`, '"v=k"'],
  ['(replace-first "aaa" "a" "b")', '"baa"'],
  [r`(replace-first "a1b2" (re-pattern "\\d") "#")`, '"a#b2"'],
  ['(replace nil "a" "b")', TYPE],
  ['(replace "a" 1 "b")', TYPE],
  ['(replace "a" "a" 1)', TYPE],
  ['(replace "a" "a")', ARITY],
]);
