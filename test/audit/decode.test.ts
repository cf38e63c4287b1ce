/**
 * decode.ts: `decodeValue` decodes without paths first and again with them when that
 * fails; it must give what the path decoder `decodeAt` gives, value or error (message
 * and path), for any data.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { decodeAt, decodeValue } from '../../src/audit/decode.js';
import type { Json } from '../../src/audit/jcs.js';
import { tagged } from './tagged-json.js';

function outcome(f: () => unknown): unknown {
  try {
    return { value: f() };
  } catch (e) {
    return { error: `${(e as Error).name}: ${(e as Error).message}` };
  }
}

describe('decodeValue', () => {
  it('gives what the path decoder gives, value or error', () => {
    fc.assert(
      fc.property(tagged, (t) => {
        expect(outcome(() => decodeValue(t, 'args'))).toEqual(outcome(() => decodeAt(t, 'args')));
      }),
      { numRuns: 3000 },
    );
  });

  it('names the place of a fault under a rare tag, from the top', () => {
    const t: Json = {
      $map: [
        [{ $kw: 'a' }, 1],
        [{ $kw: 'b' }, { $list: [{ $err: { code: 'e/x', data: { $int: '5' }, message: 'm' } }] }],
      ],
    };
    expect(() => decodeValue(t, 'result')).toThrow(
      'non-canonical $int (a safe integer is a JSON number) at result.$map[1][1].$list[0].$err.data.$int',
    );
  });

  it('decodes well-formed data of every tag', () => {
    const t: Json = {
      $list: [
        { $kw: 'k' },
        { $sym: 's' },
        { $ts: '2026-01-01T00:00:00Z' },
        { $uuid: 'u' },
        { $res: 'r' },
        { $int: '9007199254740993' },
        { $f: 1.5 },
        { $fn: null },
        { $err: { code: 'e/x', data: null, message: 'm' } },
        { $map: [[{ $kw: 'a' }, [1, 'x', true, null]]] },
      ],
    };
    expect(decodeValue(t)).toEqual(decodeAt(t, ''));
  });
});
