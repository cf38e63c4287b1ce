/**
 * Counted loops (ADR 0053): a `loop` whose body is `(if (< i K) … (recur … (inc i) …) …)`
 * with `i` bound to an integer literal and `K` an integer literal (or a `let` local bound
 * to one, ADR 0050) runs `K − i₀` iterations unless its body leaves early. The loop tier
 * (runtime/loop-jit.ts) compiles such a loop before its first iteration when that count
 * reaches its threshold, as `expectCalls` does for the loop builtins (ADR 0045): the
 * iterations it would have run in the closure interpreter first cost far more than the
 * compile, and they are certain to come unless the body leaves early.
 *
 * Only a tier-up decision: the compiled loop runs the same steps with the same results
 * as the interpreted one, so a wrong guess (an early exit) costs one compile, nothing else.
 */
import type { Node } from '../analyzer/index.js';

type LoopNode = Extract<Node, { kind: 'loop' }>;

/** The iterations `n` is set to run when it counts a binding up to a literal bound, else 0. */
export function countedIterations(n: LoopNode): number {
  if (n.destructure.length > 0) return 0;
  const body = n.body;
  if (body.kind !== 'if' || body.test.kind !== 'call') return 0;
  const test = body.test;
  if (test.fn.kind !== 'global' || test.args.length !== 2) return 0;
  const op = test.fn.cell.name;
  if (op !== '<' && op !== '<=') return 0;
  const [x, bound] = test.args as [Node, Node];
  if (x.kind !== 'local' || x.ref.depth !== 0 || bound.kind !== 'const') return 0;
  const index = n.slots.indexOf(x.ref.slot);
  const init = n.inits[index];
  if (index < 0 || init === undefined || init.kind !== 'const') return 0;
  const from = init.value;
  const to = bound.value;
  if (typeof from !== 'number' || typeof to !== 'number') return 0;
  if (!recursCounting(body.then, index, x.ref.slot)) return 0;
  return Math.max(0, to - from + (op === '<=' ? 1 : 0));
}

/** True when a tail of `n` recurs with `(inc i)` (or `(+ i 1)`) for binding `index`. */
function recursCounting(n: Node, index: number, slot: number): boolean {
  switch (n.kind) {
    case 'recur': {
      const a = n.args[index];
      return a !== undefined && isIncrement(a, slot);
    }
    case 'if':
      return recursCounting(n.then, index, slot) || recursCounting(n.else, index, slot);
    case 'do': {
      const last = n.body[n.body.length - 1];
      return last !== undefined && recursCounting(last, index, slot);
    }
    case 'let':
      return recursCounting(n.body, index, slot);
    default:
      return false;
  }
}

function isIncrement(n: Node, slot: number): boolean {
  if (n.kind !== 'call' || n.fn.kind !== 'global') return false;
  const isI = (a: Node | undefined) =>
    a !== undefined && a.kind === 'local' && a.ref.depth === 0 && a.ref.slot === slot;
  const name = n.fn.cell.name;
  if (name === 'inc') return n.args.length === 1 && isI(n.args[0]);
  if (name !== '+' || n.args.length !== 2) return false;
  const [a, b] = n.args;
  const one = (c: Node | undefined) => c !== undefined && c.kind === 'const' && c.value === 1;
  return (isI(a) && one(b)) || (one(a) && isI(b));
}
