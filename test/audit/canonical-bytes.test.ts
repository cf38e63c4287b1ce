import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  type Value,
  RMap,
  RVector,
  RList,
  RErrorValue,
  float,
  kw,
  sym,
} from '../../src/data/index.js';
import { canonicalValue } from '../../src/audit/index.js';
import { knownText } from '../../src/audit/canonical.js';
import { type ByteOut, writeValue } from '../../src/audit/canonical-bytes.js';

const anyString = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('x'.repeat(300), 'é😀"\\\n'.repeat(80), '\ud800', 'run-1/0.1'),
);
const name = fc.stringMatching(/^[a-z][a-z0-9.-]{0,8}(\/[a-z][a-z0-9-]{0,6})?$/);

const leaf: fc.Arbitrary<Value> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.maxSafeInteger(),
  fc.constantFrom(-0, 2n ** 60n, -(2n ** 60n)),
  fc.double().map((d) => float(d)),
  anyString,
  name.map((n) => kw(n)),
  name.map((n) => sym(n)),
);

/** Collections small and big (more than the writer's 8 elements; texts past 512). */
const { value } = fc.letrec<{ value: Value }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('value'), { maxLength: 12 }).map((xs) => RVector.from(xs)),
    fc.array(tie('value'), { maxLength: 12 }).map((xs) => new RList(xs)),
    fc
      .array(fc.tuple(tie('value'), tie('value')), { maxLength: 12 })
      .map((es) => RMap.fromFlat(es.flat())),
    fc.tuple(anyString, name, tie('value')).map(([m, c, d]) => new RErrorValue(m, kw(c), d)),
  ),
}));

/** The bytes writeValue writes, from a buffer of `size` bytes at offset `at`. */
function written(v: Value, size: number, at: number): Buffer {
  const out: ByteOut = { buf: Buffer.alloc(size) };
  const end = writeValue(out, at, v);
  return out.buf.subarray(at, end);
}

describe('writeValue (canonical bytes straight into a buffer)', () => {
  it('writes the UTF-8 of canonicalValue, growing a small buffer as it goes', () => {
    fc.assert(
      fc.property(value, fc.nat(40), (v, at) => {
        const text = canonicalValue(v);
        expect(written(v, at + 1, at).toString('utf8')).toBe(text);
        expect(written(v, 1 << 16, at).equals(Buffer.from(text))).toBe(true);
        // Again: big collections now come from their remembered text.
        expect(written(v, 8, 0).toString('utf8')).toBe(text);
      }),
      { numRuns: 1500 },
    );
  });

  it('remembers the text of a big collection by identity, and only of a big one', () => {
    const entry = (i: number): RMap =>
      RMap.fromFlat([kw('id'), `cap.${i}`, kw('description'), 'd'.repeat(600), kw('i'), i]);
    const catalog = RVector.from(Array.from({ length: 20 }, (_, i) => entry(i)));
    const small = RMap.fromFlat([kw('items'), RVector.from([1, 2])]);
    const text = canonicalValue(catalog);
    expect(knownText(catalog)).toBe(text);
    expect(knownText(catalog.get(3) as RMap)).toBe(canonicalValue(catalog.get(3) as RMap));
    expect(canonicalValue(small)).toBe('{"$map":[[{"$kw":"items"},[1,2]]]}');
    expect(knownText(small)).toBeUndefined();
    const meta = RMap.fromFlat([kw('kind'), 'catalog', kw('content'), catalog]);
    expect(written(meta, 16, 0).toString('utf8')).toBe(canonicalValue(meta));
  });
});
