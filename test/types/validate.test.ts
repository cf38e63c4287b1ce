/**
 * Every type form against matching and mismatching values. Each row is
 * `[type, value, expected]`: `expected` is 'ok' when the value matches, otherwise
 * the exact `formatMismatch` text (path, expected type, actual value).
 */
import { describe, it, expect } from 'vitest';
import { type Value, RList, RVector, RMap, kw, float } from '../../src/data/index.js';
import { check, ERR, FN } from './helpers.js';

type Row = readonly [type: string, value: string | Value, expected: string];

function rows(name: string, table: readonly Row[]): void {
  describe(name, () => {
    it.each(table)('%s ← %s', (t, v, want) => {
      expect(check(t, v) ?? 'ok').toBe(want);
    });
  });
}

rows('primitives', [
  [':int', '42', 'ok'],
  [':int', '-7', 'ok'],
  [':int', '9223372036854775807', 'ok'],
  [':int', '1.0', 'expected :int, got float 1.0'],
  [':int', '"1"', 'expected :int, got string "1"'],
  [':int', 'nil', 'expected :int, got nil'],
  [':float', '1.5', 'ok'],
  [':float', '3', 'ok'],
  [':float', '##NaN', 'ok'],
  [':float', ':x', 'expected :float, got keyword :x'],
  [':number', '3', 'ok'],
  [':number', '3.25', 'ok'],
  [':number', '"3"', 'expected :number, got string "3"'],
  [':string', '"hi"', 'ok'],
  [':string', '""', 'ok'],
  [':string', ':hi', 'expected :string, got keyword :hi'],
  [':string', '2024-01-15T10:30:00Z', 'expected :string, got timestamp 2024-01-15T10:30:00Z'],
  [':bool', 'true', 'ok'],
  [':bool', 'false', 'ok'],
  [':bool', 'nil', 'expected :bool, got nil'],
  [':bool', '0', 'expected :bool, got integer 0'],
  [':nil', 'nil', 'ok'],
  [':nil', 'false', 'expected :nil, got boolean false'],
  [':keyword', ':a/b', 'ok'],
  [':keyword', '"a"', 'expected :keyword, got string "a"'],
  [':symbol', 'foo', 'ok'],
  [':symbol', ':foo', 'expected :symbol, got keyword :foo'],
  [':any', 'nil', 'ok'],
  [':any', '[1 {:a 2}]', 'ok'],
  [':never', 'nil', 'expected :never, got nil'],
  [':never', '1', 'expected :never, got integer 1'],
  [':timestamp', '2024-01-15T10:30:00Z', 'ok'],
  [
    ':timestamp',
    '"2024-01-15T10:30:00Z"',
    'expected :timestamp, got string "2024-01-15T10:30:00Z"',
  ],
  [':uuid', '550e8400-e29b-41d4-a716-446655440000', 'ok'],
  [':uuid', '"x"', 'expected :uuid, got string "x"'],
  [':resource', 'resource://db/main', 'ok'],
  [':resource', '"resource://db/main"', 'expected :resource, got string "resource://db/main"'],
  [':list', '(1 2)', 'ok'],
  [':list', '[1 2]', 'expected :list, got vector [1 2]'],
  [':vector', '[1 2]', 'ok'],
  [':vector', '(1 2)', 'expected :vector, got list (1 2)'],
  [':map', '{:a 1}', 'ok'],
  [':map', '{}', 'ok'],
  [':map', '[]', 'expected :map, got vector []'],
  [':fn', FN, 'ok'],
  [':fn', ':a', 'expected :fn, got keyword :a'],
  [':error', ERR, 'ok'],
  [':error', '{:message "boom"}', 'expected :error, got map {:message "boom"}'],
]);

rows('name spellings', [
  ['int', '1', 'ok'],
  ['string', '1', 'expected :string, got integer 1'],
  ['Int', '1', 'ok'],
  ['String', '"s"', 'ok'],
  ['Float', '2', 'ok'],
  ['Bool', 'true', 'ok'],
  ['Nil', 'nil', 'ok'],
  ['Keyword', ':k', 'ok'],
  ['Symbol', 's', 'ok'],
  ['Any', ':k', 'ok'],
  ['Never', ':k', 'expected :never, got keyword :k'],
  [':integer', '1', 'ok'],
  [':boolean', 'true', 'ok'],
  [':function', FN, 'ok'],
  [':record', '{}', 'ok'],
  ['UUID', '00000000-0000-0000-0000-000000000000', 'ok'],
]);

