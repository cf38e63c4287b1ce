/**
 * String builtins. Lengths and indices count Unicode code points (as the reference's
 * `chars()`), except `length`, which keeps the reference's UTF-8 byte count for strings.
 * `substring`/`subs` clamp their indices instead of failing. Values inside `join` are
 * rendered as `str` renders them.
 */
import { type Value, Keyword, RVector, equals } from '../data/index.js';
import type { Builtin } from '../runtime/fn.js';
import { def, intArg, joinValues, strArg, typeError } from './support.js';
import { chars, cpIndex, cpLength, cpSlice, seqItems, utf16Index } from './seq.js';
import { RegexValue, regexSplit } from './regex.js';

function clamp(n: number, lo: number, hi: number): number {
  return n < lo ? lo : n > hi ? hi : n;
}

function substring(s: Value, start: Value, end?: Value): Value {
  const str = strArg('substring', s);
  const len = cpLength(str);
  const a = clamp(intArg('substring', start), 0, len);
  const b = end === undefined || end === null ? len : clamp(intArg('substring', end), a, len);
  return cpSlice(str, a, b);
}

function literalSplit(s: string, delim: string, limit: number): string[] {
  if (delim === '') {
    const cs = chars(s);
    if (limit <= 0 || cs.length <= limit) return cs;
    return [...cs.slice(0, limit - 1), cs.slice(limit - 1).join('')];
  }
  const parts = s.split(delim);
  if (limit <= 0 || parts.length <= limit) return parts;
  return [...parts.slice(0, limit - 1), parts.slice(limit - 1).join(delim)];
}

/** `(split s delim [limit])`: a string delimiter is literal, a `re-pattern` is a regex. */
function split(s: Value, delim: Value, limit?: Value): Value {
  const str = s === null ? '' : strArg('split', s);
  const n = limit === undefined ? 0 : intArg('split', limit);
  let parts: string[];
  if (typeof delim === 'string') parts = literalSplit(str, delim, n);
  else if (delim instanceof RegexValue) parts = regexSplit(str, delim.compiled, n);
  else throw typeError('split', 'a string or a regex (re-pattern)', delim);
  return RVector.from(parts);
}

/** Rust `str::lines`: split at `\n`, drop a `\r` before it and a final empty line. */
function splitLines(s: Value): Value {
  const str = strArg('split-lines', s);
  if (str === '') return RVector.EMPTY;
  const lines = str.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return RVector.from(lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l)));
}

function join(a: Value, b?: Value): Value {
  const sep = b === undefined ? '' : a;
  const coll = b === undefined ? a : b;
  if (typeof sep !== 'string') throw typeError('join', 'a string separator', sep);
  // joinValues only reads the items: a vector's own array needs no copy.
  const items = coll instanceof RVector ? coll.readItems() : seqItems(coll, 'join');
  return joinValues('join', items, sep);
}

function stringFn(name: string, f: (s: string) => Value) {
  return (v: Value): Value => f(strArg(name, v));
}

function affix(name: string, test: (s: string, x: string) => boolean) {
  return (s: Value, x: Value): Value => {
    const needle = strArg(name, x);
    if (s === null) return false;
    return test(strArg(name, s), needle);
  };
}

function contains(s: Value, x: Value): Value {
  return strArg('string-contains', s).includes(strArg('string-contains', x));
}

function blank(v: Value): Value {
  if (v === null) return true;
  return /^\s*$/.test(strArg('blank?', v));
}

function name(v: Value): Value {
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && v !== null && (v.kind === 'keyword' || v.kind === 'symbol'))
    return v.local;
  throw typeError('name', 'a string, keyword or symbol', v);
}

function namespace(v: Value): Value {
  if (typeof v === 'object' && v !== null && (v.kind === 'keyword' || v.kind === 'symbol'))
    return v.ns;
  throw typeError('namespace', 'a keyword or symbol', v);
}

/** `:` (a leading one is dropped from a keyword's name). */
const COLON = 58;

