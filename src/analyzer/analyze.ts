/**
 * The analyzer: RTFS data → {@link Node}. Special forms are recognised by whole-symbol
 * equality, locals are resolved to frame slots, globals to cells, and `recur` is
 * checked to be in tail position — all once, before anything runs.
 */
import { childSpan, type Span } from '../source/index.js';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import { type Value, RList, Keyword, RVector, RMap, Sym, printValue } from '../data/index.js';
import type { Node, FnArity, Binding, Destructure, Var } from './nodes.js';
import { analyzePattern, type Pattern, type PatternHooks } from './pattern.js';
import { BlockScope, FrameScope } from './scope.js';
import type { Globals } from './globals.js';
import { nearest } from '../diagnostics/index.js';
import { analyzeTry, type TryHooks } from './analyze-try.js';
import { analyzeMatchPattern } from './match-pattern.js';
import { expandQuasiquote } from './quasiquote.js';
import { sliceBindings } from './annotations.js';
import {
  parseTypeExpr,
  isTypeExpr,
  argumentContext,
  returnContext,
  letContext,
  defContext,
  type TypeAst,
} from '../types/index.js';
import { analyzeStep, analyzeFor, analyzeDotimes, type FormHooks } from './analyze-steps.js';
import type { MatchClause } from './nodes.js';

export const AnalysisCodes = {
  badForm: 'analysis/bad-special-form',
  unbound: 'analysis/unbound-symbol',
  recurPosition: 'analysis/recur-not-in-tail-position',
  recurArity: 'analysis/recur-arity',
  macro: 'analysis/macro-expansion-failed',
  notExported: 'analysis/not-exported',
} as const;

class AnalysisFailure {
  constructor(readonly diagnostic: Diagnostic) {}
}

interface Ctx {
  readonly globals: Globals;
  /** Slots of the innermost loop/fn that `recur` targets (undefined outside one). */
  recurSlots: readonly number[] | undefined;
  /** Position used for forms without one (the innermost enclosing form's). */
  spanHint: Span | undefined;
}

export interface AnalyzeResult {
  readonly node: Node | undefined;
  /** Frame size the top-level code needs. */
  readonly frameSize: number;
  readonly diagnostics: Diagnostic[];
}

/** Analyzes one top-level form. */
export function analyzeTop(form: Value, span: Span | undefined, globals: Globals): AnalyzeResult {
  const frame = new FrameScope(undefined);
  const scope = new BlockScope(frame, undefined);
  try {
    const node = analyze(
      form,
      span,
      scope,
      { globals, recurSlots: undefined, spanHint: span },
      false,
    );
    return { node, frameSize: frame.size, diagnostics: [] };
  } catch (e) {
    if (e instanceof AnalysisFailure)
      return { node: undefined, frameSize: 0, diagnostics: [e.diagnostic] };
    throw e;
  }
}

function fail(code: string, message: string, span: Span | undefined): never {
  if (span === undefined) throw new Error(`analysis error without a span: ${message}`);
  throw new AnalysisFailure(diagnostic(code, 'analysis', message, span));
}

function analyze(
  form: Value,
  span: Span | undefined,
  scope: BlockScope,
  ctx: Ctx,
  tail: boolean,
): Node {
  if (typeof form !== 'object' || form === null) return { kind: 'const', value: form, span };
  switch (form.kind) {
    case 'symbol':
      return analyzeSymbol(form, span, scope, ctx);
    case 'list':
      return form.count === 0
        ? { kind: 'const', value: form, span }
        : analyzeList(form, span ?? form.span, scope, ctx, tail);
    case 'vector': {
      const items = [...form].map((x, i) => analyze(x, childSpan(form.span, i), scope, ctx, false));
      return allConst(items)
        ? { kind: 'const', value: RVector.from(items.map(constValue)), span }
        : { kind: 'vector', items, span };
    }
    case 'map': {
      const flat = form.toFlat();
      const items = flat.map((x, i) => analyze(x, childSpan(form.span, i), scope, ctx, false));
      return allConst(items)
        ? { kind: 'const', value: RMap.fromFlat(items.map(constValue)), span }
        : { kind: 'map', items, span };
    }
    default:
      return { kind: 'const', value: form, span };
  }
}

