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
  return loadCatalogText(text, path);
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
}

/** The catalog of the built-ins plus every file; diagnostics for every problem found. */
export function loadCatalog(
  paths: readonly string[],
  opts: LoadCatalogOptions = {},
): { catalog: Catalog; diagnostics: Diagnostic[] } {
  const lists: CatalogEntry[][] = [];
  const diagnostics: Diagnostic[] = [];
  if (opts.builtins !== false) lists.push(builtinEntries());
  for (const p of paths) {
    const r = loadCatalogFile(p);
    diagnostics.push(...r.diagnostics);
    lists.push(r.entries);
  }
  const merged = mergeEntries(lists);
  diagnostics.push(...merged.diagnostics);
  return { catalog: makeCatalog(merged.entries), diagnostics };
}
