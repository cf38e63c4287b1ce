/**
 * `npm run bench`: the project's scoreboard. Every workload is measured against a
 * plain-JS baseline (or JSON.parse) in the same run; see bench/harness.ts.
 *
 *   npm run bench              all workloads, text table
 *   npm run bench -- --json    machine-readable results (for CI archives)
 *   npm run bench -- --quick   fewer runs
 *   npm run bench -- --cpu     peer processes timed by CPU time (steadier under load)
 *
 * Language workloads run on every engine (the evaluator with its JIT tier, the same
 * evaluator with every function interpreted, and the compiler)
 * next to a plain-JavaScript baseline; ratios are to the baseline.
 */
import { compare, formatTable, type Measured } from './harness.js';
import { makeParseData, parseCases } from './workloads/parse.js';
import { evalWorkloads } from './workloads/eval.js';
import { hostWorkload } from './workloads/host.js';
import { plannerWorkload } from './workloads/planner.js';
import { planWorkload } from './workloads/plan.js';
import { chainBench, formatChainBench } from './workloads/chain.js';
import { otlpBench, formatOtlpBench } from './workloads/otlp.js';
import { cliCallsBench, formatCliCalls } from './workloads/cli-calls.js';
import { peersReport } from './peers.js';

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

{
  const plan = planWorkload();
  results.push(...compare(plan.baseline, plan.candidates, opts));
}

{
  // `rtfs plan` over the example goals: planner-as-plan vs the same planner driven by TS.
  const planner = plannerWorkload();
  results.push(...compare(planner.baseline, planner.candidates, opts));
}

const host = hostWorkload();
const hostRows = compare(host.baseline, host.candidates, opts);
results.push(...hostRows);
const perCall = hostRows.map((r) => ({
  engine: r.engine,
  usPerCall: (r.medianMs * 1000) / host.calls,
  addedUs: ((r.medianMs - (hostRows[0]?.medianMs ?? 0)) * 1000) / host.calls,
}));

const chainRows = chainBench({ quick });
const otlpRows = await otlpBench({ quick });
// `rtfs run` processes: CPU µs per logged call, with and without --chain (issue 18 item 6).
const cliCallRows = cliCallsBench({ quick });

// rtfs-ts against nbb, squint, cherry and plain JS (bench/peers.ts; `--cpu`, `--only`).
const peers = await peersReport(process.argv.slice(2));

if (json) {
  console.log(
    JSON.stringify(
      {
        node: process.version,
        date: new Date().toISOString(),
        results,
        perCall,
        chain: chainRows,
        cliCalls: cliCallRows,
        peers: peers.rows,
        planner: peers.planner,
        otlp: otlpRows,
      },
      null,
      2,
    ),
  );
} else {
  console.log(
    `rtfs-ts benchmarks (node ${process.version}, medians of ${opts.runs} interleaved runs)\n`,
  );
  console.log(formatTable(results));
  console.log('\nCost per capability call (logging added vs chain off; target ≤ 20 µs):');
  for (const p of perCall) {
    console.log(
      `  ${p.engine.padEnd(28)} ${p.usPerCall.toFixed(1).padStart(7)} µs/call  (+${p.addedUs.toFixed(1)} µs)`,
    );
  }
  console.log(
    '\nLogged calls at the CLI (CPU time of rtfs run, calls minus the same loop without):',
  );
  console.log(formatCliCalls(cliCallRows));
  console.log('\nCausal chain (appends and verify):');
  console.log(formatChainBench(chainRows));
  console.log('\nAgainst peers (nbb, squint, cherry; bench/peers.ts):');
  console.log(peers.text);
  console.log(`\n${formatOtlpBench(otlpRows)}`);
}
