/** The `planner.*` capabilities: thin wrappers converting RTFS maps around the pure algorithms. */
import * as z from 'zod/mini';
import '../../types/zod-english.js';
import { type Value, Keyword, RMap } from '../../data/index.js';
import type { Capability } from '../../host/index.js';
import { RtfsError } from '../../runtime/index.js';
import type { Catalog } from '../catalog/index.js';
import { PlannerCodes } from '../codes.js';
import { fromRtfs, keyName, toRtfs } from '../convert.js';
import { normName } from '../text.js';
import { synthesizeWithLlm } from '../llm/attempts.js';
import { PROMPT_VERSION } from '../llm/prompt.js';
import { INTENT_PROMPT_VERSION, intentWithLlm } from '../llm/intent.js';
import { materializePlan } from '../materialize.js';
import { buildMenu } from '../menu.js';
import { catalogSchemas } from '../pipeline.js';
import { resolveGaps } from '../resolve.js';
import { extractGoalSignals, type IntentInput } from '../signals.js';
import { refinePlan } from '../synth/refine.js';
import { synthesizeTemplate } from '../synth/template.js';
import type { GoalSignals, MenuEntry, Plan, SynthesizedCapability } from '../types.js';
import { GEN_OPS, genTemplate, type GenOp } from '../gen-templates.js';
import { validatePlan } from '../validate.js';
import { checkSnapshot, plannerCapability } from './define.js';
import { SCHEMAS } from './schemas.js';
import { CoverageZ, GoalSignalsZ, MappingZ, MenuEntryZ, PlanZ, SynthesizedZ } from './zod.js';

/** The intent map as given (its constraint values stay RTFS values). */
function intentOf(raw: Value): IntentInput | undefined {
  if (!(raw instanceof RMap)) return undefined;
  const intent = raw.get(Keyword.of('intent'));
  if (!(intent instanceof RMap)) return undefined;
  const rec = (key: string): Record<string, Value> | undefined => {
    const m = intent.get(Keyword.of(key));
    if (!(m instanceof RMap)) return undefined;
    const out: Record<string, Value> = {};
    m.forEach((v, k) => {
      out[keyName(k)] = v;
    });
    return out;
  };
  const name = intent.get(Keyword.of('name'));
  const sc = intent.get(Keyword.of('success_criteria'));
  const constraints = rec('constraints');
  const preferences = rec('preferences');
  return {
    ...(typeof name === 'string' ? { name } : {}),
    ...(constraints ? { constraints } : {}),
    ...(preferences ? { preferences } : {}),
    ...(typeof sc === 'string' ? { success_criteria: sc } : {}),
  };
}

const u = <T>(v: T | null | undefined): T | undefined => v ?? undefined;

