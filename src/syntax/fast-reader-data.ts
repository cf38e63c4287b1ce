/**
 * `fastReadData`: the fast reader for data files whose nested positions nobody reads
 * unless something is wrong (a catalog: ADR 0028). Only top-level forms carry a
 * NodeSpan (so each element of a top-level vector has its span); nested collections
 * are read without one, which saves an object and a copy of child offsets per
 * collection. The values are otherwise those of `read`. A caller that needs a nested
 * position (a diagnostic) reads the text again with `read`. Undefined means "use
 * `read`" (anything the fast reader does not accept, or a text over the size limit).
 */
import { MAX_STRING } from '../data/limits.js';
import type { Value } from '../data/index.js';
import type { Source, Span } from '../source/index.js';
import { misplacedColon } from './colon.js';
import { BAIL, FastReader } from './fast-reader.js';

/** The forms of `source` and their spans, or undefined (then use `read`). */
export function fastReadData(source: Source): { forms: Value[]; spans: Span[] } | undefined {
  if (source.text.length > MAX_STRING) return undefined;
  const r = new FastReader(source, source.text, false);
  const forms: Value[] = [];
  const spans: Span[] = [];
  try {
    for (;;) {
      const c = r.skip();
      if (c < 0) break;
      // Discards, shebangs and stray closers: left to `read`.
      if (c === 35 || c === 41 || c === 93 || c === 125) return undefined;
      r.form(c);
      forms.push(r.value);
      spans.push(r.span);
    }
  } catch (e) {
    if (e === BAIL || e instanceof RangeError) return undefined;
    throw e;
  }
  if (r.colons > 0 && misplacedColon(forms, 'other')) return undefined;
  return { forms, spans };
}
