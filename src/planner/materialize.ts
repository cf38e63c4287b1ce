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
import { read } from '../syntax/index.js';
import { recordOf, typeOf } from './catalog/index.js';
import { PlannerCodes } from './codes.js';
import { formatForms } from '../format/index.js';
import { WHOLE } from './synth/shape.js';
import { compareIds, normName, words } from './text.js';
import type {
  Binding,
  GoalSignals,
  Guard,
  GuardOp,
  PlanStep,
  SynthesizedCapability,
} from './types.js';

/** The built-in capability a gap step calls: it stands for a capability that does not exist yet. */
export const PENDING_CAPABILITY = 'ccos.capability.pending';

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
}

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

function parseOne(text: string, what: string): Value {
  const r = read(text, `<${what}>`);
  const f = r.forms[0];
  if (r.diagnostics.length > 0 || f === undefined || r.forms.length !== 1) {
    throw new RtfsError(PlannerCodes.badPlan, `${what}: not one RTFS form: ${text}`);
  }
  return f;
}

/** `name` for the plan: the first six words of the goal, kebab-case. */
export function planName(goal: string): string {
  const ws = words(goal).filter(
    (w) =>
      w.length > 1 &&
      !['the', 'a', 'an', 'in', 'to', 'and', 'of', 'for', 'me', 'my', 'it', 'them'].includes(w),
  );
  return ws.slice(0, 6).join('-') || 'plan';
}

function sortedMap(entries: readonly [string, Value][]): RMap {
  const flat: Value[] = [];
  for (const [k, v] of [...entries].sort((a, b) => compareIds(a[0], b[0]))) flat.push(kw(k), v);
  return RMap.fromFlat(flat);
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

function stepRef(steps: ReadonlyMap<string, PlanStep>, step: string, output: string): Value {
  const ref = RList.of(sym('step-result'), step);
  const from = steps.get(step);
  const out = from?.outputs.find((o) => o.alias === output);
  const source = output === WHOLE ? WHOLE : (out?.source ?? output);
  if (source === WHOLE) return ref;
  // A per-item step's value is the vector of its results: read the field of each.
  if (from?.each !== undefined)
    return RList.of(
      sym('mapv'),
      RList.of(sym('fn'), RVector.of(sym('r')), fieldOf(sym('r'), source)),
      ref,
    );
  return fieldOf(ref, source);
}

function fieldOf(subject: Value, field: string): Value {
  return RList.of(sym('get'), subject, kw(field));
}

/** Names bound inside a per-item step: the item, and the per-item results of sibling steps. */
interface ItemScope {
  readonly item: string;
  readonly siblings: ReadonlyMap<string, string>;
}

function bindingForm(
  b: Binding,
  steps: ReadonlyMap<string, PlanStep>,
  where: string,
  scope?: ItemScope,
): Value {
  switch (b.kind) {
    case 'literal':
      return b.value;
    case 'var':
      return sym(normName(b.name));
    case 'step': {
      const sib = scope?.siblings.get(b.step);
      if (sib !== undefined) {
        const source =
          steps.get(b.step)?.outputs.find((o) => o.alias === b.output)?.source ?? b.output;
        return source === WHOLE ? sym(sib) : fieldOf(sym(sib), source);
      }
      return stepRef(steps, b.step, b.output);
    }
    case 'rtfs':
      return parseOne(b.code, `${where} rtfs binding`);
    case 'item':
      if (scope === undefined)
        throw new RtfsError(
          PlannerCodes.badPlan,
          `${where}: the current item outside a per-item step`,
        );
      return b.field === undefined ? sym(scope.item) : fieldOf(sym(scope.item), b.field);
  }
}

const GUARD_OPS: Readonly<Record<Exclude<GuardOp, 'contains' | 'truthy'>, string>> = {
  gt: '>',
  ge: '>=',
  lt: '<',
  le: '<=',
  eq: '=',
  ne: 'not=',
};

function compare(op: GuardOp, x: Value, value: Value): Value {
  switch (op) {
    case 'contains':
      return RList.of(
        sym('includes?'),
        RList.of(sym('lower-case'), RList.of(sym('str'), x)),
        typeof value === 'string'
          ? value.toLowerCase()
          : RList.of(sym('lower-case'), RList.of(sym('str'), value)),
      );
    case 'truthy':
      return x;
    default:
      return RList.of(sym(GUARD_OPS[op]), x, value);
  }
}

/** The RTFS test of a guard (see `Guard`). */
export function guardTest(g: Guard, steps: ReadonlyMap<string, PlanStep>): Value {
  const subject = stepRef(steps, g.step, g.output);
  const value = g.value ?? null;
  switch (g.measure) {
    case 'count':
      return compare(g.op, RList.of(sym('count'), subject), value);
    case 'value':
      return compare(g.op, g.field !== undefined ? fieldOf(subject, g.field) : subject, value);
    case 'any': {
      const x = sym('x');
      const test = compare(g.op, g.field !== undefined ? fieldOf(x, g.field) : x, value);
      return RList.of(sym('some'), RList.of(sym('fn'), RVector.of(x), test), subject);
    }
  }
}

/** The `:inputs` argument map of a call: each binding's form, keys sorted. */
function argsOf(
  s: PlanStep,
  steps: ReadonlyMap<string, PlanStep>,
  scope: ItemScope | undefined,
): RMap {
  const args: [string, Value][] = [];
  for (const name of Object.keys(s.inputs)) {
    const b = s.inputs[name] as Binding;
    args.push([name, bindingForm(b, steps, `step ${s.id} input ${name}`, scope)]);
  }
  return sortedMap(args);
}

/** The expression of one step: a call (or inline RTFS), per item, under its guard. */
function stepBody(s: PlanStep, steps: ReadonlyMap<string, PlanStep>): Value {
  if (s.capability_id === 'rtfs') {
    const e = s.inputs['expression'];
    if (e === undefined || e.kind !== 'rtfs')
      throw new RtfsError(
        PlannerCodes.badPlan,
        `step "${s.id}": an rtfs step needs an :expression`,
      );
    return parseOne(e.code, `step ${s.id} expression`);
  }
  let scope: ItemScope | undefined;
  const colls: Value[] = [];
  const params: Value[] = [];
  if (s.each !== undefined) {
    const siblings = new Map<string, string>();
    params.push(sym(s.each.as));
    colls.push(stepRef(steps, s.each.step, s.each.output));
    for (const b of Object.values(s.inputs)) {
      if (b.kind !== 'step' || siblings.has(b.step)) continue;
      const from = steps.get(b.step);
      if (from?.each?.step !== s.each.step || from.each.output !== s.each.output) continue;
      const name = `${from.each.as}_${b.step}`;
      siblings.set(b.step, name);
      params.push(sym(name));
      colls.push(RList.of(sym('step-result'), b.step));
    }
    scope = { item: s.each.as, siblings };
  }
  const args = argsOf(s, steps, scope);
  const call =
    s.pending !== undefined
      ? RList.of(
          sym('call'),
          PENDING_CAPABILITY,
          sortedMap([
            ['request_id', s.pending.request_id],
            ['needs', s.pending.needs],
            ['inputs', args],
          ]),
        )
      : RList.of(sym('call'), s.capability_id, args);
  const body =
    s.each !== undefined
      ? RList.of(sym('mapv'), RList.of(sym('fn'), RVector.from(params), call), ...colls)
      : call;
  return s.guard !== undefined ? RList.of(sym('if'), guardTest(s.guard, steps), body, null) : body;
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
