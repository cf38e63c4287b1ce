/**
 * The full reader: Chevrotain lexer + parser with recovery. It is the normative
 * reader and the one that produces diagnostics; read.ts tries a faster path first
 * and comes here whenever that path meets anything it does not accept.
 */
import type { IRecognitionException, IToken } from 'chevrotain';
import type { Source } from '../source/index.js';
import { type Span } from '../source/index.js';
import { diagnostic, SyntaxCodes, type Diagnostic } from '../diagnostics/index.js';
import {
  rtfsLexer,
  UnterminatedString,
  UnterminatedRegex,
  UnterminatedComment,
  BlockComment,
} from './tokens.js';
import { RtfsParser, CLOSE_MARK } from './parser.js';
import { isIncomplete, type Comment, type ReadResult } from './read-result.js';
import { shebangEnd } from './shebang.js';

let parserInstance: RtfsParser | undefined;

function parser(): RtfsParser {
  parserInstance ??= new RtfsParser();
  return parserInstance;
}

const OPENERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

export function chevrotainRead(source: Source): ReadResult {
  // A `#!` first line is lexed as the `;` comment it stands for (same offsets).
  const bang = shebangEnd(source.text);
  const lexed = rtfsLexer().tokenize(bang > 0 ? `;${source.text.slice(1)}` : source.text);
  const diagnostics: Diagnostic[] = [];
  for (const e of lexed.errors) {
    const ch = source.text.slice(e.offset, e.offset + e.length);
    diagnostics.push(
      diagnostic(
        SyntaxCodes.unexpectedCharacter,
        'syntax',
        `unexpected character '${ch}' (U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`,
        { source, start: e.offset, end: e.offset + e.length },
      ),
    );
  }
  for (const t of lexed.groups['invalid'] ?? []) {
    const span = tokenSpan(source, t);
    if (t.tokenType === UnterminatedString || t.tokenType === UnterminatedRegex) {
      diagnostics.push(
        diagnostic(
          SyntaxCodes.unterminatedString,
          'syntax',
          `unterminated ${t.tokenType === UnterminatedRegex ? 'regex' : 'string'}: expected a closing '"'`,
          {
            source,
            start: span.start,
            end: span.start + 1,
          },
        ),
      );
    } else if (t.tokenType === UnterminatedComment) {
      diagnostics.push(
        diagnostic(
          SyntaxCodes.unterminatedComment,
          'syntax',
          "unterminated block comment: expected '|#'",
          {
            source,
            start: span.start,
            end: span.start + 2,
          },
        ),
      );
    }
  }
  const p = parser();
  p.begin(source, lexed.tokens);
  const result = p.program();
  diagnostics.push(...p.semantic);
  for (const e of p.errors) diagnostics.push(recognitionDiagnostic(source, e));
  diagnostics.sort((a, b) => a.span.start - b.span.start);
  const comments: Comment[] = (lexed.groups['comments'] ?? []).map((t) => ({
    text: t.startOffset === 0 && bang > 0 ? source.text.slice(0, bang) : t.image,
    span: tokenSpan(source, t),
    block: t.tokenType === BlockComment,
  }));
  return {
    forms: result?.items ?? [],
    spans: result?.spans ?? [],
    comments,
    diagnostics: dedupe(diagnostics),
    incomplete: isIncomplete(diagnostics),
  };
}

function tokenSpan(source: Source, t: IToken): Span {
  return { source, start: t.startOffset, end: t.startOffset + t.image.length };
}

function isEof(t: IToken): boolean {
  return t.tokenType.name === 'EOF' || Number.isNaN(t.startOffset);
}

function recognitionDiagnostic(source: Source, e: IRecognitionException): Diagnostic {
  const actual = e.token;
  const eof = isEof(actual);
  const at: Span = eof
    ? { source, start: source.text.length, end: source.text.length }
    : tokenSpan(source, actual);
  if (e.message.startsWith(CLOSE_MARK)) {
    const [offsetText, closer = ')'] = e.message.slice(CLOSE_MARK.length).split(':');
    const openOffset = Number(offsetText);
    const opener =
      closer === ')' && source.text[openOffset] === '#' ? '#(' : (OPENERS[closer] ?? '(');
    const openSpan: Span = { source, start: openOffset, end: openOffset + opener.length };
    const { line, column } = source.position(openOffset);
    if (eof) {
      return diagnostic(
        SyntaxCodes.unclosedDelimiter,
        'syntax',
        `unclosed '${opener}': expected '${closer}' before the end of input`,
        openSpan,
      );
    }
    return diagnostic(
      SyntaxCodes.mismatchedDelimiter,
      'syntax',
      `expected '${closer}' to close '${opener}' at ${line}:${column}, found '${actual.image}'`,
      at,
    );
  }
  if (eof) {
    return diagnostic(
      SyntaxCodes.missingFormAtEnd,
      'syntax',
      'expected a form, but the input ended',
      at,
    );
  }
  return diagnostic(
    SyntaxCodes.missingForm,
    'syntax',
    `expected a form, found '${actual.image}'`,
    at,
  );
}

/** One diagnostic per offset; a mismatched closer beats the stray-closer report it causes. */
function dedupe(ds: Diagnostic[]): Diagnostic[] {
  const byStart = new Map<number, Diagnostic>();
  for (const d of ds) {
    const prev = byStart.get(d.span.start);
    if (prev === undefined || prev.code === SyntaxCodes.unexpectedCloser)
      byStart.set(d.span.start, d);
  }
  return [...byStart.values()];
}
