/**
 * Properties over generated types:
 * - formatType prints text that reads and parses back to the same TypeAst;
 * - a value generated to fit a type is accepted by its validator;
 * - on any value, a reported path leads to a real place in the value.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { read } from '../../src/syntax/full.js';
import {
  type Value,
  type Keyword,
  RList,
  RMap,
  RVector,
  float,
  kw,
  sym,
} from '../../src/data/index.js';
import {
  PRIM,
  type PrimName,
  type TypeAst,
  compileValidator,
  formatType,
  parseTypeExpr,
} from '../../src/types/index.js';

const KEYS = ['a', 'b', 'id', 'name', 'tags', 'x-y', 'ns/k'].map(kw);

/** Named types whose values the generator below can build. */
const GENERATABLE: PrimName[] = [
  'any',
  'int',
  'float',
  'number',
  'string',
  'bool',
  'nil',
  'keyword',
  'symbol',
  'list',
  'vector',
  'map',
];

const literal: fc.Arbitrary<Value> = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.constantFrom<Value>('s', 'hello', kw('a'), kw('b'), null, true),
);

const typeArb: fc.Arbitrary<TypeAst> = fc.letrec<{ t: TypeAst }>((tie) => ({
  t: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...GENERATABLE).map((n) => PRIM[n] as TypeAst),
    fc.constantFrom(...GENERATABLE).map((n) => ({ kind: 'optional', inner: PRIM[n] }) as TypeAst),
    tie('t').map((element) => ({ kind: 'vector', element }) as TypeAst),
    tie('t').map((element) => ({ kind: 'list', element }) as TypeAst),
    fc
      .array(tie('t'), { maxLength: 3 })
      .map((elements) => ({ kind: 'tuple', elements }) as TypeAst),
    fc
      .tuple(
        tie('t'),
        fc.array(fc.option(fc.nat(3), { nil: null }), { minLength: 1, maxLength: 2 }),
      )
      .map(([element, shape]) => ({ kind: 'array', element, shape }) as TypeAst),
    fc
      .tuple(
        fc.uniqueArray(fc.constantFrom(...KEYS), { maxLength: 3 }),
        fc.array(fc.tuple(tie('t'), fc.boolean()), { minLength: 3, maxLength: 3 }),
        fc.option(tie('t'), { nil: undefined }),
      )
      .map(
        ([keys, types, rest]) =>
          ({
            kind: 'map',
            entries: keys.map((key, i) => {
              const [type, opt] = types[i] as [TypeAst, boolean];
              return { key, type, optional: opt || type.kind === 'optional' };
            }),
            rest,
          }) as TypeAst,
      ),
    tie('t').map((value) => ({ kind: 'map-of', key: PRIM.keyword, value }) as TypeAst),
    fc
      .array(tie('t'), { minLength: 1, maxLength: 3 })
      .map((members) => ({ kind: 'union', members }) as TypeAst),
    fc
      .array(literal, { minLength: 1, maxLength: 3 })
      .map((values) => ({ kind: 'enum', values }) as TypeAst),
    literal.map((value) => ({ kind: 'val', value }) as TypeAst),
    fc.constant<TypeAst>({
      kind: 'and',
      types: [PRIM.int],
      predicates: [{ kind: 'compare', op: '>=', value: 0 }],
    }),
  ),
})).t;

const anyValue: fc.Arbitrary<Value> = fc.letrec<{ v: Value }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    literal,
    fc.double({ noNaN: true }).map(float),
    fc.array(tie('v'), { maxLength: 3 }).map((xs) => RVector.from(xs)),
    fc.array(tie('v'), { maxLength: 3 }).map((xs) => new RList(xs)),
    fc
      .array(fc.tuple(fc.constantFrom<Value>(...KEYS, 'a', 1), tie('v')), { maxLength: 3 })
      .map((kvs) => RMap.fromFlat(kvs.flat())),
  ),
})).v;

