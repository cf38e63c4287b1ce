/**
 * Schema forms parsed to types once per form object. Loading a catalog validates every
 * schema (parseTypeExpr, with spans for the diagnostics); the external capabilities,
 * the menu and plan shapes need the same types again. Forms are immutable values, so
 * the type found once is the type of that form everywhere (a type holds no spans).
 */
import type { Value } from '../../data/index.js';
import type { Span } from '../../source/index.js';
import { PRIM, parseTypeExpr, type ParseTypeResult, type TypeAst } from '../../types/index.js';

/** The type of each form parsed so far (null: it does not parse). */
const types = new WeakMap<object, TypeAst | null>();

/**
 * `parseTypeExpr(form, span)`, remembering a form's type: a form that parsed before is
 * not parsed again (one that failed is, so that its diagnostic points at `span`).
 */
export function parseSchema(form: Value, span?: Span): ParseTypeResult {
  const known = typeof form === 'object' && form !== null ? types.get(form) : undefined;
  if (known !== undefined && known !== null) return { type: known };
  const r = parseTypeExpr(form, span);
  if (typeof form === 'object' && form !== null) types.set(form, 'diagnostic' in r ? null : r.type);
  return r;
}

/** The type of a schema form, or undefined when it has none (null) or does not parse. */
export function schemaType(form: Value): TypeAst | undefined {
  if (form === null) return undefined;
  if (typeof form === 'object') {
    const known = types.get(form);
    if (known !== undefined) return known ?? undefined;
  }
  const r = parseSchema(form);
  return 'diagnostic' in r ? undefined : r.type;
}

/** A schema form's type, `:any` when absent or unparsable. */
export function typeOfSchema(form: Value): TypeAst {
  return schemaType(form) ?? PRIM.any;
}
