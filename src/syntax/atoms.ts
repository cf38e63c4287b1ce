/**
 * Turning token text into RTFS values. Both readers (the Chevrotain parser and the
 * fast path) call these, so an atom means the same thing whichever reader saw it.
 * Tokens are maximal runs of atom characters, and classification looks at the whole
 * text: `truthy`, `nil?`, `if-not`, `deref` and `_name` are all plain symbols.
 */
import { SyntaxCodes, type SyntaxCode } from '../diagnostics/index.js';
import { clipText } from '../source/index.js';
import {
  type Value,
  float,
  Keyword,
  Sym,
  Timestamp,
  Uuid,
  ResourceHandle,
  normalizeInt,
} from '../data/index.js';
import { COLON } from './colon.js';

export type AtomResult =
  | { readonly ok: true; readonly value: Value }
  | { readonly ok: false; readonly code: SyntaxCode; readonly message: string };

const INT = /^[+-]?[0-9]+$/;
const FLOAT = /^[+-]?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;
const TIMESTAMP =
  /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:[._][0-9]{1,9})?(?:Z|[+-][0-9]{2}:[0-9]{2})$/;
const TIMESTAMP_LIKE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T/;
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

function ok(value: Value): AtomResult {
  return { ok: true, value };
}

function fail(code: SyntaxCode, message: string): AtomResult {
  return { ok: false, code, message };
}

/** Classifies a bare atom token: nil/true/false, numbers, timestamps, UUIDs, symbols. */
export function classifyAtom(text: string): AtomResult {
  const c = text.charCodeAt(0);
  const isDigit = c >= 48 && c <= 57;
  const signed = (c === 43 || c === 45) && text.length > 1;
  const c1 = text.charCodeAt(1);
  if (isDigit || (signed && c1 >= 48 && c1 <= 57)) return classifyNumeric(text);
  if (text.length === 36 && UUID.test(text)) return ok(new Uuid(text));
  switch (text) {
    case 'nil':
      return ok(null);
    case 'true':
      return ok(true);
    case 'false':
      return ok(false);
  }
  return classifySymbol(text);
}

function classifyNumeric(text: string): AtomResult {
  if (INT.test(text)) return parseInteger(text);
  if (FLOAT.test(text)) {
    const n = Number(text);
    return ok(float(n));
  }
  if (text.length === 36 && UUID.test(text)) return ok(new Uuid(text));
  if (TIMESTAMP.test(text)) {
    if (!isRealDateTime(text)) {
      return fail(
        SyntaxCodes.invalidTimestamp,
        `invalid timestamp '${text}': no such date or time`,
      );
    }
    return ok(new Timestamp(text));
  }
  if (TIMESTAMP_LIKE.test(text)) {
    return fail(
      SyntaxCodes.invalidTimestamp,
      `invalid timestamp '${text}': expected YYYY-MM-DDTHH:MM:SS with optional .fff and Z or ±HH:MM`,
    );
  }
  if (/^[+-]?[0-9]+\.$/.test(text)) {
    return fail(
      SyntaxCodes.invalidNumber,
      `invalid number '${text}': write a digit after the point, as in ${text}0`,
    );
  }
  return fail(SyntaxCodes.invalidNumber, `invalid number '${text}'`);
}

/**
 * Whether a text matching TIMESTAMP names a real instant: month 1–12, a day that exists
 * in that month, hours 0–23, minutes and seconds 0–59, offsets up to ±23:59 (the
 * ranges clojure.instant checks, without leap seconds). `Date.parse` is no help
 * here: it rolls 2024-02-30 over to March 1st and accepts 24:00:00.
 */
function isRealDateTime(text: string): boolean {
  const n = (from: number): number => Number(text.slice(from, from + 2));
  const year = Number(text.slice(0, 4));
  const month = n(5);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  const day = n(8);
  if (day < 1 || day > days || n(11) > 23 || n(14) > 59 || n(17) > 59) return false;
  const zone = text.endsWith('Z') ? -1 : text.length - 6;
  return zone < 0 || (n(zone + 1) <= 23 && n(zone + 4) <= 59);
}

/** Parses a decimal integer literal exactly; out of signed 64-bit range is an error. */
export function parseInteger(text: string): AtomResult {
  // Up to 15 characters every literal is below 2^53, so Number() is exact.
  if (text.length <= 15) {
    const n = Number(text);
    return ok(n === 0 ? 0 : n);
  }
  const big = BigInt(text.charCodeAt(0) === 43 ? text.slice(1) : text);
  const v = normalizeInt(big);
  if (v === undefined) {
    return fail(
      SyntaxCodes.integerOutOfRange,
      `integer ${clipText(text, 60)} does not fit in 64 bits (range -9223372036854775808 to 9223372036854775807)`,
    );
  }
  return ok(v);
}

