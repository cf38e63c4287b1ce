/**
 * T5: a child process appends in a loop (durable acks on stdout) and is SIGKILLed at
 * random moments, 100 times. Every reopen must succeed, trim at most a torn last line
 * (with a RecoveryTruncated record), keep every acknowledged record, and verify.
 * SIGKILL on Linux does not interrupt a write(2) to a local file, so torn lines (as a
 * power cut leaves them) are also injected: a partial line before every tenth start.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { build } from 'esbuild';
import { JsonlChain, readRecords, segmentName, verifyChain } from '../../src/audit/index.js';
import { tempDir } from './helpers.js';

const KILLS = 100;
let childJs: string;

beforeAll(async () => {
  childJs = join(tempDir('bundle'), 'append-child.mjs');
  await build({
    entryPoints: [join(import.meta.dirname, 'fixtures', 'append-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: childJs,
    logLevel: 'silent',
  });
});

interface Life {
  opened?: { seq: number; hash: string; recovery: string };
  acks: Map<number, string>;
  stderr: string;
}

/** Runs one child and kills it: after `afterOpen` ms from its `opened` line, or at `fromSpawn` ms. */
function life(dir: string, timing: { afterOpen?: number; fromSpawn?: number }): Promise<Life> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [childJs, dir, String(2 + Math.floor(Math.random() * 6))],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const l: Life = { acks: new Map(), stderr: '' };
    let buf = '';
    let killed = false;
    const kill = () => {
      if (!killed) {
        killed = true;
        child.kill('SIGKILL');
      }
    };
    if (timing.fromSpawn !== undefined) setTimeout(kill, timing.fromSpawn);
    const safety = setTimeout(kill, 5000);
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const [word, seq, hash, recovery] = buf.slice(0, nl).split(' ');
        buf = buf.slice(nl + 1);
        if (word === 'ack') l.acks.set(Number(seq), hash as string);
        else if (word === 'opened') {
          l.opened = { seq: Number(seq), hash: hash as string, recovery: recovery as string };
          if (timing.afterOpen !== undefined) setTimeout(kill, timing.afterOpen);
        }
      }
    });
    child.stderr.on('data', (d: Buffer) => (l.stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(safety);
      if (signal !== 'SIGKILL') reject(new Error(`child exited by itself (${code}): ${l.stderr}`));
      else resolve(l);
    });
  });
}

describe('T5: kill -9 while appending', () => {
  it(`${KILLS} random kills: reopen succeeds, only torn tails are trimmed, acked records survive`, async () => {
    const dir = tempDir('t5');
    const acked = new Map<number, string>();
    let maxAcked = -1;
    let recoveries = 0;
    let opens = 0;
    const injected = new Set<string>();
    let lastOpened = false;
    for (let k = 0; k < KILLS; k++) {
      if (k % 10 === 7 && lastOpened) {
        const torn = Buffer.from(
          `{"seq":${maxAcked + 1},"prev":"${randomBytes(40)
            .toString('hex')
            .slice(0, 5 + (k % 60))}`,
        );
        appendFileSync(join(dir, segmentName(1)), torn);
        injected.add(torn.toString('base64'));
      }
      // Mostly while appending; one in five at any moment (during start-up or recovery too).
      const timing =
        k % 5 === 4 ? { fromSpawn: 20 + Math.random() * 80 } : { afterOpen: Math.random() * 50 };
      const l = await life(dir, timing);
      expect(l.stderr).toBe('');
      lastOpened = l.opened !== undefined;
      if (l.opened) {
        opens++;
        // Everything acknowledged before is still there: the chain never went back.
        expect(l.opened.seq).toBeGreaterThanOrEqual(maxAcked);
        if (l.opened.recovery !== '-') recoveries++;
      }
      for (const [seq, hash] of l.acks) {
        acked.set(seq, hash);
        maxAcked = Math.max(maxAcked, seq);
      }
    }
    const c = JsonlChain.open(dir, { flushIntervalMs: 0 });
    c.close();
    const v = verifyChain(dir, { strict: true });
    expect(v).toMatchObject({ ok: true });
    const recs = readRecords(dir);
    expect(recs.every((r, i) => r.seq === i)).toBe(true);
    for (const [seq, hash] of acked) expect(recs[seq]?.hash, `acked seq ${seq}`).toBe(hash);
    const trims = recs.filter((x) => x.action.type === 'RecoveryTruncated');
    expect(trims.some((r) => injected.has(String(r.action.data?.dropped)))).toBe(true);
    expect(trims.length).toBeLessThanOrEqual(injected.size + recoveries);
    for (const r of trims) {
      const dropped = Buffer.from(String(r.action.data?.dropped), 'base64');
      // Only one (partial) line is ever dropped.
      const nl = dropped.indexOf(10);
      expect(nl === -1 || nl === dropped.length - 1).toBe(true);
      expect(r.action.data?.after_seq).toBe(r.seq - 1);
    }
    expect(opens).toBeGreaterThan(KILLS / 2);
    expect(acked.size).toBeGreaterThan(KILLS);
    console.log(
      `T5: ${KILLS} kills, ${opens} opens, ${injected.size} torn lines injected, ` +
        `${recoveries} torn tails trimmed, ` +
        `${acked.size} acknowledged durable appends, ${recs.length} records`,
    );
  }, 120_000);

  it('a writer that exits without closing flushes on exit and releases the lock', () => {
    const dir = tempDir('exit');
    const r = spawnSync(process.execPath, [childJs, dir, 'exit', '25'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(existsSync(join(dir, 'LOCK'))).toBe(false);
    expect(verifyChain(dir)).toMatchObject({ ok: true, count: 26, headFile: true });
  });
});
