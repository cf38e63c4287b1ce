/**
 * Capability-call overhead: the same program making N calls to a trivial capability,
 * with the causal chain off, in memory, and written to disk buffered (fsync at close)
 * and with group-commit fsync (every 512 records). The difference per call is what
 * logging costs (target: ≤ 20 µs added); the fsync row adds the disk's sync time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import '../../src/syntax/full.js';
import { createHostedRuntime, runProgram } from '../../src/host/index.js';
import { JsonlChain, MemoryChain } from '../../src/audit/index.js';
import type { AuditSink } from '../../src/runtime/audit-sink.js';
import type { Case } from '../harness.js';

const CALLS = 5000;
const PROGRAM = `(loop [i 0 acc 0]
  (if (< i ${CALLS}) (recur (inc i) (+ acc (call "core.data.count" {:items [i]}))) acc))`;

function runWith(sink: AuditSink | undefined): number {
  const h = createHostedRuntime({
    policy: { allow: ['*'], deny: [] },
    ...(sink ? { sink } : {}),
    log: () => undefined,
  });
  const o = runProgram(h, PROGRAM, 'calls.rtfs');
  if (!o.ok) throw new Error('bench program failed');
  return o.value as number;
}

export function hostWorkload(): { baseline: Case; candidates: Case[]; calls: number } {
  const label = `${CALLS} capability calls`;
  const dirs: string[] = [];
  const onDisk = (fsync: boolean) => (): number => {
    const dir = mkdtempSync(join(tmpdir(), 'rtfs-bench-chain-'));
    dirs.push(dir);
    const chain = JsonlChain.open(dir, {
      batchSize: 512,
      syncEvery: 512,
      flushIntervalMs: 0,
      fsync,
    });
    try {
      return runWith(chain);
    } finally {
      chain.close();
      rmSync(dir, { recursive: true, force: true });
    }
  };
  return {
    calls: CALLS,
    baseline: { workload: label, engine: 'chain off', run: () => runWith(undefined) },
    candidates: [
      { workload: label, engine: 'chain in memory', run: () => runWith(new MemoryChain()) },
      { workload: label, engine: 'chain on disk (buffered)', run: onDisk(false) },
      { workload: label, engine: 'chain on disk (group fsync)', run: onDisk(true) },
    ],
  };
}
