/**
 * fast-check generators for readable RTFS values: every value built here prints
 * (`printValue`) to text that reads back as the same value. Symbols and keywords are
 * built from the character classes of the grammar (src/syntax/tokens.ts, atoms.ts),
 * not filtered through the reader, so the round-trip property is not circular.
 */
import fc from 'fast-check';
import {
  type Value,
  float,
  kw,
  sym,
  normalizeInt,
  MIN_I64,
  MAX_I64,
  Timestamp,
  Uuid,
  ResourceHandle,
  RList,
  RVector,
  RMap,
} from '../../src/data/index.js';

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';
/** Characters a symbol may start with, besides `+ - .` (handled separately). */
const SYMBOL_HEAD = `${LETTERS}_$*=<>!?%&λ`;
/** Characters after the first (tokens.ts ATOM_PART without `:` and `/`). */
const SYMBOL_TAIL = `${LETTERS}${DIGITS}_$+-*=<>!?%&.λ@#'`;

function chars(set: string, min: number, max: number): fc.Arbitrary<string> {
  return fc
    .array(fc.constantFrom(...set), { minLength: min, maxLength: max })
    .map((a) => a.join(''));
}

/** `head tail*`: a plain name segment (no `/`, no `:`). */
const segment: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...SYMBOL_HEAD), chars(SYMBOL_TAIL, 0, 8))
  .map(([h, t]) => h + t);

const UUID_SHAPE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

const RESERVED = new Set(['nil', 'true', 'false']);

/** Symbol names: plain, namespaced, versioned, operators, `.method`, `+x`/`-x`. */
export const symbolName: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 5, arbitrary: segment },
    { weight: 2, arbitrary: fc.tuple(segment, segment).map(([a, b]) => `${a}/${b}`) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(segment, segment, segment)
        .map(([a, v, n]) => `${a.replace(/[^A-Za-z.]/g, 'x')}:${v}/${n}`),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '+',
        '-',
        '*',
        '/',
        '//',
        '.',
        '..',
        '->',
        '->>',
        '<=',
        '!=',
        '&',
        '%',
        '%&',
        '%1',
        'λ',
        '_',
      ),
    },
    { weight: 1, arbitrary: segment.map((s) => `.${s}`) },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom('+', '-'), segment).map(([sign, s]) => `${sign}${s}`),
    },
  )
  .filter((s) => !RESERVED.has(s) && !UUID_SHAPE.test(s) && !s.includes('::'));

const KEYWORD_CHARS = `${LETTERS}${DIGITS}_$+-*=<>!?%&.λ@#'`;

/** Keyword names: any atom characters, with `/` and `:` only where the grammar allows. */
export const keywordName: fc.Arbitrary<string> = fc.oneof(
  chars(KEYWORD_CHARS, 1, 10),
  fc.tuple(chars(KEYWORD_CHARS, 1, 6), chars(KEYWORD_CHARS, 1, 6)).map(([a, b]) => `${a}/${b}`),
  fc
    .tuple(chars(KEYWORD_CHARS, 1, 6), chars(KEYWORD_CHARS, 1, 6), chars(KEYWORD_CHARS, 1, 6))
    .map(([a, v, n]) => `${a}:${v}/${n}`),
  fc.constantFrom('/', 'a:b', 'com.acme:v1.0/op', 'λ', '1'),
);

const i64 = fc
  .bigInt({ min: MIN_I64, max: MAX_I64 })
  .map((n) => normalizeInt(n) as number | bigint);

/** Integers: small, safe, around ±2^53, and anywhere in signed 64 bits. */
export const integer: fc.Arbitrary<number | bigint> = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.maxSafeInteger(),
  i64,
  fc
    .constantFrom(
      MIN_I64,
      MAX_I64,
      2n ** 53n,
      2n ** 53n + 1n,
      -(2n ** 53n) - 1n,
      2n ** 53n - 1n,
      0n,
      10n ** 15n,
      10n ** 16n - 1n,
    )
    .map((n) => normalizeInt(n) as number | bigint),
);

/** Floats: any double (NaN, ±Infinity, -0.0, subnormals), integral ones, extremes. */
export const floatValue: fc.Arbitrary<Value> = fc
  .oneof(
    fc.double(),
    fc.integer({ min: -1_000_000, max: 1_000_000 }),
    fc.double({ noNaN: true, min: -1e25, max: 1e25 }).map(Math.trunc),
    fc.constantFrom(
      0,
      -0,
      4,
      1e21,
      1e-7,
      1.5e-7,
      1e20,
      0.1,
      5e-324,
      Number.MAX_VALUE,
      -Number.MAX_VALUE,
      Number.MIN_VALUE,
      Number.EPSILON,
      2 ** 53,
      2 ** 53 + 2,
      NaN,
      Infinity,
      -Infinity,
    ),
  )
  .map(float);

/** Strings: any code points, any UTF-16 units (lone surrogates), control characters. */
export const stringValue: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc
    .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 12 })
    .map((codes) => String.fromCharCode(...codes)),
  chars('\\"\n\t\r\u0000\u0007\u001f\u007f ab;#|(){}[]', 0, 12),
);

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/** Timestamps in every accepted shape: `Z` or an offset, no fraction, `.f{1,9}`, `_f{1,9}`. */
export const timestamp: fc.Arbitrary<Value> = fc
  .record({
    date: fc.date({
      min: new Date('0000-01-01T00:00:00Z'),
      max: new Date('9999-12-31T23:59:59Z'),
      noInvalidDate: true,
    }),
    fraction: fc.option(
      fc.tuple(fc.constantFrom('.', '_'), chars(DIGITS, 1, 9)).map(([s, d]) => s + d),
    ),
    zone: fc.option(
      fc
        .tuple(
          fc.constantFrom('+', '-'),
          fc.integer({ min: 0, max: 23 }),
          fc.integer({ min: 0, max: 59 }),
        )
        .map(([s, h, m]) => `${s}${pad(h, 2)}:${pad(m, 2)}`),
    ),
  })
  .map(({ date, fraction, zone }) => {
    const iso = date.toISOString();
    return new Timestamp(`${iso.slice(0, 19)}${fraction ?? ''}${zone ?? 'Z'}`);
  });

export const uuid: fc.Arbitrary<Value> = fc
  .tuple(fc.uuid(), fc.boolean())
  .map(([u, upper]) => new Uuid(upper ? u.toUpperCase() : u));

const RESOURCE_CHARS = `${LETTERS}${DIGITS}/._-~:?#[@!$&'*+=%^\`|<>`.replace(/[[\]]/g, '');

export const resource: fc.Arbitrary<Value> = chars(RESOURCE_CHARS, 1, 16).map(
  (s) => new ResourceHandle(`resource://${s}`),
);

export const atom: fc.Arbitrary<Value> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  integer,
  floatValue,
  stringValue,
  keywordName.map(kw),
  symbolName.map(sym),
  timestamp,
  uuid,
  resource,
);

/** Any readable value: atoms and nested lists, vectors and maps (any keys). */
export const value: fc.Arbitrary<Value> = fc.letrec<{ value: Value }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 6, arbitrary: atom },
    {
      weight: 1,
      arbitrary: fc.array(tie('value'), { maxLength: 5 }).map((xs) => new RList(xs)),
    },
    {
      weight: 1,
      arbitrary: fc.array(tie('value'), { maxLength: 5 }).map((xs) => RVector.from(xs)),
    },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.tuple(tie('value'), tie('value')), { maxLength: 20 })
        .map((kvs) => RMap.fromFlat(kvs.flat())),
    },
  ),
})).value;
