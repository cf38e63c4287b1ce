/**
 * The catalog cache (ADR 0060): a catalog loaded from files, kept by the files' bytes.
 * Loading a catalog reads every file, validates each entry and schema, and encodes the
 * whole content canonically to hash its snapshot; for a generated catalog of 5,000
 * capabilities that was more than half of an `rtfs plan`. A later load of the same
 * files by the same build decodes the content's canonical text instead, and storing
 * the catalog in a chain then encodes nothing either.
 *
 * A file is `header \n order \n content`. The content is the canonical text whose
 * SHA-256 is the snapshot: the entries' data, sorted by id, every map's entries in
 * canonical order. A catalog keeps its maps in the order they were read (metadata,
 * maps inside schemas), so `order` lists, as `[index, data]` in tagged JSON with maps
 * in insertion order, each entry whose data is not already in canonical order: decoded,
 * the file gives the entries exactly as loaded. The header (JSON) names the format,
 * the key, the snapshot and the SHA-256 of key, snapshot and the rest. The key is the
 * SHA-256 of the format, the code's id (the CLI's build ids), whether built-ins are
 * included, and each file's path and bytes. A file whose header or hash does not match
 * is ignored, and only a load without diagnostics is stored.
 */
import { createHash } from 'node:crypto';
import { type Value, RVector } from '../../data/index.js';
import { type Json, canonicalValue, decodeValue, encodeValueInOrder } from '../../audit/index.js';
import { type Catalog, contentOf, entryToValue, knownCatalog } from './catalog.js';
import { entryFromValue } from './content.js';
import type { CatalogEntry } from './entry.js';

/** Where cached catalogs live (the CLI's: the user's private cache directory). */
export interface CatalogCacheStore {
  /** Names the code that turns files into catalogs (a build id): part of every key. */
  readonly codeId: string;
  read(name: string): Uint8Array | undefined;
  write(name: string, text: string): void;
}

const FORMAT = 'rtfs-catalog-cache/1';

/** The cache key of catalog files (`bytes[i]` is the content of `paths[i]`). */
export function catalogCacheKey(
  codeId: string,
  builtins: boolean,
  paths: readonly string[],
  bytes: readonly Uint8Array[],
): string {
  const h = createHash('sha256').update(`${FORMAT}\0${codeId}\0${builtins ? 1 : 0}\0`);
  paths.forEach((p, i) => {
    const b = bytes[i] as Uint8Array;
    h.update(`${p.length}:${p}\0${b.length}\0`).update(b);
  });
  return h.digest('hex');
}

/** The cache file's name for `key`. */
export function catalogCacheName(key: string): string {
  return `catalog-${key.slice(0, 32)}.json`;
}

/** The cache file of `catalog` (loaded without diagnostics from the files of `key`). */
export function catalogCacheText(catalog: Catalog, key: string): string {
  const content = contentOf(catalog);
  const order: Json[] = [];
  catalog.entries.forEach((e, i) => {
    const held = encodeValueInOrder(entryToValue(e, 'held'));
    // (An entry's content text is remembered when long, as most are.)
    if (JSON.stringify(held) !== canonicalValue(content.get(i) as Value)) order.push([i, held]);
  });
  // makeCatalog encoded the content for the snapshot: its text is remembered too.
  const body = `${JSON.stringify(order)}\n${canonicalValue(content)}`;
  const snapshot = catalog.snapshot;
  const header = { format: FORMAT, key, snapshot, hash: bodyHash(key, snapshot, body) };
  return `${JSON.stringify(header)}\n${body}`;
}

function inKeyOrder(record: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(record);
  for (let i = 1; i < keys.length; i++)
    if ((keys[i - 1] as string) > (keys[i] as string)) return false;
  return true;
}

/** What a file's `hash` covers: its key and snapshot too, so no part goes unchecked. */
function bodyHash(key: string, snapshot: string, body: string): string {
  return createHash('sha256').update(`${key}\n${snapshot}\n`).update(body).digest('hex');
}

/** The catalog a cache file holds for `key`, or undefined when it holds none. */
export function catalogFromCacheText(text: string, key: string): Catalog | undefined {
  try {
    const nl = text.indexOf('\n');
    if (nl < 0) return undefined;
    const header = JSON.parse(text.slice(0, nl)) as Record<string, Json>;
    const snapshot = header['snapshot'];
    if (header['format'] !== FORMAT || header['key'] !== key || typeof snapshot !== 'string')
      return undefined;
    const body = text.slice(nl + 1);
    if (bodyHash(key, snapshot, body) !== header['hash']) return undefined;
    const split = body.indexOf('\n');
    if (split < 0) return undefined;
    const order = JSON.parse(body.slice(0, split)) as Json;
    const contentText = body.slice(split + 1);
    const content = decodeValue(JSON.parse(contentText) as Json);
    if (!(content instanceof RVector) || !Array.isArray(order)) return undefined;
    const data: Value[] = content.toArray();
    const values = [...data];
    for (const fix of order) {
      if (!Array.isArray(fix) || typeof fix[0] !== 'number' || fix[0] >= data.length)
        return undefined;
      data[fix[0]] = decodeValue(fix[1] as Json);
    }
    const entries: CatalogEntry[] = [];
    for (const [i, v] of data.entries()) {
      const e = entryFromValue(v);
      if (e === undefined) return undefined;
      entries.push(e);
      // The content is each entry's data as `entryToValue` makes it (metadata sorted as
      // JS sorts keys, which is not always the canonical order of keyword keys).
      if (v !== values[i] || !inKeyOrder(e.metadata)) values[i] = entryToValue(e);
    }
    return knownCatalog(entries, RVector.from(values), contentText, snapshot);
  } catch {
    // Not JSON, not tagged data: a damaged file is no cache.
    return undefined;
  }
}
