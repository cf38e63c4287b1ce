/**
 * The planner's data shapes (docs/planner.md; reference: planner.md §1). These are the
 * TS views of the RTFS maps that cross the `call` boundary: snake_case keys, enum
 * values as kebab-case strings here and keywords in RTFS (convert.ts).
 */
import type { Value } from '../data/index.js';

export type Priority = 'must' | 'should' | 'nice-to-have';

/** Readiness only moves up (`bumpReadiness`). */
export type Readiness = 'unknown' | 'identified' | 'incomplete' | 'pending-external' | 'available';

export const READINESS_ORDER: readonly Readiness[] = [
  'unknown',
  'identified',
  'incomplete',
  'pending-external',
  'available',
];

export type SourceKind =
  'goal-text' | 'intent-constraint' | 'intent-preference' | 'catalog' | 'derived';

export interface SignalSource {
  readonly kind: SourceKind;
  readonly rationale?: string;
}

export interface Constraint {
  readonly name: string;
  readonly value: Value;
  readonly source: SignalSource;
  /** How a plan binds it: a plan input (`:input`) or a typed literal (`:qualifier`). */
  readonly role?: 'input' | 'qualifier';
  readonly rationale?: string;
}

export type RequirementKind =
  'must-call-capability' | 'must-filter' | 'must-produce-output' | 'custom';

export interface Requirement {
  readonly id: string;
  readonly kind: RequirementKind;
  readonly capability_id?: string;
  readonly field?: string;
  readonly expected_value?: string;
  readonly key?: string;
  readonly description?: string;
  readonly priority: Priority;
  readonly source: SignalSource;
  readonly readiness: Readiness;
  readonly metadata: Readonly<Record<string, string>>;
  readonly pending_request_id?: string;
}

export interface GoalSignals {
  readonly goal_text: string;
  readonly constraints: readonly Constraint[];
  readonly preferences: readonly Constraint[];
  readonly success_criteria: readonly { readonly description: string }[];
  readonly requirements: readonly Requirement[];
  /** Facts from the goal (`ask_user`, `quoted`, `emails`, …) as RTFS values. */
  readonly contextual_facts: Readonly<Record<string, Value>>;
  readonly catalog_snapshot: string;
  /**
   * What gap resolution has done so far. `planner.resolve_capability_gaps` writes it, and
   * the menu, synthesis, validation and materialization read it when their own inputs
   * do not say, so a flow that threads only `:goal_signals` (the reference's
   * cognitive_flow.rtfs) keeps the resolution between cycles.
   */
  readonly resolution?: ResolutionState;
}

export interface ResolutionState {
  readonly attempted: readonly string[];
  readonly synthesized: readonly SynthesizedCapability[];
  readonly mappings: readonly { readonly requested: string; readonly resolved: string }[];
}

export type Provenance = 'catalog' | 'synthetic' | 'synthesized' | 'alias-resolution';

export interface MenuEntry {
  readonly id: string;
  readonly provider_label: string;
  readonly description: string;
  readonly required_inputs: readonly string[];
  readonly optional_inputs: readonly string[];
  /** Every output map key, nested keys flattened in (reference menu.rs). */
  readonly outputs: readonly string[];
  readonly provenance: Provenance;
  readonly score: number;
  readonly effects: readonly string[];
  readonly metadata: Readonly<Record<string, string>>;
  /** The schemas as RTFS type-expression data (nil when unknown). */
  readonly input_schema: Value;
  readonly output_schema: Value;
}

export type Binding =
  | { readonly kind: 'literal'; readonly value: Value }
  | { readonly kind: 'var'; readonly name: string }
  | { readonly kind: 'step'; readonly step: string; readonly output: string }
  | { readonly kind: 'rtfs'; readonly code: string }
  /** The current item of the step's `each` (or one of its fields). */
  | { readonly kind: 'item'; readonly field?: string };

/** Comparison of a guard: numbers and strings compare, `contains` tests text. */
export type GuardOp = 'gt' | 'ge' | 'lt' | 'le' | 'eq' | 'ne' | 'contains' | 'truthy';

