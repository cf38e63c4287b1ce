/**
 * Formatting generated source text with comments, discards, blank lines and reader
 * macros in random places: the output reads back to the same data with the same
 * comments, and formatting it again changes nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { read, equals, printValue, type Value } from '../../src/index.js';
import { formatSource } from '../../src/format/index.js';

const ATOMS = [
  '1',
  '-7',
  '1.50',
  '1e5',
  '##NaN',
  'nil',
  'true',
  ':k',
  ':ns/k',
  'x',
  'let',
  'defn',
  'when',
  'cond',
  'match',
  'step',
  'fn',
  'ns/f',
  '"s"',
  '"a\\nb"',
  '"multi\nline"',
  '%',
  'resource://r',
];
const SEPS = [
  ' ',
  ' ',
  ' ',
  '\n',
  '\n\n',
  '\n\n\n',
  ' ; c\n',
  '\n;; own line\n',
  ' #_x ',
  ' #| b |# ',
  ', ',
  '\t',
];

const sep = fc.constantFrom(...SEPS);

function joinWith(items: string[], seps: string[]): string {
  return items.map((x, i) => (i === 0 ? x : (seps[i % seps.length] ?? ' ') + x)).join('');
}

const { form } = fc.letrec<{ form: string }>((tie) => ({
  form: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...ATOMS),
    fc
      .tuple(
        fc.array(tie('form'), { maxLength: 6 }),
        fc.array(sep, { minLength: 1, maxLength: 4 }),
        sep,
      )
      .map(
        ([xs, seps, end]) =>
          `(${joinWith(xs, seps)}${xs.length > 0 && end.includes(';') ? end : ''})`,
      ),
    fc
      .tuple(fc.array(tie('form'), { maxLength: 6 }), fc.array(sep, { minLength: 1, maxLength: 4 }))
      .map(([xs, seps]) => `[${joinWith(xs, seps)}]`),
    fc
      .tuple(
        fc.array(fc.tuple(fc.constantFrom(':a', ':b', '"k"', '1'), tie('form')), { maxLength: 4 }),
        fc.array(sep, { minLength: 1, maxLength: 4 }),
      )
      .map(([kvs, seps]) => `{${joinWith(kvs.flat(), seps)}}`),
    fc
      .tuple(fc.constantFrom("'", '`', '~', '~@', '@', '#_x ', '^:m '), tie('form'))
      .map(([p, x]) => (p === '@' && /^[0-9"-]/.test(x) ? x : p + x)),
  ),
}));

const program = fc
  .tuple(
    fc.array(form, { minLength: 1, maxLength: 5 }),
    fc.array(sep, { minLength: 1, maxLength: 3 }),
  )
  .map(([forms, seps]) =>
    joinWith(
      forms,
      seps.map((s) => (s.includes(';') || s.includes('\n') ? s : `${s}\n`)),
    ),
  );

function same(a: readonly Value[], b: readonly Value[]): boolean {
  return (
    a.length === b.length &&
    a.every((v, i) => equals(v, b[i] as Value) || printValue(v) === printValue(b[i] as Value))
  );
}

describe('formatting generated source text', () => {
  it('keeps data and comments, and is idempotent', () => {
    fc.assert(
      fc.property(program, fc.integer({ min: 20, max: 100 }), (text, width) => {
        const before = read(text);
        fc.pre(before.diagnostics.length === 0);
        const r = formatSource(text, { width });
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const after = read(r.text);
        expect(after.diagnostics).toEqual([]);
        expect(same(before.forms, after.forms)).toBe(true);
        expect(after.comments.map((c) => c.text.trimEnd())).toEqual(
          before.comments.map((c) => c.text.trimEnd()),
        );
        const again = formatSource(r.text, { width });
        expect(again.ok && again.text).toBe(r.text);
      }),
      { numRuns: Number(process.env.FMT_RUNS ?? 500) },
    );
  });
});
