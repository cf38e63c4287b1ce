/**
 * `parseTypeExpr`: RTFS type-expression data (as read) → {@link TypeAst}, or a
 * `type/invalid-type-expression` diagnostic. Unknown names are errors here, not
 * types that silently never match (the reference's behaviour, language.md §17 #29).
 */
import { type Value, RVector, type RMap, Keyword, Sym } from '../data/index.js';
import type { Span } from '../source/index.js';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import { nearest } from '../diagnostics/index.js';
import { PRIM, type MapEntryType, type Predicate, type TypeAst } from './ast.js';
import { CONSTRUCTORS, LOWER_NAMES, PREDICATES, nameToPrim } from './type-names.js';
import {
  TypeExprError,
  childAt,
  describe,
  fail,
  items,
  ownSpan,
  show,
  syntheticSpan,
} from './type-expr-errors.js';
import { parsePredicate } from './type-predicates.js';

export { numericValue } from './type-predicates.js';

/** Stable codes of this module (documented in docs/types.md). */
export const TypeCodes = {
  invalidTypeExpression: 'type/invalid-type-expression',
  /** Suggested code for a value that does not match its declared type. */
  mismatch: 'type/mismatch',
} as const;

const STAR = Keyword.of('*');
const MAP = Keyword.of('map');
const OPTIONAL = Keyword.of('optional');
const DEFAULT = Keyword.of('default');
const DESCRIPTION = Keyword.of('description');

export type ParseTypeResult = { type: TypeAst } | { diagnostic: Diagnostic };

/**
 * Parses a type expression. `span` locates `form` in its source; collections read
 * from source carry their own spans, so nested errors point at the offending part.
 * Without any span the diagnostic points into a synthetic `<type>` source holding
 * the printed expression.
 */
export function parseTypeExpr(form: Value, span?: Span): ParseTypeResult {
  const rootSpan = span ?? ownSpan(form);
  try {
    return { type: parse(form, rootSpan) };
  } catch (e) {
    if (!(e instanceof TypeExprError)) throw e;
    const at = e.span ?? rootSpan ?? syntheticSpan(form);
    return {
      diagnostic: diagnostic(
        TypeCodes.invalidTypeExpression,
        'type',
        e.message,
        at,
        e.notes.length > 0 ? e.notes : undefined,
      ),
    };
  }
}

/**
 * Whether a form looks like a type annotation, for the analyzer: a keyword naming a
 * type (`:int`, `:string?`, `:Vector`) or a vector headed by a type constructor
 * keyword (`[:vector …]`, `[:map …]`, `[:union …]`). Bare symbols (`int`, `String`)
 * are valid type expressions but are not recognised here, since in binding vectors
 * they are names.
 */
export function isTypeExpr(form: Value): boolean {
  if (form instanceof Keyword) return nameToPrim(form.name) !== undefined;
  if (typeof form === 'object' && form !== null && form.kind === 'vector' && form.count > 0) {
    const head = form.get(0);
    return head instanceof Keyword && CONSTRUCTORS.has(head.name);
  }
  return false;
}

/** Types of forms parsed before, while {@link parseTypeExprSharing} runs (else undefined). */
let shared: ReadonlyMap<Value, TypeAst> | undefined;

/**
 * `parseTypeExpr(form)`, where a sub-form found in `known` (by identity) is its type
 * there, not parsed again: a schema that embeds the same part in several places (the
 * planner capabilities' goal signals, ADR 0040) parses it once. `known` holds only
 * types that `parseTypeExpr` gave for those very forms.
 */
export function parseTypeExprSharing(
  form: Value,
  known: ReadonlyMap<Value, TypeAst>,
): ParseTypeResult {
  const before = shared;
  shared = known;
  try {
    return parseTypeExpr(form);
  } finally {
    shared = before;
  }
}

