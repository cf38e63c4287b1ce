/**
 * Item 2 of issue 15: the chain cannot be forged by someone without the signing key.
 * `--sign-key FILE` (and the environment) sign a checkpoint at the end of every run;
 * `verify --pubkey` fails on any record no valid signature covers and names it; a
 * record appended with a correctly recomputed hash passes an unsigned verify (that is
 * all a hash chain can promise) but never a signed one, and replay refuses it too.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  JsonlChain,
  chainHash,
  formatLine,
  generateSigningKeys,
  readRecords,
  segmentName,
  verifyChain,
} from '../../src/audit/index.js';
import { readLines, rechain, tempDir, writeLines } from '../audit/helpers.js';
import { rtfs } from '../cli/run-cli.js';

let base = '';
let key = '';
let pub = '';
let prog = '';

beforeAll(() => {
  base = tempDir('forgery');
  key = join(base, 'key.pem');
  pub = `${key}.pub`;
  const k = rtfs(['chain', 'keygen', key]);
  expect(k.code).toBe(0);
  prog = join(base, 'p.rtfs');
  writeFileSync(prog, '(call "ccos.echo" "hello")\n');
});

/** A CapabilityCall appended by a forger: correct seq, prev and hash, no signature. */
function appendForged(dir: string): number {
  const seg = join(dir, segmentName(1));
  const last = readLines(seg).at(-1) as string;
  const { seq, hash } = JSON.parse(last) as { seq: number; hash: string };
  const a = JSON.stringify({
    call_path: '9',
    id: 'forged',
    name: 'ccos.fs.read',
    parent: null,
    run: 'forged',
    ts: 1,
    type: 'CapabilityCall',
  });
  appendFileSync(seg, formatLine(seq + 1, hash, chainHash(seq + 1, hash, a), a));
  return seq + 1;
}

describe('signed chains', () => {
  it('run --sign-key: a checkpoint ends every run; verify --pubkey passes; the note says signed', () => {
    const dir = join(base, 'signed');
    for (let i = 0; i < 2; i++)
      expect(rtfs(['run', prog, '--allow', '*', '--chain', dir, '--sign-key', key]).code).toBe(0);
    const recs = readRecords(dir);
    const ends = recs.filter((r) => r.action.type === 'PlanCompleted').map((r) => r.seq);
    for (const e of ends) expect(recs[e + 1]?.action.type).toBe('Checkpoint');
    const v = rtfs(['chain', 'verify', dir, '--pubkey', pub]);
    expect(v.code).toBe(0);
    expect(v.stdout).toContain('by the given key');
    expect(rtfs(['chain', 'replay', dir, '--pubkey', pub]).code).toBe(0);
  });

  it('the key can come from RTFS_CHAIN_SIGNING_KEY_FILE or RTFS_CHAIN_SIGNING_KEY', () => {
    const envs: Record<string, string>[] = [
      { RTFS_CHAIN_SIGNING_KEY_FILE: key },
      { RTFS_CHAIN_SIGNING_KEY: readFileSync(key, 'utf8') },
    ];
    for (const env of envs) {
      const dir = tempDir('env-signed');
      expect(rtfs(['run', prog, '--allow', '*', '--chain', dir], { env }).code).toBe(0);
      expect(verifyChain(dir, { publicKey: readFileSync(pub, 'utf8') })).toMatchObject({
        ok: true,
      });
    }
  });

  it('a forged record with a recomputed hash: unsigned verify passes, verify --pubkey names it', () => {
    const dir = join(base, 'forged');
    expect(rtfs(['run', prog, '--allow', '*', '--chain', dir, '--sign-key', key]).code).toBe(0);
    const seq = appendForged(dir);
    const plain = verifyChain(dir);
    expect(plain).toMatchObject({ ok: true, unsigned: 1 });
    const v = rtfs(['chain', 'verify', dir, '--pubkey', pub]);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain(`record ${seq} (CapabilityCall)`);
    expect(v.stdout).toContain('unsigned');
    const r = rtfs(['chain', 'replay', dir, '--pubkey', pub]);
    expect(r.code).toBe(1);
  });

  it('a history rewritten and re-signed with another key fails; so does a wrong --pubkey', () => {
    const dir = join(base, 'rewritten');
    expect(rtfs(['run', prog, '--allow', '*', '--chain', dir, '--sign-key', key]).code).toBe(0);
    // The forger edits a result and re-chains everything, then signs with their own key.
    const seg = join(dir, segmentName(1));
    const lines = rechain(readLines(seg), (_i, a) => a.replace('"hello"', '"HELLO"'));
    const forged = tempDir('forger');
    writeLines(
      join(forged, segmentName(1)),
      lines.filter((l) => !l.includes('"Checkpoint"')),
    );
    const other = generateSigningKeys();
    JsonlChain.open(forged, { signingKey: other.privateKeyPem, flushIntervalMs: 0 }).close();
    expect(verifyChain(forged, { checkHead: false })).toMatchObject({ ok: true });
    expect(verifyChain(forged, { publicKey: readFileSync(pub, 'utf8') })).toMatchObject({
      ok: false,
      kind: 'bad-signature',
    });
    const wrong = join(base, 'wrong.pub');
    writeFileSync(wrong, other.publicKeyPem);
    expect(rtfs(['chain', 'verify', dir, '--pubkey', wrong]).code).toBe(1);
  });

  it('an unsigned chain under verify --pubkey fails: no signature covers anything', () => {
    const dir = join(base, 'unsigned');
    expect(rtfs(['run', prog, '--allow', '*', '--chain', dir]).code).toBe(0);
    const v = rtfs(['chain', 'verify', dir]);
    expect(v.code).toBe(0);
    expect(v.stdout).toContain('unsigned chain');
    expect(rtfs(['chain', 'verify', dir, '--pubkey', pub]).code).toBe(1);
  });

  it('bad key files are usage errors', () => {
    const dir = tempDir('badkey');
    const r = rtfs(['run', prog, '--chain', dir, '--sign-key', pub]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--sign-key');
    const r2 = rtfs(['chain', 'verify', join(base, 'signed'), '--pubkey', prog]);
    expect(r2.code).toBe(2);
    const r3 = rtfs(['chain', 'keygen', key]);
    expect(r3.code).toBe(2);
    expect(r3.stderr).toContain('already exists');
  });
});
