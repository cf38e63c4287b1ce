/**
 * The typed AST of RTFS type expressions (docs/types.md). Built by `parseTypeExpr`
 * from type-expression data (keywords, symbols, vectors, maps as read), compiled by
 * `compileValidator`, printed back by `formatType`.
 */
import type { Keyword, Value } from '../data/index.js';

/**
 * Named types. `any` matches everything and `never` nothing; `list`, `vector`, `map`
 * and `fn` are "any list/vector/map/function"; `float` and `number` both accept
 * integers and floats (an int is accepted where a float is expected).
 */
export type PrimName =
  | 'any'
  | 'never'
  | 'int'
  | 'float'
  | 'number'
  | 'string'
  | 'bool'
  | 'nil'
  | 'keyword'
  | 'symbol'
  | 'timestamp'
  | 'uuid'
  | 'resource'
  | 'error'
  | 'list'
  | 'vector'
  | 'map'
  | 'fn';

/** One declared key of a `[:map …]` record type. */
export interface MapEntryType {
  readonly key: Keyword;
  readonly type: TypeAst;
  /** The key may be absent (`[:k T?]`, `[:k T ?]`, `[:k T {:optional true}]`). */
  readonly optional: boolean;
  /** `{:default v}`: the value a plan input takes when it is not given. */
  readonly default?: Value;
}

export type CompareOp = '>' | '>=' | '<' | '<=' | '=' | '!=';

export type SizeOp = 'min-length' | 'max-length' | 'length' | 'min-count' | 'max-count' | 'count';

/** A refinement predicate inside `[:and T pred…]`. */
export type Predicate =
  | { readonly kind: 'compare'; readonly op: CompareOp; readonly value: Value }
  | { readonly kind: 'size'; readonly op: SizeOp; readonly n: number }
  | { readonly kind: 'matches-regex'; readonly pattern: string }
  | { readonly kind: 'in-range'; readonly lo: Value; readonly hi: Value }
  | { readonly kind: 'non-empty' }
  | { readonly kind: 'has-key'; readonly key: Value }
  | { readonly kind: 'required-keys'; readonly keys: readonly Value[] };

export type TypeAst =
  | { readonly kind: 'prim'; readonly name: PrimName }
  /** nil or `inner` (`:string?`, `T?`). */
  | { readonly kind: 'optional'; readonly inner: TypeAst }
  /** `[:vector T]`: a vector (not a list) whose elements all match T. */
  | { readonly kind: 'vector'; readonly element: TypeAst }
  /** `[:list T]`: a list (not a vector) whose elements all match T. */
  | { readonly kind: 'list'; readonly element: TypeAst }
  /** `[:tuple A B]`: a vector of exactly that many elements. */
  | { readonly kind: 'tuple'; readonly elements: readonly TypeAst[] }
  /**
   * `[:array T [2 ?]]`: nested vectors; `shape[i]` is the length at depth i (null for
   * `?`, any length); the innermost elements match T.
   */
  | {
      readonly kind: 'array';
      readonly element: TypeAst;
      readonly shape: readonly (number | null)[];
    }
  /**
   * `[:map [:k T] … [:* W]]`: an open record. Each declared key may be present as a
   * keyword or as a string; extra keys are allowed, and their values must match
   * `rest` when it is given.
   */
  | {
      readonly kind: 'map';
      readonly entries: readonly MapEntryType[];
      readonly rest: TypeAst | undefined;
    }
  /** `[:map-of K V]` / `[:dict K V]`: every key matches K and every value V. */
  | { readonly kind: 'map-of'; readonly key: TypeAst; readonly value: TypeAst }
  | { readonly kind: 'union'; readonly members: readonly TypeAst[] }
  /** `[:and T… pred…]`: every type and every predicate holds. */
  | {
      readonly kind: 'and';
      readonly types: readonly TypeAst[];
      readonly predicates: readonly Predicate[];
    }
  | { readonly kind: 'enum'; readonly values: readonly Value[] }
  | { readonly kind: 'val'; readonly value: Value }
  /**
   * `[:fn [A B & R] Ret]` / `[:=> …]`: any function matches; the signature is
   * documentation (not checked at runtime, functions are not wrapped).
   */
  | {
      readonly kind: 'fn';
      readonly params: readonly TypeAst[];
      readonly rest: TypeAst | undefined;
      readonly ret: TypeAst;
    }
  /** `[:resource Name]`: any resource handle (the name is not checked). */
  | { readonly kind: 'resource'; readonly name: string };

export type TypeKind = TypeAst['kind'];

/** Shared instances of the named types. */
export const PRIM: { readonly [K in PrimName]: TypeAst & { kind: 'prim'; name: K } } = {
  any: { kind: 'prim', name: 'any' },
  never: { kind: 'prim', name: 'never' },
  int: { kind: 'prim', name: 'int' },
  float: { kind: 'prim', name: 'float' },
  number: { kind: 'prim', name: 'number' },
  string: { kind: 'prim', name: 'string' },
  bool: { kind: 'prim', name: 'bool' },
  nil: { kind: 'prim', name: 'nil' },
  keyword: { kind: 'prim', name: 'keyword' },
  symbol: { kind: 'prim', name: 'symbol' },
  timestamp: { kind: 'prim', name: 'timestamp' },
  uuid: { kind: 'prim', name: 'uuid' },
  resource: { kind: 'prim', name: 'resource' },
  error: { kind: 'prim', name: 'error' },
  list: { kind: 'prim', name: 'list' },
  vector: { kind: 'prim', name: 'vector' },
  map: { kind: 'prim', name: 'map' },
  fn: { kind: 'prim', name: 'fn' },
};
