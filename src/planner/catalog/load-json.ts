/**
 * `.json` catalogs (the JSON boundary, validated with zod): an array of entries, or
 * `{"capabilities": [...]}`. Schemas are RTFS type expressions written as strings:
 * `{"id": "github.list_issues", "description": "…", "effects": ["network", "read"],
 *   "input_schema": "[:map [:owner :string]]", "output_schema": "[:map [:issues :any]]"}`.
 */
import * as z from 'zod/mini';
import '../../types/zod-english.js';
import { type Diagnostic, diagnostic } from '../../diagnostics/index.js';
import { EFFECTS } from '../../host/index.js';
import { Source, type Span } from '../../source/index.js';
import { parseConfigText } from '../../config/index.js';
import { read } from '../../syntax/index.js';
import type { Value } from '../../data/index.js';
import { CatalogCodes } from '../codes.js';
import { parseSchema } from './schema-type.js';
import { type CatalogEntry, nameFromId } from './entry.js';
import { ID_PATTERN, type LoadResult } from './load-rtfs.js';

// Built on first use: only a JSON catalog needs them (ADR 0031).
function schemas() {
  const JsonEntry = z.strictObject({
    id: z.string().check(z.regex(ID_PATTERN, 'must be a dotted id like "service.action"')),
    name: z.optional(z.string()),
    description: z.string(),
    provider: z.optional(z.string()),
    effects: z.array(z.enum(EFFECTS as [string, ...string[]])),
    input_schema: z.optional(z.string()),
    output_schema: z.optional(z.string()),
    metadata: z.optional(z.record(z.string(), z.string())),
    aliases: z.optional(z.array(z.string())),
  });

  const JsonList = z.array(JsonEntry);
  const JsonObject = z.strictObject({ format: z.optional(z.string()), capabilities: JsonList });
  return { JsonList, JsonObject };
}
let built: ReturnType<typeof schemas> | undefined;

function pathText(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
}

/** Reads a `.json` catalog text (named `uri` in diagnostics). */
export function loadJsonCatalog(text: string, uri: string): LoadResult {
  const source = new Source(uri, text);
  const fileStart: Span = { source, start: 0, end: Math.min(1, text.length) };
  const config = parseConfigText(text, uri, 'json');
  if (!config.ok) {
    return {
      entries: [],
      diagnostics: config.diagnostics.map((d) =>
        diagnostic(CatalogCodes.syntax, 'capability', d.message, d.span),
      ),
    };
  }
  const data = config.json;
  const { JsonList, JsonObject } = (built ??= schemas());
  const parsed = Array.isArray(data) ? JsonList.safeParse(data) : JsonObject.safeParse(data);
  if (!parsed.success) {
    return {
      entries: [],
      diagnostics: parsed.error.issues.map((i) =>
        diagnostic(
          CatalogCodes.invalidEntry,
          'capability',
          `${pathText(i.path) || '(top level)'}: ${i.message}`,
          fileStart,
        ),
      ),
    };
  }
  const list = Array.isArray(parsed.data) ? parsed.data : parsed.data.capabilities;
  const diags: Diagnostic[] = [];
  const entries: CatalogEntry[] = [];
  list.forEach((e, i) => {
    const schemaOf = (key: 'input_schema' | 'output_schema'): Value => {
      const t = e[key];
      if (t === undefined) return null;
      const r = read(t, `${uri}${pathText([i, key])}`);
      const form = r.forms[0];
      const parsedType = form === undefined ? undefined : parseSchema(form);
      if (r.diagnostics.length > 0 || form === undefined || r.forms.length !== 1) {
        diags.push(
          diagnostic(
            CatalogCodes.badSchema,
            'capability',
            `[${i}].${key}: not one RTFS type expression: ${r.diagnostics[0]?.message ?? t}`,
            fileStart,
          ),
        );
        return null;
      }
      if (parsedType !== undefined && 'diagnostic' in parsedType) {
        diags.push(
          diagnostic(
            CatalogCodes.badSchema,
            'capability',
            `[${i}].${key}: ${parsedType.diagnostic.message}`,
            fileStart,
          ),
        );
      }
      return form;
    };
    const inputSchema = schemaOf('input_schema');
    const outputSchema = schemaOf('output_schema');
    const metadata: Record<string, string> = {};
    for (const key of Object.keys(e.metadata ?? {}).sort())
      metadata[key] = (e.metadata ?? {})[key] ?? '';
    entries.push({
      id: e.id,
      name: e.name ?? nameFromId(e.id),
      description: e.description,
      provider: e.provider ?? 'external',
      effects: e.effects as CatalogEntry['effects'],
      inputSchema,
      outputSchema,
      metadata,
      aliases: [...(e.aliases ?? [])].sort(),
      builtin: false,
      span: fileStart,
    });
  });
  return { entries: diags.length > 0 ? [] : entries, diagnostics: diags };
}
