/**
 * `(try body… (catch Selector e body…)… (finally body…)?)` and `(throw value)`.
 *
 * Catch clauses: `(catch e body…)` catches everything and binds `e` (so `(catch e e)`
 * works); `(catch Sel e body…)` catches errors whose code matches `Sel`: a keyword
 * (`:runtime/division-by-zero`, or just `:division-by-zero`), or a symbol in CamelCase
 * (`DivisionByZero`, `TypeError`); `Exception`, `Error`, `Throwable`, `:default`,
 * `:any`, `_` and Java exception names (`ArithmeticException`) catch everything.
 */
import { childSpan, type Span } from '../source/index.js';
import { type Value, type RList, Keyword, Sym } from '../data/index.js';
import type { CatchClause, CatchSelector, Node } from './nodes.js';
import type { BlockScope } from './scope.js';

export interface TryHooks {
  analyze(form: Value, span: Span | undefined, scope: BlockScope, tail: boolean): Node;
  body(l: RList, from: number, span: Span | undefined, scope: BlockScope): Node;
  fail(message: string, span: Span | undefined): never;
}

const CATCH_ALL = new Set([
  'exception',
  'error',
  'throwable',
  'default',
  'any',
  'all',
  '_',
  'runtime-error',
]);

function isHead(form: Value, name: string): form is RList {
  return (
    typeof form === 'object' &&
    form !== null &&
    form.kind === 'list' &&
    form.items[0] instanceof Sym &&
    form.items[0].name === name
  );
}

export function analyzeTry(
  l: RList,
  span: Span | undefined,
  scope: BlockScope,
  hooks: TryHooks,
): Node {
  let i = 1;
  const bodyForms: number[] = [];
  while (
    i < l.count &&
    !isHead(l.items[i] as Value, 'catch') &&
    !isHead(l.items[i] as Value, 'finally')
  ) {
    bodyForms.push(i++);
  }
  const catches: CatchClause[] = [];
  let fin: Node | undefined;
  for (; i < l.count; i++) {
    const clause = l.items[i] as Value;
    const cs = childSpan(l.span, i) ?? span;
    if (isHead(clause, 'catch')) {
      if (fin !== undefined) hooks.fail('catch must come before finally', cs);
      catches.push(analyzeCatch(clause, cs, scope, hooks));
    } else if (isHead(clause, 'finally')) {
      if (fin !== undefined) hooks.fail('try has more than one finally', cs);
      fin = hooks.body(clause, 1, cs, scope.child());
    } else {
      hooks.fail('only catch and finally clauses may follow them in a try', cs);
    }
  }
  const inner = scope.child();
  const nodes = bodyForms.map((k) =>
    hooks.analyze(l.items[k] as Value, childSpan(l.span, k) ?? span, inner, false),
  );
  const body: Node =
    nodes.length === 0
      ? { kind: 'const', value: null, span }
      : nodes.length === 1
        ? (nodes[0] as Node)
        : { kind: 'do', body: nodes, span };
  return { kind: 'try', body, catches, finally: fin, span };
}

function analyzeCatch(
  c: RList,
  span: Span | undefined,
  scope: BlockScope,
  hooks: TryHooks,
): CatchClause {
  const a = c.items[1];
  const b = c.items[2];
  if (c.count < 3)
    hooks.fail('catch needs a binding and a body: (catch e body…) or (catch Type e body…)', span);
  let selector: CatchSelector = { kind: 'all' };
  let bindAt = 1;
  if (a instanceof Keyword || (a instanceof Sym && b instanceof Sym && c.count > 3)) {
    selector = toSelector(a as Keyword | Sym);
    bindAt = 2;
  }
  const name = c.items[bindAt];
  if (!(name instanceof Sym))
    return hooks.fail('catch binds the error to a symbol', childSpan(c.span, bindAt) ?? span);
  const inner = scope.child();
  const slot = name.name === '_' ? -1 : inner.bind(name.name);
  return { selector, slot, body: hooks.body(c, bindAt + 1, span, inner) };
}

function kebab(s: string): string {
  return s.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

function toSelector(x: Keyword | Sym): CatchSelector {
  const name = x.name;
  // Java class names (ArithmeticException, RuntimeException …) catch everything, as every
  // symbol does in the reference: no RTFS error code is spelt so.
  if (CATCH_ALL.has(kebab(name)) || (x instanceof Sym && name.endsWith('Exception')))
    return { kind: 'all' };
  if (x instanceof Keyword) {
    return x.ns !== null
      ? { kind: 'code', full: name, local: x.local }
      : { kind: 'code', full: undefined, local: name };
  }
  return { kind: 'code', full: undefined, local: kebab(name) };
}
