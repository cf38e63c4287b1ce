/**
 * Control capabilities that the evaluator implements in-process (a function cannot cross
 * a wire, so these are not external services):
 * - `ccos.control.loop`: `{:initial_state S :loop_body (fn [state] …) :max-iterations N}`
 *   iterates until `(:stop state)` is truthy or the hard cap (default 25, at most 1000);
 *   each iteration is a step `<enclosing-step>#i` in the causal chain.
 * - `ccos.plan.execute` (alias `ccos.arbiter.execute_plan`): runs a plan as a child plan,
 *   `:mode :dry-run` (default) or `:full`. The plan is source text, a plan form or map,
 *   or planner steps `{:steps […]}`, which are materialized first (through
 *   `planner.materialize_plan`). A child that fails makes the call fail with
 *   `control/plan-failed`, naming the step and capability where it failed.
 */
import { type Value, Keyword, RList, RMap, RVector, printValue } from '../../data/index.js';
import { isPlanMap } from '../../analyzer/plan-form.js';
import { RtfsError, applyFn } from '../../runtime/index.js';
import type { Capability, CapabilityContext } from '../capability.js';
import { withSchemas } from './schema.js';

const k = (n: string): Keyword => Keyword.of(n);

export const LOOP_DEFAULT_MAX = 25;
export const LOOP_HARD_MAX = 1000;

export const ControlCodes = {
  loopBody: 'control/bad-loop-body',
  planMode: 'control/bad-plan-mode',
  badPlan: 'control/bad-plan',
  planFailed: 'control/plan-failed',
} as const;

function loopImpl(input: Value, ctx: CapabilityContext): Value {
  const m = input as RMap;
  const body = m.get(k('loop_body')) ?? null;
  const asked = m.get(k('max-iterations')) ?? m.get(k('max_iterations')) ?? LOOP_DEFAULT_MAX;
  if (typeof asked !== 'number' || asked < 1) {
    throw new RtfsError(
      ControlCodes.loopBody,
      `ccos.control.loop: :max-iterations must be a positive integer, got ${printValue(asked)}`,
    );
  }
  const max = Math.min(asked, LOOP_HARD_MAX);
  const base = ctx.stepName ?? 'ccos.control.loop';
  let state = m.get(k('initial_state')) ?? null;
  for (let i = 0; i < max; i++) {
    const current = state;
    state = ctx.step(`${base}#${i}`, () => applyFn(body, [current]));
    if (!(state instanceof RMap)) {
      throw new RtfsError(
        ControlCodes.loopBody,
        `ccos.control.loop: the loop body must return a state map, got ${printValue(state)}`,
      );
    }
    const stop = state.get(k('stop'));
    if (stop !== undefined && stop !== null && stop !== false) return state;
  }
  ctx.log(`ccos.control.loop: stopped at the cap of ${max} iterations\n`);
  return (state as RMap).assoc(k('loop_capped'), true);
}

/** Plan steps as the planner produces them (`{:steps [{:id … :capability_id …} …]}`). */
function isStepData(v: Value): v is RMap {
  return v instanceof RMap && v.get(k('steps')) instanceof RVector && !isPlanMap(v);
}

function executeImpl(input: Value, ctx: CapabilityContext): Value {
  const m = input as RMap;
  const mode = m.get(k('mode')) ?? k(ctx.executeMode);
  // The run says not to execute plans (`rtfs plan --flow … --execute none`).
  if (mode === k('none') && !m.has(k('mode')))
    return RMap.fromFlat([k('status'), k('skipped'), k('mode'), mode]);
  if (mode !== k('dry-run') && mode !== k('full')) {
    throw new RtfsError(
      ControlCodes.planMode,
      `ccos.plan.execute: :mode must be :dry-run or :full, got ${printValue(mode)}`,
    );
  }
  const given = m.get(k('plan')) ?? null;
  let plan: Value = given;
  let inputs = m.get(k('inputs'));
  let source: Value | undefined;
  if (isStepData(given)) {
    // Planner steps are materialized into plan source first (a recorded child call).
    const args: Value[] = [k('plan'), given];
    for (const key of ['goal_signals', 'goal', 'synthesized']) {
      const v = m.get(k(key));
      if (v !== undefined && v !== null) args.push(k(key), v);
    }
    const made = ctx.call('planner.materialize_plan', RMap.fromFlat(args));
    source = made instanceof RMap ? made.get(k('source')) : undefined;
    if (typeof source !== 'string')
      throw new RtfsError(ControlCodes.badPlan, 'planner.materialize_plan returned no :source');
    plan = source;
    const known = made instanceof RMap ? made.get(k('known_inputs')) : undefined;
    if (known instanceof RMap) {
      let all = known;
      if (inputs instanceof RMap) inputs.forEach((v, key) => (all = all.assoc(key, v)));
      inputs = all;
    }
  } else if (!(typeof given === 'string' || given instanceof RList || isPlanMap(given))) {
    throw new RtfsError(
      ControlCodes.badPlan,
      `ccos.plan.execute: :plan must be plan source, a plan form, a plan map or planner steps {:steps […]}, got ${clip(printValue(given))}`,
    );
  }
  const result = ctx.runPlan(plan, inputs ?? RMap.EMPTY, mode === k('dry-run'));
  return RMap.fromFlat([
    k('status'),
    k('ok'),
    k('mode'),
    mode,
    k('result'),
    result,
    ...(source !== undefined ? [k('source'), source] : []),
  ]);
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

export function controlCapabilities(): Capability[] {
  const loopIn =
    '[:map [:initial_state :any] [:loop_body :fn] [:max-iterations {:optional true} :int] [:max_iterations {:optional true} :int]]';
  const execIn =
    '[:map [:plan :any] [:mode {:optional true} :keyword] [:inputs {:optional true} :map] [:goal_signals {:optional true} :any] [:goal {:optional true} :string]]';
  const execOut = '[:map [:status :keyword] [:mode :keyword]]';
  const execute = (id: string): Capability =>
    withSchemas(
      {
        id,
        description:
          'Runs a plan (RTFS source, plan data, or planner steps, materialized first) as a child plan: :mode :dry-run (default) simulates effects, :full runs them; a failed child fails the call.',
        effects: ['pure'],
        standard: true,
        impl: executeImpl,
      },
      { input: execIn, output: execOut },
    );
  return [
    withSchemas(
      {
        id: 'ccos.control.loop',
        description:
          'Iterates (fn [state] …) from :initial_state until (:stop state) or :max-iterations (default 25).',
        effects: ['pure'],
        standard: true,
        impl: loopImpl,
      },
      { input: loopIn },
    ),
    execute('ccos.plan.execute'),
    execute('ccos.arbiter.execute_plan'),
  ];
}
