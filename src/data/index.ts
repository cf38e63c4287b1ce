export {
  type Value,
  type ObjectValue,
  type RFn,
  type TypeName,
  typeName,
  isInt,
  isTruthy,
} from './value.js';
export { RFloat, float } from './float.js';
export { Keyword, kw } from './keyword.js';
export { Sym, sym } from './symbol.js';
export { Timestamp, Uuid, ResourceHandle } from './literals.js';
export { RList } from './list.js';
export { RVector } from './vector.js';
export { RMap, MapBuilder } from './map.js';
export { RErrorValue } from './error-value.js';
export { equals, hashValue } from './equality.js';
export {
  printValue,
  printValueStyled,
  printDisplay,
  formatFloat,
  quoteString,
  type Paint,
} from './printer.js';
export { MIN_I64, MAX_I64, normalizeInt } from './ints.js';
export { toPlain, fromPlain, type Plain } from './plain.js';
export { MAX_BUILD, MAX_STRING } from './limits.js';