/**
 * `(get :k)`: the local or global named k, else the host's context value k, else nil
 * (the reference's one-argument `get`).
 */
function getShorthand(k: Keyword, span: Span | undefined, scope: BlockScope, ctx: Ctx): Node {
  const local = scope.resolve(k.name);
  if (local !== undefined) return { kind: 'local', ref: local, name: k.name, span };
  const cell = ctx.globals.lookup(k.name);
  if (cell !== undefined) return { kind: 'global', cell, span };
  return { kind: 'context', name: k.name, optional: true, span };
}

function allConst(items: readonly Node[]): boolean {
  return items.every((n) => n.kind === 'const');
}

/** The value of a node known to be a constant (`'(2)` inside `[1 '(2)]` is `(2)`). */
function constValue(n: Node): Value {
  return n.kind === 'const' ? n.value : null;
}

function analyzeSymbol(s: Sym, span: Span | undefined, scope: BlockScope, ctx: Ctx): Node {
  const local = scope.resolve(s.name);
  if (local !== undefined) return { kind: 'local', ref: local, name: s.name, span };
  const cell = ctx.globals.lookup(s.name) ?? qualified(s, span, ctx);
  if (cell !== undefined) return { kind: 'global', cell, span };
  const hint = nearest(s.name, [...scope.visibleNames(), ...ctx.globals.names()]);
  return fail(
    AnalysisCodes.unbound,
    `unbound symbol '${s.name}'${hint ? `; did you mean '${hint}'?` : ''}`,
    span,
  );
}

/** `alias/name` through an `(import m :as alias)`; unexported names are an error. */
function qualified(s: Sym, span: Span | undefined, ctx: Ctx): Var | undefined {
  if (s.ns === null) return undefined;
  const mod = ctx.globals.aliases.get(s.ns);
  if (mod === undefined) return undefined;
  const cell = mod.own(s.local);
  if (cell === undefined) {
    return fail(AnalysisCodes.unbound, `module ${mod.name} has no '${s.local}'`, span);
  }
  if (!mod.isExported(s.local)) {
    return fail(
      AnalysisCodes.notExported,
      `'${s.local}' is not exported by module ${mod.name}`,
      span,
    );
  }
  return cell;
}

type SpecialForm = (
  l: RList,
  span: Span | undefined,
  scope: BlockScope,
  ctx: Ctx,
  tail: boolean,
) => Node;

