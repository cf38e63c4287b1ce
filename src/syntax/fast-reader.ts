/**
 * The fast path of `read`: a `charCodeAt` scanner that builds the same data (values,
 * spans, comments) as the Chevrotain reader for valid input. On anything it does not
 * accept — any syntax error, any non-ASCII character outside strings and comments
 * (except λ), unusual metadata — it gives up (returns undefined) and the caller uses
 * the Chevrotain reader, which produces the diagnostics. A differential test checks
 * that both readers agree (test/syntax/differential.test.ts).
 */
import { NodeSpan, type Source, type Span } from '../source/index.js';
import { type Value, RList, RVector, RMap, Keyword } from '../data/index.js';
import {
  classifyAtom,
  classifyKeyword,
  classifySpecial,
  decodeString,
  resourceHandle,
} from './atoms.js';
import {
  attachMeta,
  buildAnonFn,
  delegationMeta,
  DELEGATION_TARGETS,
  isDelegationKeyword,
  metaFromForm,
  wrapForm,
  QUOTE,
  QUASIQUOTE,
  UNQUOTE,
  UNQUOTE_SPLICING,
  DEREF,
  regexForm,
} from './build.js';
import type { Comment, ReadResult } from './read-result.js';
import { misplacedColon } from './colon.js';
import { shebangEnd } from './shebang.js';
import {
  isAtomPart,
  isAtomStart,
  LAMBDA,
  plainSymbol,
  RESOURCE,
  RESOURCE_STOP,
  smallInt,
} from './fast-chars.js';

export const BAIL = { bail: true };

export class FastReader {
  pos = 0;
  readonly comments: Comment[] = [];
  private anonDepth = 0;
  /** Child offsets of every collection read so far, shared by their NodeSpans. */
  private buf = new Int32Array(4096);
  private bufLen = 0;
  /** Reusable per-depth scratch arrays for child offsets while a collection is open. */
  private readonly scratch: number[][] = [];
  /** Reusable per-depth scratch arrays for a collection's children. */
  private readonly itemScratch: Value[][] = [];
  private depth = 0;
  /** Annotation colons read so far (`:` alone, `x:`): collections holding one are checked. */
  colons = 0;
  // The last form read: its value and offsets; `span` is built only on request.
  value: Value = null;
  start = 0;
  end = 0;

  get span(): Span {
    return { source: this.source, start: this.start, end: this.end };
  }

  set span(s: Span) {
    this.start = s.start;
    this.end = s.end;
  }

  constructor(
    readonly source: Source,
    readonly text: string,
    readonly nestedSpans = true, // false: NodeSpans for top-level forms only (fast-reader-data.ts)
  ) {}

  /** Skips whitespace and comments; returns the next char code or -1 at the end. */
  skip(): number {
    const text = this.text;
    const n = text.length;
    let p = this.pos;
    while (p < n) {
      const c = text.charCodeAt(p);
      if (c === 32 || c === 44 || (c >= 9 && c <= 13)) {
        p++;
      } else if (c === 59) {
        const start = p;
        const nl = text.indexOf('\n', p);
        p = nl < 0 ? n : nl;
        this.comments.push({ text: text.slice(start, p), span: this.mk(start, p), block: false });
      } else if (c === 35 && text.charCodeAt(p + 1) === 124) {
        const close = text.indexOf('|#', p + 2);
        if (close < 0) throw BAIL;
        this.comments.push({
          text: text.slice(p, close + 2),
          span: this.mk(p, close + 2),
          block: true,
        });
        p = close + 2;
      } else if (c >= 128 && c !== LAMBDA) {
        throw BAIL;
      } else {
        this.pos = p;
        return c;
      }
    }
    this.pos = p;
    return -1;
  }

  mk(start: number, end: number): Span {
    return { source: this.source, start, end };
  }

  /** Reads elements until `close`; handles `#_` discards. */
  elements(close: number, items: Value[], offsets: number[]): void {
    for (;;) {
      const c = this.skip();
      if (c === close) {
        this.pos++;
        return;
      }
      if (c < 0 || c === 41 || c === 93 || c === 125) throw BAIL;
      if (c === 35 && this.text.charCodeAt(this.pos + 1) === 95) {
        this.pos += 2;
        this.operand();
        continue;
      }
      this.form(c);
      items.push(this.value);
      offsets.push(this.start, this.end);
    }
  }

  /** Discards, then one form. */
  operand(): void {
    for (;;) {
      const c = this.skip();
      if (c < 0) throw BAIL;
      if (c === 35 && this.text.charCodeAt(this.pos + 1) === 95) {
        this.pos += 2;
        this.operand();
        continue;
      }
      this.form(c);
      return;
    }
  }

