/**
 * Runs the peer comparison: every workload in every tool, as whole processes and warm in
 * this process, interleaved (tool after tool within each round) so that machine noise
 * hits all alike; medians. Nothing here asserts on time.
 *
 * - work: the workload's process time minus the same tool's start-up (`(+ 1 2)`), divided
 *   by the same for plain JS (node). The start-up row is the whole process ÷ node's.
 * - warm: `run` called in this process after warm-up runs, ÷ plain JS's `run`.
 *
 * Process time is wall-clock by default; `cpu` uses the processes' CPU time (user +
 * system, all threads), which is steadier on a loaded machine.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { compare } from '../harness.js';
import { benchEnv, root, tools, type Tool, type ToolId } from './tools.js';
import { peerWorkloads, type PeerWorkload } from './workloads.js';

export interface PeerOptions {
  readonly runs: number;
  readonly warmRuns: number;
  readonly warmup: number;
  readonly cpu: boolean;
  /** Workload ids to run (all when empty); the start-up row always runs. */
  readonly only: readonly string[];
  readonly size: number;
  readonly log: (line: string) => void;
}

export interface Cell {
  /** Median process time (wall or CPU, as measured), ms. */
  readonly processMs: number;
  readonly wallMs: number;
  readonly cpuMs: number;
  /** Process time minus the tool's start-up, ms (not on the start-up row). */
  readonly workMs?: number;
  readonly workRatio?: number;
  readonly warmMs?: number;
  readonly warmRatio?: number;
}

export interface PeerRow {
  readonly id: string;
  readonly label: string;
  readonly startup: boolean;
  readonly output: string;
  readonly cells: Partial<Record<ToolId, Cell>>;
}

const cpuReport = join(root, 'bench/peers/cpu-report.cjs');

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/**
 * Plain JS work under this is within the noise of one process's CPU time (two process
 * times subtracted): the work ratio is left out rather than divided by noise (fib 30
 * once gave plain JS -8.6 ms of work and rtfs -362×).
 */
export const WORK_FLOOR_MS = 20;

interface ProcessRun {
  readonly out: string;
  readonly wallMs: number;
  readonly cpuMs: number;
}

function runProcess(argv: readonly string[]): ProcessRun {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['-r', cpuReport, ...argv], {
    encoding: 'utf8',
    env: benchEnv,
    maxBuffer: 1 << 26,
  });
  const wallMs = performance.now() - t0;
  const m = /@@cpu-ms ([\d.]+)/.exec(r.stderr);
  if (r.status !== 0 || !m)
    throw new Error(`${argv.join(' ')} failed (${r.status}): ${r.stderr.slice(0, 2000)}`);
  return { out: r.stdout.trim(), wallMs, cpuMs: Number(m[1]) };
}

/** The printed answer of every tool for one workload (the correctness check). */
export function answers(w: PeerWorkload, size: number, which = tools()): Map<ToolId, string> {
  const programs = w.programs(size);
  const key = `${w.id}-${String(size).replace('.', '_')}`;
  return new Map(which.map((t) => [t.id, runProcess(t.prepare(key, programs)).out]));
}

interface Timed {
  readonly tool: Tool;
  readonly argv: string[];
  readonly wall: number[];
  readonly cpu: number[];
}

function measureProcesses(
  w: PeerWorkload,
  all: Tool[],
  opts: PeerOptions,
): { timed: Timed[]; expected: string } {
  const programs = w.programs(opts.size);
  const timed: Timed[] = all.map((tool) => ({
    tool,
    argv: tool.prepare(w.id, programs),
    wall: [],
    cpu: [],
  }));
  const expected = runProcess(timed[0]?.argv ?? []).out;
  for (const t of timed) {
    const out = runProcess(t.argv).out; // also a warm-up of the file cache
    if (out !== expected)
      throw new Error(`${w.id}: ${t.tool.name} printed ${out}, plain JS ${expected}`);
  }
  for (let r = 0; r < opts.runs; r++) {
    for (const t of timed) {
      const p = runProcess(t.argv);
      t.wall.push(p.wallMs);
      t.cpu.push(p.cpuMs);
    }
  }
  return { timed, expected };
}

async function measureWarm(
  w: PeerWorkload,
  all: Tool[],
  opts: PeerOptions,
  expected: string,
): Promise<Map<ToolId, number>> {
  const programs = w.programs(opts.size);
  const runs = await Promise.all(all.map((t) => t.warm(w.id, programs)));
  runs.forEach((run, i) => {
    const got = String(run());
    if (got !== expected)
      throw new Error(`${w.id}: ${all[i]?.name} warm returned ${got}, expected ${expected}`);
  });
  const cases = all.map((t, i) => ({
    workload: w.id,
    engine: t.id,
    run: runs[i] as () => unknown,
  }));
  const [baseline, ...candidates] = cases;
  if (!baseline) return new Map();
  const measured = compare(baseline, candidates, { warmup: opts.warmup, runs: opts.warmRuns });
  return new Map(measured.map((m) => [m.engine as ToolId, m.medianMs]));
}

export async function runPeers(opts: PeerOptions): Promise<PeerRow[]> {
  const all = tools();
  const rows: PeerRow[] = [];
  let startupMs: Map<ToolId, number> | undefined;
  for (const w of peerWorkloads) {
    if (!w.startup && opts.only.length > 0 && !opts.only.includes(w.id)) continue;
    opts.log(`  ${w.id}: processes…`);
    const { timed, expected } = measureProcesses(w, all, opts);
    const processMs = new Map(
      timed.map((t) => [t.tool.id, median(opts.cpu ? t.cpu : t.wall)] as const),
    );
    if (w.startup) startupMs = processMs;
    let warm = new Map<ToolId, number>();
    if (!w.startup) {
      opts.log(`  ${w.id}: warm…`);
      warm = await measureWarm(w, all, opts, expected);
    }
    const jsWork = (processMs.get('js') ?? 0) - (startupMs?.get('js') ?? 0);
    const jsWarm = warm.get('js');
    const cells: Partial<Record<ToolId, Cell>> = {};
    for (const t of timed) {
      const p = processMs.get(t.tool.id) ?? 0;
      const workMs = w.startup ? undefined : p - (startupMs?.get(t.tool.id) ?? 0);
      const warmMs = warm.get(t.tool.id);
      cells[t.tool.id] = {
        processMs: p,
        wallMs: median(t.wall),
        cpuMs: median(t.cpu),
        ...(workMs === undefined
          ? { workRatio: p / (startupMs?.get('js') ?? p) }
          : jsWork < WORK_FLOOR_MS
            ? { workMs }
            : { workMs, workRatio: workMs / jsWork }),
        ...(warmMs === undefined || jsWarm === undefined
          ? {}
          : { warmMs, warmRatio: warmMs / jsWarm }),
      };
    }
    rows.push({ id: w.id, label: w.label, startup: !!w.startup, output: expected, cells });
  }
  return rows;
}
