/**
 * Where type annotations may appear, and how they are told apart from values. An
 * annotation follows a parameter, a rest parameter, a `let`/`loop` binding's pattern,
 * a `def`'s name or a parameter vector (the return type), in any of the spellings the
 * reference grammar accepts (language.md §1.5, its `rtfs.pest`):
 *
 * - a colon standing alone: `[x : Int]`, `[x : [:vector :int]]`, `(fn [x] : Int …)`;
 * - a colon glued to the name: `x:int`, `(def y:int 100)`, `x:[:map …]` (`x:` then
 *   the type);
 * - a keyword or type vector right after the name: `[x :int]`, `[m [:map …]]`. Without
 *   a colon a form is an annotation only when it is a type expression and the rest of
 *   the form still parses: so `(let [status :ok] …)` binds the keyword `:ok`
 *   (the reference's greedy annotations are a bug, language.md §17 #2).
 *
 * These functions only slice forms; the analyzer parses the types (types/type-expr.ts).
 * The formatter uses them too, to print the canonical spelling (format/annotations.ts).
 */
import { type Span, type NodeSpan, childSpan } from '../source/index.js';
import { type Value, type RVector, type RList, Sym } from '../data/index.js';
import { isTypeExpr } from '../types/index.js';
import { isColon, gluedColonName } from '../syntax/index.js';

/** Versioned names (`com.acme:v1.0/op`) keep their colon. */
const VERSIONED = /^v[0-9]+(?:\.[0-9]+)*\//;

/** `x:int` → `x` and `int`; `x:` → `x` with the type following. */
export interface Glued {
  readonly name: Sym;
  /** The type written after the colon, or undefined for `x:` (the next form is the type). */
  readonly type: Value | undefined;
}

/** A symbol with an annotation colon glued to its name, split; else undefined. */
export function splitGlued(v: Value | undefined): Glued | undefined {
  const trailing = gluedColonName(v);
  if (trailing !== undefined) return { name: Sym.of(trailing), type: undefined };
  if (!(v instanceof Sym)) return undefined;
  const k = v.name.indexOf(':');
  if (k <= 0 || k === v.name.length - 1) return undefined;
  const after = v.name.slice(k + 1);
  if (VERSIONED.test(after) || after.includes(':')) return undefined;
  return { name: Sym.of(v.name.slice(0, k)), type: typeSymbol(after) };
}

/** The type a glued suffix names: `int`, `Int`, `string?` (nil for `nil`). */
function typeSymbol(text: string): Value {
  return text === 'nil' ? null : Sym.of(text);
}

/** The spans of the name and the type inside a glued symbol's span. */
export function gluedSpans(
  span: Span | undefined,
  g: Glued,
): { name: Span | undefined; type: Span | undefined } {
  if (span === undefined) return { name: undefined, type: undefined };
  const split = span.start + g.name.name.length;
  return {
    name: { source: span.source, start: span.start, end: split },
    type:
      g.type === undefined ? undefined : { source: span.source, start: split + 1, end: span.end },
  };
}

/** One annotated element of a parameter or binding vector. */
export interface Annotated {
  /** Index of the pattern (or of the glued `x:T` symbol). */
  readonly at: number;
  /** The pattern: the element itself, or the name split off a glued symbol. */
  readonly pattern: Value;
  /** The type expression, if any. */
  readonly type: Value | undefined;
  /** Index of the type (equal to `at` for `x:T`), if any. */
  readonly typeAt: number | undefined;
  /** True when a colon marks the annotation (then it is one whatever it looks like). */
  readonly explicit: boolean;
  /** True when the element at `at` is a glued symbol (`x:int`, `x:`). */
  readonly glued: boolean;
  /** Index of the next element after the pattern and its annotation. */
  readonly next: number;
}

/**
 * The pattern at `i` and its annotation. With `implicit`, a type expression right
 * after the pattern is taken as an annotation (callers that must backtrack, such as
 * binding vectors, ask both ways).
 */
export function annotatedAt(items: RVector, i: number, implicit: boolean): Annotated {
  const p = items.get(i) as Value;
  const g = splitGlued(p);
  if (g !== undefined) {
    return g.type !== undefined
      ? {
          at: i,
          pattern: g.name,
          type: g.type,
          typeAt: i,
          explicit: true,
          glued: true,
          next: i + 1,
        }
      : {
          at: i,
          pattern: g.name,
          type: items.get(i + 1) ?? null,
          typeAt: i + 1,
          explicit: true,
          glued: true,
          next: i + 2,
        };
  }
  const after = items.get(i + 1);
  if (isColon(after)) {
    const type = items.get(i + 2) ?? null;
    return { at: i, pattern: p, type, typeAt: i + 2, explicit: true, glued: false, next: i + 3 };
  }
  if (implicit && after !== undefined && isTypeExpr(after)) {
    const next = i + 2;
    return { at: i, pattern: p, type: after, typeAt: i + 1, explicit: false, glued: false, next };
  }
  const none = { type: undefined, typeAt: undefined, explicit: false, glued: false };
  return { at: i, pattern: p, ...none, next: i + 1 };
}

