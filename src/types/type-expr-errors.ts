/**
 * Failure and location helpers shared by the type-expression parser: a parse error is
 * thrown as a {@link TypeExprError} and turned into a diagnostic by `parseTypeExpr`.
 */
import { type Value, type RVector, printValue, typeName } from '../data/index.js';
import { childSpan, Source, type Span, type NodeSpan } from '../source/index.js';

export class TypeExprError {
  constructor(
    readonly message: string,
    readonly span: Span | undefined,
    readonly notes: string[] = [],
  ) {}
}

export function fail(message: string, span: Span | undefined, ...notes: string[]): never {
  throw new TypeExprError(message, span, notes);
}

export function ownSpan(form: Value): Span | undefined {
  if (typeof form === 'object' && form !== null) {
    switch (form.kind) {
      case 'vector':
      case 'list':
      case 'map':
        return form.span;
      default:
        return undefined;
    }
  }
  return undefined;
}

export function syntheticSpan(form: Value): Span {
  const text = printValue(form);
  return { source: new Source('<type>', text), start: 0, end: text.length };
}

/** The span of child `i` of a read collection, falling back to the parent's span. */
export function childAt(parent: NodeSpan | undefined, i: number, fallback: Span | undefined) {
  return childSpan(parent, i) ?? fallback;
}

export function show(form: Value): string {
  const s = printValue(form);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

export function describe(form: Value): string {
  return form === null ? 'nil' : `${typeName(form)} ${show(form)}`;
}

export function items(v: RVector): Value[] {
  return v.toArray();
}