const SPECIALS: Record<string, SpecialForm> = {
  quote: (l, span) => {
    arity(l, span, 2, 2, '(quote form)');
    return { kind: 'const', value: l.items[1] as Value, span };
  },
  if: (l, span, scope, ctx, tail) => {
    arity(l, span, 3, 4, '(if test then else?)');
    return {
      kind: 'if',
      test: sub(l, 1, scope, ctx, false),
      then: sub(l, 2, scope, ctx, tail),
      else: l.count > 3 ? sub(l, 3, scope, ctx, tail) : { kind: 'const', value: null, span },
      span,
    };
  },
  do: (l, span, scope, ctx, tail) => body(l, 1, span, scope, ctx, tail),
  and: (l, span, scope, ctx) => ({ kind: 'and', items: subs(l, 1, scope, ctx), span }),
  or: (l, span, scope, ctx) => ({ kind: 'or', items: subs(l, 1, scope, ctx), span }),
  let: (l, span, scope, ctx, tail) => analyzeBindings('let', l, span, scope, ctx, tail),
  loop: (l, span, scope, ctx) => analyzeBindings('loop', l, span, scope, ctx, true),
  recur: (l, span, scope, ctx, tail) => {
    const slots = ctx.recurSlots;
    if (!tail || slots === undefined) {
      return fail(
        AnalysisCodes.recurPosition,
        'recur must be in tail position of a loop or fn',
        span,
      );
    }
    if (l.count - 1 !== slots.length) {
      fail(
        AnalysisCodes.recurArity,
        `recur expects ${slots.length} arguments, got ${l.count - 1}`,
        span,
      );
    }
    return { kind: 'recur', args: subs(l, 1, scope, ctx), slots, span };
  },
  try: (l, span, scope, ctx) => analyzeTry(l, span, scope, tryHooks(ctx)),
  throw: (l, span, scope, ctx) => {
    arity(l, span, 2, 2, '(throw value)');
    return { kind: 'throw', value: sub(l, 1, scope, ctx, false), span };
  },
  match: (l, span, scope, ctx, tail) => analyzeMatch(l, span, scope, ctx, tail),
  for: (l, span, scope, ctx) => analyzeFor(l, span, scope, formHooks(ctx)),
  dotimes: (l, span, scope, ctx) => analyzeDotimes(l, span, scope, formHooks(ctx)),
  step: (l, span, scope, ctx) => analyzeStep('step', l, span, scope, formHooks(ctx)),
  'step-if': (l, span, scope, ctx) => analyzeStep('step-if', l, span, scope, formHooks(ctx)),
  'step-loop': (l, span, scope, ctx) => analyzeStep('step-loop', l, span, scope, formHooks(ctx)),
  'step-parallel': (l, span, scope, ctx) =>
    analyzeStep('step-parallel', l, span, scope, formHooks(ctx)),
  call: (l, span, scope, ctx) => {
    if (l.count < 2)
      fail(AnalysisCodes.badForm, 'bad form: expected (call "capability.id" arg…)', span);
    return {
      kind: 'capability',
      id: sub(l, 1, scope, ctx, false),
      args: subs(l, 2, scope, ctx),
      span,
    };
  },
  defcapability: (l, span, scope, ctx) => {
    arity(
      l,
      span,
      4,
      4,
      '(defcapability "id" {:input-schema … :output-schema … :effects […]} (fn [input] …))',
    );
    return {
      kind: 'defcapability',
      id: sub(l, 1, scope, ctx, false),
      spec: sub(l, 2, scope, ctx, false),
      impl: sub(l, 3, scope, ctx, false),
      span,
    };
  },
  deref: (l, span, scope, ctx) => {
    arity(l, span, 2, 2, '(deref x) or @x');
    const x = l.items[1];
    if (
      x instanceof Sym &&
      scope.resolve(x.name) === undefined &&
      ctx.globals.lookup(x.name) === undefined
    ) {
      return { kind: 'context', name: x.name, span };
    }
    if (x instanceof Keyword) return { kind: 'context', name: x.name, span };
    return sub(l, 1, scope, ctx, false);
  },
  fn: (l, span, scope, ctx) => analyzeFn(l, 1, undefined, span, scope, ctx),
  λ: (l, span, scope, ctx) => analyzeFn(l, 1, undefined, span, scope, ctx),
  def: (l, span, scope, ctx) => {
    arity(l, span, 3, 4, '(def name value) or (def name :Type value)');
    const name = symbolAt(l, 1, span, 'def');
    const cell = ctx.globals.intern(name);
    const type =
      l.count === 4 ? typeAt(l.items[2] as Value, childSpan(l.span, 2) ?? span) : undefined;
    const init = checked(sub(l, l.count - 1, scope, ctx, false), type, defContext(name), span);
    return { kind: 'def', cell, init, macro: false, span };
  },
  defn: (l, span, scope, ctx) => {
    const name = symbolAt(l, 1, span, 'defn');
    const cell = ctx.globals.intern(name);
    let at = 2;
    if (typeof l.items[at] === 'string' && l.count > at + 1) cell.doc = l.items[at++] as string;
    return {
      kind: 'def',
      cell,
      init: analyzeFn(l, at, name, span, scope, ctx),
      macro: false,
      span,
    };
  },
  defstruct: (l, span, scope, ctx) => {
    // (defstruct Name :k1 T1 :k2 T2 …) → (def Name (fn Name [m [:map [:k1 T1] …]] m))
    const name = symbolAt(l, 1, span, 'defstruct');
    if ((l.count - 2) % 2 !== 0)
      fail(
        AnalysisCodes.badForm,
        'defstruct takes field/type pairs: (defstruct Name :k :T …)',
        span,
      );
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
  },
  defmacro: (l, span, scope, ctx) => {
    const name = symbolAt(l, 1, span, 'defmacro');
    const cell = ctx.globals.intern(name);
    let at = 2;
    if (typeof l.items[at] === 'string' && l.count > at + 1) cell.doc = l.items[at++] as string;
    return { kind: 'def', cell, init: analyzeFn(l, at, name, span, scope, ctx), macro: true, span };
  },
  quasiquote: (l, span, scope, ctx) => {
    arity(l, span, 2, 2, '(quasiquote form)');
    return analyze(expandQuasiquote(l.items[1] as Value), span, scope, ctx, false);
  },
};

