/** Shared helpers for the type tests: read type and value text, check, format. */
import { read } from '../../src/syntax/full.js';
import { type Value, type RFn, RErrorValue, kw } from '../../src/data/index.js';
import {
  type TypeAst,
  compileValidator,
  formatMismatch,
  parseTypeExpr,
} from '../../src/types/index.js';

/** The single form read from `text` (fails the test on reader diagnostics). */
export function form(text: string): Value {
  const r = read(text, '<test>');
  if (r.diagnostics.length > 0 || r.forms.length !== 1)
    throw new Error(`cannot read ${text}: ${r.diagnostics.map((d) => d.message).join('; ')}`);
  return r.forms[0] as Value;
}

/** The type parsed from `text` (throws with the diagnostic message when invalid). */
export function type(text: string): TypeAst {
  const r = parseTypeExpr(form(text));
  if ('diagnostic' in r) throw new Error(`invalid type ${text}: ${r.diagnostic.message}`);
  return r.type;
}

/** The diagnostic message for an invalid type text (throws when it is valid). */
export function invalid(text: string): string {
  const r = parseTypeExpr(form(text));
  if ('type' in r) throw new Error(`${text} was accepted`);
  return r.diagnostic.message;
}

/** Values that cannot be written as literals. */
export const FN: RFn = { kind: 'fn', name: 'f' };
export const ERR = new RErrorValue('boom', kw('user/boom'), null);

/** `undefined` when `value` matches the type, else the formatted mismatch. */
export function check(typeText: string, value: Value | string): string | undefined {
  const v = typeof value === 'string' ? form(value) : value;
  const m = compileValidator(type(typeText))(v);
  return m === undefined ? undefined : formatMismatch(m);
}
