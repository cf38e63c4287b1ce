/**
 * Golden vectors (T9): fixed RTFS values → fixed canonical bytes and SHA-256, and fixed
 * actions → fixed lines and chain hashes, checked into test/audit/golden/vectors.json
 * for other implementations. Regenerate (only for a deliberate format change, which
 * needs a new format version) with `UPDATE_GOLDEN=1 npx vitest run test/audit/golden`.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { read } from '../../src/syntax/index.js';
import { type Value, RErrorValue, RMap, RVector, float, kw } from '../../src/data/index.js';
import type { ActionInput } from '../../src/runtime/audit-sink.js';
import {
  ZERO_HASH,
  actionBody,
  canonicalValue,
  chainHash,
  formatLine,
  housekeepingBody,
  sha256Hex,
} from '../../src/audit/index.js';

const FILE = join(import.meta.dirname, 'golden', 'vectors.json');

const SOURCES = [
  'nil',
  'true',
  '42',
  '-7',
  '9007199254740991',
  '9007199254740992',
  '9223372036854775807',
  '-9223372036854775808',
  '1.0',
  '-0.0',
  '0.1',
  '1.0E21',
  '##NaN',
  '##Inf',
  '##-Inf',
  '"héllo 𝄞\\n\\"q\\""',
  ':a',
  ':ns.x/name',
  'sym',
  '(1 2)',
  '[1 (2 3) [4]]',
  '{:b 1 :a 2}',
  '{:a 2 :b 1}',
  '{"k" 2 3 4 [1 2] :v 1.0 5 :a nil}',
  '2026-01-02T03:04:05Z',
  '550e8400-e29b-41d4-a716-446655440000',
  'resource://db/users',
];

interface ValueVector {
  rtfs: string;
  canonical: string;
  sha256: string;
}
interface LineVector {
  note: string;
  seq: number;
  prev: string;
  a: string;
  hash: string;
  line: string;
}

function readOne(src: string): Value {
  const r = read(src);
  if (r.diagnostics.length > 0 || r.forms.length !== 1) throw new Error(`cannot read ${src}`);
  return r.forms[0] as Value;
}

const call: ActionInput = {
  id: '018f0000-0000-7000-8000-000000000001/0',
  type: 'CapabilityCall',
  parent: '018f0000-0000-7000-8000-000000000001',
  run: '018f0000-0000-7000-8000-000000000001',
  callPath: '0',
  name: 'demo.add',
  args: RVector.of(1, float(2.5), RMap.of(kw('b'), 'x', kw('a'), 1n << 62n)),
  meta: RMap.of(kw('decision'), kw('allow'), kw('rule'), null),
};
const result: ActionInput = {
  id: '018f0000-0000-7000-8000-000000000001/0/end',
  type: 'CapabilityResult',
  parent: '018f0000-0000-7000-8000-000000000001/0',
  run: '018f0000-0000-7000-8000-000000000001',
  callPath: '0',
  name: 'demo.add',
  result: { ok: true, value: new RErrorValue('not really', kw('demo/none'), null) },
  durationMs: 3,
};
const failed: ActionInput = {
  ...result,
  id: '018f0000-0000-7000-8000-000000000001/1/end',
  callPath: '1',
  result: {
    ok: false,
    error: { code: 'capability/denied', message: "capability 'x' is not allowed" },
  },
};

function lineVectors(): LineVector[] {
  const bodies: [string, string][] = [
    [
      'ChainOpened (seq 0, prev = 64 zeros)',
      housekeepingBody('ChainOpened', '00000000-0000-4000-8000-000000000000', 1767225600000, {
        chain_id: '000102030405060708090a0b0c0d0e0f',
        format: 'rtfs-cc/1',
        hash: 'sha256',
      }),
    ],
    ['CapabilityCall with tagged args and meta', actionBody(call, 1767225600001)],
    ['CapabilityResult whose value is an error value', actionBody(result, 1767225600004)],
    ['CapabilityResult that failed', actionBody(failed, 1767225600005)],
  ];
  let prev = ZERO_HASH;
  return bodies.map(([note, a], seq) => {
    const hash = chainHash(seq, prev, a);
    const v = { note, seq, prev, a, hash, line: formatLine(seq, prev, hash, a) };
    prev = hash;
    return v;
  });
}

function compute(): { format: string; values: ValueVector[]; lines: LineVector[] } {
  return {
    format: 'rtfs-cc/1',
    values: SOURCES.map((rtfs) => {
      const canonical = canonicalValue(readOne(rtfs));
      return { rtfs, canonical, sha256: sha256Hex(canonical) };
    }),
    lines: lineVectors(),
  };
}

describe('golden vectors', () => {
  const now = compute();
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(FILE, JSON.stringify(now, null, 2) + '\n');
  const golden = JSON.parse(readFileSync(FILE, 'utf8')) as ReturnType<typeof compute>;

  it('values encode to the checked-in bytes and hashes', () => {
    expect(now.values).toEqual(golden.values);
    const byText = new Map(golden.values.map((v) => [v.rtfs, v.canonical]));
    expect(byText.get('{:b 1 :a 2}')).toBe(byText.get('{:a 2 :b 1}'));
  });

  it('actions produce the checked-in lines and chain hashes', () => {
    expect(now.lines).toEqual(golden.lines);
    for (const l of golden.lines)
      expect(sha256Hex(`rtfs-causal-chain/v1\n${l.seq}\n${l.prev}\n${l.a}`)).toBe(l.hash);
  });
});
