/**
 * Items 3, 5 and 14 of issue 15. A line that hashes correctly but is not a record
 * (written by a non-conforming or hostile writer) fails verify at its line, and every
 * reader reports it as a diagnostic with its line number instead of crashing (exit 3).
 * An unreadable or missing HEAD is damage: the writer records that it rebuilt HEAD. A
 * cut that leaves a partial line behind HEAD's record is a cut, not a torn tail. File
 * system mistakes are usage errors (exit 2) naming the path.
 */
import { describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ChainCorruptError,
  JsonlChain,
  chainHash,
  formatLine,
  readRecords,
  verifyChain,
} from '../../src/audit/index.js';
import { readLines, tempDir, writeChain, writeLines } from '../audit/helpers.js';
import { rtfs } from '../cli/run-cli.js';

/** A line that links and hashes correctly but whose body is not JSON. */
function forgedLine(lines: readonly string[], body: string): string {
  const last = lines.at(-1) as string;
  const { seq, hash } = JSON.parse(last) as { seq: number; hash: string };
  return formatLine(seq + 1, hash, chainHash(seq + 1, hash, body), body).slice(0, -1);
}

const NOT_JSON = '{"type":"CapabilityCall",not json}';

describe('a malformed record with a valid hash', () => {
  it('fails verify (default and strict) at its line', () => {
    const d = tempDir('malformed');
    const seg = writeChain(d, 5);
    const lines = readLines(seg);
    writeLines(seg, [...lines, forgedLine(lines, NOT_JSON)]);
    for (const strict of [false, true]) {
      const r = verifyChain(d, { strict, checkHead: false });
      expect(r).toMatchObject({ ok: false, kind: 'bad-json', line: lines.length + 1 });
    }
    // A body that is JSON but not an action (no id/type/ts).
    writeLines(seg, [...lines, forgedLine(lines, '{"x":1}')]);
    expect(verifyChain(d, { checkHead: false })).toMatchObject({
      ok: false,
      kind: 'bad-record',
      line: lines.length + 1,
    });
  });

  it('as the last line it is trimmed on reopen (and recorded); in the middle the writer refuses', () => {
    const d = tempDir('malformed-open');
    const seg = writeChain(d, 5);
    const lines = readLines(seg);
    writeLines(seg, [...lines, forgedLine(lines, NOT_JSON)]);
    const c = JsonlChain.open(d, { flushIntervalMs: 0 });
    expect(c.recovery).toMatchObject({ kind: 'bad-json', line: lines.length + 1 });
    c.close();
    expect(verifyChain(d)).toMatchObject({ ok: true });

    const d2 = tempDir('malformed-mid');
    const seg2 = writeChain(d2, 5);
    const l2 = readLines(seg2);
    const forged = forgedLine(l2, NOT_JSON);
    const { hash } = JSON.parse(`${forged.slice(0, forged.indexOf(',"a":'))}}`) as {
      hash: string;
    };
    const after = formatLine(l2.length + 1, hash, chainHash(l2.length + 1, hash, '{}'), '{}');
    writeFileSync(seg2, [...l2, forged, after.slice(0, -1)].join('\n') + '\n');
    expect(() => JsonlChain.open(d2)).toThrow(ChainCorruptError);
  });

  it('every CLI reader reports the line (exit 1), never an internal error', () => {
    const d = tempDir('malformed-cli');
    const seg = writeChain(d, 5);
    const lines = readLines(seg);
    const bad = forgedLine(lines, NOT_JSON);
    writeLines(seg, [...lines, bad]);
    const n = lines.length + 1;
    const v = rtfs(['chain', 'verify', d]);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain(`line ${n}`);
    for (const cmd of [
      ['show'],
      ['show', '--tree'],
      ['query', '--type', 'StepStarted'],
      ['stats'],
    ]) {
      const r = rtfs(['chain', cmd[0] as string, d, ...cmd.slice(1)]);
      expect(r.stderr, cmd.join(' ')).toContain(`line ${n}: not a chain record`);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
      expect(r.code, cmd.join(' ')).toBe(1);
    }
    const rp = rtfs(['chain', 'replay', d]);
    expect(rp.code).toBe(1);
    expect(rp.stderr).toContain(`line ${n}`);
    // The next run trims it (recorded), and the readers work again.
    const prog = join(d, '..', 'p.rtfs');
    writeFileSync(prog, '(+ 1 2)\n');
    expect(rtfs(['run', prog, '--chain', d]).code).toBe(0);
    expect(rtfs(['chain', 'stats', d]).code).toBe(0);
    expect(readRecords(d).some((r) => r.action.type === 'RecoveryTruncated')).toBe(true);
  });
});

