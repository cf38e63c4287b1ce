/**
 * The planner rows of the peer report (issue 18 item 5): `rtfs plan` of one goal as a
 * whole process, beyond start-up, on a catalog of 64 capabilities and on a generated one
 * of 5,000 (bench/planner-catalog). Start-up is `rtfs run` of `(+ 1 2)` (the same process
 * kind); both are timed interleaved (start-up, goal 1, start-up, goal 2, …), each plan
 * with a fresh chain directory, and the row is the median over goals of (plan − median
 * start-up). Targets: ≤ 60 ms beyond start-up on 64, < 500 ms per goal on 5,000.
 *
 *   tsx bench/peers/planner.ts [--cpu] [--quick]     these rows alone
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogSource, generateCatalog, generatedGoals } from '../planner-catalog/generate.js';
import { benchEnv, outDir, root } from './tools.js';

export interface PlannerRow {
  readonly label: string;
  readonly capabilities: number;
  readonly goals: number;
  readonly targetMs: number;
  /** Median over goals of the goal's median process time minus start-up, ms. */
  readonly beyondMs: number;
  readonly startupMs: number;
  readonly metric: 'wall clock' | 'CPU time';
}

export interface PlannerOptions {
  readonly runs: number;
  readonly cpu: boolean;
  readonly log: (line: string) => void;
}

const rtfsBin = join(root, 'bin/rtfs.js');
const cpuReport = join(root, 'bench/peers/cpu-report.cjs');

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** One process: wall-clock or CPU ms (user + system, from cpu-report.cjs). */
function timeProcess(args: readonly string[], cpu: boolean): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['-r', cpuReport, rtfsBin, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    cwd: outDir,
    env: benchEnv,
  });
  const wall = performance.now() - t0;
  const m = /@@cpu-ms ([\d.]+)/.exec(r.stderr);
  if (r.status !== 0 || m === null)
    throw new Error(`rtfs ${args.join(' ')} failed (${r.status}): ${r.stderr.slice(0, 2000)}`);
  return cpu ? Number(m[1]) : wall;
}

/** The catalogs and goals of the rows (written to bench/.out/planner). */
export function plannerInputs(): { n: number; file: string; goals: string[] }[] {
  const dir = join(outDir, 'planner');
  mkdirSync(dir, { recursive: true });
  return [64, 5000].map((n) => {
    const caps = generateCatalog(n);
    const file = join(dir, `generated-${n}.rtfs`);
    writeFileSync(file, catalogSource(caps, `generated catalog, ${n} capabilities`));
    return { n, file, goals: generatedGoals(caps, 4) };
  });
}

export function measurePlanner(opts: PlannerOptions): PlannerRow[] {
  mkdirSync(outDir, { recursive: true });
  const trivial = join(outDir, 'planner-startup.rtfs');
  writeFileSync(trivial, '(+ 1 2)\n');
  const chain = join(outDir, 'planner-chain');
  const plan = (goal: string, file: string): number => {
    rmSync(chain, { recursive: true, force: true });
    return timeProcess(['plan', goal, '--catalog', file, '--chain', chain], opts.cpu);
  };
  const inputs = plannerInputs();
  const startup: number[] = [];
  const perGoal = new Map<string, number[]>();
  for (const { file, goals } of inputs) for (const g of goals) plan(g, file); // warm-up, checks
  for (let r = 0; r < opts.runs; r++) {
    opts.log(`  planner: round ${r + 1}/${opts.runs}`);
    for (const { n, file, goals } of inputs) {
      for (const g of goals) {
        startup.push(timeProcess(['run', trivial], opts.cpu));
        const key = `${n}\u0000${g}`;
        perGoal.set(key, [...(perGoal.get(key) ?? []), plan(g, file)]);
      }
    }
  }
  const start = median(startup);
  return inputs.map(({ n, goals }) => ({
    label: `\`rtfs plan\` one goal, beyond start-up, ${n.toLocaleString('en')} capabilities${n > 64 ? ' (generated)' : ''}`,
    capabilities: n,
    goals: goals.length,
    targetMs: n <= 64 ? 60 : 500,
    beyondMs: median(goals.map((g) => median(perGoal.get(`${n}\u0000${g}`) ?? []) - start)),
    startupMs: start,
    metric: opts.cpu ? 'CPU time' : 'wall clock',
  }));
}

export function formatPlannerRows(rows: readonly PlannerRow[]): string {
  const lines = rows.map(
    (r) =>
      `| ${r.label} | ${Math.round(r.beyondMs)} ms | ≤ ${r.targetMs} ms | ${r.beyondMs <= r.targetMs ? '✔' : '✘'} |`,
  );
  const first = rows[0];
  return [
    '| planner | beyond start-up | target | met |',
    '| --- | ---: | ---: | :-: |',
    ...lines,
    '',
    `Planner rows: median over ${first?.goals ?? 0} generated goals per catalog of (\`rtfs plan\` process − \`rtfs run (+ 1 2)\` process, ${first?.metric ?? ''}; start-up ${Math.round(first?.startupMs ?? 0)} ms).`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const argv = process.argv.slice(2);
  const rows = measurePlanner({
    runs: argv.includes('--quick') ? 3 : 5,
    cpu: argv.includes('--cpu'),
    log: (l) => console.error(l),
  });
  console.log(formatPlannerRows(rows));
}
