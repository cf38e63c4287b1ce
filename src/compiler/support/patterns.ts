/**
 * Runtime halves of destructuring (runtime/bind-pattern.ts) and `match` patterns
 * (runtime/compile-match.ts) for compiled code: the emitted code stores into its own
 * variables; these helpers do the type checks and element access.
 */
import type { Span } from '../../source/index.js';
import { type Value, RList, RVector, RMap, printValue, typeName } from '../../data/index.js';
import { RtfsError, RuntimeCodes } from '../../runtime/errors.js';
import { keywordLookup } from '../../runtime/keyword-call.js';
import { equals } from '../../data/index.js';

export { equals };

const EMPTY: Value[] = [];

/** The elements a vector pattern destructures (nil: none). */
export function destructureSeq(v: Value, span: Span | undefined): readonly Value[] {
  if (v === null) return EMPTY;
  if (v instanceof RVector) return v.toArray();
  if (v instanceof RList) return v.items;
  throw new RtfsError(
    RuntimeCodes.type,
    `cannot destructure ${typeName(v)} ${printValue(v)} with a vector pattern`,
    span,
  );
}

/** `& rest` of a vector pattern: nil when nothing is left, else a vector or list like `v`. */
export function destructureRest(v: Value, items: readonly Value[], n: number): Value {
  if (items.length <= n) return null;
  const tail = items.slice(n);
  return v instanceof RVector ? RVector.from(tail) : new RList(tail);
}

/** Checks that a map pattern may destructure `v` (a map, an error value or nil). */
export function destructureMap(v: Value, span: Span | undefined): void {
  const isError = typeof v === 'object' && v !== null && v.kind === 'error';
  if (!(v instanceof RMap) && !isError && v !== null) {
    throw new RtfsError(
      RuntimeCodes.type,
      `cannot destructure ${typeName(v)} ${printValue(v)} with a map pattern`,
      span,
    );
  }
}

/** One key of a map pattern, or undefined when absent (then the default or nil applies). */
export function destructureKey(v: Value, key: Value): Value | undefined {
  if (v instanceof RMap) return v.get(key);
  if (
    typeof v === 'object' &&
    v !== null &&
    v.kind === 'error' &&
    typeof key === 'object' &&
    key !== null &&
    key.kind === 'keyword'
  )
    return keywordLookup(key, v, null);
  return undefined;
}

/** A map pattern's `& rest`: the map without the pattern's keys. */
export function withoutKeys(v: Value, keys: readonly Value[]): Value {
  let m = v instanceof RMap ? v : RMap.EMPTY;
  for (const k of keys) m = m.dissoc(k);
  return m;
}

/** The elements a `match` vector pattern sees, or undefined for non-sequences. */
export function matchSeq(v: Value): readonly Value[] | undefined {
  if (v instanceof RVector) return v.toArray();
  if (v instanceof RList) return v.items;
  return undefined;
}

/** A `match` vector pattern's rest: a list for lists, else a vector. */
export function matchRest(v: Value, items: readonly Value[], n: number): Value {
  const tail = items.slice(n);
  return v instanceof RList ? new RList(tail) : RVector.from(tail);
}

export function isMap(v: Value): v is RMap {
  return v instanceof RMap;
}

export function noMatch(v: Value, span: Span | undefined): RtfsError {
  return new RtfsError(RuntimeCodes.noMatch, `no match clause matches ${printValue(v)}`, span, v);
}
