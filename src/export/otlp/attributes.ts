/**
 * The span attributes of the OpenTelemetry export (the table in docs/causal-chain.md,
 * "Exporting to OpenTelemetry"). `error.type` and `service.*` are stable semantic
 * conventions; `gen_ai.*` follow the GenAI semantic conventions for model calls
 * (https://opentelemetry.io/docs/specs/semconv/gen-ai/gen-ai-spans/); the rest are
 * rtfs-specific, under `rtfs.`.
 */

export const ATTR = {
  // Stable conventions.
  errorType: 'error.type',
  serviceName: 'service.name',
  serviceVersion: 'service.version',
  // GenAI conventions (LLM calls).
  genAiOperation: 'gen_ai.operation.name',
  genAiRequestTemperature: 'gen_ai.request.temperature',
  genAiRequestMaxTokens: 'gen_ai.request.max_tokens',
  genAiResponseModel: 'gen_ai.response.model',
  genAiInputMessages: 'gen_ai.input.messages',
  genAiOutputMessages: 'gen_ai.output.messages',
  // Where a span comes from in the chain.
  chainId: 'rtfs.chain.id',
  recordId: 'rtfs.record.id',
  seq: 'rtfs.chain.seq',
  hash: 'rtfs.chain.hash',
  endSeq: 'rtfs.chain.end_seq',
  endHash: 'rtfs.chain.end_hash',
  callPath: 'rtfs.call_path',
  // What the span is.
  kind: 'rtfs.span.kind',
  status: 'rtfs.status',
  runId: 'rtfs.run.id',
  planName: 'rtfs.plan.name',
  goal: 'rtfs.plan.goal',
  catalogSnapshot: 'rtfs.catalog.snapshot',
  metaPlanHash: 'rtfs.meta_plan.hash',
  finalPlanHash: 'rtfs.final_plan.hash',
  stepName: 'rtfs.step.name',
  capability: 'rtfs.capability.id',
  effects: 'rtfs.capability.effects',
  decision: 'rtfs.policy.decision',
  rule: 'rtfs.policy.rule',
  simulated: 'rtfs.simulated',
  argsHash: 'rtfs.args.hash',
  resultHash: 'rtfs.result.hash',
  durationMs: 'rtfs.duration_ms',
  errorMessage: 'rtfs.error.message',
  llmPurpose: 'rtfs.llm.purpose',
  llmPromptVersion: 'rtfs.llm.prompt_version',
  llmPromptHash: 'rtfs.llm.prompt_sha256',
  // Only with --include-values: the decoded values, printed as RTFS.
  args: 'rtfs.args',
  result: 'rtfs.result',
  // Span events for records that are not spans (RewriteApplied, GovernanceDecision …).
  eventType: 'rtfs.record.type',
  eventName: 'rtfs.record.name',
  rewriteRule: 'rtfs.rewrite.rule',
  rewriteParams: 'rtfs.rewrite.params',
  rewriteBefore: 'rtfs.rewrite.before_hash',
  rewriteAfter: 'rtfs.rewrite.after_hash',
} as const;

/** The instrumentation scope of the spans. */
export const SCOPE = 'rtfs-ts/causal-chain';
