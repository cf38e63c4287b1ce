/** The VERIFIED mark (ADR 0032): open and the end-of-run verify cost what was appended. */
import { describe, it, expect } from 'vitest';
import { appendFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ChainCorruptError,
  JsonlChain,
  VERIFIED_FILE,
  type ChainRecord,
  generateSigningKeys,
  readRecords,
  segmentName,
  verifyChain,
  verifyChainTo,
} from '../../src/audit/index.js';
import { recoverChain } from '../../src/audit/recover.js';
import { readLines, sampleAction, tempDir, writeChain, writeLines } from './helpers.js';

const seg = (d: string): string => join(d, segmentName(1));
const opts = { fsync: false, flushIntervalMs: 0 } as const;

/** One writer session: open, append `n` records of `run`, close. */
function session(d: string, n: number, run: string, more = {}): JsonlChain {
  const c = JsonlChain.open(d, { ...opts, ...more });
  for (let i = 0; i < n; i++) c.append(sampleAction(i, run));
  c.close();
  return c;
}

type Mark = { segments: { size: number; mtime_ns: string; ctime_ns: string }[] };

/** Rewrites the mark so that it names the segment as it is now (a forger's move). */
function forgeIdentity(d: string): void {
  const m = JSON.parse(readFileSync(join(d, VERIFIED_FILE), 'utf8')) as Mark;
  const s = statSync(seg(d), { bigint: true });
  const id = m.segments[0]!;
  id.size = Number(s.size);
  id.mtime_ns = String(s.mtimeNs);
  id.ctime_ns = String(s.ctimeNs);
  writeFileSync(join(d, VERIFIED_FILE), JSON.stringify(m));
}

/** Changes one character of line `k` (1-based) in place: same length, bad hash. */
function flipLine(d: string, k: number): void {
  const ls = readLines(seg(d));
  ls[k - 1] = ls[k - 1]!.replace('"run":"run-1"', '"run":"run-9"');
  writeLines(seg(d), ls);
}