/** Values that fit `t`. */
function valueOf(t: TypeAst): fc.Arbitrary<Value> {
  switch (t.kind) {
    case 'prim':
      switch (t.name) {
        case 'int':
          return fc.oneof(fc.integer(), fc.bigInt({ min: 2n ** 60n, max: 2n ** 62n }));
        case 'float':
        case 'number':
          return fc.oneof(fc.integer(), fc.double().map(float));
        case 'string':
          return fc.string();
        case 'bool':
          return fc.boolean();
        case 'nil':
          return fc.constant(null);
        case 'keyword':
          return fc.constantFrom(...KEYS);
        case 'symbol':
          return fc.constantFrom(sym('x'), sym('a/b'));
        case 'list':
          return fc.array(anyValue, { maxLength: 2 }).map((xs) => new RList(xs));
        case 'vector':
          return fc.array(anyValue, { maxLength: 2 }).map((xs) => RVector.from(xs));
        case 'map':
          return anyValue.map((v) => RMap.of(kw('k'), v));
        default:
          return anyValue;
      }
    case 'optional':
      return fc.option(valueOf(t.inner), { nil: null });
    case 'vector':
      return fc.array(valueOf(t.element), { maxLength: 3 }).map((xs) => RVector.from(xs));
    case 'list':
      return fc.array(valueOf(t.element), { maxLength: 3 }).map((xs) => new RList(xs));
    case 'tuple':
      return fc.tuple(...t.elements.map(valueOf)).map((xs) => RVector.from(xs));
    case 'array': {
      const level = (d: number): fc.Arbitrary<Value> => {
        const n = t.shape[d];
        const inner = d === t.shape.length - 1 ? valueOf(t.element) : level(d + 1);
        const len =
          n === null || n === undefined ? { maxLength: 2 } : { minLength: n, maxLength: n };
        return fc.array(inner, len).map((xs) => RVector.from(xs));
      };
      return level(0);
    }
    case 'map': {
      const entries = t.entries.map((e) =>
        fc.tuple(
          fc.constant(e.key),
          valueOf(e.type),
          e.optional ? fc.boolean() : fc.constant(true),
          fc.boolean(),
        ),
      );
      const extras =
        t.rest === undefined ? fc.constant([]) : fc.array(valueOf(t.rest), { maxLength: 2 });
      return fc.tuple(fc.tuple(...entries), extras).map(([es, xs]) => {
        const kvs: Value[] = [];
        for (const [k, v, present, asString] of es) {
          if (present) kvs.push(asString ? (k as Keyword).name : k, v);
        }
        xs.forEach((v, i) => kvs.push(kw(`extra${i}`), v));
        return RMap.fromFlat(kvs);
      });
    }
    case 'map-of':
      return fc
        .array(fc.tuple(fc.constantFrom(...KEYS), valueOf(t.value)), { maxLength: 3 })
        .map((kvs) => RMap.fromFlat(kvs.flat()));
    case 'union':
      return fc.oneof(...t.members.map(valueOf));
    case 'enum':
      return fc.constantFrom(...t.values);
    case 'val':
      return fc.constant(t.value);
    case 'and':
      return fc.nat();
    case 'fn':
    case 'resource':
      return fc.constant(null);
  }
}

/** Follows a mismatch path through a value; false when a step does not exist. */
/**
 * True when `path` leads somewhere in `v` (with `missingLast`, its last key may be
 * absent from a map). A path names map keys by keyword name, so `:a` and `"a"` are
 * the same step: every entry that matches is tried.
 */
function pathExists(v: Value, path: readonly (string | number)[], missingLast: boolean): boolean {
  if (path.length === 0) return true;
  const [step, ...rest] = path as [string | number, ...(string | number)[]];
  if (v === null || typeof v !== 'object') return false;
  const next: Value[] = [];
  if (v.kind === 'vector' && typeof step === 'number') {
    const x = v.get(step);
    if (x !== undefined) next.push(x);
  } else if (v.kind === 'list' && typeof step === 'number') {
    const x = v.items[step];
    if (x !== undefined) next.push(x);
  } else if (v.kind === 'map') {
    v.forEach((x, k) => {
      const name = typeof k === 'object' && k !== null && k.kind === 'keyword' ? k.name : k;
      if (name === step) next.push(x);
    });
    if (next.length === 0) return rest.length === 0 && missingLast;
  } else return false;
  return next.some((x) => pathExists(x, rest, missingLast));
}

describe('properties', () => {
  it('formatType text parses back to the same type', () => {
    fc.assert(
      fc.property(typeArb, (t) => {
        const text = formatType(t);
        const r = read(text, '<prop>');
        expect(r.diagnostics).toEqual([]);
        const back = parseTypeExpr(r.forms[0] as Value);
        expect(back).toEqual({ type: t });
      }),
      { numRuns: 500 },
    );
  });

  it('accepts values generated to fit the type', () => {
    fc.assert(
      fc.property(
        typeArb.chain((t) => fc.tuple(fc.constant(t), valueOf(t))),
        ([t, v]) => {
          expect(compileValidator(t)(v)).toBeUndefined();
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('reports paths that exist in the checked value', () => {
    fc.assert(
      fc.property(typeArb, anyValue, (t, v) => {
        const m = compileValidator(t)(v);
        if (m === undefined) return;
        expect(pathExists(v, m.path, m.actual.startsWith('nothing'))).toBe(true);
        expect(m.expected.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });
});
