/**
 * The formatter's concrete syntax tree: every token's exact text (so `1.50`, `0x…`
 * escapes and reader macros print as written) plus the comments and `#_` forms the
 * reader drops. It is built from text that `read()` already accepted, so the scanner
 * here does not diagnose anything: unexpected input is a bug (it throws).
 */
import type { Value } from '../data/index.js';
import { shebangEnd } from '../syntax/index.js';

/** An atom: symbol, number, keyword, string, regex, `##Inf`, resource, … (exact text). */
export interface CstAtom {
  readonly kind: 'atom';
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** `(…)`, `[…]`, `{…}` or `#(…)`; `items` keep comments and discards in order. */
export interface CstColl {
  readonly kind: 'coll';
  readonly open: '(' | '[' | '{' | '#(';
  readonly items: readonly CstItem[];
  readonly start: number;
  readonly end: number;
  /** The data, for trees built from values (formatForms) rather than text. */
  readonly value?: Value;
}

/** `'x`, `` `x ``, `~x`, `~@x`, `@x`: the prefix and its operand. */
export interface CstPrefix {
  readonly kind: 'prefix';
  readonly prefix: string;
  readonly target: CstNode;
  readonly start: number;
  readonly end: number;
}

/** `^meta form` (`meta` holds every operand before the target, e.g. `:delegation :local`). */
export interface CstMeta {
  readonly kind: 'meta';
  readonly meta: readonly CstNode[];
  readonly target: CstNode;
  readonly start: number;
  readonly end: number;
}

/** An operand with comments or `#_` forms before it (`#_ ;; why\n x`, `#_ #_ a b`). */
export interface CstLead {
  readonly kind: 'lead';
  readonly trivia: readonly CstTrivia[];
  readonly node: CstNode;
  readonly start: number;
  readonly end: number;
}

export type CstNode = CstAtom | CstColl | CstPrefix | CstMeta | CstLead;

/** A `;` line comment or a `#| … |#` block comment (text without trailing blanks). */
export interface CstComment {
  readonly kind: 'comment';
  readonly text: string;
  readonly block: boolean;
  readonly start: number;
  readonly end: number;
}

/** `#_ form`: read and dropped by the reader, kept verbatim (formatted) here. */
export interface CstDiscard {
  readonly kind: 'discard';
  readonly target: CstNode;
  readonly start: number;
  readonly end: number;
}

export type CstTrivia = CstComment | CstDiscard;
export type CstItem = CstNode | CstTrivia;

export interface CstRoot {
  readonly kind: 'root';
  readonly text: string;
  readonly items: readonly CstItem[];
  readonly start: number;
  readonly end: number;
}

const CLOSERS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}', '#(': ')' };
const DELIMS = new Set([...'()[]{}";\'`~^@,'].map((c) => c.charCodeAt(0)));

function isSpace(c: number): boolean {
  // The reader's whitespace: /[\s,]/ (ASCII fast path).
  if (c === 32 || c === 44 || (c >= 9 && c <= 13)) return true;
  return c > 127 && /\s/.test(String.fromCharCode(c));
}

/** Parses text the reader accepted into a CST. */
export function parseCst(text: string): CstRoot {
  const p = new CstParser(text);
  // A `#!` first line is kept as a comment.
  const bang = shebangEnd(text);
  const first: CstItem[] =
    bang > 0
      ? [
          {
            kind: 'comment',
            text: text.slice(0, bang).trimEnd(),
            block: false,
            start: 0,
            end: bang,
          },
        ]
      : [];
  p.pos = bang;
  const items = [...first, ...p.items(undefined)];
  return { kind: 'root', text, items, start: 0, end: text.length };
}

class CstParser {
  pos = 0;
  constructor(private readonly text: string) {}

  private bug(what: string): never {
    throw new Error(`rtfs fmt: unexpected ${what} at offset ${this.pos} (the reader accepted it)`);
  }

  private skipSpace(): void {
    const t = this.text;
    while (this.pos < t.length && isSpace(t.charCodeAt(this.pos))) this.pos++;
  }

