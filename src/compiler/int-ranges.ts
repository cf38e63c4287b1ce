/**
 * Integers the emitter knows a JavaScript expression holds (ADR 0058): integer literals,
 * a counted loop's binding inside the loop (runtime/counted-loop.ts `countedIndex`), and
 * the temporaries holding core arithmetic on such values. Where both operands of an
 * inline `+ - * inc dec mod` are known and the result surely stays a safe integer, the
 * emitter writes the operation alone: no type test, no overflow test, no fallback to
 * the builtin, which could never be taken. Comparisons of known integers need no type
 * test either.
 *
 * A known value is never -0 (a literal -0 is not taken as known), so `+` and `-` of
 * known values never give -0; a product may (0 times a negative), and then keeps the
 * `+ 0` the builtin's result has.
 */
import type { Emitter } from './emitter.js';

/** Inclusive bounds of the safe integers an expression holds. */
export type IntRange = readonly [lo: number, hi: number];

const MAX = Number.MAX_SAFE_INTEGER;

/** The value of an integer literal as the emitter writes it (`5`, `-5`, `(-5)`). */
export function literal(js: string): number | undefined {
  return /^-?\d+$|^\(-\d+\)$/.test(js) ? Number(js.replace(/[()]/g, '')) : undefined;
}

/** The range `js` is known to hold, if any. */
export function rangeOf(e: Emitter, js: string): IntRange | undefined {
  const k = literal(js);
  if (k !== undefined) return Number.isSafeInteger(k) && !Object.is(k, -0) ? [k, k] : undefined;
  return e.fn.intRanges.get(js);
}

function safe(lo: number, hi: number): IntRange | undefined {
  // Sums and products of safe integers round monotonically, so a true result past 2^53
  // never comes out at or below MAX.
  return lo >= -MAX && hi <= MAX ? [lo, hi] : undefined;
}

/** The range of `(op a b)` (or `(op a)`) over known operands, when it stays safe. */
function resultRange(op: string, a: IntRange, b: IntRange | undefined): IntRange | undefined {
  switch (op) {
    case 'inc':
      return safe(a[0] + 1, a[1] + 1);
    case 'dec':
      return safe(a[0] - 1, a[1] - 1);
  }
  if (b === undefined) return undefined;
  switch (op) {
    case '+':
      return safe(a[0] + b[0], a[1] + b[1]);
    case '-':
      return safe(a[0] - b[1], a[1] - b[0]);
    case '*': {
      const ps = [a[0] * b[0], a[0] * b[1], a[1] * b[0], a[1] * b[1]];
      return safe(Math.min(...ps), Math.max(...ps));
    }
    case 'mod':
      // A non-negative dividend and a positive literal divisor: no sign fix-up.
      return b[0] === b[1] && b[0] > 0 && a[0] >= 0 ? [0, Math.min(a[1], b[0] - 1)] : undefined;
    default:
      return undefined;
  }
}

/**
 * `(op a b)` of known integers as a plain JavaScript expression and its range, when the
 * result surely is a safe integer; undefined otherwise (the guarded inline path stays).
 */
export function exactArithmetic(
  op: string,
  args: readonly [string, IntRange][],
): { js: string; range: IntRange } | undefined {
  const [x, y] = args as [[string, IntRange], [string, IntRange] | undefined];
  const range = resultRange(op, x[1], y?.[1]);
  if (range === undefined) return undefined;
  const a = x[0];
  switch (op) {
    case 'inc':
      return { js: `${a} + 1`, range };
    case 'dec':
      return { js: `${a} - 1`, range };
  }
  if (y === undefined) return undefined;
  const b = y[0];
  switch (op) {
    case '+':
    case '-':
      return { js: `${a} ${op} ${b}`, range };
    case '*': {
      const negZero = (p: IntRange, q: IntRange) => p[0] <= 0 && p[1] >= 0 && q[0] < 0;
      const fix = negZero(x[1], y[1]) || negZero(y[1], x[1]) ? ' + 0' : '';
      return { js: `${a} * ${b}${fix}`, range };
    }
    case 'mod':
      return { js: remainder(a, b, x[1][1], y[1][0]), range };
    default:
      return undefined;
  }
}

/** Dividends up to this have a floored quotient by any int32 divisor exactly (see below). */
const FLOOR_EXACT = 2 ** 51;

/**
 * `a % k` for `0 ≤ a ≤ hi` and a positive literal `k`. A dividend past int32 is a float
 * in V8, whose `%` is a slow floating-point remainder loop; with `a + k < 2^52` the
 * quotient `a / k` rounds to a float below the next integer, so `a - floor(a / k) * k`
 * is the remainder exactly, in a division, a rounding and a multiply-subtract.
 */
function remainder(a: string, k: string, hi: number, kv: number): string {
  if ((kv | 0) !== kv) return `${a} % ${k}`;
  if (hi <= 0x7fffffff || hi + kv > FLOOR_EXACT) return `(${a} % ${k}) | 0`;
  return `(${a} - Math.floor(${a} / ${k}) * ${k}) | 0`;
}
