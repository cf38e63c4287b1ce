/**
 * Owned accumulators: `reduce` with a function that is linear in its accumulator
 * (analyzer/linear-acc.ts) and passes it to a map operation that accepts one lets that
 * operation update the accumulator in place, as a Clojure transient.
 *
 * Only objects no RTFS code has seen are owned: `reduce` starts from a fresh copy of
 * the initial map object (its trie nodes are shared and, not being owned, copied on
 * the first write), and a step's result stays owned only when it is the map the owned
 * operation returned, which reached `reduce` through the function's tail call. Nodes
 * change in place only when created under this reduce's token. The token and the
 * accumulator are dropped when the reduce ends, so its result is an ordinary value.
 */
import { type Value, RMap, RVector } from '../data/index.js';
import { Builtin, type Fn } from '../runtime/fn.js';
import { expectCalls } from '../runtime/jit.js';

interface Owned {
  /** The accumulator the current step may update in place. */
  acc: Value | undefined;
  /** The map the last owned operation returned. */
  produced: Value | undefined;
  /** The running reduce's transient token. */
  edit: object;
}

const owned: Owned = { acc: undefined, produced: undefined, edit: {} };

/** `coll` assoc'ed with `k` → `v`, in place when `coll` is the owned accumulator. */
export function assocMaybeOwned(coll: RMap, k: Value, v: Value): RMap {
  if (coll !== owned.acc) return coll.assoc(k, v);
  const r = coll.assocOwned(k, v, owned.edit);
  // Stores only when the value changes: `owned` is old and the accumulator usually
  // young, so each store of it runs V8's write barrier out of line (ADR 0045); an
  // in-place step returns the same map every time.
  if (r !== coll) owned.acc = r;
  if (owned.produced !== r) owned.produced = r;
  return r;
}

/**
 * Where `k` is in `coll` when `coll` is the owned accumulator and holds `k` in a table
 * of its own, else -1: `update` then looks `k` up once and stores in place
 * ({@link setOwnedSlot}); the function it calls gets the value only, never the map.
 */
export function ownedSlotOf(coll: RMap, k: Value): number {
  return coll === owned.acc ? coll.ownedSlot(k, owned.edit) : -1;
}

/** Stores `v` at the position {@link ownedSlotOf} gave; the map is the step's result. */
export function setOwnedSlot(coll: RMap, i: number, v: Value): RMap {
  coll.setOwned(i, v);
  if (owned.produced !== coll) owned.produced = coll;
  return coll;
}

/**
 * True when `f` may be run with an owned accumulator: its tail call goes to a core
 * builtin's cell (never reassigned, so no step can swap in a function that keeps the
 * accumulator) holding an operation that accepts one.
 */
export function takesOwnedAcc(f: Fn): boolean {
  const cell = f.linearAcc;
  if (cell === undefined || cell.builtin !== true) return false;
  const callee = cell.value;
  return callee instanceof Builtin && callee.acceptsOwned;
}

/**
 * Reduces the items of `items` from index `from` with `f`, starting from `init`, with
 * the accumulator owned while it is a map. The items come as the vector or array
 * itself, not as a per-call getter: a closure made per reduce would be a new call
 * target in each reduce, so code V8 optimised during one reduce would deoptimise at
 * the next (ADR 0043).
 */
export function reduceOwned(
  f: Fn,
  init: Value,
  from: number,
  items: RVector | readonly Value[],
): Value {
  const n = items instanceof RVector ? items.count : items.length;
  const savedAcc = owned.acc;
  const savedProduced = owned.produced;
  const savedEdit = owned.edit;
  expectCalls(f, n - from);
  owned.edit = {};
  try {
    const acc = init instanceof RMap ? init.ownedCopy(owned.edit, n - from) : init;
    owned.produced = acc instanceof RMap ? acc : undefined;
    return items instanceof RVector
      ? ownedVectorSteps(f, acc, from, items)
      : ownedArraySteps(f, acc, from, items);
  } finally {
    owned.acc = savedAcc;
    owned.produced = savedProduced;
    owned.edit = savedEdit;
  }
}

/*
 * The loops of {@link reduceOwned}, functions of their own: V8 compiles a long first
 * loop on the stack (OSR), and code after the loop that has never run would have
 * no type feedback, so leaving the loop would throw that code away (ADR 0043).
 */

/** Before a step: `acc` is owned when it is the map the last owned operation returned. */
function ownStep(acc: Value): void {
  const a = acc === owned.produced ? acc : undefined;
  if (owned.acc !== a) owned.acc = a; // only on change (see assocMaybeOwned)
}

function ownedVectorSteps(f: Fn, init: Value, from: number, items: RVector): Value {
  let acc = init;
  const n = items.count;
  for (let i = from; i < n; i++) {
    ownStep(acc);
    acc = f.call2(acc, items.get(i) as Value);
  }
  return acc;
}

function ownedArraySteps(f: Fn, init: Value, from: number, items: readonly Value[]): Value {
  let acc = init;
  const n = items.length;
  for (let i = from; i < n; i++) {
    ownStep(acc);
    acc = f.call2(acc, items[i] as Value);
  }
  return acc;
}
