/**
 * The public API of rtfs-ts: everything in reader.ts (read, the data model, printing,
 * sources/spans, diagnostics) plus the runtime.
 */
export * from './reader.js';

export { createRuntime, type RuntimeOptions } from './create-runtime.js';
export { Runtime, RtfsError, type EvalOutcome, type Host, PureHost } from './runtime/index.js';
