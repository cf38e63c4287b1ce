/**
 * Linear accumulators. A two-parameter function `(fn [acc x] …)` whose `acc` occurs
 * exactly once, as the first argument of a call in tail position, hands its accumulator
 * to that callee and to nothing else. When the callee is a core map operation that
 * never keeps its argument (`assoc`, `update`, …; checked at run time by the caller),
 * `reduce` may let it update the accumulator in place (a transient, as Clojure's
 * `(persistent! (reduce assoc! (transient m) xs))` does by hand): no other code can see
 * the intermediate maps. See docs/adr/0002-collections.md.
 */
import type { Node, Var } from './nodes.js';
import { children } from './children.js';

type FnNode = Extract<Node, { kind: 'fn' }>;

/** The cell called in tail position with the accumulator, when `fn` is linear in it. */
export function linearAccumulator(fn: FnNode): Var | undefined {
  if (fn.arities.length !== 1) return undefined;
  const a = fn.arities[0] as FnNode['arities'][number];
  if (a.params.rest || a.params.fixed !== 2) return undefined;
  const acc = a.paramSlots[0] as number;
  // The item may be destructured (`(fn [m [k v]] …)`), the accumulator may not.
  if (acc === fn.selfSlot || a.destructure.some((d) => d.slot === acc)) return undefined;
  const tail = tailCallee(a.body, acc);
  if (tail === undefined) return undefined;
  // Reads in the body and in the item pattern's defaults (`:or {x acc}`).
  let count = 0;
  for (const c of children(fn)) count += uses(c, acc, 0);
  return count === 1 ? tail : undefined;
}

function isAcc(n: Node, acc: number, depth: number): boolean {
  return n.kind === 'local' && n.ref.depth === depth && n.ref.slot === acc;
}

/** The callee of a tail call whose first argument is `acc`, if the body has one. */
function tailCallee(n: Node, acc: number): Var | undefined {
  switch (n.kind) {
    case 'call':
      return n.fn.kind === 'global' && n.args.length > 0 && isAcc(n.args[0] as Node, acc, 0)
        ? n.fn.cell
        : undefined;
    case 'if':
      return tailCallee(n.then, acc) ?? tailCallee(n.else, acc);
    case 'do':
      return n.body.length > 0 ? tailCallee(n.body[n.body.length - 1] as Node, acc) : undefined;
    case 'let':
      return tailCallee(n.body, acc);
    default:
      return undefined;
  }
}

/**
 * How many times `acc` (a slot of the function `depth` frames up) is read under `n`,
 * pattern defaults included (see children()).
 */
function uses(n: Node, acc: number, depth: number): number {
  if (n.kind === 'local') return isAcc(n, acc, depth) ? 1 : 0;
  const inner = n.kind === 'fn' ? depth + 1 : depth;
  let count = 0;
  for (const c of children(n)) count += uses(c, acc, inner);
  return count;
}
