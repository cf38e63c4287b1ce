/**
 * Running plans in the evaluator: inputs checked against `:input-schema` and bound (as
 * locals and as `context`), the body run with a fresh step-result table, the value
 * checked against `:output-schema`. Step results live in a stack of plan frames owned
 * by one compiler (plan-stack.ts), so a child plan never sees its parent's steps. The
 * work itself is in plan-support.ts, shared with compiled code.
 */
import type { Node } from '../analyzer/index.js';
import type { Value } from '../data/index.js';
import { compileValidator } from '../types/index.js';
import type { Code } from './env.js';
import type { Host } from './host.js';
import type { PlanStack } from './plan-stack.js';
import { planInputs, planOutput, planPush, stepResult } from './plan-support.js';
import { enterBudget, leaveBudget } from './budget.js';

export { PlanCodes, PlanStack, type PlanFrame } from './plan-stack.js';

type PlanNode = Extract<Node, { kind: 'plan' }>;
type StepResultNode = Extract<Node, { kind: 'step-result' }>;

export function compilePlan(
  n: PlanNode,
  compile: (n: Node) => Code,
  host: Host,
  plans: PlanStack,
): Code {
  const body = compile(n.body);
  const { name, span, inputs, contextSlot, inputType, outputType, budget } = n;
  const checkIn = inputType === undefined ? undefined : compileValidator(inputType);
  const checkOut = outputType === undefined ? undefined : compileValidator(outputType);
  return (env) => {
    const values = planInputs(host, name, inputType, checkIn, span);
    for (const i of inputs) env[i.slot] = values.get(i.key) ?? null;
    env[contextSlot] = values;
    planPush(plans, name, values);
    let v: Value;
    // The plan's own :max-steps/:timeout, inside the run's budget (the smaller wins).
    const token = budget === undefined ? undefined : enterBudget(budget);
    try {
      v = body(env);
    } finally {
      if (budget !== undefined) leaveBudget(token);
      plans.pop();
    }
    return planOutput(checkOut, v, name, span);
  };
}

export function compileStepResult(n: StepResultNode, plans: PlanStack): Code {
  const { name, span } = n;
  return () => stepResult(plans, name, span);
}
