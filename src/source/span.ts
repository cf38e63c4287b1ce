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
 * The span of a read collection plus the offsets of its children, flattened as
 * `[start0, end0, start1, end1, …]` (one array per collection instead of one object
 * per child: reading allocates far less). See {@link childSpan}.
 */
export interface NodeSpan extends Span {
  readonly children: readonly number[];
}

/** The span of child `i` of a collection read from source, or undefined. */
export function childSpan(parent: NodeSpan | undefined, i: number): Span | undefined {
  if (parent === undefined) return undefined;
  const start = parent.children[2 * i];
  const end = parent.children[2 * i + 1];
  if (start === undefined || end === undefined) return undefined;
  return { source: parent.source, start, end };
}