/** `(match value pattern body … pattern when guard body …)` */
function analyzeMatch(
  l: RList,
  span: Span | undefined,
  scope: BlockScope,
  ctx: Ctx,
  tail: boolean,
): Node {
  if (l.count < 2)
    fail(AnalysisCodes.badForm, 'bad form: expected (match value pattern body …)', span);
  const target = sub(l, 1, scope, ctx, false);
  const clauses: MatchClause[] = [];
  const failHere = (message: string, at: Span | undefined): never =>
    fail(AnalysisCodes.badForm, message, at);
  let i = 2;
  while (i < l.count) {
    const inner = scope.child();
    const ps = childSpan(l.span, i) ?? span;
    const pattern = analyzeMatchPattern(l.items[i] as Value, ps, inner, failHere);
    i++;
    let guard: Node | undefined;
    const w = l.items[i];
    if (w instanceof Sym && w.name === 'when') {
      if (i + 2 >= l.count + 1)
        fail(AnalysisCodes.badForm, 'a guard needs a test and a body: pattern when test body', ps);
      guard = analyze(l.items[i + 1] as Value, childSpan(l.span, i + 1) ?? span, inner, ctx, false);
      i += 2;
    }
    if (i >= l.count) fail(AnalysisCodes.badForm, 'this match pattern has no body', ps);
    const bodyNode = analyze(l.items[i] as Value, childSpan(l.span, i) ?? span, inner, ctx, tail);
    i++;
    clauses.push({ pattern, guard, body: bodyNode });
  }
  return { kind: 'match', target, clauses, span };
}

function formHooks(ctx: Ctx): FormHooks {
  const inner: Ctx = { ...ctx, recurSlots: undefined };
  return {
    analyze: (form, span, scope, tail) => analyze(form, span, scope, inner, tail),
    body: (l, from, span, scope) => body(l, from, span, scope, inner, false),
    patternHooks: (scope) => patternHooks(scope, inner),
    fail: (message, span) => fail(AnalysisCodes.badForm, message, span),
  };
}

function tryHooks(ctx: Ctx): TryHooks {
  return {
    analyze: (form, span, scope, tail) =>
      analyze(form, span, scope, { ...ctx, recurSlots: undefined }, tail),
    body: (l, from, span, scope) =>
      body(l, from, span, scope, { ...ctx, recurSlots: undefined }, false),
    fail: (message, span) => fail(AnalysisCodes.badForm, message, span),
  };
}

