/**
 * The outline of a document, read from its data (code is data): definitions (`def`,
 * `defn`, `defmacro`, `defstruct`, `defcapability`, wherever they appear), local
 * bindings with the range they are visible in (parameters, `let`/`loop`/`for`/
 * `dotimes`/`if-let`/`when-let` bindings, `catch`), imports, plans and their steps,
 * capability calls and `step-result` references. Unknown forms are walked like calls,
 * so new special forms still yield the definitions and references inside them.
 */
import { type Value, Keyword, RList, RMap, RVector, Sym } from '../data/index.js';
import { type NodeSpan, type Span, childSpan } from '../source/index.js';
import { defnSignatures, formatSignature } from '../docs/index.js';

export type DefKind = 'def' | 'defn' | 'defmacro' | 'defstruct' | 'defcapability';

export interface Definition {
  readonly kind: DefKind;
  readonly name: string;
  /** The name's span (for a capability, the id string's). */
  readonly nameSpan: Span;
  /** The whole defining form. */
  readonly span: Span;
  readonly doc?: string;
  /** `[a :int] :int` per arity, for functions and macros. */
  readonly signatures: readonly string[];
  /** The form itself (capability specs, values of `def`). */
  readonly form: RList;
}

export interface Local {
  readonly name: string;
  readonly nameSpan: Span;
  /** Offsets where the name is visible. */
  readonly from: number;
  readonly to: number;
  readonly kind: 'param' | 'local';
  /** A type annotation written after the name (`[x :int]`), printed. */
  readonly type?: string;
}

export interface Step {
  readonly name: string;
  readonly nameSpan: Span;
  readonly span: Span;
}

export interface Plan {
  readonly name: string;
  readonly span: Span;
  readonly steps: Step[];
}

export interface Import {
  readonly module: string;
  readonly moduleSpan: Span;
  readonly alias?: string;
  readonly only: readonly string[];
  readonly span: Span;
}

export interface Outline {
  readonly definitions: Definition[];
  readonly locals: Local[];
  readonly steps: Step[];
  readonly plans: Plan[];
  readonly imports: Import[];
  readonly keywords: Set<string>;
}

const BINDING_FORMS = new Set(['let', 'loop', 'when-let', 'if-let', 'for', 'doseq', 'when-some']);
const DEFS = new Map<string, DefKind>([
  ['def', 'def'],
  ['defn', 'defn'],
  ['defn-', 'defn'],
  ['defmacro', 'defmacro'],
  ['defstruct', 'defstruct'],
]);

/** The outline of read forms (`spans[i]` is the span of `forms[i]`). */
export function outline(forms: readonly Value[], spans: readonly Span[]): Outline {
  const o: Outline = {
    definitions: [],
    locals: [],
    steps: [],
    plans: [],
    imports: [],
    keywords: new Set(),
  };
  forms.forEach((f, i) => walk(f, spans[i], o, []));
  return o;
}

function spanOf(v: Value): NodeSpan | undefined {
  return v instanceof RList || v instanceof RVector || v instanceof RMap
    ? (v.span as NodeSpan | undefined)
    : undefined;
}

function walk(v: Value, at: Span | undefined, o: Outline, plans: Plan[]): void {
  if (v instanceof Keyword) {
    o.keywords.add(v.name);
    return;
  }
  if (v instanceof RList) {
    list(v, at, o, plans);
    return;
  }
  if (v instanceof RVector) {
    const s = spanOf(v);
    [...v].forEach((x, i) => walk(x, childSpan(s, i), o, plans));
    return;
  }
  if (v instanceof RMap) {
    const s = spanOf(v);
    v.toFlat().forEach((x, i) => walk(x, childSpan(s, i), o, plans));
  }
}

