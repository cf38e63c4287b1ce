/**
 * Causal-chain workloads (issue 3 targets): appends/s buffered (≥ 50k/s) and with
 * group-commit fsync (≥ 20k/s), and the time to verify 1M records (≤ 15 s).
 *
 *   import { chainBench, formatChainBench } from './workloads/chain.js';
 *   console.log(formatChainBench(chainBench({ quick })));
 *
 * `quick` uses 100k records for verify and extrapolates linearly to 1M (labelled
 * "extrapolated"). Standalone: `npx tsx bench/workloads/chain.ts [--quick] [--json]`.
 * Records are realistic host actions (~460 bytes: a call with an args map and policy
 * meta, or a result with a value and duration).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RMap, RVector, float, kw } from '../../src/data/index.js';
import type { ActionInput } from '../../src/runtime/audit-sink.js';
import { JsonlChain, segmentName, verifyChain } from '../../src/audit/index.js';

export interface ChainBenchRow {
  readonly workload: string;
  /** The measured figure, in `unit`. */
  readonly value: number;
  readonly unit: 'appends/s' | 's' | 'bytes';
  /** The target, e.g. "≥ 50000 appends/s" (empty when informative). */
  readonly target: string;
  /** Whether the target is met (true when there is none). */
  readonly ok: boolean;
  readonly note: string;
}

export interface ChainBenchOptions {
  /** Fewer records; verify is measured on 100k and extrapolated to 1M. */
  readonly quick?: boolean;
  /** Where to write the temporary chains (default: the OS temp dir). */
  readonly tmp?: string;
}

const RUN = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

/** The i-th action of a synthetic run: calls and results alternate. */
export function benchAction(i: number): ActionInput {
  const call = `${RUN}/${i >> 1}`;
  if ((i & 1) === 0) {
    return {
      id: call,
      type: 'CapabilityCall',
      parent: `${RUN}/s${i >> 6}`,
      run: RUN,
      callPath: `${i >> 6}.${(i >> 1) & 31}`,
      name: 'demo.http.get',
      args: RMap.fromFlat([
        kw('url'),
        `https://api.example.com/v1/items/${i}`,
        kw('headers'),
        RMap.fromFlat(['accept', 'application/json', 'x-trace', `t-${i}`]),
        kw('retries'),
        3,
        kw('timeout'),
        float(2.5),
      ]),
      meta: RMap.fromFlat([
        kw('decision'),
        kw('allow'),
        kw('rule'),
        'demo.*',
        kw('effects'),
        ':network',
      ]),
    };
  }
  return {
    id: `${call}/end`,
    type: 'CapabilityResult',
    parent: call,
    run: RUN,
    callPath: `${i >> 6}.${(i >> 1) & 31}`,
    name: 'demo.http.get',
    result: {
      ok: true,
      value: RMap.fromFlat([kw('status'), 200, kw('items'), RVector.of(i, i + 1, i + 2)]),
    },
    durationMs: i % 17,
  };
}

function timeAppends(dir: string, n: number, opts: { fsync: boolean; batchSize: number }): number {
  const actions = Array.from({ length: Math.min(n, 4096) }, (_, i) => benchAction(i));
  const c = JsonlChain.open(dir, { ...opts, syncEvery: opts.batchSize, flushIntervalMs: 0 });
  const t0 = performance.now();
  for (let i = 0; i < n; i++) c.append(actions[i % actions.length] as ActionInput);
  c.close();
  return (performance.now() - t0) / 1000;
}

function timeDurableEach(dir: string, n: number): number {
  const c = JsonlChain.open(dir, { flushIntervalMs: 0 });
  const t0 = performance.now();
  for (let i = 0; i < n; i++) c.append(benchAction(i), true);
  c.close();
  return (performance.now() - t0) / 1000;
}

function timeVerify(dir: string, mode: 'hashOnly' | 'decode' | 'strict'): number {
  const t0 = performance.now();
  const r = verifyChain(dir, { strict: mode === 'strict', hashOnly: mode === 'hashOnly' });
  if (!r.ok) throw new Error(`bench chain does not verify: ${r.kind} at line ${r.line}`);
  return (performance.now() - t0) / 1000;
}

