import { table, ARITY } from './run.js';

table('core constructors', [
  ['(hash-map :a 1 :b 2)', '{:a 1 :b 2}'],
  ['(hash-map)', '{}'],
  ['(hash-map :a)', ARITY],
  ['(hash-map :a 1 :b)', ARITY],
  ['(count "😀é")', '2'],
  ['(count nil)', '0'],
  ['(count "a😀😀b")', '4'],
  ['(count "item-12345:37035")', '16'],
  ['(count "0123456789😀abcdef")', '17'],
  ['(count "0123456789abcdef😀")', '17'],
  [String.raw`(count "\uD83D0123456789abcdef")`, '17'],
  [String.raw`(count "0123456789abcdef\uDE00")`, '17'],
  [String.raw`(count "0123456789\uD83D\uDE00abcdef")`, '17'],
  ['(str "a" 1 nil 2.0 :k [1 "b"])', String.raw`"a1nil2.0:k[1 \"b\"]"`],
  ['(str)', '""'],
  ['(str 7)', '"7"'],
  ['(str "a" -3 "b" 0 nil "")', '"a-3b0nil"'],
  ['(str "only")', '"only"'],
]);
