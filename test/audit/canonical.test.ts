import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { equals, type RFloat } from '../../src/data/index.js';
import {
  type Value,
  type RFn,
  RMap,
  RVector,
  RList,
  RErrorValue,
  Timestamp,
  Uuid,
  ResourceHandle,
  MIN_I64,
  MAX_I64,
  normalizeInt,
  float,
  kw,
  sym,
} from '../../src/data/index.js';
import { quote } from '../../src/audit/jcs.js';
import {
  type Json,
  canonicalJson,
  canonicalValue,
  compareCodePoints,
  decodeValue,
  encodeValue,
  valueHash,
  vectorHash,
  DecodeError,
  RecordedFn,
} from '../../src/audit/index.js';

const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const wellFormed = (s: string): boolean => !LONE.test(s);
const fnValue = (name: string | undefined): RFn => ({ kind: 'fn', name });

/** Same value, same kind, all the way down (floats by Object.is, functions by name). */
function same(a: Value, b: Value): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return a === b;
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'float':
      return Object.is(a.value, (b as RFloat).value);
    case 'keyword':
      return a === b;
    case 'symbol':
      return a.name === (b as typeof a).name;
    case 'timestamp':
    case 'uuid':
    case 'resource':
      return a.text === (b as typeof a).text;
    case 'list': {
      const bi = (b as RList).items;
      return a.items.length === bi.length && a.items.every((x, i) => same(x, bi[i] as Value));
    }
    case 'vector': {
      const bv = b as RVector;
      return a.count === bv.count && a.toArray().every((x, i) => same(x, bv.get(i) as Value));
    }
    case 'map': {
      const bm = b as RMap;
      if (a.size !== bm.size) return false;
      const be = [...bm.entries()];
      return [...a.entries()].every(([k, v]) => be.some(([k2, v2]) => same(k, k2) && same(v, v2)));
    }
    case 'fn':
      return a.name === (b as RFn).name;
    case 'error': {
      const be = b as RErrorValue;
      return a.message === be.message && a.code === be.code && same(a.data, be.data);
    }
  }
}

const name = fc.stringMatching(/^[a-z][a-z0-9.-]{0,8}(\/[a-z][a-z0-9-]{0,6})?$/);
const anyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
);
const i64 = fc
  .bigInt({ min: MIN_I64, max: MAX_I64 })
  .map((n) => normalizeInt(n) as number | bigint);

const leaf: fc.Arbitrary<Value> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.maxSafeInteger(),
  i64,
  fc.constantFrom(
    MIN_I64,
    MAX_I64,
    2n ** 53n,
    -(2n ** 53n),
    Number.MAX_SAFE_INTEGER,
    -Number.MAX_SAFE_INTEGER,
  ),
  fc.double().map((d) => float(d)),
  fc.constantFrom(float(NaN), float(-0), float(0), float(Infinity), float(-Infinity), float(1)),
  anyString,
  name.map((n) => kw(n)),
  name.map((n) => sym(n)),
  fc.date({ noInvalidDate: true }).map((d) => new Timestamp(d.toISOString())),
  fc.uuid().map((u) => new Uuid(u)),
  name.map((n) => new ResourceHandle(`resource://${n}`)),
  fc.option(name, { nil: undefined }).map(fnValue),
);

const { value } = fc.letrec<{ value: Value }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('value'), { maxLength: 5 }).map((xs) => RVector.from(xs)),
    fc.array(tie('value'), { maxLength: 5 }).map((xs) => new RList(xs)),
    fc
      .array(fc.tuple(tie('value'), tie('value')), { maxLength: 5 })
      .map((es) => RMap.fromFlat(es.flat())),
    fc.tuple(anyString, name, tie('value')).map(([m, c, d]) => new RErrorValue(m, kw(c), d)),
  ),
}));

