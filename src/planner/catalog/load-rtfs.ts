/**
 * `.rtfs` catalogs: one vector of maps with keyword keys, e.g.
 * `[{:id "github.list_issues" :description "…" :effects [:network :read]
 *    :input-schema [:map [:owner :string]] :output-schema [:map [:issues [:vector :any]]]}]`.
 * Every problem is a diagnostic at the offending form (file:line:col).
 */
import { type Value, Keyword, RMap, RVector, printValue, typeName } from '../../data/index.js';
import { diagnostic, type Diagnostic } from '../../diagnostics/index.js';
import { parseEffects } from '../../host/index.js';
import { type NodeSpan, type Span, Source, childSpan } from '../../source/index.js';
import { fastReadData, read } from '../../syntax/index.js';
import { CatalogCodes } from '../codes.js';
import { parseSchema } from './schema-type.js';
import { keyName } from '../convert.js';
import { type CatalogEntry, nameFromId } from './entry.js';

export const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)+$/;

/** `ID_PATTERN.test(id)`, by a scan (5,000 ids: the pattern was a visible cost). */
export function isDottedId(id: string): boolean {
  const first = id.charCodeAt(0);
  if (!((first >= 65 && first <= 90) || (first >= 97 && first <= 122))) return false;
  let dots = 0;
  let prev = first;
  for (let i = 1; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (c === 46) {
      if (prev === 46) return false;
      dots++;
    } else if (!(
      (c >= 65 && c <= 90) ||
      (c >= 97 && c <= 122) ||
      (c >= 48 && c <= 57) ||
      c === 95 ||
      c === 45
    ))
      return false;
    prev = c;
  }
  return dots > 0 && prev !== 46;
}

const KEYS = [
  'id',
  'name',
  'description',
  'provider',
  'effects',
  'input-schema',
  'output-schema',
  'metadata',
  'aliases',
] as const;

export interface LoadResult {
  readonly entries: CatalogEntry[];
  readonly diagnostics: Diagnostic[];
}

function spanOf(v: Value, fallback: Span): Span {
  if (v instanceof RMap || v instanceof RVector) return v.span ?? fallback;
  return fallback;
}

/** The spans of a map's keys and values by key name (insertion order of the read map). */
function fieldSpans(m: RMap, whole: Span, keys = false): Map<string, Span> {
  const out = new Map<string, Span>();
  const span = m.span as NodeSpan | undefined;
  const flat = m.toFlat();
  for (let i = 0; i < flat.length; i += 2) {
    const name = keyName(flat[i] as Value);
    out.set(name, (keys ? childSpan(span, i) : childSpan(span, i + 1)) ?? whole);
  }
  return out;
}

