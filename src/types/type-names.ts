/**
 * The names RTFS accepts in type expressions: primitive type spellings, compound type
 * constructors and refinement predicates (docs/types.md).
 */
import type { PrimName } from './ast.js';

/** Lower-case type names (keywords `:int` and symbols `int`) and their meaning. */
export const LOWER_NAMES: ReadonlyMap<string, PrimName> = new Map<string, PrimName>([
  ['any', 'any'],
  ['never', 'never'],
  ['int', 'int'],
  ['integer', 'int'],
  ['float', 'float'],
  ['number', 'number'],
  ['string', 'string'],
  ['bool', 'bool'],
  ['boolean', 'bool'],
  ['nil', 'nil'],
  ['keyword', 'keyword'],
  ['symbol', 'symbol'],
  ['timestamp', 'timestamp'],
  ['uuid', 'uuid'],
  ['resource', 'resource'],
  ['error', 'error'],
  ['list', 'list'],
  ['vector', 'vector'],
  ['map', 'map'],
  ['record', 'map'],
  ['fn', 'fn'],
  ['function', 'fn'],
]);

/** Every accepted spelling: lower-case, Capitalised (`Int`, `String`) and `UUID`. */
export const NAMES: ReadonlyMap<string, PrimName> = (() => {
  const m = new Map<string, PrimName>(LOWER_NAMES);
  for (const [k, v] of LOWER_NAMES) m.set(k[0]?.toUpperCase() + k.slice(1), v);
  m.set('UUID', 'uuid');
  return m;
})();

/** Heads of compound type expressions (`[:vector T]`, …). */
export const CONSTRUCTORS: ReadonlySet<string> = new Set([
  'vector',
  'list',
  'tuple',
  'array',
  'map',
  'record',
  'map-of',
  'dict',
  'union',
  'or',
  'and',
  'enum',
  'val',
  'fn',
  '=>',
  'resource',
]);

/** Heads of refinement predicates inside `[:and …]`. */
export const PREDICATES: ReadonlySet<string> = new Set([
  '>',
  '>=',
  '<',
  '<=',
  '=',
  '!=',
  'min-length',
  'max-length',
  'length',
  'min-count',
  'max-count',
  'count',
  'matches-regex',
  'in-range',
  'non-empty',
  'has-key',
  'required-keys',
]);

/** The named type of a spelling, with `?` marking an optional type; undefined if unknown. */
export function nameToPrim(name: string): { prim: PrimName; optional: boolean } | undefined {
  const p = NAMES.get(name);
  if (p !== undefined) return { prim: p, optional: false };
  if (name.length > 1 && name.endsWith('?')) {
    const q = NAMES.get(name.slice(0, -1));
    if (q !== undefined) return { prim: q, optional: true };
  }
  return undefined;
}
