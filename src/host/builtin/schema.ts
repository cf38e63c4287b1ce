import { read } from '../../syntax/index.js';
import type { Value } from '../../data/index.js';
import { parseTypeExpr, type TypeAst } from '../../types/index.js';
import type { Capability } from '../capability.js';

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

type SchemaKey = 'inputSchema' | 'outputSchema' | 'inputSchemaForm' | 'outputSchemaForm';

/** A built-in capability's schemas as text: `inputForm`/`outputForm` (default true) also expose the form. */
export interface SchemaTexts {
  readonly input?: string;
  readonly output?: string;
  readonly inputForm?: boolean;
  readonly outputForm?: boolean;
}

const forms = new Map<string, Value>();
const types = new Map<string, TypeAst>();

/** The form of a schema text, read once (a bug if it does not read). */
function formOnce(text: string): Value {
  let form = forms.get(text);
  if (form === undefined) {
    const r = read(text, '<builtin-schema>');
    form = r.forms[0];
    if (r.diagnostics.length > 0 || form === undefined)
      throw new Error(`bad builtin schema: ${text}`);
    forms.set(text, form);
  }
  return form;
}

/**
 * The type of a schema text, parsed once from its form. Apart from the form: a catalog
 * of the built-ins (`rtfs plan`) needs the forms of all of them and the types of the
 * few it calls (ADR 0040).
 */
function typeOnce(text: string): TypeAst {
  let type = types.get(text);
  if (type === undefined) {
    const t = parseTypeExpr(formOnce(text));
    if ('diagnostic' in t) throw new Error(`bad builtin schema ${text}: ${t.diagnostic.message}`);
    type = t.type;
    types.set(text, type);
  }
  return type;
}

/**
 * `base` with its schemas parsed on first use (a validator, a catalog, `:caps`), not
 * when the host is created: `rtfs run` parses only the schemas of what it calls.
 */
export function withSchemas(base: Omit<Capability, SchemaKey>, s: SchemaTexts): Capability {
  const cap = { ...base, inputSchema: undefined, outputSchema: undefined };
  const lazy = (key: SchemaKey, text: string, part: 'type' | 'form'): void => {
    Object.defineProperty(cap, key, {
      enumerable: true,
      get: part === 'type' ? () => typeOnce(text) : () => formOnce(text),
    });
  };
  if (s.input !== undefined) {
    lazy('inputSchema', s.input, 'type');
    if (s.inputForm !== false) lazy('inputSchemaForm', s.input, 'form');
  }
  if (s.output !== undefined) {
    lazy('outputSchema', s.output, 'type');
    if (s.outputForm !== false) lazy('outputSchemaForm', s.output, 'form');
  }
  return cap;
}
