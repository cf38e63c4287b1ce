/** An arbitrary of tagged JSON data, well-formed and not (validate and decode tests). */
import fc from 'fast-check';
import type { Json } from '../../src/audit/jcs.js';

/** Tagged data, well-formed and not: tags, near-tags, bad bodies, nested at any depth. */
export const tagged: fc.Arbitrary<Json> = fc.letrec<{ v: Json }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<Json>(0, -0, 1.5, 2 ** 60, 'NaN', 'x', true, null, -7),
    fc.array(tie('v'), { maxLength: 4 }),
    fc.record({ $kw: fc.constantFrom<Json>('a', 1, null) }),
    fc.record({ $sym: fc.constantFrom<Json>('s', []) }),
    fc.record({ $ts: fc.constantFrom<Json>('2026-01-01T00:00:00Z', 3) }),
    fc.record({ $uuid: fc.constantFrom<Json>('u', false) }),
    fc.record({ $res: fc.constantFrom<Json>('r', {}) }),
    fc.record({
      $int: fc.constantFrom<Json>(
        '9007199254740993',
        '-9007199254740993',
        '5',
        '01',
        '99999999999999999999',
        7,
      ),
    }),
    fc.record({ $f: fc.constantFrom<Json>(1.5, -0, '-0', 'NaN', 'Infinity', '-Infinity', 'inf') }),
    fc.record({ $fn: fc.constantFrom<Json>(null, 'f', 3) }),
    fc.record({ $list: fc.oneof(fc.array(tie('v'), { maxLength: 3 }), fc.constant<Json>('no')) }),
    fc.record({
      $map: fc.oneof(
        fc.array(fc.tuple(tie('v'), tie('v')) as fc.Arbitrary<Json>, { maxLength: 3 }),
        fc.array(fc.array(tie('v'), { maxLength: 3 }), { maxLength: 2 }),
        fc.constant<Json>({}),
      ),
    }),
    fc.record({
      $err: fc.oneof(
        fc.record({
          code: fc.constantFrom<Json>('e/x', 1),
          data: tie('v'),
          message: fc.constant<Json>('m'),
        }),
        fc.record({ code: fc.constant<Json>('e/x'), message: fc.constant<Json>('m') }),
        fc.constant<Json>([]),
      ),
    }),
    fc.record({ $kw: fc.constant<Json>('a'), $sym: fc.constant<Json>('b') }),
    fc.constant<Json>({}),
    fc.record({ $nope: tie('v') }),
  ),
})).v;
