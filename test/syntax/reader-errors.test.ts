/**
 * Malformed input: every row pins the diagnostics the reader reports (code, a part of
 * the message, line:col of the span start) and whether the result is `incomplete`
 * (true only when every problem is that the input ended too early).
 *
 * `expected` lists every diagnostic in order, unless `subset` is set: then each listed
 * diagnostic must be present (used where Chevrotain's recovery may add follow-on
 * reports that a better recovery would avoid; see the notes on those rows).
 */
import { describe, it, expect } from 'vitest';
import { read } from '../../src/syntax/index.js';
import { fastRead } from '../../src/syntax/fast-reader.js';
import { Source } from '../../src/source/index.js';
import { SyntaxCodes, formatDiagnosticLine } from '../../src/diagnostics/index.js';
import type { SyntaxCode } from '../../src/diagnostics/index.js';
import { lineCol } from '../support/forms.js';
import { printValue } from '../../src/data/index.js';

type Expected = readonly [code: SyntaxCode, at: string, message: string];

interface Bad {
  readonly input: string;
  readonly expected: readonly Expected[];
  readonly incomplete: boolean;
  readonly subset?: boolean;
}

const C = SyntaxCodes;

const bad = (input: string, incomplete: boolean, ...expected: Expected[]): Bad => ({
  input,
  expected,
  incomplete,
});

const UNCLOSED: Bad[] = [
  bad('(1 2', true, [
    C.unclosedDelimiter,
    '1:1',
    "unclosed '(': expected ')' before the end of input",
  ]),
  bad('(defn f [x]\n  (+ x 1)', true, [C.unclosedDelimiter, '1:1', "unclosed '('"]),
  bad('[1 2\n 3', true, [C.unclosedDelimiter, '1:1', "unclosed '[': expected ']'"]),
  bad('{:a 1\n:b 2', true, [C.unclosedDelimiter, '1:1', "unclosed '{': expected '}'"]),
  bad('#(+ % 1', true, [C.unclosedDelimiter, '1:1', "unclosed '#(': expected ')'"]),
  bad('(ok)\n\n  (next [1 2]', true, [C.unclosedDelimiter, '3:3', "unclosed '('"]),
  {
    // Both `(do` and `(let` are open; the innermost one is reported.
    input: '(do\n  (let [x 1]\n    (+ x 1)\n',
    expected: [[C.unclosedDelimiter, '2:3', "unclosed '('"]],
    incomplete: true,
    subset: true,
  },
  bad('"abc', true, [C.unterminatedString, '1:1', "unterminated string: expected a closing '\"'"]),
  bad('"abc\\"', true, [C.unterminatedString, '1:1', 'unterminated string']),
  bad('#"ab', true, [C.unterminatedString, '1:1', "unterminated regex: expected a closing '\"'"]),
  bad(
    '(str "abc\n  def',
    true,
    [C.unclosedDelimiter, '1:1', "unclosed '('"],
    [C.unterminatedString, '1:6', 'unterminated string'],
  ),
  bad('#| never closed\n(a)', true, [
    C.unterminatedComment,
    '1:1',
    "unterminated block comment: expected '|#'",
  ]),
  bad('(a)\n#| x', true, [C.unterminatedComment, '2:1', 'unterminated block comment']),
  bad("'", true, [C.missingFormAtEnd, '1:2', 'expected a form, but the input ended']),
  bad('(f\n  @', true, [C.missingFormAtEnd, '2:4', 'expected a form, but the input ended']),
  bad('^:a', true, [C.missingFormAtEnd, '1:4', 'expected a form, but the input ended']),
  bad('#_ #_ a', true, [C.missingFormAtEnd, '1:8', 'expected a form, but the input ended']),
];

