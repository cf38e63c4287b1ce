/**
 * The analyzer: RTFS data → {@link Node}. Special forms are recognised by whole-symbol
 * equality, locals are resolved to frame slots, globals to cells, and `recur` is
 * checked to be in tail position — all once, before anything runs.
 */
import { childSpan, type Span } from '../source/index.js';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import { type Value, RList, Keyword, RVector, RMap, Sym } from '../data/index.js';
import type { Node, MatchClause, Var } from './nodes.js';
import { BlockScope, FrameScope } from './scope.js';
import type { Globals } from './globals.js';
import { AnalysisCodes, AnalysisFailure, fail, type Ctx } from './context.js';
import { analyzeBindings, patternHooks } from './analyze-bindings.js';
import { analyzeFn } from './analyze-fn.js';
import { analyzeTry, type TryHooks } from './analyze-try.js';
import { analyzeMatchPattern } from './match-pattern.js';
import { expandQuasiquote } from './quasiquote.js';
import { analyzeStep, analyzeFor, analyzeDotimes, type FormHooks } from './analyze-steps.js';
import { analyzePlan, stepResult } from './analyze-plan.js';
import { isPlanMap } from './plan-form.js';
import { analyzeDef, analyzeDefn, analyzeDefstruct } from './analyze-defs.js';
import { boundedIdiom } from './bounded-idioms.js';
import { analyzeCapabilityForm } from './analyze-capability.js';
import { analyzeSymbol, getShorthand } from './analyze-symbol.js';

export { AnalysisCodes } from './context.js';

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
  const declared: Var[] = [];
  try {
    const ctx: Ctx = {
      globals,
      recurSlots: undefined,
      spanHint: span,
      steps: globals.steps,
      declared,
    };
    const node = isPlanMap(form)
      ? analyzePlan(form, span, scope, ctx, (f, s, sc, c) => analyze(f, s, sc, c, false))
      : analyze(form, span, scope, ctx, false);
    return { node, frameSize: frame.size, diagnostics: [] };
  } catch (e) {
    for (const cell of declared) cell.declared = false;
    if (e instanceof AnalysisFailure)
      return { node: undefined, frameSize: 0, diagnostics: [e.diagnostic] };
    // Code nested deeper than the analyzer's stack (a macro's 5,000-deep output).
    if (e instanceof RangeError && span !== undefined)
      return {
        node: undefined,
        frameSize: 0,
        diagnostics: [
          diagnostic(
            AnalysisCodes.tooDeep,
            'analysis',
            'the form is nested too deeply to analyze (after macro expansion)',
            span,
          ),
        ],
      };
    throw e;
  }
}

export function analyze(
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

function allConst(items: readonly Node[]): boolean {
  // A literal local's read stays an item (ADR 0050): `[n n]` is built as before.
  return items.every((n) => n.kind === 'const' && n.local === undefined);
}

/** The value of a node known to be a constant (`'(2)` inside `[1 '(2)]` is `(2)`). */
function constValue(n: Node): Value {
  return n.kind === 'const' ? n.value : null;
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
  // (or) is false, as in the reference (Clojure gives nil; both are falsy).
  or: (l, span, scope, ctx) =>
    l.count === 1
      ? { kind: 'const', value: false, span }
      : { kind: 'or', items: subs(l, 1, scope, ctx), span },
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
  for: (l, span, scope, ctx) => analyzeFor(l, span, scope, formHooks(ctx), 'for'),
  doseq: (l, span, scope, ctx) => analyzeFor(l, span, scope, formHooks(ctx), 'doseq'),
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
  capability: (l, span, scope, ctx) =>
    analyzeCapabilityForm(l, span, (i) => sub(l, i, scope, ctx, false)),
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
  // (resource:ref "name") is @name (the reference's spelling of a host context read).
  'resource:ref': (l, span) => {
    const name = l.items[1];
    if (l.count !== 2 || typeof name !== 'string')
      fail(AnalysisCodes.badForm, 'bad form: expected (resource:ref "name")', span);
    return { kind: 'context', name, span };
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
  def: analyzeDef,
  defn: (l, span, scope, ctx) => analyzeDefn(l, span, scope, ctx, false),
  defmacro: (l, span, scope, ctx) => analyzeDefn(l, span, scope, ctx, true),
  defstruct: analyzeDefstruct,
  plan: (l, span, scope, ctx) =>
    analyzePlan(l, span, scope, ctx, (f, s, sc, c) => analyze(f, s, sc, c, false)),
  'step-result': (l, span, scope, ctx) => {
    const name = l.items[1];
    if (l.count !== 2 || typeof name !== 'string')
      fail(AnalysisCodes.badForm, 'bad form: expected (step-result "step-id")', span);
    return stepResult(name, span, ctx.steps);
  },
  quasiquote: (l, span, scope, ctx) => {
    arity(l, span, 2, 2, '(quasiquote form)');
    return analyze(expandQuasiquote(l.items[1] as Value), span, scope, ctx, false);
  },
};

/** The names of the special forms (for editors: completion, highlighting). */
export function specialFormNames(): string[] {
  return Object.keys(SPECIALS);
}

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
    steps: ctx.steps,
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

export function sub(l: RList, i: number, scope: BlockScope, ctx: Ctx, tail: boolean): Node {
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
    // An exhausted budget (or Ctrl-C) keeps its own code: runtime/step-limit-exceeded, …
    const code = fatalCode(e) ?? AnalysisCodes.macro;
    return fail(code, `expanding macro ${cell.name} failed: ${message}`, span);
  }
}

/** The code of a fatal runtime error (an exhausted budget), read without importing the runtime. */
function fatalCode(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const { fatal, code } = e as { fatal?: unknown; code?: unknown };
  return fatal === true && typeof code === 'string' ? code : undefined;
}

function subs(l: RList, from: number, scope: BlockScope, ctx: Ctx): Node[] {
  const out: Node[] = [];
  for (let i = from; i < l.count; i++) out.push(sub(l, i, scope, ctx, false));
  return out;
}

export function body(
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
    const bounded = boundedIdiom(l, scope, ctx);
    if (bounded !== undefined) return analyze(bounded, span, scope, ctx, tail);
    const cell = ctx.globals.lookup(head.name);
    if (cell?.macro === true) {
      const expansion = expandMacro(cell, l, span);
      return withSpan(ctx, span, () => analyze(expansion, span, scope, ctx, tail));
    }
  }
  return { kind: 'call', fn: sub(l, 0, scope, ctx, false), args: subs(l, 1, scope, ctx), span };
}
