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

const parsed = new Map<string, { type: TypeAst; form: Value }>();

function parsedOnce(text: string): { type: TypeAst; form: Value } {
  let s = parsed.get(text);
  if (s === undefined) parsed.set(text, (s = schema(text)));
  return s;
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
      get: () => parsedOnce(text)[part],
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