rows('optional T?', [
  [':string?', 'nil', 'ok'],
  [':string?', '"s"', 'ok'],
  [':string?', '1', 'expected :string?, got integer 1'],
  ['int?', 'nil', 'ok'],
  ['Int?', '2', 'ok'],
  [':map?', 'nil', 'ok'],
  [':vector?', '(1)', 'expected :vector?, got list (1)'],
]);

rows('[:vector T] and [:list T]', [
  ['[:vector :int]', '[]', 'ok'],
  ['[:vector :int]', '[1 2 3]', 'ok'],
  ['[:vector :int]', '[1 2.0 3]', 'at [1]: expected :int, got float 2.0'],
  ['[:vector :int]', '(1 2)', 'expected [:vector :int], got list (1 2)'],
  ['[:vector :int]', 'nil', 'expected [:vector :int], got nil'],
  ['[:vector :any]', '[nil "x"]', 'ok'],
  ['[:vector [:vector :int]]', '[[1] [2 "x"]]', 'at [1][1]: expected :int, got string "x"'],
  ['[:list :string]', '("a" "b")', 'ok'],
  ['[:list :string]', '("a" :b)', 'at [1]: expected :string, got keyword :b'],
  ['[:list :string]', '["a"]', 'expected [:list :string], got vector ["a"]'],
  ['[:list :any]', '()', 'ok'],
]);

rows('[:tuple …] and [:array …]', [
  ['[:tuple :int :string]', '[1 "a"]', 'ok'],
  ['[:tuple :int :string]', '[1 2]', 'at [1]: expected :string, got integer 2'],
  ['[:tuple :int :string]', '[1 "a" 3]', 'expected [:tuple :int :string], got vector [1 "a" 3]'],
  ['[:tuple :int :string]', '[1]', 'expected [:tuple :int :string], got vector [1]'],
  ['[:tuple :int :string]', '(1 "a")', 'expected [:tuple :int :string], got list (1 "a")'],
  ['[:tuple]', '[]', 'ok'],
  ['[:array :int [3]]', '[1 2 3]', 'ok'],
  ['[:array :int [3]]', '[1 2]', 'expected [:array :int [3]], got vector [1 2]'],
  ['[:array :int [?]]', '[1 2 3 4]', 'ok'],
  ['[:array :int [?]]', '[1 :x]', 'at [1]: expected :int, got keyword :x'],
  ['[:array :float [2 ?]]', '[[1.0] [2 3.5 4]]', 'ok'],
  ['[:array :float [2 ?]]', '[[1.0]]', 'expected [:array :float [2 ?]], got vector [[1.0]]'],
  [
    '[:array :float [2 2]]',
    '[[1 2] [3]]',
    'at [1]: expected [:array :float [2 2]], got vector [3]',
  ],
  ['[:array :float [2 2]]', '[[1 2] [3 "x"]]', 'at [1][1]: expected :float, got string "x"'],
  ['[:array :int]', '[1 2]', 'ok'],
]);

