/**
 * Control capabilities that the evaluator implements in-process (a function cannot cross
 * a wire, so these are not external services):
 * - `ccos.control.loop`: `{:initial_state S :loop_body (fn [state] …) :max-iterations N}`
 *   iterates until `(:stop state)` is truthy or the hard cap (default 25, at most 1000);
 *   each iteration is a step `<enclosing-step>#i` in the causal chain.
 * - `ccos.plan.execute` (alias `ccos.arbiter.execute_plan`): runs a plan as a child plan,
 *   `:mode :dry-run` (default) or `:full`.
 */
import { type Value, Keyword, RMap, printValue } from '../../data/index.js';
import { RtfsError, applyFn } from '../../runtime/index.js';
import type { Capability, CapabilityContext } from '../capability.js';
import { schema } from './schema.js';

const k = (n: string): Keyword => Keyword.of(n);

export const LOOP_DEFAULT_MAX = 25;
export const LOOP_HARD_MAX = 1000;

export const ControlCodes = {
  loopBody: 'control/bad-loop-body',
  planMode: 'control/bad-plan-mode',
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

function executeImpl(input: Value, ctx: CapabilityContext): Value {
  const m = input as RMap;
  const mode = m.get(k('mode')) ?? k('dry-run');
  if (mode !== k('dry-run') && mode !== k('full')) {
    throw new RtfsError(
      ControlCodes.planMode,
      `ccos.plan.execute: :mode must be :dry-run or :full, got ${printValue(mode)}`,
    );
  }
  const dry = mode === k('dry-run');
  const plan = m.get(k('plan')) ?? null;
  const inputs = m.get(k('inputs')) ?? RMap.EMPTY;
  try {
    const result = ctx.runPlan(plan, inputs, dry);
    return RMap.fromFlat([k('status'), k('ok'), k('mode'), mode, k('result'), result]);
  } catch (e) {
    if (!(e instanceof RtfsError)) throw e;
    const error = RMap.fromFlat([k('code'), e.code, k('message'), e.message]);
    return RMap.fromFlat([k('status'), k('failed'), k('mode'), mode, k('error'), error]);
  }
}

export function controlCapabilities(): Capability[] {
  const loopIn = schema(
    '[:map [:initial_state :any] [:loop_body :fn] [:max-iterations {:optional true} :int] [:max_iterations {:optional true} :int]]',
  );
  const execIn = schema(
    '[:map [:plan [:union :string :list :map]] [:mode {:optional true} :keyword] [:inputs {:optional true} :map]]',
  );
  const execOut = schema('[:map [:status :keyword] [:mode :keyword]]');
  const execute = (id: string): Capability => ({
    id,
    description:
      'Runs a plan (RTFS source text or plan data) as a child plan: :mode :dry-run (default) simulates effects, :full runs them.',
    inputSchema: execIn.type,
    outputSchema: execOut.type,
    inputSchemaForm: execIn.form,
    outputSchemaForm: execOut.form,
    effects: ['pure'],
    impl: executeImpl,
  });
  return [
    {
      id: 'ccos.control.loop',
      description:
        'Iterates (fn [state] …) from :initial_state until (:stop state) or :max-iterations (default 25).',
      inputSchema: loopIn.type,
      outputSchema: undefined,
      inputSchemaForm: loopIn.form,
      effects: ['pure'],
      impl: loopImpl,
    },
    execute('ccos.plan.execute'),
    execute('ccos.arbiter.execute_plan'),
  ];
}
