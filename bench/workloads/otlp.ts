/**
 * The run report and the OpenTelemetry export (issue 17), on one recorded run of
 * 500 steps × 10 capability calls (11,003 records, 5,501 spans):
 *
 * - live export, main-thread cost per record: the span signals of a record (with the
 *   argument and result hashes) and the structured clone that posts them to the worker
 *   (the chain append itself is in chain.ts);
 * - `rtfs chain export --format otlp-json`: spans per second (SDK spans + OTLP/JSON);
 * - `rtfs chain report`: the built CLI (dist/, as `npm run bench` builds it) writing
 *   the page, start-up included, and the page's size. (The report's inlined assets are a
 *   build-time module, so it runs from dist/ here.)
 *
 * Standalone: `npx tsx bench/workloads/otlp.ts [--quick] [--json]`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MemoryChain, type ChainRecord } from '../../src/audit/index.js';
import { createHostedRuntime, runProgram } from '../../src/host/index.js';
import type { ActionInput, AuditSink } from '../../src/runtime/audit-sink.js';
import { SignalMaker, otlpJson, type SpanSignal } from '../../src/export/otlp/index.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface OtlpBenchRow {
  readonly workload: string;
  readonly value: number;
  readonly unit: 'µs/record' | 'spans/s' | 'ms' | 'KB';
  readonly target: string;
  readonly ok: boolean;
  readonly note: string;
}

const PROGRAM = (steps: number): string => `
(dotimes [i ${steps}]
  (step "batch" (dotimes [j 10] (call "core.data.count" {:items [i j]}))))`;

/** Records a run; also returns the host actions as they were appended (for the live tap). */
function record(steps: number): {
  records: ChainRecord[];
  actions: ActionInput[];
  chain: MemoryChain;
} {
  const chain = new MemoryChain();
  const actions: ActionInput[] = [];
  const sink: AuditSink = {
    append(a, durable) {
      actions.push(a);
      chain.append(a, durable);
    },
    flush: () => chain.flush(),
  };
  const h = createHostedRuntime({ policy: { allow: ['core.*'], deny: [] }, sink });
  const r = runProgram(h, PROGRAM(steps), 'bench.rtfs');
  if (!r.ok) throw new Error('the bench program failed');
  return { records: chain.records(), actions, chain };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function time(runs: number, fn: () => void): number {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    out.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(out);
}

export async function otlpBench(opts: { quick?: boolean } = {}): Promise<OtlpBenchRow[]> {
  const runs = opts.quick ? 3 : 7;
  const { records, actions, chain } = record(500);
  const n = actions.length;
  // The live tap's extra work: signals of each record (hashes included, as the live
  // path computes them) and the post to the worker, in groups of 64.
  const { port1, port2 } = new MessageChannel();
  port2.on('message', () => undefined);
  const tapMs = time(runs, () => {
    const m = new SignalMaker();
    let pending: SpanSignal[] = [];
    let seq = 0;
    for (const a of actions) {
      const { argsHash: _a, resultHash: _r, ...bare } = a;
      pending.push(...m.signals({ seq: ++seq, prev: '', hash: '', action: { ...bare, ts: 0 } }));
      if (pending.length >= 64) {
        port1.postMessage(pending);
        pending = [];
      }
    }
    port1.postMessage(pending);
  });
  port1.close();
  const spans = records.filter((r) =>
    ['PlanStarted', 'StepStarted', 'CapabilityCall'].includes(r.action.type),
  ).length;
  const exportRuns: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = await otlpJson(records, { version: 'bench' });
    if (!r.ok) throw new Error(r.error);
    exportRuns.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const exportMs = median(exportRuns);
  const tmp = mkdtempSync(join(tmpdir(), 'rtfs-bench-report-'));
  chain.save(join(tmp, 'chain'));
  const page = join(tmp, 'run.html');
  const reportMs = time(runs, () => {
    const r = spawnSync(
      process.execPath,
      ['bin/rtfs.js', 'chain', 'report', join(tmp, 'chain'), '-o', page],
      { cwd: ROOT, encoding: 'utf8' },
    );
    if (r.status !== 0) throw new Error(`rtfs chain report failed: ${r.stderr}`);
  });
  const size = statSync(page).size;
  rmSync(tmp, { recursive: true, force: true });
  const perRecord = (tapMs * 1000) / n;
  return [
    {
      workload: 'live export tap (main thread)',
      value: perRecord,
      unit: 'µs/record',
      target: '≤ 25 µs/record',
      ok: perRecord <= 25,
      note: `signals + hashes + post to the worker, ${n} records`,
    },
    {
      workload: 'chain export --format otlp-json',
      value: (spans / exportMs) * 1000,
      unit: 'spans/s',
      target: '≥ 5000 spans/s',
      ok: (spans / exportMs) * 1000 >= 5000,
      note: `${spans} spans in ${exportMs.toFixed(0)} ms`,
    },
    {
      workload: 'rtfs chain report (CLI)',
      value: reportMs,
      unit: 'ms',
      target: '≤ 5000 ms',
      ok: reportMs <= 5000,
      note: `${(size / 1024).toFixed(0)} KB page`,
    },
  ];
}

export function formatOtlpBench(rows: readonly OtlpBenchRow[]): string {
  const lines = ['Report and OpenTelemetry export (500 steps × 10 calls)'];
  for (const r of rows)
    lines.push(
      `  ${r.workload.padEnd(34)} ${r.value.toFixed(r.value < 100 ? 2 : 0).padStart(9)} ${r.unit.padEnd(10)} ${r.target ? `${r.ok ? 'ok  ' : 'MISS'} ${r.target}` : ''.padEnd(4)}  ${r.note}`,
    );
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = await otlpBench({ quick: process.argv.includes('--quick') });
  console.log(
    process.argv.includes('--json') ? JSON.stringify(rows, null, 2) : formatOtlpBench(rows),
  );
}
