/**
 * Differential test of the two readers (docs/adr/0003-reader-fast-path.md) on valid
 * input: the fast path (fast-reader.ts) must accept it and build exactly what the
 * Chevrotain reader builds (see `checkInput` in test/support/reader-checks.ts), for
 * 3,000 generated programs (random separators, comments, discards, reader macros,
 * metadata, `#(…)`) and for a corpus of hand-written programs, whose child spans are
 * also checked. Random and mutated (mostly invalid) inputs go through the same
 * checks in fuzz.test.ts.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { read } from '../../src/syntax/index.js';
import { fastRead } from '../../src/syntax/fast-reader.js';
import { Source, childSpan, type NodeSpan } from '../../src/source/index.js';
import { type Value, Sym, printValue } from '../../src/data/index.js';
import { validSource, VALID_PROGRAMS } from '../support/fuzz-inputs.js';
import { atom, symbolName, keywordName } from '../support/arbitraries.js';
import { checkInput } from '../support/reader-checks.js';

/** Symbols that are valid everywhere, including inside `#(…)` (no `%0`, `%10`). */
const symbolText = symbolName.filter((s) => !/^%[0-9]+$/.test(s) || /^%[1-9]$/.test(s));
const generatedSource = validSource(
  fc.oneof(atom.filter((v) => !(v instanceof Sym)).map(printValue), symbolText),
  symbolText,
  keywordName.map((k) => `:${k}`),
);

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
  it('agree on generated valid programs, which both accept (3000 inputs)', () => {
    fc.assert(
      fc.property(generatedSource, (text) => {
        // Accepted by the fast path, hence (checkInput) by Chevrotain, with equal results.
        expect(fastRead(new Source('<diff>', text)), text).toBeDefined();
        checkInput(text);
      }),
      { numRuns: 3000 },
    );
  });

  it('agree on every valid program, which the fast path accepts', () => {
    for (const text of VALID_PROGRAMS) {
      checkInput(text);
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
          // An annotation colon (`:`, `x:`) reads only inside a list or vector.
          if (child instanceof Sym && child.name.endsWith(':')) {
            expect(text.slice(s?.start, s?.end), text).toBe(child.name);
            continue;
          }
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
