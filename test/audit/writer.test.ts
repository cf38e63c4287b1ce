/** The writer: batching, HEAD, locking, open-and-recover (fault injection), T7, MemoryChain. */
import { describe, it, expect } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import {
  appendFileSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { hostname } from 'node:os';
import { RVector, kw } from '../../src/data/index.js';
import {
  ChainCorruptError,
  ChainLockedError,
  JsonlChain,
  MemoryChain,
  readHead,
  readRecords,
  segmentName,
  verifyChain,
} from '../../src/audit/index.js';
import { readLines, sampleAction, tempDir, writeChain, writeLines } from './helpers.js';

const seg = (d: string) => join(d, segmentName(1));

describe('JsonlChain', () => {
  it('starts with ChainOpened and continues the same chain after reopening', () => {
    const d = tempDir();
    writeChain(d, 10);
    const c = JsonlChain.open(d, { flushIntervalMs: 0 });
    expect(c.lastSeq).toBe(10);
    c.append(sampleAction(10));
    c.close();
    const recs = readRecords(d);
    expect(recs.map((r) => r.seq)).toEqual(Array.from({ length: 12 }, (_, i) => i));
    expect(recs[0]?.action.type).toBe('ChainOpened');
    expect(recs.filter((r) => r.action.type === 'ChainOpened')).toHaveLength(1);
    expect(recs[0]?.action.data?.chain_id).toBe(c.chainId);
    expect(verifyChain(d)).toMatchObject({
      ok: true,
      count: 12,
      chainId: c.chainId,
      headFile: true,
    });
    expect(readHead(d)).toMatchObject({ seq: 11, hash: recs[11]?.hash, chain_id: c.chainId });
  });

  it('buffers until batchSize, flush(), a durable append or close', () => {
    const d = tempDir();
    const c = JsonlChain.open(d, { batchSize: 10, flushIntervalMs: 0 });
    const lines = () => readLines(seg(d)).length;
    expect(lines()).toBe(1);
    for (let i = 0; i < 5; i++) c.append(sampleAction(i));
    expect(lines()).toBe(1);
    expect(c.durableSeq).toBe(0);
    c.append(sampleAction(5), true);
    expect(lines()).toBe(7);
    expect(c.durableSeq).toBe(6);
    for (let i = 6; i < 15; i++) c.append(sampleAction(i));
    expect(lines()).toBe(7);
    c.append(sampleAction(15));
    expect(lines()).toBe(17); // the 10th buffered record triggered the write
    c.append(sampleAction(16));
    c.flush();
    expect(lines()).toBe(18);
    c.close();
    expect(() => c.append(sampleAction(17))).toThrow(/closed/);
  });

  it('flushes buffered records on a timer', async () => {
    const d = tempDir();
    const c = JsonlChain.open(d, { batchSize: 1000, flushIntervalMs: 20 });
    c.append(sampleAction(0));
    await new Promise((r) => setTimeout(r, 120));
    expect(readLines(seg(d))).toHaveLength(2);
    c.close();
  });

  it('stores args_hash/result_hash and decodes values back', () => {
    const d = tempDir();
    const c = JsonlChain.open(d, { flushIntervalMs: 0 });
    c.append(sampleAction(1));
    c.append(sampleAction(6));
    c.append({ ...sampleAction(5), args: undefined, argsHash: 'f'.repeat(64) });
    c.close();
    const [, call, res, redacted] = readRecords(d);
    expect(call?.action.argsHash).toMatch(/^[0-9a-f]{64}$/);
    expect(res?.action.result).toEqual({ ok: true, value: RVector.of(6, kw('done')) });
    expect(res?.action.resultHash).toMatch(/^[0-9a-f]{64}$/);
    expect(redacted?.action.args).toBeUndefined();
    expect(redacted?.action.argsHash).toBe('f'.repeat(64));
    expect(verifyChain(d, { strict: true }).ok).toBe(true); // args_hash alone: redacted args
    const d2 = tempDir();
    const c2 = JsonlChain.open(d2, { flushIntervalMs: 0 });
    c2.append({ ...sampleAction(1), argsHash: 'f'.repeat(64) }); // a hash that is not of args
    c2.close();
    expect(verifyChain(d2).ok).toBe(true);
    expect(verifyChain(d2, { strict: true })).toMatchObject({
      ok: false,
      kind: 'bad-record',
      line: 2,
    });
  });

  it('handles records larger than the read buffer', () => {
    const d = tempDir();
    const c = JsonlChain.open(d, { flushIntervalMs: 0 });
    const big = 'x'.repeat(6 << 20);
    c.append({ ...sampleAction(0), args: big });
    c.append(sampleAction(1));
    c.close();
    expect(verifyChain(d, { strict: true })).toMatchObject({ ok: true, count: 3 });
    expect(readRecords(d)[1]?.action.args).toBe(big);
  });
});

describe('single writer', () => {
  it('a second writer in this process fails fast; after close it can open', () => {
    const d = tempDir();
    const c = JsonlChain.open(d, { flushIntervalMs: 0 });
    expect(() => JsonlChain.open(d)).toThrow(ChainLockedError);
    expect(() => JsonlChain.open(d)).toThrow(/locked by this process/);
    c.close();
    JsonlChain.open(d, { flushIntervalMs: 0 }).close();
  });

  it('a live lock holder in another process makes open fail; a dead one is stale', async () => {
    const d = tempDir();
    writeChain(d, 1);
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      const owner = { pid: sleeper.pid, host: hostname(), started: new Date().toISOString() };
      writeFileSync(join(d, 'LOCK'), JSON.stringify(owner));
      expect(() => JsonlChain.open(d)).toThrow(new RegExp(`locked by pid ${sleeper.pid}`));
    } finally {
      sleeper.kill('SIGKILL');
    }
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    writeFileSync(join(d, 'LOCK'), JSON.stringify({ pid: dead, host: hostname() }));
    const c = JsonlChain.open(d, { flushIntervalMs: 0 });
    expect(JSON.parse(readFileSync(join(d, 'LOCK'), 'utf8'))).toMatchObject({ pid: process.pid });
    c.close();
    await Promise.resolve();
  });
});

