/**
 * `(conj v x)` as the recur argument of a loop binding the loop may grow in place
 * (owned-conj.ts, ADR 0027): when `v` is the vector this run of the loop made with its
 * last such `conj`, `x` is appended to it in place; otherwise the builtin makes a new
 * collection, which the loop owns from then on.
 */
import type { Node } from '../analyzer/index.js';
import { Builtin } from '../runtime/fn.js';
import type { Emitter } from './emitter.js';

type CallNode = Extract<Node, { kind: 'call' }>;

/** A call of core `conj` with two arguments, which the compiler may call directly. */
export function isCoreConj(e: Emitter, c: CallNode): boolean {
  const f = c.fn;
  return (
    e.options.inline !== false &&
    c.args.length === 2 &&
    f.kind === 'global' &&
    f.cell.name === 'conj' &&
    e.isCore(f.cell) &&
    f.cell.value instanceof Builtin &&
    f.cell.value.name === 'conj' &&
    f.cell.value.f2 !== undefined
  );
}

/**
 * The expression of `(conj v x)` (`v` the loop's `slot`), or undefined, having emitted
 * nothing, when `c` is not that call (a recur argument that does not read `v`).
 */
export function emitOwnedConj(
  e: Emitter,
  c: CallNode,
  slot: number,
  own: string,
): string | undefined {
  const first = c.args[0] as Node;
  const f = c.fn;
  if (!isCoreConj(e, c) || f.kind !== 'global') return undefined;
  if (first.kind !== 'local' || first.ref.depth !== 0 || first.ref.slot !== slot) return undefined;
  const [v, x] = e.exprs(c.args) as [string, string];
  const cell = f.cell;
  const bref = e.link({ kind: 'builtin', cell, impl: 'fn' });
  const f2 = e.link({ kind: 'builtin', cell, impl: 'f2' });
  const t = e.temp();
  e.emit(
    `try { ${t} = ${v} === ${own} && ${e.h('appendOwned')}(${v}, ${x}) ? ${v} : (${own} = ${f2}(${v}, ${x})); } catch ($e) { throw ${e.h('locate')}($e, ${e.span(c.span)}, ${bref}); }`,
  );
  return t;
}
