import { table, ARITY } from './run.js';

table('core constructors', [
  ['(hash-map :a 1 :b 2)', '{:a 1 :b 2}'],
  ['(hash-map)', '{}'],
  ['(hash-map :a)', ARITY],
  ['(hash-map :a 1 :b)', ARITY],
  ['(count "😀é")', '2'],
  ['(count nil)', '0'],
]);
