/**
 * The public API of rtfs-ts (docs/api.md): everything in reader.ts (read, the data
 * model, printing, sources/spans, diagnostics), the runtime, and the library API
 * (createRtfs, runAsync, defineCapability, planGoal, openChain, check), the formatter
 * and the causal chain's types.
 */
export * from './reader.js';

export { createRuntime, type RuntimeOptions } from './create-runtime.js';
export type { Budget } from './runtime/budget.js';
export {
  Runtime,
  RtfsError,
  type EvalOutcome,
  type Host,
  type NodeCompiler,
  PureHost,
} from './runtime/index.js';
export * from './library/index.js';
export {
  formatSource,
  formatForms,
  DEFAULT_WIDTH,
  type FormatOptions,
  type FormatResult,
} from './format/index.js';
export {
  type Capability,
  type CapabilityContext,
  type CapabilityRegistry,
  type Effect,
  type Policy,
  type RunHost,
} from './host/index.js';
export {
  MemoryChain,
  JsonlChain,
  type ChainAction,
  type ChainRecord,
  type CapabilityStats,
  type RecordFilter,
  type VerifyOptions,
} from './audit/index.js';
export { type Rewriter, type RewriteContext, type RewriteOutcome } from './meta/index.js';
export type { AuditSink, ActionInput } from './runtime/audit-sink.js';
export { ConfigCodes, parseConfigText, readConfigFile, type ConfigData } from './config/index.js';
