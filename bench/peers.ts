/**
 * `npm run bench:peers`: rtfs-ts against nbb, squint and cherry (devDependencies) and
 * plain JS on the same workloads (bench/peers/workloads.ts), as whole processes and warm.
 * `npm run bench` prints the same table after its own.
 *
 *   npm run bench:peers                     every workload, text table
 *   npm run bench:peers -- --cpu            process time as CPU time (steadier under load)
 *   npm run bench:peers -- --only vectors,maps
 *   npm run bench:peers -- --only planner    the `rtfs plan` rows alone (bench/peers/planner.ts)
 *   npm run bench:peers -- --quick          fewer runs
 *   npm run bench:peers -- --json
 */
import { runPeers, type PeerOptions } from './peers/measure.js';
import { formatPeerTable } from './peers/table.js';
import { formatPlannerRows, measurePlanner, type PlannerRow } from './peers/planner.js';

export function peerOptions(argv: readonly string[]): PeerOptions {
  const args = new Set(argv);
  const quick = args.has('--quick');
  const onlyAt = argv.indexOf('--only');
  return {
    runs: quick ? 3 : 7,
    warmRuns: quick ? 3 : 7,
    warmup: quick ? 1 : 3,
    cpu: args.has('--cpu'),
    only: onlyAt >= 0 ? (argv[onlyAt + 1] ?? '').split(',').filter(Boolean) : [],
    size: 1,
    log: args.has('--json') ? () => undefined : (line) => console.error(line),
  };
}

export async function peersReport(argv: readonly string[]): Promise<{
  text: string;
  rows: Awaited<ReturnType<typeof runPeers>>;
  planner: PlannerRow[];
}> {
  const opts = peerOptions(argv);
  const onlyPlanner = opts.only.length === 1 && opts.only[0] === 'planner';
  const rows = onlyPlanner ? [] : await runPeers(opts);
  const metric = opts.cpu ? 'CPU time' : 'wall clock';
  // `rtfs plan` beyond start-up on 64 and 5,000 capabilities (issue 18 item 5), same run.
  const planner =
    opts.only.length === 0 || opts.only.includes('planner')
      ? measurePlanner({ runs: opts.runs, cpu: opts.cpu, log: opts.log })
      : [];
  const parts = [
    ...(rows.length > 0 ? [formatPeerTable(rows, metric)] : []),
    ...(planner.length > 0 ? [formatPlannerRows(planner)] : []),
  ];
  return { text: parts.join('\n\n'), rows, planner };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const argv = process.argv.slice(2);
  const { text, rows, planner } = await peersReport(argv);
  if (argv.includes('--json'))
    console.log(JSON.stringify({ node: process.version, rows, planner }, null, 2));
  else {
    console.log(
      `rtfs-ts vs peers (node ${process.version}, ${new Date().toISOString().slice(0, 10)})\n`,
    );
    console.log(text);
  }
}
