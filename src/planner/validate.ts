/**
 * `planner.validate_plan` (planner.md §2.2 and §1.4): a schema pass over the steps
 * against the menu, a signal update, and coverage. Deterministic.
 *
 * Schema pass: a capability missing from the menu is an *unknown capability* (not an
 * error); otherwise every required input is bound, no input is unsupported, `:rtfs`
 * bindings only feed function inputs, string literals that look like RTFS code only
 * function inputs, literals match the input type, output names are keyword-safe; step
 * ids are unique and `:step` bindings only name earlier steps' outputs.
 * Signal update: MustCall requirements from the catalog (`:source :catalog`) whose
 * capability the plan does not call are pruned; each unknown capability becomes a
 * `:must` MustCall requirement (readiness `:identified`, `origin_*` metadata).
 */
import { matchesType, formatType } from '../types/index.js';
import { isFnType } from './catalog/index.js';
import { checkStepRefs } from './materialize.js';
import { mustCall, upsertRequirement, bumpReadiness } from './requirements.js';
import { shapeOf, WHOLE } from './synth/shape.js';
import type {
  Coverage,
  GoalSignals,
  MenuEntry,
  Plan,
  Requirement,
  RequirementGap,
  UnknownCapability,
  Validation,
} from './types.js';
import { printValue } from '../data/index.js';

const KEYWORD_SAFE = /^[A-Za-z0-9_-]+$/;

function schemaErrors(
  plan: Plan,
  menu: ReadonlyMap<string, MenuEntry>,
): { errors: string[]; unknown: UnknownCapability[] } {
  const errors = checkStepRefs(plan.steps);
  const unknown: UnknownCapability[] = [];
  for (const s of plan.steps) {
    for (const o of s.outputs) {
      if (!KEYWORD_SAFE.test(o.alias))
        errors.push(`step "${s.id}": output alias "${o.alias}" is not keyword-safe`);
      if (o.source !== WHOLE && !KEYWORD_SAFE.test(o.source))
        errors.push(`step "${s.id}": output source "${o.source}" is not keyword-safe`);
    }
    if (s.capability_id === 'rtfs') continue;
    const m = menu.get(s.capability_id);
    if (m === undefined) {
      unknown.push({ step_id: s.id, capability_id: s.capability_id });
      continue;
    }
    const shape = shapeOf(m);
    if (m.input_schema === null) continue;
    for (const input of shape.inputs) {
      if (!input.optional && s.inputs[input.name] === undefined)
        errors.push(`step "${s.id}": ${s.capability_id} needs the input :${input.name}`);
    }
    for (const name of Object.keys(s.inputs)) {
      const input = shape.inputs.find((i) => i.name === name);
      const b = s.inputs[name];
      if (input === undefined) {
        errors.push(`step "${s.id}": ${s.capability_id} has no input :${name}`);
        continue;
      }
      if (b === undefined) continue;
      const fn = isFnType(input.type);
      if (b.kind === 'rtfs' && !fn)
        errors.push(
          `step "${s.id}": input :${name} is not a function, so it cannot take RTFS code`,
        );
      if (b.kind === 'literal') {
        if (!fn && typeof b.value === 'string' && /^\s*\(.*\)\s*$/s.test(b.value))
          errors.push(`step "${s.id}": input :${name} is given a string that looks like RTFS code`);
        else if (!matchesType(input.type, b.value))
          errors.push(
            `step "${s.id}": input :${name} expects ${formatType(input.type)}, got ${printValue(b.value)}`,
          );
      }
    }
  }
  return { errors, unknown };
}

function updateSignals(
  signals: GoalSignals,
  plan: Plan,
  unknown: readonly UnknownCapability[],
  menu: ReadonlyMap<string, MenuEntry>,
): GoalSignals {
  const called = new Set(plan.steps.map((s) => s.capability_id));
  let s: GoalSignals = {
    ...signals,
    requirements: signals.requirements.filter(
      (r) =>
        !(
          r.kind === 'must-call-capability' &&
          r.source.kind === 'catalog' &&
          !called.has(r.capability_id ?? '')
        ),
    ),
  };
  for (const u of unknown) {
    const step = plan.steps.find((x) => x.id === u.step_id);
    s = upsertRequirement(
      s,
      mustCall(
        u.capability_id,
        'must',
        { kind: 'derived', rationale: `used by step ${u.step_id}` },
        'identified',
        {
          origin_step_id: u.step_id,
          origin_step_name: step?.name ?? '',
          origin_notes: step?.notes ?? '',
          origin_rule: step?.origin?.rule ?? '',
        },
      ),
    );
  }
  for (const step of plan.steps) {
    const m = menu.get(step.capability_id);
    if (m === undefined || s.requirements.some((r) => r.capability_id === step.capability_id))
      continue;
    s = upsertRequirement(
      s,
      mustCall(
        step.capability_id,
        'should',
        { kind: 'derived', rationale: `used by step ${step.id}` },
        'available',
        {
          used_by_plan: 'true',
          origin_step_id: step.id,
        },
      ),
    );
  }
  return {
    ...s,
    requirements: s.requirements.map((r) =>
      r.kind === 'must-call-capability' &&
      menu.has(r.capability_id ?? '') &&
      menu.get(r.capability_id ?? '')?.metadata['capability_status'] !== 'scaffold'
        ? bumpReadiness(r, 'available')
        : r,
    ),
  };
}

