/**
 * Fuzzing `read` with 6,000 random and 6,000 mutated inputs plus fixed edge cases.
 * Every input goes through the fast path alone, Chevrotain alone and `read`
 * (test/support/reader-checks.ts):
 *
 * - reading never throws a JavaScript exception;
 * - every diagnostic has a `syntax/…` code, a message, and a span inside the text;
 * - results are well formed (one span per form, spans and comments inside the text,
 *   `incomplete` exactly when every diagnostic is an end-of-input one);
 * - differential: whenever the fast path succeeds, Chevrotain reports nothing and
 *   builds exactly the same forms, spans and comments; whenever Chevrotain reports
 *   nothing, `read` returns its result; otherwise `read` returns its diagnostics.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { randomText, mutatedProgram, VALID_PROGRAMS } from '../support/fuzz-inputs.js';
import { checkInput, type Tally } from '../support/reader-checks.js';

describe('reader fuzzing (fast path, Chevrotain and read)', () => {
  it('random text (6000 inputs)', () => {
    const tally: Tally = { fastAccepted: 0, fullClean: 0 };
    fc.assert(
      fc.property(randomText, (t) => checkInput(t, tally)),
      { numRuns: 6000 },
    );
    // The inputs must exercise the comparison too, not only error paths.
    expect(tally.fastAccepted).toBeGreaterThan(300);
  });

  it('mutated programs (6000 inputs)', () => {
    const tally: Tally = { fastAccepted: 0, fullClean: 0 };
    fc.assert(
      fc.property(mutatedProgram, (t) => checkInput(t, tally)),
      { numRuns: 6000 },
    );
    expect(tally.fastAccepted).toBeGreaterThan(1000);
  });

  it('edge cases', () => {
    const cases = [
      '',
      ' ',
      '\n\n\n',
      '"',
      '#',
      '#"',
      '#"\\',
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
      '(]',
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
      '^:delegation :remote "\\q" f',
      '{#_ 1}',
      '#(%1 %)',
      'x'.repeat(100_000),
      `"${'a'.repeat(100_000)}`,
      '; '.repeat(10_000),
      ...VALID_PROGRAMS,
    ];
    for (const text of cases) checkInput(text);
  });
});
