/**
 * Taking, dropping and chunking. Results are vectors, except that a string input gives
 * a string (as the reference's `take`/`drop` do): `(take 2 "héllo")` is `"hé"`.
 * Negative counts take or drop nothing.
 */
import { type Value, RVector, isTruthy } from '../data/index.js';
import type { Builtin } from '../runtime/fn.js';
import { call1, isCallable } from '../runtime/apply.js';
import { def, indexError, intArg, invalidArg, typeError } from './support.js';
import { cpLength, cpSlice, seqItems } from './seq.js';

/** Items `[start, end)` of `coll`, shaped like it (string → string, else vector). */
function slice(fn: string, coll: Value, from: number, to: number): Value {
  const start = Math.max(0, from);
  const end = Math.max(start, to);
  if (typeof coll === 'string') return cpSlice(coll, start, end);
  if (typeof coll === 'object' && coll !== null && coll.kind === 'vector') {
    if (start <= 0 && end >= coll.count) return coll;
    return coll.slice(start, end);
  }
  return RVector.from(seqItems(coll, fn).slice(start, end));
}

function count(fn: string, coll: Value): number {
  if (typeof coll === 'string') return cpLength(coll);
  if (typeof coll === 'object' && coll !== null && (coll.kind === 'vector' || coll.kind === 'list'))
    return coll.count;
  return seqItems(coll, fn).length;
}

function take(n: Value, coll: Value): Value {
  return slice('take', coll, 0, Math.max(0, intArg('take', n)));
}

function drop(n: Value, coll: Value): Value {
  const k = Math.max(0, intArg('drop', n));
  return slice('drop', coll, k, Math.max(k, count('drop', coll)));
}

function takeLast(n: Value, coll: Value): Value {
  const c = count('take-last', coll);
  return slice('take-last', coll, c - Math.max(0, intArg('take-last', n)), c);
}

function dropLast(a: Value, b?: Value): Value {
  const [n, coll] = b === undefined ? [1, a] : [intArg('drop-last', a), b];
  const c = count('drop-last', coll);
  return slice('drop-last', coll, 0, c - Math.max(0, n));
}

function butlast(coll: Value): Value {
  const c = count('butlast', coll);
  return c <= 1 ? null : slice('butlast', coll, 0, c - 1);
}

/** Index of the first item failing `pred`. */
function prefixLength(fn: string, pred: Value, coll: Value): number {
  if (!isCallable(pred)) throw typeError(fn, 'a function', pred);
  const items = seqItems(coll, fn);
  let i = 0;
  while (i < items.length && isTruthy(call1(pred, items[i] as Value))) i++;
  return i;
}

function takeWhile(pred: Value, coll: Value): Value {
  return slice('take-while', coll, 0, prefixLength('take-while', pred, coll));
}

function dropWhile(pred: Value, coll: Value): Value {
  const k = prefixLength('drop-while', pred, coll);
  return slice('drop-while', coll, k, count('drop-while', coll));
}

function subvec(v: Value, start: Value, end?: Value): Value {
  if (typeof v !== 'object' || v === null || v.kind !== 'vector')
    throw typeError('subvec', 'a vector', v);
  const s = intArg('subvec', start);
  const e = end === undefined ? v.count : intArg('subvec', end);
  if (s < 0 || s > v.count) throw indexError('subvec', s, v.count);
  if (e < s || e > v.count) throw indexError('subvec', e, v.count);
  return v.slice(s, e);
}

function chunkSize(fn: string, n: Value, what: string): number {
  const k = intArg(fn, n);
  if (k <= 0) throw invalidArg(fn, `${what} must be a positive integer, got ${k}`);
  return k;
}

/** Chunks of `n` items starting every `step` items; the last chunks may be shorter. */
function chunks(fn: string, n: number, step: number, coll: Value): Value {
  const items = seqItems(coll, fn);
  const out: Value[] = [];
  for (let i = 0; i < items.length; i += step) out.push(RVector.from(items.slice(i, i + n)));
  return RVector.from(out);
}

function partitionAll(a: Value, b: Value, c?: Value): Value {
  const n = chunkSize('partition-all', a, 'size');
  if (c === undefined) return chunks('partition-all', n, n, b);
  return chunks('partition-all', n, chunkSize('partition-all', b, 'step'), c);
}

export const sliceBuiltins: readonly Builtin[] = [
  ...def('take', 2, 2, take, undefined, take),
  ...def('drop', 2, 2, drop, undefined, drop),
  ...def('take-last', 2, 2, takeLast),
  ...def('drop-last', 1, 2, dropLast),
  ...def('butlast', 1, 1, butlast),
  ...def('take-while', 2, 2, takeWhile),
  ...def('drop-while', 2, 2, dropWhile),
  ...def('subvec', 2, 3, subvec),
  ...def('partition', 2, 2, (n, coll) => {
    const k = chunkSize('partition', n, 'size');
    return chunks('partition', k, k, coll);
  }),
  ...def('partition-all', 2, 3, partitionAll),
];
