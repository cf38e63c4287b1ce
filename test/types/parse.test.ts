/**
 * parseTypeExpr: the AST of each form, the canonical text formatType prints (and
 * that it reads back to the same type), invalid expressions with their diagnostics
 * and spans, and the isTypeExpr heuristic.
 */
import { describe, it, expect } from 'vitest';
import { read } from '../../src/syntax/full.js';
import { type Value, type RList, kw, sym, RVector } from '../../src/data/index.js';
import { formatDiagnosticLine } from '../../src/diagnostics/index.js';
import { PRIM, TypeCodes, formatType, isTypeExpr, parseTypeExpr } from '../../src/types/index.js';
import { form, invalid, type } from './helpers.js';

describe('AST', () => {
  it('parses names to shared primitive nodes', () => {
    expect(type(':int')).toBe(PRIM.int);
    expect(type('Int')).toBe(PRIM.int);
    expect(type('string')).toBe(PRIM.string);
    expect(type(':integer')).toBe(PRIM.int);
    expect(type('nil')).toBe(PRIM.nil);
    expect(type(':number')).toEqual({ kind: 'prim', name: 'number' });
  });

  it('reads a map {:k T …} as the record [:map {:k T …}] and [:any] as :any', () => {
    expect(type('{:q :string :units :string?}')).toEqual(
      type('[:map {:q :string :units :string?}]'),
    );
    expect(type('[:any]')).toBe(PRIM.any);
  });

  it('parses T? to an optional node', () => {
    expect(type(':string?')).toEqual({ kind: 'optional', inner: PRIM.string });
    expect(type('Float?')).toEqual({ kind: 'optional', inner: PRIM.float });
  });

  it('parses compound forms', () => {
    expect(type('[:vector :int]')).toEqual({ kind: 'vector', element: PRIM.int });
    expect(type('[:list :any]')).toEqual({ kind: 'list', element: PRIM.any });
    expect(type('[:array :int [2 ?]]')).toEqual({
      kind: 'array',
      element: PRIM.int,
      shape: [2, null],
    });
    expect(type('[:map-of :string :int]')).toEqual({
      kind: 'map-of',
      key: PRIM.string,
      value: PRIM.int,
    });
    expect(type('[:or :int :nil]')).toEqual({ kind: 'union', members: [PRIM.int, PRIM.nil] });
    expect(type('[:enum :a 1]')).toEqual({ kind: 'enum', values: [kw('a'), 1] });
    expect(type('[:val "x"]')).toEqual({ kind: 'val', value: 'x' });
    expect(type('[:resource Db]')).toEqual({ kind: 'resource', name: 'Db' });
  });

  it('parses map entries with their optionality', () => {
    const t = type('[:map [:a :int] [:b :int?] [:c :int {:optional true}] [:d :int ?] [:* :any]]');
    expect(t).toEqual({
      kind: 'map',
      entries: [
        { key: kw('a'), type: PRIM.int, optional: false },
        { key: kw('b'), type: { kind: 'optional', inner: PRIM.int }, optional: true },
        { key: kw('c'), type: PRIM.int, optional: true },
        { key: kw('d'), type: PRIM.int, optional: true },
      ],
      rest: PRIM.any,
    });
  });

  it('parses [:and …] into types and predicates', () => {
    expect(type('[:and :int [:> 0] [:min-length 2] :non-empty]')).toEqual({
      kind: 'and',
      types: [PRIM.int],
      predicates: [
        { kind: 'compare', op: '>', value: 0 },
        { kind: 'size', op: 'min-length', n: 2 },
        { kind: 'non-empty' },
      ],
    });
    expect(type('[:and :map [:required-keys :a :b]]')).toMatchObject({
      predicates: [{ kind: 'required-keys', keys: [kw('a'), kw('b')] }],
    });
  });

  it('parses function types', () => {
    expect(type('[:fn [:int & :string] :bool]')).toEqual({
      kind: 'fn',
      params: [PRIM.int],
      rest: PRIM.string,
      ret: PRIM.bool,
    });
    expect(type('[:=> [:int]]')).toEqual({
      kind: 'fn',
      params: [PRIM.int],
      rest: undefined,
      ret: PRIM.any,
    });
  });

  it('parses type data built in code (no spans)', () => {
    const data = RVector.of(kw('vector'), sym('Int'));
    expect(parseTypeExpr(data)).toEqual({ type: { kind: 'vector', element: PRIM.int } });
  });
});

