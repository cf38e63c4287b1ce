import { read } from '../../syntax/index.js';
import type { Value } from '../../data/index.js';
import { parseTypeExpr, type TypeAst } from '../../types/index.js';

/** A schema written as RTFS type-expression text, parsed once (a bug if it does not parse). */
export function schema(text: string): { type: TypeAst; form: Value } {
  const r = read(text, '<builtin-schema>');
  const form = r.forms[0];
  if (r.diagnostics.length > 0 || form === undefined)
    throw new Error(`bad builtin schema: ${text}`);
  const t = parseTypeExpr(form);
  if ('diagnostic' in t) throw new Error(`bad builtin schema ${text}: ${t.diagnostic.message}`);
  return { type: t.type, form };
}
