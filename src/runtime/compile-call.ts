/**
 * Call sites. A call evaluates its callee and arguments, then calls: functions through
 * their fixed-arity entry points (no argument array), keywords as map lookups. Errors
 * raised inside get the call's position and an RTFS stack frame on the way out.
 *
 * Calls of a core builtin held by a global take a direct path while the global still
 * holds it (redefining `+` still works: the identity check fails and the generic call
 * runs), fused with reading frame locals for the shapes hot loops use.
 */
import type { Span } from '../source/index.js';
import type { Node } from '../analyzer/index.js';
import { type Value, printValue } from '../data/index.js';
import type { Code } from './env.js';
import { Fn, Builtin } from './fn.js';
import { RtfsError, RuntimeCodes } from './errors.js';
import { keywordLookup } from './keyword-call.js';
import { fromRangeError } from './range-errors.js';
import { compileNumOp } from './compile-arith.js';

function notCallable(f: Value, span: Span | undefined): RtfsError {
  return new RtfsError(RuntimeCodes.notCallable, `${printValue(f)} is not a function`, span);
}

/** Adds the call's position to an error raised inside it (RTFS stack trace). */
export function locate(e: unknown, span: Span | undefined, callee: Value): unknown {
  if (e instanceof RangeError) return fromRangeError(e, span);
  if (e instanceof RtfsError) {
    if (e.span === undefined) e.span = span;
    else if (callee instanceof Fn && e.frames.length < 64)
      e.frames.push({ name: callee.name ?? 'fn', span });
  }
  return e;
}

/** {@link locate} for a call of a function known by name (compiled self-calls). */
export function locateIn(e: unknown, span: Span | undefined, name: string): unknown {
  if (e instanceof RangeError) return locate(e, span, null);
  if (e instanceof RtfsError) {
    if (e.span === undefined) e.span = span;
    else if (e.frames.length < 64) e.frames.push({ name, span });
  }
  return e;
}

function isKeyword(f: Value): f is Extract<Value, { kind: 'keyword' }> {
  return typeof f === 'object' && f !== null && f.kind === 'keyword';
}

/** Calls `f` with one argument. */
export function call1(f: Value, x: Value, span: Span | undefined): Value {
  try {
    if (f instanceof Fn) return f.call1(x);
    if (isKeyword(f)) return keywordLookup(f, x, null);
  } catch (e) {
    throw locate(e, span, f);
  }
  throw notCallable(f, span);
}

/** Calls `f` with two arguments. */
export function call2(f: Value, x: Value, y: Value, span: Span | undefined): Value {
  try {
    if (f instanceof Fn) return f.call2(x, y);
    if (isKeyword(f)) return keywordLookup(f, x, y);
  } catch (e) {
    throw locate(e, span, f);
  }
  throw notCallable(f, span);
}

/** Calls `f` with any number of arguments. */
export function callN(f: Value | undefined, args: Value[], span: Span | undefined): Value {
  if (f === undefined) throw new RtfsError(RuntimeCodes.unbound, 'unbound function', span);
  if (args.length === 1) return call1(f, args[0] as Value, span);
  if (args.length === 2) return call2(f, args[0] as Value, args[1] as Value, span);
  try {
    if (f instanceof Fn) return f.invoke(args);
  } catch (e) {
    throw locate(e, span, f);
  }
  if (isKeyword(f)) {
    throw new RtfsError(
      RuntimeCodes.arity,
      `keyword ${printValue(f)} called with ${args.length} arguments: expected 1 or 2`,
      span,
    );
  }
  throw notCallable(f, span);
}

/** A call through a builtin's own implementation `impl`, or the generic path once redefined. */
function direct(
  cell: { value: Value | undefined },
  b: Builtin,
  impl: (...xs: Value[]) => Value,
  args: Value[],
  span: Span | undefined,
): Value {
  const f = cell.value;
  if (f !== b) return callN(f, args, span);
  try {
    return impl(...args);
  } catch (e) {
    throw locate(e, span, b);
  }
}

/** The fused direct paths for calls of a global holding a builtin, or undefined. */
function directBuiltinCall(
  fnNode: Node,
  argNodes: readonly Node[],
  args: Code[],
  span: Span | undefined,
): Code | undefined {
  if (fnNode.kind !== 'global') return undefined;
  const cell = fnNode.cell;
  const b = cell.value;
  if (!(b instanceof Builtin)) return undefined;
  const n = args.length;
  if (n === 2 && b.f2 !== undefined && b.min <= 2 && b.max >= 2) {
    const f2 = b.f2;
    const [n0, n1] = argNodes as [Node, Node];
    const fast = (x: Value, y: Value): Value => {
      if (cell.value !== b) return callN(cell.value, [x, y], span);
      try {
        return f2(x, y);
      } catch (e) {
        throw locate(e, span, b);
      }
    };
    if (b.numOp !== undefined) {
      const [a0, a1] = args as [Code, Code];
      return compileNumOp(b.numOp, cell, b, n0, n1, a0, a1, fast);
    }
    if (n0.kind === 'local' && n0.ref.depth === 0) {
      const s0 = n0.ref.slot;
      // Frame locals read in place: a loop's `(+ acc i)`, fib's `(< n 2)` and `(- n 1)`.
      if (n1.kind === 'local' && n1.ref.depth === 0) {
        const s1 = n1.ref.slot;
        return (env) => fast(env[s0] as Value, env[s1] as Value);
      }
      if (n1.kind === 'const') {
        const c = n1.value;
        return (env) => fast(env[s0] as Value, c);
      }
    }
    const [a0, a1] = args as [Code, Code];
    return (env) => fast(a0(env), a1(env));
  }
  if (n === 1 && b.f1 !== undefined && b.min <= 1 && b.max >= 1) {
    const f1 = b.f1;
    const a0 = args[0] as Code;
    return (env) => direct(cell, b, f1, [a0(env)], span);
  }
  if (n === 3 && b.min <= 3 && b.max >= 3) {
    const [a0, a1, a2] = args as [Code, Code, Code];
    return (env) => direct(cell, b, b.f, [a0(env), a1(env), a2(env)], span);
  }
  return undefined;
}

export function compileCall(
  fnNode: Node,
  argNodes: readonly Node[],
  span: Span | undefined,
  compileNode: (n: Node) => Code,
): Code {
  const args = argNodes.map(compileNode);
  const fused = directBuiltinCall(fnNode, argNodes, args, span);
  if (fused !== undefined) return fused;
  // A function held in this frame (self-recursion, a let-bound fn) is read in place.
  const slot = fnNode.kind === 'local' && fnNode.ref.depth === 0 ? fnNode.ref.slot : -1;
  const fc = compileNode(fnNode);
  switch (args.length) {
    case 1: {
      const a0 = args[0] as Code;
      if (slot >= 0) return (env) => call1(env[slot] as Value, a0(env), span);
      return (env) => call1(fc(env), a0(env), span);
    }
    case 2: {
      const [a0, a1] = args as [Code, Code];
      return (env) => call2(fc(env), a0(env), a1(env), span);
    }
    default:
      return (env) =>
        callN(
          fc(env),
          args.map((a) => a(env)),
          span,
        );
  }
}
