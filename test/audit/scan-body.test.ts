/**
 * scan-body.ts is only ever sure, never wrong: whenever it accepts a body, parsing and
 * decoding the body as before succeeds too and yields an equal action. Bodies are made
 * from tagged data (valid and not), then damaged byte by byte.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { join } from 'node:path';
import {
  type ChainRecord,
  decodeAction,
  JsonlChain,
  readRecords,
  segmentName,
  verifyChain,
} from '../../src/audit/index.js';
import { Keyword, RMap, RVector } from '../../src/data/index.js';
import { bodyOf, readLines, rechain, sampleAction, tempDir, writeLines } from './helpers.js';
import { scanBody, skipTagged } from '../../src/audit/scan-body.js';
import { checkedAction } from '../../src/audit/validate.js';
import type { Json } from '../../src/audit/jcs.js';
import { byteDamaged, damageArb } from '../support/text-damage.js';

const scalar = fc.oneof(
  fc.constantFrom<Json>(0, -0, 1.5, 1e5, -7, 2 ** 53, 123456789012345, 'NaN', true, false, null),
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom<Json>('a"b', 'a\\b', '\u0001', '\u2028', 'é', '😀'),
);

const tagged: fc.Arbitrary<Json> = fc.letrec<{ v: Json }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('v'), { maxLength: 4 }),
    fc.record({ $kw: fc.oneof(fc.string(), scalar) }),
    fc.record({ $sym: fc.constantFrom<Json>('s', 1) }),
    fc.record({ $ts: fc.constant<Json>('2026-01-01T00:00:00Z') }),
    fc.record({ $uuid: fc.constant<Json>('u') }),
    fc.record({ $res: fc.constant<Json>('r') }),
    fc.record({ $fn: fc.constantFrom<Json>(null, 'f', 3) }),
    fc.record({ $int: fc.constantFrom<Json>('9007199254740993', '5') }),
    fc.record({ $f: fc.constantFrom<Json>(1.5, 'NaN') }),
    fc.record({ $list: fc.oneof(fc.array(tie('v'), { maxLength: 3 }), fc.constant<Json>('no')) }),
    fc.record({
      $map: fc.oneof(
        fc.array(fc.tuple(tie('v'), tie('v')) as fc.Arbitrary<Json>, { maxLength: 3 }),
        fc.array(fc.array(tie('v'), { maxLength: 3 }), { maxLength: 2 }),
      ),
    }),
    fc.record({ $kw: fc.constant<Json>('a'), $sym: fc.constant<Json>('b') }),
    fc.constant<Json>({}),
    fc.record({ $nope: tie('v') }),
  ),
})).v;

/** Only data decodeValue accepts (what writers write). */
const valid: fc.Arbitrary<Json> = fc.letrec<{ v: Json }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(fc.integer(), fc.string(), fc.boolean(), fc.constant(null)),
    fc.array(tie('v'), { maxLength: 4 }),
    fc.record({ $kw: fc.string() }),
    fc.record({ $fn: fc.constantFrom<Json>(null, 'f') }),
    fc.record({ $list: fc.array(tie('v'), { maxLength: 3 }) }),
    fc.record({
      $map: fc.array(fc.tuple(tie('v'), tie('v')) as fc.Arbitrary<Json>, { maxLength: 3 }),
    }),
  ),
})).v;

const value = fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: tagged, weight: 1 });

const body = fc.record(
  {
    args: value,
    args_hash: fc.constantFrom<Json>('h', 'h', 3),
    call_path: fc.constantFrom<Json>('a.b', null),
    data: fc.constantFrom<Json>({ meta: 1 }, { k: [1, { x: 'y' }] }),
    duration_ms: fc.constantFrom<Json>(1.25, 3, '4', -0),
    id: fc.constantFrom<Json>('id-1', 'id-2', 7),
    meta: value,
    name: fc.constantFrom<Json>('x.y', 'é'),
    parent: fc.constantFrom<Json>('p', null, 'p', 4),
    result: fc.constantFrom<Json>(
      { ok: true, value: { $kw: 'k' } },
      { error: { code: 'c', message: 'm' }, ok: false },
      { ok: true },
    ),
    run: fc.constantFrom<Json>('r'),
    ts: fc.constantFrom<Json>(5, 5, '5'),
    type: fc.constantFrom<Json>('ContentStored', 'CapabilityCall'),
  },
  { requiredKeys: ['id', 'ts', 'type'] },
);

/** A body's text, maybe damaged: a byte changed, removed or inserted, a space added, … */
const damage = damageArb(
  ['space', 'dup-key', 'escape-key'],
  [' ', '"', '\\', ',', ':', '{', '}', '[', ']', '0', 'e', '.', '-', '\n', 'é'],
);

