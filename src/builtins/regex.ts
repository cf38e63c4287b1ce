/**
 * Regular expressions. RTFS has no regex literal, so patterns are strings, compiled by
 * the linear-time engine of data/linear-regex.ts (RE2's dialect, as the reference's Rust
 * `regex` crate; backreferences and lookaround give `runtime/unsupported-regex`).
 * `re-pattern` turns a string into a regex value (a callable, like a Clojure pattern used
 * as `re-find`); `split`, `replace` and `replace-first` treat a plain string as literal
 * text and only a regex value as a pattern.
 */
import { type Value, RVector, printDisplay, printValue } from '../data/index.js';
import { Fn, type Builtin } from '../runtime/fn.js';
import { RtfsError, RuntimeCodes } from '../runtime/errors.js';
import { call1, isCallable } from '../runtime/apply.js';
import { def, typeError } from './support.js';
import { compileLinearRegex, type LinearRegex } from '../data/linear-regex.js';

/** A compiled pattern (linear-time engine). */
export interface Compiled {
  readonly re: LinearRegex;
}

const cache = new Map<string, Compiled>();
const CACHE_MAX = 256;

/**
 * Compiles a pattern with the linear-time engine, or throws `runtime/invalid-regex`
 * (malformed) / `runtime/unsupported-regex` (backreference or lookaround).
 */
function compileOrThrow(fn: string, pattern: string): LinearRegex {
  const r = compileLinearRegex(pattern);
  switch (r.kind) {
    case 'ok':
      return r.re;
    case 'unsupported':
      throw new RtfsError(
        RuntimeCodes.unsupportedRegex,
        `${fn}: regular expression ${printValue(pattern)}: ${r.message}`,
      );
    case 'invalid':
      throw new RtfsError(
        RuntimeCodes.invalidRegex,
        `${fn}: invalid regular expression ${printValue(pattern)}: ${r.message}`,
      );
  }
}

/** Compiles an RTFS pattern string (cached). */
export function compile(fn: string, pattern: string): Compiled {
  const hit = cache.get(pattern);
  if (hit !== undefined) return hit;
  const c: Compiled = { re: compileOrThrow(fn, pattern) };
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(pattern, c);
  return c;
}

/** One match: its bounds and groups (`null` for a group that did not take part). */
interface Match {
  readonly start: number;
  readonly end: number;
  readonly groups: (string | null)[];
}

function groupsOf(m: ReturnType<LinearRegex['matcher']>): (string | null)[] {
  const out: (string | null)[] = [];
  for (let i = 0; i <= m.groupCount(); i++) out.push(m.group(i));
  return out;
}

/**
 * The successive non-overlapping matches of `c` in `s`, at most `max` of them. After an
 * empty match the search resumes one code point further on (never inside a surrogate pair).
 */
function findAll(c: Compiled, s: string, max = Infinity): Match[] {
  const out: Match[] = [];
  const m = c.re.matcher(s);
  let from = 0;
  while (out.length < max && from <= s.length && m.find(from)) {
    const start = m.start();
    const end = m.end();
    out.push({ start, end, groups: groupsOf(m) });
    if (end > start) from = end;
    else if (end >= s.length) break;
    else from = end + ((s.codePointAt(end) as number) > 0xffff ? 2 : 1);
  }
  return out;
}

/** A compiled pattern as an RTFS value (type `function`; calling it is `re-find`). */
export class RegexValue extends Fn {
  readonly compiled: Compiled;
  constructor(readonly pattern: string) {
    super(`#"${pattern}"`);
    this.compiled = compile('re-pattern', pattern);
  }
  invoke(args: Value[]): Value {
    if (args.length !== 1) throw this.arityError(args.length, '1');
    return reFind(this, args[0] as Value);
  }
}

function patternOf(fn: string, p: Value): Compiled {
  if (typeof p === 'string') return compile(fn, p);
  if (p instanceof RegexValue) return p.compiled;
  throw typeError(fn, 'a regex pattern (string)', p);
}

function text(fn: string, s: Value): string | null {
  if (s === null || typeof s === 'string') return s;
  throw typeError(fn, 'a string', s);
}

/** The match as Clojure returns it: the string, or `[whole group…]` with groups. */
function matchValue(groups: (string | null)[]): Value {
  if (groups.length === 1) return groups[0] as string;
  return RVector.from(groups);
}

function reFind(p: Value, s: Value): Value {
  const c = patternOf('re-find', p);
  const t = text('re-find', s);
  if (t === null) return null;
  const m = c.re.matcher(t);
  return m.find() ? m.group() : null;
}

function reMatches(p: Value, s: Value): Value {
  const c = patternOf('re-matches', p);
  const t = text('re-matches', s);
  if (t === null) return null;
  const m = c.re.matcher(t);
  return m.matches() ? matchValue(groupsOf(m)) : null;
}

function reSeq(p: Value, s: Value): Value {
  const c = patternOf('re-seq', p);
  const t = text('re-seq', s);
  if (t === null) return RVector.EMPTY;
  return RVector.from(findAll(c, t).map((m) => m.groups[0] as string));
}

/**
 * Splits `s` at the matches of a pattern, at most `limit` parts when `limit` > 0.
 * Zero-width matches at the very start or end do not split.
 */
export function regexSplit(s: string, c: Compiled, limit: number): string[] {
  const out: string[] = [];
  let last = 0;
  for (const m of findAll(c, s)) {
    if (limit > 0 && out.length >= limit - 1) break;
    if (m.start === m.end && (m.start === 0 || m.start >= s.length)) continue;
    out.push(s.slice(last, m.start));
    last = m.end;
  }
  out.push(s.slice(last));
  return out;
}

function replaceImpl(fn: string, all: boolean) {
  return (s: Value, match: Value, rep: Value): Value => {
    if (typeof s !== 'string') throw typeError(fn, 'a string', s);
    if (typeof rep !== 'string' && !isCallable(rep))
      throw typeError(fn, 'a replacement string or function', rep);
    if (typeof match === 'string') {
      const f = typeof rep === 'string' ? () => rep : (m: string) => printDisplay(call1(rep, m));
      return all ? s.replaceAll(match, f) : s.replace(match, f);
    }
    if (!(match instanceof RegexValue))
      throw typeError(fn, 'a string or a regex (re-pattern)', match);
    if (typeof rep === 'string') {
      // JavaScript replacement syntax: $1, $<name>, $&, $$.
      const m = match.compiled.re.matcher(s);
      return all ? m.replaceAll(rep, false) : m.replaceFirst(rep, false);
    }
    let out = '';
    let last = 0;
    for (const m of findAll(match.compiled, s, all ? Infinity : 1)) {
      const arg: Value = m.groups.length === 1 ? (m.groups[0] as string) : RVector.from(m.groups);
      out += s.slice(last, m.start) + printDisplay(call1(rep, arg));
      last = m.end;
    }
    return out + s.slice(last);
  };
}

const replaceAll = replaceImpl('replace', true);
const replaceFirst = replaceImpl('replace-first', false);

export const regexBuiltins: readonly Builtin[] = [
  ...def('re-pattern', 1, 1, (p) => {
    if (p instanceof RegexValue) return p;
    if (typeof p !== 'string') throw typeError('re-pattern', 'a string', p);
    return new RegexValue(p);
  }),
  ...def('re-find', 2, 2, reFind, undefined, reFind),
  ...def('re-matches', 2, 2, reMatches, undefined, reMatches),
  ...def('re-seq', 2, 2, reSeq, undefined, reSeq),
  ...def('replace', 3, 3, replaceAll),
  ...def('replace-first', 3, 3, replaceFirst),
];
