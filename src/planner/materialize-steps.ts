/**
 * The RTFS of one materialized step (materialize.ts): its call with the bindings as forms
 * (`(step-result …)` reads, plan-input symbols, literals, inline code, the current
 * item), per item (`mapv` over the list, the same item's earlier per-item results as
 * parallel arguments), under its guard (`(if test … nil)`), or a pending step for a gap.
 */
import { type Value, Keyword, RList, RMap, RVector, Sym } from '../data/index.js';
import { RtfsError } from '../runtime/index.js';
import { read } from '../syntax/index.js';
import { PlannerCodes } from './codes.js';
import { WHOLE } from './synth/shape.js';
import { compareIds, normName } from './text.js';
import type { Binding, Guard, GuardOp, PlanStep } from './types.js';

/** The built-in capability a gap step calls: it stands for a capability that does not exist yet. */
export const PENDING_CAPABILITY = 'ccos.capability.pending';

const kw = (n: string): Keyword => Keyword.of(n);
const sym = (n: string): Sym => Sym.of(n);

export function parseOne(text: string, what: string): Value {
  const r = read(text, `<${what}>`);
  const f = r.forms[0];
  if (r.diagnostics.length > 0 || f === undefined || r.forms.length !== 1) {
    throw new RtfsError(PlannerCodes.badPlan, `${what}: not one RTFS form: ${text}`);
  }
  return f;
}

export function sortedMap(entries: readonly [string, Value][]): RMap {
  const flat: Value[] = [];
  for (const [k, v] of [...entries].sort((a, b) => compareIds(a[0], b[0]))) flat.push(kw(k), v);
  return RMap.fromFlat(flat);
}

export function stepRef(steps: ReadonlyMap<string, PlanStep>, step: string, output: string): Value {
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

/** The RTFS function of each comparison (guards here, filter predicates in synth/steps.ts). */
export const GUARD_OPS: Readonly<Record<Exclude<GuardOp, 'contains' | 'truthy'>, string>> = {
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
export function stepBody(s: PlanStep, steps: ReadonlyMap<string, PlanStep>): Value {
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
