/**
 * `read`: RTFS text → RTFS data with spans, comments and diagnostics.
 *
 * Valid input goes through the fast path (fast-reader.ts, a hand-written scanner that
 * builds exactly the same data); the first thing it does not accept sends the whole
 * text to the Chevrotain reader, which is normative and produces the diagnostics.
 * The CLI loads Chevrotain lazily through {@link setFullReader}, so reading a valid
 * file never pays for building the grammar (docs/adr/0003-reader-fast-path.md).
 */
import { Source } from '../source/index.js';
import type { ReadResult } from './read-result.js';
import { diagnostic, SyntaxCodes } from '../diagnostics/index.js';
import { fastRead } from './fast-reader.js';
import { MAX_STRING } from '../data/limits.js';

export type FullReader = (source: Source) => ReadResult;

let fullReader: FullReader | undefined;
let fullReaderLoader: (() => FullReader) | undefined;

/** Installs the Chevrotain reader (or a loader that produces it on first use). */
export function setFullReader(reader: FullReader | (() => FullReader), lazy = false): void {
  if (lazy) {
    fullReaderLoader = reader as () => FullReader;
    fullReader = undefined;
  } else {
    fullReader = reader as FullReader;
  }
}

/** Whether a full reader (or a loader for one) has been installed. */
export function hasFullReader(): boolean {
  return fullReader !== undefined || fullReaderLoader !== undefined;
}

function getFullReader(): FullReader {
  if (fullReader === undefined) {
    if (fullReaderLoader === undefined) throw new Error('rtfs: no full reader installed');
    fullReader = fullReaderLoader();
  }
  return fullReader;
}

export interface ReadOptions {
  /** Skip the fast path (used by tests and the benchmark). */
  readonly fullReaderOnly?: boolean;
}

/** Reads every form of `text` (named `uri` in positions). Never throws on bad input. */
export function read(
  text: string | Source,
  uri = '<input>',
  options: ReadOptions = {},
): ReadResult {
  const source = typeof text === 'string' ? new Source(uri, text) : text;
  if (source.text.length > MAX_STRING) {
    const d = diagnostic(
      SyntaxCodes.tooLarge,
      'syntax',
      `the source is ${source.text.length.toLocaleString('en-US')} characters long (limit ${MAX_STRING.toLocaleString('en-US')})`,
      { source, start: 0, end: 1 },
    );
    return { forms: [], spans: [], comments: [], diagnostics: [d], incomplete: false };
  }
  if (!options.fullReaderOnly) {
    const fast = fastRead(source);
    if (fast !== undefined) return fast;
  }
  try {
    return getFullReader()(source);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    const d = diagnostic(SyntaxCodes.tooDeep, 'syntax', 'forms are nested too deeply to read', {
      source,
      start: 0,
      end: Math.min(1, source.text.length),
    });
    return { forms: [], spans: [], comments: [], diagnostics: [d], incomplete: false };
  }
}
