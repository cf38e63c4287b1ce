/**
 * result-split.ts is only ever sure, never wrong: whenever it splits a body, the body it
 * gives is `JSON.parse` of the whole text (the same members, values and order), and a
 * result it does not parse again is one it parsed before from the same bytes. Bodies
 * with big results, repeated or not, are damaged byte by byte; chains that record a
 * result again verify to the records `readRecords` reads, and fail where they did.
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
import type { Json } from '../../src/audit/jcs.js';
import { ResultMemo } from '../../src/audit/result-split.js';
import { checkedAction } from '../../src/audit/validate.js';
import { readLines, rechain, tempDir, writeLines } from './helpers.js';
import { byteDamaged, damageArb } from '../support/text-damage.js';

const big = (tag: string): Json => ({
  $map: Array.from({ length: 40 }, (_, i) => [{ $kw: `k${i}` }, `${tag} value ${i} é`]),
});

const result = fc.oneof(
  fc.constantFrom<Json>(
    { ok: true, value: big('a') },
    { ok: true, value: big('b') },
    { ok: true, value: { $list: [big('a'), 1.5] } },
    { error: { code: 'c', message: 'm'.repeat(1200) }, ok: false },
    { ok: true },
  ),
  fc.string().map((s): Json => ({ ok: true, value: [s, big('c')] })),
);

const body = fc.record(
  {
    args: fc.constantFrom<Json>({ $kw: 'x' }, { $kw: 'x' }, big('args')),
    call_path: fc.constantFrom<Json>('a.b', null),
    duration_ms: fc.constantFrom<Json>(1.25, 3),
    id: fc.constantFrom<Json>('id-1', 7),
    name: fc.constantFrom<Json>('x.y', 'é'),
    parent: fc.constantFrom<Json>('p', null),
    result,
    result_hash: fc.constantFrom<Json>('h', 'h', 'h', 3),
    run: fc.constantFrom<Json>('r'),
    ts: fc.constantFrom<Json>(5, '5'),
    type: fc.constantFrom<Json>('CapabilityResult', 'StepCompleted'),
  },
  { requiredKeys: ['id', 'result', 'result_hash', 'ts', 'type'] },
);

/** A body's text, maybe damaged: a byte changed, removed or inserted, a key repeated, … */
const damage = damageArb(
  ['space', 'dup-result', 'escape-key', 'trail'],
  [' ', '"', '\\', ',', ':', '{', '}', '[', ']', '0', 'é', '\n'],
);

function damaged(text: string, [at, how, ch]: [number, string, string]): string {
  switch (how) {
    case 'flip':
    case 'drop':
    case 'insert':
      return byteDamaged(text, at, how, ch);
    case 'space':
      return text.replace(/,"result_hash"/, ', "result_hash"');
    case 'dup-result':
      return text.replace(/,"run"/, ',"result":{"ok":true},"run"');
    case 'escape-key':
      return text.replace('"result":', '"res\\u0075lt":');
    case 'trail':
      return text.replace(/,"result_hash"/, ',"zz":1,"result_hash"');
    default:
      return text;
  }
}

function whole(text: string): { text: string; action: unknown } | undefined {
  try {
    const o = JSON.parse(text) as Json;
    if (typeof o !== 'object' || o === null || Array.isArray(o)) return undefined;
    return { text: JSON.stringify(o), action: decodeAction(o) };
  } catch {
    return undefined;
  }
}

/** What the checker does with a body: split, then check (remembering the result). */
function split(
  memo: ResultMemo,
  text: string,
): { text: string; action: unknown; again: boolean } | undefined {
  const buf = Buffer.from(text, 'utf8');
  const s = memo.split(buf, 0, buf.length);
  if (s === undefined) return undefined;
  try {
    const action = { ...checkedAction(s.body, {}, s.checked) };
    s.accept();
    return { text: JSON.stringify(s.body), action, again: s.checked !== undefined };
  } catch {
    return undefined;
  }
}

describe('ResultMemo.split', () => {
  it('splits only bodies that parse, into what JSON.parse gives, repeated results too', () => {
    let splits = 0;
    let again = 0;
    fc.assert(
      fc.property(body, damage, body, damage, (b1, d1, b2, d2) => {
        const memo = new ResultMemo();
        // The checker reads the line's bytes (a lone surrogate is written as U+FFFD).
        const t1 = Buffer.from(damaged(JSON.stringify(b1), d1), 'utf8').toString('utf8');
        const t2 = Buffer.from(damaged(JSON.stringify(b2), d2), 'utf8').toString('utf8');
        for (const t of [t1, t2, t1, t2]) {
          const s = split(memo, t);
          if (s === undefined) continue;
          splits++;
          if (s.again) again++;
          const w = whole(t);
          expect(w, t).toBeDefined();
          expect(s.text).toBe(w?.text);
          expect(s.action).toEqual(w?.action);
        }
      }),
      { numRuns: 4000 },
    );
    expect(splits).toBeGreaterThan(300);
    expect(again).toBeGreaterThan(100);
  });

  it('does not take a result whose bytes differ for one seen before', () => {
    const memo = new ResultMemo();
    const text = (value: Json): string =>
      JSON.stringify({ id: 'i', result: { ok: true, value }, result_hash: 'h', ts: 1, type: 't' });
    expect(split(memo, text(big('a')))).toBeDefined();
    const bad = text(big('a')).replace('"k3"', '"k3",1');
    expect(split(memo, bad)).toBeUndefined();
    const undecodable = text(big('a')).replace('{"$kw":"k3"}', '{"$kw":3}');
    expect(split(memo, undecodable)).toBeUndefined();
  });
});

describe('verifyChain on results recorded again', () => {
  const value = (): RMap =>
    RMap.fromFlat(
      Array.from({ length: 60 }, (_, i) => [Keyword.of(`k${i}`), RVector.of(i, 'é 𝄞')]).flat(),
    );

  function chain(): { dir: string; lines: string[] } {
    const dir = tempDir('resultsplit');
    const c = JsonlChain.open(dir, { fsync: false, flushIntervalMs: 0 });
    const v = value();
    for (const [i, type] of (
      ['CapabilityResult', 'StepCompleted', 'StepCompleted'] as const
    ).entries())
      c.append({
        id: `run-1/${i}`,
        type,
        parent: 'run-1',
        run: 'run-1',
        callPath: `${i}`,
        name: 'demo.cap',
        result: { ok: true, value: v },
        durationMs: 1,
      });
    c.close();
    return { dir, lines: readLines(join(dir, segmentName(1))) };
  }

  it('verifies it and passes the records readRecords reads', () => {
    const { dir } = chain();
    const seen: ChainRecord[] = [];
    const r = verifyChain(dir, { onRecord: (x) => seen.push(x) });
    expect(r.ok).toBe(true);
    expect(seen).toEqual(readRecords(dir));
  });

  it('fails at a repeated result that was changed (and re-chained)', () => {
    const { dir, lines } = chain();
    const path = join(dir, segmentName(1));
    // Seq 3 holds the third copy: a value that does not decode, then one that does not parse.
    for (const [edit, kind] of [
      [(a: string) => a.replace('{"$kw":"k7"}', '{"$kw":7}'), 'bad-record'],
      [(a: string) => a.replace('{"$kw":"k7"}', '{"$kw":"k7"'), 'bad-json'],
    ] as const) {
      writeLines(
        path,
        rechain(lines, (i, a) => (i === 3 ? edit(a) : a)),
      );
      const r = verifyChain(dir, { checkHead: false });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.seq).toBe(3);
        expect(r.kind).toBe(kind);
      }
    }
  });
});