export function plannerCoreCapabilities(catalog: Catalog): Capability[] {
  const extract = plannerCapability({
    id: 'planner.extract_goal_signals',
    description:
      'Goal text (and an optional intent) → goal signals: constraints, facts and requirements matched against the catalog',
    ...SCHEMAS.extract,
    parse: z.object({
      goal: z.string().check(z.minLength(1, 'the goal is empty')),
      intent: z.nullish(z.record(z.string(), z.unknown())),
      apply_catalog_search: z.nullish(z.boolean()),
      min_score: z.nullish(z.number()),
      max_results: z.nullish(z.number().check(z.int())),
      catalog_snapshot: z.nullish(z.string()),
      strategy: z.nullish(z.enum(['rules', 'template', 'llm'])),
      max_attempts: z.nullish(z.number().check(z.int(), z.gte(1), z.lte(10))),
    }),
    run: (i, ctx, raw) => {
      checkSnapshot('planner.extract_goal_signals', i.catalog_snapshot, catalog.snapshot);
      let intent = intentOf(raw);
      if (i.strategy === 'llm' && intent === undefined)
        intent = intentWithLlm(i.goal, i.max_attempts ?? 3, (prompt) => {
          const answer = fromRtfs(
            ctx.call(
              'llm.complete',
              toRtfs({
                purpose: 'extract_intent',
                prompt_version: INTENT_PROMPT_VERSION,
                prompt,
                temperature: 0,
              }),
            ),
          ) as { text?: unknown };
          return typeof answer.text === 'string' ? answer.text : '';
        });
      const signals = extractGoalSignals(i.goal, catalog, {
        ...(intent ? { intent } : {}),
        // An ambiguous goal: one clarifying question to the user (answered from --answers
        // or the terminal, and recorded); no answer stops with planner/ambiguous-goal.
        ask: (question) => {
          try {
            const a = ctx.call('ccos.user.ask', RMap.fromFlat([Keyword.of('prompt'), question]));
            return typeof a === 'string' ? a : undefined;
          } catch (e) {
            if (e instanceof RtfsError) return undefined;
            throw e;
          }
        },
        ...(i.apply_catalog_search != null ? { apply_catalog_search: i.apply_catalog_search } : {}),
        ...(i.min_score != null ? { min_score: i.min_score } : {}),
        ...(i.max_results != null ? { max_results: i.max_results } : {}),
      });
      return { goal_signals: signals, catalog_snapshot: catalog.snapshot };
    },
  });
  const menu = plannerCapability({
    id: 'planner.build_capability_menu',
    description: 'Goal signals → the menu of capabilities a plan may use, best first',
    ...SCHEMAS.menu,
    parse: z.object({
      goal_signals: GoalSignalsZ,
      limit: z.nullish(z.number().check(z.int(), z.gte(1))),
      include_synthetic: z.nullish(z.boolean()),
      min_score: z.nullish(z.number()),
      synthesized: z.nullish(z.array(SynthesizedZ)),
      catalog_snapshot: z.nullish(z.string()),
    }),
    run: (i) => {
      checkSnapshot('planner.build_capability_menu', i.catalog_snapshot, catalog.snapshot);
      return buildMenu(i.goal_signals, catalog, {
        ...(i.limit != null ? { limit: i.limit } : {}),
        ...(i.include_synthetic != null ? { include_synthetic: i.include_synthetic } : {}),
        ...(i.min_score != null ? { min_score: i.min_score } : {}),
        synthesized: i.synthesized ?? i.goal_signals.resolution?.synthesized ?? [],
      });
    },
  });
  const synthesize = plannerCapability({
    id: 'planner.synthesize_plan_steps',
    description:
      'Goal signals and a menu → plan steps with typed bindings (strategy :template, deterministic, or :llm through llm.complete)',
    ...SCHEMAS.synthesize,
    parse: z.object({
      goal_signals: GoalSignalsZ,
      menu: z.array(MenuEntryZ),
      previous_plan: z.nullish(PlanZ),
      previous_coverage: z.nullish(CoverageZ),
      mappings: z.nullish(z.array(MappingZ)),
      feedback: z.nullish(z.string()),
      resolution_summary: z.nullish(z.string()),
      strategy: z.nullish(z.enum(['template', 'llm'])),
      max_attempts: z.nullish(z.number().check(z.int(), z.gte(1), z.lte(10))),
    }),
    run: (i, ctx) => {
      const mappings = i.mappings ?? i.goal_signals.resolution?.mappings ?? [];
      if (i.strategy === 'llm') {
        const feedback =
          i.feedback ??
          (i.previous_coverage !== null && i.previous_coverage !== undefined
            ? i.previous_coverage.unmet_requirements.map((g) => g.explanation).join('; ')
            : undefined);
        const r = synthesizeWithLlm({
          signals: i.goal_signals,
          menu: i.menu,
          ...(i.previous_plan ? { previous: i.previous_plan as Plan } : {}),
          ...(feedback !== undefined && feedback.length > 0 ? { feedback } : {}),
          maxAttempts: i.max_attempts ?? 3,
          complete: (prompt) => {
            const answer = fromRtfs(
              ctx.call(
                'llm.complete',
                toRtfs({
                  purpose: 'synthesize_plan_steps',
                  prompt_version: PROMPT_VERSION,
                  prompt,
                  temperature: 0,
                }),
              ),
            ) as { text?: unknown; model?: unknown };
            return {
              text: typeof answer.text === 'string' ? answer.text : '',
              model: String(answer.model),
            };
          },
        });
        return {
          plan: planData(r.steps, i.goal_signals),
          log: `${r.log} (prompt ${PROMPT_VERSION})`,
          raw: r.raw,
          strategy: 'llm',
          attempts: r.attempts,
        };
      }
      const r = i.previous_plan
        ? refinePlan(i.goal_signals, i.menu, i.previous_plan as Plan, mappings)
        : synthesizeTemplate(i.goal_signals, i.menu);
      return { plan: planData(r.steps, i.goal_signals), log: r.log, strategy: 'template' };
    },
  });
  const validate = plannerCapability({
    id: 'planner.validate_plan',
    description: 'Checks plan steps against the menu and computes requirement coverage',
    ...SCHEMAS.validate,
    parse: z.object({
      plan: PlanZ,
      goal_signals: GoalSignalsZ,
      menu: z.nullish(z.array(MenuEntryZ)),
    }),
    // Without :menu (the reference's flow passes none), the menu the signals give.
    run: (i) => validatePlan(i.plan as Plan, i.goal_signals, i.menu ?? menuOf(i.goal_signals)),
  });
  const resolve = plannerCapability({
    id: 'planner.resolve_capability_gaps',
    description:
      'Resolves missing capabilities: exact id, alias, fuzzy match, template synthesis, or a pending external request',
    ...SCHEMAS.resolve,
    parse: z.object({
      coverage: CoverageZ,
      goal_signals: GoalSignalsZ,
      attempted: z.nullish(z.array(z.string())),
      synthesized: z.nullish(z.array(SynthesizedZ)),
      mappings: z.nullish(z.array(MappingZ)),
      policy: z.nullish(
        z.object({
          allow_synthesis: z.optional(z.boolean()),
          allow_discovery: z.optional(z.boolean()),
        }),
      ),
      catalog_snapshot: z.nullish(z.string()),
    }),
    run: (i) => {
      checkSnapshot('planner.resolve_capability_gaps', i.catalog_snapshot, catalog.snapshot);
      // The requirements as validation left them (the coverage carries them), so a flow
      // that passes the signals from before validation still resolves what it found.
      const signals = { ...i.goal_signals, requirements: i.coverage.requirements };
      const done = signals.resolution;
      return resolveGaps(i.coverage, signals, catalog, {
        attempted: i.attempted ?? done?.attempted ?? [],
        synthesized: i.synthesized ?? done?.synthesized ?? [],
        mappings: i.mappings ?? done?.mappings ?? [],
        ...(i.policy?.allow_synthesis !== undefined
          ? { allow_synthesis: i.policy.allow_synthesis }
          : {}),
      });
    },
  });
  const materialize = plannerCapability({
    id: 'planner.materialize_plan',
    description: 'Plan steps → the RTFS source of a runnable, self-contained plan',
    ...SCHEMAS.materialize,
    parse: z.object({
      plan: PlanZ,
      goal_signals: z.nullish(GoalSignalsZ),
      menu: z.nullish(z.array(MenuEntryZ)),
      synthesized: z.nullish(z.array(SynthesizedZ)),
      goal: z.nullish(z.string()),
      name: z.nullish(z.string()),
    }),
    run: (i) => {
      const goal =
        u(i.goal) ?? i.goal_signals?.goal_text ?? i.plan.goal ?? stepsGoal(i.plan as Plan);
      const synthesized = withTemplates(
        i.plan as Plan,
        i.synthesized ?? i.goal_signals?.resolution?.synthesized ?? [],
        catalog,
      );
      const pending = new Set(
        (i.goal_signals?.requirements ?? [])
          .filter((r) => r.readiness === 'pending-external' && r.pending_request_id)
          .map((r) => r.capability_id),
      );
      for (const s of i.plan.steps) {
        if (s.capability_id === 'rtfs' || s.pending !== undefined || pending.has(s.capability_id))
          continue;
        const known =
          catalog.get(s.capability_id) !== undefined ||
          synthesized.some((x) => x.id === s.capability_id) ||
          (i.menu ?? []).some((m) => m.id === s.capability_id);
        if (!known)
          throw new RtfsError(
            PlannerCodes.unknownCapability,
            `step "${s.id}" calls the unknown capability "${s.capability_id}" (not in the catalog, the menu or the synthesized capabilities)`,
          );
      }
      const m = materializePlan(i.plan.steps as Plan['steps'], {
        goal,
        ...(i.name ? { name: i.name } : {}),
        schemas: [...(i.menu ?? []), ...catalogSchemas(catalog)],
        synthesized,
        ...(i.goal_signals ? { signals: i.goal_signals } : {}),
        ...(i.plan.known_inputs ? { known: i.plan.known_inputs } : {}),
      });
      return {
        source: m.source,
        gaps: m.gaps,
        known_inputs: m.inputs,
        capabilities: m.capabilities,
        plan_hash: m.plan_hash,
      };
    },
  });
  /** The menu `signals` give (as planner.build_capability_menu with its defaults). */
  function menuOf(signals: GoalSignals): MenuEntry[] {
    return buildMenu(signals, catalog, { synthesized: signals.resolution?.synthesized ?? [] }).menu;
  }
  return [extract, menu, synthesize, validate, resolve, materialize];
}

