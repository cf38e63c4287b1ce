import type { Span } from '../source/index.js';
import type { Diagnostic } from '../diagnostics/index.js';
import type { Value } from '../data/index.js';

/** A comment kept by the reader (for the formatter). */
export interface Comment {
  readonly text: string;
  readonly span: Span;
  readonly block: boolean;
}

/**
 * What reading a source produces. `spans[i]` is the span of `forms[i]`; nested forms
 * carry their children's spans (`childSpans`). `incomplete` is true when every
 * problem is that the input ended too early (an unclosed form or string), so a REPL
 * can ask for another line.
 */
export interface ReadResult {
  readonly forms: Value[];
  readonly spans: Span[];
  readonly comments: Comment[];
  readonly diagnostics: Diagnostic[];
  readonly incomplete: boolean;
}

/** Codes whose presence (alone) means the input may continue. */
export const INCOMPLETE_CODES: ReadonlySet<string> = new Set([
  'syntax/unclosed-delimiter',
  'syntax/unterminated-string',
  'syntax/unterminated-comment',
  'syntax/missing-form-at-end',
]);

export function isIncomplete(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.length > 0 && diagnostics.every((d) => INCOMPLETE_CODES.has(d.code));
}
