/**
 * Integer fast paths for calls of `+`, `-`, `<`, `>`, `<=` and `>=` with two arguments
 * (fib's `(< n 2)`, `(- n 1)` and `(+ … …)`). The builtin tags itself with
 * {@link NumOp}; the call site then does the operation inline when both operands are
 * JS numbers (integers: floats are boxed) and the result is a safe integer, and calls
 * `slow` — the builtin's own implementation, with its overflow promotion and errors —
 * otherwise, and whenever the global no longer holds the builtin (`+` redefined).
 *
 * Each shape is its own closure so the operation is not behind a shared, megamorphic
 * call (the reason the generic fused path costs two calls per operation).
 */
import type { Node } from '../analyzer/index.js';
import type { Value } from '../data/index.js';
import type { Code } from './env.js';
import type { Builtin, NumOp } from './fn.js';

type Slow = (x: Value, y: Value) => Value;
interface Cell {
  readonly value: Value | undefined;
}

/** The inline closure for `(op a b)`, or undefined when `op` has no fast path here. */
export function compileNumOp(
  op: NumOp,
  cell: Cell,
  b: Builtin,
  n0: Node,
  n1: Node,
  a0: Code,
  a1: Code,
  slow: Slow,
): Code {
  const s0 = n0.kind === 'local' && n0.ref.depth === 0 ? n0.ref.slot : -1;
  if (s0 >= 0 && n1.kind === 'const' && typeof n1.value === 'number') {
    const c = n1.value;
    switch (op) {
      case '+':
        return (env) => {
          const x = env[s0] as Value;
          if (typeof x === 'number' && cell.value === b) {
            const r = x + c;
            if (Number.isSafeInteger(r)) return r;
          }
          return slow(x, c);
        };
      case '-':
        return (env) => {
          const x = env[s0] as Value;
          if (typeof x === 'number' && cell.value === b) {
            const r = x - c;
            if (Number.isSafeInteger(r)) return r;
          }
          return slow(x, c);
        };
      case '<':
        return (env) => {
          const x = env[s0] as Value;
          return typeof x === 'number' && cell.value === b ? x < c : slow(x, c);
        };
      case '>':
        return (env) => {
          const x = env[s0] as Value;
          return typeof x === 'number' && cell.value === b ? x > c : slow(x, c);
        };
      case '<=':
        return (env) => {
          const x = env[s0] as Value;
          return typeof x === 'number' && cell.value === b ? x <= c : slow(x, c);
        };
      case '>=':
        return (env) => {
          const x = env[s0] as Value;
          return typeof x === 'number' && cell.value === b ? x >= c : slow(x, c);
        };
    }
  }
  switch (op) {
    case '+':
      return (env) => {
        const x = a0(env);
        const y = a1(env);
        if (typeof x === 'number' && typeof y === 'number' && cell.value === b) {
          const r = x + y;
          if (Number.isSafeInteger(r)) return r;
        }
        return slow(x, y);
      };
    case '-':
      return (env) => {
        const x = a0(env);
        const y = a1(env);
        if (typeof x === 'number' && typeof y === 'number' && cell.value === b) {
          const r = x - y;
          if (Number.isSafeInteger(r)) return r;
        }
        return slow(x, y);
      };
    case '<':
      return (env) => {
        const x = a0(env);
        const y = a1(env);
        return typeof x === 'number' && typeof y === 'number' && cell.value === b
          ? x < y
          : slow(x, y);
      };
    case '>':
      return (env) => {
        const x = a0(env);
        const y = a1(env);
        return typeof x === 'number' && typeof y === 'number' && cell.value === b
          ? x > y
          : slow(x, y);
      };
    case '<=':
      return (env) => {
        const x = a0(env);
        const y = a1(env);
        return typeof x === 'number' && typeof y === 'number' && cell.value === b
          ? x <= y
          : slow(x, y);
      };
    case '>=':
      return (env) => {
        const x = a0(env);
        const y = a1(env);
        return typeof x === 'number' && typeof y === 'number' && cell.value === b
          ? x >= y
          : slow(x, y);
      };
  }
}
