import type { RFloat } from './float.js';
import type { Keyword } from './keyword.js';
import type { Sym } from './symbol.js';
import type { Timestamp, Uuid, ResourceHandle } from './literals.js';
import type { RList } from './list.js';
import type { RVector } from './vector.js';
import type { RMap } from './map.js';
import type { RErrorValue } from './error-value.js';

/**
 * A callable RTFS value. The runtime defines the concrete classes; data only needs
 * to recognise, compare (by identity) and print them.
 */
export interface RFn {
  readonly kind: 'fn';
  readonly name: string | undefined;
}

/**
 * Every RTFS value, which is also every piece of RTFS code (code is data).
 *
 * - `null` is nil; booleans are JS booleans; strings are JS strings.
 * - Integers are JS numbers when they are safe integers and bigints otherwise
 *   (always within signed 64 bits; the canonical form is a number whenever possible).
 * - Floats are boxed ({@link RFloat}) so that `4.0` and `4` stay distinct.
 */
export type Value =
  | null
  | boolean
  | number
  | bigint
  | string
  | RFloat
  | Keyword
  | Sym
  | Timestamp
  | Uuid
  | ResourceHandle
  | RList
  | RVector
  | RMap
  | RFn
  | RErrorValue;

export type ObjectValue = Exclude<Value, null | boolean | number | bigint | string>;

/** Names returned by `type-name` (and used in error messages). */
export type TypeName =
  | 'nil'
  | 'boolean'
  | 'integer'
  | 'float'
  | 'string'
  | 'keyword'
  | 'symbol'
  | 'timestamp'
  | 'uuid'
  | 'resource-handle'
  | 'list'
  | 'vector'
  | 'map'
  | 'function'
  | 'error';

export function typeName(v: Value): TypeName {
  switch (typeof v) {
    case 'object':
      if (v === null) return 'nil';
      return objectTypeName(v);
    case 'boolean':
      return 'boolean';
    case 'number':
    case 'bigint':
      return 'integer';
    case 'string':
      return 'string';
    default:
      throw new Error(`typeName: not an RTFS value (${typeof v})`);
  }
}

function objectTypeName(v: ObjectValue): TypeName {
  switch (v.kind) {
    case 'float':
      return 'float';
    case 'keyword':
      return 'keyword';
    case 'symbol':
      return 'symbol';
    case 'timestamp':
      return 'timestamp';
    case 'uuid':
      return 'uuid';
    case 'resource':
      return 'resource-handle';
    case 'list':
      return 'list';
    case 'vector':
      return 'vector';
    case 'map':
      return 'map';
    case 'fn':
      return 'function';
    case 'error':
      return 'error';
  }
}

export function isInt(v: Value): v is number | bigint {
  return typeof v === 'number' || typeof v === 'bigint';
}

/** Only nil and false are falsey. */
export function isTruthy(v: Value): boolean {
  return v !== null && v !== false;
}
