/**
 * Core primitives as a table keyed by RTFS name (the rest of the standard library
 * will live in stdlib/*.rtfs on top of these).
 */
import {
  type Value,
  RVector,
  RList,
  RMap,
  RFloat,
  equals,
  isTruthy,
  printValue,
  typeName,
} from '../data/index.js';
import { Builtin, type NumOp } from '../runtime/fn.js';
import { RtfsError, RuntimeCodes } from '../runtime/errors.js';
import { add, sub, neg, mul, div, compareNum } from './arithmetic.js';
import { cpLength } from './seq.js';
import { ArrayBuiltin, joinChecked, strChecked } from './support.js';
import { strFew } from './str-few.js';

function fold(op: (a: Value, b: Value) => Value, init: Value) {
  return (...xs: Value[]): Value => {
    // One argument goes through op too, so (apply + ["a"]) is a type error like (+ "a").
    if (xs.length === 1) return op(init, xs[0] as Value);
    let acc = xs.length === 0 ? init : (xs[0] as Value);
    for (let i = 1; i < xs.length; i++) acc = op(acc, xs[i] as Value);
    return acc;
  };
}

/** A type error that names inc / dec (not the + or - they are built on). */
function numberArg(fn: string, x: Value): Value {
  if (typeof x === 'number' || typeof x === 'bigint' || x instanceof RFloat) return x;
  throw new RtfsError(
    RuntimeCodes.type,
    `${fn} expects a number, got ${typeName(x)} ${printValue(x)}`,
  );
}

const inc = (x: Value): Value => add(numberArg('inc', x), 1);
const dec = (x: Value): Value => sub(numberArg('dec', x), 1);

function chain(op: string, test: (c: number) => boolean) {
  return (...xs: Value[]): boolean => {
    for (let i = 1; i < xs.length; i++)
      if (!test(compareNum(xs[i - 1] as Value, xs[i] as Value, op))) return false;
    return true;
  };
}

function count(v: Value): number {
  if (v === null) return 0;
  if (typeof v === 'string') return cpLength(v);
  if (typeof v === 'object') {
    switch (v.kind) {
      case 'vector':
      case 'list':
        return v.count;
      case 'map':
        return v.size;
      default:
        break;
    }
  }
  throw new RtfsError(
    RuntimeCodes.type,
    `count expects a collection or string, got ${typeName(v)}`,
  );
}

function numOp(op: NumOp, b: Builtin): Builtin {
  b.numOp = op;
  return b;
}

export const coreBuiltins: readonly Builtin[] = [
  numOp('+', new Builtin('+', 0, Infinity, fold(add, 0), (a) => add(0, a), add)),
  new Builtin('*', 0, Infinity, fold(mul, 1), (a) => mul(1, a), mul),
  numOp(
    '-',
    new Builtin(
      '-',
      1,
      Infinity,
      (...xs) => (xs.length === 1 ? neg(xs[0] as Value) : fold(sub, 0)(...xs)),
      neg,
      sub,
    ),
  ),
  new Builtin(
    '/',
    1,
    Infinity,
    (...xs) => (xs.length === 1 ? div(1, xs[0] as Value) : fold(div, 1)(...xs)),
    (a) => div(1, a),
    div,
  ),
  numOp(
    '<',
    new Builtin(
      '<',
      1,
      Infinity,
      chain('<', (c) => c < 0),
      undefined,
      (a, b) =>
        typeof a === 'number' && typeof b === 'number' ? a < b : compareNum(a, b, '<') < 0,
    ),
  ),
  numOp(
    '>',
    new Builtin(
      '>',
      1,
      Infinity,
      chain('>', (c) => c > 0),
      undefined,
      (a, b) =>
        typeof a === 'number' && typeof b === 'number' ? a > b : compareNum(a, b, '>') > 0,
    ),
  ),
  numOp(
    '<=',
    new Builtin(
      '<=',
      1,
      Infinity,
      chain('<=', (c) => c <= 0),
      undefined,
      (a, b) => compareNum(a, b, '<=') <= 0,
    ),
  ),
  numOp(
    '>=',
    new Builtin(
      '>=',
      1,
      Infinity,
      chain('>=', (c) => c >= 0),
      undefined,
      (a, b) => compareNum(a, b, '>=') >= 0,
    ),
  ),
  new Builtin(
    '=',
    1,
    Infinity,
    (...xs) => xs.every((x, i) => i === 0 || equals(xs[i - 1] as Value, x)),
    undefined,
    equals,
  ),
  new Builtin(
    'not=',
    1,
    Infinity,
    (...xs) => !xs.every((x, i) => i === 0 || equals(xs[i - 1] as Value, x)),
  ),
  new Builtin('inc', 1, 1, inc, inc),
  new Builtin('dec', 1, 1, dec, dec),
  new Builtin('not', 1, 1, (x) => !isTruthy(x)),
  new ArrayBuiltin('vector', 0, Infinity, (xs) => RVector.from(xs.slice())),
  new ArrayBuiltin('list', 0, Infinity, (xs) => new RList([...xs])),
  new Builtin('hash-map', 0, Infinity, (...xs) => {
    if (xs.length % 2 !== 0)
      throw new RtfsError(RuntimeCodes.arity, 'hash-map: expects key/value pairs (an even count)');
    return RMap.fromFlat(xs);
  }),
  new Builtin('count', 1, 1, (x) => count(x)),
  new ArrayBuiltin('str', 0, Infinity, (xs) => strChecked('str', xs), undefined, undefined, strFew),
  new ArrayBuiltin('pr-str', 0, Infinity, (xs) => joinChecked('pr-str', xs.map(printValue), ' ')),
  new Builtin('type-name', 1, 1, (x) => typeName(x)),
];
