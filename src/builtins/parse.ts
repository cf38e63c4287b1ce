/**
 * Clojure's conversions and strict parsers: `boolean`, `long` and `double` (the
 * coercions `int` and `float` under Clojure's names), and `parse-long`,
 * `parse-double`, `parse-boolean` (clojure.core 1.11): a string that is not exactly a
 * number or boolean gives nil; a value that is not a string is a type error.
 */
import { type Value, RFloat, isTruthy, normalizeInt } from '../data/index.js';
import type { Builtin } from '../runtime/fn.js';
import { numberBuiltins } from './numbers.js';
import { aliasOf, builtinNamed } from './aliases.js';
import { def, strArg } from './support.js';

const LONG_TEXT = /^[+-]?\d+$/;
// Java's Double.parseDouble grammar without hex floats: whitespace around is allowed.
const DOUBLE_TEXT = /^[+-]?(?:NaN|Infinity|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[dDfF]?)$/;

/** `(parse-long "42")` → 42; nil when the text is not a whole 64-bit integer. */
function parseLong(s: Value): Value {
  const t = strArg('parse-long', s);
  if (!LONG_TEXT.test(t)) return null;
  return normalizeInt(BigInt(t)) ?? null;
}

/** `(parse-double "1.5")` → 1.5; also `"1e3"`, `"NaN"`, `"-Infinity"`; else nil. */
function parseDouble(s: Value): Value {
  const t = strArg('parse-double', s).trim();
  if (!DOUBLE_TEXT.test(t)) return null;
  const body = t.replace(/[dDfF]$/, '');
  return new RFloat(Number(body));
}

/** `(parse-boolean "true")` → true, `"false"` → false, anything else nil. */
function parseBoolean(s: Value): Value {
  const t = strArg('parse-boolean', s);
  return t === 'true' ? true : t === 'false' ? false : null;
}

export const parseBuiltins: readonly Builtin[] = [
  ...def(
    'boolean',
    1,
    1,
    (x) => isTruthy(x),
    (x) => isTruthy(x),
  ),
  aliasOf(builtinNamed(numberBuiltins, 'int'), 'long'),
  aliasOf(builtinNamed(numberBuiltins, 'float'), 'double'),
  ...def('parse-long', 1, 1, parseLong),
  ...def('parse-double', 1, 1, parseDouble),
  ...def('parse-boolean', 1, 1, parseBoolean),
];
