import type { Capability } from '../../host/index.js';
import type { Catalog } from '../catalog/index.js';
import { type LlmOptions, type LlmProvider, llmProvider } from '../llm/providers.js';
import { llmCompleteCapability } from './llm.js';
import { plannerCoreCapabilities } from './planner.js';

export interface PlannerCapabilityOptions {
  readonly catalog: Catalog;
  /** The LLM behind `llm.complete` (default: the `null` provider, "LLM disabled"). */
  readonly llm?: LlmOptions | LlmProvider;
}

/** `planner.*` (extract, menu, synthesize, validate, resolve, materialize) and `llm.complete`. */
export function plannerCapabilities(opts: PlannerCapabilityOptions): Capability[] {
  const llm =
    opts.llm === undefined
      ? llmProvider({ provider: 'null' })
      : 'complete' in opts.llm
        ? opts.llm
        : llmProvider(opts.llm);
  return [...plannerCoreCapabilities(opts.catalog), llmCompleteCapability(llm)];
}

export { plannerCapability, parseInput, checkSnapshot } from './define.js';
export { SCHEMAS } from './schemas.js';
