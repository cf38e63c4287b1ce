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
 * The source line of a span with a caret line under it, e.g.
 * ```
 *    3 | (let [x 1
 *      |      ^^^^
 * ```
 * Spans running past the end of their first line are underlined to the line end.
 */
export function renderExcerpt(s: Span): string {
  const src = s.source;
  const { line, column } = src.position(s.start);
  const text = src.lineText(line);
  const gutter = String(line).length;
  const pad = ' '.repeat(gutter);
  const lineEndOffset = s.start - (column - 1) + text.length;
  const width = Math.max(1, Math.min(s.end, lineEndOffset) - s.start);
  const expanded = text.replace(/\t/g, ' ');
  return `${line} | ${expanded}\n${pad} | ${' '.repeat(column - 1)}${'^'.repeat(width)}`;
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
