/**
 * `npm run bench`: the project's scoreboard. Every workload is measured against a
 * plain-JS baseline (or JSON.parse) in the same run; see bench/harness.ts.
 *
 *   npm run bench              all workloads, text table
 *   npm run bench -- --json    machine-readable results (for CI archives)
 *   npm run bench -- --quick   fewer runs
 */
import { compare, formatTable, type Measured } from './harness.js';
import { makeParseData, parseCases } from './workloads/parse.js';
import { evalWorkloads } from './workloads/eval.js';

const args = new Set(process.argv.slice(2));
const json = args.has('--json');
const quick = args.has('--quick');
const opts = { warmup: quick ? 1 : 3, runs: quick ? 3 : 9 };

const results: Measured[] = [];

{
  const data = makeParseData();
  const { baseline, candidates } = parseCases(data);
  results.push(...compare(baseline, candidates, opts));
}

for (const w of evalWorkloads()) results.push(...compare(w.baseline, w.candidates, opts));

if (json) {
  console.log(
    JSON.stringify({ node: process.version, date: new Date().toISOString(), results }, null, 2),
  );
} else {
  console.log(
    `rtfs-ts benchmarks (node ${process.version}, medians of ${opts.runs} interleaved runs)\n`,
  );
  console.log(formatTable(results));
}
