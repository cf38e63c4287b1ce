/**
 * Plan data, as rewriters see it: `(plan :k v … body…)` split into its options and
 * body, steps found by id, and structure-preserving tree rewrites. Rewriters never
 * touch source text; they build new data from old (values are immutable).
 */
import { type Value, Keyword, RList, RMap, RVector, Sym } from '../data/index.js';

export const kw = (n: string): Keyword => Keyword.of(n);
export const sym = (n: string): Sym => Sym.of(n);
export const list = (...items: Value[]): RList => RList.of(...items);

export interface PlanParts {
  /** Option pairs in order (`:name "…"`, `:input-schema …`). */
  readonly options: readonly (readonly [Keyword, Value])[];
  readonly body: readonly Value[];
}

/** The parts of `(plan :k v … body…)`, or undefined for any other value. */
export function planParts(plan: Value): PlanParts | undefined {
  if (!(plan instanceof RList) || !isHead(plan, 'plan')) return undefined;
  const items = plan.items;
  const options: [Keyword, Value][] = [];
  let i = 1;
  while (i + 1 < items.length && items[i] instanceof Keyword) {
    options.push([items[i] as Keyword, items[i + 1] as Value]);
    i += 2;
  }
  return { options, body: items.slice(i) };
}

export function buildPlan(parts: PlanParts): RList {
  return RList.of(sym('plan'), ...parts.options.flatMap(([k, v]) => [k, v]), ...parts.body);
}

export function option(parts: PlanParts, name: string): Value | undefined {
  return parts.options.find(([k]) => k.name === name)?.[1];
}

export function withOption(parts: PlanParts, name: string, value: Value): PlanParts {
  const k = kw(name);
  const has = parts.options.some(([key]) => key === k);
  const options = has
    ? parts.options.map(([key, v]) => [key, key === k ? value : v] as const)
    : [...parts.options, [k, value] as const];
  return { options, body: parts.body };
}

export function isHead(v: Value, name: string): v is RList {
  return v instanceof RList && v.items[0] instanceof Sym && v.items[0].name === name;
}

function isQuote(v: RList): boolean {
  return v.items[0] instanceof Sym && v.items[0].name === 'quote';
}

/** `(step "id" …)` with a body. */
export function isStep(v: Value, id?: string): v is RList {
  return (
    isHead(v, 'step') &&
    typeof v.items[1] === 'string' &&
    v.count > 2 &&
    (id === undefined || v.items[1] === id)
  );
}

/** The index in `body` of the top-level step `id`, or -1. */
export function stepIndex(body: readonly Value[], id: string): number {
  return body.findIndex((f) => isStep(f, id));
}

/** Every step id in the plan, nested ones included. */
export function allStepIds(v: Value): string[] {
  const out: string[] = [];
  walk(v, (x) => {
    if (isStep(x)) out.push(x.items[1] as string);
  });
  return out;
}

/** Visits every value of a tree (not inside quoted forms). */
export function walk(v: Value, visit: (v: Value) => void): void {
  visit(v);
  if (v instanceof RList) {
    if (isQuote(v)) return;
    for (const x of v.items) walk(x, visit);
  } else if (v instanceof RVector) {
    for (const x of v) walk(x, visit);
  } else if (v instanceof RMap) {
    for (const x of v.toFlat()) walk(x, visit);
  }
}

/**
 * Rewrites a tree bottom-up: `f` sees each value after its children were rewritten and
 * returns a replacement (or the same value). Unchanged subtrees keep their identity.
 */
export function transform(v: Value, f: (v: Value) => Value): Value {
  if (v instanceof RList && !isQuote(v)) {
    const items = v.items.map((x) => transform(x, f));
    const same = items.every((x, i) => x === v.items[i]);
    return f(same ? v : new RList(items, v.span, v.meta));
  }
  if (v instanceof RVector) {
    const items = [...v];
    const next = items.map((x) => transform(x, f));
    return f(next.every((x, i) => x === items[i]) ? v : RVector.from(next));
  }
  if (v instanceof RMap) {
    const flat = v.toFlat();
    const next = flat.map((x) => transform(x, f));
    return f(next.every((x, i) => x === flat[i]) ? v : RMap.fromFlat(next));
  }
  return f(v);
}

/** `(call "id" args…)` with a literal id: the id, else undefined. */
export function callId(v: Value): string | undefined {
  if (!isHead(v, 'call')) return undefined;
  const id = v.items[1];
  if (typeof id === 'string') return id;
  if (id instanceof Keyword) return id.name;
  return undefined;
}

/** The input names a plan's `:input-schema` declares (`{:k T}` or `[:map [:k …] …]`). */
export function inputNames(parts: PlanParts): string[] | undefined {
  const schema = option(parts, 'input-schema');
  if (schema instanceof RMap)
    return schema.keys().flatMap((key) => (key instanceof Keyword ? [key.name] : []));
  if (schema instanceof RVector && schema.get(0) === kw('map'))
    return [...schema].slice(1).flatMap((e) => {
      const key = e instanceof RVector ? e.get(0) : undefined;
      return key instanceof Keyword ? [key.name] : [];
    });
  return undefined;
}