/** The span of an annotated element's pattern (a glued symbol's name part). */
export function patternSpan(items: RVector, a: Annotated, fallback?: Span): Span | undefined {
  const s = childSpan(items.span, a.at) ?? fallback;
  return a.glued ? gluedSpans(s, { name: a.pattern as Sym, type: undefined }).name : s;
}

/** The span of an annotated element's type. */
export function typeSpan(items: RVector, a: Annotated, fallback?: Span): Span | undefined {
  if (a.typeAt === undefined) return undefined;
  const s = childSpan(items.span, a.typeAt) ?? fallback;
  if (a.typeAt !== a.at) return s;
  return gluedSpans(s, { name: a.pattern as Sym, type: a.type }).type ?? s;
}

export interface BindingSlice extends Annotated {
  /** Index of the value. */
  readonly valueAt: number;
}

/**
 * Splits `[p v p :T v p : T v x:T v …]` into bindings, preferring an implicit
 * annotation when both readings parse; undefined when no reading parses.
 */
export function sliceBindings(bv: RVector): BindingSlice[] | undefined {
  const n = bv.count;
  const memo = new Map<number, BindingSlice[] | null>();
  const go = (i: number): BindingSlice[] | null => {
    if (i === n) return [];
    const cached = memo.get(i);
    if (cached !== undefined) return cached;
    let out: BindingSlice[] | null = null;
    const first = annotatedAt(bv, i, true);
    const readings =
      first.typeAt !== undefined && !first.explicit ? [first, annotatedAt(bv, i, false)] : [first];
    for (const a of readings) {
      if (a.next >= n) continue;
      const rest = go(a.next + 1);
      if (rest !== null) {
        out = [{ ...a, valueAt: a.next }, ...rest];
        break;
      }
    }
    memo.set(i, out);
    return out;
  };
  return go(0) ?? undefined;
}

export interface ParamSlice extends Annotated {
  /** True for the pattern after `&`. */
  readonly rest: boolean;
}

/** Why a parameter vector does not parse. */
export interface BadParams {
  readonly bad: string;
  readonly at: number;
}

/** `[p :T p : T p:T & rest : T]` → its parameters, or why it does not parse. */
export function sliceParams(params: RVector): ParamSlice[] | BadParams {
  const out: ParamSlice[] = [];
  for (let i = 0; i < params.count;) {
    const p = params.get(i);
    if (p instanceof Sym && p.name === '&') {
      if (i + 1 >= params.count) return { bad: '& must be followed by a parameter', at: i };
      const a = annotatedAt(params, i + 1, true);
      if (a.next !== params.count)
        return { bad: '& must be followed by exactly one parameter', at: i };
      out.push({ ...a, rest: true });
      return out;
    }
    const a = annotatedAt(params, i, true);
    out.push({ ...a, rest: false });
    i = a.next;
  }
  return out;
}

/** A return type after the parameter vector at `at - 1`: `: T` or an implicit type. */
export function returnAnnotation(
  l: RList,
  at: number,
): { type: Value; typeAt: number; bodyAt: number } | undefined {
  const first = l.items[at];
  if (isColon(first)) return { type: l.items[at + 1] ?? null, typeAt: at + 1, bodyAt: at + 2 };
  if (first !== undefined && at + 1 < l.count && isTypeExpr(first))
    return { type: first, typeAt: at, bodyAt: at + 1 };
  return undefined;
}

/** `(def name value)`, `(def name T value)`, `(def name : T value)`, `(def name:T value)`. */
export interface DefParts {
  readonly name: Value;
  readonly nameSpan: Span | undefined;
  readonly type: Value | undefined;
  readonly typeSpan: Span | undefined;
  readonly valueAt: number;
}

export function defParts(l: RList): DefParts | undefined {
  const own: NodeSpan | undefined = l.span;
  const g = splitGlued(l.items[1]);
  if (g !== undefined) {
    const spans = gluedSpans(childSpan(own, 1), g);
    if (g.type !== undefined) {
      return l.count === 3
        ? { name: g.name, nameSpan: spans.name, type: g.type, typeSpan: spans.type, valueAt: 2 }
        : undefined;
    }
    return l.count === 4
      ? {
          name: g.name,
          nameSpan: spans.name,
          type: l.items[2] as Value,
          typeSpan: childSpan(own, 2),
          valueAt: 3,
        }
      : undefined;
  }
  const name = l.items[1] as Value;
  const nameSpan = childSpan(own, 1);
  if (isColon(l.items[2])) {
    return l.count === 5
      ? { name, nameSpan, type: l.items[3] as Value, typeSpan: childSpan(own, 3), valueAt: 4 }
      : undefined;
  }
  if (l.count === 3) return { name, nameSpan, type: undefined, typeSpan: undefined, valueAt: 2 };
  if (l.count === 4)
    return { name, nameSpan, type: l.items[2] as Value, typeSpan: childSpan(own, 2), valueAt: 3 };
  return undefined;
}
