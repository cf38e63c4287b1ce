/**
 * Binding patterns (destructuring) for `let`, `loop`, `fn` parameters and `for`:
 * `sym`, `_`, `[a b & rest :as all]`, `{:keys [a b] :strs [c] :or {a 1} :as m}`,
 * `{p :k}` (Clojure order) and `{:k p}` (reference order), map rest `& more`.
 * Analysis binds every name to a slot; the runtime only fills slots.
 */
import { childSpan, type NodeSpan, type Span } from '../source/index.js';
import { type Value, Keyword, RVector, Sym } from '../data/index.js';
import type { Node } from './nodes.js';
import type { BlockScope } from './scope.js';

export type Pattern =
  | { readonly kind: 'slot'; readonly slot: number; readonly name: string }
  | { readonly kind: 'ignore' }
  | {
      readonly kind: 'vector';
      readonly items: readonly Pattern[];
      readonly rest: Pattern | undefined;
      readonly as: number | undefined;
      readonly span: Span | undefined;
    }
  | {
      readonly kind: 'map';
      readonly entries: readonly MapEntryPattern[];
      readonly rest: number | undefined;
      readonly as: number | undefined;
      readonly span: Span | undefined;
    };

export interface MapEntryPattern {
  readonly key: Value;
  readonly pattern: Pattern;
  /** Default (from `:or`) when the key is absent. */
  readonly default: Node | undefined;
}

export interface PatternHooks {
  fail(message: string, span: Span | undefined): never;
  /** Analyzes a default expression (`:or`) in the pattern's scope. */
  analyzeDefault(form: Value, span: Span | undefined): Node;
}

const AMP = '&';
const KEYS = Keyword.of('keys');
const STRS = Keyword.of('strs');
const SYMS = Keyword.of('syms');
const AS = Keyword.of('as');
const OR = Keyword.of('or');

export function isSimpleSymbol(form: Value): form is Sym {
  return form instanceof Sym && form.name !== AMP;
}

/** Analyzes `form` as a pattern, binding its names in `scope`. */
export function analyzePattern(
  form: Value,
  span: Span | undefined,
  scope: BlockScope,
  hooks: PatternHooks,
): Pattern {
  if (form instanceof Sym) {
    if (form.name === '_') return { kind: 'ignore' };
    if (form.name === AMP || form.ns !== null) hooks.fail(`cannot bind '${form.name}'`, span);
    if (form.name.includes(':')) {
      hooks.fail(
        `cannot bind '${form.name}': a type annotation follows a whole parameter or binding, not a name inside a pattern`,
        span,
      );
    }
    return { kind: 'slot', slot: scope.bind(form.name), name: form.name };
  }
  if (form instanceof RVector) return vectorPattern(form, span, scope, hooks);
  if (typeof form === 'object' && form !== null && form.kind === 'map') {
    return mapPattern(form.toFlat(), form.span, span, scope, hooks);
  }
  return hooks.fail('a binding must be a symbol, a vector pattern or a map pattern', span);
}

function vectorPattern(
  v: RVector,
  span: Span | undefined,
  scope: BlockScope,
  hooks: PatternHooks,
): Pattern {
  const items: Pattern[] = [];
  let rest: Pattern | undefined;
  let as: number | undefined;
  for (let i = 0; i < v.count; i++) {
    const x = v.get(i) as Value;
    const xs = childSpan(v.span, i) ?? span;
    if (x instanceof Sym && x.name === AMP) {
      rest = analyzePattern(v.get(i + 1) ?? null, childSpan(v.span, i + 1) ?? span, scope, hooks);
      i++;
      continue;
    }
    if (x === AS) {
      const name = v.get(i + 1);
      if (!isSimpleSymbol(name ?? null)) hooks.fail(':as must be followed by a symbol', xs);
      as = scope.bind((name as Sym).name);
      i++;
      continue;
    }
    if (rest !== undefined) hooks.fail('nothing but :as may follow the & rest pattern', xs);
    items.push(analyzePattern(x, xs, scope, hooks));
  }
  return { kind: 'vector', items, rest, as, span: v.span ?? span };
}

function mapPattern(
  flat: Value[],
  own: NodeSpan | undefined,
  span: Span | undefined,
  scope: BlockScope,
  hooks: PatternHooks,
): Pattern {
  const entries: { key: Value; pattern: Pattern; name: string | undefined }[] = [];
  let rest: number | undefined;
  let as: number | undefined;
  let defaults: Value | undefined;
  let defaultsSpan: Span | undefined;
  for (let i = 0; i < flat.length; i += 2) {
    const k = flat[i] as Value;
    const v = flat[i + 1] as Value;
    const ks = childSpan(own, i) ?? span;
    const vs = childSpan(own, i + 1) ?? span;
    if (k === KEYS || k === STRS || k === SYMS) {
      if (!(v instanceof RVector))
        hooks.fail(`${(k as Keyword).toString()} takes a vector of symbols`, vs);
      for (const name of v as RVector) {
        if (!isSimpleSymbol(name))
          hooks.fail(`${(k as Keyword).toString()} takes a vector of symbols`, vs);
        const key = k === KEYS ? Keyword.of(name.name) : k === STRS ? name.name : Sym.of(name.name);
        entries.push({
          key,
          pattern: { kind: 'slot', slot: scope.bind(name.name), name: name.name },
          name: name.name,
        });
      }
    } else if (k === AS) {
      if (!isSimpleSymbol(v)) hooks.fail(':as must be followed by a symbol', vs);
      as = scope.bind(v.name);
    } else if (k === OR) {
      defaults = v;
      defaultsSpan = vs;
    } else if (k instanceof Sym && k.name === AMP) {
      if (!isSimpleSymbol(v)) hooks.fail('& in a map pattern must be followed by a symbol', vs);
      rest = scope.bind(v.name);
    } else if (k instanceof Keyword || typeof k === 'string' || typeof k === 'number') {
      // Reference order: {:k pattern}
      const pattern = analyzePattern(v, vs, scope, hooks);
      entries.push({ key: k, pattern, name: pattern.kind === 'slot' ? pattern.name : undefined });
    } else {
      // Clojure order: {pattern :k}
      const pattern = analyzePattern(k, ks, scope, hooks);
      entries.push({ key: v, pattern, name: pattern.kind === 'slot' ? pattern.name : undefined });
    }
  }
  const withDefaults: MapEntryPattern[] = entries.map((e) => ({
    key: e.key,
    pattern: e.pattern,
    default: undefined,
  }));
  if (defaults !== undefined) {
    if (typeof defaults !== 'object' || defaults === null || defaults.kind !== 'map') {
      hooks.fail(':or takes a map from names to default values', defaultsSpan);
    }
    defaults.forEach((dv, dk) => {
      const idx = dk instanceof Sym ? entries.findIndex((e) => e.name === dk.name) : -1;
      if (idx < 0)
        hooks.fail(`:or names '${String(dk)}', which the pattern does not bind`, defaultsSpan);
      const e = withDefaults[idx] as MapEntryPattern;
      withDefaults[idx] = { ...e, default: hooks.analyzeDefault(dv, defaultsSpan) };
    });
  }
  return { kind: 'map', entries: withDefaults, rest, as, span: own ?? span };
}