function classifySymbol(text: string): AtomResult {
  const c = text.charCodeAt(0);
  if (c === 46 /* . */ && text.length > 1) {
    const c1 = text.charCodeAt(1);
    if (c1 >= 48 && c1 <= 57) {
      return fail(
        SyntaxCodes.invalidNumber,
        `invalid number '${text}': write a digit before the point, as in 0${text}`,
      );
    }
  }
  // `x:` is a name glued to an annotation colon (`[x: Int]`, syntax/colon.ts).
  if (text.includes('::') || text === ':') {
    return fail(
      SyntaxCodes.invalidSymbol,
      `invalid symbol '${text}': a ':' must be followed by a name`,
    );
  }
  if (text.length > 1 && text.endsWith('/') && text !== '//') {
    return fail(
      SyntaxCodes.invalidSymbol,
      `invalid symbol '${text}': a namespaced symbol needs a name after '/'`,
    );
  }
  return ok(Sym.of(text));
}

/** Classifies a keyword token (with its leading colon). */
export function classifyKeyword(text: string): AtomResult {
  const name = text.slice(1);
  // A lone `:` is the colon of a type annotation (`[x : Int]`, syntax/colon.ts).
  if (name.length === 0) return ok(COLON);
  if (name.charCodeAt(0) === 58) {
    return fail(
      SyntaxCodes.invalidKeyword,
      `invalid keyword '${text}': auto-resolved keywords (::k) are not supported; write :ns/k`,
    );
  }
  if (name.endsWith(':') || name.includes('::') || (name.length > 1 && name.endsWith('/'))) {
    return fail(SyntaxCodes.invalidKeyword, `invalid keyword '${text}'`);
  }
  return ok(Keyword.of(name));
}

/** `##Inf`, `##-Inf`, `##NaN`. */
export function classifySpecial(text: string): AtomResult {
  switch (text) {
    case '##Inf':
      return ok(float(Infinity));
    case '##-Inf':
      return ok(float(-Infinity));
    case '##NaN':
      return ok(float(NaN));
  }
  return fail(
    SyntaxCodes.invalidSpecialValue,
    `unknown special value '${text}': expected ##Inf, ##-Inf or ##NaN`,
  );
}

export function resourceHandle(text: string): Value {
  return new ResourceHandle(text);
}

/** Outcome of decoding a string literal's body. */
export type StringResult =
  | { readonly ok: true; readonly value: string }
  | {
      readonly ok: false;
      readonly message: string;
      readonly offset: number;
      readonly length: number;
    };

/**
 * Decodes a string literal including its quotes. Escapes: `\n \t \r \" \\ \uXXXX`
 * (also `\b \f \0 \/`). `offset` in a failure is relative to the literal's start.
 */
export function decodeString(raw: string): StringResult {
  const end = raw.length - 1;
  if (raw.indexOf('\\') < 0) return { ok: true, value: raw.slice(1, end) };
  let out = '';
  let i = 1;
  while (i < end) {
    const c = raw.charCodeAt(i);
    if (c !== 92) {
      const next = raw.indexOf('\\', i);
      const stop = next < 0 || next > end ? end : next;
      out += raw.slice(i, stop);
      i = stop;
      continue;
    }
    const e = raw[i + 1];
    switch (e) {
      case 'n':
        out += '\n';
        break;
      case 't':
        out += '\t';
        break;
      case 'r':
        out += '\r';
        break;
      case '"':
        out += '"';
        break;
      case '\\':
        out += '\\';
        break;
      case '/':
        out += '/';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case '0':
        out += '\0';
        break;
      case 'u': {
        const hex = raw.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
          return {
            ok: false,
            message: `invalid unicode escape: expected 4 hex digits after \\u`,
            offset: i,
            length: 2,
          };
        }
        out += String.fromCharCode(parseInt(hex, 16));
        i += 6;
        continue;
      }
      default:
        return {
          ok: false,
          message: `invalid escape '\\${e ?? ''}' in string: expected one of \\n \\t \\r \\" \\\\ \\uXXXX`,
          offset: i,
          length: 2,
        };
    }
    i += 2;
  }
  return { ok: true, value: out };
}
