/**
 * One open document as the server sees it: its text read into forms (with spans) and
 * outlined. Text that does not read (an edit in progress) is read again cut at the
 * cursor with its open brackets and string closed, so completion still knows the
 * locals in scope.
 */
import { fileURLToPath } from 'node:url';
import type { Value } from '../data/index.js';
import type { Span } from '../source/index.js';
import { Source } from '../source/index.js';
import { read } from '../syntax/index.js';
import { type Outline, outline } from './outline.js';

export interface Analysis {
  readonly forms: readonly Value[];
  readonly spans: readonly Span[];
  readonly outline: Outline;
  readonly source: Source;
}

/** The file path of a `file:` URI (what diagnostics and imports use), else the URI. */
export function uriPath(uri: string): string {
  return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
}

/** Reads and outlines `text`; undefined when it does not read. */
export function analyze(text: string, uri: string): Analysis | undefined {
  const source = new Source(uriPath(uri), text);
  const r = read(source);
  if (r.diagnostics.length > 0) return undefined;
  return { forms: r.forms, spans: r.spans, outline: outline(r.forms, r.spans), source };
}

/** `text` up to `offset`, with what is open there closed (strings, then brackets). */
export function closedAt(text: string, offset: number): string {
  const closers: string[] = [];
  let inString = false;
  let i = 0;
  const prefix = text.slice(0, offset);
  while (i < prefix.length) {
    const c = prefix[i] as string;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === ';') {
      while (i < prefix.length && prefix[i] !== '\n') i++;
    } else if (c === '#' && prefix[i + 1] === '|') {
      const end = prefix.indexOf('|#', i + 2);
      if (end < 0) return `${prefix}|#${closers.reverse().join('')}`;
      i = end + 1;
    } else if (c === '(' || c === '[' || c === '{')
      closers.push(c === '(' ? ')' : c === '[' ? ']' : '}');
    else if (c === ')' || c === ']' || c === '}') closers.pop();
    i++;
  }
  return `${prefix}${inString ? '"' : ''}${closers.reverse().join('')}`;
}

/** The analysis of `text`, or of its part before `offset`, closed, when it does not read. */
export function analyzeForCompletion(
  text: string,
  uri: string,
  offset: number,
): Analysis | undefined {
  return analyze(text, uri) ?? analyze(closedAt(text, offset), uri);
}
