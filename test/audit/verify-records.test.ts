/** verifyChain's `onRecord`: verifying and reading a chain in one pass. */
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { type ChainRecord, readRecords, segmentName, verifyChain } from '../../src/audit/index.js';
import { readLines, tempDir, writeChain, writeLines } from './helpers.js';

describe('verifyChain onRecord', () => {
  it('passes every record, decoded exactly as readRecords reads them', () => {
    const d = tempDir('onrecord');
    writeChain(d, 300);
    const seen: ChainRecord[] = [];
    const r = verifyChain(d, { onRecord: (x) => seen.push(x) });
    expect(r.ok).toBe(true);
    expect(seen).toEqual(readRecords(d));
    const strict: ChainRecord[] = [];
    expect(verifyChain(d, { strict: true, onRecord: (x) => strict.push(x) }).ok).toBe(true);
    expect(strict).toEqual(seen);
  });

  it('passes the records before a failure, and none in hashOnly mode', () => {
    const d = tempDir('onrecord-bad');
    const seg = writeChain(d, 50);
    const lines = readLines(seg);
    writeLines(
      join(d, segmentName(1)),
      lines.map((l, i) => (i === 20 ? l.replace('"call_path"', '"call_pat"') : l)),
    );
    const seen: ChainRecord[] = [];
    const r = verifyChain(d, { checkHead: false, onRecord: (x) => seen.push(x) });
    expect(r).toMatchObject({ ok: false, line: 21 });
    expect(seen.map((x) => x.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    const none: ChainRecord[] = [];
    verifyChain(d, { hashOnly: true, checkHead: false, onRecord: (x) => none.push(x) });
    expect(none).toEqual([]);
  });
});