function arity(l: RList, span: Span | undefined, min: number, max: number, shape: string): void {
  if (l.count < min || l.count > max)
    fail(AnalysisCodes.badForm, `bad form: expected ${shape}`, span);
}

function symbolAt(l: RList, i: number, span: Span | undefined, form: string): string {
  const s = l.items[i];
  if (!(s instanceof Sym))
    fail(AnalysisCodes.badForm, `${form} needs a symbol name`, childSpan(l.span, i) ?? span);
  return s.name;
}

function sub(l: RList, i: number, scope: BlockScope, ctx: Ctx, tail: boolean): Node {
  return analyze(l.items[i] as Value, childSpan(l.span, i) ?? ctx.spanHint, scope, ctx, tail);
}

/** Runs `f` with `span` as the position of forms that have none (macro output). */
function withSpan<T>(ctx: Ctx, span: Span | undefined, f: () => T): T {
  const saved = ctx.spanHint;
  if (span !== undefined) ctx.spanHint = span;
  try {
    return f();
  } finally {
    ctx.spanHint = saved;
  }
}

function expandMacro(cell: Var, l: RList, span: Span | undefined): Value {
  const macro = cell.value;
  if (typeof macro !== 'object' || macro === null || macro.kind !== 'fn' || !('invoke' in macro)) {
    return fail(AnalysisCodes.macro, `${cell.name} is not a macro function`, span);
  }
  try {
    return (macro as { invoke(args: Value[]): Value }).invoke(l.items.slice(1) as Value[]);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return fail(AnalysisCodes.macro, `expanding macro ${cell.name} failed: ${message}`, span);
  }
}

function subs(l: RList, from: number, scope: BlockScope, ctx: Ctx): Node[] {
  const out: Node[] = [];
  for (let i = from; i < l.count; i++) out.push(sub(l, i, scope, ctx, false));
  return out;
}

function body(
  l: RList,
  from: number,
  span: Span | undefined,
  scope: BlockScope,
  ctx: Ctx,
  tail: boolean,
): Node {
  const nodes: Node[] = [];
  for (let i = from; i < l.count; i++) nodes.push(sub(l, i, scope, ctx, tail && i === l.count - 1));
  if (nodes.length === 0) return { kind: 'const', value: null, span };
  if (nodes.length === 1) return nodes[0] as Node;
  return { kind: 'do', body: nodes, span };
}

/** Parses the type expression at `form` or fails with its diagnostic. */
function typeAt(form: Value, span: Span | undefined): TypeAst {
  const r = parseTypeExpr(form, span);
  if ('diagnostic' in r) throw new AnalysisFailure(r.diagnostic);
  return r.type;
}

function checked(
  expr: Node,
  type: TypeAst | undefined,
  context: string,
  span: Span | undefined,
): Node {
  return type === undefined ? expr : { kind: 'check', expr, type, context, span };
}

function patternName(p: Value): string {
  return p instanceof Sym ? p.name : printValue(p);
}

function patternHooks(scope: BlockScope, ctx: Ctx): PatternHooks {
  return {
    fail: (message, span) => fail(AnalysisCodes.badForm, message, span),
    analyzeDefault: (form, span) => analyze(form, span, scope, ctx, false),
  };
}

/** When bindings do not parse, a keyword that is not a type is the likely culprit. */
function reportBadAnnotation(bv: RVector, span: Span | undefined): void {
  for (let i = 1; i < bv.count; i++) {
    const x = bv.get(i) as Value;
    if (x instanceof Keyword || (x instanceof RVector && x.get(0) instanceof Keyword)) {
      const r = parseTypeExpr(x, childSpan(bv.span, i) ?? span);
      if ('diagnostic' in r) throw new AnalysisFailure(r.diagnostic);
    }
  }
}

function isFnBinding(bv: RVector, i: number, valueAt = i + 1): boolean {
  const init = bv.get(valueAt);
  const head =
    typeof init === 'object' && init !== null && init.kind === 'list' ? init.items[0] : undefined;
  return (
    bv.get(i) instanceof Sym && head instanceof Sym && (head.name === 'fn' || head.name === 'λ')
  );
}

