/**
 * The evaluation's checks (eval/planner/goals.rtfs documents them): each is one point,
 * computed from the planner's outcome and the RTFS of the plan it wrote.
 */
import { type Value, Keyword, RList, RMap, RVector, Sym, equals } from '../../src/data/index.js';
import type { EvalGoal } from './goals.js';
import {
  type CallSite,
  type PlanForm,
  headName,
  isFieldRead,
  literalMatches,
  mapGet,
  mentions,
  subforms,
} from './plan-form.js';

/** What the planner did with a goal. */
export interface Outcome {
  readonly kind: 'plan' | 'gap' | 'ask' | 'unsupported' | 'error';
  readonly message: string;
  readonly source?: string;
  readonly plan?: PlanForm;
  /** The planner reported the plan complete (coverage satisfied, no gap). */
  readonly complete: boolean;
  readonly gaps: readonly { readonly request_id: string; readonly description: string }[];
  /** Ids a plan may call: the catalog's and the built-ins. */
  readonly known: ReadonlySet<string>;
  readonly dryRun?: { readonly ok: boolean; readonly error?: string };
}

export interface CheckResult {
  readonly name: string;
  readonly ok: boolean;
  readonly detail?: string;
}

/** The pseudo-capability a gap step calls (src/planner: an honest pending step). */
export const PENDING_ID = 'ccos.capability.pending';

const CONDITIONALS = new Set([
  'if',
  'when',
  'if-not',
  'when-not',
  'cond',
  'step-if',
  'if-let',
  'when-let',
]);
const ITERATORS = new Set([
  'map',
  'mapv',
  'run!',
  'keep',
  'filter',
  'filterv',
  'reduce',
  'mapcat',
  'for',
  'doseq',
  'step-loop',
  'loop',
]);
const COMPARISONS = new Set([
  '=',
  'not=',
  '<',
  '>',
  '<=',
  '>=',
  'includes?',
  'starts-with?',
  'ends-with?',
  'contains?',
  'compare',
]);

function alternatives(spec: string): string[] {
  return spec.split('|');
}

function sitesOf(plan: PlanForm, id: string): CallSite[] {
  return plan.calls.filter((c) => c.id === id);
}

function defined(plan: PlanForm): Set<string> {
  const out = new Set<string>();
  for (const f of plan.body)
    if (headName(f) === 'defcapability' && f instanceof RList && typeof f.items[1] === 'string')
      out.add(f.items[1]);
  return out;
}

/** The call runs in a branch of a conditional whose test reads something (not a constant). */
function conditionTests(site: CallSite): Value[] {
  const tests: Value[] = [];
  for (const { form, index } of site.path) {
    const name = headName(form);
    if (name === undefined || !CONDITIONALS.has(name) || !(form instanceof RList)) continue;
    if (name === 'cond') {
      if (index % 2 === 0 && index > 0) tests.push(form.items[index - 1] ?? null);
      continue;
    }
    const testAt = name === 'step-if' ? firstNonOption(form) : 1;
    if (index > testAt) tests.push(form.items[testAt] ?? null);
  }
  return tests.filter((t) => subforms(t).some((s) => s instanceof RList || s instanceof Sym));
}

function firstNonOption(form: RList): number {
  let i = 1;
  while (form.items[i] instanceof Keyword) i += 2;
  return i;
}

/** Symbols a per-item construct binds around the call (fn params under map/reduce …, for/doseq). */
function itemSymbols(site: CallSite): Set<string> {
  const out = new Set<string>();
  const path = site.path;
  for (let i = 0; i < path.length; i++) {
    const { form } = path[i] as { form: RList | RVector | RMap };
    const name = headName(form);
    if (name === undefined || !(form instanceof RList)) continue;
    if (name === 'for' || name === 'doseq' || name === 'loop') {
      const b = form.items[1];
      if (b instanceof RVector)
        collectBinders(
          b.toArray().filter((_, j) => j % 2 === 0),
          out,
        );
    } else if (name === 'step-loop') {
      for (const s of subforms(form.items[firstNonOption(form)] ?? null))
        if (s instanceof Sym) out.add(s.name);
    } else if (ITERATORS.has(name)) {
      const inner = path[i + 1]?.form;
      if (headName(inner ?? null) === 'fn' && inner instanceof RList) {
        const params = inner.items[1];
        if (params instanceof RVector) collectBinders(params.toArray(), out);
      }
    }
  }
  return out;
}

function collectBinders(forms: readonly Value[], out: Set<string>): void {
  for (const f of forms)
    for (const s of subforms(f)) if (s instanceof Sym && s.name !== '&') out.add(s.name);
}

function perItem(site: CallSite): boolean {
  const syms = itemSymbols(site);
  return subforms(site.args).some((s) => s instanceof Sym && syms.has(s.name));
}

function argMatches(site: CallSite, key: string, value: Value, plan: PlanForm): boolean {
  const v = mapGet(site.args, key);
  if (v === undefined) return false;
  const fits = (x: Value): boolean =>
    equals(x, value) ||
    (typeof value === 'string' && typeof x === 'string' && x === value) ||
    literalMatches(x, value) ||
    (x instanceof RVector && x.toArray().some((y) => equals(y, value)));
  if (fits(v)) return true;
  if (v instanceof Sym) {
    const d = plan.inputs.get(v.name)?.default;
    return d !== undefined && fits(d);
  }
  return false;
}

