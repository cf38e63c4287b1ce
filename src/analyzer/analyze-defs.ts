/**
 * The definers: `def` (with every annotation spelling of its name, analyzer/annotations.ts),
 * `defn`, `defmacro` and `defstruct`. A `def` anywhere (inside a body too) declares
 * its global at once, so the forms analyzed after it may name it (Var.declared).
 */
import { childSpan, type Span } from '../source/index.js';
import { SyntaxCodes } from '../diagnostics/index.js';
import { type Value, RList, Keyword, RVector, Sym } from '../data/index.js';
import { defContext } from '../types/index.js';
import type { Node } from './nodes.js';
import type { BlockScope } from './scope.js';
import { AnalysisCodes, declare, fail, typeAt, checked, type Ctx } from './context.js';
import { analyzeFn } from './analyze-fn.js';
import { defParts } from './annotations.js';
import { analyze, sub } from './analyze.js';

/** A `:` (or `x:`) where no annotation can be: the reader's errors, with a hint. */
export function misplacedAnnotation(s: Sym, span: Span | undefined): never {
  const where =
    'a type annotation follows a parameter, a let binding or a def name, as in [x : Int]';
  return s.name === ':'
    ? fail(SyntaxCodes.invalidKeyword, `a keyword needs a name after ':' (${where})`, span)
    : fail(
        SyntaxCodes.invalidSymbol,
        `invalid symbol '${s.name}': a ':' must be followed by a name (${where})`,
        span,
      );
}

/** `(def name value)`, `(def name :T value)`, `(def name : T value)`, `(def name:T value)`. */
export function analyzeDef(l: RList, span: Span | undefined, scope: BlockScope, ctx: Ctx): Node {
  const parts = defParts(l);
  if (parts === undefined)
    fail(
      AnalysisCodes.badForm,
      'bad form: expected (def name value) or (def name :Type value)',
      span,
    );
  if (!(parts.name instanceof Sym))
    fail(AnalysisCodes.badForm, 'def needs a symbol name', parts.nameSpan ?? span);
  if (parts.name.name.endsWith(':')) misplacedAnnotation(parts.name, parts.nameSpan ?? span);
  const name = parts.name.name;
  const cell = ctx.globals.intern(name);
  declare(ctx, cell);
  const type = parts.type === undefined ? undefined : typeAt(parts.type, parts.typeSpan ?? span);
  const init = checked(sub(l, parts.valueAt, scope, ctx, false), type, defContext(name), span);
  return { kind: 'def', cell, init, macro: false, span };
}

/** `(defn name "doc"? [params] body…)` and `defmacro` (a function called on forms). */
export function analyzeDefn(
  l: RList,
  span: Span | undefined,
  scope: BlockScope,
  ctx: Ctx,
  macro: boolean,
): Node {
  const name = symbolAt(l, 1, span, macro ? 'defmacro' : 'defn');
  const cell = ctx.globals.intern(name);
  // A macro is usable only once it has run (at top level), so it is not declared.
  if (!macro) declare(ctx, cell);
  let at = 2;
  if (typeof l.items[at] === 'string' && l.count > at + 1) cell.doc = l.items[at++] as string;
  return { kind: 'def', cell, init: analyzeFn(l, at, name, span, scope, ctx), macro, span };
}

/** `(defstruct Name :k1 T1 :k2 T2 …)` → `(def Name (fn Name [m [:map [:k1 T1] …]] m))`. */
export function analyzeDefstruct(
  l: RList,
  span: Span | undefined,
  scope: BlockScope,
  ctx: Ctx,
): Node {
  const name = symbolAt(l, 1, span, 'defstruct');
  if ((l.count - 2) % 2 !== 0)
    fail(AnalysisCodes.badForm, 'defstruct takes field/type pairs: (defstruct Name :k :T …)', span);
  const entries: Value[] = [Keyword.of('map')];
  for (let i = 2; i < l.count; i += 2) {
    const k = l.items[i];
    if (!(k instanceof Keyword))
      fail(
        AnalysisCodes.badForm,
        'defstruct field names are keywords',
        childSpan(l.span, i) ?? span,
      );
    entries.push(RVector.of(k, l.items[i + 1] as Value));
  }
  const m = Sym.of('m');
  const fnForm = RList.of(Sym.of('fn'), Sym.of(name), RVector.of(m, RVector.from(entries)), m);
  return analyze(RList.of(Sym.of('def'), Sym.of(name), fnForm), span, scope, ctx, false);
}

function symbolAt(l: RList, i: number, span: Span | undefined, form: string): string {
  const s = l.items[i];
  if (!(s instanceof Sym))
    fail(AnalysisCodes.badForm, `${form} needs a symbol name`, childSpan(l.span, i) ?? span);
  return s.name;
}
