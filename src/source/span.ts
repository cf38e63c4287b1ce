import type { Source } from './source.js';

/** A half-open range `[start, end)` of 0-based offsets into a source. */
export interface Span {
  readonly source: Source;
  readonly start: number;
  readonly end: number;
}

export function span(source: Source, start: number, end: number): Span {
  return { source, start, end };
}

/** A span covering both arguments (which must share a source). */
export function joinSpans(a: Span, b: Span): Span {
  return { source: a.source, start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

/** `file:line:col` for the start of a span. */
export function formatLocation(s: Span): string {
  const { line, column } = s.source.position(s.start);
  return `${s.source.uri}:${line}:${column}`;
}

/**
 * `text` shortened to about `max` characters: its start, `…`, how much was left out,
 * and its end. Messages and excerpts go through it, so a million-digit literal or a
 * huge thrown string never floods the terminal.
 */
export function clipText(text: string, max = 1000): string {
  if (text.length <= max) return text;
  const head = Math.floor(max * 0.7);
  const tail = Math.floor(max * 0.2);
  let a = head;
  let b = text.length - tail;
  // Never cut a surrogate pair in half.
  if (/[\uD800-\uDBFF]/.test(text[a - 1] ?? '')) a--;
  if (/[\uDC00-\uDFFF]/.test(text[b] ?? '')) b++;
  return `${text.slice(0, a)}… (${(b - a).toLocaleString('en-US')} characters left out) …${text.slice(b)}`;
}

/** Columns of a source line an excerpt shows at most. */
const EXCERPT_WIDTH = 160;

/**
 * The source line of a span with a caret line under it, e.g.
 * ```
 *    3 | (let [x 1
 *      |      ^^^^
 * ```
 * Spans running past the end of their first line are underlined to the line end. A
 * line longer than 160 columns is shown as a window around the span, with `…` marks.
 */
export function renderExcerpt(s: Span): string {
  const src = s.source;
  const { line, column } = src.position(s.start);
  const text = src.lineText(line);
  const gutter = String(line).length;
  const pad = ' '.repeat(gutter);
  const lineEndOffset = s.start - (column - 1) + text.length;
  let width = Math.max(1, Math.min(s.end, lineEndOffset) - s.start);
  let shown = text;
  let col = column - 1;
  if (text.length > EXCERPT_WIDTH) {
    const from = Math.max(0, col - 40);
    const to = Math.min(text.length, from + EXCERPT_WIDTH);
    shown = `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
    col = col - from + (from > 0 ? 1 : 0);
    width = Math.min(width, to - (column - 1));
  }
  const expanded = shown.replace(/\t/g, ' ');
  return `${line} | ${expanded}\n${pad} | ${' '.repeat(col)}${'^'.repeat(Math.max(1, width))}`;
}

/**
 * The span of a read collection plus the offsets of its children, stored as
 * `[start0, end0, start1, end1, …]` in a buffer that many nodes share (reading a
 * large file allocates one buffer instead of one array or object per child).
 * Use {@link childSpan} to get a child's span.
 */
export class NodeSpan implements Span {
  constructor(
    readonly source: Source,
    readonly start: number,
    readonly end: number,
    private readonly buf: Int32Array | readonly number[],
    private readonly base: number,
    readonly childCount: number,
  ) {}

  /** A node span whose children are given as a plain offsets array. */
  static of(source: Source, start: number, end: number, offsets: readonly number[]): NodeSpan {
    return new NodeSpan(source, start, end, offsets, 0, offsets.length >> 1);
  }

  childStart(i: number): number {
    return this.buf[this.base + 2 * i] as number;
  }

  childEnd(i: number): number {
    return this.buf[this.base + 2 * i + 1] as number;
  }

  child(i: number): Span | undefined {
    if (i < 0 || i >= this.childCount) return undefined;
    return { source: this.source, start: this.childStart(i), end: this.childEnd(i) };
  }

  /** All child offsets as a fresh `[start0, end0, …]` array. */
  offsets(): number[] {
    const out: number[] = [];
    for (let i = 0; i < 2 * this.childCount; i++) out.push(this.buf[this.base + i] as number);
    return out;
  }
}

/** The span of child `i` of a collection read from source, or undefined. */
export function childSpan(parent: NodeSpan | undefined, i: number): Span | undefined {
  return parent?.child(i);
}
