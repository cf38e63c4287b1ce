/**
 * Regular expressions. RTFS has no regex literal, so patterns are strings, compiled
 * as JavaScript regexes (with the `u` flag when the pattern allows it). A leading
 * inline-flag group `(?i)` / `(?m)` / `(?s)` and Rust/Python named groups `(?P<n>…)`
 * are translated. `re-pattern` turns a string into a regex value (a callable, like a
 * Clojure pattern used as `re-find`); `split`, `replace` and `replace-first` treat a
 * plain string as literal text and only a regex value as a pattern.
 */
import { type Value, RVector, printDisplay, printValue } from '../data/index.js';
import { Fn, type Builtin } from '../runtime/fn.js';
import { RtfsError, RuntimeCodes } from '../runtime/errors.js';
import { call1, isCallable } from '../runtime/apply.js';
import { def, typeError } from './support.js';

interface Compiled {
  readonly re: RegExp;
  readonly global: RegExp;
  readonly full: RegExp;
}

const cache = new Map<string, Compiled>();
const CACHE_MAX = 256;

function build(source: string, flags: string): RegExp {
  try {
    return new RegExp(source, `${flags}u`);
  } catch {
    return new RegExp(source, flags);
  }
}

/** Compiles an RTFS pattern string (cached). */
export function compile(fn: string, pattern: string): Compiled {
  const hit = cache.get(pattern);
  if (hit !== undefined) return hit;
  let source = pattern;
  let flags = '';
  const inline = /^\(\?([a-z]+)\)/.exec(source);
  if (inline !== null) {
    for (const c of inline[1] as string) {
      if (c !== 'i' && c !== 'm' && c !== 's')
        throw new RtfsError(RuntimeCodes.invalidRegex, `${fn}: unsupported inline flag '${c}'`);
      if (!flags.includes(c)) flags += c;
    }
    source = source.slice(inline[0].length);
  }
  source = source.replace(/\(\?P</g, '(?<');
  let c: Compiled;
  try {
    const re = build(source, flags);
    c = {
      re,
      global: new RegExp(re.source, `${re.flags}g`),
      full: new RegExp(`(?:${re.source})(?![\\s\\S])`, `${re.flags}y`),
    };
  } catch (e) {
    throw new RtfsError(
      RuntimeCodes.invalidRegex,
      `${fn}: invalid regular expression ${printValue(pattern)}: ${(e as Error).message}`,
    );
  }
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(pattern, c);
  return c;
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
function matchValue(m: RegExpExecArray): Value {
  if (m.length === 1) return m[0];
  return RVector.from(Array.from(m, (g) => g ?? null));
}

function reFind(p: Value, s: Value): Value {
  const c = patternOf('re-find', p);
  const t = text('re-find', s);
  if (t === null) return null;
  const m = c.re.exec(t);
  return m === null ? null : m[0];
}

function reMatches(p: Value, s: Value): Value {
  const c = patternOf('re-matches', p);
  const t = text('re-matches', s);
  if (t === null) return null;
  c.full.lastIndex = 0;
  const m = c.full.exec(t);
  return m === null ? null : matchValue(m);
}

function reSeq(p: Value, s: Value): Value {
  const c = patternOf('re-seq', p);
  const t = text('re-seq', s);
  if (t === null) return RVector.EMPTY;
  const out: Value[] = [];
  // matchAll starts at the regex's lastIndex: never inherit one from an earlier call.
  c.global.lastIndex = 0;
  for (const m of t.matchAll(c.global)) out.push(m[0]);
  return RVector.from(out);
}

/**
 * Splits `s` at the matches of a global regex, at most `limit` parts when `limit` > 0.
 * Zero-width matches at the very start or end do not split.
 */
export function regexSplit(s: string, re: RegExp, limit: number): string[] {
  const out: string[] = [];
  let last = 0;
  re.lastIndex = 0;
  while (limit <= 0 || out.length < limit - 1) {
    const m = re.exec(s);
    if (m === null) break;
    const at = m.index;
    const len = m[0].length;
    if (len === 0) {
      if (at >= s.length) break;
      re.lastIndex = at + ((s.codePointAt(at) as number) > 0xffff ? 2 : 1);
      if (at === 0) continue;
    }
    out.push(s.slice(last, at));
    last = at + len;
  }
  out.push(s.slice(last));
  // The regex is shared (compiled once per pattern): leave it as found.
  re.lastIndex = 0;
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
    const re = all ? match.compiled.global : match.compiled.re;
    re.lastIndex = 0;
    if (typeof rep === 'string') return s.replace(re, rep);
    return s.replace(re, (...parts: unknown[]) => {
      // parts: match, captures…, offset, input, and a named-groups object if any.
      const named = typeof parts[parts.length - 1] === 'object' ? 1 : 0;
      const captures = parts.slice(0, parts.length - 2 - named) as (string | undefined)[];
      const arg: Value =
        captures.length === 1
          ? (captures[0] as string)
          : RVector.from(captures.map((g) => g ?? null));
      return printDisplay(call1(rep, arg));
    });
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