function parseEntry(m: RMap, at: Span, diags: Diagnostic[]): CatalogEntry | undefined {
  // The spans of the fields, built only for a diagnostic (most entries have none).
  let valueSpans: Map<string, Span> | undefined;
  const spans = (): Map<string, Span> => (valueSpans ??= fieldSpans(m, at));
  const before = diags.length;
  const bad = (code: string, message: string, key?: string): void => {
    diags.push(diagnostic(code, 'capability', message, (key && spans().get(key)) || at));
  };
  const fields = new Map<string, Value>();
  m.forEach((v, key) => {
    if (!(key instanceof Keyword) || !(KEYS as readonly string[]).includes(key.name)) {
      diags.push(
        diagnostic(
          CatalogCodes.invalidEntry,
          'capability',
          `unknown catalog key ${printValue(key)} (expected one of ${KEYS.map((x) => `:${x}`).join(' ')})`,
          fieldSpans(m, at, true).get(keyName(key)) ?? at,
        ),
      );
    } else fields.set(key.name, v);
  });
  const str = (key: string, required: boolean): string | undefined => {
    const v = fields.get(key);
    if (v === undefined || v === null) {
      if (required) bad(CatalogCodes.invalidEntry, `a catalog entry needs :${key} (a string)`);
      return undefined;
    }
    if (typeof v === 'string') return v;
    if (v instanceof Keyword && key === 'provider') return v.name;
    bad(CatalogCodes.invalidEntry, `:${key} must be a string, got ${typeName(v)}`, key);
    return undefined;
  };
  const id = str('id', true);
  if (id !== undefined && !isDottedId(id)) {
    bad(
      CatalogCodes.invalidEntry,
      `capability id "${id}" must be dotted, like "service.action"`,
      'id',
    );
  }
  const description = str('description', true);
  const name = str('name', false);
  const provider = str('provider', false);
  const effects = parseEffects(fields.get('effects'));
  if (!fields.has('effects'))
    bad(CatalogCodes.invalidEntry, `a catalog entry needs :effects (e.g. [:network :read])`);
  else if (typeof effects === 'string') bad(CatalogCodes.invalidEntry, effects, 'effects');
  const schemaOf = (key: string): Value => {
    const form = fields.get(key) ?? null;
    if (form === null) return null;
    // Parsed without spans (remembered for the planner); again with them for a diagnostic.
    let r = parseSchema(form);
    if ('diagnostic' in r) r = parseSchema(form, spans().get(key));
    if ('diagnostic' in r) bad(CatalogCodes.badSchema, `:${key}: ${r.diagnostic.message}`, key);
    return form;
  };
  const inputSchema = schemaOf('input-schema');
  const outputSchema = schemaOf('output-schema');
  const metadata: Record<string, string> = {};
  const meta = fields.get('metadata');
  if (meta instanceof RMap) {
    meta.forEach((v, key) => {
      metadata[keyName(key)] = typeof v === 'string' ? v : printValue(v);
    });
  } else if (meta !== undefined && meta !== null) {
    bad(CatalogCodes.invalidEntry, `:metadata must be a map, got ${typeName(meta)}`, 'metadata');
  }
  const aliases: string[] = [];
  const al = fields.get('aliases');
  if (al instanceof RVector) {
    for (const a of al) {
      if (typeof a === 'string') aliases.push(a);
      else
        bad(CatalogCodes.invalidEntry, `:aliases must be strings, got ${typeName(a)}`, 'aliases');
    }
  } else if (al !== undefined && al !== null) {
    bad(CatalogCodes.invalidEntry, `:aliases must be a vector of strings`, 'aliases');
  }
  if (diags.length > before || id === undefined || description === undefined) return undefined;
  return {
    id,
    name: name ?? nameFromId(id),
    description,
    provider: provider ?? 'external',
    effects: typeof effects === 'string' ? [] : effects,
    inputSchema,
    outputSchema,
    metadata,
    aliases: aliases.sort(),
    builtin: false,
    span: at,
  };
}

/**
 * Reads a `.rtfs` catalog text (named `uri` in diagnostics). The entries are read first
 * without nested spans (fastReadData: only an entry's own span is kept, the rest is for
 * diagnostics); a catalog with any problem is read again with every span, so each
 * diagnostic points where it always did.
 */
export function loadRtfsCatalog(text: string, uri: string): LoadResult {
  const fast = fastReadData(new Source(uri, text));
  if (fast !== undefined) {
    const r = entriesOf(fast.forms, fast.spans, text, uri);
    if (r.diagnostics.length === 0) return r;
  }
  const r = read(text, uri);
  if (r.diagnostics.length > 0) {
    return {
      entries: [],
      diagnostics: r.diagnostics.map((d) =>
        diagnostic(CatalogCodes.syntax, 'capability', `${d.code}: ${d.message}`, d.span),
      ),
    };
  }
  return entriesOf(r.forms, r.spans, text, uri);
}

function entriesOf(
  forms: readonly Value[],
  spans: readonly Span[],
  text: string,
  uri: string,
): LoadResult {
  const diags: Diagnostic[] = [];
  const top = forms[0];
  const topSpan = spans[0];
  if (forms.length !== 1 || !(top instanceof RVector) || topSpan === undefined) {
    const where: Span = topSpan ?? { source: new Source(uri, text), start: 0, end: 0 };
    diags.push(
      diagnostic(
        CatalogCodes.invalidEntry,
        'capability',
        `a catalog file holds one vector of capability maps, got ${forms.length === 1 ? typeName(top ?? null) : `${forms.length} forms`}`,
        spans[1] ?? where,
      ),
    );
    return { entries: [], diagnostics: diags };
  }
  const entries: CatalogEntry[] = [];
  top.toArray().forEach((item, i) => {
    const at = childSpan(top.span, i) ?? topSpan;
    if (!(item instanceof RMap)) {
      diags.push(
        diagnostic(
          CatalogCodes.invalidEntry,
          'capability',
          `catalog entry ${i + 1} must be a map, got ${typeName(item)}`,
          spanOf(item, at),
        ),
      );
      return;
    }
    const e = parseEntry(item, at, diags);
    if (e !== undefined) entries.push(e);
  });
  return { entries, diagnostics: diags };
}
