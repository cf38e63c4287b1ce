/**
 * A catalog as content for the causal chain: the vector of its entries' data, sorted by
 * id, whose hash is the catalog's snapshot. A run stores it once per chain; a replay
 * rebuilds the same catalog from it (wherever the files are now), and names the entries
 * that differ from another catalog.
 */
import { type Value, Keyword, RMap, RVector } from '../../data/index.js';
import type { Effect } from '../../host/index.js';
import { EFFECTS } from '../../host/index.js';
import { type Catalog, contentOf, entryToValue, makeCatalog } from './catalog.js';
import type { CatalogEntry } from './entry.js';
import { valueHash } from '../../audit/index.js';

const k = (n: string): Keyword => Keyword.of(n);

/** The catalog's content (hash: `catalog.snapshot`). */
export function catalogContent(catalog: Catalog): Value {
  return contentOf(catalog);
}

/** The entry whose data is `v` (`entryToValue`'s inverse), or undefined when it is none. */
export function entryFromValue(v: Value): CatalogEntry | undefined {
  if (!(v instanceof RMap)) return undefined;
  const str = (key: string): string | undefined => {
    const x = v.get(k(key));
    return typeof x === 'string' ? x : undefined;
  };
  const id = str('id');
  const name = str('name');
  const description = str('description');
  const provider = str('provider');
  const effects = v.get(k('effects'));
  const aliases = v.get(k('aliases'));
  const metadata = v.get(k('metadata'));
  if (
    id === undefined ||
    name === undefined ||
    description === undefined ||
    provider === undefined ||
    !(effects instanceof RVector) ||
    !(aliases instanceof RVector) ||
    !(metadata instanceof RMap)
  )
    return undefined;
  const fx: Effect[] = [];
  for (const e of effects) {
    if (!(e instanceof Keyword) || !EFFECTS.includes(e.name as Effect)) return undefined;
    fx.push(e.name as Effect);
  }
  const meta: Record<string, string> = {};
  metadata.forEach((x, key) => {
    if (key instanceof Keyword && typeof x === 'string') meta[key.name] = x;
  });
  return {
    id,
    name,
    description,
    provider,
    effects: fx,
    inputSchema: v.get(k('input-schema')) ?? null,
    outputSchema: v.get(k('output-schema')) ?? null,
    metadata: meta,
    aliases: [...aliases].filter((a): a is string => typeof a === 'string'),
    builtin: v.get(k('builtin')) === true,
  };
}

/** The catalog stored as `content`, or undefined when it is not catalog content. */
export function catalogFromContent(content: Value): Catalog | undefined {
  if (!(content instanceof RVector)) return undefined;
  const entries: CatalogEntry[] = [];
  for (const v of content) {
    const e = entryFromValue(v);
    if (e === undefined) return undefined;
    entries.push(e);
  }
  return makeCatalog(entries);
}

/** What changed from catalog `before` to `after`: `id (changed|added|removed)`, by id. */
export function catalogChanges(before: Catalog, after: Catalog): string[] {
  const out: string[] = [];
  const ids = [...new Set([...before.entries, ...after.entries].map((e) => e.id))].sort();
  for (const id of ids) {
    const a = before.get(id);
    const b = after.get(id);
    if (a === undefined) out.push(`${id} (added)`);
    else if (b === undefined) out.push(`${id} (removed)`);
    else if (valueHash(entryToValue(a)) !== valueHash(entryToValue(b))) out.push(`${id} (changed)`);
  }
  return out;
}
