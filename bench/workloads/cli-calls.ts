/**
 * What one logged capability call costs at the CLI (issue 18 item 6: ≤ 10 µs): `rtfs run`
 * of a program making N calls of a cheap deterministic capability (`core.data.count`),
 * minus the same program computing the same thing without calls, divided by N. Each call
 * logs two records (CapabilityCall, CapabilityResult). Measured without `--chain` (the
 * chain kept as a running hash) and with `--chain DIR` (written to disk), by the CPU time
 * (user + system) each child process reports at exit — steadier than wall time on a
 * loaded machine — as the median of interleaved runs.
 *
 *   npx tsx bench/workloads/cli-calls.ts [--quick] [--calls N]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface CliCallsRow {
  readonly mode: 'no --chain' | '--chain DIR';
  /** CPU µs per logged call (the call and its two records), median. */
  readonly usPerCall: number;
  readonly target: string;
  readonly ok: boolean;
  /** CPU ms of the runs with calls and of the runs without, medians. */
  readonly withCallsMs: number;
  readonly withoutMs: number;
}

const BIN = fileURLToPath(new URL('../../bin/rtfs.js', import.meta.url));
/** Prints the process's CPU time (user + system, µs) on stderr at exit. */
const CPU_HOOK =
  'data:text/javascript,process.on("exit",()=>{const u=process.cpuUsage();' +
  'process.stderr.write("\\nrtfs-bench-cpu "+(u.user+u.system)+"\\n")})';

function program(calls: number, logged: boolean): string {
  const step = logged ? '(call "core.data.count" {:items [i]})' : '(count [i])';
  return `(loop [i 0 acc 0]\n  (if (< i ${calls}) (recur (inc i) (+ acc ${step})) acc))\n`;
}

/** CPU µs of one `rtfs run FILE args…`. */
function cpuOf(file: string, args: readonly string[]): number {
  const r = spawnSync(process.execPath, ['--import', CPU_HOOK, BIN, 'run', file, ...args], {
    encoding: 'utf8',
  });
  const m = /rtfs-bench-cpu (\d+)/.exec(r.stderr);
  if (r.status !== 0 || m === null)
    throw new Error(`rtfs run ${file} failed (${r.status}): ${r.stderr}`);
  return Number(m[1]);
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1] as number;
};

export function cliCallsBench(opts: { quick?: boolean; calls?: number } = {}): CliCallsRow[] {
  const calls = opts.calls ?? 40_000;
  const runs = opts.quick ? 3 : 7;
  const dir = mkdtempSync(join(tmpdir(), 'rtfs-bench-cli-calls-'));
  try {
    const withCalls = join(dir, 'calls.rtfs');
    const without = join(dir, 'no-calls.rtfs');
    writeFileSync(withCalls, program(calls, true));
    writeFileSync(without, program(calls, false));
    const allow = ['--allow', 'core.data.*'];
    const modes: { mode: CliCallsRow['mode']; args: (i: number) => string[] }[] = [
      { mode: 'no --chain', args: () => allow },
      { mode: '--chain DIR', args: (i) => [...allow, '--chain', join(dir, `chain-${i}`)] },
    ];
    const samples = modes.map(() => ({ calls: [] as number[], base: [] as number[] }));
    for (let i = 0; i < runs; i++) {
      modes.forEach((m, j) => {
        const s = samples[j] as { calls: number[]; base: number[] };
        s.base.push(cpuOf(without, allow));
        s.calls.push(cpuOf(withCalls, m.args(i)));
      });
    }
    return modes.map((m, j) => {
      const s = samples[j] as { calls: number[]; base: number[] };
      const usPerCall = (median(s.calls) - median(s.base)) / calls;
      return {
        mode: m.mode,
        usPerCall,
        target: '≤ 10 µs',
        ok: usPerCall <= 10,
        withCallsMs: median(s.calls) / 1000,
        withoutMs: median(s.base) / 1000,
      };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatCliCalls(rows: readonly CliCallsRow[]): string {
  return rows
    .map(
      (r) =>
        `  rtfs run, ${r.mode.padEnd(12)} ${r.usPerCall.toFixed(1).padStart(6)} µs per logged call` +
        `  (${r.target}${r.ok ? '' : ', MISSED'}; CPU ${r.withCallsMs.toFixed(0)} ms with calls,` +
        ` ${r.withoutMs.toFixed(0)} ms without)`,
    )
    .join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const a = process.argv.slice(2);
  const n = a.indexOf('--calls');
  const calls = n >= 0 ? Number(a[n + 1]) : undefined;
  console.log(
    formatCliCalls(
      cliCallsBench({ quick: a.includes('--quick'), ...(calls !== undefined ? { calls } : {}) }),
    ),
  );
}
