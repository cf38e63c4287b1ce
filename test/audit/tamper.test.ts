/** T1 (tamper a line), T2 (delete/insert/swap/duplicate), T3 (truncation vs HEAD), T6 (mid-file corruption). */
import { describe, it, expect, beforeAll } from 'vitest';
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  ChainCorruptError,
  JsonlChain,
  type VerifyResult,
  chainHash,
  formatLine,
  segmentName,
  verifyChain,
} from '../../src/audit/index.js';
import { bodyOf, readLines, rechain, tempDir, writeChain, writeLines } from './helpers.js';

const N = 1000;
let master: string;
let lines: string[];

beforeAll(() => {
  master = tempDir('master');
  writeChain(master, N);
  lines = readLines(join(master, segmentName(1)));
});

/** A copy of the master chain with its segment replaced by `mutated` (no HEAD). */
function verifyMutated(
  mutated: readonly (string | Buffer)[],
  opts: { head?: boolean; strict?: boolean } = {},
): VerifyResult {
  const d = tempDir('mut');
  writeLines(join(d, segmentName(1)), mutated);
  if (opts.head) copyFileSync(join(master, 'HEAD'), join(d, 'HEAD'));
  const r = verifyChain(d, { strict: opts.strict ?? false });
  rmSync(d, { recursive: true, force: true });
  return r;
}

function expectFailure(r: VerifyResult, line: number, kind: string, seq?: number): void {
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect({ line: r.line, kind: r.kind }).toEqual({ line, kind });
  expect(r.verified).toBe(line - 1);
  if (seq !== undefined) expect(r.seq).toBe(seq);
}

const setAt = (xs: readonly string[], k: number, line: string | Buffer): (string | Buffer)[] =>
  xs.map((l, i) => (i === k - 1 ? line : l));