function parse(form: Value, span: Span | undefined): TypeAst {
  if (form === null) return PRIM.nil;
  if (shared !== undefined && typeof form === 'object') {
    const known = shared.get(form);
    if (known !== undefined) return known;
  }
  if (form instanceof Keyword) return parseName(form.name, `:${form.name}`, ':', span);
  if (form instanceof Sym) return parseName(form.name, form.name, '', span);
  if (typeof form === 'object') {
    switch (form.kind) {
      case 'vector':
        return parseVector(form, span);
      case 'map':
        // {:k T …} is the record [:map {:k T …}] (the reference's capability exports).
        return parseMap(RVector.of(MAP, form), span);
      case 'list':
        return fail(
          `a list is not a type expression: type expressions use vectors, e.g. [:union :int :string] rather than (or :int :string)`,
          span,
        );
      default:
        break;
    }
  }
  if (typeof form === 'string' && nameToPrim(form) !== undefined)
    return fail(`a string is not a type expression: write :${form}, not "${form}"`, span);
  return fail(`expected a type expression, got ${describe(form)}`, span);
}

function parseName(name: string, written: string, prefix: string, span: Span | undefined) {
  const found = nameToPrim(name);
  if (found !== undefined) {
    const t = PRIM[found.prim];
    return found.optional ? { kind: 'optional' as const, inner: t } : t;
  }
  if (CONSTRUCTORS.has(name))
    return fail(`${written} needs arguments: write [:${name} …] (see docs/types.md)`, span);
  if (PREDICATES.has(name))
    return fail(`${written} is a predicate, allowed only inside [:and T …]`, span);
  const base = name.endsWith('?') ? name.slice(0, -1) : name;
  const guess = nearest(base.toLowerCase(), [...LOWER_NAMES.keys()]);
  return fail(
    `unknown type ${written}${guess === undefined ? '' : `; did you mean '${prefix}${guess}${base === name ? '' : '?'}'?`}`,
    span,
  );
}

