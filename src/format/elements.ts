/**
 * Comments and `#_` forms attached to the forms around them. A collection's items
 * become elements: each form with the trivia written before it (`leading`) and a `;`
 * comment on the same line right after it (`trailing`); trivia after the last form is
 * `dangling`. The printer keeps own-line comments on their own lines and trailing
 * comments at the end of their line, so formatting twice gives the same text.
 */
import type { CstComment, CstItem, CstNode, CstTrivia } from './cst.js';

export interface Elem {
  readonly leading: readonly CstTrivia[];
  readonly node: CstNode;
  trailing: CstComment | undefined;
}

export interface Seq {
  readonly elems: readonly Elem[];
  readonly dangling: readonly CstTrivia[];
}

export function newlinesIn(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

export function toSeq(items: readonly CstItem[], text: string): Seq {
  const elems: Elem[] = [];
  let pending: CstTrivia[] = [];
  let last: Elem | undefined;
  for (const item of items) {
    if (item.kind === 'comment') {
      if (
        !item.block &&
        last !== undefined &&
        last.trailing === undefined &&
        pending.length === 0 &&
        newlinesIn(text, last.node.end, item.start) === 0
      ) {
        last.trailing = item;
        continue;
      }
      pending.push(item);
      continue;
    }
    if (item.kind === 'discard') {
      pending.push(item);
      continue;
    }
    last = { leading: pending, node: item, trailing: undefined };
    elems.push(last);
    pending = [];
  }
  return { elems, dangling: pending };
}

/** Where an element's text starts and ends (trivia and trailing comment included). */
export function elemStart(e: Elem): number {
  return e.leading[0]?.start ?? e.node.start;
}
export function elemEnd(e: Elem): number {
  return e.trailing?.end ?? e.node.end;
}

export function hasLineComment(trivia: readonly CstTrivia[]): boolean {
  return trivia.some((t) => t.kind === 'comment' && !t.block);
}
