/**
 * Where type annotations may appear, and how they are told apart from values.
 * An annotation is a type expression (`:int`, `:string?`, `[:vector :int]`) written
 * after a name, and it is one only when the rest of the form still parses: so
 * `(let [status :ok] …)` binds the keyword `:ok`, while `(let [n :int 5] …)` annotates
 * (language.md §1.5: the reference's greedy annotations are a bug).
 */
import type { Value, RVector } from '../data/index.js';
import { isTypeExpr } from '../types/index.js';

export interface BindingSlice {
  /** Index of the pattern in the binding vector. */
  readonly at: number;
  /** Index of the type annotation, if any. */
  readonly typeAt: number | undefined;
  /** Index of the value. */
  readonly valueAt: number;
}

/**
 * Splits `[p v p :T v …]` into bindings, preferring an annotation when both readings
 * parse; undefined when no reading parses.
 */
export function sliceBindings(bv: RVector): BindingSlice[] | undefined {
  const n = bv.count;
  const memo = new Map<number, BindingSlice[] | null>();
  const go = (i: number): BindingSlice[] | null => {
    if (i === n) return [];
    const cached = memo.get(i);
    if (cached !== undefined) return cached;
    let out: BindingSlice[] | null = null;
    if (i + 2 < n + 0 && isTypeExpr(bv.get(i + 1) as Value)) {
      const rest = i + 3 <= n ? go(i + 3) : null;
      if (rest !== null) out = [{ at: i, typeAt: i + 1, valueAt: i + 2 }, ...rest];
    }
    if (out === null && i + 2 <= n) {
      const rest = go(i + 2);
      if (rest !== null) out = [{ at: i, typeAt: undefined, valueAt: i + 1 }, ...rest];
    }
    memo.set(i, out);
    return out;
  };
  return go(0) ?? undefined;
}
