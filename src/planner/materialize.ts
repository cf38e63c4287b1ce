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
import type { Binding, GoalSignals, PlanStep, SynthesizedCapability } from './types.js';

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

/** Checks step ids are unique and every `:step` binding names an earlier step's output. */
export function checkStepRefs(steps: readonly PlanStep[]): string[] {
  const errors: string[] = [];
  const seen = new Map<string, PlanStep>();
  for (const s of steps) {
    if (seen.has(s.id)) errors.push(`duplicate step id "${s.id}"`);
    for (const [name, b] of Object.entries(s.inputs)) {
      if (b.kind !== 'step') continue;
      const from = seen.get(b.step);
      if (from === undefined) {
        const later = steps.some((x) => x.id === b.step);
        errors.push(
          `step "${s.id}" input ${name}: ${later ? 'forward reference to' : 'unknown'} step "${b.step}"`,
        );
      } else if (b.output !== WHOLE && !from.outputs.some((o) => o.alias === b.output)) {
        errors.push(`step "${s.id}" input ${name}: step "${b.step}" has no output "${b.output}"`);
      }
    }
    seen.set(s.id, s);
  }
  return errors;
}

function stepRef(steps: ReadonlyMap<string, PlanStep>, step: string, output: string): Value {
  const ref = RList.of(sym('step-result'), step);
  const out = steps.get(step)?.outputs.find((o) => o.alias === output);
  const source = output === WHOLE ? WHOLE : (out?.source ?? output);
  return source === WHOLE ? ref : RList.of(sym('get'), ref, kw(source));
}

function bindingForm(b: Binding, steps: ReadonlyMap<string, PlanStep>, where: string): Value {
  switch (b.kind) {
    case 'literal':
      return b.value;
    case 'var':
      return sym(normName(b.name));
    case 'step':
      return stepRef(steps, b.step, b.output);
    case 'rtfs':
      return parseOne(b.code, `${where} rtfs binding`);
  }
}

export function materializePlan(
  steps: readonly PlanStep[],
  opts: MaterializeOptions,
): Materialized {
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
    const args: [string, Value][] = [];
    for (const name of Object.keys(s.inputs)) {
      const b = s.inputs[name] as Binding;
      args.push([name, bindingForm(b, byId, `step ${s.id} input ${name}`)]);
      if (b.kind === 'var') {
        const typeForm = inputTypeForm(
          schemaOf(s.capability_id)?.input_schema ?? null,
          name,
          rec !== undefined,
        );
        const v = normName(b.name);
        const prev = vars.get(v);
        vars.set(v, prev === undefined || equals(prev, typeForm) ? typeForm : kw('any'));
      }
    }
    body.push(RList.of(sym('step'), s.id, RList.of(sym('call'), s.capability_id, sortedMap(args))));
  }
  const last = steps[steps.length - 1] as PlanStep;
  const outRec = recordOf(typeOf(schemaOf(last.capability_id)?.output_schema ?? null));
  const result: [string, Value][] = last.outputs.map((o) => [
    o.alias,
    stepRef(byId, last.id, o.alias),
  ]);
  const outTypes: Value[] = last.outputs.map((o) => {
    const e = outRec?.entries.find((x) => x.key.name === o.source);
    const t =
      e !== undefined
        ? fieldForm(schemaOf(last.capability_id)?.output_schema ?? null, o.source)
        : o.source === WHOLE
          ? (schemaOf(last.capability_id)?.output_schema ?? kw('any'))
          : kw('any');
    return RVector.of(kw(o.alias), t ?? kw('any'));
  });
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
    form,
    inputs,
    capabilities: [...new Set(steps.map((s) => s.capability_id))].sort(compareIds),
    plan_hash: `sha256:${sha256Hex(source)}`,
  };
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