function damaged(text: string, [at, how, ch]: [number, string, string]): string {
  switch (how) {
    case 'flip':
    case 'drop':
    case 'insert':
      return byteDamaged(text, at, how, ch);
    case 'space':
      return text.replace(/,"/, ', "');
    case 'dup-key':
      return text.replace(/^\{/, '{"id":5,');
    case 'escape-key':
      return text.replace('"meta"', '"me\\u0074a"');
    default:
      return text;
  }
}

function slow(text: string): { ok: true; action: unknown } | { ok: false } {
  try {
    const o = JSON.parse(text) as Json;
    if (typeof o !== 'object' || o === null || Array.isArray(o)) return { ok: false };
    return { ok: true, action: decodeAction(o) };
  } catch {
    return { ok: false };
  }
}

function fast(text: string): { ok: true; action: unknown } | undefined {
  const buf = Buffer.from(text, 'utf8');
  const s = scanBody(buf, 0, buf.length);
  if (s === undefined) return undefined;
  try {
    return { ok: true, action: { ...checkedAction(s.body, s.raw) } };
  } catch {
    return undefined;
  }
}

describe('scanBody', () => {
  it('accepts only bodies the full path accepts, with equal actions', () => {
    let accepted = 0;
    fc.assert(
      fc.property(body, damage, (b, d) => {
        // The checker parses the line's bytes (a lone surrogate is written as U+FFFD).
        const text = Buffer.from(damaged(JSON.stringify(b), d), 'utf8').toString('utf8');
        const f = fast(text);
        if (f === undefined) return;
        accepted++;
        const s = slow(text);
        expect(s.ok, text).toBe(true);
        if (s.ok) expect(f.action).toEqual(s.action);
      }),
      { numRuns: 10000 },
    );
    expect(accepted).toBeGreaterThan(200);
  });

  it('accepts the canonical body of a stored catalog', () => {
    const meta = {
      $map: [
        [
          { $kw: 'content' },
          [
            {
              $map: [
                [{ $kw: 'id' }, 'a.b'],
                [{ $kw: 'n' }, [1, -2, true, null]],
              ],
            },
          ],
        ],
        [{ $kw: 'kind' }, { $kw: 'catalog' }],
      ],
    };
    const text = JSON.stringify({
      call_path: 'c',
      id: 'i',
      meta,
      name: 'n',
      parent: 'p',
      run: 'r',
      ts: 1,
      type: 'ContentStored',
    });
    expect(fast(text)).toEqual(slow(text));
  });

  it('is not sure of what it does not check: $int, $f, $err, -0, 1.0, 1e5, 16 digits', () => {
    for (const v of [
      '{"$int":"9007199254740993"}',
      '{"$f":1.5}',
      '-0',
      '1.0',
      '1e5',
      '1234567890123456',
    ])
      expect(skipTagged(Buffer.from(v), 0, v.length)).toBe(-1);
    expect(skipTagged(Buffer.from('123456789012345'), 0, 15)).toBe(15);
  });
});

describe('verifyChain on big bodies (the byte scanner in the checker)', () => {
  const bigMeta = (n: number): RMap =>
    RMap.fromFlat([
      Keyword.of('content'),
      RVector.from(
        Array.from({ length: n }, (_, i) =>
          RMap.fromFlat([
            Keyword.of('id'),
            `svc.cap_${i}`,
            Keyword.of('tags'),
            RVector.of(i, 'é', true, null),
          ]),
        ),
      ),
      Keyword.of('kind'),
      Keyword.of('catalog'),
    ]);

  function bigChain(): { dir: string; lines: string[] } {
    const dir = tempDir('bigbody');
    const c = JsonlChain.open(dir, { fsync: false, flushIntervalMs: 0 });
    c.append(sampleAction(0));
    c.append({
      id: 'run-1/c',
      type: 'ContentStored',
      parent: 'run-1',
      run: 'run-1',
      callPath: 'content.0',
      name: 'h',
      meta: bigMeta(3000),
    });
    c.append(sampleAction(1));
    c.close();
    return { dir, lines: readLines(join(dir, segmentName(1))) };
  }

  it('verifies it and passes the records readRecords reads', () => {
    const { dir, lines } = bigChain();
    expect(Buffer.byteLength(bodyOf(lines[2] ?? ''))).toBeGreaterThan(1 << 16);
    const seen: ChainRecord[] = [];
    const r = verifyChain(dir, { onRecord: (x) => seen.push(x) });
    expect(r.ok).toBe(true);
    expect(seen).toEqual(readRecords(dir));
  });

  it('reports a damaged big body as the full path does', () => {
    const { lines } = bigChain();
    const edits: ((a: string) => string)[] = [
      (a) => a.replace('{"$kw":"tags"}', '{"$kw":5}'),
      (a) => a.replace('"svc.cap_7"', '1.5'),
      (a) => a.replace('{"$kw":"tags"}', '{"$kw":"tags","$sym":"x"}'),
      (a) => a.replace('"svc.cap_9"', '{"$int":"12"}'),
      (a) => a.replace('"run":"run-1"', '"run":7'),
      (a) => a.replace('"svc.cap_9"', '"svc.cap_9" '),
      (a) => a.replace('[{"$kw":"id"}', '[{"$kw":"id"},'),
      (a) => a.replace('"svc.cap_11"', '"\\u0041"'),
      (a) => a.replace('"svc.cap_12"', '{"$f":-0}'),
    ];
    for (const edit of edits) {
      const dir = tempDir('bigbody-bad');
      writeLines(
        join(dir, segmentName(1)),
        rechain(lines, (i, a) => (i === 2 ? edit(a) : a)),
      );
      const fast = verifyChain(dir, { checkHead: false });
      const text = bodyOf(rechain(lines, (i, a) => (i === 2 ? edit(a) : a))[2] ?? '');
      const full = slow(text);
      expect(fast.ok).toBe(full.ok);
      if (!fast.ok) {
        expect(fast).toMatchObject({ line: 3, seq: 2 });
        // The message is the full path's own (checker.ts decodeBody).
        let message: string;
        try {
          const o = JSON.parse(text) as Json;
          try {
            decodeAction(o);
            message = 'decodes';
          } catch (e) {
            message = (e as Error).message;
          }
        } catch (e) {
          message = `the body is not JSON: ${(e as Error).message}`;
        }
        expect(fast.message).toBe(message);
      }
    }
  });
});