/** Runs the chain workloads (several seconds; about a minute without `quick`). */
export function chainBench(opts: ChainBenchOptions = {}): ChainBenchRow[] {
  const quick = opts.quick ?? false;
  const root = mkdtempSync(join(opts.tmp ?? tmpdir(), 'rtfs-bench-chain-'));
  const dir = (name: string) => join(root, name);
  const rows: ChainBenchRow[] = [];
  const rate = (workload: string, n: number, secs: number, min: number, note: string) =>
    rows.push({
      workload,
      value: n / secs,
      unit: 'appends/s',
      target: min > 0 ? `≥ ${min}` : '',
      ok: n / secs >= min,
      note,
    });
  try {
    const nBuf = quick ? 100_000 : 300_000;
    rate(
      'append, buffered (1,000 per write, no fsync)',
      nBuf,
      timeAppends(dir('buf'), nBuf, { fsync: false, batchSize: 1000 }),
      50_000,
      `${nBuf} records`,
    );
    const nGroup = quick ? 30_000 : 100_000;
    rate(
      'append, group commit (fdatasync per 100)',
      nGroup,
      timeAppends(dir('group'), nGroup, { fsync: true, batchSize: 100 }),
      20_000,
      `${nGroup} records`,
    );
    const nEach = quick ? 500 : 2_000;
    rate(
      'append, durable (fdatasync per record)',
      nEach,
      timeDurableEach(dir('each'), nEach),
      0,
      `${nEach} records; disk-bound`,
    );

    const nVerify = quick ? 100_000 : 1_000_000;
    const vdir = dir('verify');
    timeAppends(vdir, nVerify, { fsync: false, batchSize: 1000 });
    const bytes = statSync(join(vdir, segmentName(1))).size;
    rows.push({
      workload: 'record size (mean line)',
      value: Math.round(bytes / (nVerify + 2)),
      unit: 'bytes',
      target: '',
      ok: true,
      note: `${(bytes / 1e6).toFixed(0)} MB for ${nVerify} records`,
    });
    const scale = 1_000_000 / nVerify;
    const label = quick ? `measured on ${nVerify / 1000}k, extrapolated ×${scale}` : '1M records';
    const hashes = timeVerify(vdir, 'hashOnly') * scale;
    rows.push({
      workload: 'verify 1M records (hashes only)',
      value: hashes,
      unit: 's',
      target: '',
      ok: true,
      note: `${label}; links and hashes, bodies not decoded`,
    });
    const fast = timeVerify(vdir, 'decode') * scale;
    rows.push({
      workload: 'verify 1M records (default: hashes + decode)',
      value: fast,
      unit: 's',
      target: '≤ 15',
      ok: fast <= 15,
      note: label,
    });
    const strictN = Math.min(nVerify, 200_000);
    const sdir = strictN === nVerify ? vdir : dir('strict');
    if (sdir !== vdir) timeAppends(sdir, strictN, { fsync: false, batchSize: 1000 });
    const strict = timeVerify(sdir, 'strict') * (1_000_000 / strictN);
    rows.push({
      workload: 'verify 1M records (strict)',
      value: strict,
      unit: 's',
      target: '≤ 30',
      ok: strict <= 30,
      note: `measured on ${strictN / 1000}k, extrapolated`,
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return rows;
}

/** A fixed-width text table of the rows. */
export function formatChainBench(rows: readonly ChainBenchRow[]): string {
  const fmt = (r: ChainBenchRow) =>
    r.unit === 's'
      ? `${r.value.toFixed(2)} s`
      : r.unit === 'bytes'
        ? `${r.value} B`
        : `${Math.round(r.value).toLocaleString('en-US')}/s`;
  const header = ['chain workload', 'measured', 'target', 'ok', 'note'];
  const body = rows.map((r) => [
    r.workload,
    fmt(r),
    r.target ? `${r.target} ${r.unit}` : '',
    r.target ? (r.ok ? 'yes' : 'NO') : '',
    r.note,
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...body.map((b) => (b[i] as string).length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 1 ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = new Set(process.argv.slice(2));
  const rows = chainBench({ quick: args.has('--quick') });
  console.log(args.has('--json') ? JSON.stringify(rows, null, 2) : formatChainBench(rows));
}
