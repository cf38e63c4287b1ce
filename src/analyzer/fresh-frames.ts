/**
 * Which iterating forms need a fresh frame per iteration. The locals of a function
 * share one frame (ADR 0005; this: ADR 0023), so a closure made inside a `loop`, `for`, `doseq`,
 * `dotimes` or a function body that `recur`s would see the next iteration's values.
 * When a function inside the form reads a slot the form binds, the form renews the
 * slots it binds on every iteration (Clojure's fresh bindings); otherwise nothing
 * changes, so hot loops without such closures pay nothing.
 */
import type { Node } from './nodes.js';
import { children } from './children.js';

/** The slots `[from, to)` of the current frame that a form binds (its own and its body's). */
export interface SlotRange {
  readonly from: number;
  readonly to: number;
}

/** The range, when a function inside `parts` reads one of its slots; else undefined. */
export function freshRange(
  parts: readonly Node[],
  from: number,
  to: number,
): SlotRange | undefined {
  if (to <= from) return undefined;
  const range = { from, to };
  return parts.some((p) => captures(p, range, 0, false)) ? range : undefined;
}

/** For a function arity: the range when its body both `recur`s to it and is captured. */
export function freshArityRange(body: Node, from: number, to: number): SlotRange | undefined {
  return recursToSelf(body) ? freshRange([body], from, to) : undefined;
}

function captures(n: Node, r: SlotRange, depth: number, inFn: boolean): boolean {
  if (n.kind === 'local') {
    return inFn && n.ref.depth === depth && n.ref.slot >= r.from && n.ref.slot < r.to;
  }
  const fn = n.kind === 'fn';
  for (const c of children(n)) {
    if (captures(c, r, fn ? depth + 1 : depth, inFn || fn)) return true;
  }
  return false;
}

/** True when `n` holds a `recur` aimed at the enclosing function (not at a loop). */
function recursToSelf(n: Node): boolean {
  switch (n.kind) {
    case 'recur':
      return true;
    case 'fn':
      return false;
    case 'loop':
      return n.inits.some(recursToSelf);
    default:
      return children(n).some(recursToSelf);
  }
}
