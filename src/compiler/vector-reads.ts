/**
 * `nth` of a vector that a loop never rebinds (ADR 0058). A compiled `loop` whose body
 * reads `(nth v i)` (or `(nth v i d)`, core `nth`), where `v` is a local bound before the
 * loop, looks at `v` once per run of the loop: when it is a flat vector, its array and
 * count go into two temporaries, and each such `nth` in the body reads the array when
 * `i` is an integer below the count, calling `nth` as before otherwise (other values,
 * trie vectors, negative or out-of-range indices, their errors).
 *
 * Why it is the same as calling `nth`: `v` is the same value in every iteration (its
 * slot is below every slot the loop binds, and slots are never reused within a frame,
 * analyzer/scope.ts, so nothing in the loop writes it), and the first `count` elements
 * of a flat vector's array never change (RVector.flatItems), so the read gives what
 * `nth` returns for that index. Steps are unchanged: a builtin call costs none in
 * compiled code. Functions inside the loop are not looked into (their code runs in
 * their own JavaScript functions, possibly after the loop).
 */
import type { Node } from '../analyzer/index.js';
import { children } from '../analyzer/index.js';
import { Builtin } from '../runtime/fn.js';
import type { Emitter } from './emitter.js';

type LoopNode = Extract<Node, { kind: 'loop' }>;
type CallNode = Extract<Node, { kind: 'call' }>;
type LocalNode = Extract<Node, { kind: 'local' }>;

/** The temporaries holding a hoisted vector's array (or undefined) and its count (or 0). */
export interface VectorView {
  readonly items: string;
  readonly count: string;
}

/** A call of core `nth` with two or three arguments, which the compiler may call directly. */
export function isCoreNth(e: Emitter, c: CallNode): boolean {
  const f = c.fn;
  return (
    e.options.inline !== false &&
    (c.args.length === 2 || c.args.length === 3) &&
    f.kind === 'global' &&
    f.cell.name === 'nth' &&
    e.isCore(f.cell) &&
    f.cell.value instanceof Builtin &&
    f.cell.value.name === 'nth'
  );
}

/**
 * The locals (one node per slot) read as the vector of an `nth` call (`isNth`) in the
 * body of `n`, outside functions, that no iteration of `n` binds.
 */
export function invariantNthVectors(n: LoopNode, isNth: (c: CallNode) => boolean): LocalNode[] {
  if (n.destructure.length > 0 || n.slots.length === 0) return [];
  // Everything the loop binds (its bindings, its body's locals) was allocated from here on.
  const first = Math.min(...n.slots, n.fresh?.from ?? Infinity);
  const found = new Map<number, LocalNode>();
  const visit = (x: Node): void => {
    if (x.kind === 'fn') return;
    if (x.kind === 'call' && isNth(x)) {
      const v = x.args[0];
      if (v?.kind === 'local' && v.ref.depth === 0 && v.ref.slot < first) found.set(v.ref.slot, v);
    }
    for (const c of children(x)) visit(c);
  };
  visit(n.body);
  return [...found.values()];
}

/**
 * Emits, before the loop `n` starts, a view of each vector its body reads with `nth`
 * and does not rebind; returns the views the body may use (those of enclosing loops
 * too, whose vectors this loop does not rebind either).
 */
export function hoistVectorViews(
  e: Emitter,
  n: LoopNode,
): ReadonlyMap<string, VectorView> | undefined {
  const outer = e.fn.vectorViews;
  const locals = invariantNthVectors(n, (c) => isCoreNth(e, c));
  if (locals.length === 0) return outer;
  const views = new Map(outer ?? []);
  for (const local of locals) {
    const v = e.expr(local);
    // A variable of this JavaScript function (not a frame read), viewed only once.
    if (!/^v\d+_\d+$/.test(v) || views.has(v)) continue;
    const items = e.temp();
    const count = e.temp();
    e.emit(`${count} = (${items} = ${e.h('flatItems')}(${v})) === undefined ? 0 : ${v}.count;`);
    views.set(v, { items, count });
  }
  return views;
}

/** The view of the vector `(nth v …)` reads, when `c` is such a call inside a viewing loop. */
export function vectorViewOf(e: Emitter, c: CallNode): VectorView | undefined {
  const views = e.fn.vectorViews;
  const v = c.args[0];
  if (views === undefined || v?.kind !== 'local' || !isCoreNth(e, c)) return undefined;
  return views.get(e.expr(v));
}
