/**
 * The structure of a materialized plan, read back from its source, for the evaluation
 * checks: its declared inputs (with defaults), every `(call "id" args)` in document
 * order with the forms around it, and helpers to search forms. Nothing here knows how
 * the planner built the plan: the checks look at the RTFS a person would read.
 */
import {
  type Value,
  Keyword,
  RFloat,
  RList,
  RMap,
  RVector,
  Sym,
  equals,
} from '../../src/data/index.js';
import { read } from '../../src/syntax/index.js';

export interface CallSite {
  readonly id: string;
  readonly args: Value;
  /** The forms enclosing the call, outermost first, each with the child index leading to it. */
  readonly path: readonly { readonly form: RList | RVector | RMap; readonly index: number }[];
}

export interface PlanForm {
  readonly inputs: ReadonlyMap<string, { readonly default?: Value; readonly type: Value }>;
  /** The executable forms: steps, definitions and the result expression. */
  readonly body: readonly Value[];
  readonly calls: readonly CallSite[];
}

const HEADER_KEYS = new Set(['name', 'description', 'input-schema', 'output-schema', 'version']);

/** Reads a plan's source; undefined when it is not one `(plan …)` form. */
export function readPlan(source: string): PlanForm | undefined {
  const r = read(source, '<plan>');
  const form = r.forms[0];
  if (r.diagnostics.length > 0 || !(form instanceof RList)) return undefined;
  const head = form.items[0];
  if (!(head instanceof Sym) || head.name !== 'plan') return undefined;
  const inputs = new Map<string, { default?: Value; type: Value }>();
  const body: Value[] = [];
  for (let i = 1; i < form.items.length; i++) {
    const item = form.items[i] as Value;
    if (item instanceof Keyword && HEADER_KEYS.has(item.name)) {
      const v = form.items[i + 1] ?? null;
      if (item.name === 'input-schema' && v instanceof RVector) {
        for (const e of v.toArray().slice(1)) {
          if (!(e instanceof RVector) || !(e.get(0) instanceof Keyword)) continue;
          const opts = e.toArray().find((x) => x instanceof RMap) as RMap | undefined;
          const d = opts?.get(Keyword.of('default'));
          const type = e.get(e.count - 1) ?? null;
          inputs.set((e.get(0) as Keyword).name, d !== undefined ? { default: d, type } : { type });
        }
      }
      i++;
      continue;
    }
    body.push(item);
  }
  const calls: CallSite[] = [];
  const walk = (v: Value, path: CallSite['path']): void => {
    if (v instanceof RList) {
      const h = v.items[0];
      if (h instanceof Sym && h.name === 'call' && typeof v.items[1] === 'string')
        calls.push({ id: v.items[1], args: v.items[2] ?? null, path });
      v.items.forEach((c, index) => walk(c, [...path, { form: v, index }]));
    } else if (v instanceof RVector) {
      v.toArray().forEach((c, index) => walk(c, [...path, { form: v, index }]));
    } else if (v instanceof RMap) {
      let index = 0;
      v.forEach((val, key) => {
        walk(key, [...path, { form: v, index: index++ }]);
        walk(val, [...path, { form: v, index: index++ }]);
      });
    }
  };
  for (const b of body) walk(b, []);
  return { inputs, body, calls };
}

/** Every sub-form of `v`, `v` included (depth first). */
export function subforms(v: Value): Value[] {
  const out: Value[] = [v];
  if (v instanceof RList) for (const c of v.items) out.push(...subforms(c));
  else if (v instanceof RVector) for (const c of v.toArray()) out.push(...subforms(c));
  else if (v instanceof RMap)
    v.forEach((val, key) => {
      out.push(...subforms(key), ...subforms(val));
    });
  return out;
}

export function headName(v: Value): string | undefined {
  if (!(v instanceof RList)) return undefined;
  const h = v.items[0];
  return h instanceof Sym ? h.name : undefined;
}

/** The value of `key` in a map form (a call's argument map). */
export function mapGet(m: Value, key: string): Value | undefined {
  return m instanceof RMap ? m.get(Keyword.of(key)) : undefined;
}

/** True when `form` reads field `field` of something: `(:f x)`, `(get x :f)`, `(get-in x [:f])`. */
export function isFieldRead(form: Value, field: string): boolean {
  if (!(form instanceof RList)) return false;
  const h = form.items[0];
  if (h instanceof Keyword && h.name === field) return form.items.length === 2;
  const name = headName(form);
  if (name === 'get') return equals(form.items[2] ?? null, Keyword.of(field));
  if (name === 'get-in') {
    const p = form.items[2];
    return p instanceof RVector && equals(p.get(p.count - 1) ?? null, Keyword.of(field));
  }
  return false;
}

/** True when a literal in `form` (or a plan input default it names) matches `value`. */
export function mentions(form: Value, value: Value, plan: PlanForm): boolean {
  for (const s of subforms(form)) {
    if (literalMatches(s, value)) return true;
    if (s instanceof Sym) {
      const d = plan.inputs.get(s.name)?.default;
      if (d !== undefined && subforms(d).some((x) => literalMatches(x, value))) return true;
    }
  }
  return false;
}

/** A literal matches: equal numbers, a string holding the expected text (any case). */
export function literalMatches(v: Value, expected: Value): boolean {
  if (typeof expected === 'number')
    return (
      (typeof v === 'number' && v === expected) || (v instanceof RFloat && v.value === expected)
    );
  if (typeof expected === 'string')
    return (
      (typeof v === 'string' && v.toLowerCase().includes(expected.toLowerCase())) ||
      (v instanceof Keyword && v.name === expected)
    );
  return equals(v, expected);
}
