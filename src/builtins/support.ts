/**
 * Shared helpers for builtin tables: error constructors with stable codes, argument
 * checks, and compact ways to declare builtins (aliases, array-taking variadics).
 */
import {
  type Value,
  MAX_BUILD,
  MAX_STRING,
  RFloat,
  printDisplay,
  typeName,
} from '../data/index.js';
import { Builtin } from '../runtime/fn.js';
import { RtfsError, RuntimeCodes } from '../runtime/errors.js';
import { charge } from '../runtime/budget.js';

/** `runtime/type-error`: "<fn>: expected <expected>, got <actual type>". */
export function typeError(fn: string, expected: string, got: Value): RtfsError {
  return new RtfsError(RuntimeCodes.type, `${fn}: expected ${expected}, got ${typeName(got)}`);
}

/** `runtime/invalid-argument`: the type is right but the value is not. */
export function invalidArg(fn: string, message: string): RtfsError {
  return new RtfsError(RuntimeCodes.invalidArgument, `${fn}: ${message}`);
}

export function indexError(fn: string, index: number, count: number): RtfsError {
  return new RtfsError(
    RuntimeCodes.index,
    `${fn}: index ${index} is out of bounds for length ${count}`,
  );
}

export function arityError(fn: string, message: string): RtfsError {
  return new RtfsError(RuntimeCodes.arity, `${fn}: ${message}`);
}

export { MAX_BUILD, MAX_STRING };

/** Fails with `runtime/collection-too-large` when `n` items exceed {@link MAX_BUILD}. */
export function checkCollectionSize(fn: string, n: number): void {
  if (n > MAX_BUILD)
    throw new RtfsError(
      RuntimeCodes.collectionTooLarge,
      `${fn}: the result would have ${n.toLocaleString('en-US')} items (limit ${MAX_BUILD.toLocaleString('en-US')})`,
    );
}

/** Fails with `runtime/string-too-long` when `n` characters exceed {@link MAX_STRING}. */
export function checkStringSize(fn: string, n: number): void {
  if (n > MAX_STRING)
    throw new RtfsError(
      RuntimeCodes.stringTooLong,
      `${fn}: the result would be ${n.toLocaleString('en-US')} characters long (limit ${MAX_STRING.toLocaleString('en-US')})`,
    );
}

/** `parts` joined with `sep`, after checking the length (and charging the work). */
export function joinChecked(fn: string, parts: readonly string[], sep: string): string {
  let n = sep.length * Math.max(0, parts.length - 1);
  for (const p of parts) n += p.length;
  checkStringSize(fn, n);
  charge(parts.length);
  return parts.join(sep);
}

/** The most characters a JS number prints as (`-1.2345678901234567e-308`). */
const NUMBER_CHARS = 25;

/**
 * `str` of `xs` (each as {@link strPart} renders it), size-checked and charged like
 * {@link joinChecked}. When every item is a string or a number and the result surely
 * fits, one `join` makes it flat in one allocation: appending piece by piece leaves a
 * chain of intermediate and cons strings, which the garbage collector then copies
 * (measured in docs/adr/0027).
 */
export function strChecked(fn: string, xs: readonly Value[]): string {
  const n = xs.length;
  let bound = 0;
  for (let i = 0; i < n; i++) {
    const x = xs[i] as Value;
    if (typeof x === 'string') bound += x.length;
    else if (typeof x === 'number') bound += NUMBER_CHARS;
    else return strAppended(fn, xs);
  }
  if (bound > MAX_STRING) return strAppended(fn, xs);
  charge(n);
  return n === 1 && typeof xs[0] === 'string' ? xs[0] : xs.join('');
}

/** {@link strChecked} one item at a time, size-checked before each append. */
function strAppended(fn: string, xs: readonly Value[]): string {
  const n = xs.length;
  let out = '';
  for (let i = 0; i < n; i++) {
    const x = xs[i] as Value;
    const s = typeof x === 'string' ? x : typeof x === 'number' ? String(x) : strPart(x);
    if (out.length + s.length > MAX_STRING) checkStringSize(fn, out.length + s.length);
    out += s;
  }
  charge(n);
  return out;
}

