/** What every part of the analyzer shares: codes, the failure it throws, its context. */
import type { Span } from '../source/index.js';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import { type Value, Sym, printValue } from '../data/index.js';
import { parseTypeExpr, type TypeAst } from '../types/index.js';
import type { Globals } from './globals.js';
import type { Node, Var } from './nodes.js';

export const AnalysisCodes = {
  badForm: 'analysis/bad-special-form',
  unbound: 'analysis/unbound-symbol',
  recurPosition: 'analysis/recur-not-in-tail-position',
  recurArity: 'analysis/recur-arity',
  macro: 'analysis/macro-expansion-failed',
  notExported: 'analysis/not-exported',
  unknownStep: 'analysis/unknown-step',
  forwardStep: 'analysis/forward-step-reference',
  duplicateStep: 'analysis/duplicate-step',
  badPlan: 'analysis/bad-plan',
  tooDeep: 'analysis/nesting-too-deep',
} as const;

/** The steps a `(step-result "id")` may name: those analyzed before it. */
export interface StepScope {
  /** Steps whose analysis is complete. */
  readonly done: Set<string>;
  /** Every step name of the enclosing plan (to tell a forward reference from a typo). */
  readonly all: ReadonlySet<string>;
  /** The plan's name, or undefined at top level. */
  readonly plan: string | undefined;
}

export class AnalysisFailure {
  constructor(readonly diagnostic: Diagnostic) {}
}

export interface Ctx {
  readonly globals: Globals;
  /** Slots of the innermost loop/fn that `recur` targets (undefined outside one). */
  recurSlots: readonly number[] | undefined;
  /** Position used for forms without one (the innermost enclosing form's). */
  spanHint: Span | undefined;
  /** Step names visible to `step-result` (the enclosing plan's, or the namespace's). */
  steps: StepScope;
  /** Cells this analysis declared (undone when it fails: nothing of it will run). */
  readonly declared: Var[];
}

/** Makes a global a `def` defines visible to the forms analyzed after it. */
export function declare(ctx: Ctx, cell: Var): void {
  if (cell.value !== undefined || cell.declared === true) return;
  cell.declared = true;
  ctx.declared.push(cell);
}

export function fail(code: string, message: string, span: Span | undefined): never {
  if (span === undefined) throw new Error(`analysis error without a span: ${message}`);
  throw new AnalysisFailure(diagnostic(code, 'analysis', message, span));
}

/** Parses the type expression at `form` or fails with its diagnostic. */
export function typeAt(form: Value, span: Span | undefined): TypeAst {
  const r = parseTypeExpr(form, span);
  if ('diagnostic' in r) throw new AnalysisFailure(r.diagnostic);
  return r.type;
}

export function checked(
  expr: Node,
  type: TypeAst | undefined,
  context: string,
  span: Span | undefined,
): Node {
  return type === undefined ? expr : { kind: 'check', expr, type, context, span };
}

export function patternName(p: Value): string {
  return p instanceof Sym ? p.name : printValue(p);
}
