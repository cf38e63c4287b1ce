import type { Span } from '../source/index.js';
import { formatLocation, renderExcerpt } from '../source/index.js';
import { type Value, Keyword, RErrorValue } from '../data/index.js';

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

  /** The value `catch` binds: a map-like error with `:message`, `:code`, `:data`. */
  toValue(): RErrorValue {
    return new RErrorValue(this.message, Keyword.of(this.code), this.data);
  }

  /** `file:line:col: code: message`, the excerpt, and the RTFS stack. */
  render(): string {
    const lines: string[] = [];
    const where = this.span ? `${formatLocation(this.span)}: ` : '';
    lines.push(`error: ${where}${this.code}: ${this.message}`);
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

export const RuntimeCodes = {
  unbound: 'runtime/unbound-symbol',
  arity: 'runtime/arity-mismatch',
  type: 'runtime/type-error',
  divByZero: 'runtime/division-by-zero',
  overflow: 'runtime/integer-overflow',
  notCallable: 'runtime/not-callable',
  stackDepth: 'runtime/stack-depth-exceeded',
  badForm: 'analysis/bad-special-form',
  recurPosition: 'analysis/recur-not-in-tail-position',
  index: 'runtime/index-out-of-bounds',
  destructure: 'runtime/destructure-mismatch',
  thrown: 'runtime/thrown',
} as const;