/**
 * A condition on an earlier step's result (the step runs only when it holds):
 * `measure` `count` compares the number of items of the output, `value` the output
 * (or its `field`), `any` holds when some item's `field` passes.
 */
export interface Guard {
  readonly step: string;
  readonly output: string;
  readonly measure: 'count' | 'value' | 'any';
  readonly field?: string;
  readonly op: GuardOp;
  readonly value?: Value;
  /** The condition as the goal states it. */
  readonly text: string;
}

/** Per-item work: the step runs once per item of an earlier step's list output. */
export interface Each {
  readonly step: string;
  readonly output: string;
  /** The name the item is bound to (`issue`, `order` …). */
  readonly as: string;
}

export interface StepOutput {
  readonly alias: string;
  readonly source: string;
}

export interface PlanStep {
  readonly id: string;
  readonly name: string;
  readonly capability_id: string;
  /** Input name → binding; kept in insertion order, printed sorted. */
  readonly inputs: Readonly<Record<string, Binding>>;
  readonly outputs: readonly StepOutput[];
  readonly notes: string;
  readonly origin?: { readonly clause: string; readonly rule: string };
  /** Runs only when the guard holds (`(if test (call …) nil)`). */
  readonly guard?: Guard;
  /** Runs once per item (`(mapv (fn [item] (call …)) items)`); its value is the vector of results. */
  readonly each?: Each;
  /** Plan inputs (strings) its inline code reads (the cut-off date of "older than 30 days"). */
  readonly vars?: readonly string[];
  /** A gap: the capability-request id of the missing capability this step stands for. */
  readonly pending?: { readonly request_id: string; readonly needs: string };
}

export interface Plan {
  readonly steps: readonly PlanStep[];
  /**
   * The goal, and the values it states for plan inputs (normalised names), set by
   * `planner.synthesize_plan_steps`: plan data that carries them materializes and runs
   * on its own (`ccos.arbiter.execute_plan {:plan P}`).
   */
  readonly goal?: string;
  readonly known_inputs?: Readonly<Record<string, Value>>;
}

export interface UnknownCapability {
  readonly step_id: string;
  readonly capability_id: string;
}

export interface RequirementGap {
  readonly requirement: string;
  readonly explanation: string;
}

export interface Coverage {
  readonly status: 'satisfied' | 'needs-attention';
  readonly unmet_requirements: readonly RequirementGap[];
  readonly missing_capabilities: readonly string[];
  readonly incomplete_capabilities: readonly string[];
  readonly pending_capabilities: readonly string[];
  readonly advisories: readonly string[];
  readonly satisfied_requirements: readonly string[];
  readonly needs_refinement: boolean;
  readonly requirements: readonly Requirement[];
}

export interface Validation {
  readonly valid: boolean;
  readonly schema_errors: readonly string[];
  readonly unknown_capabilities: readonly UnknownCapability[];
  readonly coverage: Coverage;
  readonly goal_signals: GoalSignals;
}

export type ResolutionMethod = 'exact' | 'alias' | 'fuzzy' | 'template' | 'pending-external';

export interface SynthesizedCapability {
  readonly id: string;
  readonly description: string;
  /** Schema forms as RTFS data (for the menu and the plan's definitions). */
  readonly input_schema: Value;
  readonly output_schema: Value;
  /** `(defcapability "core.gen.<op>" …)` source text. */
  readonly source: string;
}

export interface ResolvedCapability {
  readonly id: string;
  readonly method: ResolutionMethod;
  readonly provider: string;
}

export interface PendingRequest {
  readonly capability_id: string;
  readonly request_id: string;
  readonly suggested_human_action: string;
}

export type ResolutionOutcome =
  'discovered' | 'synthesized' | 'awaiting-external' | 'failed' | 'no-action';

export interface Resolution {
  readonly outcome: ResolutionOutcome;
  readonly capabilities: readonly ResolvedCapability[];
  readonly pending_requests: readonly PendingRequest[];
  readonly mappings: readonly { readonly requested: string; readonly resolved: string }[];
  readonly synthesized: readonly SynthesizedCapability[];
  readonly goal_signals: GoalSignals;
  readonly attempted: readonly string[];
  readonly summary: string;
}