describe('T1: tampering with one line is reported at exactly that line', () => {
  it('the untouched chain verifies (fast and strict)', () => {
    expect(lines.length).toBe(N + 1);
    const r = verifyChain(master);
    expect(r).toMatchObject({ ok: true, count: N + 1, headFile: true, head: { seq: N } });
    expect(verifyChain(master, { strict: true }).ok).toBe(true);
  });

  it('one flipped byte inside `a` → hash-mismatch at line k', () => {
    const ks = fc.sample(fc.integer({ min: 1, max: N + 1 }), 40).concat([1, 2, N, N + 1]);
    for (const k of ks) {
      const line = lines[k - 1] as string;
      const b = Buffer.from(line);
      const aStart = line.indexOf(',"a":') + 5;
      const pos = aStart + ((k * 7919) % (b.length - 1 - aStart));
      b[pos] = (b[pos] as number) ^ 0x01;
      expectFailure(verifyMutated(setAt(lines, k, b)), k, 'hash-mismatch', k - 1);
    }
  });

  it('an edited prev → prev-mismatch; an edited seq → seq-gap; an edited hash → hash-mismatch', () => {
    for (const k of [1, 2, 500, N + 1]) {
      const line = lines[k - 1] as string;
      const prevAt = line.indexOf('"prev":"') + 8;
      const editedPrev =
        line.slice(0, prevAt) + (line[prevAt] === 'a' ? 'b' : 'a') + line.slice(prevAt + 1);
      expectFailure(verifyMutated(setAt(lines, k, editedPrev)), k, 'prev-mismatch', k - 1);
      const editedSeq = line.replace(/^\{"seq":\d+/, `{"seq":${k + 5}`);
      expectFailure(verifyMutated(setAt(lines, k, editedSeq)), k, 'seq-gap', k + 5);
      const hashAt = line.indexOf('"hash":"') + 8;
      const editedHash =
        line.slice(0, hashAt) + (line[hashAt] === 'f' ? 'e' : 'f') + line.slice(hashAt + 1);
      expectFailure(verifyMutated(setAt(lines, k, editedHash)), k, 'hash-mismatch', k - 1);
    }
  });

  it('a content edit with a recomputed hash on that line → prev-mismatch at the next line', () => {
    const k = 300;
    const line = lines[k - 1] as string;
    const seq = k - 1;
    const prev = line.slice(line.indexOf('"prev":"') + 8, line.indexOf('"prev":"') + 72);
    const a = bodyOf(line).replace('"demo.cap', '"evil.cap');
    const forged = formatLine(seq, prev, chainHash(seq, prev, a), a).slice(0, -1);
    expectFailure(verifyMutated(setAt(lines, k, forged)), k + 1, 'prev-mismatch', k);
  });

  it('garbage and a broken envelope → bad-json at line k', () => {
    expectFailure(verifyMutated(setAt(lines, 10, 'not json at all')), 10, 'bad-json');
    const l = lines[9] as string;
    expectFailure(verifyMutated(setAt(lines, 10, l.replace('"prev"', '"prev_"'))), 10, 'bad-json');
    expectFailure(
      verifyMutated(setAt(lines, 10, l.replace('{"seq":9', '{"seq":09'))),
      10,
      'bad-json',
    );
  });
});

describe('T2: deleted, inserted, swapped and duplicated lines', () => {
  it('deleting line k → seq-gap at line k (the next record)', () => {
    for (const k of [1, 2, 400, N]) {
      const mutated = lines.filter((_, i) => i !== k - 1);
      expectFailure(verifyMutated(mutated), k, 'seq-gap', k);
    }
  });

  it('duplicating line k → seq-gap at line k + 1', () => {
    for (const k of [1, 250, N + 1]) {
      const mutated = [...lines.slice(0, k), lines[k - 1] as string, ...lines.slice(k)];
      expectFailure(verifyMutated(mutated), k + 1, 'seq-gap', k - 1);
    }
  });

  it('swapping lines k and k + 1 → seq-gap at line k', () => {
    for (const k of [1, 600, N]) {
      const mutated = [...lines];
      [mutated[k - 1], mutated[k]] = [mutated[k] as string, mutated[k - 1] as string];
      expectFailure(verifyMutated(mutated), k, 'seq-gap', k);
    }
  });

  it('inserting a foreign line (same seq, from another chain) → prev-mismatch at line k', () => {
    const other = tempDir('other');
    writeChain(other, 50);
    const foreign = readLines(join(other, segmentName(1)));
    const k = 21;
    const mutated = [...lines.slice(0, k - 1), foreign[k - 1] as string, ...lines.slice(k - 1)];
    expectFailure(verifyMutated(mutated), k, 'prev-mismatch', k - 1);
  });

  it('strict mode also reports a well-hashed but non-canonical line', () => {
    const k = 42;
    const spaced = rechain(lines, (i, body) =>
      i === k - 1 ? body.replace('"id":', '"id": ') : body,
    );
    expect(verifyMutated(spaced).ok).toBe(true); // the fast path hashes raw bytes only
    expectFailure(verifyMutated(spaced, { strict: true }), k, 'non-canonical', k - 1);
  });
});

describe('strict mode', () => {
  it('rejects a body that is not valid UTF-8, even with a matching hash', () => {
    const k = 7;
    const line = lines[k - 1] as string;
    const raw = Buffer.from(bodyOf(line).replace('"run-1"', '"run-\u00e9"'));
    const at = raw.indexOf(0xc3); // é is C3 A9: break it into C3 FF
    raw[at + 1] = 0xff;
    const prev = line.slice(line.indexOf('"prev":"') + 8, line.indexOf('"prev":"') + 72);
    const hash = chainHash(k - 1, prev, raw);
    const head = Buffer.from(`{"seq":${k - 1},"prev":"${prev}","hash":"${hash}","a":`);
    const forged = Buffer.concat([head, raw, Buffer.from('}')]);
    const all: (string | Buffer)[] = [...lines.slice(0, k - 1), forged];
    expect(verifyMutated(all).ok).toBe(true);
    expectFailure(verifyMutated(all, { strict: true }), k, 'bad-json', k - 1);
  });
});

describe('T3: cutting the tail is detected only against HEAD', () => {
  it('dropping the last 10 lines: OK without HEAD, head-mismatch with it', () => {
    const cut = lines.slice(0, -10);
    expect(verifyMutated(cut)).toMatchObject({ ok: true, count: N + 1 - 10 });
    const r = verifyMutated(cut, { head: true });
    expect(r).toMatchObject({ ok: false, kind: 'head-mismatch', line: N + 1 - 10 + 1 });
  });

  it('a rewritten history that keeps the length is caught by HEAD too', () => {
    const forged = rechain(lines, (i, a) => (i === 5 ? a.replace('"step-', '"stop-') : a));
    expect(verifyMutated(forged).ok).toBe(true); // a full rewrite is self-consistent …
    expect(verifyMutated(forged, { head: true })).toMatchObject({
      ok: false,
      kind: 'head-mismatch',
    });
  });
});

describe('T6: mid-file corruption is never repaired', () => {
  it('open for append refuses (changing nothing) and verify names the line', () => {
    const d = tempDir('t6');
    writeChain(d, 99); // 100 lines
    const seg = join(d, segmentName(1));
    const ls = readLines(seg);
    ls[9] = (ls[9] as string).replace('"step-', '"STEP-');
    writeLines(seg, ls);
    const before = readFileSync(seg);
    let err: unknown;
    try {
      JsonlChain.open(d).close();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ChainCorruptError);
    expect((err as ChainCorruptError).failure).toMatchObject({
      line: 10,
      kind: 'hash-mismatch',
      seq: 9,
    });
    expect((err as Error).message).toMatch(/line 10 \(seq 9\): hash-mismatch/);
    expect(readFileSync(seg).equals(before)).toBe(true);
    expect(verifyChain(d)).toMatchObject({ ok: false, line: 10, kind: 'hash-mismatch' });
    // The lock was released: the refusal is repeatable, not a lock error.
    expect(() => JsonlChain.open(d)).toThrow(ChainCorruptError);
  });
});
