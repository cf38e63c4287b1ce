/**
 * The planner (docs/planner.md): capability catalogs, the deterministic planning
 * algorithms (signals, menu, template synthesis, validation, gap resolution,
 * materialization), the `planner.*` and `llm.complete` capabilities wrapping them,
 * and `runPlannerPipeline`, the same pipeline as a plain TS loop.
 */
export * from './types.js';
export { PlannerCodes, CatalogCodes, LlmCodes } from './codes.js';
export {
  type Catalog,
  type CatalogEntry,
  type LoadCatalogOptions,
  type CatalogCacheStore,
  type LoadResult,
  loadCatalog,
  loadCatalogFile,
  loadCatalogText,
  loadRtfsCatalog,
  loadJsonCatalog,
  mergeEntries,
  makeCatalog,
  catalogSnapshot,
  catalogCapabilities,
  builtinEntries,
  entryFromCapability,
  schemaInfo,
  catalogContent,
  catalogFromContent,
  catalogChanges,
} from './catalog/index.js';
export { toRtfs, fromRtfs } from './convert.js';
export { extractIntent, type Param, type Extracted } from './intent.js';
export {
  extractGoalSignals,
  rankCatalog,
  signalQuery,
  type ExtractOptions,
  type IntentInput,
} from './signals.js';
export { scoreEntry } from './scoring.js';
export { buildMenu, type MenuOptions, type MenuResult } from './menu.js';
export { GEN_OPS, genTemplate, genOpFor, type GenOp } from './gen-templates.js';
export { splitClauses, type Clause } from './synth/clauses.js';
export {
  chooseCapability,
  bestChoice,
  explainChoice,
  scoreChoice,
  CHOICE_THRESHOLD,
} from './synth/choose.js';
export { synthesizeTemplate, type TemplateResult } from './synth/template.js';
export { refinePlan, type Mapping } from './synth/refine.js';
export { validatePlan, coverageOf } from './validate.js';
export { resolveGaps, fuzzyMatch, requestId, type ResolveOptions } from './resolve.js';
export { resolveAlias, ALIAS_TABLE_VERSION } from './aliases.js';
export {
  materializePlan,
  withPendingSteps,
  guardTest,
  stepDeps,
  PENDING_CAPABILITY,
  type Gap,
  checkStepRefs,
  planName,
  type Materialized,
  type MaterializeOptions,
} from './materialize.js';
export {
  runPlannerPipeline,
  catalogSchemas,
  type PipelineOptions,
  type PipelineResult,
  type TraceEntry,
} from './pipeline.js';
export { scanJsonValues, firstJson } from './llm/json-scan.js';
export { parseLlmSteps } from './llm/parse-steps.js';
export { synthesisPrompt, PROMPT_VERSION } from './llm/prompt.js';
export { intentPrompt, parseIntent, intentWithLlm, INTENT_PROMPT_VERSION } from './llm/intent.js';
export { synthesizeWithLlm, llmPlanProblems, type LlmSynthesis } from './llm/attempts.js';
export {
  type LlmOptions,
  type LlmProvider,
  type LlmRequest,
  type LlmResponse,
  llmProvider,
  llmOptionsFromEnv,
  promptHash,
} from './llm/providers.js';
export { plannerCapabilities, type PlannerCapabilityOptions } from './capabilities/index.js';
export { plannerStdlib } from './stdlib.js';
export { catalogMeta, mentionsPlanner, type PlannerStdlib } from './run-catalog.js';