describe('open and recover (fault injection)', () => {
  const setup = (n = 20) => {
    const d = tempDir('rec');
    writeChain(d, n);
    return { d, before: readFileSync(seg(d)) };
  };

  it('half a line plus garbage is trimmed, and RecoveryTruncated says what was dropped', () => {
    const { d, before } = setup();
    const torn = Buffer.from('{"seq":21,"prev":"abc\u0000\u0000garbage');
    appendFileSync(seg(d), torn);
    const c = JsonlChain.open(d, { flushIntervalMs: 0 });
    expect(c.recovery).toMatchObject({ kind: 'torn-tail', line: 22, bytes: torn.length, seq: 21 });
    c.close();
    const recs = readRecords(d);
    const rt = recs[21]?.action;
    expect(rt?.type).toBe('RecoveryTruncated');
    expect(rt?.data).toMatchObject({ after_seq: 20, bytes: torn.length, kind: 'torn-tail' });
    expect(Buffer.from(String(rt?.data?.dropped), 'base64').equals(torn)).toBe(true);
    expect(readFileSync(seg(d)).subarray(0, before.length).equals(before)).toBe(true);
    expect(verifyChain(d)).toMatchObject({ ok: true, count: 22 });
  });

  it('an unparseable or mis-hashed complete last line is trimmed too', () => {
    for (const bad of ['{"seq":21,"prev":"zz"}', 'garbage']) {
      const { d } = setup();
      appendFileSync(seg(d), bad + '\n');
      const c = JsonlChain.open(d, { flushIntervalMs: 0 });
      expect(c.recovery?.kind).toBe('bad-json');
      c.close();
      expect(verifyChain(d).ok).toBe(true);
    }
    const { d } = setup();
    const ls = readLines(seg(d));
    ls[ls.length - 1] = (ls.at(-1) as string).replace('"run":"run-1"', '"run":"run-2"');
    writeLines(seg(d), ls);
    // That line was durable (HEAD names it), so this is tampering, not a torn write …
    expect(() => JsonlChain.open(d)).toThrow(/head-mismatch/);
    // … but without HEAD, a bad last line is indistinguishable from a torn one.
    rmSync(join(d, 'HEAD'));
    const c = JsonlChain.open(d, { flushIntervalMs: 0 });
    expect(c.recovery).toMatchObject({ kind: 'hash-mismatch', line: 21 });
    c.close();
    // RecoveryTruncated, then RecoveryHeadRebuilt: the missing HEAD is recorded too.
    const types = readRecords(d).map((r) => r.action.type);
    expect(types).toHaveLength(22);
    expect(types.slice(20)).toEqual(['RecoveryTruncated', 'RecoveryHeadRebuilt']);
  });

  it('two bad lines at the tail, or a well-formed line that does not link, are refused', () => {
    {
      const { d, before } = setup();
      appendFileSync(seg(d), 'garbage\n{"seq":');
      expect(() => JsonlChain.open(d)).toThrow(ChainCorruptError);
      expect(readFileSync(seg(d)).subarray(0, before.length).equals(before)).toBe(true);
    }
    {
      const { d } = setup();
      const ls = readLines(seg(d));
      writeLines(seg(d), [...ls, ls.at(-1) as string]); // duplicate last line
      expect(() => JsonlChain.open(d)).toThrow(/seq-gap/);
    }
  });

  it('a log cut back behind HEAD is refused', () => {
    const { d } = setup();
    const ls = readLines(seg(d));
    writeLines(seg(d), ls.slice(0, -3));
    expect(() => JsonlChain.open(d)).toThrow(/head-mismatch/);
  });

  it('an empty segment, or one holding only a torn first line, starts a new chain', () => {
    const d1 = tempDir();
    writeFileSync(seg(d1), '');
    JsonlChain.open(d1, { flushIntervalMs: 0 }).close();
    expect(verifyChain(d1)).toMatchObject({ ok: true, count: 1 });
    const d2 = tempDir();
    writeFileSync(seg(d2), '{"seq":0,"prev":"00000');
    const c = JsonlChain.open(d2, { flushIntervalMs: 0 });
    c.close();
    expect(readRecords(d2).map((r) => r.action.type)).toEqual(['ChainOpened', 'RecoveryTruncated']);
    expect(verifyChain(d2).ok).toBe(true);
  });

  it('a truncated file with fsynced HEAD: trimming never goes behind HEAD', () => {
    const { d } = setup(5);
    const size = statSync(seg(d)).size;
    truncateSync(seg(d), size - 5); // the last (durable, HEAD-named) line is now torn
    expect(() => JsonlChain.open(d)).toThrow(/head-mismatch/);
  });
});

