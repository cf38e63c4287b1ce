/**
 * `let` and `loop`: sequential bindings with destructuring, optional type annotations
 * (recognised only when the rest still parses), and letrec for runs of local fns.
 */
import { childSpan, type Span } from '../source/index.js';
import { type Value, type RList, Keyword, RFloat, RVector, Sym } from '../data/index.js';
import { parseTypeExpr, letContext, type TypeAst } from '../types/index.js';
import type { Node, Binding, Destructure } from './nodes.js';
import type { BlockScope } from './scope.js';
import { analyzePattern, type Pattern, type PatternHooks } from './pattern.js';
import { sliceBindings, patternSpan, typeSpan, type BindingSlice } from './annotations.js';
import {
  AnalysisCodes,
  AnalysisFailure,
  fail,
  typeAt,
  checked,
  patternName,
  type Ctx,
} from './context.js';
import { analyze, body } from './analyze.js';
import { freshRange } from './fresh-frames.js';

export function patternHooks(scope: BlockScope, ctx: Ctx): PatternHooks {
  return {
    fail: (message, span) => fail(AnalysisCodes.badForm, message, span),
    analyzeDefault: (form, span) => analyze(form, span, scope, ctx, false),
  };
}

/** When bindings do not parse, a keyword that is not a type is the likely culprit. */
export function reportBadAnnotation(bv: RVector, span: Span | undefined): void {
  for (let i = 1; i < bv.count; i++) {
    const x = bv.get(i) as Value;
    if (x instanceof Keyword || (x instanceof RVector && x.get(0) instanceof Keyword)) {
      const r = parseTypeExpr(x, childSpan(bv.span, i) ?? span);
      if ('diagnostic' in r) throw new AnalysisFailure(r.diagnostic);
    }
  }
}

export function isFnBinding(bv: RVector, sl: BindingSlice): boolean {
  const init = bv.get(sl.valueAt);
  const head =
    typeof init === 'object' && init !== null && init.kind === 'list' ? init.items[0] : undefined;
  return (
    sl.pattern instanceof Sym && head instanceof Sym && (head.name === 'fn' || head.name === 'λ')
  );
}

/** A pattern bound through a slot: simple symbols use their own slot. */
export function slotFor(pattern: Pattern, scope: BlockScope, destructure: Destructure[]): number {
  if (pattern.kind === 'slot') return pattern.slot;
  const slot = scope.frame.allocate();
  destructure.push({ pattern, slot });
  return slot;
}

/**
 * A number (integer or float), string, keyword, boolean or nil literal: a `let` local bound to one is read
 * as the literal itself (ADR 0050), so compiled code sees a constant (`mod`'s divisor, a
 * loop's bound). Collections and quoted forms stay locals.
 */
function isLiteral(n: Node): n is Extract<Node, { kind: 'const' }> {
  if (n.kind !== 'const') return false;
  const v = n.value;
  return (
    v === null ||
    typeof v === 'number' ||
    typeof v === 'bigint' ||
    typeof v === 'string' ||
    typeof v === 'boolean' ||
    v instanceof RFloat ||
    v instanceof Keyword
  );
}

export function analyzeBindings(
  kind: 'let' | 'loop',
  l: RList,
  span: Span | undefined,
  scope: BlockScope,
  ctx: Ctx,
  tail: boolean,
): Node {
  const bv = l.items[1];
  const slices = bv instanceof RVector ? sliceBindings(bv) : undefined;
  if (!(bv instanceof RVector) || slices === undefined) {
    if (bv instanceof RVector) reportBadAnnotation(bv, span);
    return fail(
      AnalysisCodes.badForm,
      `bad form: expected (${kind} [pattern value …] body…)`,
      span,
    );
  }
  const inner = scope.child();
  const from = inner.frame.size;
  const hooks = patternHooks(inner, ctx);
  const bindings: Binding[] = [];
  const prebound = new Map<number, Pattern>();
  const loopChecks: { index: number; type: TypeAst; context: string; span: Span | undefined }[] =
    [];
  const at = (i: number): Span | undefined => childSpan(bv.span, i) ?? span;
  for (let k = 0; k < slices.length; k++) {
    const sl = slices[k] as (typeof slices)[number];
    // A run of `name (fn …)` bindings is bound first, so the fns can call each other.
    if (kind === 'let' && !prebound.has(sl.at) && isFnBinding(bv, sl)) {
      for (let j = k; j < slices.length; j++) {
        const sj = slices[j] as (typeof slices)[number];
        if (!isFnBinding(bv, sj)) break;
        prebound.set(sj.at, analyzePattern(sj.pattern, patternSpan(bv, sj, span), inner, hooks));
      }
    }
    const type = sl.type === undefined ? undefined : typeAt(sl.type, typeSpan(bv, sl, span));
    const value = analyze(bv.get(sl.valueAt) as Value, at(sl.valueAt), inner, ctx, false);
    const context = letContext(patternName(sl.pattern));
    // A loop checks its annotations at the top of every iteration (so recur values too).
    const init = kind === 'loop' ? value : checked(value, type, context, at(sl.valueAt));
    const pattern =
      prebound.get(sl.at) ?? analyzePattern(sl.pattern, patternSpan(bv, sl, span), inner, hooks);
    bindings.push({ pattern, init });
    if (kind === 'let' && pattern.kind === 'slot' && isLiteral(init)) {
      inner.markConstant(pattern.name, init.value);
    }
    if (kind === 'loop' && type !== undefined)
      loopChecks.push({ index: bindings.length - 1, type, context, span: at(sl.valueAt) });
  }
  if (kind === 'loop') {
    const destructure: Destructure[] = [];
    const slots = bindings.map((b) => slotFor(b.pattern, inner, destructure));
    const saved = ctx.recurSlots;
    ctx.recurSlots = slots;
    let b = body(l, 2, span, inner, ctx, true);
    ctx.recurSlots = saved;
    if (loopChecks.length > 0) {
      const checks: Node[] = loopChecks.map((c) => ({
        kind: 'check',
        expr: {
          kind: 'local',
          ref: { depth: 0, slot: slots[c.index] as number },
          name: '',
          span: c.span,
        },
        type: c.type,
        context: c.context,
        span: c.span,
      }));
      b = { kind: 'do', body: [...checks, b], span };
    }
    const inits = bindings.map((x) => x.init);
    const fresh = freshRange([...inits, b], from, inner.frame.size);
    return { kind: 'loop', slots, inits, destructure, body: b, fresh, span };
  }
  return { kind: 'let', bindings, body: body(l, 2, span, inner, ctx, tail), span };
}
