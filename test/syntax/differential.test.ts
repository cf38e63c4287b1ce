/**
 * Differential test of the two readers (docs/adr/0003-reader-fast-path.md): the fast
 * path (fast-reader.ts) must build exactly what the Chevrotain reader builds whenever
 * it accepts an input, and must accept nothing that Chevrotain rejects.
 *
 * For each of 6,000 random and 6,000 mutated inputs, and for every valid program:
 * - if the fast path succeeds, Chevrotain reports no diagnostics, and both give the
 *   same forms (by `equals` and printed text, and exactly: metadata, every nested
 *   span and child offset), the same top-level spans and the same comments;
 * - if Chevrotain reports no diagnostics, `read` (fast path first) gives that result;
 * - otherwise `read` reports Chevrotain's diagnostics.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { read } from '../../src/syntax/index.js';
import { fastRead } from '../../src/syntax/fast-reader.js';
import { Source, childSpan, type NodeSpan } from '../../src/source/index.js';
import { type Value, Sym, equals, printValue } from '../../src/data/index.js';
import { dumpResult, hasNaN, same } from '../support/forms.js';
import { randomText, mutatedProgram, validSource, VALID_PROGRAMS } from '../support/fuzz-inputs.js';
import { atom, symbolName, keywordName } from '../support/arbitraries.js';

/** Symbols that are valid everywhere, including inside `#(…)` (no `%0`, `%10`). */
const symbolText = symbolName.filter((s) => !/^%[0-9]+$/.test(s) || /^%[1-9]$/.test(s));
const generatedSource = validSource(
  fc.oneof(atom.filter((v) => !(v instanceof Sym)).map(printValue), symbolText),
  symbolText,
  keywordName.map((k) => `:${k}`),
);

interface Tally {
  fastAccepted: number;
  fullClean: number;
}

function compare(text: string, tally?: Tally): void {
  const label = JSON.stringify(text);
  const fast = fastRead(new Source('<diff>', text));
  const full = read(text, '<diff>', { fullReaderOnly: true });
  const viaRead = read(text, '<diff>');
  if (fast !== undefined) {
    if (tally) tally.fastAccepted++;
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

/** Every (parent, child index, child) of genuine collections read from source. */
function* children(v: Value): Generator<[NodeSpan, number, Value]> {
  if (typeof v !== 'object' || v === null) return;
  let items: Value[];
  let span: NodeSpan | undefined;
  switch (v.kind) {
    case 'list':
      items = [...v.items];
      span = v.span;
      break;
    case 'vector':
      items = v.toArray();
      span = v.span;
      break;
    case 'map':
      items = v.toFlat();
      span = v.span;
      break;
    default:
      return;
  }
  for (let i = 0; i < items.length; i++) {
    const child = items[i] as Value;
    if (span !== undefined) yield [span, i, child];
    yield* children(child);
  }
}

describe('fast path vs Chevrotain reader', () => {
  it('agree on random text (6000 inputs)', () => {
    const tally: Tally = { fastAccepted: 0, fullClean: 0 };
    fc.assert(
      fc.property(randomText, (t) => compare(t, tally)),
      { numRuns: 6000 },
    );
    // The inputs must exercise the comparison, not just error paths.
    expect(tally.fastAccepted).toBeGreaterThan(300);
  });

  it('agree on mutated programs (6000 inputs)', () => {
    const tally: Tally = { fastAccepted: 0, fullClean: 0 };
    fc.assert(
      fc.property(mutatedProgram, (t) => compare(t, tally)),
      { numRuns: 6000 },
    );
    expect(tally.fastAccepted).toBeGreaterThan(1000);
  });

  it('agree on generated valid programs, which both accept (3000 inputs)', () => {
    fc.assert(
      fc.property(generatedSource, (text) => {
        const full = read(text, '<diff>', { fullReaderOnly: true });
        expect(
          full.diagnostics.map((d) => d.message),
          text,
        ).toEqual([]);
        expect(fastRead(new Source('<diff>', text)), text).toBeDefined();
        compare(text);
      }),
      { numRuns: 3000 },
    );
  });

  it('agree on every valid program, which the fast path accepts', () => {
    for (const text of VALID_PROGRAMS) {
      compare(text);
      // eslint-disable-next-line no-control-regex
      if (/^[\u0000-\u007f]*$/.test(text)) {
        expect(fastRead(new Source('<diff>', text)), text).toBeDefined();
      }
    }
  });

  it('give every child a span whose text reads back as that child', () => {
    let checked = 0;
    for (const text of VALID_PROGRAMS) {
      const results = [
        fastRead(new Source('<diff>', text)),
        read(text, '<diff>', { fullReaderOnly: true }),
      ];
      const [a, b] = results.map((r) =>
        (r?.forms ?? []).flatMap((f) =>
          [...children(f)].map(([parent, i]) => {
            const s = childSpan(parent, i);
            return s === undefined ? 'none' : `${s.start}-${s.end}`;
          }),
        ),
      );
      expect(a, text).toEqual(b);
      for (const form of results[1]?.forms ?? []) {
        for (const [parent, i, child] of children(form)) {
          // Children of reader-macro expansions (`'x`, `#(…)`) point at the prefix or
          // the whole form; only children of literal collections must re-read.
          if (!'([{'.includes(text.charAt(parent.start))) continue;
          const s = childSpan(parent, i);
          expect(s, text).toBeDefined();
          const slice = text.slice(s?.start, s?.end);
          const again = read(slice, '<child>', { fullReaderOnly: true });
          expect(again.diagnostics, slice).toEqual([]);
          expect(again.forms.map(printValue), slice).toEqual([printValue(child)]);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
