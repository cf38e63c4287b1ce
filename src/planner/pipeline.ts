/**
 * `runPlannerPipeline`: the planner as a plain TS loop over the same pure functions
 * the `planner.*` capabilities wrap: extract → menu → synthesize → (validate →
 * resolve → rebuild menu → re-synthesize)* until coverage is satisfied or
 * `max_cycles` → validate → materialize. The meta-plan run through the evaluator calls
 * the capabilities in this order with these values, so it produces the same plan.
 */
import type { Value } from '../data/index.js';
import type { Catalog } from './catalog/index.js';
import { type Gap, materializePlan, type SchemaSource } from './materialize.js';
import { buildMenu } from './menu.js';
import { resolveGaps } from './resolve.js';
import { extractGoalSignals, type ExtractOptions } from './signals.js';
import { refinePlan, type Mapping } from './synth/refine.js';
import { synthesizeTemplate } from './synth/template.js';
import type { Coverage, MenuEntry, Plan, Requirement, SynthesizedCapability } from './types.js';
import { validatePlan } from './validate.js';

export interface PipelineOptions {
  readonly max_cycles?: number;
  readonly menu_limit?: number;
  readonly extract?: ExtractOptions;
}

export interface TraceEntry {
  readonly step: string;
  readonly capability: string;
  readonly cycle?: number;
  readonly summary: string;
}

export interface PipelineResult {
  readonly final_plan: Plan;
  readonly plan_source: string;
  readonly plan_hash: string;
  /** Parts of the goal no capability can do (pending steps of the plan); empty for a complete plan. */
  readonly gaps: readonly Gap[];
  readonly inputs: Readonly<Record<string, Value>>;
  readonly coverage: Coverage;
  readonly requirements: readonly Requirement[];
  readonly synthesized: readonly SynthesizedCapability[];
  readonly menu: readonly MenuEntry[];
  readonly cycles: number;
  readonly trace: readonly TraceEntry[];
}

/** Schemas of catalog entries, for materialization. */
export function catalogSchemas(catalog: Catalog): SchemaSource[] {
  return catalog.entries.map((e) => ({
    id: e.id,
    input_schema: e.inputSchema,
    output_schema: e.outputSchema,
  }));
}

export function runPlannerPipeline(
  goal: string,
  catalog: Catalog,
  opts: PipelineOptions = {},
): PipelineResult {
  const maxCycles = opts.max_cycles ?? 3;
  const trace: TraceEntry[] = [];
  let signals = extractGoalSignals(goal, catalog, opts.extract ?? {});
  trace.push({
    step: 'extract_goal_signals',
    capability: 'planner.extract_goal_signals',
    summary: `${signals.constraints.length} constraints, ${signals.requirements.length} requirements`,
  });
  const menuOpts = (synthesized: readonly SynthesizedCapability[]) =>
    opts.menu_limit !== undefined ? { limit: opts.menu_limit, synthesized } : { synthesized };
  let menu = buildMenu(signals, catalog, menuOpts([])).menu;
  trace.push({
    step: 'build_initial_menu',
    capability: 'planner.build_capability_menu',
    summary: `${menu.length} entries`,
  });
  const first = synthesizeTemplate(signals, menu);
  let plan: Plan = { steps: first.steps };
  trace.push({
    step: 'initial_plan_synthesis',
    capability: 'planner.synthesize_plan_steps',
    summary: first.log,
  });
  let attempted: string[] = [];
  let synthesized: SynthesizedCapability[] = [];
  let mappings: Mapping[] = [];
  let cycles = 0;
  let validation = validatePlan(plan, signals, menu);
  for (;;) {
    signals = validation.goal_signals;
    trace.push({
      step: 'refinement_loop',
      capability: 'planner.validate_plan',
      cycle: cycles,
      summary: validation.coverage.needs_refinement
        ? `needs refinement: ${[...validation.schema_errors, ...validation.coverage.unmet_requirements.map((g) => g.explanation)].join('; ')}`
        : `satisfied (${validation.coverage.satisfied_requirements.length} requirements)`,
    });
    if (!validation.coverage.needs_refinement || cycles >= maxCycles) break;
    const res = resolveGaps(validation.coverage, signals, catalog, {
      attempted,
      synthesized,
      mappings,
    });
    signals = res.goal_signals;
    attempted = [...res.attempted];
    synthesized = [...res.synthesized];
    mappings = [...res.mappings];
    trace.push({
      step: 'refinement_loop',
      capability: 'planner.resolve_capability_gaps',
      cycle: cycles,
      summary: `${res.outcome}: ${res.summary}`,
    });
    menu = buildMenu(signals, catalog, menuOpts(synthesized)).menu;
    trace.push({
      step: 'refinement_loop',
      capability: 'planner.build_capability_menu',
      cycle: cycles,
      summary: `${menu.length} entries`,
    });
    const next = refinePlan(signals, menu, plan, mappings);
    plan = { steps: next.steps };
    trace.push({
      step: 'refinement_loop',
      capability: 'planner.synthesize_plan_steps',
      cycle: cycles,
      summary: next.log,
    });
    cycles++;
    validation = validatePlan(plan, signals, menu);
  }
  const m = materializePlan(plan.steps, {
    goal,
    schemas: [...menu, ...catalogSchemas(catalog)],
    synthesized,
    signals,
  });
  trace.push({
    step: 'materialize_plan',
    capability: 'planner.materialize_plan',
    summary: m.plan_hash,
  });
  return {
    final_plan: plan,
    plan_source: m.source,
    plan_hash: m.plan_hash,
    gaps: m.gaps,
    inputs: m.inputs,
    coverage: validation.coverage,
    requirements: signals.requirements,
    synthesized,
    menu,
    cycles,
    trace,
  };
}
