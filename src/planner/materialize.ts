/**
 * `planner.materialize_plan`: plan steps → the RTFS source of a runnable plan
 * (planner.md §2.2, deterministic): `(plan :name … :description … :input-schema …
 * :output-schema … <definitions of synthesized capabilities> (step "step_1" (call "id"
 * {…})) … {<outputs of the last step>})`. Maps are printed with sorted keys; literals
 * keep their types; `:var` bindings are plan inputs (symbols, typed in the
 * input-schema by the input they feed, with the goal's value as `{:default …}` when it
 * states one); `:step` bindings read `(step-result "id")`.
 */
import { type Value, Keyword, RList, RMap, RVector, Sym, equals } from '../data/index.js';
import { sha256Hex } from '../audit/index.js';
import { RtfsError } from '../runtime/index.js';
import { recordOf, typeOf } from './catalog/index.js';
import { PlannerCodes } from './codes.js';
import { formatForms } from '../format/index.js';
import { WHOLE } from './synth/shape.js';
import { compareIds, normName, words } from './text.js';
import type { Binding, GoalSignals, PlanStep, SynthesizedCapability } from './types.js';
import { type Gap, withPendingSteps } from './gaps.js';
import { PENDING_CAPABILITY, parseOne, sortedMap, stepBody, stepRef } from './materialize-steps.js';

export { PENDING_CAPABILITY, guardTest } from './materialize-steps.js';
export { type Gap, withPendingSteps } from './gaps.js';

export interface SchemaSource {
  readonly id: string;
  readonly input_schema: Value;
  readonly output_schema: Value;
}

export interface MaterializeOptions {
  readonly goal: string;
  readonly name?: string;
  /** Schemas of the capabilities the steps call (menu entries, catalog entries). */
  readonly schemas: readonly SchemaSource[];
  readonly synthesized?: readonly SynthesizedCapability[];
  /** Goal signals: the values of plan inputs the goal states (the `:inputs` output). */
  readonly signals?: GoalSignals;
  /** Without signals: those values by normalised input name (Plan.known_inputs). */
  readonly known?: Readonly<Record<string, Value>>;
}

export interface Materialized {
  readonly source: string;
  /** The gaps of the plan (pending steps), in step order. */
  readonly gaps: readonly Gap[];
  readonly form: Value;
  /** Values the goal gives for the plan inputs (for `--input`). */
  readonly inputs: Readonly<Record<string, Value>>;
  readonly capabilities: readonly string[];
  readonly plan_hash: string;
}

const kw = (n: string): Keyword => Keyword.of(n);
const sym = (n: string): Sym => Sym.of(n);

/** `name` for the plan: the first six words of the goal, kebab-case. */
export function planName(goal: string): string {
  const ws = words(goal).filter(
    (w) =>
      w.length > 1 &&
      !['the', 'a', 'an', 'in', 'to', 'and', 'of', 'for', 'me', 'my', 'it', 'them'].includes(w),
  );
  return ws.slice(0, 6).join('-') || 'plan';
}