  form(c: number): void {
    const start = this.pos;
    switch (c) {
      case 40: // (
        return this.collection(start, 41, 'list');
      case 91: // [
        return this.collection(start, 93, 'vector');
      case 123: // {
        return this.collection(start, 125, 'map');
      case 34: // "
        return this.string(start);
      case 58: // :
        return this.keyword(start);
      case 39: // '
        return this.prefixed(start, 1, QUOTE);
      case 96: // `
        return this.prefixed(start, 1, QUASIQUOTE);
      case 126: // ~
        return this.text.charCodeAt(start + 1) === 64
          ? this.prefixed(start, 2, UNQUOTE_SPLICING)
          : this.prefixed(start, 1, UNQUOTE);
      case 64: // @
        return this.prefixed(start, 1, DEREF);
      case 94: // ^
        return this.meta(start);
      case 35: // #
        return this.dispatch(start);
      default:
        if (c === 114 && this.text.startsWith(RESOURCE, start)) return this.resource(start);
        if (!isAtomStart(c)) throw BAIL;
        return this.atom(start);
    }
  }

  collection(start: number, close: number, kind: 'list' | 'vector' | 'map'): void {
    this.pos++;
    // Children collect in a per-depth scratch array, then one exact-size copy.
    const d = this.depth;
    let tmp = this.itemScratch[d];
    if (tmp === undefined) {
      tmp = [];
      this.itemScratch[d] = tmp;
    }
    tmp.length = 0;
    const colons = this.colons;
    const span = this.readChildren(start, close, tmp);
    const items = tmp.slice();
    if (this.colons > colons && misplacedColon(items, kind === 'map' ? 'other' : 'sequence'))
      throw BAIL;
    if (kind === 'list') this.value = new RList(items, span);
    else if (kind === 'vector') this.value = new RVector(items, items.length, span);
    else {
      if (items.length % 2 === 1) throw BAIL;
      this.value = RMap.fromFlat(items, span);
    }
  }

  /** Reads elements up to `close` into `items`; returns the node span (also sets start/end). */
  readChildren(start: number, close: number, items: Value[]): NodeSpan | undefined {
    const d = this.depth++;
    let offsets = this.scratch[d];
    if (offsets === undefined) {
      offsets = [];
      this.scratch[d] = offsets;
    }
    offsets.length = 0;
    this.elements(close, items, offsets);
    this.depth--;
    this.start = start;
    this.end = this.pos;
    if (d > 0 && !this.nestedSpans) return undefined;
    const n = offsets.length;
    if (this.bufLen + n > this.buf.length) {
      const bigger = new Int32Array(Math.max(this.buf.length * 2, this.bufLen + n));
      bigger.set(this.buf.subarray(0, this.bufLen));
      this.buf = bigger;
    }
    const base = this.bufLen;
    const buf = this.buf;
    for (let i = 0; i < n; i++) buf[base + i] = offsets[i] as number;
    this.bufLen += n;
    return new NodeSpan(this.source, start, this.pos, buf, base, n >> 1);
  }

  string(start: number): void {
    const text = this.text;
    let p = start + 1;
    for (;;) {
      const q = text.indexOf('"', p);
      if (q < 0) throw BAIL;
      let backslashes = 0;
      for (let b = q - 1; b > start && text.charCodeAt(b) === 92; b--) backslashes++;
      if (backslashes % 2 === 0) {
        p = q + 1;
        break;
      }
      p = q + 1;
    }
    const s = decodeString(text.slice(start, p));
    if (!s.ok) throw BAIL;
    this.pos = p;
    this.value = s.value;
    this.start = start;
    this.end = p;
  }

  keyword(start: number): void {
    const end = this.atomEnd(start + 1);
    const last = this.text.charCodeAt(end - 1);
    if (end - start < 2 || last === 58 || last === 47 || this.text.charCodeAt(start + 1) === 58) {
      const r = classifyKeyword(this.text.slice(start, end));
      if (!r.ok) throw BAIL;
      if (end - start === 1) this.colons++;
      this.value = r.value;
    } else {
      const name = this.text.slice(start + 1, end);
      if (name.includes('::')) throw BAIL;
      this.value = Keyword.of(name);
    }
    this.pos = end;
    this.start = start;
    this.end = end;
  }

  atom(start: number): void {
    const text = this.text;
    const end = this.atomEnd(start + 1);
    const c = text.charCodeAt(start);
    let value: Value | undefined;
    if (c >= 48 && c <= 57 && end - start <= 15) value = smallInt(text, start, end);
    else if (c >= 97 && c <= 122 && end - start <= 24) value = plainSymbol(text, start, end);
    if (value === undefined) {
      const r = classifyAtom(text.slice(start, end));
      if (!r.ok) throw BAIL;
      if (text.charCodeAt(end - 1) === 58) this.colons++;
      value = r.value;
    }
    this.pos = end;
    this.value = value;
    this.start = start;
    this.end = end;
  }

  atomEnd(p: number): number {
    const text = this.text;
    const n = text.length;
    while (p < n && isAtomPart(text.charCodeAt(p))) p++;
    if (p < n && text.charCodeAt(p) >= 128) throw BAIL;
    return p;
  }