function list(v: RList, at: Span | undefined, o: Outline, plans: Plan[]): void {
  const s = spanOf(v) ?? (at as NodeSpan | undefined);
  const items = v.items;
  const head = items[0];
  const whole = at ?? s;
  const children = (from: number): void => {
    for (let i = from; i < items.length; i++) walk(items[i] as Value, childSpan(s, i), o, plans);
  };
  if (!(head instanceof Sym) || whole === undefined) return children(0);
  const h = head.name;
  const defKind = DEFS.get(h);
  if (defKind !== undefined && items[1] instanceof Sym) {
    const nameSpan = childSpan(s, 1) ?? whole;
    const doc = typeof items[2] === 'string' && items.length > 3 ? items[2] : undefined;
    const signatures =
      defKind === 'defn' || defKind === 'defmacro' ? defnSignatures(v).map(formatSignature) : [];
    o.definitions.push({
      kind: defKind,
      name: items[1].name,
      nameSpan,
      span: whole,
      ...(doc !== undefined ? { doc } : {}),
      signatures,
      form: v,
    });
    if (defKind === 'defn' || defKind === 'defmacro') fnBody(v, s, whole, 2, o, plans);
    else children(2);
    return;
  }
  switch (h) {
    case 'fn':
    case 'λ':
      return fnBody(v, s, whole, 1, o, plans);
    case 'defcapability':
    case 'capability': {
      // (defcapability "id" {spec} …) and the reference's (capability "id" :key value …)
      const id = items[1];
      if (typeof id === 'string')
        o.definitions.push({
          kind: 'defcapability',
          name: id,
          nameSpan: childSpan(s, 1) ?? whole,
          span: whole,
          signatures: [],
          form: v,
        });
      return children(2);
    }
    case 'dotimes':
    case 'catch': {
      // (dotimes [i n] body) / (catch selector e body)
      const bindAt = h === 'dotimes' ? 1 : items[2] instanceof Sym ? 2 : 1;
      const b = items[bindAt];
      if (h === 'dotimes' && b instanceof RVector) {
        bindings(b, spanOf(b), whole.end, o, plans);
      } else if (b instanceof Sym) {
        const ns = childSpan(s, bindAt);
        if (ns)
          o.locals.push({ name: b.name, nameSpan: ns, from: ns.end, to: whole.end, kind: 'local' });
      }
      return children(bindAt + 1);
    }
    case 'import':
      return importForm(v, s, whole, o);
    case 'step': {
      const name = items[1];
      const ns = childSpan(s, 1);
      if (typeof name === 'string' && ns) {
        const step = { name, nameSpan: ns, span: whole };
        o.steps.push(step);
        plans[plans.length - 1]?.steps.push(step);
      }
      return children(2);
    }
    case 'plan': {
      const plan: Plan = { name: planName(items) ?? 'plan', span: whole, steps: [] };
      o.plans.push(plan);
      for (let i = 1; i < items.length; i++)
        walk(items[i] as Value, childSpan(s, i), o, [...plans, plan]);
      return;
    }
    default:
      if (BINDING_FORMS.has(h) && items[1] instanceof RVector) {
        const b = items[1];
        bindings(b, spanOf(b), whole.end, o, plans);
        return children(2);
      }
      return children(1);
  }
}

function planName(items: readonly Value[]): string | undefined {
  for (let i = 1; i + 1 < items.length; i++) {
    const k = items[i];
    if (k instanceof Keyword && k.name === 'name') {
      const n = items[i + 1];
      return typeof n === 'string' ? n : n instanceof Sym ? n.name : undefined;
    }
  }
  return undefined;
}

/** `[pattern expr pattern expr …]`: each pattern's names are visible after its pair. */
function bindings(
  b: RVector,
  s: NodeSpan | undefined,
  end: number,
  o: Outline,
  plans: Plan[],
): void {
  const xs = [...b];
  let i = 0;
  while (i < xs.length) {
    const pat = xs[i] as Value;
    if (pat instanceof Keyword) {
      // `for` modifiers (:let [...] :when x): walk what follows
      const next = xs[i + 1];
      if (pat.name === 'let' && next instanceof RVector)
        bindings(next, spanOf(next), end, o, plans);
      else if (next !== undefined) walk(next, childSpan(s, i + 1), o, plans);
      i += 2;
      continue;
    }
    // `x :int expr`: an annotation between the name and the value
    const annotated = xs[i + 1] instanceof Keyword && i + 2 < xs.length;
    const exprAt = annotated ? i + 2 : i + 1;
    const expr = xs[exprAt];
    if (expr !== undefined) walk(expr, childSpan(s, exprAt), o, plans);
    const from = childSpan(s, exprAt)?.end ?? childSpan(s, i)?.end ?? end;
    const type = annotated ? `:${(xs[i + 1] as Keyword).name}` : undefined;
    patternNames(pat, childSpan(s, i), (name, ns) =>
      o.locals.push({
        name,
        nameSpan: ns,
        from,
        to: end,
        kind: 'local',
        ...(type ? { type } : {}),
      }),
    );
    i = exprAt + 1;
  }
}

