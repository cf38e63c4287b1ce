/**
 * The library API (docs/api.md): what the `rtfs` command does, from TypeScript.
 * A front end beside cli/, over the same modules.
 */
export {
  defineCapability,
  type CapabilityCallContext,
  type CapabilityDefinition,
  type CapabilitySpec,
  type PlainOrValue,
  type Schema,
  type SchemaInput,
  type SchemaOutput,
  type StandardSchemaResult,
  type StandardSchemaV1,
} from './capability.js';
export { type Answers, type RtfsOptions, RtfsConfigError } from './options.js';
export { createRtfs, type Rtfs, type RunError, type RunResult } from './rtfs.js';
export { runAsync, runFileAsync, type AsyncRunResult } from './async.js';
export { planGoal, metaPlanSource, type PlanGoalOptions, type PlanGoalResult } from './planner.js';
export {
  openChain,
  type ChainLog,
  type ChainReplayOptions,
  type ChainVerification,
  type ReplayResult,
} from './chain.js';
export { check, type CheckTextOptions } from './check.js';