const DELIMITERS: Bad[] = [
  bad('(a]', false, [C.mismatchedDelimiter, '1:3', "expected ')' to close '(' at 1:1, found ']'"]),
  bad('[1 2)', false, [
    C.mismatchedDelimiter,
    '1:5',
    "expected ']' to close '[' at 1:1, found ')'",
  ]),
  bad('{:a 1]', false, [
    C.mismatchedDelimiter,
    '1:6',
    "expected '}' to close '{' at 1:1, found ']'",
  ]),
  bad('#(f %]', false, [C.mismatchedDelimiter, '1:6', "expected ')' to close '#(' at 1:1"]),
  bad('(a\r\n b]', false, [C.mismatchedDelimiter, '2:3', "expected ')' to close '(' at 1:1"]),
  bad('\t(a]', false, [C.mismatchedDelimiter, '1:4', "expected ')' to close '(' at 1:2"]),
  {
    // Recovery resumes at top level, so the final `)` is also reported as stray.
    input: '(let [x 1}\n  x)',
    expected: [[C.mismatchedDelimiter, '1:10', "expected ']' to close '[' at 1:6, found '}'"]],
    incomplete: false,
    subset: true,
  },
  bad(')', false, [C.unexpectedCloser, '1:1', "unexpected ')': there is no open form to close"]),
  bad('(a))\n', false, [C.unexpectedCloser, '1:4', "unexpected ')'"]),
  bad('(:a :b)\n\n  ]', false, [C.unexpectedCloser, '3:3', "unexpected ']'"]),
  bad('"日本" }', false, [C.unexpectedCloser, '1:6', "unexpected '}'"]),
  bad('(a #_)', false, [C.missingForm, '1:6', "expected a form, found ')'"]),
  bad('[a ^:x]', false, [C.missingForm, '1:7', "expected a form, found ']'"]),
];