/** A pattern bound through a slot: simple symbols use their own slot. */
function slotFor(pattern: Pattern, scope: BlockScope, destructure: Destructure[]): number {
  if (pattern.kind === 'slot') return pattern.slot;
  const slot = scope.frame.allocate();
  destructure.push({ pattern, slot });
  return slot;
}

function analyzeBindings(
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
  const hooks = patternHooks(inner, ctx);
  const bindings: Binding[] = [];
  const prebound = new Map<number, Pattern>();
  const loopChecks: { index: number; type: TypeAst; context: string; span: Span | undefined }[] =
    [];
  const at = (i: number): Span | undefined => childSpan(bv.span, i) ?? span;
  for (let k = 0; k < slices.length; k++) {
    const sl = slices[k] as (typeof slices)[number];
    // A run of `name (fn …)` bindings is bound first, so the fns can call each other.
    if (kind === 'let' && !prebound.has(sl.at) && isFnBinding(bv, sl.at, sl.valueAt)) {
      for (let j = k; j < slices.length; j++) {
        const sj = slices[j] as (typeof slices)[number];
        if (!isFnBinding(bv, sj.at, sj.valueAt)) break;
        prebound.set(sj.at, analyzePattern(bv.get(sj.at) as Value, at(sj.at), inner, hooks));
      }
    }
    const type =
      sl.typeAt === undefined ? undefined : typeAt(bv.get(sl.typeAt) as Value, at(sl.typeAt));
    const value = analyze(bv.get(sl.valueAt) as Value, at(sl.valueAt), inner, ctx, false);
    const context = letContext(patternName(bv.get(sl.at) as Value));
    // A loop checks its annotations at the top of every iteration (so recur values too).
    const init = kind === 'loop' ? value : checked(value, type, context, at(sl.valueAt));
    const pattern =
      prebound.get(sl.at) ?? analyzePattern(bv.get(sl.at) as Value, at(sl.at), inner, hooks);
    bindings.push({ pattern, init });
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
    return { kind: 'loop', slots, inits: bindings.map((x) => x.init), destructure, body: b, span };
  }
  return { kind: 'let', bindings, body: body(l, 2, span, inner, ctx, tail), span };
}

/** `(fn name? [params] body…)` or `(fn name? ([params] body…)+)`, from index `at`. */
function analyzeFn(
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

function analyzeArity(
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

function analyzeList(
  l: RList,
  span: Span | undefined,
  scope: BlockScope,
  ctx: Ctx,
  tail: boolean,
): Node {
  const head = l.items[0];
  if (head instanceof Sym && scope.resolve(head.name) === undefined) {
    const special = Object.hasOwn(SPECIALS, head.name) ? SPECIALS[head.name] : undefined;
    if (special !== undefined) return withSpan(ctx, span, () => special(l, span, scope, ctx, tail));
    if (head.name === 'get' && l.count === 2 && l.items[1] instanceof Keyword) {
      return getShorthand(l.items[1], span, scope, ctx);
    }
    if (head.name.length > 1 && head.name.startsWith('.') && head.name !== '..' && l.count >= 2) {
      // Method-call sugar: (.name target args…) is (name target args…).
      return analyze(
        new RList([Sym.of(head.name.slice(1)), ...l.items.slice(1)], l.span, l.meta),
        span,
        scope,
        ctx,
        tail,
      );
    }
    const cell = ctx.globals.lookup(head.name);
    if (cell?.macro === true) {
      const expansion = expandMacro(cell, l, span);
      return withSpan(ctx, span, () => analyze(expansion, span, scope, ctx, tail));
    }
  }
  return { kind: 'call', fn: sub(l, 0, scope, ctx, false), args: subs(l, 1, scope, ctx), span };
}
