/** Goal requirements: constructors, readiness bumps, and signal updates (immutable). */
import {
  type GoalSignals,
  type Priority,
  type Readiness,
  type Requirement,
  type SignalSource,
  READINESS_ORDER,
} from './types.js';

export function mustCallId(capabilityId: string): string {
  return `requirement::must_call::${capabilityId}`;
}

export function mustCall(
  capabilityId: string,
  priority: Priority,
  source: SignalSource,
  readiness: Readiness,
  metadata: Record<string, string> = {},
): Requirement {
  return {
    id: mustCallId(capabilityId),
    kind: 'must-call-capability',
    capability_id: capabilityId,
    priority,
    source,
    readiness,
    metadata: { capability_id: capabilityId, ...metadata },
  };
}

export function mustFilter(name: string, expected: string, source: SignalSource): Requirement {
  return {
    id: `requirement::must_filter::${name}`,
    kind: 'must-filter',
    expected_value: expected,
    priority: 'must',
    source,
    readiness: 'unknown',
    metadata: { rationale: `the goal asks to filter by "${expected}"` },
  };
}

/** `r` with readiness raised to at least `to` (readiness never goes down). */
export function bumpReadiness(r: Requirement, to: Readiness): Requirement {
  return READINESS_ORDER.indexOf(to) > READINESS_ORDER.indexOf(r.readiness)
    ? { ...r, readiness: to }
    : r;
}

/** Signals with `r` added, or merged into the requirement of the same id (priority only rises). */
export function upsertRequirement(s: GoalSignals, r: Requirement): GoalSignals {
  const i = s.requirements.findIndex((x) => x.id === r.id);
  if (i < 0) return { ...s, requirements: [...s.requirements, r] };
  const prev = s.requirements[i] as Requirement;
  const rank = (p: Priority): number => ['nice-to-have', 'should', 'must'].indexOf(p);
  const merged: Requirement = bumpReadiness(
    {
      ...prev,
      priority: rank(r.priority) > rank(prev.priority) ? r.priority : prev.priority,
      metadata: { ...prev.metadata, ...r.metadata },
      ...(r.pending_request_id !== undefined ? { pending_request_id: r.pending_request_id } : {}),
    },
    r.readiness,
  );
  const list = [...s.requirements];
  list[i] = merged;
  return { ...s, requirements: list };
}
