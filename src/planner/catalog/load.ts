/** Loading catalogs from files and merging them with the built-in entries. */
import { readFileSync } from 'node:fs';
import { type Diagnostic, diagnostic } from '../../diagnostics/index.js';
import { Source } from '../../source/index.js';
import { formatOf, parseConfigText } from '../../config/index.js';
import { CatalogCodes } from '../codes.js';
import { type Catalog, makeCatalog } from './catalog.js';
import { builtinEntries } from './builtin.js';
import type { CatalogEntry } from './entry.js';
import { loadJsonCatalog } from './load-json.js';
import {
  type CatalogCacheStore,
  catalogCacheKey,
  catalogCacheName,
  catalogCacheText,
  catalogFromCacheText,
} from './cache.js';
import { type LoadResult, loadRtfsCatalog } from './load-rtfs.js';

/**
 * Reads a catalog text: `.json` files are JSON, `.rtfs` files RTFS data, and any other
 * name whichever of the two it is (the config loader decides, src/config/).
 */
export function loadCatalogText(text: string, uri: string): LoadResult {
  const sniffed = (): 'json' | 'rtfs' => {
    const r = parseConfigText(text, uri);
    return r.ok ? r.format : 'rtfs';
  };
  return (formatOf(uri) ?? sniffed()) === 'json'
    ? loadJsonCatalog(text, uri)
    : loadRtfsCatalog(text, uri);
}

/** Reads one catalog file. */
export function loadCatalogFile(path: string): LoadResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return unreadable(path, e);
  }
  return loadCatalogText(text, path);
}

function unreadable(path: string, e: unknown): LoadResult {
  const source = new Source(path, '');
  return {
    entries: [],
    diagnostics: [
      diagnostic(
        CatalogCodes.unreadable,
        'capability',
        `cannot read catalog ${path}: ${(e as Error).message}`,
        { source, start: 0, end: 0 },
      ),
    ],
  };
}

/** Merges entry lists; a second entry with an id already present is a diagnostic. */
export function mergeEntries(lists: readonly (readonly CatalogEntry[])[]): LoadResult {
  const seen = new Map<string, CatalogEntry>();
  const diagnostics: Diagnostic[] = [];
  const entries: CatalogEntry[] = [];
  for (const list of lists) {
    for (const e of list) {
      const prev = seen.get(e.id);
      if (prev !== undefined) {
        const where = e.span ??
          prev.span ?? { source: new Source('<catalog>', ''), start: 0, end: 0 };
        diagnostics.push(
          diagnostic(
            CatalogCodes.duplicateId,
            'capability',
            `capability "${e.id}" is declared twice${prev.builtin ? ' (it is built in)' : ''}`,
            where,
          ),
        );
        continue;
      }
      seen.set(e.id, e);
      entries.push(e);
    }
  }
  return { entries, diagnostics };
}

export interface LoadCatalogOptions {
  /** Include the built-in `core.data.*` / `ccos.*` entries (default true). */
  readonly builtins?: boolean;
  /** Reuse the catalog loaded from the same files before (cache.ts, ADR 0060). */
  readonly cache?: CatalogCacheStore;
}

/** The catalog of the built-ins plus every file; diagnostics for every problem found. */
export function loadCatalog(
  paths: readonly string[],
  opts: LoadCatalogOptions = {},
): { catalog: Catalog; diagnostics: Diagnostic[] } {
  const builtins = opts.builtins !== false;
  const store = opts.cache;
  if (store === undefined) return loadFiles(paths, builtins, loadCatalogFile);
  const bytes: Buffer[] = [];
  for (const p of paths) {
    try {
      bytes.push(readFileSync(p));
    } catch {
      // Its diagnostic comes from the load below, which nothing caches.
      return loadFiles(paths, builtins, loadCatalogFile);
    }
  }
  const key = catalogCacheKey(store.codeId, builtins, paths, bytes);
  const name = catalogCacheName(key);
  const found = store.read(name);
  const cached = found && catalogFromCacheText(textOf(found), key);
  if (cached) return { catalog: cached, diagnostics: [] };
  const r = loadFiles(paths, builtins, (p, i) =>
    loadCatalogText((bytes[i] as Buffer).toString('utf8'), p),
  );
  if (r.diagnostics.length === 0) store.write(name, catalogCacheText(r.catalog, key));
  return r;
}

function textOf(bytes: Uint8Array): string {
  return (
    Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)
  ).toString('utf8');
}

function loadFiles(
  paths: readonly string[],
  builtins: boolean,
  load: (path: string, i: number) => LoadResult,
): { catalog: Catalog; diagnostics: Diagnostic[] } {
  const lists: CatalogEntry[][] = [];
  const diagnostics: Diagnostic[] = [];
  if (builtins) lists.push(builtinEntries());
  for (const [i, p] of paths.entries()) {
    const r = load(p, i);
    diagnostics.push(...r.diagnostics);
    lists.push(r.entries);
  }
  const merged = mergeEntries(lists);
  diagnostics.push(...merged.diagnostics);
  return { catalog: makeCatalog(merged.entries), diagnostics };
}
