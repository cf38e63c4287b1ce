/**
 * A catalog: entries sorted by id, an index, and a content snapshot hash that does not
 * depend on file order (sha256 of the canonical encoding of the sorted entries).
 */
import { type Value, Keyword, RMap, RVector } from '../../data/index.js';
import { valueHash } from '../../audit/index.js';
import { compareIds } from '../text.js';
import type { CatalogEntry } from './entry.js';

export interface Catalog {
  readonly entries: readonly CatalogEntry[];
  readonly snapshot: string;
  get(id: string): CatalogEntry | undefined;
}

const k = (n: string): Keyword => Keyword.of(n);

/** The RTFS data of one entry (what the snapshot hashes and `:caps` could print). */
export function entryToValue(e: CatalogEntry): Value {
  const meta: Value[] = [];
  for (const key of Object.keys(e.metadata).sort()) meta.push(k(key), e.metadata[key] ?? '');
  return RMap.fromFlat([
    k('aliases'),
    RVector.from([...e.aliases]),
    k('builtin'),
    e.builtin,
    k('description'),
    e.description,
    k('effects'),
    RVector.from(e.effects.map((x) => k(x))),
    k('id'),
    e.id,
    k('input-schema'),
    e.inputSchema,
    k('metadata'),
    RMap.fromFlat(meta),
    k('name'),
    e.name,
    k('output-schema'),
    e.outputSchema,
    k('provider'),
    e.provider,
  ]);
}

/** `sha256:<hex>` of the canonical encoding of the entries sorted by id. */
export function catalogSnapshot(entries: readonly CatalogEntry[]): string {
  const sorted = [...entries].sort((a, b) => compareIds(a.id, b.id));
  return `sha256:${valueHash(RVector.from(sorted.map(entryToValue)))}`;
}

/**
 * A catalog of `entries` (the caller checks duplicates: see `mergeEntries`). Entries
 * are sorted by id so that every iteration over a catalog is in id order.
 */
export function makeCatalog(entries: readonly CatalogEntry[]): Catalog {
  const sorted = [...entries].sort((a, b) => compareIds(a.id, b.id));
  const index = new Map<string, CatalogEntry>();
  for (const e of sorted) index.set(e.id, e);
  return {
    entries: sorted,
    snapshot: catalogSnapshot(sorted),
    get: (id) => index.get(id),
  };
}
