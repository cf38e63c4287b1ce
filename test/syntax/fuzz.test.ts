/**
 * Fuzzing `read` with random and mutated input (6,000 + 6,000 inputs, plus fixed
 * edge cases), through both the fast path and the Chevrotain reader:
 *
 * - reading never throws a JavaScript exception;
 * - every diagnostic has a `syntax/…` code, a message, and a span inside the text;
 * - the result is well formed (one span per form, spans and comments inside the text,
 *   `incomplete` exactly when every diagnostic is an end-of-input one).
 *
 * The agreement of the two readers on the same inputs is checked in
 * differential.test.ts.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { read, isIncomplete, type ReadResult } from '../../src/syntax/index.js';
import { SyntaxCodes } from '../../src/diagnostics/index.js';
import { randomText, mutatedProgram, VALID_PROGRAMS } from '../support/fuzz-inputs.js';

const CODES: ReadonlySet<string> = new Set(Object.values(SyntaxCodes));

function inside(text: string, s: { start: number; end: number }): boolean {
  return (
    Number.isInteger(s.start) &&
    Number.isInteger(s.end) &&
    0 <= s.start &&
    s.start <= s.end &&
    s.end <= text.length
  );
}

/** Checks one read result of `text`; returns a description of the first problem. */
function problem(text: string, r: ReadResult): string | undefined {
  if (r.forms.length !== r.spans.length) return 'forms and spans differ in length';
  for (const d of r.diagnostics) {
    if (!d.code.startsWith('syntax/') || !CODES.has(d.code)) return `unknown code ${d.code}`;
    if (d.message.trim() === '') return `empty message for ${d.code}`;
    if (d.phase !== 'syntax' || d.severity !== 'error') return `bad phase/severity for ${d.code}`;
    if (d.span.source.text !== text) return `span of ${d.code} is in another source`;
    if (!inside(text, d.span)) return `span ${d.span.start}-${d.span.end} of ${d.code} outside`;
    const { line, column } = d.span.source.position(d.span.start);
    if (line < 1 || column < 1) return `bad position ${line}:${column}`;
  }
  for (const s of r.spans) if (!inside(text, s)) return `form span ${s.start}-${s.end} outside`;
  for (const c of r.comments) {
    if (!inside(text, c.span)) return 'comment span outside';
    if (text.slice(c.span.start, c.span.end) !== c.text) return 'comment text differs from span';
  }
  if (r.incomplete !== isIncomplete(r.diagnostics)) return 'incomplete flag inconsistent';
  if (r.diagnostics.length === 0 && r.incomplete) return 'incomplete without diagnostics';
  return undefined;
}

function check(text: string): void {
  for (const fullReaderOnly of [false, true]) {
    let r: ReadResult;
    try {
      r = read(text, '<fuzz>', { fullReaderOnly });
    } catch (e) {
      throw new Error(`read threw on ${JSON.stringify(text)}: ${String(e)}`);
    }
    expect(problem(text, r), JSON.stringify(text)).toBeUndefined();
  }
}

describe('reader fuzzing', () => {
  it('never throws and reports well-formed results on random text (6000 inputs)', () => {
    fc.assert(fc.property(randomText, check), { numRuns: 6000 });
  });

  it('never throws and reports well-formed results on mutated programs (6000 inputs)', () => {
    fc.assert(fc.property(mutatedProgram, check), { numRuns: 6000 });
  });

  it('handles edge cases', () => {
    const cases = [
      '',
      ' ',
      '\n\n\n',
      '"',
      '#',
      '##',
      '#|',
      '|#',
      '^',
      '~',
      '~@',
      '@',
      "'",
      '`',
      ':',
      '::',
      '\\',
      '\u0000',
      '\ud800',
      '\udc00',
      '😀',
      '\u00a0x',
      '\ufeff(a)',
      '\u2028',
      '(((',
      ')))',
      '#(#(#(',
      '^^^^',
      '#_#_#_',
      '"\\',
      '"\\u',
      '"\\u00',
      'resource://',
      'resource:/',
      '-',
      '+',
      '1e',
      '1e+',
      '0x10',
      '1/2',
      '##-',
      '^:delegation',
      '^:delegation :remote',
      '^:delegation :remote "x"',
      '^:delegation :local-model "x"',
      '{#_ 1}',
      '#(%1 %)',
      'x'.repeat(100_000),
      `"${'a'.repeat(100_000)}`,
      '; '.repeat(10_000),
      ...VALID_PROGRAMS,
    ];
    for (const text of cases) check(text);
  });
});
