/**
 * Numeric builtins beyond `+ - * /`: remainders, rounding, powers, predicates and the
 * lenient conversions (`int`, `float`, `parse-int`, `parse-float`) of the reference.
 * Integers stay exact (number or bigint); a result outside 64 bits is an
 * `integer-overflow` error. `mod` is floored (Clojure); `rem` is the truncated remainder.
 */
import { type Value, RFloat, RVector, MIN_I64, MAX_I64, normalizeInt } from '../data/index.js';
import type { Builtin } from '../runtime/fn.js';
import { RtfsError, RuntimeCodes } from '../runtime/errors.js';
import { compareNum } from './arithmetic.js';
import {
  checkCollectionSize,
  def,
  intArg,
  invalidArg,
  isNumber,
  typeError,
  MAX_BUILD,
} from './support.js';

type Num = number | bigint | RFloat;

function num(fn: string, v: Value): Num {
  if (isNumber(v)) return v;
  throw typeError(fn, 'a number', v);
}

function toF(x: Num): number {
  return x instanceof RFloat ? x.value : Number(x);
}

function exact(fn: string, r: bigint): number | bigint {
  const n = normalizeInt(r);
  if (n === undefined)
    throw new RtfsError(RuntimeCodes.overflow, `${fn}: integer overflow (result exceeds 64 bits)`);
  return n;
}

function divByZero(fn: string): RtfsError {
  return new RtfsError(RuntimeCodes.divByZero, `${fn}: division by zero`);
}

/** Shared shape of mod / rem / quot: int × int → int, otherwise float. */
function intOp(
  fn: string,
  onNum: (a: number, b: number) => number,
  onBig: (a: bigint, b: bigint) => bigint,
  onFloat: (a: number, b: number) => number,
) {
  return (a: Value, b: Value): Value => {
    const x = num(fn, a);
    const y = num(fn, b);
    if (x instanceof RFloat || y instanceof RFloat) {
      const fy = toF(y);
      if (fy === 0) throw divByZero(fn);
      return new RFloat(onFloat(toF(x), fy));
    }
    if (y === 0 || y === 0n) throw divByZero(fn);
    if (typeof x === 'number' && typeof y === 'number') {
      const r = onNum(x, y);
      return r === 0 ? 0 : r;
    }
    return exact(fn, onBig(BigInt(x), BigInt(y)));
  };
}

function floorMod(r: number, b: number): number {
  return r !== 0 && r < 0 !== b < 0 ? r + b : r;
}

const modAny = intOp(
  'mod',
  (a, b) => floorMod(a % b, b),
  (a, b) => {
    const r = a % b;
    return r !== 0n && r < 0n !== b < 0n ? r + b : r;
  },
  (a, b) => floorMod(a % b, b),
);
const remAny = intOp(
  'rem',
  (a, b) => a % b,
  (a, b) => a % b,
  (a, b) => a % b,
);
const quotAny = intOp(
  'quot',
  (a, b) => (a - (a % b)) / b,
  (a, b) => a / b,
  (a, b) => Math.trunc(a / b),
);

// Two integers first, in a function of each op's own: the closures intOp makes share
// one body, so its call of `onNum` sees all three ops (`+ 0` turns -0 into 0).
const mod = (a: Value, b: Value): Value =>
  typeof a === 'number' && typeof b === 'number' && b !== 0 ? floorMod(a % b, b) + 0 : modAny(a, b);
const rem = (a: Value, b: Value): Value =>
  typeof a === 'number' && typeof b === 'number' && b !== 0 ? (a % b) + 0 : remAny(a, b);
const quot = (a: Value, b: Value): Value =>
  typeof a === 'number' && typeof b === 'number' && b !== 0 ? (a - (a % b)) / b + 0 : quotAny(a, b);

/** A float rounded to an integer (by `how`), as an exact RTFS integer. */
function floatToInt(fn: string, x: number, how: (x: number) => number): number | bigint {
  if (!Number.isFinite(x)) throw invalidArg(fn, `cannot convert ${x} to an integer`);
  const r = how(x);
  return Number.isSafeInteger(r) ? r + 0 : exact(fn, BigInt(r));
}

const halfAwayFromZero = (x: number): number => Math.sign(x) * Math.round(Math.abs(x));

