/** `fn`/`λ`/`defn` bodies: arities, parameters (patterns, annotations), return types. */
import { childSpan, type Span } from '../source/index.js';
import { type RList, RVector, Sym } from '../data/index.js';
import { argumentContext, returnContext, type TypeAst } from '../types/index.js';
import type { Node, FnArity, Destructure } from './nodes.js';
import type { BlockScope } from './scope.js';
import { analyzePattern } from './pattern.js';
import { AnalysisCodes, fail, typeAt, checked, patternName, type Ctx } from './context.js';
import { patternHooks, slotFor } from './analyze-bindings.js';
import { body } from './analyze.js';
import { freshArityRange } from './fresh-frames.js';
import { sliceParams, patternSpan, typeSpan, returnAnnotation } from './annotations.js';

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
  const from = inner.frame.size;
  const hooks = patternHooks(inner, ctx);
  let fixed = 0;
  let rest = false;
  const paramSlots: number[] = [];
  const destructure: Destructure[] = [];
  const checks: Node[] = [];
  const at = (i: number): Span | undefined => childSpan(params.span, i) ?? span;
  const slices = sliceParams(params);
  if (!Array.isArray(slices)) return fail(AnalysisCodes.badForm, slices.bad, at(slices.at));
  for (const p of slices) {
    const pSpan = patternSpan(params, p, span);
    const slot = slotFor(analyzePattern(p.pattern, pSpan, inner, hooks), inner, destructure);
    paramSlots.push(slot);
    if (p.rest) rest = true;
    else fixed++;
    if (p.type === undefined) continue;
    // A type annotation after a parameter: a check of its slot.
    const type = typeAt(p.type, typeSpan(params, p, span));
    const name = patternName(p.pattern);
    const local: Node = { kind: 'local', ref: { depth: 0, slot }, name, span: pSpan };
    const context = p.rest
      ? `the rest arguments of ${fnName ?? 'an anonymous fn'}`
      : argumentContext(name, fnName);
    // The type of a rest parameter is the type of each rest argument (as in the reference).
    const full: TypeAst = p.rest
      ? { kind: 'optional', inner: { kind: 'list', element: type } }
      : type;
    checks.push({ kind: 'check', expr: local, type: full, context, span: pSpan });
  }
  let retType: TypeAst | undefined;
  const ret = returnAnnotation(l, bodyAt);
  if (ret !== undefined) {
    retType = typeAt(ret.type, childSpan(l.span, ret.typeAt) ?? span);
    bodyAt = ret.bodyAt;
  }
  const saved = ctx.recurSlots;
  ctx.recurSlots = paramSlots;
  let b = body(l, bodyAt, span, inner, ctx, true);
  ctx.recurSlots = saved;
  b = checked(b, retType, returnContext(fnName), span);
  if (checks.length > 0) b = { kind: 'do', body: [...checks, b], span };
  const fresh = freshArityRange(b, from, inner.frame.size);
  return { params: { fixed, rest }, paramSlots, destructure, body: b, fresh };
}