describe('tagged canonical encoding (T9)', () => {
  it('decode(encode(v)) is v, and re-encoding is byte-identical', () => {
    fc.assert(
      fc.property(value, (v) => {
        const text = canonicalValue(v);
        const back = decodeValue(JSON.parse(text) as Json);
        expect(same(back, v)).toBe(true);
        expect(canonicalValue(back)).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('the direct serializer equals RFC 8785 of the tagged data, and JCS is idempotent', () => {
    fc.assert(
      fc.property(value, (v) => {
        const text = canonicalValue(v);
        expect(canonicalJson(encodeValue(v))).toBe(text);
        expect(canonicalJson(JSON.parse(text) as Json)).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });

  it('map insertion order never changes the bytes or the hash', () => {
    // Keys must be distinct as map keys: RTFS equality (0.0 and -0.0 are one key) and
    // canonical bytes (two NaN keys would otherwise tie when sorted).
    const entries = fc.uniqueArray(fc.tuple(value, value), {
      maxLength: 24,
      comparator: ([a], [b]) => equals(a, b) || canonicalValue(a) === canonicalValue(b),
    });
    fc.assert(
      fc.property(entries, fc.infiniteStream(fc.nat()), (es, rnd) => {
        const shuffled = [...es];
        const it = rnd[Symbol.iterator]();
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = (it.next().value as number) % (i + 1);
          [shuffled[i], shuffled[j]] = [
            shuffled[j] as [Value, Value],
            shuffled[i] as [Value, Value],
          ];
        }
        const a = RMap.fromFlat(es.flat());
        const b = RMap.fromFlat(shuffled.flat());
        expect(canonicalValue(b)).toBe(canonicalValue(a));
        expect(valueHash(b)).toBe(valueHash(a));
      }),
      { numRuns: 500 },
    );
    // Also across the small (array) and large (hash trie) map representations.
    const keys = Array.from({ length: 40 }, (_, i) => kw(`k${i}`));
    let up = RMap.EMPTY;
    for (const k of keys) up = up.assoc(k, 1);
    let down = RMap.EMPTY;
    for (const k of [...keys].reverse()) down = down.assoc(k, 1);
    expect(canonicalValue(down)).toBe(canonicalValue(up));
  });

  it('keeps keyword ≠ symbol ≠ string, list ≠ vector, int ≠ float', () => {
    fc.assert(
      fc.property(
        name,
        fc.array(fc.integer(), { maxLength: 4 }),
        fc.maxSafeInteger(),
        (n, xs, i) => {
          const texts = [canonicalValue(kw(n)), canonicalValue(sym(n)), canonicalValue(n)];
          expect(new Set(texts).size).toBe(3);
          expect(canonicalValue(new RList(xs))).not.toBe(canonicalValue(RVector.from(xs)));
          expect(canonicalValue(i)).not.toBe(canonicalValue(float(i)));
          expect(canonicalValue(new Timestamp(n))).not.toBe(canonicalValue(new Uuid(n)));
        },
      ),
    );
    expect(canonicalValue(1)).toBe('1');
    expect(canonicalValue(float(1))).toBe('{"$f":1}');
    expect(canonicalValue(RMap.of('a', 1))).not.toBe(canonicalValue(RMap.of(kw('a'), 1)));
  });

  it('encodes 64-bit extremes exactly and rejects what does not fit', () => {
    for (const n of [MAX_I64, MIN_I64, 2n ** 53n, -(2n ** 53n) - 1n]) {
      const t = canonicalValue(n);
      expect(t).toBe(`{"$int":"${n}"}`);
      expect(decodeValue(JSON.parse(t) as Json)).toBe(n);
    }
    expect(canonicalValue(Number.MAX_SAFE_INTEGER)).toBe('9007199254740991');
    expect(canonicalValue(2n ** 53n - 1n)).toBe('9007199254740991'); // normalised to a number
    expect(() => canonicalValue(MAX_I64 + 1n)).toThrow(RangeError);
    expect(() => decodeValue({ $int: '9223372036854775808' })).toThrow(DecodeError);
  });

  it('keeps NaN, ±Infinity and -0 as floats', () => {
    expect(canonicalValue(float(NaN))).toBe('{"$f":"NaN"}');
    expect(canonicalValue(float(-0))).toBe('{"$f":"-0"}');
    expect(canonicalValue(float(0))).toBe('{"$f":0}');
    expect(canonicalValue(float(-Infinity))).toBe('{"$f":"-Infinity"}');
    expect(canonicalValue(float(1e21))).toBe('{"$f":1e+21}');
    const negZero = decodeValue({ $f: '-0' }) as RFloat;
    expect(Object.is(negZero.value, -0)).toBe(true);
    expect(Number.isNaN((decodeValue({ $f: 'NaN' }) as RFloat).value)).toBe(true);
  });

  it('sorts map keys by code point (UTF-8 byte order), also for non-BMP text', () => {
    const astral = '𝄞'; // U+1D11E: D834 DD1E in UTF-16
    const high = '\uE000';
    expect(astral < high).toBe(true); // UTF-16 order
    expect(compareCodePoints(astral, high)).toBeGreaterThan(0); // code point order
    const m = RMap.of(astral, 1, high, 2);
    expect(canonicalValue(m)).toBe(`{"$map":[["${high}",2],["${astral}",1]]}`);
    const text = canonicalValue(RVector.of(astral, 'é', '\u0000\n"\\'));
    expect(text).toBe('["𝄞","é","\\u0000\\n\\"\\\\"]');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        const byBytes = Buffer.compare(Buffer.from(a), Buffer.from(b));
        if (wellFormed(a) && wellFormed(b))
          expect(Math.sign(compareCodePoints(a, b))).toBe(byBytes);
      }),
    );
  });

  it('encodes functions by name and error values with code, data and message', () => {
    expect(canonicalValue(fnValue('inc'))).toBe('{"$fn":"inc"}');
    expect(canonicalValue(fnValue(undefined))).toBe('{"$fn":null}');
    const back = decodeValue({ $fn: 'inc' });
    expect(back).toBeInstanceOf(RecordedFn);
    const e = new RErrorValue('no', kw('runtime/x'), RMap.of(kw('a'), 1));
    expect(canonicalValue(e)).toBe(
      '{"$err":{"code":"runtime/x","data":{"$map":[[{"$kw":"a"},1]]},"message":"no"}}',
    );
  });

  it('the decoder rejects anything the encoder would not write', () => {
    const bad: Json[] = [
      1.5,
      { $int: '5' },
      { $int: '007' },
      { $f: 'nan' },
      { $kw: 1 },
      { a: 1 },
      { $kw: 'a', $sym: 'b' },
      { $map: [[1]] },
      { $map: 1 },
      { $list: {} },
      { $err: { code: 'a', message: 'm' } },
      { $nope: 1 },
    ];
    for (const b of bad) expect(() => decodeValue(b), JSON.stringify(b)).toThrow(DecodeError);
    expect(() => decodeValue(JSON.parse('{"$f":-0}') as Json)).toThrow(DecodeError);
  });
});

describe('vectorHash (a vector hashed piece by piece)', () => {
  it('equals valueHash of the vector', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 8 }), (xs) => {
        const v = RVector.from(xs);
        expect(vectorHash(v)).toBe(valueHash(v));
      }),
      { numRuns: 500 },
    );
  });

  it('equals valueHash across piece boundaries, with non-ASCII text in every piece', () => {
    for (const n of [0, 1, 2000]) {
      const v = RVector.from(
        Array.from({ length: n }, (_, i) =>
          RMap.fromFlat([kw('i'), i, kw('text'), `é ${'x'.repeat(i % 90)} 😀 "q" ${i}`]),
        ),
      );
      expect(vectorHash(v)).toBe(valueHash(v));
    }
  });
});

