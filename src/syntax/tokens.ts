/**
 * RTFS tokens (documented in grammar/tokens.md). Order matters: Chevrotain tries
 * token types in the order of `allTokens` and takes the first that matches.
 *
 * 1. Whitespace first (most frequent). Commas are whitespace, as in Clojure.
 * 2. Comments go to the named group `comments` (kept for the formatter).
 * 3. `#`-dispatch tokens before the generic `#` error token.
 * 4. Strings, then the unterminated-string catch-all (group `invalid`).
 * 5. `resource://…` before Atom, which would otherwise take it.
 * 6. Atom last: one maximal run of symbol characters, classified as a whole by
 *    atoms.ts, so there are no word-boundary bugs (`truthy`, `if-not`, `nil?`).
 */
import { createToken, Lexer, type TokenType } from 'chevrotain';

const ATOM_START = 'A-Za-z0-9_$+\\-*/=<>!?%&.\\u03bb';
const ATOM_PART = `${ATOM_START}@#:'`;

export const WhiteSpace = createToken({
  name: 'WhiteSpace',
  pattern: /[\s,]+/,
  group: Lexer.SKIPPED,
});
export const LineComment = createToken({
  name: 'LineComment',
  pattern: /;[^\n]*/,
  group: 'comments',
});
export const BlockComment = createToken({
  name: 'BlockComment',
  pattern: /#\|[\s\S]*?\|#/,
  group: 'comments',
  line_breaks: true,
});
export const UnterminatedComment = createToken({
  name: 'UnterminatedComment',
  pattern: /#\|[\s\S]*/,
  group: 'invalid',
  line_breaks: true,
});
export const AnonFnOpen = createToken({ name: 'AnonFnOpen', pattern: /#\(/, label: "'#('" });
export const Discard = createToken({ name: 'Discard', pattern: /#_/, label: "'#_'" });
export const Special = createToken({
  name: 'Special',
  pattern: /##[A-Za-z0-9_.-]*/,
  label: 'special value',
});
/** `#"…"`: a regex literal, read as `(re-pattern "…")`; its text is the pattern verbatim. */
export const RegexLit = createToken({
  name: 'RegexLit',
  pattern: /#"(?:[^"\\]|\\[\s\S])*"/,
  label: 'regex',
  line_breaks: true,
});
export const UnterminatedRegex = createToken({
  name: 'UnterminatedRegex',
  pattern: /#"(?:[^"\\]|\\[\s\S])*/,
  group: 'invalid',
  line_breaks: true,
});
export const UnknownDispatch = createToken({ name: 'UnknownDispatch', pattern: /#/, label: "'#'" });
export const StringLit = createToken({
  name: 'StringLit',
  pattern: /"(?:[^"\\]|\\[\s\S])*"/,
  label: 'string',
  line_breaks: true,
});
export const UnterminatedString = createToken({
  name: 'UnterminatedString',
  pattern: /"(?:[^"\\]|\\[\s\S])*/,
  group: 'invalid',
  line_breaks: true,
});
export const LParen = createToken({ name: 'LParen', pattern: /\(/, label: "'('" });
export const RParen = createToken({ name: 'RParen', pattern: /\)/, label: "')'" });
export const LBracket = createToken({ name: 'LBracket', pattern: /\[/, label: "'['" });
export const RBracket = createToken({ name: 'RBracket', pattern: /]/, label: "']'" });
export const LBrace = createToken({ name: 'LBrace', pattern: /{/, label: "'{'" });
export const RBrace = createToken({ name: 'RBrace', pattern: /}/, label: "'}'" });
export const Quote = createToken({ name: 'Quote', pattern: /'/, label: "'" });
export const Backtick = createToken({ name: 'Backtick', pattern: /`/, label: '`' });
export const UnquoteSplicing = createToken({ name: 'UnquoteSplicing', pattern: /~@/, label: '~@' });
export const Unquote = createToken({ name: 'Unquote', pattern: /~/, label: '~' });
export const Meta = createToken({ name: 'Meta', pattern: /\^/, label: '^' });
export const Deref = createToken({ name: 'Deref', pattern: /@/, label: '@' });
export const Resource = createToken({
  name: 'Resource',
  pattern: /resource:\/\/[^\s,()[\]{}";]+/,
  label: 'resource handle',
});
export const KeywordTok = createToken({
  name: 'Keyword',
  pattern: new RegExp(`:[${ATOM_PART}]*`),
  label: 'keyword',
});
export const Atom = createToken({
  name: 'Atom',
  pattern: new RegExp(`[${ATOM_START}][${ATOM_PART}]*`),
  label: 'symbol or number',
});

export const allTokens: TokenType[] = [
  WhiteSpace,
  LineComment,
  BlockComment,
  UnterminatedComment,
  AnonFnOpen,
  Discard,
  Special,
  RegexLit,
  UnterminatedRegex,
  UnknownDispatch,
  StringLit,
  UnterminatedString,
  LParen,
  RParen,
  LBracket,
  RBracket,
  LBrace,
  RBrace,
  Quote,
  Backtick,
  UnquoteSplicing,
  Unquote,
  Meta,
  Deref,
  Resource,
  KeywordTok,
  Atom,
];

/** Closing delimiters, for stray-closer reporting. */
export const closers: ReadonlySet<TokenType> = new Set([RParen, RBracket, RBrace]);

let lexerInstance: Lexer | undefined;

/** The one lexer instance (offset-only positions; line/col are computed on demand). */
export function rtfsLexer(): Lexer {
  lexerInstance ??= new Lexer(allTokens, {
    positionTracking: 'onlyOffset',
    ensureOptimizations: true,
  });
  return lexerInstance;
}