/** A predicate on `field` of each item, comparing with `value` when given. */
function hasFilter(plan: PlanForm, field: string, value: Value | undefined): boolean {
  for (const f of plan.body.flatMap(subforms)) {
    const name = headName(f);
    if (name !== undefined && COMPARISONS.has(name)) {
      const parts = subforms(f);
      if (!parts.some((p) => isFieldRead(p, field))) continue;
      if (value === undefined || mentions(f, value, plan)) return true;
    }
  }
  for (const c of plan.calls) {
    if (!c.id.includes('filter')) continue;
    const where = mapGet(c.args, 'where');
    const fieldArg = mapGet(c.args, 'field');
    if (where instanceof RMap) {
      const v = where.get(Keyword.of(field));
      if (v !== undefined && (value === undefined || mentions(v, value, plan))) return true;
    }
    if (equals(fieldArg ?? null, Keyword.of(field))) {
      const v = mapGet(c.args, 'value') ?? null;
      if (value === undefined || mentions(v, value, plan)) return true;
    }
  }
  return false;
}

function hasSort(plan: PlanForm, field: string): boolean {
  const key = Keyword.of(field);
  for (const f of plan.body.flatMap(subforms)) {
    const name = headName(f);
    if (name === 'sort-by' || name === 'min-key' || name === 'max-key')
      if (subforms(f).some((s) => equals(s, key))) return true;
  }
  return plan.calls.some((c) => c.id.includes('sort') && equals(mapGet(c.args, 'by') ?? null, key));
}

/** Every check of `goal` against `o`. */
export function runChecks(goal: EvalGoal, o: Outcome): CheckResult[] {
  const out: CheckResult[] = [];
  const add = (name: string, ok: boolean, detail?: string): void => {
    out.push(detail !== undefined && !ok ? { name, ok, detail } : { name, ok });
  };
  const plan = o.plan;
  // outcome
  if (goal.expect === 'plan' || goal.expect === 'gap') {
    const unknown =
      plan !== undefined
        ? plan.calls
            .map((c) => c.id)
            .filter((id) => id !== PENDING_ID && !o.known.has(id) && !defined(plan).has(id))
        : [];
    const pending = plan?.calls.filter((c) => c.id === PENDING_ID) ?? [];
    const honest =
      pending.length === o.gaps.length &&
      pending.every((c) => {
        const r = mapGet(c.args, 'request_id');
        return typeof r === 'string' && r.startsWith('cap-request-');
      });
    const ok =
      o.kind === goal.expect &&
      plan !== undefined &&
      unknown.length === 0 &&
      (goal.expect === 'plan' ? o.complete && pending.length === 0 : pending.length > 0 && honest);
    add(
      `outcome ${goal.expect}`,
      ok,
      `got ${o.kind}${unknown.length > 0 ? `, calls unknown ${unknown.join(', ')}` : ''}${o.kind === 'plan' && !o.complete ? ' (planner says incomplete)' : ''}${o.message ? `: ${o.message.slice(0, 160)}` : ''}`,
    );
  } else {
    const ok =
      o.kind === goal.expect &&
      o.message.length > 0 &&
      (goal.expect !== 'unsupported' || /--provider\s+openai/.test(o.message));
    add(
      `outcome ${goal.expect}`,
      ok,
      `got ${o.kind}${o.message ? `: ${o.message.slice(0, 160)}` : ''}`,
    );
    return out;
  }
  const p = plan ?? { inputs: new Map(), body: [], calls: [] };
  add('runs (dry run)', o.dryRun?.ok === true, o.dryRun?.error ?? 'no plan');
  // calls, in order
  let at = -1;
  for (const spec of goal.calls ?? []) {
    const ids = alternatives(spec);
    const idx = p.calls.findIndex((c, i) => i > at && ids.includes(c.id));
    add(
      `calls ${spec}`,
      idx >= 0,
      at >= 0 && p.calls.some((c) => ids.includes(c.id)) ? 'out of order' : 'not called',
    );
    if (idx >= 0) at = idx;
  }
  if (goal['not-calls'] !== undefined) {
    const bad = goal['not-calls'].filter((id) => p.calls.some((c) => c.id === id));
    add(`avoids ${goal['not-calls'].join(', ')}`, bad.length === 0, `calls ${bad.join(', ')}`);
  }
  for (const [cap, key, value] of goal.args ?? []) {
    const ok = sitesOf(p, cap).some((s) => argMatches(s, key, value, p));
    add(`arg ${cap} :${key} ${JSON.stringify(value)}`, ok);
  }
  for (const m of goal.mentions ?? []) {
    add(
      `mentions ${JSON.stringify(m)}`,
      p.body.some((f) => mentions(f, m, p)),
    );
  }
  for (const [cap, value] of goal.condition ?? []) {
    const tests = sitesOf(p, cap).flatMap(conditionTests);
    add(`condition on ${cap}`, tests.length > 0);
    if (value !== undefined)
      add(
        `condition tests ${JSON.stringify(value)}`,
        tests.some((t) => mentions(t, value, p)),
      );
  }
  for (const cap of goal.iteration ?? []) {
    add(`per-item ${cap}`, sitesOf(p, cap).some(perItem));
  }
  for (const [field, value] of goal.filter ?? []) {
    add(`filter on :${field}`, hasFilter(p, field, undefined));
    if (value !== undefined)
      add(`filter :${field} vs ${JSON.stringify(value)}`, hasFilter(p, field, value));
  }
  if (goal.sort !== undefined) add(`sorts by :${goal.sort}`, hasSort(p, goal.sort));
  for (const name of goal.inputs ?? []) {
    add(
      `input ${name}`,
      [...p.inputs.keys()].some((k) => k.includes(name)),
      `inputs: ${[...p.inputs.keys()].join(', ')}`,
    );
  }
  if (goal.gap !== undefined) {
    const word = goal.gap.toLowerCase();
    add(
      `gap names "${goal.gap}"`,
      o.gaps.some((g) => g.description.toLowerCase().includes(word)),
      o.gaps.map((g) => g.description).join(' | ') || 'no gap reported',
    );
  }
  return out;
}