/**
 * The length of `items` joined with separators of `sepLength` characters, or -1 when
 * one of them is not a string. A function of its own: V8 compiles a long join's loop
 * on the stack (OSR) with only this loop in it, and the return needs no type feedback
 * that the caller has not gathered yet (ADR 0055).
 */
function stringsLength(items: readonly Value[], sepLength: number): number {
  const n = items.length;
  let len = sepLength * Math.max(0, n - 1);
  for (let i = 0; i < n; i++) {
    const x = items[i] as Value;
    if (typeof x !== 'string') return -1;
    len += x.length;
  }
  return len;
}

/**
 * `items` rendered by {@link strPart} and joined with `sep`, size-checked and charged
 * like {@link joinChecked}; when every item is a string, no array of parts is made.
 */
export function joinValues(fn: string, items: readonly Value[], sep: string): string {
  const n = items.length;
  const all = stringsLength(items, sep.length);
  if (all >= 0) {
    checkStringSize(fn, all);
    charge(n);
    return (items as readonly string[]).join(sep);
  }
  let len = sep.length * Math.max(0, n - 1);
  let parts: string[] | undefined;
  for (let i = 0; i < n; i++) {
    const x = items[i] as Value;
    if (typeof x === 'string') {
      len += x.length;
      if (parts !== undefined) parts[i] = x;
      continue;
    }
    if (parts === undefined) parts = (items as readonly string[]).slice(0, i);
    const s = strPart(x);
    len += s.length;
    parts[i] = s;
  }
  checkStringSize(fn, len);
  charge(n);
  return (parts ?? (items as readonly string[])).join(sep);
}

export function isNumber(v: Value): v is number | bigint | RFloat {
  return typeof v === 'number' || typeof v === 'bigint' || v instanceof RFloat;
}

/** An integer argument as a JS number (bigints become ±huge, which callers clamp). */
export function intArg(fn: string, v: Value, what = 'an integer'): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  throw typeError(fn, what, v);
}

/**
 * A value as `str` and `join` render it: strings raw, nil as `nil` (as the reference,
 * whose stdlib tests assert `(str nil)` = "nil"), other values printed.
 */
export function strPart(v: Value): string {
  return v === null ? 'nil' : printDisplay(v);
}

export function strArg(fn: string, v: Value): string {
  if (typeof v === 'string') return v;
  throw typeError(fn, 'a string', v);
}

type F = (...args: Value[]) => Value;
type F1 = (a: Value) => Value;
type F2 = (a: Value, b: Value) => Value;

/** One builtin under several names (each reports its own name in arity errors). */
export function def(
  names: string | readonly string[],
  min: number,
  max: number,
  f: F,
  f1?: F1,
  f2?: F2,
): Builtin[] {
  const list = typeof names === 'string' ? [names] : names;
  return list.map((n) => new Builtin(n, min, max, f, f1, f2));
}

/**
 * A builtin whose body takes the argument array itself, so a variadic call made with
 * an array (3+ arguments, `apply`) does not spread and re-collect it. The body must
 * not mutate or keep `args`.
 */
export class ArrayBuiltin extends Builtin {
  constructor(
    name: string,
    min: number,
    max: number,
    private readonly fa: (args: readonly Value[]) => Value,
    f1?: F1,
    f2?: F2,
    /** The entry for arguments passed spread (`f`); by default it collects them for `fa`. */
    spread: (...args: Value[]) => Value = (...xs) => fa(xs),
  ) {
    super(name, min, max, spread, f1, f2);
  }

  override invoke(args: Value[]): Value {
    if (args.length < this.min || args.length > this.max) return super.invoke(args);
    return this.fa(args);
  }
}

/** {@link def} for {@link ArrayBuiltin}s. */
export function defa(
  names: string | readonly string[],
  min: number,
  max: number,
  fa: (args: readonly Value[]) => Value,
  f1?: F1,
  f2?: F2,
): Builtin[] {
  const list = typeof names === 'string' ? [names] : names;
  return list.map((n) => new ArrayBuiltin(n, min, max, fa, f1, f2));
}