const ATOMS: Bad[] = [
  bad('{:a 1 :b}', false, [
    C.oddMapEntries,
    '1:1',
    'map literal has 3 forms: keys and values must come in pairs (:b has no value)',
  ]),
  bad('(let [m {:k\n        }]\n  m)', false, [C.oddMapEntries, '1:9', '(:k has no value)']),
  bad('1.', false, [
    C.invalidNumber,
    '1:1',
    "invalid number '1.': write a digit after the point, as in 1.0",
  ]),
  bad('.5', false, [
    C.invalidNumber,
    '1:1',
    "invalid number '.5': write a digit before the point, as in 0.5",
  ]),
  bad('12abc', false, [C.invalidNumber, '1:1', "invalid number '12abc'"]),
  bad('1.5.2', false, [C.invalidNumber, '1:1', "invalid number '1.5.2'"]),
  bad('-1x', false, [C.invalidNumber, '1:1', "invalid number '-1x'"]),
  bad('550e8400-e29b-41d4-a716-44665544000', false, [C.invalidNumber, '1:1', 'invalid number']),
  bad('(do\n  (let [x 1]\n    (+ x 12abc)))', false, [C.invalidNumber, '3:10', "'12abc'"]),
  bad('9223372036854775808', false, [
    C.integerOutOfRange,
    '1:1',
    'integer 9223372036854775808 does not fit in 64 bits',
  ]),
  bad('[0\n -9223372036854775809]', false, [
    C.integerOutOfRange,
    '2:2',
    'integer -9223372036854775809 does not fit in 64 bits (range -9223372036854775808 to 9223372036854775807)',
  ]),
  bad('"bad \\q escape"', false, [C.invalidEscape, '1:6', "invalid escape '\\q' in string"]),
  bad('"\\u12G4"', false, [
    C.invalidEscape,
    '1:2',
    'invalid unicode escape: expected 4 hex digits after \\u',
  ]),
  bad('(println\n  "tab\\x")', false, [C.invalidEscape, '2:7', "invalid escape '\\x'"]),
  bad('^:delegation :remote "a\\q" f', false, [C.invalidEscape, '1:24', "invalid escape '\\q'"]),
  bad('::k', false, [
    C.invalidKeyword,
    '1:1',
    "invalid keyword '::k': auto-resolved keywords (::k) are not supported; write :ns/k",
  ]),
  bad(':', false, [C.invalidKeyword, '1:1', "a keyword needs a name after ':'"]),
  bad('[: x]', false, [C.invalidKeyword, '1:2', "a keyword needs a name after ':'"]),
  bad(':a::b', false, [C.invalidKeyword, '1:1', "invalid keyword ':a::b'"]),
  bad(':a/', false, [C.invalidKeyword, '1:1', "invalid keyword ':a/'"]),
  bad('a:', false, [
    C.invalidSymbol,
    '1:1',
    "invalid symbol 'a:': a ':' must be followed by a name",
  ]),
  bad('a::b', false, [C.invalidSymbol, '1:1', "invalid symbol 'a::b'"]),
  bad('ns/', false, [
    C.invalidSymbol,
    '1:1',
    "invalid symbol 'ns/': a namespaced symbol needs a name after '/'",
  ]),
  bad('##Foo', false, [
    C.invalidSpecialValue,
    '1:1',
    "unknown special value '##Foo': expected ##Inf, ##-Inf or ##NaN",
  ]),
  bad('##inf', false, [C.invalidSpecialValue, '1:1', "'##inf'"]),
  bad('##Inf1', false, [C.invalidSpecialValue, '1:1', "unknown special value '##Inf1'"]),
  bad('[##NaN.5]', false, [C.invalidSpecialValue, '1:2', "unknown special value '##NaN.5'"]),
  bad('2024-13-01T00:00:00Z', false, [
    C.invalidTimestamp,
    '1:1',
    "invalid timestamp '2024-13-01T00:00:00Z': no such date or time",
  ]),
  bad('2024-02-30T00:00:00Z', false, [C.invalidTimestamp, '1:1', 'no such date or time']),
  bad('2023-02-29T12:00:00Z', false, [C.invalidTimestamp, '1:1', 'no such date or time']),
  bad('2024-01-15T24:00:00Z', false, [C.invalidTimestamp, '1:1', 'no such date or time']),
  bad('2024-01-15T10:30:00+24:00', false, [C.invalidTimestamp, '1:1', 'no such date or time']),
  bad('2024-01-15T10:30Z', false, [
    C.invalidTimestamp,
    '1:1',
    'expected YYYY-MM-DDTHH:MM:SS with optional .fff and Z or ±HH:MM',
  ]),
];

const DISPATCH_AND_MACROS: Bad[] = [
  bad('#{1 2}', false, [
    C.unknownDispatch,
    '1:1',
    "unknown reader dispatch '#{' (RTFS has no set literal #{…}; use a vector)",
  ]),
  bad('#x', false, [C.unknownDispatch, '1:1', "unknown reader dispatch '#x'"]),
  bad('(a\n #)', false, [C.unknownDispatch, '2:2', "unknown reader dispatch '#)'"]),
  bad('^:a 42', false, [
    C.metadataTarget,
    '1:5',
    'metadata can only be attached to a symbol, list, vector or map',
  ]),
  bad('^:a "s"', false, [C.metadataTarget, '1:5', 'metadata can only be attached']),
  bad('^{:a 1} :k', false, [C.metadataTarget, '1:9', 'metadata can only be attached']),
  bad('^42 x', false, [
    C.invalidMetadata,
    '1:2',
    'metadata must be a map, a keyword, a symbol or a string',
  ]),
  bad('^[1] x', false, [C.invalidMetadata, '1:2', 'metadata must be a map']),
  bad('^:delegation :cloud "x" f', false, [
    C.invalidDelegation,
    '1:14',
    'unknown delegation target \':cloud\': expected :local, :local-model "id" or :remote "id"',
  ]),
  bad('(defn ^:delegation :local-model f [x] x)', false, [
    C.invalidDelegation,
    '1:20',
    ':local-model needs a model id string',
  ]),
  bad('#(map #(* % 2) %)', false, [
    C.nestedAnonFn,
    '1:7',
    'nested #(…) is not allowed: use (fn [x] …) for the inner one',
  ]),
  bad('#(f\n   [#(g)])', false, [C.nestedAnonFn, '2:5', 'nested #(…) is not allowed']),
  bad('#(%0)', false, [
    C.invalidAnonFnArg,
    '1:1',
    "invalid argument '%0' in #(…): use %, %1 … %9 or %&",
  ]),
  bad('#(+ %10 1)', false, [C.invalidAnonFnArg, '1:1', "invalid argument '%10'"]),
];

