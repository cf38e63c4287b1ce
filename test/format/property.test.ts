import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { read, equals, float, kw, sym, RList, RVector, RMap, type Value } from '../../src/index.js';
import { formatForms, formatSource } from '../../src/format/index.js';

const HEADS = ['let', 'defn', 'fn', 'if', 'cond', 'match', 'step', 'plan', 'do', 'when', 'try'];
const name = fc.oneof(
  fc.stringMatching(/^[a-z][a-z0-9?!*-]{0,8}$/),
  fc.constantFrom(...HEADS, 'when', '->', 'a/b'),
);

const leaf: fc.Arbitrary<Value> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -1e6, max: 1e6 }),
  fc
    .bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n })
    .map((b) => (b >= -(2n ** 53n) && b <= 2n ** 53n ? Number(b) : b)),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(float),
  fc.string({ maxLength: 20 }),
  name.map(kw),
  name.map(sym),
);

const { value } = fc.letrec<{ value: Value }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('value'), { maxLength: 6 }).map((xs) => new RList(xs)),
    fc.array(tie('value'), { maxLength: 6 }).map((xs) => RVector.from(xs)),
    fc
      .array(fc.tuple(leaf, tie('value')), { maxLength: 4 })
      .map((kvs) => RMap.fromFlat(kvs.flat())),
  ),
}));

describe('formatting generated data', () => {
  it('formatForms output reads back to the same data and is a fixed point of formatSource', () => {
    // formatForms prints data as it is; formatSource also spells type annotations
    // canonically (`[x [:fn] :let]` → `[x :[:fn] :let]`, which reads as other data with
    // the same meaning): the layout is checked with annotations as written, and the
    // canonical text for reading back and being a fixed point itself.
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 20, max: 120 }),
        (forms, width) => {
          const text = formatForms(forms, { width });
          const back = read(text);
          expect(back.diagnostics).toEqual([]);
          expect(back.forms.length).toBe(forms.length);
          forms.forEach((f, i) => expect(equals(back.forms[i] as Value, f)).toBe(true));
          const again = formatSource(text, { width, annotations: 'as-written' });
          expect(again.ok && again.text).toBe(text);
          const canonical = formatSource(text, { width });
          if (!canonical.ok) throw new Error('formatSource refused formatForms output');
          const read2 = read(canonical.text);
          expect(read2.diagnostics).toEqual([]);
          expect(read2.forms.length).toBe(forms.length);
          const twice = formatSource(canonical.text, { width });
          expect(twice.ok && twice.text).toBe(canonical.text);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('type annotations in formatted data', () => {
  it('print as they are, so the text reads back to the same data', () => {
    const forms = read('(let [x [:fn] :let] x) (fn [a [:vector :int]] a)').forms;
    const text = formatForms(forms);
    expect(text).toBe('(let [x [:fn] :let] x)\n(fn [a [:vector :int]] a)\n');
    read(text).forms.forEach((f, i) => expect(equals(f, forms[i] as Value)).toBe(true));
    const canonical = formatSource(text);
    expect(canonical.ok && canonical.text).toBe(
      '(let [x :[:fn] :let] x)\n(fn [a :[:vector :int]] a)\n',
    );
  });
});
