/**
 * `rtfs plan` as a workload: planning all the example goals (examples/goals/*.goal) with
 * the example catalog and the template strategy. Baseline: the same planner algorithms
 * driven by plain TypeScript (`runPlannerPipeline`); candidates: the planner meta-plan
 * run as RTFS (planner-as-plan), every planner step a logged capability call into an
 * in-memory causal chain, by the evaluator (with and without its JIT tier) and by the
 * compiler. The ratio is what
 * running the planner as a plan (RTFS orchestration, schema checks, the chain) costs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import '../../src/syntax/full.js';
import { MemoryChain } from '../../src/audit/index.js';
import {
  catalogCapabilities,
  loadCatalog,
  plannerCapabilities,
  runPlannerPipeline,
} from '../../src/planner/index.js';
import { runPlanner } from '../../src/meta/run-planner.js';
import { evaluator, type NodeCompiler } from '../../src/runtime/index.js';
import { jsCompiler } from '../../src/compiler/index.js';
import type { Case } from '../harness.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

export function plannerWorkload(): { baseline: Case; candidates: Case[]; goals: number } {
  const dir = join(root, 'examples/goals');
  const goals = readdirSync(dir)
    .filter((f) => f.endsWith('.goal'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8').trim());
  const { catalog } = loadCatalog([join(root, 'examples/catalogs/default.rtfs')]);
  const capabilities = [
    ...catalogCapabilities(catalog.entries.filter((e) => e.builtin !== true)),
    ...plannerCapabilities({ catalog }),
  ];
  const viaMetaPlan = (compiler?: NodeCompiler) => (): number => {
    let n = 0;
    for (const goal of goals) {
      const r = runPlanner({
        goal,
        capabilities,
        catalogSnapshot: catalog.snapshot,
        sink: new MemoryChain(),
        log: () => undefined,
        out: () => undefined,
        ...(compiler ? { compiler } : {}),
      });
      if (r.kind !== 'ran' || !r.outcome.ok) throw new Error(`planning failed: ${goal}`);
      n++;
    }
    return n;
  };
  const workload = `rtfs plan × ${goals.length} goals`;
  return {
    goals: goals.length,
    baseline: {
      workload,
      engine: 'plain JS',
      run: () => goals.map((g) => runPlannerPipeline(g, catalog)).length,
    },
    candidates: [
      { workload, engine: 'evaluator', run: viaMetaPlan() },
      { workload, engine: 'interpreted', run: viaMetaPlan(evaluator()) },
      { workload, engine: 'compiled', run: viaMetaPlan(jsCompiler) },
    ],
  };
}
