/**
 * The write path of docs/adr/0022-chain-write-path.md: batches are written every
 * `batchSize` records and synced only every `syncEvery`; a process killed between
 * syncs keeps every record of every written batch, and the chain reopens and verifies.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import { JsonlChain, readRecords, segmentName, verifyChain } from '../../src/audit/index.js';
import { readLines, sampleAction, tempDir } from './helpers.js';

const seg = (d: string): string => join(d, segmentName(1));

let childJs: string;

beforeAll(async () => {
  childJs = join(tempDir('bundle'), 'buffered-kill-child.mjs');
  await build({
    entryPoints: [join(import.meta.dirname, 'fixtures', 'buffered-kill-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: childJs,
    logLevel: 'silent',
  });
});

describe('JsonlChain syncEvery', () => {
  it('writes every batch but syncs only every syncEvery records, flush() and durable appends', () => {
    const d = tempDir();
    const c = JsonlChain.open(d, { batchSize: 10, syncEvery: 25, flushIntervalMs: 0 });
    for (let i = 0; i < 10; i++) c.append(sampleAction(i));
    expect(readLines(seg(d))).toHaveLength(11); // written…
    expect(c.durableSeq).toBe(0); // …not synced
    for (let i = 10; i < 30; i++) c.append(sampleAction(i));
    expect(readLines(seg(d))).toHaveLength(31);
    expect(c.durableSeq).toBe(30); // 30 records since the last sync ≥ 25
    c.append(sampleAction(30), true);
    expect(c.durableSeq).toBe(31);
    c.close();
    expect(verifyChain(d, { strict: true }).ok).toBe(true);
  });

  it('a process killed between syncs keeps every written batch; the chain reopens and verifies', () => {
    const d = tempDir();
    const r = spawnSync(process.execPath, [childJs, d, '95'], { encoding: 'utf8' });
    expect(r.signal).toBe('SIGKILL');
    // 95 appended after ChainOpened (seq 0): batches of 10 wrote seq 1..90; none synced.
    expect(r.stdout.trim()).toBe('written 95 0');
    const c = JsonlChain.open(d, { flushIntervalMs: 0 });
    c.close();
    expect(verifyChain(d, { strict: true }).ok).toBe(true);
    const ids = readRecords(d)
      .map((rec) => rec.action.id)
      .filter((id) => id.startsWith('child/'));
    expect(ids).toEqual(Array.from({ length: 90 }, (_, i) => `child/${i}`));
  });
});
