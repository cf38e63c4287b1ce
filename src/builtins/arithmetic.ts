/**
 * Exact 64-bit integer and float arithmetic. Integers stay JS numbers while they are
 * safe; a result outside ±2^53 is recomputed exactly in bigint, and one outside 64 bits
 * is an `integer-overflow` error (never a wrap). Any float operand makes a float.
 */
import { type Value, RFloat, normalizeInt, typeName, printValue } from '../data/index.js';
import { RtfsError, RuntimeCodes } from '../runtime/errors.js';

type Num = number | bigint | RFloat;

function num(v: Value, op: string): Num {
  if (typeof v === 'number' || typeof v === 'bigint' || v instanceof RFloat) return v;
  throw new RtfsError(
    RuntimeCodes.type,
    `${op} expects numbers, got ${typeName(v)} ${printValue(v)}`,
  );
}

function toFloat(v: Num): number {
  return v instanceof RFloat ? v.value : Number(v);
}

function exact(r: bigint, op: string): number | bigint {
  const n = normalizeInt(r);
  if (n === undefined)
    throw new RtfsError(
      RuntimeCodes.overflow,
      `integer overflow in ${op}: result does not fit in 64 bits`,
    );
  return n;
}

export function add(a: Value, b: Value): Value {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    return Number.isSafeInteger(r) ? r : exact(BigInt(a) + BigInt(b), '+');
  }
  const x = num(a, '+');
  const y = num(b, '+');
  if (x instanceof RFloat || y instanceof RFloat) return new RFloat(toFloat(x) + toFloat(y));
  return exact(BigInt(x) + BigInt(y), '+');
}

export function sub(a: Value, b: Value): Value {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    return Number.isSafeInteger(r) ? r : exact(BigInt(a) - BigInt(b), '-');
  }
  const x = num(a, '-');
  const y = num(b, '-');
  if (x instanceof RFloat || y instanceof RFloat) return new RFloat(toFloat(x) - toFloat(y));
  return exact(BigInt(x) - BigInt(y), '-');
}

/** Unary `-`: exact for ints (`(- MIN_I64)` overflows); `(- 0.0)` is `-0.0`. */
export function neg(a: Value): Value {
  if (a instanceof RFloat) return new RFloat(-a.value);
  return sub(0, a);
}

export function mul(a: Value, b: Value): Value {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (Number.isSafeInteger(r)) return r === 0 ? 0 : r;
    return exact(BigInt(a) * BigInt(b), '*');
  }
  const x = num(a, '*');
  const y = num(b, '*');
  if (x instanceof RFloat || y instanceof RFloat) return new RFloat(toFloat(x) * toFloat(y));
  return exact(BigInt(x) * BigInt(y), '*');
}

/** `/`: an integer when both are integers and the division is exact, else a float. */
export function div(a: Value, b: Value): Value {
  const x = num(a, '/');
  const y = num(b, '/');
  if (!(x instanceof RFloat) && !(y instanceof RFloat)) {
    if (BigInt(y) === 0n) throw new RtfsError(RuntimeCodes.divByZero, 'division by zero');
    const bx = BigInt(x);
    const by = BigInt(y);
    if (bx % by === 0n) return exact(bx / by, '/');
    return new RFloat(Number(x) / Number(y));
  }
  if (toFloat(y) === 0) throw new RtfsError(RuntimeCodes.divByZero, 'division by zero');
  return new RFloat(toFloat(x) / toFloat(y));
}

/** Numeric comparison across ints and floats: negative, zero or positive. */
export function compareNum(a: Value, b: Value, op: string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = num(a, op);
  const y = num(b, op);
  if (x instanceof RFloat || y instanceof RFloat) return toFloat(x) - toFloat(y);
  const d = BigInt(x) - BigInt(y);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}
