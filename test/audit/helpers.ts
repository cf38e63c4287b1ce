/** Shared helpers for the causal-chain tests. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { ActionInput } from '../../src/runtime/audit-sink.js';
import { RMap, RVector, float, kw } from '../../src/data/index.js';
import {
  JsonlChain,
  type JsonlChainOptions,
  ZERO_HASH,
  chainHash,
  formatLine,
  segmentName,
} from '../../src/audit/index.js';

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** A fresh temp directory, removed after the test file. */
export function tempDir(tag = 'chain'): string {
  const d = mkdtempSync(join(tmpdir(), `rtfs-${tag}-`));
  made.push(d);
  return d;
}

/** A realistic action: calls with an args map, results with values, steps and plans. */
export function sampleAction(i: number, run = 'run-1'): ActionInput {
  const id = `${run}/${i}`;
  switch (i % 4) {
    case 0:
      return { id, type: 'StepStarted', parent: run, run, callPath: `${i}`, name: `step-${i}` };
    case 1:
      return {
        id,
        type: 'CapabilityCall',
        parent: `${run}/${i - 1}`,
        run,
        callPath: `${i - 1}.0`,
        name: `demo.cap${i % 7}`,
        args: RMap.fromFlat([
          kw('n'),
          i,
          kw('xs'),
          RVector.of(1, float(2.5), 'three'),
          kw('who'),
          'José 𝄞',
        ]),
        meta: RMap.fromFlat([kw('decision'), kw('allow'), kw('effects'), ':read']),
      };
    case 2:
      return {
        id,
        type: 'CapabilityResult',
        parent: `${run}/${i - 1}`,
        run,
        callPath: `${i - 2}.0`,
        name: `demo.cap${(i - 1) % 7}`,
        result:
          i % 10 === 2
            ? { ok: false, error: { code: 'capability/failed', message: 'boom' } }
            : { ok: true, value: RVector.of(i, kw('done')) },
        durationMs: i % 13,
      };
    default:
      return {
        id,
        type: 'StepCompleted',
        parent: `${run}/${i - 3}`,
        run,
        callPath: `${i - 3}`,
        result: { ok: true, value: null },
        durationMs: 1,
      };
  }
}

/** Writes a chain of ChainOpened + `n` sample actions into `dir`; returns the segment path. */
export function writeChain(dir: string, n: number, opts: JsonlChainOptions = {}): string {
  const c = JsonlChain.open(dir, { fsync: false, flushIntervalMs: 0, batchSize: 500, ...opts });
  for (let i = 0; i < n; i++) c.append(sampleAction(i));
  c.close();
  return join(dir, segmentName(1));
}

/** The lines of a file, without their newlines (a final partial line is kept). */
export function readLines(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** Writes lines (text, or raw bytes for byte-level edits), each followed by a newline. */
export function writeLines(path: string, lines: readonly (string | Buffer)[]): void {
  writeFileSync(path, Buffer.concat(lines.flatMap((l) => [Buffer.from(l), Buffer.from('\n')])));
}

/** The raw `a` text of a line. */
export function bodyOf(line: string): string {
  const at = line.indexOf(',"a":');
  return line.slice(at + 5, -1);
}

/**
 * Re-chains lines from scratch (recomputing every seq, prev and hash), after `edit`
 * has changed (or, returning null, dropped) bodies: what a forger with write access
 * and no signing key can do.
 */
export function rechain(
  lines: readonly string[],
  edit: (i: number, a: string) => string | null = (_i, a) => a,
): string[] {
  const out: string[] = [];
  let prev = ZERO_HASH;
  lines.forEach((l, i) => {
    const a = edit(i, bodyOf(l));
    if (a === null) return;
    const seq = out.length;
    const hash = chainHash(seq, prev, a);
    out.push(formatLine(seq, prev, hash, a).slice(0, -1));
    prev = hash;
  });
  return out;
}