  resource(start: number): void {
    const text = this.text;
    let p = start + RESOURCE.length;
    while (p < text.length) {
      const c = text.charCodeAt(p);
      if (c >= 128) throw BAIL;
      if (RESOURCE_STOP.has(c)) break;
      p++;
    }
    if (p === start + RESOURCE.length) throw BAIL;
    this.pos = p;
    this.value = resourceHandle(text.slice(start, p));
    this.span = this.mk(start, p);
  }

  prefixed(start: number, width: number, head: typeof QUOTE): void {
    this.pos = start + width;
    const prefixSpan = this.mk(start, start + width);
    this.operand();
    const span = this.mk(start, Math.max(this.span.end, prefixSpan.end));
    this.value = wrapForm(head, this.value, span, prefixSpan, this.span);
    this.span = span;
  }

  /** `#"…"`: the pattern verbatim up to the closing quote (`\"` does not close it). */
  regex(start: number): void {
    const text = this.text;
    let p = start + 2;
    for (;;) {
      if (p >= text.length) throw BAIL; // unterminated: the full reader reports it
      const c = text.charCodeAt(p);
      if (c === 34) break;
      p += c === 92 ? 2 : 1;
    }
    this.pos = p + 1;
    const form = regexForm(text.slice(start + 2, p), this.source, start, p + 1);
    this.value = form;
    this.span = form.span as NodeSpan;
  }

  meta(start: number): void {
    this.pos = start + 1;
    this.operand();
    const m = this.value;
    let metaMap: RMap | undefined;
    if (isDelegationKeyword(m) && this.skip() === 58) {
      const tStart = this.pos;
      const tEnd = this.atomEnd(tStart + 1);
      const name = this.text.slice(tStart + 1, tEnd);
      this.pos = tEnd;
      let model: string | undefined;
      if (name !== 'local' && this.skip() === 34) {
        this.string(this.pos);
        model = this.value as string;
      }
      if (!DELEGATION_TARGETS.has(name) || (name === 'local-model' && model === undefined))
        throw BAIL;
      metaMap = delegationMeta(Keyword.of(name), model);
    } else {
      metaMap = metaFromForm(m);
      if (metaMap === undefined) throw BAIL;
    }
    this.operand();
    const attached = attachMeta(metaMap, this.value);
    if (!attached.ok) throw BAIL;
    this.value = attached.value;
    this.span = this.mk(start, this.span.end);
  }

  dispatch(start: number): void {
    const next = this.text.charCodeAt(start + 1);
    if (next === 34) return this.regex(start);
    if (next === 40) {
      if (this.anonDepth > 0) throw BAIL;
      this.anonDepth++;
      this.pos = start + 2;
      const items: Value[] = [];
      const span = this.readChildren(start, 41, items);
      if (span === undefined) throw BAIL;
      this.anonDepth--;
      if (this.colons > 0 && misplacedColon(items, 'sequence')) throw BAIL;
      const built = buildAnonFn(new RList(items, span), span);
      if (!built.ok) throw BAIL;
      this.value = built.value;
      this.span = span;
      return;
    }
    if (next === 35) {
      let p = start + 2;
      while (p < this.text.length) {
        const c = this.text.charCodeAt(p);
        if (
          (c >= 65 && c <= 90) ||
          (c >= 97 && c <= 122) ||
          (c >= 48 && c <= 57) ||
          c === 45 ||
          c === 46 ||
          c === 95
        )
          p++;
        else break;
      }
      const r = classifySpecial(this.text.slice(start, p));
      if (!r.ok) throw BAIL;
      this.pos = p;
      this.value = r.value;
      this.span = this.mk(start, p);
      return;
    }
    throw BAIL;
  }
}

/** Reads valid input quickly; undefined means "use the full reader". */
export function fastRead(source: Source): ReadResult | undefined {
  const r = new FastReader(source, source.text);
  const forms: Value[] = [];
  const spans: Span[] = [];
  const bang = shebangEnd(source.text);
  if (bang > 0) {
    r.comments.push({ text: source.text.slice(0, bang), span: r.mk(0, bang), block: false });
    r.pos = bang;
  }
  try {
    for (;;) {
      const c = r.skip();
      if (c < 0) break;
      if (c === 35 && source.text.charCodeAt(r.pos + 1) === 95) {
        r.pos += 2;
        r.operand();
        continue;
      }
      if (c === 41 || c === 93 || c === 125) return undefined;
      r.form(c);
      forms.push(r.value);
      spans.push(r.span);
    }
  } catch (e) {
    if (e === BAIL || e instanceof RangeError) return undefined;
    throw e;
  }
  if (r.colons > 0 && misplacedColon(forms, 'other')) return undefined;
  return { forms, spans, comments: r.comments, diagnostics: [], incomplete: false };
}