rows('[:map …] records', [
  ['[:map [:id :int]]', '{:id 1}', 'ok'],
  ['[:map [:id :int]]', '{:id 1 :extra "open"}', 'ok'],
  ['[:map [:id :int]]', '{"id" 1}', 'ok'],
  ['[:map [:id :int]]', '{"id" "1"}', 'at .id: expected :int, got string "1"'],
  ['[:map [:id :int]]', '{}', 'at .id: expected :int, got nothing (missing key :id)'],
  ['[:map [:id :int]]', '{:id nil}', 'at .id: expected :int, got nil'],
  ['[:map [:id :int]]', '[[:id 1]]', 'expected [:map [:id :int]], got vector [[:id 1]]'],
  ['[:map [:name :string?]]', '{}', 'ok'],
  ['[:map [:name :string?]]', '{:name nil}', 'ok'],
  ['[:map [:name :string?]]', '{:name 1}', 'at .name: expected :string?, got integer 1'],
  ['[:map [:name :string {:optional true}]]', '{}', 'ok'],
  ['[:map [:name :string {:optional true}]]', '{:name "a"}', 'ok'],
  ['[:map [:name :string {:optional true}]]', '{:name nil}', 'at .name: expected :string, got nil'],
  ['[:map [:name {:optional true} :string]]', '{}', 'ok'],
  ['[:map [:name :string ?]]', '{}', 'ok'],
  ['[:map [:name :string ?]]', '{:name :n}', 'at .name: expected :string, got keyword :n'],
  [
    '[:map [:name :string? {:optional false}]]',
    '{}',
    'at .name: expected :string?, got nothing (missing key :name)',
  ],
  ['[:map {:id :int :nick :string?}]', '{:id 1}', 'ok'],
  [
    '[:map {:id :int :nick :string?}]',
    '{:nick "n"}',
    'at .id: expected :int, got nothing (missing key :id)',
  ],
  ['[:map [:id :int] [:* :string]]', '{:id 1 :a "x" :b "y"}', 'ok'],
  [
    '[:map [:id :int] [:* :string]]',
    '{:id 1 :a "x" :b 2}',
    'at .b: expected :string, got integer 2',
  ],
  ['[:map [:id :int] [:* :string]]', '{"id" 1 "b" "ok"}', 'ok'],
  ['[:map [:* :int]]', '{1 2 "x y" :z}', 'at ["x y"]: expected :int, got keyword :z'],
  ['[:map]', '{:anything 1}', 'ok'],
  ['[:record [:a :int]]', '{:a 1}', 'ok'],
  [
    '[:map [:user [:map [:tags [:vector :keyword]]]]]',
    '{:user {:tags [:a "b"]}}',
    'at .user.tags[1]: expected :keyword, got string "b"',
  ],
  [
    '[:map [:items [:vector [:map [:name :string]]]]]',
    '{:items [{:name "a"} {:name "b"} {:name 3}]}',
    'at .items[2].name: expected :string, got integer 3',
  ],
  [
    '[:map [:items [:vector [:map [:name :string]]]]]',
    '{:items [{:name "a"} {}]}',
    'at .items[1].name: expected :string, got nothing (missing key :name)',
  ],
]);

rows('[:map-of K V] and [:dict K V]', [
  ['[:map-of :keyword :int]', '{:a 1 :b 2}', 'ok'],
  ['[:map-of :keyword :int]', '{}', 'ok'],
  ['[:map-of :keyword :int]', '{:a 1 :b "2"}', 'at .b: expected :int, got string "2"'],
  ['[:map-of :keyword :int]', '{"a" 1}', 'at .a: expected map key :keyword, got string "a"'],
  ['[:map-of :string :any]', '{"a" nil "b" [1]}', 'ok'],
  ['[:map-of :int :string]', '{1 "a" 2 :b}', 'at [2]: expected :string, got keyword :b'],
  ['[:dict :string :int]', '{"x" 1}', 'ok'],
  ['[:dict :string :int]', '[]', 'expected [:map-of :string :int], got vector []'],
  ['[:map-of [:union :string :keyword] :int]', '{"a" 1 :b 2}', 'ok'],
]);

rows('[:union …] / [:or …]', [
  ['[:union :int :string]', '1', 'ok'],
  ['[:union :int :string]', '"a"', 'ok'],
  ['[:union :int :string]', ':a', 'expected [:union :int :string], got keyword :a'],
  ['[:or :nil [:vector :int]]', 'nil', 'ok'],
  ['[:or :nil [:vector :int]]', '[1]', 'ok'],
  ['[:or :nil [:vector :int]]', '["x"]', 'at [0]: expected :int, got string "x"'],
  ['[:union [:val 1] [:val 2]]', '2', 'ok'],
  ['[:union :nil [:map [:a :int]]]', '{:a "x"}', 'at .a: expected :int, got string "x"'],
  [
    '[:union :nil [:map [:a :int]]]',
    '[]',
    'expected [:union :nil [:map [:a :int]]], got vector []',
  ],
  ['[:union [:vector :int] [:map [:a :int]]]', '[1 :x]', 'at [1]: expected :int, got keyword :x'],
  [
    '[:union [:vector :int] [:tuple :string]]',
    '[:x]',
    'expected [:union [:vector :int] [:tuple :string]], got vector [:x]',
  ],
  [
    '[:union :int [:and :string [:min-length 2]]]',
    '"a"',
    'expected [:and :string [:min-length 2]], got string "a"',
  ],
]);

