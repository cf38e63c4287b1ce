/**
 * zod schemas of the planner's data shapes (types.ts), applied to the converted input
 * of every planner capability (convert.ts `fromRtfs`): they give typed TS values and
 * precise `planner/bad-input` messages for shapes the RTFS schema only sketches.
 */
import * as z from 'zod/mini';
import '../../types/zod-english.js';
import type { Value } from '../../data/index.js';

export const ValueZ = z.custom<Value>(() => true);

export const SourceZ = z.object({
  kind: z.enum(['goal-text', 'intent-constraint', 'intent-preference', 'catalog', 'derived']),
  rationale: z.optional(z.string()),
});

export const ConstraintZ = z.object({
  name: z.string(),
  value: ValueZ,
  source: SourceZ,
  role: z.optional(z.enum(['input', 'qualifier'])),
  rationale: z.optional(z.string()),
});

export const RequirementZ = z.object({
  id: z.string(),
  kind: z.enum(['must-call-capability', 'must-filter', 'must-produce-output', 'custom']),
  capability_id: z.optional(z.string()),
  field: z.optional(z.string()),
  expected_value: z.optional(z.string()),
  key: z.optional(z.string()),
  description: z.optional(z.string()),
  priority: z.enum(['must', 'should', 'nice-to-have']),
  source: SourceZ,
  readiness: z.enum(['unknown', 'identified', 'incomplete', 'pending-external', 'available']),
  metadata: z.record(z.string(), z.string()),
  pending_request_id: z.optional(z.string()),
});

export const SynthesizedZ = z.object({
  id: z.string(),
  description: z.string(),
  input_schema: ValueZ,
  output_schema: ValueZ,
  source: z.string(),
});

export const MappingZ = z.object({ requested: z.string(), resolved: z.string() });

export const ResolutionStateZ = z.object({
  attempted: z.array(z.string()),
  synthesized: z.array(SynthesizedZ),
  mappings: z.array(MappingZ),
});

export const GoalSignalsZ = z.object({
  goal_text: z.string(),
  constraints: z.array(ConstraintZ),
  preferences: z.array(ConstraintZ),
  success_criteria: z.array(z.object({ description: z.string() })),
  requirements: z.array(RequirementZ),
  contextual_facts: z.record(z.string(), ValueZ),
  catalog_snapshot: z.string(),
  resolution: z.optional(ResolutionStateZ),
});

export const MenuEntryZ = z.object({
  id: z.string(),
  provider_label: z.string(),
  description: z.string(),
  required_inputs: z.array(z.string()),
  optional_inputs: z.array(z.string()),
  outputs: z.array(z.string()),
  provenance: z.enum(['catalog', 'synthetic', 'synthesized', 'alias-resolution']),
  score: z.number(),
  effects: z.array(z.string()),
  metadata: z.record(z.string(), z.string()),
  input_schema: ValueZ,
  output_schema: ValueZ,
});

export const BindingZ = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('literal'), value: ValueZ }),
  z.object({ kind: z.literal('var'), name: z.string() }),
  z.object({ kind: z.literal('step'), step: z.string(), output: z.string() }),
  z.object({ kind: z.literal('rtfs'), code: z.string() }),
  z.object({ kind: z.literal('item'), field: z.optional(z.string()) }),
]);

export const GuardZ = z.object({
  step: z.string().check(z.minLength(1)),
  output: z.string(),
  measure: z.enum(['count', 'value', 'any']),
  field: z.optional(z.string()),
  op: z.enum(['gt', 'ge', 'lt', 'le', 'eq', 'ne', 'contains', 'truthy']),
  value: z.optional(ValueZ),
  text: z.string(),
});

export const EachZ = z.object({
  step: z.string().check(z.minLength(1)),
  output: z.string(),
  as: z.string().check(z.minLength(1)),
});

export const PlanStepZ = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string(),
  capability_id: z.string().check(z.minLength(1)),
  inputs: z.record(z.string(), BindingZ),
  outputs: z.array(z.object({ alias: z.string(), source: z.string() })),
  notes: z.string(),
  origin: z.optional(z.object({ clause: z.string(), rule: z.string() })),
  guard: z.optional(GuardZ),
  each: z.optional(EachZ),
  vars: z.optional(z.array(z.string())),
  pending: z.optional(z.object({ request_id: z.string(), needs: z.string() })),
});

export const PlanZ = z.object({
  steps: z.array(PlanStepZ),
  goal: z.optional(z.string()),
  known_inputs: z.optional(z.record(z.string(), ValueZ)),
});

export const CoverageZ = z.object({
  status: z.enum(['satisfied', 'needs-attention']),
  unmet_requirements: z.array(z.object({ requirement: z.string(), explanation: z.string() })),
  missing_capabilities: z.array(z.string()),
  incomplete_capabilities: z.array(z.string()),
  pending_capabilities: z.array(z.string()),
  advisories: z.array(z.string()),
  satisfied_requirements: z.array(z.string()),
  needs_refinement: z.boolean(),
  requirements: z.array(RequirementZ),
});
