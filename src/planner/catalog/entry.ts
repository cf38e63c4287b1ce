/**
 * Catalog entries: what the planner knows about a capability (id, description,
 * provider, effects, schemas as RTFS data), and what it derives from the schemas
 * (required/optional input names and types, output keys).
 */
import type { Value } from '../../data/index.js';
import type { Effect } from '../../host/index.js';
import type { Span } from '../../source/index.js';
import type { TypeAst } from '../../types/index.js';
import { typeOfSchema } from './schema-type.js';

export interface CatalogEntry {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** `local`, `http`, `mcp`, `builtin`, `synthesized`, … (menu `provider_label`). */
  readonly provider: string;
  readonly effects: readonly Effect[];
  readonly inputSchema: Value;
  readonly outputSchema: Value;
  readonly metadata: Readonly<Record<string, string>>;
  readonly aliases: readonly string[];
  /** Implemented in this process (built-in or defined in RTFS); false: external. */
  readonly builtin: boolean;
  /** Where the entry was declared (catalog files only). */
  readonly span?: Span;
}

export interface InputInfo {
  readonly name: string;
  readonly type: TypeAst;
  readonly optional: boolean;
}

export interface SchemaInfo {
  readonly inputs: readonly InputInfo[];
  readonly outputType: TypeAst;
  /** Top-level output keys with their types (empty when the output is not a record). */
  readonly outputKeys: readonly InputInfo[];
  /** Every output key, nested keys included (the menu's `outputs`). */
  readonly allOutputs: readonly string[];
}

/** A schema form parsed to a type, `:any` when absent or unparsable. */
export function typeOf(form: Value): TypeAst {
  return typeOfSchema(form);
}

/** The record type inside a schema (`[:map …]`, or the map member of a union). */
export function recordOf(t: TypeAst): (TypeAst & { kind: 'map' }) | undefined {
  if (t.kind === 'map') return t;
  if (t.kind === 'optional') return recordOf(t.inner);
  if (t.kind === 'union') {
    for (const m of t.members) {
      const r = recordOf(m);
      if (r !== undefined) return r;
    }
  }
  if (t.kind === 'and') {
    for (const m of t.types) {
      const r = recordOf(m);
      if (r !== undefined) return r;
    }
  }
  return undefined;
}

function entriesOf(t: TypeAst): InputInfo[] {
  const r = recordOf(t);
  if (r === undefined) return [];
  return r.entries.map((e) => ({
    name: e.key.name,
    type: e.type,
    optional: e.optional || e.type.kind === 'optional',
  }));
}

function collectKeys(t: TypeAst, out: string[], depth: number): void {
  if (depth > 4) return;
  switch (t.kind) {
    case 'map':
      for (const e of t.entries) {
        if (!out.includes(e.key.name)) out.push(e.key.name);
        collectKeys(e.type, out, depth + 1);
      }
      return;
    case 'optional':
      collectKeys(t.inner, out, depth);
      return;
    case 'vector':
    case 'list':
      collectKeys(t.element, out, depth + 1);
      return;
    case 'union':
      for (const m of t.members) collectKeys(m, out, depth);
      return;
    default:
      return;
  }
}

const infoCache = new WeakMap<CatalogEntry, SchemaInfo>();

/** The schema-derived facts of an entry (memoised per entry object). */
export function schemaInfo(e: CatalogEntry): SchemaInfo {
  let info = infoCache.get(e);
  if (info === undefined) {
    const outputType = typeOf(e.outputSchema);
    const allOutputs: string[] = [];
    collectKeys(outputType, allOutputs, 0);
    info = {
      inputs: entriesOf(typeOf(e.inputSchema)),
      outputType,
      outputKeys: entriesOf(outputType),
      allOutputs,
    };
    infoCache.set(e, info);
  }
  return info;
}

/** True for function-typed inputs (`:fn`, `[:fn …]`, optional or not). */
export function isFnType(t: TypeAst): boolean {
  if (t.kind === 'optional') return isFnType(t.inner);
  return t.kind === 'fn' || (t.kind === 'prim' && t.name === 'fn');
}

/** A readable name from an id: `github.list_issues` → "List Issues". */
export function nameFromId(id: string): string {
  const last = id.split('.').pop() ?? id;
  return last
    .split(/[_-]+/)
    .filter((w) => w.length > 0)
    .map((w) => w[0]?.toUpperCase() + w.slice(1))
    .join(' ');
}