describe('RFC 8785 canonical JSON', () => {
  it('sorts members by UTF-16 code units (RFC 8785 §3.2.3 example)', () => {
    const o: Json = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    const text = canonicalJson(o);
    const at = (k: string) => text.indexOf(JSON.stringify(k) + ':');
    const order = Object.keys(o).sort((a, b) => at(a) - at(b));
    expect(order).toEqual(['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33']);
  });

  it('writes numbers as ECMAScript does, with no whitespace', () => {
    expect(canonicalJson([1e21, 1e-7, 0.000001, -0, 333333333.3333333, 1e23, 4.5, 2 ** 53])).toBe(
      '[1e+21,1e-7,0.000001,0,333333333.3333333,1e+23,4.5,9007199254740992]',
    );
    expect(canonicalJson({ b: [true, null], a: { d: 'x', c: '\u001f' } })).toBe(
      '{"a":{"c":"\\u001f","d":"x"},"b":[true,null]}',
    );
    expect(() => canonicalJson(NaN)).toThrow(TypeError);
  });
});

describe('quote (JSON.stringify of a string, fast path for plain strings)', () => {
  it('writes exactly what JSON.stringify writes', () => {
    const cases = [
      '',
      'a',
      'run/0.1',
      '"',
      '\\',
      '\u001f',
      '\u007f',
      'é',
      '😀',
      '\ud800',
      'x\udc00y',
    ];
    for (const s of [...cases, 'x'.repeat(300), `${'y'.repeat(300)}"`])
      expect(quote(s)).toBe(JSON.stringify(s));
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        expect(quote(s)).toBe(JSON.stringify(s));
      }),
      { numRuns: 2000 },
    );
  });
});