/** `(fn name? [params] body)`, `(defn name doc? [params] ret? body)` or multi-arity. */
function fnBody(
  v: RList,
  s: NodeSpan | undefined,
  whole: Span,
  from: number,
  o: Outline,
  plans: Plan[],
): void {
  const items = v.items;
  let i = from;
  if (items[i] instanceof Sym && from === 1) {
    const ns = childSpan(s, i);
    if (ns)
      o.locals.push({
        name: (items[i] as Sym).name,
        nameSpan: ns,
        from: whole.start,
        to: whole.end,
        kind: 'local',
      });
    i++;
  }
  if (typeof items[i] === 'string' && from === 2) i++;
  if (items[i] instanceof RMap) i++;
  const arity = (params: RVector, ps: NodeSpan | undefined, to: number): void => {
    const xs = [...params];
    xs.forEach((p, j) => {
      const type =
        xs[j + 1] instanceof Keyword || xs[j + 1] instanceof RVector ? xs[j + 1] : undefined;
      patternNames(p, childSpan(ps, j), (name, ns) =>
        o.locals.push({
          name,
          nameSpan: ns,
          from: ns.end,
          to,
          kind: 'param',
          ...(type instanceof Keyword && !(p instanceof Keyword) ? { type: `:${type.name}` } : {}),
        }),
      );
    });
  };
  const first = items[i];
  if (first instanceof RVector) {
    arity(first, spanOf(first), whole.end);
    for (let j = i + 1; j < items.length; j++) walk(items[j] as Value, childSpan(s, j), o, plans);
    return;
  }
  for (let j = i; j < items.length; j++) {
    const clause = items[j];
    const cs = childSpan(s, j);
    if (clause instanceof RList && clause.items[0] instanceof RVector && cs) {
      const ps = spanOf(clause);
      arity(clause.items[0], spanOf(clause.items[0]), cs.end);
      clause.items.slice(1).forEach((x, k) => walk(x, childSpan(ps, k + 1), o, plans));
    } else walk(clause as Value, cs, o, plans);
  }
}

/** The symbols a destructuring pattern binds (not `&`, `_` or keywords). */
function patternNames(
  p: Value,
  at: Span | undefined,
  add: (name: string, span: Span) => void,
): void {
  if (p instanceof Sym) {
    if (p.name !== '&' && p.name !== '_' && at) add(p.name, at);
    return;
  }
  if (p instanceof RVector) {
    const s = spanOf(p);
    [...p].forEach((x, i) => patternNames(x, childSpan(s, i), add));
    return;
  }
  if (p instanceof RMap) {
    const s = spanOf(p);
    p.toFlat().forEach((x, i) => {
      // {a :a} binds the key; {:keys [a b] :as m} the vector's and :as's symbols
      if (i % 2 === 0 ? x instanceof Sym : !(x instanceof Keyword))
        patternNames(x, childSpan(s, i), add);
    });
  }
}

function importForm(v: RList, s: NodeSpan | undefined, whole: Span, o: Outline): void {
  const items = v.items;
  const mod = items[1];
  const ms = childSpan(s, 1);
  if (!(mod instanceof Sym) || ms === undefined) return;
  let alias: string | undefined;
  const only: string[] = [];
  for (let i = 2; i + 1 < items.length; i++) {
    const k = items[i];
    const x = items[i + 1];
    if (k instanceof Keyword && k.name === 'as' && x instanceof Sym) alias = x.name;
    if (k instanceof Keyword && k.name === 'only' && x instanceof RVector)
      for (const n of x) if (n instanceof Sym) only.push(n.name);
  }
  o.imports.push({
    module: mod.name,
    moduleSpan: ms,
    ...(alias !== undefined ? { alias } : {}),
    only,
    span: whole,
  });
}
