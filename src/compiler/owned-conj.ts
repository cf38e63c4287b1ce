/**
 * Loop bindings that a compiled `loop` may grow in place (ADR 0027). A binding `v`
 * qualifies when every read of it in the body is either
 *   - the first argument of `(conj v x)` given as `v`'s own `recur` argument, where `x`
 *     and the other `recur` arguments do not read `v`, or
 *   - the whole value of a tail that leaves the loop (its result),
 * and no function inside reads it. The vector such a `conj` returns is then seen by
 * nothing but the next iteration's `v`, whose only use is to be replaced by the next
 * `conj`: the compiled loop appends to it in place instead of making another vector
 * object (runtime: RVector.appendOwned). The first `conj` of every run of the loop, and
 * any `conj` on a value the loop did not make, stays persistent.
 */
import type { Node } from '../analyzer/index.js';
import { children } from '../analyzer/index.js';

type LoopNode = Extract<Node, { kind: 'loop' }>;
type CallNode = Extract<Node, { kind: 'call' }>;

/** Indices of the loop's bindings whose `(conj v x)` recur arguments may append in place. */
export function ownedConjBindings(n: LoopNode, isConj: (c: CallNode) => boolean): number[] {
  if (n.destructure.length > 0 || n.fresh !== undefined) return [];
  const out: number[] = [];
  n.slots.forEach((slot, i) => {
    if (n.inits.some((x) => reads(x, slot, 0))) return;
    if (tailOk(n.body, slot, i, isConj)) out.push(i);
  });
  return out;
}

function isSlot(n: Node, slot: number): boolean {
  return n.kind === 'local' && n.ref.depth === 0 && n.ref.slot === slot;
}

/** True when `n` (in tail position of the loop body) uses `slot` only as allowed. */
function tailOk(n: Node, slot: number, index: number, isConj: (c: CallNode) => boolean): boolean {
  switch (n.kind) {
    case 'local':
      return true;
    case 'if':
      return (
        !reads(n.test, slot, 0) &&
        tailOk(n.then, slot, index, isConj) &&
        tailOk(n.else, slot, index, isConj)
      );
    case 'do': {
      const last = n.body.length - 1;
      return n.body.every((b, k) =>
        k === last ? tailOk(b, slot, index, isConj) : !reads(b, slot, 0),
      );
    }
    case 'let':
      // The bindings' inits and pattern defaults (children() lists both).
      return (
        [...children(n)].every((c) => c === n.body || !reads(c, slot, 0)) &&
        tailOk(n.body, slot, index, isConj)
      );
    case 'recur':
      return n.args.every((a, k) => {
        if (!reads(a, slot, 0)) return true;
        return (
          k === index &&
          n.slots[k] === slot &&
          a.kind === 'call' &&
          a.args.length === 2 &&
          isSlot(a.args[0] as Node, slot) &&
          !reads(a.fn, slot, 0) &&
          !reads(a.args[1] as Node, slot, 0) &&
          isConj(a)
        );
      });
    default:
      return !reads(n, slot, 0);
  }
}

/** True when `slot` of the frame `depth` functions up is read under `n`. */
function reads(n: Node, slot: number, depth: number): boolean {
  if (n.kind === 'local') return n.ref.depth === depth && n.ref.slot === slot;
  const inner = n.kind === 'fn' ? depth + 1 : depth;
  for (const c of children(n)) if (reads(c, slot, inner)) return true;
  return false;
}
