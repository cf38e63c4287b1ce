/**
 * Plans: `(plan …)` in any accepted form (plan-form.ts) becomes one `plan` node whose
 * body sees the plan inputs as locals and as `context`; `(step-result "id")` is checked
 * here, statically, to name a step that comes earlier in the plan.
 */
import type { Span } from '../source/index.js';
import type { RList } from '../data/index.js';
import { type Value, Keyword, RMap, RVector } from '../data/index.js';
import type { TypeAst } from '../types/index.js';
import type { Node, PlanBudget, PlanInput } from './nodes.js';
import type { BlockScope } from './scope.js';
import { AnalysisCodes, fail, typeAt, type Ctx, type StepScope } from './context.js';
import { normalizePlan, stepNames } from './plan-form.js';

type Analyze = (form: Value, span: Span | undefined, scope: BlockScope, ctx: Ctx) => Node;

export function analyzePlan(
  form: RList | RMap,
  span: Span | undefined,
  scope: BlockScope,
  ctx: Ctx,
  analyze: Analyze,
): Node {
  const spec = normalizePlan(form, span);
  if ('error' in spec) return fail(AnalysisCodes.badPlan, spec.error, spec.span ?? span);
  const budget = planBudget(spec.name, spec.options, span);
  const inputType = schemaType(spec.options.get(Keyword.of('input-schema')), span);
  const outputType = schemaType(spec.options.get(Keyword.of('output-schema')), span);

  // Step ids are unique within a plan (a loop's iterations are named id#i at run time).
  const all = stepNames(spec.body.map((b) => b.form));
  const seen = new Set<string>();
  for (const s of all) {
    if (seen.has(s.name)) {
      fail(
        AnalysisCodes.duplicateStep,
        `plan ${spec.name} has two steps named "${s.name}"; step ids must be unique`,
        s.form.span ?? span,
      );
    }
    seen.add(s.name);
  }

  const inner = scope.child();
  const inputs: PlanInput[] = [];
  if (inputType?.kind === 'map') {
    for (const e of inputType.entries) {
      if (e.key instanceof Keyword) {
        inputs.push({ name: e.key.name, key: e.key, slot: inner.bind(e.key.name) });
      }
    }
  }
  const contextSlot = inner.bind('context');
  const steps: StepScope = { done: new Set(), all: seen, plan: spec.name };
  const planCtx: Ctx = { ...ctx, recurSlots: undefined, steps };
  const nodes = spec.body.map((b) => analyze(b.form, b.span ?? span, inner, planCtx));
  const body: Node =
    nodes.length === 0
      ? { kind: 'const', value: null, span }
      : nodes.length === 1
        ? (nodes[0] as Node)
        : { kind: 'do', body: nodes, span };
  return {
    kind: 'plan',
    name: spec.name,
    meta: spec.options,
    inputs,
    contextSlot,
    inputType,
    outputType,
    budget,
    body,
    span,
  };
}

/**
 * `:max-steps N` (a positive integer) and `:timeout SECONDS` (a positive number): the
 * plan's own budget; the run's budget still applies, and the smaller one wins.
 */
function planBudget(name: string, options: RMap, span: Span | undefined): PlanBudget | undefined {
  const steps = options.get(Keyword.of('max-steps'));
  const timeout = options.get(Keyword.of('timeout'));
  if (steps === undefined && timeout === undefined) return undefined;
  if (
    steps !== undefined &&
    !(typeof steps === 'number' && Number.isSafeInteger(steps) && steps > 0)
  )
    fail(AnalysisCodes.badPlan, `plan ${name}: :max-steps must be a positive integer`, span);
  const secs = typeof timeout === 'object' && timeout?.kind === 'float' ? timeout.value : timeout;
  if (timeout !== undefined && !(typeof secs === 'number' && secs > 0 && Number.isFinite(secs)))
    fail(
      AnalysisCodes.badPlan,
      `plan ${name}: :timeout must be a positive number of seconds`,
      span,
    );
  return {
    ...(steps !== undefined ? { maxSteps: steps as number } : {}),
    ...(timeout !== undefined ? { timeoutMs: (secs as number) * 1000 } : {}),
    source: `plan ${name}`,
  };
}

/** `{:k T}` and `[:map …]` schemas as one type; nil or absent means no check. */
function schemaType(form: Value | undefined, span: Span | undefined): TypeAst | undefined {
  if (form === undefined || form === null) return undefined;
  const t = form instanceof RMap ? RVector.of(Keyword.of('map'), form) : form;
  return typeAt(t, (form instanceof RMap || form instanceof RVector ? form.span : span) ?? span);
}

/** `(step-result "id")`: must name a step analyzed before this point. */
export function stepResult(name: string, span: Span | undefined, steps: StepScope): Node {
  if (!steps.done.has(name)) {
    const where = steps.plan === undefined ? 'before this form' : `in plan ${steps.plan}`;
    if (steps.all.has(name)) {
      fail(
        AnalysisCodes.forwardStep,
        `step "${name}" is used before it runs ${where}: a step can only read earlier steps`,
        span,
      );
    }
    const known = [...steps.done];
    fail(
      AnalysisCodes.unknownStep,
      `no step "${name}" ${where}${known.length > 0 ? ` (earlier steps: ${known.map((k) => `"${k}"`).join(', ')})` : ''}`,
      span,
    );
  }
  return { kind: 'step-result', name, span };
}
