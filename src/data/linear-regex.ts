/**
 * The one regular-expression engine for patterns a plan or a schema supplies: re2js, a
 * port of RE2. Matching runs in time linear in the input whatever the pattern, so a
 * hostile pattern such as `^(a+)+$` cannot hang the host (JavaScript's RegExp
 * backtracks). The dialect is RE2's, as the reference's Rust `regex` crate: inline flags
 * `(?i)` `(?m)` `(?s)`, named groups `(?P<n>…)` / `(?<n>…)`, no backreferences and no
 * lookaround (they cannot run in linear time).
 */
import type { RE2JS } from 're2js';
import { loadRegexEngine } from './regex-engine-loader.js';

export type LinearRegex = RE2JS;

/** The engine's class; src/data/regex-engine.ts is the build entry that holds it. */
export type RegexEngine = typeof RE2JS;

let engine: RegexEngine | undefined;

/**
 * Installs the engine (a bundle that cannot load files next to itself does this, see
 * cli/compile-bundle.ts). Otherwise it loads on the first pattern compiled: re2js is
 * the largest module rtfs-ts has, and most programs never compile a regex (ADR 0018).
 */
export function setRegexEngine(e: RegexEngine): void {
  engine = e;
}

export type RegexCompileResult =
  | { readonly kind: 'ok'; readonly re: LinearRegex }
  /** `unsupported`: a backreference or lookaround; `invalid`: malformed. */
  | { readonly kind: 'invalid' | 'unsupported'; readonly message: string };

/** Backreferences (`\1`, `\k<n>`) and lookaround (`(?=`, `(?!`, `(?<=`, `(?<!`). */
const NON_REGULAR = /(?:^|[^\\])(?:\\\\)*\\(?:[1-9]|k<)|\(\?<?[=!]/;

/** Compiles `pattern`; never throws. */
export function compileLinearRegex(pattern: string): RegexCompileResult {
  try {
    engine ??= loadRegexEngine();
    return { kind: 'ok', re: engine.compile(pattern) };
  } catch (e) {
    const detail = (e as Error).message.replace(/^error parsing regexp: /, '');
    if (NON_REGULAR.test(pattern))
      return {
        kind: 'unsupported',
        message: `backreferences and lookaround are not supported (regexes run in linear time): ${detail}`,
      };
    return { kind: 'invalid', message: detail };
  }
}
