/**
 * validate.ts against its definition: `validateValue` throws exactly what `decodeValue`
 * throws (nothing when it decodes), and `checkedAction` fails as `decodeAction` fails
 * and otherwise yields an equal action, member for member, in the same order.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { tagged } from './tagged-json.js';
import { decodeAction, decodeValue } from '../../src/audit/index.js';
import { checkedAction, validateValue } from '../../src/audit/validate.js';
import type { Json } from '../../src/audit/jcs.js';

function outcome(f: () => unknown): string {
  try {
    f();
    return 'ok';
  } catch (e) {
    return `${(e as Error).name}: ${(e as Error).message}`;
  }
}

describe('validateValue', () => {
  it('throws what decodeValue throws, and only then', () => {
    fc.assert(
      fc.property(tagged, (t) => {
        expect(outcome(() => validateValue(t, 'meta'))).toBe(outcome(() => decodeValue(t, 'meta')));
      }),
      { numRuns: 3000 },
    );
  });

  it('reports the path of a deep failure', () => {
    const t: Json = { $map: [[{ $kw: 'a' }, [1, { $list: [2, { $int: '5' }] }]]] };
    expect(outcome(() => validateValue(t))).toBe(outcome(() => decodeValue(t)));
    expect(outcome(() => validateValue(t))).toContain('at .$map[0][1][1].$list[1].$int');
  });
});

const action = (extra: { [key: string]: Json }): Json => ({
  call_path: 'a.b',
  id: 'id-1',
  parent: 'p',
  run: 'r',
  ts: 5,
  type: 'CapabilityCall',
  ...extra,
});

describe('checkedAction', () => {
  const bodies: Json[] = [
    action({}),
    action({ args: { $map: [[{ $kw: 'k' }, [1, 2]]] }, args_hash: 'h', name: 'x.y' }),
    action({ result: { ok: true, value: { $list: ['a'] } }, result_hash: 'h', duration_ms: 3 }),
    action({ result: { error: { code: 'c', message: 'm' }, ok: false } }),
    action({ meta: { $map: [[{ $kw: 'content' }, [{ $kw: 'x' }]]] } }),
    { data: { chain_id: 'c', format: 'rtfs-cc/1' }, id: 'i', ts: 1, type: 'ChainOpened' },
    action({ args: { $int: '5' } }),
    action({ meta: [{ $f: -0 }] }),
    action({ result: { ok: true } }),
    action({ result: { error: { code: 1, message: 'm' }, ok: false } }),
    action({ result: 'x' }),
    action({ name: 3 }),
    action({ parent: 4 }),
    action({ ts: '5' }),
    action({ args_hash: 1, args: { $kw: 1 } }),
    action({ result_hash: 1 }),
    action({ run: null }),
    [],
  ];

  it('fails as decodeAction fails, else yields an equal action in the same member order', () => {
    for (const b of bodies) {
      const want = outcome(() => decodeAction(b));
      expect(outcome(() => checkedAction(b))).toBe(want);
      if (want !== 'ok') continue;
      const a = checkedAction(b);
      const d = decodeAction(b);
      expect(Object.keys(a)).toEqual(Object.keys(d));
      expect(a).toEqual(d);
      expect({ ...checkedAction(b) }).toEqual({ ...d });
      expect(
        JSON.stringify(checkedAction(b), (_k, v: unknown) =>
          typeof v === 'bigint' ? String(v) : v,
        ),
      ).toBe(JSON.stringify(d, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)));
    }
  });

  it('decodes a value once, on first read', () => {
    const a = checkedAction(action({ meta: { $map: [[{ $kw: 'k' }, 1]] } }));
    expect(a.meta).toBe(a.meta);
    expect(Object.getOwnPropertyDescriptor(a, 'meta')).toMatchObject({
      writable: true,
      enumerable: true,
    });
  });
});