rows('[:and …] refinements', [
  ['[:and :int [:> 0]]', '1', 'ok'],
  ['[:and :int [:> 0]]', '0', 'expected [:and :int [:> 0]], got integer 0'],
  ['[:and :int [:> 0]]', '"1"', 'expected :int, got string "1"'],
  ['[:and :int [:>= 0] [:< 10]]', '0', 'ok'],
  ['[:and :int [:>= 0] [:< 10]]', '10', 'expected [:and :int [:>= 0] [:< 10]], got integer 10'],
  ['[:and :float [:<= 1.5]]', '1.5', 'ok'],
  ['[:and :float [:<= 1.5]]', '2', 'expected [:and :float [:<= 1.5]], got integer 2'],
  ['[:and :number [:= 1]]', '1.0', 'ok'],
  ['[:and :number [:!= 0]]', '0', 'expected [:and :number [:!= 0]], got integer 0'],
  ['[:and :number [:!= 0]]', '0.5', 'ok'],
  ['[:and :keyword [:= :a]]', ':a', 'ok'],
  ['[:and :vector [:= [1 2]]]', '[1 2]', 'ok'],
  ['[:and :vector [:!= []]]', '[]', 'expected [:and :vector [:!= []]], got vector []'],
  ['[:and :keyword [:!= :a]]', ':a', 'expected [:and :keyword [:!= :a]], got keyword :a'],
  ['[:and :int [:> 9007199254740992]]', '9007199254740993', 'ok'],
  [
    '[:and :int [:> 9007199254740993]]',
    '9007199254740993',
    'expected [:and :int [:> 9007199254740993]], got integer 9007199254740993',
  ],
  ['[:and :float [:> 0]]', '##NaN', 'expected [:and :float [:> 0]], got float ##NaN'],
  ['[:and :string [:min-length 3]]', '"abc"', 'ok'],
  [
    '[:and :string [:min-length 3]]',
    '"ab"',
    'expected [:and :string [:min-length 3]], got string "ab"',
  ],
  ['[:and :string [:max-length 2]]', '"ab"', 'ok'],
  [
    '[:and :string [:max-length 2]]',
    '"abc"',
    'expected [:and :string [:max-length 2]], got string "abc"',
  ],
  ['[:and :string [:length 2]]', '"😀é"', 'ok'],
  ['[:and :string [:matches-regex "^[a-z]+$"]]', '"abc"', 'ok'],
  [
    '[:and :string [:matches-regex "^[a-z]+$"]]',
    '"ab1"',
    'expected [:and :string [:matches-regex "^[a-z]+$"]], got string "ab1"',
  ],
  ['[:and :string [:matches-regex "b"]]', '"abc"', 'ok'],
  ['[:and :int [:in-range 1 5]]', '1', 'ok'],
  ['[:and :int [:in-range 1 5]]', '5', 'ok'],
  ['[:and :int [:in-range 1 5]]', '6', 'expected [:and :int [:in-range 1 5]], got integer 6'],
  ['[:and :vector [:min-count 1]]', '[1]', 'ok'],
  ['[:and :vector [:min-count 1]]', '[]', 'expected [:and :vector [:min-count 1]], got vector []'],
  [
    '[:and :vector [:max-count 1]]',
    '[1 2]',
    'expected [:and :vector [:max-count 1]], got vector [1 2]',
  ],
  ['[:and :map [:count 2]]', '{:a 1 :b 2}', 'ok'],
  ['[:and :list [:count 2]]', '(1 2)', 'ok'],
  [
    '[:and [:vector :int] [:non-empty]]',
    '[]',
    'expected [:and [:vector :int] [:non-empty]], got vector []',
  ],
  ['[:and [:vector :int] :non-empty]', '[1]', 'ok'],
  ['[:and [:vector :int] [:non-empty]]', '[:x]', 'at [0]: expected :int, got keyword :x'],
  ['[:and :string [:non-empty]]', '""', 'expected [:and :string [:non-empty]], got string ""'],
  ['[:and :map [:has-key :id]]', '{:id 1}', 'ok'],
  ['[:and :map [:has-key :id]]', '{"id" 1}', 'ok'],
  ['[:and :map [:has-key :id]]', '{:ID 1}', 'expected [:and :map [:has-key :id]], got map {:ID 1}'],
  ['[:and :map [:required-keys [:a :b]]]', '{:a 1 :b nil}', 'ok'],
  [
    '[:and :map [:required-keys [:a :b]]]',
    '{:a 1}',
    'expected [:and :map [:required-keys [:a :b]]], got map {:a 1}',
  ],
  ['[:and [:map [:a :int]] [:map [:b :int]]]', '{:a 1 :b 2}', 'ok'],
  [
    '[:and [:map [:a :int]] [:map [:b :int]]]',
    '{:a 1 :b "2"}',
    'at .b: expected :int, got string "2"',
  ],
  ['[:and [:> 0]]', '3', 'ok'],
  ['[:and [:> 0]]', '"3"', 'expected [:and [:> 0]], got string "3"'],
]);