/** Step ids a step reads: its `:step` bindings, its guard, its `each`, `(step-result …)` in code. */
export function stepDeps(s: PlanStep): { step: string; output: string; what: string }[] {
  const out: { step: string; output: string; what: string }[] = [];
  for (const [name, b] of Object.entries(s.inputs)) {
    if (b.kind === 'step') out.push({ step: b.step, output: b.output, what: `input ${name}` });
    if (b.kind === 'rtfs')
      for (const m of b.code.matchAll(/\(step-result\s+"([^"]+)"\)/g))
        out.push({ step: m[1] ?? '', output: WHOLE, what: `input ${name}` });
  }
  if (s.guard) out.push({ step: s.guard.step, output: s.guard.output, what: 'guard' });
  if (s.each) out.push({ step: s.each.step, output: s.each.output, what: 'each' });
  return out;
}

/** Checks step ids are unique and every step reference names an earlier step's output. */
export function checkStepRefs(steps: readonly PlanStep[]): string[] {
  const errors: string[] = [];
  const seen = new Map<string, PlanStep>();
  for (const s of steps) {
    if (seen.has(s.id)) errors.push(`duplicate step id "${s.id}"`);
    for (const d of stepDeps(s)) {
      const from = seen.get(d.step);
      if (from === undefined) {
        const later = steps.some((x) => x.id === d.step);
        errors.push(
          `step "${s.id}" ${d.what}: ${later ? 'forward reference to' : 'unknown'} step "${d.step}"`,
        );
      } else if (
        d.output !== WHOLE &&
        from.capability_id !== 'rtfs' &&
        !from.outputs.some((o) => o.alias === d.output)
      ) {
        errors.push(`step "${s.id}" ${d.what}: step "${d.step}" has no output "${d.output}"`);
      }
    }
    if (s.each === undefined && Object.values(s.inputs).some((b) => b.kind === 'item'))
      errors.push(`step "${s.id}" binds the current item but does not run per item`);
    seen.set(s.id, s);
  }
  return errors;
}

export function materializePlan(
  given: readonly PlanStep[],
  opts: MaterializeOptions,
): Materialized {
  const { steps, gaps } = withPendingSteps(given, opts.signals);
  if (steps.length === 0) throw new RtfsError(PlannerCodes.badPlan, 'the plan has no steps');
  const errors = checkStepRefs(steps);
  if (errors.length > 0) throw new RtfsError(PlannerCodes.badPlan, errors.join('; '));
  const schemaOf = (id: string): SchemaSource | undefined =>
    opts.synthesized?.find((s) => s.id === id) ?? opts.schemas.find((s) => s.id === id);
  const byId = new Map(steps.map((s) => [s.id, s]));
  const vars = new Map<string, Value>();
  const body: Value[] = [];
  const defined = new Set<string>();
  for (const s of steps) {
    const syn = opts.synthesized?.find((x) => x.id === s.capability_id);
    if (syn !== undefined && !defined.has(syn.id)) {
      defined.add(syn.id);
      body.push(parseOne(syn.source, `definition of ${syn.id}`));
    }
  }
  for (const s of steps) {
    const rec = recordOf(typeOf(schemaOf(s.capability_id)?.input_schema ?? null));
    for (const name of Object.keys(s.inputs)) {
      const b = s.inputs[name] as Binding;
      if (b.kind !== 'var') continue;
      const typeForm = inputTypeForm(
        schemaOf(s.capability_id)?.input_schema ?? null,
        name,
        rec !== undefined,
      );
      const v = normName(b.name);
      const prev = vars.get(v);
      vars.set(v, prev === undefined || equals(prev, typeForm) ? typeForm : kw('any'));
    }
    for (const v of s.vars ?? []) if (!vars.has(normName(v))) vars.set(normName(v), kw('string'));
    body.push(RList.of(sym('step'), s.id, stepBody(s, byId)));
  }
  const last = steps[steps.length - 1] as PlanStep;
  const { result, outTypes } = resultOf(
    last,
    byId,
    schemaOf(last.capability_id)?.output_schema ?? null,
  );
  // Values the goal states become input defaults: the plan runs as is, and --input overrides.
  const inputs: Record<string, Value> = {};
  for (const v of [...vars.keys()].sort(compareIds)) {
    const c = opts.signals?.constraints.find((x) => normName(x.name) === v);
    if (c !== undefined) inputs[v] = c.value;
    else if (opts.signals === undefined && opts.known?.[v] !== undefined) inputs[v] = opts.known[v];
  }
  const inputSchema = RVector.from([
    kw('map'),
    ...[...vars.keys()].sort(compareIds).map((v) => {
      const known = inputs[v];
      return known === undefined
        ? RVector.of(kw(v), vars.get(v) as Value)
        : RVector.of(kw(v), RMap.fromFlat([kw('default'), known]), vars.get(v) as Value);
    }),
  ]);
  const outputSchema = RVector.from([kw('map'), ...outTypes]);
  const form = RList.of(
    sym('plan'),
    kw('name'),
    opts.name ?? planName(opts.goal),
    kw('description'),
    opts.goal,
    kw('input-schema'),
    inputSchema,
    kw('output-schema'),
    outputSchema,
    ...body,
    sortedMap(result),
  );
  const source = planText(form);
  return {
    source,
    gaps,
    form,
    inputs,
    capabilities: [
      ...new Set(
        steps
          .filter((s) => s.capability_id !== 'rtfs')
          .map((s) => (s.pending !== undefined ? PENDING_CAPABILITY : s.capability_id)),
      ),
    ].sort(compareIds),
    plan_hash: `sha256:${sha256Hex(source)}`,
  };
}

/**
 * The plan's value: the outputs of the last step (`{:results […]}` for a per-item
 * step, the whole value of an inline step), typed from its output schema; a guarded
 * step's outputs may be nil.
 */
function resultOf(
  last: PlanStep,
  steps: ReadonlyMap<string, PlanStep>,
  schema: Value,
): { result: [string, Value][]; outTypes: Value[] } {
  const maybe = (t: Value): Value =>
    last.guard !== undefined ? RVector.of(kw('union'), kw('nil'), t) : t;
  if (last.each !== undefined || last.capability_id === 'rtfs' || last.pending !== undefined) {
    const name = last.each !== undefined ? 'results' : 'result';
    const t = last.each !== undefined ? RVector.of(kw('vector'), kw('any')) : kw('any');
    return {
      result: [[name, RList.of(sym('step-result'), last.id)]],
      outTypes: [RVector.of(kw(name), maybe(t))],
    };
  }
  const outRec = recordOf(typeOf(schema));
  const result: [string, Value][] = last.outputs.map((o) => [
    o.alias,
    stepRef(steps, last.id, o.alias),
  ]);
  const outTypes: Value[] = last.outputs.map((o) => {
    const e = outRec?.entries.find((x) => x.key.name === o.source);
    const t =
      e !== undefined ? fieldForm(schema, o.source) : o.source === WHOLE ? schema : kw('any');
    return RVector.of(kw(o.alias), maybe(t ?? kw('any')));
  });
  return { result, outTypes };
}

/** The type form of input `name` in an input-schema form (`:any` when not found). */
function inputTypeForm(schema: Value, name: string, isRecord: boolean): Value {
  return (isRecord ? fieldForm(schema, name) : undefined) ?? kw('any');
}

/** The type form of field `name` in a `[:map …]` form (also inside `[:union …]`). */
function fieldForm(schema: Value, name: string): Value | undefined {
  if (!(schema instanceof RVector)) return undefined;
  const head = schema.get(0);
  if (
    head instanceof Keyword &&
    (head.name === 'union' || head.name === 'and' || head.name === 'or')
  ) {
    for (const m of schema.toArray().slice(1)) {
      const f = fieldForm(m, name);
      if (f !== undefined) return f;
    }
    return undefined;
  }
  if (!(head instanceof Keyword) || (head.name !== 'map' && head.name !== 'record'))
    return undefined;
  for (const e of schema.toArray().slice(1)) {
    if (!(e instanceof RVector)) continue;
    const k = e.get(0);
    if (!(k instanceof Keyword) || k.name !== name) continue;
    const rest = e
      .toArray()
      .slice(1)
      .filter((x) => !(x instanceof RMap) && !(x instanceof Sym && x.name === '?'));
    const t = rest[rest.length - 1];
    return t;
  }
  return undefined;
}

/** The plan's source text, through the project formatter (as `rtfs fmt` prints it). */
function planText(form: Value): string {
  const text = formatForms([form]);
  return text.endsWith('\n') ? text : `${text}\n`;
}
