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
import { type Value, RMap } from '../data/index.js';
import { Builtin, type Fn } from '../runtime/fn.js';

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
  owned.acc = r;
  owned.produced = r;
  return r;
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
 * Reduces `n` items (`item(i)` for `i` in `from…n-1`) with `f`, starting from `init`,
 * with the accumulator owned while it is a map.
 */
export function reduceOwned(
  f: Fn,
  init: Value,
  from: number,
  n: number,
  item: (i: number) => Value,
): Value {
  const savedAcc = owned.acc;
  const savedProduced = owned.produced;
  const savedEdit = owned.edit;
  owned.edit = {};
  try {
    const acc = init instanceof RMap ? init.ownedCopy(owned.edit, n - from) : init;
    owned.produced = acc instanceof RMap ? acc : undefined;
    return ownedSteps(f, acc, from, n, item);
  } finally {
    owned.acc = savedAcc;
    owned.produced = savedProduced;
    owned.edit = savedEdit;
  }
}

/**
 * The loop of {@link reduceOwned}, a function of its own: V8 compiles a long first
 * loop on the stack (OSR), and code after the loop that has never run would have
 * no type feedback, so leaving the loop would throw that code away (ADR 0043).
 */
function ownedSteps(
  f: Fn,
  init: Value,
  from: number,
  n: number,
  item: (i: number) => Value,
): Value {
  let acc = init;
  for (let i = from; i < n; i++) {
    owned.acc = acc === owned.produced ? acc : undefined;
    acc = f.call2(acc, item(i));
  }
  return acc;
}