function round(v: Value, places?: Value): Value {
  const x = num('round', v);
  if (places === undefined) {
    return x instanceof RFloat ? floatToInt('round', x.value, halfAwayFromZero) : x;
  }
  const n = intArg('round', places);
  const f = toF(x);
  if (!Number.isFinite(f)) return new RFloat(f);
  const a = Math.abs(f);
  const text = String(a);
  if (text.includes('e')) return new RFloat((Math.sign(f) * Math.round(a * 10 ** n)) / 10 ** n);
  // Decimal-exact rounding through the exponent form: 1.005 → "1.005e2" → 100.5 → 1.01.
  const shifted = Math.round(Number(`${text}e${n}`));
  if (!Number.isSafeInteger(shifted)) return new RFloat(f);
  return new RFloat(Math.sign(f) * Number(`${shifted}e${-n}`));
}

function pow(a: Value, b: Value): Value {
  const x = num('pow', a);
  const y = num('pow', b);
  if (x instanceof RFloat || y instanceof RFloat || y < 0) return new RFloat(toF(x) ** toF(y));
  const base = BigInt(x);
  const e = BigInt(y);
  if (base === 0n || base === 1n) return e === 0n ? 1 : Number(base);
  if (base === -1n) return e % 2n === 0n ? 1 : -1;
  if (e > 64n)
    throw new RtfsError(RuntimeCodes.overflow, 'pow: integer overflow (result exceeds 64 bits)');
  return exact('pow', base ** e);
}

function abs(v: Value): Value {
  const x = num('abs', v);
  if (x instanceof RFloat) return new RFloat(Math.abs(x.value));
  if (typeof x === 'number') return Math.abs(x);
  return exact('abs', x < 0n ? -x : x);
}

function extremum(fn: string, wantGreater: boolean) {
  return (...xs: Value[]): Value => {
    let best = num(fn, xs[0] as Value);
    for (let i = 1; i < xs.length; i++) {
      const x = num(fn, xs[i] as Value);
      const c = compareNum(x, best, fn);
      if (wantGreater ? c > 0 : c < 0) best = x;
    }
    return best;
  };
}

function parity(fn: string, v: Value): boolean {
  const x = num(fn, v);
  if (typeof x === 'bigint') return x % 2n === 0n;
  const n = x instanceof RFloat ? Math.trunc(x.value) : x;
  return n % 2 === 0;
}

function sign(fn: string, v: Value): number {
  const x = num(fn, v);
  const f = x instanceof RFloat ? x.value : x;
  return f > 0 ? 1 : f < 0 ? -1 : 0;
}

function factorial(v: Value): Value {
  if (typeof v !== 'number' && typeof v !== 'bigint') throw typeError('factorial', 'an integer', v);
  if (v < 0) throw invalidArg('factorial', 'not defined for negative numbers');
  if (v > 20) throw new RtfsError(RuntimeCodes.overflow, 'factorial: integer overflow (n > 20)');
  let r = 1n;
  for (let i = 2n; i <= BigInt(v); i++) r *= i;
  return exact('factorial', r);
}

const INT_TEXT = /^[+-]?\d+$/;
const FLOAT_TEXT = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf|infinity|nan)$/i;

/** Rust `str::parse::<i64>` after trimming: undefined when it fails. */
function parseI64(s: string): number | bigint | undefined {
  const t = s.trim();
  if (!INT_TEXT.test(t)) return undefined;
  const n = Number(t);
  return Number.isSafeInteger(n) ? n + 0 : normalizeInt(BigInt(t));
}

/** Rust `str::parse::<f64>` after trimming: undefined when it fails. */
function parseF64(s: string): number | undefined {
  const t = s.trim();
  if (!FLOAT_TEXT.test(t)) return undefined;
  const body = t.replace(/^[+-]/, '').toLowerCase();
  const neg = t.startsWith('-') ? -1 : 1;
  if (body === 'nan') return NaN;
  if (body === 'inf' || body === 'infinity') return neg * Infinity;
  return Number(t);
}

/** Rust `f as i64`: truncates, saturates at the i64 bounds, NaN becomes 0. */
function saturatingInt(f: number): number | bigint {
  if (f !== f) return 0;
  const t = Math.trunc(f);
  if (Number.isSafeInteger(t)) return t + 0;
  if (t >= 2 ** 63) return MAX_I64;
  if (t <= -(2 ** 63)) return MIN_I64;
  return normalizeInt(BigInt(t)) as number | bigint;
}

function toInt(v: Value): Value {
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  if (v instanceof RFloat) return saturatingInt(v.value);
  if (typeof v === 'string') return parseI64(v) ?? 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return 0;
}