describe('VERIFIED mark', () => {
  it('repeated sessions reuse the mark; the chain verifies in full', () => {
    const d = tempDir('mark');
    expect(recoverChain(tempDir('empty')).fromMark).toBe(false);
    for (let s = 0; s < 5; s++) {
      session(d, 30, `run-${s}`);
      expect(recoverChain(d).fromMark).toBe(true);
    }
    expect(verifyChain(d)).toMatchObject({ ok: true, count: 151 });
  });

  it('close(point) leaves the mark where the caller verified to, and the next open uses it', () => {
    const d = tempDir('mark-point');
    session(d, 10, 'run-0');
    const c = JsonlChain.open(d, opts);
    for (let i = 0; i < 20; i++) c.append(sampleAction(i, 'run-1'));
    c.flush();
    const seen: ChainRecord[] = [];
    const v = verifyChainTo(d, { from: c.verifiedPoint, onRecord: (r) => void seen.push(r) });
    expect(v.result).toMatchObject({ ok: true, count: 31 });
    expect(v.result).toEqual(verifyChain(d));
    expect(seen).toHaveLength(20);
    expect(v.point?.state.seq).toBe(30);
    c.close(v.point);
    const r = recoverChain(d);
    expect(r.fromMark).toBe(true);
    expect(r.point).toEqual(v.point);
    // A point the log does not hold (here: one from another chain) is ignored.
    const other = tempDir('mark-other');
    session(other, 3, 'run-x');
    const o = JsonlChain.open(other, opts);
    o.append(sampleAction(0, 'run-y'));
    o.close(v.point);
    expect(recoverChain(other).fromMark).toBe(true);
    expect(verifyChain(other)).toMatchObject({ ok: true, count: 5 });
  });

  it('an old chain without a mark is verified in full, then marked', () => {
    const d = tempDir('mark');
    writeChain(d, 20);
    writeFileSync(join(d, VERIFIED_FILE), 'not json');
    expect(recoverChain(d).fromMark).toBe(false);
    session(d, 5, 'run-2');
    expect(recoverChain(d).fromMark).toBe(true);
  });

  it('verifyChain from the point open verified gives the full result and only new records', () => {
    const d = tempDir('mark');
    session(d, 40, 'run-1', { signingKey: generateSigningKeys().privateKeyPem });
    const c = session(d, 12, 'run-2');
    const seen: ChainRecord[] = [];
    const part = verifyChain(d, { from: c.verifiedPoint, onRecord: (r) => seen.push(r) });
    const full = verifyChain(d);
    expect(part).toEqual(full);
    expect(full).toMatchObject({ ok: true, checkpoints: 1, count: 54 });
    expect(seen.map((r) => r.seq)).toEqual(
      readRecords(d)
        .slice(42)
        .map((r) => r.seq),
    );
    expect(seen.every((r) => r.action.run === 'run-2')).toBe(true);
  });

  it('a tampered prefix line: open falls back to the full verify and refuses', () => {
    const d = tempDir('mark');
    session(d, 20, 'run-1');
    flipLine(d, 5);
    // With the mark taken nothing would be scanned: the refusal shows the fallback.
    expect(() => JsonlChain.open(d)).toThrow(ChainCorruptError);
    expect(verifyChain(d)).toMatchObject({ ok: false, kind: 'hash-mismatch', line: 5 });
  });

  it('a forged mark over a tampered prefix: verify catches it; a signed writer refuses', () => {
    const d = tempDir('mark');
    session(d, 20, 'run-1');
    flipLine(d, 5);
    forgeIdentity(d);
    // Without a key, the forged mark is taken (the documented trade-off) …
    expect(recoverChain(d).fromMark).toBe(true);
    // … and `verify` (never reads the mark) still reports the line.
    expect(verifyChain(d)).toMatchObject({ ok: false, kind: 'hash-mismatch', line: 5 });
    const key = generateSigningKeys().privateKeyPem;
    const s = tempDir('mark');
    session(s, 20, 'run-1', { signingKey: key });
    expect(recoverChain(s).fromMark).toBe(true);
    flipLine(s, 5);
    forgeIdentity(s);
    expect(() => JsonlChain.open(s, { signingKey: key })).toThrow(ChainCorruptError);
  });

  it('a forged mark over a changed last line is not taken (the line is re-hashed)', () => {
    const d = tempDir('mark');
    session(d, 21, 'run-1');
    flipLine(d, 22);
    forgeIdentity(d);
    expect(() => JsonlChain.open(d)).toThrow(/head-mismatch/);
  });

  it('an edited mark is not taken', () => {
    const d = tempDir('mark');
    session(d, 20, 'run-1');
    const text = readFileSync(join(d, VERIFIED_FILE), 'utf8');
    const m = JSON.parse(text) as { point: { state: { seq: number } } };
    m.point.state.seq -= 1;
    writeFileSync(join(d, VERIFIED_FILE), JSON.stringify(m));
    expect(recoverChain(d).fromMark).toBe(false);
    session(d, 3, 'run-2');
    expect(verifyChain(d)).toMatchObject({ ok: true, count: 24 });
  });

  it('a torn tail after a crash is recovered as before', () => {
    const d = tempDir('mark');
    session(d, 20, 'run-1');
    const torn = Buffer.from('{"seq":21,"prev":"abc');
    appendFileSync(seg(d), torn);
    const c = JsonlChain.open(d, opts);
    expect(c.recovery).toMatchObject({ kind: 'torn-tail', line: 22, bytes: torn.length });
    c.close();
    expect(readRecords(d).at(-1)?.action.type).toBe('RecoveryTruncated');
    expect(verifyChain(d)).toMatchObject({ ok: true, count: 22 });
    expect(recoverChain(d).fromMark).toBe(true);
  });

  it('content stored in an earlier session is known from the mark', () => {
    const d = tempDir('mark');
    const c1 = JsonlChain.open(d, opts);
    c1.append({
      id: 'c',
      type: 'ContentStored',
      parent: null,
      run: 'run-1',
      callPath: '',
      name: 'sha256:abc',
    });
    c1.close();
    const c2 = JsonlChain.open(d, opts);
    expect(recoverChain(d).fromMark).toBe(true);
    expect(c2.hasContent('sha256:abc')).toBe(true);
    expect(c2.hasContent('sha256:def')).toBe(false);
    c2.close();
  });
});
