/**
 * Type and value predicates. All take one argument and never fail on its type, except
 * `some?` with two arguments (the reference's "any item satisfies pred").
 */
import { type Value, RFloat, isTruthy } from '../data/index.js';
import type { Builtin } from '../runtime/fn.js';
import { call1, isCallable } from '../runtime/apply.js';
import { def, typeError } from './support.js';
import { seqItems } from './seq.js';

function kindIs(kind: string) {
  return (v: Value): boolean => typeof v === 'object' && v !== null && v.kind === kind;
}

function pred(names: string | readonly string[], test: (v: Value) => boolean): Builtin[] {
  return def(names, 1, 1, test, test);
}

/** `empty?`: nil, "", and empty vectors, lists and maps; any other value is not empty. */
export function isEmpty(v: Value): boolean {
  if (v === null) return true;
  if (typeof v === 'string') return v.length === 0;
  if (typeof v !== 'object') return false;
  switch (v.kind) {
    case 'vector':
    case 'list':
      return v.count === 0;
    case 'map':
      return v.size === 0;
    default:
      return false;
  }
}

/** `(some? x)`: x is not nil. `(some? pred coll)`: some item makes pred truthy. */
function some(x: Value, coll?: Value): boolean {
  if (coll === undefined) return x !== null;
  if (!isCallable(x)) throw typeError('some?', 'a function', x);
  for (const item of seqItems(coll, 'some?')) if (isTruthy(call1(x, item))) return true;
  return false;
}

const isInt = (v: Value): boolean => typeof v === 'number' || typeof v === 'bigint';
const isBool = (v: Value): boolean => typeof v === 'boolean';
const isString = (v: Value): boolean => typeof v === 'string';
const isVector = kindIs('vector');
const isList = kindIs('list');
const isMap = kindIs('map');

export const predicateBuiltins: readonly Builtin[] = [
  ...pred('nil?', (v) => v === null),
  ...def(
    'some?',
    1,
    2,
    (x, coll) => some(x, coll),
    (x) => x !== null,
  ),
  ...pred('empty?', isEmpty),
  ...pred(['string?', 'string-p'], isString),
  ...pred('number?', (v) => isInt(v) || v instanceof RFloat),
  ...pred(['int?', 'integer?'], isInt),
  ...pred(['float?', 'double?'], (v) => v instanceof RFloat),
  ...pred(['bool?', 'boolean?'], isBool),
  ...pred('keyword?', kindIs('keyword')),
  ...pred('symbol?', kindIs('symbol')),
  ...pred('map?', isMap),
  ...pred('vector?', isVector),
  ...pred(['list?', 'seq?'], isList),
  ...pred('fn?', kindIs('fn')),
  ...pred('coll?', (v) => isVector(v) || isList(v) || isMap(v)),
  ...pred('sequential?', (v) => isVector(v) || isList(v)),
  ...pred('true?', (v) => v === true),
  ...pred('false?', (v) => v === false),
  ...pred('error?', kindIs('error')),
];
