/**
 * `match` patterns: literals (compared with `=`, so `1.0` does not match `1`), `_`,
 * symbol binders, vectors (exact length, or `[h & t]`), maps (open: the listed keys
 * must be present, others are allowed; `{:k p & rest}`), `(:as name pattern)`,
 * and `'sym` for a literal symbol. Guards (`pattern when test body`) live in the clause.
 */
import { childSpan, type Span } from '../source/index.js';
import { type Value, RList, RVector, Sym, Keyword } from '../data/index.js';
import type { BlockScope } from './scope.js';

export type MatchPattern =
  | { readonly kind: 'any' }
  | { readonly kind: 'bind'; readonly slot: number }
  | { readonly kind: 'lit'; readonly value: Value }
  | {
      readonly kind: 'vector';
      readonly items: readonly MatchPattern[];
      readonly rest: MatchPattern | undefined;
    }
  | {
      readonly kind: 'map';
      readonly entries: readonly { readonly key: Value; readonly pattern: MatchPattern }[];
      readonly rest: number | undefined;
    }
  | { readonly kind: 'as'; readonly slot: number; readonly pattern: MatchPattern };

const AS = Keyword.of('as');

export function analyzeMatchPattern(
  form: Value,
  span: Span | undefined,
  scope: BlockScope,
  fail: (message: string, span: Span | undefined) => never,
): MatchPattern {
  if (form instanceof Sym) {
    if (form.name === '_') return { kind: 'any' };
    if (form.name === '&')
      fail("'&' must be followed by a pattern, inside a vector or map pattern", span);
    return { kind: 'bind', slot: scope.bind(form.name) };
  }
  if (form instanceof RVector) {
    const items: MatchPattern[] = [];
    let rest: MatchPattern | undefined;
    for (let i = 0; i < form.count; i++) {
      const x = form.get(i) as Value;
      if (x instanceof Sym && x.name === '&') {
        if (i + 2 !== form.count)
          fail(
            '& must be followed by exactly one pattern at the end',
            childSpan(form.span, i) ?? span,
          );
        rest = analyzeMatchPattern(
          form.get(i + 1) as Value,
          childSpan(form.span, i + 1) ?? span,
          scope,
          fail,
        );
        break;
      }
      items.push(analyzeMatchPattern(x, childSpan(form.span, i) ?? span, scope, fail));
    }
    return { kind: 'vector', items, rest };
  }
  if (typeof form === 'object' && form !== null && form.kind === 'map') {
    const flat = form.toFlat();
    const entries: { key: Value; pattern: MatchPattern }[] = [];
    let rest: number | undefined;
    for (let i = 0; i < flat.length; i += 2) {
      const k = flat[i] as Value;
      const v = flat[i + 1] as Value;
      if (k instanceof Sym && k.name === '&') {
        if (!(v instanceof Sym)) fail('& in a map pattern must be followed by a symbol', span);
        rest = scope.bind(v.name);
        continue;
      }
      entries.push({
        key: k,
        pattern: analyzeMatchPattern(v, childSpan(form.span, i + 1) ?? span, scope, fail),
      });
    }
    return { kind: 'map', entries, rest };
  }
  if (form instanceof RList) {
    const head = form.items[0];
    if (head === AS && form.count === 3 && form.items[1] instanceof Sym) {
      const slot = scope.bind(form.items[1].name);
      return {
        kind: 'as',
        slot,
        pattern: analyzeMatchPattern(
          form.items[2] as Value,
          childSpan(form.span, 2) ?? span,
          scope,
          fail,
        ),
      };
    }
    if (head instanceof Sym && head.name === 'quote' && form.count === 2)
      return { kind: 'lit', value: form.items[1] as Value };
    return fail('a list pattern must be (:as name pattern) or a quoted literal', span);
  }
  return { kind: 'lit', value: form };
}
