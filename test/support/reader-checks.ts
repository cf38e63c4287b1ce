/**
 * Checks applied to every input of the reader fuzz and differential tests.
 */
import { expect } from 'vitest';
import { read, isIncomplete, type ReadResult } from '../../src/syntax/index.js';
import { fastRead } from '../../src/syntax/fast-reader.js';
import { Source } from '../../src/source/index.js';
import { SyntaxCodes } from '../../src/diagnostics/index.js';
import { type Value, equals, printValue } from '../../src/data/index.js';
import { dumpResult, hasNaN, same } from './forms.js';

const CODES: ReadonlySet<string> = new Set(Object.values(SyntaxCodes));

function inside(text: string, s: { start: number; end: number }): boolean {
  return (
    Number.isInteger(s.start) &&
    Number.isInteger(s.end) &&
    0 <= s.start &&
    s.start <= s.end &&
    s.end <= text.length
  );
}

/**
 * The first problem with a read result of `text`, or undefined: diagnostics must have
 * a known `syntax/…` code, a message and a span inside the text; forms, spans and
 * comments must be consistent; `incomplete` must match the diagnostics.
 */
export function problem(text: string, r: ReadResult): string | undefined {
  if (r.forms.length !== r.spans.length) return 'forms and spans differ in length';
  for (const d of r.diagnostics) {
    if (!d.code.startsWith('syntax/') || !CODES.has(d.code)) return `unknown code ${d.code}`;
    if (d.message.trim() === '') return `empty message for ${d.code}`;
    if (d.phase !== 'syntax' || d.severity !== 'error') return `bad phase/severity for ${d.code}`;
    if (d.span.source.text !== text) return `span of ${d.code} is in another source`;
    if (!inside(text, d.span)) return `span ${d.span.start}-${d.span.end} of ${d.code} outside`;
    const { line, column } = d.span.source.position(d.span.start);
    if (line < 1 || column < 1) return `bad position ${line}:${column}`;
  }
  for (const s of r.spans) if (!inside(text, s)) return `form span ${s.start}-${s.end} outside`;
  for (const c of r.comments) {
    if (!inside(text, c.span)) return 'comment span outside';
    if (text.slice(c.span.start, c.span.end) !== c.text) return 'comment text differs from span';
  }
  if (r.incomplete !== isIncomplete(r.diagnostics)) return 'incomplete flag inconsistent';
  if (r.diagnostics.length === 0 && r.incomplete) return 'incomplete without diagnostics';
  return undefined;
}

/** Counts of how inputs were handled, to check a run exercised the comparison. */
export interface Tally {
  fastAccepted: number;
  fullClean: number;
}

function readOrFail(text: string, fullReaderOnly: boolean): ReadResult {
  try {
    return read(text, '<fuzz>', { fullReaderOnly });
  } catch (e) {
    throw new Error(`read threw on ${JSON.stringify(text)}: ${String(e)}`);
  }
}

/**
 * Reads `text` with the fast path alone, with Chevrotain alone and with `read`, checks
 * each result is well formed (see {@link problem}) and that the readers agree:
 * - if the fast path succeeds, Chevrotain reports no diagnostics and both give the
 *   same forms (by `equals`, printed text, and exactly: metadata, every nested span
 *   and child offset), the same top-level spans and the same comments;
 * - if Chevrotain reports no diagnostics, `read` gives that result;
 * - otherwise `read` reports exactly Chevrotain's diagnostics.
 */
export function checkInput(text: string, tally?: Tally): void {
  const label = JSON.stringify(text);
  let fast: ReadResult | undefined;
  try {
    fast = fastRead(new Source('<fuzz>', text));
  } catch (e) {
    throw new Error(`fastRead threw on ${label}: ${String(e)}`);
  }
  const full = readOrFail(text, true);
  const viaRead = readOrFail(text, false);
  expect(problem(text, full), label).toBeUndefined();
  expect(problem(text, viaRead), label).toBeUndefined();
  if (fast !== undefined) {
    if (tally) tally.fastAccepted++;
    expect(problem(text, fast), label).toBeUndefined();
    expect(
      full.diagnostics.map((d) => d.message),
      label,
    ).toEqual([]);
    expect(fast.forms.length, label).toBe(full.forms.length);
    fast.forms.forEach((f, i) => {
      const g = full.forms[i] as Value;
      if (!hasNaN(f)) expect(equals(f, g), label).toBe(true);
      expect(same(f, g), label).toBe(true);
      expect(printValue(f), label).toBe(printValue(g));
    });
    expect(dumpResult(fast), label).toBe(dumpResult(full));
  }
  if (full.diagnostics.length === 0) {
    if (tally) tally.fullClean++;
    expect(dumpResult(viaRead), label).toBe(dumpResult(full));
    expect(viaRead.diagnostics, label).toEqual([]);
  } else {
    expect(fast, label).toBeUndefined();
    const summary = (ds: typeof full.diagnostics): string[] =>
      ds.map((d) => `${d.code} ${d.span.start}-${d.span.end} ${d.message}`);
    expect(summary(viaRead.diagnostics), label).toEqual(summary(full.diagnostics));
    expect(viaRead.incomplete, label).toBe(full.incomplete);
  }
}