function keyword(a: Value, b?: Value): Value {
  if (b !== undefined) {
    const local = strArg('keyword', b);
    return Keyword.of(a === null ? local : `${strArg('keyword', a)}/${local}`);
  }
  if (a === null) return null;
  if (typeof a === 'string') return Keyword.of(a.charCodeAt(0) === COLON ? a.slice(1) : a);
  if (typeof a === 'object' && a.kind === 'keyword') return a;
  if (typeof a === 'object' && a.kind === 'symbol') return Keyword.of(a.name);
  throw typeError('keyword', 'a string, keyword or symbol', a);
}

/** `(index-of s x [from])` in a string (code points), or of a value in a vector or list. */
function indexOf(fn: string, last: boolean) {
  return (coll: Value, x: Value, from?: Value): Value => {
    if (coll === null) return null;
    if (typeof coll === 'string') {
      const needle = strArg(fn, x);
      let i: number;
      if (from === undefined) i = last ? coll.lastIndexOf(needle) : coll.indexOf(needle);
      else {
        const at = utf16Index(coll, Math.max(0, intArg(fn, from)));
        i = last ? coll.lastIndexOf(needle, at) : coll.indexOf(needle, at);
      }
      return i < 0 ? null : cpIndex(coll, i);
    }
    if (typeof coll === 'object' && (coll.kind === 'vector' || coll.kind === 'list')) {
      const items = seqItems(coll, fn);
      const n = items.length;
      const f = from === undefined ? (last ? n - 1 : 0) : intArg(fn, from);
      if (last) {
        for (let i = Math.min(f, n - 1); i >= 0; i--) if (equals(items[i] as Value, x)) return i;
      } else {
        for (let i = Math.max(f, 0); i < n; i++) if (equals(items[i] as Value, x)) return i;
      }
      return null;
    }
    throw typeError(fn, 'a string, vector or list', coll);
  };
}

function length(v: Value): Value {
  if (typeof v === 'string') return Buffer.byteLength(v, 'utf8');
  if (typeof v === 'object' && v !== null) {
    if (v.kind === 'vector' || v.kind === 'list') return v.count;
    if (v.kind === 'map') return v.size;
  }
  throw typeError('length', 'a string, vector, list or map', v);
}

const upper = stringFn('string-upper', (s) => s.toUpperCase());
const lower = stringFn('string-lower', (s) => s.toLowerCase());
const trim = stringFn('string-trim', (s) => s.trim());
const capitalize = stringFn('capitalize', (s) => {
  const [first = '', ...rest] = chars(s);
  return first.toUpperCase() + rest.join('').toLowerCase();
});

export const stringBuiltins: readonly Builtin[] = [
  ...def('string-length', 1, 1, stringFn('string-length', cpLength)),
  ...def(['substring', 'subs'], 2, 3, substring),
  ...def('split', 2, 3, split),
  ...def('split-lines', 1, 1, splitLines),
  ...def(['join', 'string-join'], 1, 2, join),
  ...def(['string-upper', 'upper-case'], 1, 1, upper, upper),
  ...def(['string-lower', 'lower-case'], 1, 1, lower, lower),
  ...def(['string-trim', 'trim'], 1, 1, trim, trim),
  ...def(
    'triml',
    1,
    1,
    stringFn('triml', (s) => s.trimStart()),
  ),
  ...def(
    'trimr',
    1,
    1,
    stringFn('trimr', (s) => s.trimEnd()),
  ),
  ...def('capitalize', 1, 1, capitalize),
  ...def(
    'starts-with?',
    2,
    2,
    affix('starts-with?', (s, x) => s.startsWith(x)),
  ),
  ...def(
    'ends-with?',
    2,
    2,
    affix('ends-with?', (s, x) => s.endsWith(x)),
  ),
  ...def(['string-contains', 'string-contains?', 'includes?'], 2, 2, contains),
  ...def('blank?', 1, 1, blank),
  ...def('name', 1, 1, name, name),
  ...def('namespace', 1, 1, namespace),
  ...def('keyword', 1, 2, keyword),
  ...def('index-of', 2, 3, indexOf('index-of', false)),
  ...def('last-index-of', 2, 3, indexOf('last-index-of', true)),
  ...def('length', 1, 1, length),
];