const CHARACTERS: Bad[] = [
  bad('(f é)', false, [C.unexpectedCharacter, '1:4', "unexpected character 'é' (U+00E9)"]),
  bad('[1 | 2]', false, [C.unexpectedCharacter, '1:4', "unexpected character '|' (U+007C)"]),
  bad('\\', false, [C.unexpectedCharacter, '1:1', '(U+005C)']),
  bad('x\u0001y', false, [C.unexpectedCharacter, '1:2', '(U+0001)']),
  bad('(a\n  😀)', false, [C.unexpectedCharacter, '2:3', '(U+1F600)']),
];

const SEVERAL: Bad[] = [
  bad(
    '(a]\n{:k}\n"x\\q"\n)',
    false,
    [C.mismatchedDelimiter, '1:3', "expected ')' to close '(' at 1:1, found ']'"],
    [C.oddMapEntries, '2:1', '(:k has no value)'],
    [C.invalidEscape, '3:3', "invalid escape '\\q'"],
    [C.unexpectedCloser, '4:1', "unexpected ')'"],
  ),
  bad(
    '(defn f [x]\n  (g 1. x))\n(defn h [] ::bad)\n{:odd}',
    false,
    [C.invalidNumber, '2:6', "invalid number '1.'"],
    [C.invalidKeyword, '3:12', "invalid keyword '::bad'"],
    [C.oddMapEntries, '4:1', '(:odd has no value)'],
  ),
  bad(
    '(a 1.',
    false,
    [C.unclosedDelimiter, '1:1', "unclosed '('"],
    [C.invalidNumber, '1:4', "invalid number '1.'"],
  ),
  bad(
    '"ok" 1. "unterminated',
    false,
    [C.invalidNumber, '1:6', "invalid number '1.'"],
    [C.unterminatedString, '1:9', 'unterminated string'],
  ),
  bad(
    '{:a}\n(b',
    false,
    [C.oddMapEntries, '1:1', '(:a has no value)'],
    [C.unclosedDelimiter, '2:1', "unclosed '('"],
  ),
  bad(
    '(1 2))(',
    false,
    [C.unexpectedCloser, '1:6', "unexpected ')'"],
    [C.unclosedDelimiter, '1:7', "unclosed '('"],
  ),
  bad(
    '#x\n#(%0)\n##Nope\n:',
    false,
    [C.unknownDispatch, '1:1', "'#x'"],
    [C.invalidAnonFnArg, '2:1', "'%0'"],
    [C.invalidSpecialValue, '3:1', "'##Nope'"],
    [C.invalidKeyword, '4:1', 'a keyword needs a name'],
  ),
];

const ALL: ReadonlyArray<readonly [string, Bad[]]> = [
  ['unclosed and unterminated input', UNCLOSED],
  ['delimiters', DELIMITERS],
  ['atoms', ATOMS],
  ['dispatch, metadata and #()', DISPATCH_AND_MACROS],
  ['characters', CHARACTERS],
  ['several errors in one input', SEVERAL],
];

function summary(input: string, fullReaderOnly: boolean): string[] {
  return read(input, '<input>', { fullReaderOnly }).diagnostics.map(
    (d) => `${d.code} ${lineCol(d.span)}`,
  );
}