rows('[:enum …] and [:val x]', [
  ['[:enum :a :b]', ':a', 'ok'],
  ['[:enum :a :b]', ':c', 'expected [:enum :a :b], got keyword :c'],
  ['[:enum :a :b]', '"a"', 'expected [:enum :a :b], got string "a"'],
  ['[:enum 1 "s" nil]', 'nil', 'ok'],
  ['[:enum 1 "s" nil]', '1.0', 'expected [:enum 1 "s" nil], got float 1.0'],
  ['[:val 5]', '5', 'ok'],
  ['[:val 5]', '6', 'expected [:val 5], got integer 6'],
  ['[:val [1 2]]', '[1 2]', 'ok'],
  ['[:val [1 2]]', '(1 2)', 'expected [:val [1 2]], got list (1 2)'],
  ['[:val {:a 1}]', '{:a 1}', 'ok'],
]);

rows('[:fn …] and [:resource …]', [
  ['[:fn [:int :int] :int]', FN, 'ok'],
  ['[:fn [:int & :int] :int]', FN, 'ok'],
  ['[:=> [:string] :nil]', FN, 'ok'],
  ['[:fn [:int] :int]', ':inc', 'expected [:fn [:int] :int], got keyword :inc'],
  ['[:fn [] :any]', 'nil', 'expected [:fn [] :any], got nil'],
  ['[:resource Db]', 'resource://db/main', 'ok'],
  ['[:resource Db]', '"db"', 'expected [:resource Db], got string "db"'],
]);

describe('values built in code', () => {
  it('accepts bigint ints and rejects boxed floats for :int', () => {
    expect(check(':int', 2n ** 62n)).toBeUndefined();
    expect(check(':int', float(2))).toBe('expected :int, got float 2.0');
  });

  it('sees vectors that share a longer array only up to their count', () => {
    const v = RVector.of(1, 2);
    v.conj('x'); // grows the shared array; v itself still holds [1 2]
    expect(check('[:vector :int]', v)).toBeUndefined();
  });

  it('checks large (hash-trie) maps', () => {
    const kvs: Value[] = [];
    for (let i = 0; i < 100; i++) kvs.push(kw(`k${i}`), i);
    const big = RMap.fromFlat(kvs);
    expect(check('[:map-of :keyword :int]', big)).toBeUndefined();
    expect(check('[:map [:k42 :int] [:* :int]]', big)).toBeUndefined();
    expect(check('[:map [:k42 :string]]', big)).toBe('at .k42: expected :string, got integer 42');
    const bad = big.assoc(kw('k7'), 'x');
    expect(check('[:map-of :keyword :int]', bad)).toBe('at .k7: expected :int, got string "x"');
  });

  it('checks lists built in code', () => {
    expect(check('[:list :int]', RList.of(1, 2))).toBeUndefined();
    expect(check('[:list :int]', RList.of(1, null))).toBe('at [1]: expected :int, got nil');
  });

  it('cuts long values in messages', () => {
    const long = RVector.from(Array.from({ length: 1000 }, (_, i) => i));
    const msg = check(':map', long) as string;
    expect(msg.startsWith('expected :map, got vector [0 1 2 3')).toBe(true);
    expect(msg.endsWith('…')).toBe(true);
    expect(msg.length).toBeLessThan(120);
    expect(check(':int', `"${'x'.repeat(500)}"`)).toMatch(/^expected :int, got string "x{30,}…$/);
  });
});