function toFloat(v: Value): Value {
  if (v instanceof RFloat) return v;
  if (typeof v === 'number' || typeof v === 'bigint') return new RFloat(Number(v));
  if (typeof v === 'string') return new RFloat(parseF64(v) ?? 0);
  if (typeof v === 'boolean') return new RFloat(v ? 1 : 0);
  return new RFloat(0);
}

function parseInt_(v: Value): Value {
  if (typeof v === 'string') return parseI64(v) ?? null;
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  if (v instanceof RFloat) return saturatingInt(v.value);
  return null;
}

function parseFloat_(v: Value): Value {
  if (typeof v === 'string') {
    const f = parseF64(v);
    return f === undefined ? null : new RFloat(f);
  }
  if (v instanceof RFloat) return v;
  if (typeof v === 'number' || typeof v === 'bigint') return new RFloat(Number(v));
  return null;
}

/** `(numbers from to)`: the inclusive integer range; float bounds are truncated. */
function numbers(a: Value, b: Value): Value {
  const lo = truncBig('numbers', num('numbers', a));
  const hi = truncBig('numbers', num('numbers', b));
  if (hi - lo + 1n > BigInt(MAX_BUILD)) checkCollectionSize('numbers', Number(hi - lo + 1n));
  const out: Value[] = [];
  const [l, h] = [Number(lo), Number(hi)];
  if (Number.isSafeInteger(l) && Number.isSafeInteger(h)) {
    for (let i = l; i <= h; i++) out.push(i);
  } else {
    // Exact beyond ±2^53, where a number loop would stop advancing (i++ is a no-op).
    for (let i = lo; i <= hi; i++) out.push(exact('numbers', i));
  }
  return RVector.from(out);
}

/** An integer bound: ints exactly, floats truncated (NaN and infinities are errors). */
function truncBig(fn: string, x: Num): bigint {
  if (!(x instanceof RFloat)) return BigInt(x);
  if (!Number.isFinite(x.value)) throw invalidArg(fn, `expected a finite number, got ${x.value}`);
  return BigInt(Math.trunc(x.value));
}

function sqrt(v: Value): Value {
  const x = toF(num('sqrt', v));
  if (x < 0) throw invalidArg('sqrt', 'cannot take the square root of a negative number');
  return new RFloat(Math.sqrt(x));
}

// An int held as a JS number answers inline (a predicate `filter` calls per item).
const even = (v: Value): Value => (typeof v === 'number' ? v % 2 === 0 : parity('even?', v));
const odd = (v: Value): Value => (typeof v === 'number' ? v % 2 !== 0 : !parity('odd?', v));
const zero = (v: Value): Value => sign('zero?', v) === 0 && !Number.isNaN(toF(v as Num));
const pos = (v: Value): Value => sign('pos?', v) > 0;
const neg = (v: Value): Value => sign('neg?', v) < 0;

export const numberBuiltins: readonly Builtin[] = [
  ...def('mod', 2, 2, mod, undefined, mod),
  ...def('rem', 2, 2, rem, undefined, rem),
  ...def('quot', 2, 2, quot, undefined, quot),
  ...def('abs', 1, 1, abs, abs),
  ...def('max', 1, Infinity, extremum('max', true)),
  ...def('min', 1, Infinity, extremum('min', false)),
  ...def(
    'round',
    1,
    2,
    (v, p) => round(v, p),
    (v) => round(v),
  ),
  ...def('floor', 1, 1, (v) => {
    const x = num('floor', v);
    return x instanceof RFloat ? floatToInt('floor', x.value, Math.floor) : x;
  }),
  ...def('ceil', 1, 1, (v) => {
    const x = num('ceil', v);
    return x instanceof RFloat ? floatToInt('ceil', x.value, Math.ceil) : x;
  }),
  ...def('pow', 2, 2, pow),
  ...def('sqrt', 1, 1, sqrt),
  ...def('factorial', 1, 1, factorial),
  ...def('even?', 1, 1, even, even),
  ...def('odd?', 1, 1, odd, odd),
  ...def('zero?', 1, 1, zero, zero),
  ...def('pos?', 1, 1, pos, pos),
  ...def('neg?', 1, 1, neg, neg),
  ...def('int', 1, 1, toInt, toInt),
  ...def('float', 1, 1, toFloat, toFloat),
  ...def('parse-int', 1, 1, parseInt_),
  ...def('parse-float', 1, 1, parseFloat_),
  ...def('numbers', 2, 2, numbers),
];