describe('formatType round trip', () => {
  // [written, canonical]
  const rows: [string, string][] = [
    [':int', ':int'],
    ['Int', ':int'],
    ['string?', ':string?'],
    [':integer', ':int'],
    [':record', ':map'],
    ['[:vector Int]', '[:vector :int]'],
    ['[:list :string?]', '[:list :string?]'],
    ['[:tuple :int :string]', '[:tuple :int :string]'],
    ['[:tuple]', '[:tuple]'],
    ['[:array :float [2 ?]]', '[:array :float [2 ?]]'],
    ['[:array :float]', '[:array :float [?]]'],
    ['[:map]', '[:map]'],
    ['[:map {:a :int :b :string?}]', '[:map [:a :int] [:b :string?]]'],
    ['[:map [:a :int ?]]', '[:map [:a :int {:optional true}]]'],
    ['[:map [:a {:optional true} :int]]', '[:map [:a :int {:optional true}]]'],
    ['[:map [:a :int?  {:optional false}]]', '[:map [:a :int? {:optional false}]]'],
    ['[:record [:a :int] [:* :string]]', '[:map [:a :int] [:* :string]]'],
    ['[:dict :keyword :any]', '[:map-of :keyword :any]'],
    ['[:or :int :nil]', '[:union :int :nil]'],
    [
      '[:and :string [:min-length 1] [:matches-regex "^a\\"b$"]]',
      '[:and :string [:min-length 1] [:matches-regex "^a\\"b$"]]',
    ],
    ['[:and :int [:in-range 1 2.5]]', '[:and :int [:in-range 1 2.5]]'],
    ['[:and :map :non-empty [:has-key "k"]]', '[:and :map [:non-empty] [:has-key "k"]]'],
    ['[:and :map [:required-keys :a]]', '[:and :map [:required-keys [:a]]]'],
    ['[:enum :a "b" 1 nil]', '[:enum :a "b" 1 nil]'],
    ['[:val 1.0]', '[:val 1.0]'],
    ['[:=> [& :int] :int]', '[:fn [& :int] :int]'],
    ['[:fn [:int :int & :int] :int]', '[:fn [:int :int & :int] :int]'],
    ['[:resource Db]', '[:resource Db]'],
  ];
  it.each(rows)('%s prints as %s and reads back', (written, canonical) => {
    const t = type(written);
    expect(formatType(t)).toBe(canonical);
    expect(type(canonical)).toEqual(t);
  });

  it('prints an optional of a compound type as a union with nil', () => {
    expect(formatType({ kind: 'optional', inner: type('[:vector :int]') })).toBe(
      '[:union :nil [:vector :int]]',
    );
  });
});

