/** T13: Ed25519 signed checkpoints. */
import { describe, it, expect, beforeAll } from 'vitest';
import type { KeyObject } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  JsonlChain,
  MemoryChain,
  generateSigningKeys,
  keyId,
  loadPublicKey,
  readHead,
  readRecords,
  resolveSigningKey,
  segmentName,
  signCheckpoint,
  loadPrivateKey,
  verifyChain,
  KEY_ENV,
  KEY_FILE_ENV,
  ZERO_HASH,
  chainHash,
  formatLine,
  housekeepingBody,
} from '../../src/audit/index.js';
import {
  bodyOf,
  readLines,
  rechain,
  sampleAction,
  tempDir,
  writeChain,
  writeLines,
} from './helpers.js';

const right = generateSigningKeys();
const wrong = generateSigningKeys();
let dir: string;
let lines: string[];

beforeAll(() => {
  dir = tempDir('signed');
  writeChain(dir, 350, { signingKey: right.privateKeyPem, checkpointEvery: 100 });
  lines = readLines(join(dir, segmentName(1)));
});

/** Rewrites the chain (after `edit`), re-signing every checkpoint with `key`. */
function forge(
  src: readonly string[],
  key: KeyObject,
  edit: (i: number, a: string) => string,
): string[] {
  const out: string[] = [];
  let prev = ZERO_HASH;
  let chainId = '';
  src.forEach((l, i) => {
    let a = edit(i, bodyOf(l));
    const o = JSON.parse(a) as {
      id: string;
      ts: number;
      type: string;
      data?: { chain_id?: string };
    };
    if (i === 0) chainId = String(o.data?.chain_id);
    if (o.type === 'Checkpoint')
      a = housekeepingBody(
        'Checkpoint',
        o.id,
        o.ts,
        signCheckpoint(key, chainId, out.length - 1, prev),
      );
    const seq = out.length;
    const hash = chainHash(seq, prev, a);
    out.push(formatLine(seq, prev, hash, a).slice(0, -1));
    prev = hash;
  });
  return out;
}

function copyWith(mutated: readonly string[]): string {
  const d = tempDir('forged');
  writeLines(join(d, segmentName(1)), mutated);
  return d;
}

describe('T13: signed checkpoints', () => {
  it('writes a Checkpoint every N records and at close, each naming the record before it', () => {
    const recs = readRecords(dir);
    const cps = recs.filter((r) => r.action.type === 'Checkpoint');
    expect(cps.map((r) => r.seq)).toEqual([100, 201, 302, 354]);
    for (const cp of cps) {
      expect(cp.action.data).toMatchObject({ seq: cp.seq - 1, hash: recs[cp.seq - 1]?.hash });
      expect(cp.action.data?.key_id).toBe(keyId(loadPublicKey(right.publicKeyPem)));
    }
    expect(recs[0]?.action.data?.public_key).toBe(cps[0]?.action.data?.public_key);
    expect(readHead(dir)).toMatchObject({ seq: 354, checkpoint: 354 });
  });

  it('the right public key passes; signedThrough is the last covered seq', () => {
    const r = verifyChain(dir, { publicKey: right.publicKeyPem });
    expect(r).toMatchObject({ ok: true, checkpoints: 4, signedThrough: 353 });
    expect(verifyChain(dir, { publicKey: right.privateKeyPem, strict: true }).ok).toBe(true);
    expect(verifyChain(dir).ok).toBe(true); // embedded key: self-consistency only
  });

  it('a wrong key fails at the first checkpoint', () => {
    const r = verifyChain(dir, { publicKey: wrong.publicKeyPem });
    expect(r).toMatchObject({ ok: false, kind: 'bad-signature', line: 101, seq: 100 });
  });

  it('a forged history re-signed with another key fails against the trusted key', () => {
    const attacker = loadPrivateKey(wrong.privateKeyPem);
    const forged = forge(lines, attacker, (i, a) =>
      i === 50 ? a.replace('"run":"run-1"', '"run":"evil"') : a,
    );
    const d = copyWith(forged);
    expect(verifyChain(d).ok).toBe(true); // a self-consistent forgery …
    expect(verifyChain(d, { publicKey: right.publicKeyPem })).toMatchObject({
      ok: false,
      kind: 'bad-signature',
      line: 101,
      message: 'checkpoint signed by another key',
    });
  });

  it('an edit that keeps the old signatures fails at the next checkpoint', () => {
    const forged = rechain(lines, (i, a) =>
      i === 150 ? a.replace('"run":"run-1"', '"run":"evil"') : a,
    );
    const d = copyWith(forged);
    expect(verifyChain(d, { publicKey: right.publicKeyPem })).toMatchObject({
      ok: false,
      kind: 'bad-signature',
      line: 202,
    });
    expect(verifyChain(d)).toMatchObject({ ok: false, kind: 'bad-signature', line: 202 });
  });

  it('stripping every checkpoint fails when a key is required', () => {
    const stripped = rechain(lines, (_i, a) => (a.endsWith('"type":"Checkpoint"}') ? null : a));
    const d = copyWith(stripped);
    expect(verifyChain(d).ok).toBe(true);
    expect(verifyChain(d, { publicKey: right.publicKeyPem })).toMatchObject({
      ok: false,
      kind: 'bad-signature',
      message: 'no checkpoint signed by the given key',
    });
  });

  it('reads the key from the environment or a PEM file; MemoryChain signs on save', () => {
    expect(resolveSigningKey({ env: {} })).toBeUndefined();
    const fromEnv = resolveSigningKey({ env: { [KEY_ENV]: right.privateKeyPem } });
    expect(fromEnv?.asymmetricKeyType).toBe('ed25519');
    const file = join(tempDir('key'), 'chain.pem');
    writeFileSync(file, right.privateKeyPem);
    expect(resolveSigningKey({ env: { [KEY_FILE_ENV]: file } })?.type).toBe('private');
    expect(() => resolveSigningKey({ env: { [KEY_ENV]: right.publicKeyPem } })).toThrow();
    const m = new MemoryChain({ signingKey: fromEnv });
    for (let i = 0; i < 5; i++) m.append(sampleAction(i));
    const d = tempDir();
    m.save(d);
    expect(verifyChain(d, { publicKey: right.publicKeyPem })).toMatchObject({
      ok: true,
      checkpoints: 1,
    });
    const c = JsonlChain.open(d, { signingKey: fromEnv, flushIntervalMs: 0 });
    c.append(sampleAction(5));
    c.close();
    expect(verifyChain(d, { publicKey: right.publicKeyPem })).toMatchObject({
      ok: true,
      checkpoints: 2,
    });
  });
});
