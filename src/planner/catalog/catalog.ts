/**
 * A catalog: entries sorted by id, an index, and a content snapshot hash that does not
 * depend on file order (sha256 of the canonical encoding of the sorted entries).
 */
import { type Value, Keyword, RMap, RVector } from '../../data/index.js';
import { rememberText, vectorHash } from '../../audit/index.js';
import { compareIds } from '../text.js';
import type { CatalogEntry } from './entry.js';

export interface Catalog {
  readonly entries: readonly CatalogEntry[];
  readonly snapshot: string;
  get(id: string): CatalogEntry | undefined;
}

const k = (n: string): Keyword => Keyword.of(n);

/**
 * The RTFS data of one entry (what the snapshot hashes and `:caps` could print); its
 * metadata in key order, or as the entry holds it (the catalog cache, ADR 0060).
 */
export function entryToValue(e: CatalogEntry, metadataOrder: 'sorted' | 'held' = 'sorted'): Value {
  const meta: Value[] = [];
  const keys = Object.keys(e.metadata);
  if (metadataOrder === 'sorted') keys.sort();
  for (const key of keys) meta.push(k(key), e.metadata[key] ?? '');
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

/** The content vector of entries already sorted by id (see content.ts). */
function contentOfSorted(sorted: readonly CatalogEntry[]): RVector {
  return RVector.from(sorted.map((e) => entryToValue(e)));
}

/** `sha256:<hex>` of the canonical encoding of the entries sorted by id. */
export function catalogSnapshot(entries: readonly CatalogEntry[]): string {
  const sorted = [...entries].sort((a, b) => compareIds(a.id, b.id));
  return `sha256:${vectorHash(contentOfSorted(sorted))}`;
}

/** Each catalog's content, built once with its snapshot (what content.ts stores). */
const contents = new WeakMap<Catalog, RVector>();

/** The content vector whose hash is `catalog.snapshot` (the entries' data, by id). */
export function contentOf(catalog: Catalog): RVector {
  let c = contents.get(catalog);
  if (c === undefined) {
    c = contentOfSorted(catalog.entries);
    contents.set(catalog, c);
  }
  return c;
}

/**
 * A catalog of `entries` (the caller checks duplicates: see `mergeEntries`). Entries
 * are sorted by id so that every iteration over a catalog is in id order.
 */
export function makeCatalog(entries: readonly CatalogEntry[]): Catalog {
  const sorted = [...entries].sort((a, b) => compareIds(a.id, b.id));
  const content = contentOfSorted(sorted);
  return catalogOf(sorted, content, `sha256:${vectorHash(content)}`);
}

/**
 * The catalog of entries sorted by id, whose content (`contentOf`'s vector for them) is
 * `content`, with canonical text `text` and snapshot `snapshot` (the catalog cache, ADR
 * 0060: all were computed from the same entries by the same build, and the cache file's
 * hash was checked).
 */
export function knownCatalog(
  sorted: readonly CatalogEntry[],
  content: RVector,
  text: string,
  snapshot: string,
): Catalog {
  rememberText(content, text);
  return catalogOf(sorted, content, snapshot);
}

function catalogOf(sorted: readonly CatalogEntry[], content: RVector, snapshot: string): Catalog {
  const index = new Map<string, CatalogEntry>();
  for (const e of sorted) index.set(e.id, e);
  const catalog: Catalog = { entries: sorted, snapshot, get: (id) => index.get(id) };
  contents.set(catalog, content);
  return catalog;
}
