/** Gaps of a plan: the steps standing for capabilities that await an external provider. */
import type { GoalSignals, PlanStep } from './types.js';

/** A part of the goal no capability can do: an explicit pending step of the plan. */
export interface Gap {
  readonly step_id: string;
  /** The clause of the goal the step stands for ("post it on Twitter"). */
  readonly needs: string;
  readonly request_id: string;
  /** The placeholder id the planner used while planning (never called). */
  readonly requested: string;
  /** The inputs the missing capability would take, and what it would give. */
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
}

/** The steps with every capability awaiting an external provider turned into a pending step. */
export function withPendingSteps(
  steps: readonly PlanStep[],
  signals: GoalSignals | undefined,
): { steps: PlanStep[]; gaps: Gap[] } {
  const pending = new Map<string, string>();
  for (const r of signals?.requirements ?? [])
    if (r.readiness === 'pending-external' && r.capability_id !== undefined && r.pending_request_id)
      pending.set(r.capability_id, r.pending_request_id);
  const gaps: Gap[] = [];
  const out = steps.map((s) => {
    const request = s.pending?.request_id ?? pending.get(s.capability_id);
    if (request === undefined) return s;
    const needs = s.pending?.needs ?? s.origin?.clause ?? s.notes;
    gaps.push({
      step_id: s.id,
      needs,
      request_id: request,
      requested: s.capability_id,
      inputs: Object.keys(s.inputs),
      outputs: s.outputs.map((o) => o.alias),
    });
    return { ...s, pending: { request_id: request, needs } };
  });
  return { steps: out, gaps };
}
