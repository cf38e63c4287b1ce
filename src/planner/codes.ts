/** Error codes of the planner, its catalogs and its LLM providers (docs/errors.md). */
export const PlannerCodes = {
  badInput: 'planner/bad-input',
  unknownCapability: 'planner/unknown-capability',
  badPlan: 'planner/bad-plan',
  badLlmResponse: 'planner/bad-llm-response',
  catalogMismatch: 'planner/catalog-mismatch',
  unsupportedLanguage: 'planner/unsupported-language',
  ambiguousGoal: 'planner/ambiguous-goal',
  /** A rewriter refused the meta-plan (`planGoal`; the CLI prints the reason). */
  rewriteRefused: 'planner/rewrite-refused',
} as const;

export const CatalogCodes = {
  unreadable: 'catalog/unreadable',
  syntax: 'catalog/syntax',
  invalidEntry: 'catalog/invalid-entry',
  duplicateId: 'catalog/duplicate-id',
  badSchema: 'catalog/bad-schema',
} as const;

export const LlmCodes = {
  disabled: 'llm/disabled',
  noRecording: 'llm/no-recording',
  requestFailed: 'llm/request-failed',
  timeout: 'llm/timeout',
  badConfig: 'llm/bad-config',
} as const;
