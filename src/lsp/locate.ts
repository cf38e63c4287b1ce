/**
 * What is at an offset of a read document: the innermost form whose span holds it,
 * with the chain of enclosing lists (to tell `(call "id" …)` from any other string).
 */
import { type Value, RList, RMap, RVector } from '../data/index.js';
import { type NodeSpan, type Span, childSpan } from '../source/index.js';

export interface Located {
  readonly value: Value;
  readonly span: Span;
  /** Enclosing lists, innermost last, with the index of the child on the path. */
  readonly parents: readonly { readonly list: RList; readonly index: number }[];
}

function children(v: Value): Value[] | undefined {
  if (v instanceof RList) return [...v.items];
  if (v instanceof RVector) return [...v];
  if (v instanceof RMap) return v.toFlat();
  return undefined;
}

/** The innermost form at `offset` (atoms included), or undefined between forms. */
export function locate(
  forms: readonly Value[],
  spans: readonly Span[],
  offset: number,
): Located | undefined {
  const i = spans.findIndex((s) => s.start <= offset && offset <= s.end);
  if (i < 0) return undefined;
  let value = forms[i] as Value;
  let span = spans[i] as Span;
  const parents: { list: RList; index: number }[] = [];
  for (;;) {
    const kids = children(value);
    if (kids === undefined) break;
    const ns = (value as RList | RVector | RMap).span as NodeSpan | undefined;
    let found = -1;
    for (let k = 0; k < kids.length; k++) {
      const cs = childSpan(ns, k);
      if (cs !== undefined && cs.start <= offset && offset <= cs.end) {
        found = k;
        break;
      }
    }
    if (found < 0) break;
    if (value instanceof RList) parents.push({ list: value, index: found });
    const next = childSpan(ns, found) as Span;
    value = kids[found] as Value;
    span = next;
  }
  return { value, span, parents };
}

/** The head symbol's name of the innermost enclosing list, and the position in it. */
export function enclosingCall(l: Located): { head: string; index: number } | undefined {
  const p = l.parents[l.parents.length - 1];
  if (p === undefined) return undefined;
  const h = p.list.items[0];
  return h !== undefined &&
    typeof h === 'object' &&
    h !== null &&
    'name' in h &&
    h.kind === 'symbol'
    ? { head: h.name, index: p.index }
    : undefined;
}
