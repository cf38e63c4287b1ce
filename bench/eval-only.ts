/** Quick iteration: only the evaluator workloads (`npx tsx bench/eval-only.ts [runs] [filter]`). */
import { compare, formatTable, type Measured } from './harness.js';
import { evalWorkloads } from './workloads/eval.js';

const runs = Number(process.argv[2] ?? 7);
const filter = process.argv[3] ?? '';
const results: Measured[] = [];
for (const w of evalWorkloads()) {
  if (!w.baseline.workload.includes(filter)) continue;
  results.push(...compare(w.baseline, w.candidates, { warmup: 3, runs }));
}
console.log(formatTable(results));