describe('invalid type expressions', () => {
  const rows: [string, string][] = [
    [':integr', "unknown type :integr; did you mean ':integer'?"],
    [':strng?', "unknown type :strng?; did you mean ':string?'?"],
    [':foo', 'unknown type :foo'],
    ['Foo', 'unknown type Foo'],
    [':a/int', "unknown type :a/int; did you mean ':int'?"],
    [':flot', "unknown type :flot; did you mean ':float'?"],
    ['Strin', "unknown type Strin; did you mean 'string'?"],
    ['42', 'expected a type expression, got integer 42'],
    ['"int"', 'a string is not a type expression: write :int, not "int"'],
    ['true', 'expected a type expression, got boolean true'],
    ['{"a" :int}', 'keys of a [:map …] type must be keywords, got string "a"'],
    [
      '(or :int :string)',
      'a list is not a type expression: type expressions use vectors, e.g. [:union :int :string] rather than (or :int :string)',
    ],
    ['[]', 'an empty vector is not a type expression'],
    [
      '["vector" :int]',
      'a type vector must start with a type constructor keyword such as :vector or :map, got string "vector"',
    ],
    ['[:int]', '[:int] is not a type expression: write :int (a vector of them is [:vector :int])'],
    ['[:vectr :int]', "unknown type constructor :vectr; did you mean ':vector'?"],
    ['[:> 0]', 'the predicate [:> …] is allowed only inside [:and T …]'],
    [':tuple', ':tuple needs arguments: write [:tuple …] (see docs/types.md)'],
    [':non-empty', ':non-empty is a predicate, allowed only inside [:and T …]'],
    ['[:vector]', '[:vector T] takes exactly 1 argument, got 0'],
    ['[:vector :int :string]', '[:vector T] takes exactly 1 argument, got 2'],
    ['[:list :int :int]', '[:list T] takes exactly 1 argument, got 2'],
    ['[:vector :nope]', 'unknown type :nope'],
    ['[:map-of :int]', '[:map-of K V] takes exactly 2 arguments, got 1'],
    ['[:union]', '[:union T …] takes at least 1 argument, got 0'],
    ['[:enum]', '[:enum v …] takes at least 1 argument, got 0'],
    ['[:val]', '[:val v] takes exactly 1 argument, got 0'],
    [
      '[:array :int 3]',
      'the shape of [:array T [n …]] must be a non-empty vector of sizes or ?, got integer 3',
    ],
    [
      '[:array :int [-1]]',
      'an array dimension must be a non-negative integer or ?, got integer -1',
    ],
    ['[:map :a :int]', 'a [:map …] entry must be [:key Type] (or {:key Type …}), got keyword :a'],
    ['[:map [:a]]', 'the [:map …] entry [:a] needs a type: [:a Type]'],
    ['[:map ["a" :int]]', 'keys of a [:map …] type must be keywords, got string "a"'],
    ['[:map {"a" :int}]', 'keys of a [:map …] type must be keywords, got string "a"'],
    ['[:map [:a :int] [:a :string]]', 'key :a is declared twice in [:map …]'],
    [
      '[:map [:a :int :string]]',
      'unexpected keyword :string in the [:map …] entry [:a :int :string] (expected ? or {:optional true})',
    ],
    [
      '[:map [:a :int {:opt true}]]',
      'unknown map entry property :opt (expected :optional, :default or :description)',
    ],
    ['[:map [:a :int {:optional "yes"}]]', ':optional must be true or false, got string "yes"'],
    ['[:map [:* :int] [:* :string]]', '[:map …] has more than one [:* W] entry'],
    ['[:map [:* :int ?]]', 'the wildcard entry is written [:* Type]'],
    ['[:and]', '[:and T pred …] needs at least one argument'],
    ['[:and :int [:positive]]', 'unknown predicate or type constructor :positive in [:and …]'],
    ['[:and :int [:> "a"]]', 'the predicate [:> n] needs a number, got string "a"'],
    ['[:and :int [:> 1 2]]', 'the predicate [:> …] takes 1 argument, got 2'],
    [
      '[:and :string [:min-length -1]]',
      'the predicate [:min-length n] needs a non-negative integer, got integer -1',
    ],
    [
      '[:and :string [:min-length 1.5]]',
      'the predicate [:min-length n] needs a non-negative integer, got float 1.5',
    ],
    ['[:and :string [:matches-regex 1]]', '[:matches-regex "re"] needs a string, got integer 1'],
    ['[:and :int [:in-range 5 1]]', '[:in-range lo hi] needs lo <= hi, got 5 > 1'],
    ['[:and :int [:in-range :a 1]]', '[:in-range lo hi] needs two numbers, got :a and 1'],
    ['[:and :vector [:non-empty 1]]', 'the predicate [:non-empty] takes 0 arguments, got 1'],
    ['[:and :map [:required-keys []]]', '[:required-keys [:k …]] needs at least one key'],
    [
      '[:fn :int :int]',
      'the parameters of [:fn [Param …] Ret] must be a vector of types, got keyword :int',
    ],
    ['[:fn [:int & ] :int]', '& in a function type must be followed by exactly one type'],
    ['[:fn [:int] :int :int]', '[:fn [Param …] Ret] takes a parameter vector and a return type'],
    ['[:resource 1]', '[:resource Name] takes a symbol, got integer 1'],
  ];
  it.each(rows)('%s → %s', (text, message) => {
    expect(invalid(text)).toBe(message);
  });

  it('rejects an invalid regular expression', () => {
    expect(invalid('[:and :string [:matches-regex "("]]')).toMatch(
      /^invalid regular expression "\(": /,
    );
  });

  it('lists the predicates when one is unknown', () => {
    const r = parseTypeExpr(form('[:and :int [:positive]]'));
    expect('diagnostic' in r && r.diagnostic.notes?.[0]).toMatch(/^predicates: :> :>= /);
  });

  it('reports the code, phase and the span of the offending part', () => {
    const text = '(defn f [x [:map [:id :int] [:tags [:vector :kw]]]] x)';
    const r = read(text, 'plan.rtfs');
    const params = (r.forms[0] as RList).items[2] as RVector;
    const annotation = params.get(1) as Value;
    const res = parseTypeExpr(annotation);
    expect('diagnostic' in res).toBe(true);
    if (!('diagnostic' in res)) return;
    const d = res.diagnostic;
    expect(d.code).toBe(TypeCodes.invalidTypeExpression);
    expect(d.code).toBe('type/invalid-type-expression');
    expect(d.phase).toBe('type');
    expect(text.slice(d.span.start, d.span.end)).toBe(':kw');
    expect(formatDiagnosticLine(d)).toBe(
      'plan.rtfs:1:45: type/invalid-type-expression: unknown type :kw',
    );
  });

  it('points at a wrong map key and at a bad predicate argument', () => {
    const text = '[:map [:a :int] {"b" :int}]';
    const res = parseTypeExpr(form(text));
    expect(
      'diagnostic' in res && text.slice(res.diagnostic.span.start, res.diagnostic.span.end),
    ).toBe('"b"');
    const t2 = '[:and :int [:> "x"]]';
    const r2 = parseTypeExpr(form(t2));
    expect('diagnostic' in r2 && t2.slice(r2.diagnostic.span.start, r2.diagnostic.span.end)).toBe(
      '"x"',
    );
  });

  it('uses the span it is given for atoms', () => {
    const r = read('(let [x :strin 1] x)', 'a.rtfs');
    const span = { source: r.spans[0]!.source, start: 8, end: 14 };
    const res = parseTypeExpr(kw('strin'), span);
    expect('diagnostic' in res && formatDiagnosticLine(res.diagnostic)).toBe(
      "a.rtfs:1:9: type/invalid-type-expression: unknown type :strin; did you mean ':string'?",
    );
  });

  it('falls back to a synthetic <type> source without spans', () => {
    const res = parseTypeExpr(RVector.of(kw('vector'), kw('nope')));
    expect('diagnostic' in res).toBe(true);
    if (!('diagnostic' in res)) return;
    expect(res.diagnostic.span.source.uri).toBe('<type>');
    expect(res.diagnostic.span.source.text).toBe('[:vector :nope]');
  });
});

describe('isTypeExpr', () => {
  const yes = [
    ':int',
    ':string?',
    ':Vector',
    ':map',
    ':integer',
    '[:vector :int]',
    '[:map [:a :int]]',
    '[:union :int :nil]',
    '[:and :int [:> 0]]',
    '[:fn [] :int]',
    '[:=> [] :int]',
    '[:enum :a]',
  ];
  const no = [
    ':ok',
    ':status',
    ':a/int',
    '[:a :b]',
    '[]',
    '[1 2]',
    'int',
    'Int',
    '"int"',
    '1',
    'nil',
    '{:a :int}',
    '(:vector :int)',
  ];
  it.each(yes)('%s looks like a type', (t) => expect(isTypeExpr(form(t))).toBe(true));
  it.each(no)('%s does not', (t) => expect(isTypeExpr(form(t))).toBe(false));
});
