/**
 * Clojure's way to take the start of an infinite sequence, rewritten to RTFS's eager,
 * bounded forms before analysis: `(take n (iterate f x))` is `(iterate f x n)`,
 * `(take n (cycle coll))` is `(cycle coll n)`, `(take n (repeat x))` is
 * `(repeat n x)`, `(take n (range))` is `(range n)`. So is the `->>` spelling, which
 * expands to the same call. Only when `take` and the inner function are the core
 * builtins (not locals, not user definitions); anything else is left alone.
 */
import { NodeSpan } from '../source/index.js';
import { type Value, RList, Sym } from '../data/index.js';
import type { BlockScope } from './scope.js';
import type { Ctx } from './context.js';

function isCore(v: Value | undefined, name: string, scope: BlockScope, ctx: Ctx): boolean {
  if (!(v instanceof Sym) || v.name !== name || scope.resolve(name) !== undefined) return false;
  return ctx.globals.lookup(name)?.builtin === true;
}

/** Positions in the rewritten call: `i` is child i of the inner list, `-1` is take's n. */
const SHAPES: ReadonlyArray<{ name: string; count: number; order: readonly number[] }> = [
  { name: 'iterate', count: 3, order: [0, 1, 2, -1] },
  { name: 'cycle', count: 2, order: [0, 1, -1] },
  { name: 'repeat', count: 2, order: [0, -1, 1] },
  { name: 'range', count: 1, order: [0, -1] },
];

/** The bounded call `(take n (gen …))` stands for, or undefined for any other form. */
export function boundedIdiom(l: RList, scope: BlockScope, ctx: Ctx): RList | undefined {
  if (l.count !== 3 || !isCore(l.items[0], 'take', scope, ctx)) return undefined;
  const inner = l.items[2];
  if (!(inner instanceof RList)) return undefined;
  const shape = SHAPES.find(
    (s) => inner.count === s.count && isCore(inner.items[0], s.name, scope, ctx),
  );
  if (shape === undefined) return undefined;
  const pick = (i: number): Value => (i < 0 ? l.items[1] : inner.items[i]) as Value;
  return new RList(shape.order.map(pick), spanOf(l, inner, shape.order), l.meta);
}

function spanOf(l: RList, inner: RList, order: readonly number[]): NodeSpan | undefined {
  const outer = l.span;
  const from = inner.span;
  if (!(outer instanceof NodeSpan) || !(from instanceof NodeSpan)) return undefined;
  const offsets: number[] = [];
  for (const i of order) {
    const s = i < 0 ? outer : from;
    const k = i < 0 ? 1 : i;
    offsets.push(s.childStart(k), s.childEnd(k));
  }
  return NodeSpan.of(outer.source, outer.start, outer.end, offsets);
}
