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
  if (a.params.rest || a.params.fixed !== 2 || a.destructure.length > 0) return undefined;
  const acc = a.paramSlots[0] as number;
  if (acc === fn.selfSlot) return undefined;
  const tail = tailCallee(a.body, acc);
  if (tail === undefined) return undefined;
  return uses(a.body, acc, 0) === 1 ? tail : undefined;
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
 * How many times `acc` (a slot of the function `depth` frames up) is read under `n`;
 * Infinity where a form binds through patterns whose defaults are not walked.
 */
function uses(n: Node, acc: number, depth: number): number {
  switch (n.kind) {
    case 'local':
      return isAcc(n, acc, depth) ? 1 : 0;
    case 'match':
    case 'for':
      return Infinity;
    case 'let':
      if (n.bindings.some((b) => b.pattern.kind !== 'slot')) return Infinity;
      break;
    case 'loop':
      if (n.destructure.length > 0) return Infinity;
      break;
    case 'fn':
      if (n.arities.some((x) => x.destructure.length > 0)) return Infinity;
      return n.arities.reduce((s, x) => s + uses(x.body, acc, depth + 1), 0);
    default:
      break;
  }
  let count = 0;
  for (const c of children(n)) count += uses(c, acc, depth);
  return count;
}