describe('T7: concurrent producers', () => {
  it('32 async producers × 250 records with random awaits → one unbroken chain', async () => {
    const d = tempDir('t7');
    const c = JsonlChain.open(d, { batchSize: 64, fsync: false, flushIntervalMs: 5 });
    const P = 32;
    const PER = 250;
    const producer = async (p: number) => {
      for (let i = 0; i < PER; i++) {
        const r = Math.random();
        if (r < 0.3) await new Promise((res) => setImmediate(res));
        else if (r < 0.35) await new Promise((res) => setTimeout(res, Math.random() * 3));
        else if (r < 0.6) await Promise.resolve();
        c.append({ ...sampleAction(i, `p${p}`), durationMs: i }, Math.random() < 0.01);
      }
    };
    await Promise.all(Array.from({ length: P }, (_, p) => producer(p)));
    c.close();
    const recs = readRecords(d);
    expect(recs).toHaveLength(P * PER + 1);
    expect(recs.every((r, i) => r.seq === i)).toBe(true);
    expect(new Set(recs.map((r) => r.prev)).size).toBe(recs.length); // no fork
    for (let p = 0; p < P; p++) {
      const mine = recs.filter((r) => r.action.run === `p${p}`).map((r) => r.action.durationMs);
      expect(mine).toEqual(Array.from({ length: PER }, (_, i) => i)); // per-producer order
    }
    expect(verifyChain(d, { strict: true })).toMatchObject({ ok: true, count: P * PER + 1 });
  });
});

describe('MemoryChain', () => {
  it('builds the same kind of chain in memory and saves it as a verifiable directory', () => {
    const m = new MemoryChain({ now: () => 1000 });
    for (let i = 0; i < 8; i++) m.append(sampleAction(i));
    m.flush();
    expect(m.lastSeq).toBe(8);
    expect(m.records().map((r) => r.action.type)[0]).toBe('ChainOpened');
    expect(m.records()[2]?.action.args).toBeDefined();
    const d = tempDir();
    m.save(d);
    expect(verifyChain(d, { strict: true })).toMatchObject({
      ok: true,
      count: 9,
      chainId: m.chainId,
    });
    expect(() => m.save(d)).toThrow(/already holds/);
    const c = JsonlChain.open(d, { flushIntervalMs: 0 });
    c.append(sampleAction(9));
    c.close();
    expect(verifyChain(d).ok).toBe(true);
  });
});
