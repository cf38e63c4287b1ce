import type { Span } from '../source/index.js';
import { clipText, formatLocation, renderExcerpt } from '../source/index.js';

/** Characters of an error message `render` shows at most. */
const MAX_RENDERED_MESSAGE = 2000;
import { type Value, Keyword, RErrorValue, RMap, printValue } from '../data/index.js';

/** One RTFS call-stack frame: `at fname (file:line:col)`. */
export interface Frame {
  readonly name: string;
  readonly span: Span | undefined;
}

/**
 * An RTFS-level error (thrown by `throw`, raised by builtins, caught by `try`).
 * `code` is a stable keyword such as `:runtime/division-by-zero`.
 */
export class RtfsError extends Error {
  readonly frames: Frame[] = [];
  constructor(
    readonly code: string,
    message: string,
    public span: Span | undefined = undefined,
    readonly data: Value = null,
  ) {
    super(message);
  }

  /** The error value this was thrown with (`(throw (ex-info …))`), if any. */
  thrownValue: RErrorValue | undefined = undefined;

  /**
   * A fatal error ends the evaluation: `try` does not catch it (`finally` still runs).
   * Ctrl-C, an exhausted budget, and a program that keeps overflowing the stack.
   */
  fatal = false;

  /** The value `catch` binds: a map-like error with `:message`, `:code`, `:data`. */
  toValue(): RErrorValue {
    return this.thrownValue ?? new RErrorValue(this.message, Keyword.of(this.code), this.data);
  }

  /**
   * `file:line:col: code: message`, the excerpt, and the RTFS stack. A huge message (a
   * thrown megabyte string, a pattern quoted in its error) is clipped here; `catch` still
   * gets it whole.
   */
  render(): string {
    const lines: string[] = [];
    const where = this.span ? `${formatLocation(this.span)}: ` : '';
    lines.push(`error: ${where}${this.code}: ${clipText(this.message, MAX_RENDERED_MESSAGE)}`);
    if (this.span)
      lines.push(
        ...renderExcerpt(this.span)
          .split('\n')
          .map((l) => `  ${l}`),
      );
    let prev = '';
    let repeats = 0;
    const flush = () => {
      if (repeats > 0) lines.push(`  … ${repeats} more ${repeats === 1 ? 'time' : 'times'}`);
      repeats = 0;
    };
    for (const f of this.frames) {
      const line = `  at ${f.name}${f.span ? ` (${formatLocation(f.span)})` : ''}`;
      if (line === prev) {
        repeats++;
        continue;
      }
      flush();
      lines.push(line);
      prev = line;
    }
    flush();
    return lines.join('\n');
  }
}

/**
 * The error `(throw v)` raises: an error value keeps its code, message and data; a
 * map may give `:code` (a keyword) and `:message`; a keyword is a code; anything
 * else becomes the message of a `user/thrown` error.
 */
export function errorFromThrown(v: Value, span: Span | undefined): RtfsError {
  if (v instanceof RErrorValue) {
    const e = new RtfsError(v.code.name, v.message, span, v.data);
    e.thrownValue = v;
    return e;
  }
  if (v instanceof Keyword) return new RtfsError(v.name, v.name, span, null);
  if (typeof v === 'string') return new RtfsError(RuntimeCodes.thrown, v, span, null);
  if (v instanceof RMap) {
    const code = v.get(Keyword.of('code'));
    const message = v.get(Keyword.of('message'));
    return new RtfsError(
      code instanceof Keyword ? code.name : RuntimeCodes.thrown,
      typeof message === 'string' ? message : printValue(v),
      span,
      v,
    );
  }
  return new RtfsError(RuntimeCodes.thrown, printValue(v), span, v);
}

export const RuntimeCodes = {
  unbound: 'runtime/unbound-symbol',
  arity: 'runtime/arity-mismatch',
  type: 'runtime/type-error',
  divByZero: 'runtime/division-by-zero',
  overflow: 'runtime/integer-overflow',
  notCallable: 'runtime/not-callable',
  stackDepth: 'runtime/stack-depth-exceeded',
  interrupted: 'runtime/interrupted',
  stepLimit: 'runtime/step-limit-exceeded',
  timeout: 'runtime/timeout',
  stringTooLong: 'runtime/string-too-long',
  collectionTooLarge: 'runtime/collection-too-large',
  integerTooLarge: 'runtime/integer-too-large',
  badForm: 'analysis/bad-special-form',
  recurPosition: 'analysis/recur-not-in-tail-position',
  index: 'runtime/index-out-of-bounds',
  noMatch: 'runtime/no-match',
  loopLimit: 'runtime/loop-limit-exceeded',
  unknownContext: 'runtime/unknown-context',
  thrown: 'user/thrown',
  internal: 'runtime/internal-error',
  invalidArgument: 'runtime/invalid-argument',
  invalidJson: 'runtime/invalid-json',
  invalidRegex: 'runtime/invalid-regex',
  unsupportedRegex: 'runtime/unsupported-regex',
} as const;