describe('HEAD', () => {
  it('garbage HEAD hiding a cut: the writer records RecoveryHeadRebuilt; verify reports HEAD', () => {
    const d = tempDir('head-garbage');
    const seg = writeChain(d, 12);
    const lines = readLines(seg);
    writeLines(seg, lines.slice(0, -3));
    writeFileSync(join(d, 'HEAD'), 'garbage\n');
    expect(verifyChain(d)).toMatchObject({ ok: false, kind: 'head-mismatch' });
    const c = JsonlChain.open(d, { flushIntervalMs: 0 });
    c.close();
    const recs = readRecords(d);
    const rebuilt = recs.find((r) => r.action.type === 'RecoveryHeadRebuilt');
    expect(rebuilt?.action.data).toMatchObject({
      reason: 'unreadable',
      after_seq: lines.length - 4,
    });
    expect(Buffer.from(String(rebuilt?.action.data?.head), 'base64').toString()).toBe('garbage\n');
    expect(verifyChain(d)).toMatchObject({ ok: true });
  });

  it('a missing HEAD on a non-empty log is recorded too', () => {
    const d = tempDir('head-missing');
    writeChain(d, 3);
    rmSync(join(d, 'HEAD'));
    const c = JsonlChain.open(d, { flushIntervalMs: 0 });
    c.close();
    const rebuilt = readRecords(d).filter((r) => r.action.type === 'RecoveryHeadRebuilt');
    expect(rebuilt.map((r) => r.action.data?.reason)).toEqual(['missing']);
  });

  it('a 23-record cut ending in a partial line is a head-mismatch, not a torn tail', () => {
    const d = tempDir('cut');
    const seg = writeChain(d, 60);
    const text = readFileSync(seg);
    const lines = readLines(seg);
    const keep = lines.slice(0, lines.length - 23).join('\n').length + 1;
    writeFileSync(seg, text.subarray(0, keep + 40));
    const r = verifyChain(d);
    expect(r).toMatchObject({ ok: false, kind: 'head-mismatch' });
    if (!r.ok) expect(r.message).toContain('23 record(s) were cut');
    expect(() => JsonlChain.open(d)).toThrow(ChainCorruptError);
  });
});

describe('file-system mistakes are usage errors naming the path', () => {
  it('chain verify of a file, of a missing path, of a directory with no chain', () => {
    const d = tempDir('fs');
    const file = join(d, 'f.txt');
    writeFileSync(file, 'x');
    const r1 = rtfs(['chain', 'verify', file]);
    expect(r1.code).toBe(2);
    expect(r1.stderr).toContain(`${file} is not a directory`);
    const r2 = rtfs(['chain', 'verify', join(file, 'sub')]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain(join(file, 'sub'));
    const empty = join(d, 'empty');
    mkdirSync(empty);
    const r3 = rtfs(['chain', 'verify', empty]);
    expect(r3.code).toBe(2);
    expect(r3.stderr).toContain('holds no causal chain');
  });

  it('run --chain on a file or an unwritable directory; compile -o into a missing directory', () => {
    const d = tempDir('fs-run');
    const prog = join(d, 'p.rtfs');
    writeFileSync(prog, '(+ 1 2)\n');
    const r1 = rtfs(['run', prog, '--chain', prog]);
    expect(r1.code).toBe(2);
    expect(r1.stderr).toContain(prog);
    expect(r1.stderr).not.toMatch(/internal error/);
    const ro = join(d, 'ro');
    mkdirSync(ro);
    chmodSync(ro, 0o500);
    if (process.getuid?.() !== 0) {
      const r2 = rtfs(['run', prog, '--chain', join(ro, 'chain')]);
      expect(r2.code).toBe(2);
      expect(r2.stderr).toContain(join(ro, 'chain'));
    }
    const r3 = rtfs(['compile', prog, '-o', join(d, 'missing', 'out.mjs')]);
    expect(r3.code).toBe(2);
    expect(r3.stderr).toContain(join(d, 'missing', 'out.mjs'));
    chmodSync(ro, 0o700);
  });
});
