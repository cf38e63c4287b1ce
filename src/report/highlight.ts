/**
 * RTFS source as highlighted HTML, tokenized by the project's own lexer
 * (src/syntax/tokens.ts), so the report colours exactly what the reader reads:
 * strings, keywords, numbers and literals, comments, and the head of each list
 * (the operator: special form, macro, function or `call`). Nothing runs in the browser.
 */
import type { IToken } from 'chevrotain';
import { rtfsLexer } from '../syntax/tokens.js';
import { classifyAtom } from '../syntax/atoms.js';
import { RFloat, Sym } from '../data/index.js';
import { escText as esc } from './html.js';

/** CSS class per token kind (styles in client/report.css). */
function atomClass(text: string, head: boolean): string | undefined {
  const c = classifyAtom(text);
  if (!c.ok) return 'x';
  const v = c.value;
  if (v === null || typeof v === 'boolean') return 'l';
  if (typeof v === 'number' || typeof v === 'bigint' || v instanceof RFloat) return 'n';
  if (v instanceof Sym) return head ? 'h' : undefined;
  return 'l';
}

function tokenClass(t: IToken, head: boolean): string | undefined {
  switch (t.tokenType.name) {
    case 'StringLit':
      return 's';
    case 'UnterminatedString':
    case 'UnterminatedComment':
      return 'x';
    case 'LineComment':
    case 'BlockComment':
      return 'c';
    case 'Keyword':
      return 'k';
    case 'Special':
    case 'Resource':
      return 'l';
    case 'Atom':
      return atomClass(t.image, head);
    default:
      return undefined;
  }
}

/** Highlighted HTML for RTFS source (the text between tags is escaped). */
export function highlightRtfs(source: string): string {
  const lexed = rtfsLexer().tokenize(source);
  const tokens: IToken[] = [...lexed.tokens, ...Object.values(lexed.groups).flat()].sort(
    (a, b) => a.startOffset - b.startOffset,
  );
  let out = '';
  let at = 0;
  let afterOpen = false;
  for (const t of tokens) {
    if (t.startOffset < at) continue;
    out += esc(source.slice(at, t.startOffset));
    const cls = tokenClass(t, afterOpen);
    out += cls === undefined ? esc(t.image) : `<i class=${cls}>${esc(t.image)}</i>`;
    at = t.startOffset + t.image.length;
    const name = t.tokenType.name;
    if (name !== 'LineComment' && name !== 'BlockComment')
      afterOpen = name === 'LParen' || name === 'AnonFnOpen';
  }
  return out + esc(source.slice(at));
}