function filterCovered(r: Requirement, plan: Plan): boolean {
  const expected = r.expected_value ?? '';
  return plan.steps.some(
    (s) =>
      s.capability_id.includes('filter') &&
      Object.values(s.inputs).some(
        (b) =>
          (b.kind === 'literal' && printValue(b.value).includes(expected)) ||
          (b.kind === 'rtfs' && b.code.includes(expected)),
      ),
  );
}

export function coverageOf(
  signals: GoalSignals,
  plan: Plan,
  menu: ReadonlyMap<string, MenuEntry>,
  schemaErrorCount: number,
): Coverage {
  const called = new Set(plan.steps.map((s) => s.capability_id));
  const pendingIds = new Set(
    signals.requirements.filter((r) => r.readiness === 'pending-external').map((r) => r.id),
  );
  const unmet: RequirementGap[] = [];
  const missing: string[] = [];
  const incomplete: string[] = [];
  const pending: string[] = [];
  const advisories: string[] = [];
  const satisfied: string[] = [];
  const gap = (r: Requirement, explanation: string): void => {
    if (r.priority === 'must') unmet.push({ requirement: r.id, explanation });
    else advisories.push(`${r.id}: ${explanation}`);
  };
  for (const r of signals.requirements) {
    switch (r.kind) {
      case 'must-call-capability': {
        const id = r.capability_id ?? '';
        const m = menu.get(id);
        if (r.readiness === 'pending-external') {
          if (!pending.includes(id)) pending.push(id);
          gap(
            r,
            `${id} is awaiting an external provider (${r.pending_request_id ?? 'no request'})`,
          );
        } else if (m === undefined) {
          if (r.priority === 'must' && !missing.includes(id)) missing.push(id);
          gap(r, `${id} is not available in the menu`);
        } else if (m.metadata['capability_status'] === 'scaffold') {
          if (!incomplete.includes(id)) incomplete.push(id);
          gap(r, `${id} is a scaffold, not yet available`);
        } else if (!called.has(id)) gap(r, `no step calls ${id}`);
        else satisfied.push(r.id);
        break;
      }
      case 'must-filter':
        if (filterCovered(r, plan)) satisfied.push(r.id);
        else gap(r, `no filtering step keeps "${r.expected_value ?? ''}"`);
        break;
      case 'must-produce-output':
        if (plan.steps.some((s) => s.outputs.some((o) => o.alias === r.key))) satisfied.push(r.id);
        else gap(r, `no step produces ${r.key ?? ''}`);
        break;
      case 'custom':
        if (plan.steps.some((s) => s.notes.includes(r.description ?? ''))) satisfied.push(r.id);
        else gap(r, `nothing addresses "${r.description ?? ''}"`);
        break;
    }
  }
  for (const s of plan.steps) {
    const m = menu.get(s.capability_id);
    if (m?.metadata['capability_status'] === 'scaffold' && !incomplete.includes(s.capability_id))
      incomplete.push(s.capability_id);
  }
  const status =
    unmet.length === 0 && missing.length === 0 && incomplete.length === 0 && pending.length === 0
      ? 'satisfied'
      : 'needs-attention';
  return {
    status,
    unmet_requirements: unmet,
    missing_capabilities: missing,
    incomplete_capabilities: incomplete,
    pending_capabilities: pending,
    advisories,
    satisfied_requirements: satisfied,
    // Gaps awaiting an external provider are all the loop can report: nothing more to refine.
    needs_refinement:
      schemaErrorCount > 0 ||
      (status === 'needs-attention' &&
        (missing.length > 0 ||
          incomplete.length > 0 ||
          unmet.some((g) => !pendingIds.has(g.requirement)))),
    requirements: signals.requirements,
  };
}

export function validatePlan(
  plan: Plan,
  signals: GoalSignals,
  menuList: readonly MenuEntry[],
): Validation {
  const menu = new Map(menuList.map((m) => [m.id, m]));
  const { errors, unknown } = schemaErrors(plan, menu);
  const updated = updateSignals(signals, plan, unknown, menu);
  const coverage = coverageOf(updated, plan, menu, errors.length);
  return {
    valid: errors.length === 0 && unknown.length === 0 && coverage.status === 'satisfied',
    schema_errors: errors,
    unknown_capabilities: unknown,
    coverage,
    goal_signals: updated,
  };
}
