/** `fn`/`λ`/`defn` bodies: arities, parameters (patterns, annotations), return types. */
import { childSpan, type Span } from '../source/index.js';
import { type Value, type RList, RVector, Sym } from '../data/index.js';
import { isTypeExpr, argumentContext, returnContext, type TypeAst } from '../types/index.js';
import type { Node, FnArity, Destructure } from './nodes.js';
import type { BlockScope } from './scope.js';
import { analyzePattern } from './pattern.js';
import { AnalysisCodes, fail, typeAt, checked, patternName, type Ctx } from './context.js';
import { patternHooks, slotFor } from './analyze-bindings.js';
import { body } from './analyze.js';

/** `(fn name? [params] body…)` or `(fn name? ([params] body…)+)`, from index `at`. */
export function analyzeFn(
  l: RList,
  at: number,
  defName: string | undefined,
  span: Span | undefined,
  scope: BlockScope,
  ctx: Ctx,
): Node {
  let name = defName;
  const first = l.items[at];
  if (first instanceof Sym) {
    name = first.name;
    at++;
  }
  const fnScope = scope.fnChild();
  const selfSlot = name !== undefined ? fnScope.bind(name) : -1;
  const arities: FnArity[] = [];
  const head = l.items[at];
  if (head instanceof RVector) {
    arities.push(analyzeArity(head, l, at + 1, span, fnScope, ctx, name));
  } else {
    for (let i = at; i < l.count; i++) {
      const clause = l.items[i];
      if (
        typeof clause !== 'object' ||
        clause === null ||
        clause.kind !== 'list' ||
        !(clause.items[0] instanceof RVector)
      ) {
        fail(
          AnalysisCodes.badForm,
          'bad fn: expected [params] body… or ([params] body…)…',
          childSpan(l.span, i) ?? span,
        );
      }
      arities.push(
        analyzeArity(clause.items[0], clause, 1, clause.span ?? span, fnScope.child(), ctx, name),
      );
    }
  }
  if (arities.length === 0) fail(AnalysisCodes.badForm, 'bad fn: missing parameter vector', span);
  return { kind: 'fn', name, selfSlot, frameSize: fnScope.frame.size, arities, span };
}

export function analyzeArity(
  params: RVector,
  l: RList,
  bodyAt: number,
  span: Span | undefined,
  scope: BlockScope,
  ctx: Ctx,
  fnName: string | undefined,
): FnArity {
  const inner = scope.child();
  const hooks = patternHooks(inner, ctx);
  let fixed = 0;
  let rest = false;
  const paramSlots: number[] = [];
  const destructure: Destructure[] = [];
  const checks: Node[] = [];
  const at = (i: number): Span | undefined => childSpan(params.span, i) ?? span;
  /** A type annotation after the parameter at `i`, recorded as a check of its slot. */
  const annotate = (i: number, slot: number, name: string, restArg: boolean): number => {
    const t = params.get(i + 1);
    if (t === undefined || !isTypeExpr(t)) return i;
    const type = typeAt(t, at(i + 1));
    const local: Node = { kind: 'local', ref: { depth: 0, slot }, name, span: at(i) };
    const context = restArg
      ? `the rest arguments of ${fnName ?? 'an anonymous fn'}`
      : argumentContext(name, fnName);
    const full: TypeAst = restArg
      ? { kind: 'optional', inner: { kind: 'list', element: type } }
      : type;
    checks.push({ kind: 'check', expr: local, type: full, context, span: at(i) });
    return i + 1;
  };
  for (let i = 0; i < params.count; i++) {
    const p = params.get(i) as Value;
    if (p instanceof Sym && p.name === '&') {
      const last = params.get(i + 2);
      if (
        i + 2 !== params.count &&
        !(i + 3 === params.count && last !== undefined && isTypeExpr(last))
      ) {
        fail(AnalysisCodes.badForm, '& must be followed by exactly one parameter', at(i));
      }
      const pattern = analyzePattern(params.get(i + 1) as Value, at(i + 1), inner, hooks);
      const slot = slotFor(pattern, inner, destructure);
      paramSlots.push(slot);
      annotate(i + 1, slot, patternName(params.get(i + 1) as Value), true);
      rest = true;
      break;
    }
    const slot = slotFor(analyzePattern(p, at(i), inner, hooks), inner, destructure);
    paramSlots.push(slot);
    i = annotate(i, slot, patternName(p), false);
    fixed++;
  }
  let retType: TypeAst | undefined;
  const maybeRet = l.items[bodyAt];
  if (maybeRet !== undefined && bodyAt + 1 < l.count && isTypeExpr(maybeRet)) {
    retType = typeAt(maybeRet, childSpan(l.span, bodyAt) ?? span);
    bodyAt++;
  }
  const saved = ctx.recurSlots;
  ctx.recurSlots = paramSlots;
  let b = body(l, bodyAt, span, inner, ctx, true);
  ctx.recurSlots = saved;
  b = checked(b, retType, returnContext(fnName), span);
  if (checks.length > 0) b = { kind: 'do', body: [...checks, b], span };
  return { params: { fixed, rest }, paramSlots, destructure, body: b };
}