/** Plan data that materializes on its own: the steps, the goal and its stated input values. */
function planData(steps: Plan['steps'], signals: GoalSignals): Plan {
  const known: Record<string, Value> = {};
  for (const c of signals.constraints) {
    const name = normName(c.name);
    if (!(name in known)) known[name] = c.value;
  }
  return { steps, goal: signals.goal_text, known_inputs: known };
}

/** A plan's description when no goal is given: its step names. */
function stepsGoal(plan: Plan): string {
  return plan.steps.map((s) => s.name || s.capability_id).join(', ') || 'plan';
}

/**
 * `synthesized` plus the template definition of every `core.gen.<op>` the steps call that
 * is neither given nor in the catalog (templates are a pure function of the op).
 */
function withTemplates(
  plan: Plan,
  synthesized: readonly SynthesizedCapability[],
  catalog: Catalog,
): SynthesizedCapability[] {
  const out = [...synthesized];
  for (const s of plan.steps) {
    const id = s.capability_id;
    if (out.some((x) => x.id === id) || catalog.get(id) !== undefined) continue;
    const op = /^core\.gen\.(.+)$/.exec(id)?.[1];
    if (op !== undefined && (GEN_OPS as readonly string[]).includes(op))
      out.push(genTemplate(op as GenOp));
  }
  return out;
}
