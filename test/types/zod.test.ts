/** toZod: RTFS types as zod schemas for JSON data at the host boundary. */
import { describe, it, expect } from 'vitest';
import { toZod } from '../../src/types/zod.js';
import { type } from './helpers.js';

type Row = readonly [type: string, json: string, ok: boolean];

function accepts(t: string, json: string): boolean {
  return toZod(type(t)).safeParse(JSON.parse(json)).success;
}

const rows: Row[] = [
  [':int', '1', true],
  [':int', '1.5', false],
  [':float', '1', true],
  [':number', '1.5', true],
  [':string', '"s"', true],
  [':string', '1', false],
  [':keyword', '"status"', true],
  [':bool', 'false', true],
  [':nil', 'null', true],
  [':any', '{"a":[1]}', true],
  [':never', 'null', false],
  [':string?', 'null', true],
  [':string?', '"x"', true],
  [':timestamp', '"2024-01-15T10:30:00Z"', true],
  [':timestamp', '"yesterday"', false],
  [':uuid', '"550e8400-e29b-41d4-a716-446655440000"', true],
  [':uuid', '"550e8400"', false],
  [':resource', '"resource://db/main"', true],
  [':fn', 'null', false],
  [':vector', '[1, "a"]', true],
  [':map', '{"a": 1}', true],
  [':map', '[]', false],
  ['[:vector :int]', '[1, 2]', true],
  ['[:vector :int]', '[1, "2"]', false],
  ['[:tuple :int :string]', '[1, "a"]', true],
  ['[:tuple :int :string]', '[1, "a", 2]', false],
  ['[:array :int [2 ?]]', '[[1], [2, 3]]', true],
  ['[:array :int [2 ?]]', '[[1]]', false],
  ['[:map [:id :int] [:name :string?]]', '{"id": 1, "extra": true}', true],
  ['[:map [:id :int] [:name :string?]]', '{"name": "n"}', false],
  ['[:map [:id :int] [:* :string]]', '{"id": 1, "a": "x"}', true],
  ['[:map [:id :int] [:* :string]]', '{"id": 1, "a": 2}', false],
  ['[:map-of :int :string]', '{"1": "a", "-2": "b"}', true],
  ['[:map-of :int :string]', '{"x": "a"}', false],
  ['[:map-of :keyword :int]', '{"a": 1}', true],
  ['[:union :int :string]', '"a"', true],
  ['[:union :int :string]', 'true', false],
  ['[:and :int [:> 0] [:< 10]]', '5', true],
  ['[:and :int [:> 0] [:< 10]]', '10', false],
  ['[:and :string [:min-length 2] [:matches-regex "^a"]]', '"ab"', true],
  ['[:and :string [:min-length 2] [:matches-regex "^a"]]', '"ba"', false],
  ['[:and :map [:required-keys [:a :b]]]', '{"a": 1, "b": 2}', true],
  ['[:and :map [:has-key :a]]', '{"b": 2}', false],
  ['[:and :vector [:non-empty]]', '[]', false],
  ['[:and :number [:in-range 0 1]]', '0.5', true],
  ['[:and :keyword [:!= :done]]', '"done"', false],
  ['[:enum :a :b 1]', '"a"', true],
  ['[:enum :a :b 1]', '"c"', false],
  ['[:val [1 {:a 2}]]', '[1, {"a": 2}]', true],
  ['[:val [1 {:a 2}]]', '[1, {"a": 3}]', false],
];

describe('toZod', () => {
  it.each(rows)('%s on %s → %s', (t, json, ok) => {
    expect(accepts(t, json)).toBe(ok);
  });

  it('reports zod paths and RTFS type names', () => {
    const r = toZod(type('[:map [:items [:vector [:map [:name :string]]]]]')).safeParse({
      items: [{ name: 'a' }, { name: 3 }],
    });
    expect(r.success).toBe(false);
    const issue = r.error?.issues[0];
    expect(issue?.path).toEqual(['items', 1, 'name']);
    expect(issue?.message).toBe('expected :string');
  });
});
