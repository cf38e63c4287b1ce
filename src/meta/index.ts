export {
  generateMetaPlan,
  printMetaPlan,
  metaPlanData,
  pipelinePlan,
  pipelineSource,
  PIPELINE_FILE,
  type MetaPlanOptions,
} from './generator.js';
export {
  applyRewrites,
  planHash,
  registryContext,
  type Rewriter,
  type RewriteContext,
  type RewriteOutcome,
  type AppliedRewrite,
  type RewritesOutcome,
  type CapabilityInfo,
  type Edit,
} from './rewriter.js';
export { recheckPlan } from './recheck.js';
export { rtfsRewriter, REWRITER_BUDGET_MS } from './rtfs-rewriter.js';
export { withTimeBudget, type Budgeted } from './time-budget.js';
export { rewriteProblems, stepIds } from './rewrite-check.js';
export { rewriterFromSpec, BUILTIN_REWRITERS } from './rewriters/index.js';
export { printPlan } from './print.js';
export * as planData from './plan-data.js';
