/**
 * OpenTelemetry export of the causal chain (docs/causal-chain.md, "Exporting to
 * OpenTelemetry"): runs as traces, plans, steps, capability calls and LLM calls as
 * spans, made with the OpenTelemetry SDK; as an OTLP/JSON file or live over OTLP/HTTP.
 */
export { ATTR, SCOPE } from './attributes.js';
export {
  type AttrValue,
  type Attrs,
  type SpanSignal,
  type SignalOptions,
  SignalMaker,
  traceIdOf,
  spanIdOf,
} from './signals.js';
export { SpanBuilder, hrTime, rtfsResource } from './span-builder.js';
export { type FileExport, type FileExportOptions, otlpJson } from './file-export.js';
export { type LiveResult, type TappableSink, LiveExport } from './live.js';
export type { LiveInit } from './live-protocol.js';
