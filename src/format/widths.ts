/**
 * Widths of forms printed on one line, for aligning what follows them on the same
 * line (the printer's `align`): a form after others starts at the column they end at.
 */
import type { CstNode, CstTrivia } from './cst.js';
import { type Elem, newlinesIn } from './elements.js';

/** Whether trivia is followed by more on the same line (a block comment or `#_` form). */
export function triviaInline(text: string, t: CstTrivia, next: number): boolean {
  return newlinesIn(text, t.end, next) === 0 && !(t.kind === 'comment' && !t.block);
}

export class Widths {
  private readonly memo = new WeakMap<CstNode, number | undefined>();
  constructor(private readonly text: string) {}

  /** The width of `n` printed on one line, or undefined if it cannot be. */
  width(n: CstNode): number | undefined {
    if (n.kind === 'atom') return n.text.includes('\n') ? undefined : n.text.length;
    if (this.memo.has(n)) return this.memo.get(n);
    const w = this.measure(n);
    this.memo.set(n, w);
    return w;
  }

  private measure(n: CstNode): number | undefined {
    switch (n.kind) {
      case 'atom':
        return n.text.includes('\n') ? undefined : n.text.length;
      case 'prefix': {
        const w = this.width(n.target);
        return w === undefined ? undefined : n.prefix.length + w;
      }
      case 'meta':
        return this.sumWidths([...n.meta, n.target], 1);
      case 'lead':
        return undefined;
      case 'coll': {
        if (n.items.some((i) => i.kind === 'comment' || i.kind === 'discard')) return undefined;
        return this.sumWidths(n.items as CstNode[], n.open.length + 1);
      }
    }
  }

  private sumWidths(nodes: readonly CstNode[], extra: number): number | undefined {
    let total = extra + Math.max(0, nodes.length - 1);
    for (const x of nodes) {
      const w = this.width(x);
      if (w === undefined) return undefined;
      total += w;
    }
    return total;
  }

  /** The width of an element without trivia, or undefined. */
  elemWidth(e: Elem): number | undefined {
    return e.leading.length > 0 || e.trailing !== undefined ? undefined : this.width(e.node);
  }

  /** The column after `e` printed at `col`: leading trivia on its own lines puts the
   * form itself at `col` too. */
  endCol(e: Elem, col: number): number | undefined {
    const w = this.width(e.node);
    if (w === undefined || e.trailing !== undefined) return undefined;
    let at = col;
    for (let i = 0; i < e.leading.length; i++) {
      const t = e.leading[i] as CstTrivia;
      if (!triviaInline(this.text, t, e.leading[i + 1]?.start ?? e.node.start)) {
        at = col;
        continue;
      }
      const tw = t.kind === 'comment' ? this.width({ ...t, kind: 'atom' }) : this.width(t.target);
      if (tw === undefined) return undefined;
      at += (t.kind === 'discard' ? 2 : 0) + tw + 1;
    }
    return at + w;
  }
}