describe('malformed input', () => {
  for (const [group, rows] of ALL) {
    describe(group, () => {
      it.each(rows.map((r) => [JSON.stringify(r.input), r] as const))('%s', (_name, row) => {
        const r = read(row.input, '<input>', { fullReaderOnly: true });
        const got = r.diagnostics.map((d) => `${d.code} ${lineCol(d.span)}`);
        const want = row.expected.map(([code, at]) => `${code} ${at}`);
        if (row.subset) expect(got).toEqual(expect.arrayContaining(want));
        else expect(got).toEqual(want);
        for (const [code, at, message] of row.expected) {
          const d = r.diagnostics.find((x) => x.code === code && lineCol(x.span) === at);
          expect(d?.message).toContain(message);
          expect(d?.phase).toBe('syntax');
          expect(d?.severity).toBe('error');
        }
        expect(r.incomplete).toBe(row.incomplete);
        // The fast path must refuse the input, and `read` must then report the same.
        expect(fastRead(new Source('<input>', row.input))).toBeUndefined();
        expect(summary(row.input, false)).toEqual(got);
      });
    });
  }

  it('has at least 25 rows', () => {
    expect(ALL.reduce((n, [, rows]) => n + rows.length, 0)).toBeGreaterThanOrEqual(25);
  });

  it('reports positions in the named file', () => {
    const r = read('(a\n  b]', 'plans/trip.rtfs');
    expect(r.diagnostics.map(formatDiagnosticLine)).toEqual([
      "plans/trip.rtfs:2:4: syntax/mismatched-delimiter: expected ')' to close '(' at 1:1, found ']'",
    ]);
  });

  it('spans the offending text', () => {
    const text = '(f 12abc "x\\qy" ::k)';
    const r = read(text);
    expect(r.diagnostics.map((d) => text.slice(d.span.start, d.span.end))).toEqual([
      '12abc',
      '\\q',
      '::k',
    ]);
  });

  it('reports an unclosed form at its opener and an unterminated string at its quote', () => {
    const text = '(a "b';
    const r = read(text);
    expect(r.diagnostics.map((d) => text.slice(d.span.start, d.span.end))).toEqual(['(', '"']);
    expect(r.incomplete).toBe(true);
  });

  it.each([
    ['(]', '()', [0, 1]],
    ['(a]', '(a)', [0, 2]],
    ['[x (a b]', '[x (a b)]', [0, 8]],
    ['#(f %]', '(fn [%1] (f %1))', [0, 5]],
  ] as const)('gives %s, closed by error recovery, a real span', (text, printed, span) => {
    // Recovery inserts the missing ')' as a token without an offset.
    const r = read(text);
    expect(r.diagnostics.map((d) => d.code)).toEqual([C.mismatchedDelimiter]);
    expect(r.forms.map(printValue)).toEqual([printed]);
    expect(r.spans.map((s) => [s.start, s.end])).toEqual([span]);
  });

  it('keeps the forms it could read around an error', () => {
    const r = read('(a) 1. [b]');
    expect(r.forms.map((f) => (f === null ? 'nil' : typeof f))).toEqual([
      'object',
      'nil',
      'object',
    ]);
    expect(r.spans.map((s) => [s.start, s.end])).toEqual([
      [0, 3],
      [4, 6],
      [7, 10],
    ]);
  });

  it('survives very deep nesting with a diagnostic instead of a crash', () => {
    for (const text of ['('.repeat(100_000), '['.repeat(50_000) + ']'.repeat(50_000)]) {
      const r = read(text);
      expect(r.diagnostics.map((d) => d.code)).toEqual([C.tooDeep]);
      expect(r.incomplete).toBe(false);
    }
    // The reader is still usable afterwards.
    expect(read('(a [b])', '<input>', { fullReaderOnly: true }).diagnostics).toEqual([]);
  });

  it('accepts moderately deep nesting', () => {
    const text = '['.repeat(500) + ']'.repeat(500);
    expect(read(text).diagnostics).toEqual([]);
    expect(read(text, '<input>', { fullReaderOnly: true }).diagnostics).toEqual([]);
  });
});