  /** Items up to `close` (or the end of input when undefined). */
  items(close: string | undefined): CstItem[] {
    const out: CstItem[] = [];
    for (;;) {
      this.skipSpace();
      if (this.pos >= this.text.length) {
        if (close !== undefined) this.bug('end of input');
        return out;
      }
      if (close !== undefined && this.text.startsWith(close, this.pos)) {
        this.pos += close.length;
        return out;
      }
      out.push(this.item());
    }
  }

  private item(): CstItem {
    const t = this.text;
    const start = this.pos;
    if (t[start] === ';') {
      let end = t.indexOf('\n', start);
      if (end < 0) end = t.length;
      this.pos = end;
      return { kind: 'comment', text: t.slice(start, end).trimEnd(), block: false, start, end };
    }
    if (t.startsWith('#|', start)) {
      const close = t.indexOf('|#', start + 2);
      if (close < 0) this.bug('unterminated block comment');
      this.pos = close + 2;
      return { kind: 'comment', text: t.slice(start, this.pos), block: true, start, end: this.pos };
    }
    if (t.startsWith('#_', start)) {
      this.pos += 2;
      const target = this.operand();
      return { kind: 'discard', target, start, end: target.end };
    }
    return this.node();
  }

  /** The form after a prefix, `^` or `#_`, with any comments and discards before it. */
  private operand(): CstNode {
    const trivia: CstTrivia[] = [];
    for (;;) {
      this.skipSpace();
      const item = this.item();
      if (item.kind !== 'comment' && item.kind !== 'discard') {
        if (trivia.length === 0) return item;
        const start = (trivia[0] as CstTrivia).start;
        return { kind: 'lead', trivia, node: item, start, end: item.end };
      }
      trivia.push(item);
    }
  }

  private node(): CstNode {
    const t = this.text;
    const start = this.pos;
    const c = t[start] as string;
    if (c === '(' || c === '[' || c === '{' || t.startsWith('#(', start)) {
      const open = (t.startsWith('#(', start) ? '#(' : c) as CstColl['open'];
      this.pos += open.length;
      const items = this.items(CLOSERS[open]);
      return { kind: 'coll', open, items, start, end: this.pos };
    }
    for (const prefix of ["'", '`', '~@', '~', '@']) {
      if (t.startsWith(prefix, start)) {
        this.pos += prefix.length;
        const target = this.operand();
        return { kind: 'prefix', prefix, target, start, end: target.end };
      }
    }
    if (c === '^') {
      this.pos++;
      const meta: CstNode[] = [this.operand()];
      const first = meta[0] as CstNode;
      if (first.kind === 'atom' && first.text === ':delegation') {
        const target = this.operand();
        meta.push(target);
        this.skipSpace();
        if (target.kind === 'atom' && target.text !== ':local' && t[this.pos] === '"') {
          meta.push(this.operand());
        }
      }
      const target = this.operand();
      return { kind: 'meta', meta, target, start, end: target.end };
    }
    if (c === '"') return this.string(start);
    if (t.startsWith('#"', start)) return this.string(start, 2); // a regex literal
    return this.atom(start);
  }

  private string(start: number, open = 1): CstAtom {
    const t = this.text;
    let i = start + open;
    while (i < t.length && t[i] !== '"') i += t[i] === '\\' ? 2 : 1;
    if (i >= t.length) this.bug('unterminated string');
    this.pos = i + 1;
    return { kind: 'atom', text: t.slice(start, this.pos), start, end: this.pos };
  }

  private atom(start: number): CstAtom {
    const t = this.text;
    let i = start;
    if (t.startsWith('resource://', start)) {
      i += 'resource://'.length;
      while (i < t.length && !isSpace(t.charCodeAt(i)) && !'()[]{}";'.includes(t[i] as string)) {
        i++;
      }
    } else {
      // A keyword's or atom's run: stops at whitespace and delimiters; `'`, `@`, `#`
      // and `:` are part of an atom after its first character.
      i++;
      while (i < t.length) {
        const code = t.charCodeAt(i);
        if (isSpace(code)) break;
        if (DELIMS.has(code) && !"'@".includes(t[i] as string)) break;
        i++;
      }
    }
    if (i === start) this.bug(`character '${t[start] ?? ''}'`);
    this.pos = i;
    return { kind: 'atom', text: t.slice(start, i), start, end: i };
  }
}