function parseVector(v: RVector, span: Span | undefined): TypeAst {
  if (v.count === 0) return fail('an empty vector is not a type expression', span);
  const head = v.get(0) as Value;
  const headSpan = childAt(v.span, 0, span);
  if (!(head instanceof Keyword)) {
    return fail(
      `a type vector must start with a type constructor keyword such as :vector or :map, got ${describe(head)}`,
      headSpan,
    );
  }
  const name = head.name;
  const args = items(v).slice(1);
  const argSpan = (i: number) => childAt(v.span, i + 1, span);
  const arg = (i: number) => parse(args[i] as Value, argSpan(i));
  const arity = (min: number, max: number, shape: string) => {
    if (args.length >= min && args.length <= max) return;
    const n = max === Infinity ? min : max;
    const range =
      min === max ? `exactly ${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
    fail(`${shape} takes ${range} argument${n === 1 ? '' : 's'}, got ${args.length}`, span);
  };
  switch (name) {
    case 'vector':
    case 'list':
      arity(1, 1, `[:${name} T]`);
      return { kind: name, element: arg(0) };
    case 'tuple':
      return { kind: 'tuple', elements: args.map((_, i) => arg(i)) };
    case 'array':
      arity(1, 2, '[:array T [n …]]');
      return {
        kind: 'array',
        element: arg(0),
        shape: args.length > 1 ? parseShape(args[1] as Value, argSpan(1)) : [null],
      };
    case 'map':
    case 'record':
      return parseMap(v, span);
    case 'map-of':
    case 'dict':
      arity(2, 2, `[:${name} K V]`);
      return { kind: 'map-of', key: arg(0), value: arg(1) };
    case 'union':
    case 'or':
      arity(1, Infinity, `[:${name} T …]`);
      return { kind: 'union', members: args.map((_, i) => arg(i)) };
    case 'and':
      return parseAnd(args, argSpan, span);
    case 'enum':
      arity(1, Infinity, '[:enum v …]');
      return { kind: 'enum', values: args };
    case 'val':
      arity(1, 1, '[:val v]');
      return { kind: 'val', value: args[0] as Value };
    case 'fn':
    case '=>':
      return parseFn(name, args, argSpan, span);
    case 'resource': {
      arity(1, 1, '[:resource Name]');
      const n = args[0] as Value;
      if (n instanceof Sym || n instanceof Keyword || typeof n === 'string')
        return { kind: 'resource', name: n instanceof Keyword ? n.name : String(n) };
      return fail(`[:resource Name] takes a symbol, got ${describe(n)}`, argSpan(0));
    }
    default:
      break;
  }
  // [:any] is :any (the reference's capability files write it; no reading is stricter).
  if (name === 'any' && args.length === 0) return PRIM.any;
  if (nameToPrim(name) !== undefined)
    return fail(
      `[:${name}] is not a type expression: write :${name} (a vector of them is [:vector :${name}])`,
      span,
    );
  if (PREDICATES.has(name))
    return fail(`the predicate [:${name} …] is allowed only inside [:and T …]`, span);
  const guess = nearest(name, [...CONSTRUCTORS]);
  return fail(
    `unknown type constructor :${name}${guess === undefined ? '' : `; did you mean ':${guess}'?`}`,
    headSpan,
  );
}

function parseShape(form: Value, span: Span | undefined): (number | null)[] {
  if (!(typeof form === 'object' && form !== null && form.kind === 'vector') || form.count === 0)
    return fail(
      `the shape of [:array T [n …]] must be a non-empty vector of sizes or ?, got ${describe(form)}`,
      span,
    );
  return items(form).map((d, i) => {
    if (typeof d === 'number' && d >= 0) return d;
    if ((d instanceof Sym || d instanceof Keyword) && d.name === '?') return null;
    return fail(
      `an array dimension must be a non-negative integer or ?, got ${describe(d)}`,
      childAt(form.span, i, span),
    );
  });
}

function isMap(v: Value): v is RMap {
  return typeof v === 'object' && v !== null && v.kind === 'map';
}

function parseMap(v: RVector, span: Span | undefined): TypeAst {
  const entries: MapEntryType[] = [];
  let rest: TypeAst | undefined;
  const seen = new Set<Keyword>();
  const add = (
    key: Value,
    type: TypeAst,
    optional: boolean,
    keySpan: Span | undefined,
    def?: Value,
  ) => {
    if (!(key instanceof Keyword))
      return fail(`keys of a [:map …] type must be keywords, got ${describe(key)}`, keySpan);
    if (key === STAR) {
      if (rest !== undefined) return fail('[:map …] has more than one [:* W] entry', keySpan);
      rest = type;
      return undefined;
    }
    if (seen.has(key)) return fail(`key :${key.name} is declared twice in [:map …]`, keySpan);
    seen.add(key);
    entries.push(
      def === undefined ? { key, type, optional } : { key, type, optional, default: def },
    );
    return undefined;
  };
  for (let i = 1; i < v.count; i++) {
    const e = v.get(i) as Value;
    const eSpan = childAt(v.span, i, span);
    if (isMap(e)) {
      const flat = e.toFlat();
      for (let j = 0; j < flat.length; j += 2) {
        const t = parse(flat[j + 1] as Value, childAt(e.span, j + 1, eSpan));
        add(flat[j] as Value, t, t.kind === 'optional', childAt(e.span, j, eSpan));
      }
      continue;
    }
    if (!(typeof e === 'object' && e !== null && e.kind === 'vector') || e.count === 0)
      return fail(
        `a [:map …] entry must be [:key Type] (or {:key Type …}), got ${describe(e)}`,
        eSpan,
      );
    const parts = items(e);
    const key = parts[0] as Value;
    const keySpan = childAt(e.span, 0, eSpan);
    let at = 1;
    let props: RMap | undefined;
    let propsSpan: Span | undefined;
    if (isMap(parts[at] as Value)) {
      props = parts[at] as RMap;
      propsSpan = childAt(e.span, at, eSpan);
      at++;
    }
    if (at >= parts.length)
      return fail(`the [:map …] entry ${show(e)} needs a type: [${show(key)} Type]`, eSpan);
    const type = parse(parts[at] as Value, childAt(e.span, at, eSpan));
    at++;
    let optional: boolean | undefined;
    for (; at < parts.length; at++) {
      const x = parts[at] as Value;
      if ((x instanceof Sym || x instanceof Keyword) && x.name === '?') optional = true;
      else if (isMap(x) && props === undefined) {
        props = x;
        propsSpan = childAt(e.span, at, eSpan);
      } else
        return fail(
          `unexpected ${describe(x)} in the [:map …] entry ${show(e)} (expected ? or {:optional true})`,
          childAt(e.span, at, eSpan),
        );
    }
    let def: Value | undefined;
    if (props !== undefined) {
      props.forEach((pv, pk) => {
        if (pk === DEFAULT) {
          def = pv;
          return;
        }
        if (pk === DESCRIPTION) {
          if (typeof pv !== 'string')
            fail(`:description must be a string, got ${describe(pv)}`, propsSpan);
          return;
        }
        if (pk !== OPTIONAL)
          fail(
            `unknown map entry property ${show(pk)} (expected :optional, :default or :description)`,
            propsSpan,
          );
        if (typeof pv !== 'boolean')
          fail(`:optional must be true or false, got ${describe(pv)}`, propsSpan);
        optional = optional === true || pv === true;
      });
    }
    if (key === STAR && (optional !== undefined || parts.length !== 2))
      return fail('the wildcard entry is written [:* Type]', eSpan);
    add(key, type, optional ?? type.kind === 'optional', keySpan, def);
  }
  return { kind: 'map', entries, rest };
}

function parseAnd(
  args: Value[],
  argSpan: (i: number) => Span | undefined,
  span: Span | undefined,
): TypeAst {
  if (args.length === 0) return fail('[:and T pred …] needs at least one argument', span);
  const types: TypeAst[] = [];
  const predicates: Predicate[] = [];
  args.forEach((a, i) => {
    const s = argSpan(i);
    if (a instanceof Keyword && a.name === 'non-empty') {
      predicates.push({ kind: 'non-empty' });
      return;
    }
    if (typeof a === 'object' && a !== null && a.kind === 'vector' && a.count > 0) {
      const head = a.get(0);
      if (head instanceof Keyword && PREDICATES.has(head.name)) {
        predicates.push(parsePredicate(head.name, items(a).slice(1), a.span, s));
        return;
      }
      if (
        head instanceof Keyword &&
        !CONSTRUCTORS.has(head.name) &&
        nameToPrim(head.name) === undefined
      ) {
        const guess = nearest(head.name, [...PREDICATES, ...CONSTRUCTORS]);
        fail(
          `unknown predicate or type constructor :${head.name} in [:and …]${guess === undefined ? '' : `; did you mean ':${guess}'?`}`,
          childAt(a.span, 0, s),
          `predicates: ${[...PREDICATES].map((p) => `:${p}`).join(' ')}`,
        );
      }
    }
    types.push(parse(a, s));
  });
  return { kind: 'and', types, predicates };
}

function parseFn(
  name: string,
  args: Value[],
  argSpan: (i: number) => Span | undefined,
  span: Span | undefined,
): TypeAst {
  if (args.length < 1 || args.length > 2)
    return fail(`[:${name} [Param …] Ret] takes a parameter vector and a return type`, span);
  const ps = args[0] as Value;
  const psSpan = argSpan(0);
  if (!(typeof ps === 'object' && ps !== null && ps.kind === 'vector'))
    return fail(
      `the parameters of [:${name} [Param …] Ret] must be a vector of types, got ${describe(ps)}`,
      psSpan,
    );
  const params: TypeAst[] = [];
  let rest: TypeAst | undefined;
  const parts = items(ps);
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i] as Value;
    if (p instanceof Sym && p.name === '&') {
      if (i !== parts.length - 2)
        return fail('& in a function type must be followed by exactly one type', psSpan);
      rest = parse(parts[i + 1] as Value, childAt(ps.span, i + 1, psSpan));
      break;
    }
    params.push(parse(p, childAt(ps.span, i, psSpan)));
  }
  const ret = args.length > 1 ? parse(args[1] as Value, argSpan(1)) : PRIM.any;
  return { kind: 'fn', params, rest, ret };
}
