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
import { type Node, children } from '../analyzer/index.js';

type LoopNode = Extract<Node, { kind: 'loop' }>;

/** A loop's head `(if (< i K) …)`: the binding counted, from where, to which bound. */
interface CountedHead {
  readonly body: Extract<Node, { kind: 'if' }>;
  readonly index: number;
  readonly slot: number;
  readonly from: number;
  readonly to: number;
  readonly op: '<' | '<=';
}

function countedHead(n: LoopNode): CountedHead | undefined {
  if (n.destructure.length > 0) return undefined;
  const body = n.body;
  if (body.kind !== 'if' || body.test.kind !== 'call') return undefined;
  const test = body.test;
  if (test.fn.kind !== 'global' || test.args.length !== 2) return undefined;
  const op = test.fn.cell.name;
  if (op !== '<' && op !== '<=') return undefined;
  const [x, bound] = test.args as [Node, Node];
  if (x.kind !== 'local' || x.ref.depth !== 0 || bound.kind !== 'const') return undefined;
  const index = n.slots.indexOf(x.ref.slot);
  const init = n.inits[index];
  if (index < 0 || init === undefined || init.kind !== 'const') return undefined;
  const from = init.value;
  const to = bound.value;
  if (typeof from !== 'number' || typeof to !== 'number') return undefined;
  return { body, index, slot: x.ref.slot, from, to, op };
}

/** The iterations `n` is set to run when it counts a binding up to a literal bound, else 0. */
export function countedIterations(n: LoopNode): number {
  const h = countedHead(n);
  if (h === undefined || !recursCounting(h.body.then, h.index, h.slot)) return 0;
  return Math.max(0, h.to - h.from + (h.op === '<=' ? 1 : 0));
}

/** A counted loop's binding (by index) and the safe integers it holds at every iteration. */
export interface CountedIndex {
  readonly index: number;
  readonly lo: number;
  readonly hi: number;
}

/**
 * The range of a counted loop's binding when every `recur` of the loop is in the branch
 * where its test holds and passes `(inc i)` (or `(+ i 1)`) for it (ADR 0058): the binding
 * then starts at its literal and only grows by one from values below the bound, so it is
 * an integer from the literal to the bound (one past it for `<=`) whenever the loop's
 * body runs. Undefined for any other loop, or when the range leaves the safe integers.
 */
export function countedIndex(n: LoopNode): CountedIndex | undefined {
  const h = countedHead(n);
  if (h === undefined || !Number.isSafeInteger(h.from) || Object.is(h.from, -0)) return undefined;
  if (!Number.isSafeInteger(h.to)) return undefined;
  const recurs: Extract<Node, { kind: 'recur' }>[] = [];
  collectRecurs(h.body.else, n.slots, recurs);
  if (recurs.length > 0) return undefined;
  collectRecurs(h.body.then, n.slots, recurs);
  if (recurs.some((r) => !isIncrement(r.args[h.index], h.slot))) return undefined;
  const hi = Math.max(h.from, h.op === '<' ? h.to : h.to + 1);
  return Number.isSafeInteger(hi + 1) ? { index: h.index, lo: h.from, hi } : undefined;
}

/** The `recur`s in `n` (outside functions) that go to the loop binding `slots`. */
function collectRecurs(
  n: Node,
  slots: readonly number[],
  out: Extract<Node, { kind: 'recur' }>[],
): void {
  if (n.kind === 'fn') return;
  if (
    n.kind === 'recur' &&
    n.slots.length === slots.length &&
    n.slots.every((s, i) => s === slots[i])
  )
    out.push(n);
  for (const c of children(n)) collectRecurs(c, slots, out);
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

function isIncrement(n: Node | undefined, slot: number): boolean {
  if (n === undefined) return false;
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
