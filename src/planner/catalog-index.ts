/**
 * Per-catalog precomputation for the planner (ADR 0021): inverted indexes from a scoring
 * token to the entries that have it (in their id, name, description, metadata or
 * aliases), and from a keyword to the entries whose input schema mentions it. Built once
 * per catalog object, on first use, so that ranking the catalog for a goal and building
 * a menu look only at the entries that can score, not at all of them.
 *
 * Exactness: an entry with none of the query's tokens scores 0 (scoring.ts), and an entry
 * whose input schema mentions none of the goal's constraint names gets no input bonus
 * (menu.ts: required inputs are keys of its input record, keywords of the schema form),
 * so skipping them changes no score, no menu and no plan.
 */
import { Keyword, RList, RMap, RVector, type Value } from '../data/index.js';
import type { Catalog, CatalogEntry } from './catalog/index.js';
import { entryTokens } from './scoring.js';

interface CatalogIndex {
  readonly byToken: ReadonlyMap<string, readonly number[]>;
  readonly byInputKeyword: ReadonlyMap<string, readonly number[]>;
}

const indexes = new WeakMap<Catalog, CatalogIndex>();
const inputKeywordCache = new WeakMap<CatalogEntry, ReadonlySet<string>>();

function keywordsOf(form: Value, out: Set<string>): void {
  if (form instanceof Keyword) out.add(form.name);
  else if (form instanceof RVector)
    for (let i = 0; i < form.count; i++) keywordsOf(form.get(i) as Value, out);
  else if (form instanceof RList) for (const x of form.items) keywordsOf(x, out);
  else if (form instanceof RMap)
    form.forEach((v, k) => {
      keywordsOf(k, out);
      keywordsOf(v, out);
    });
}

/**
 * The keywords of an entry's input schema (memoised per entry): a superset of its input
 * names, so an entry none of whose keywords is a given name has none of its inputs given.
 */
export function inputKeywords(e: CatalogEntry): ReadonlySet<string> {
  let kws = inputKeywordCache.get(e);
  if (kws === undefined) {
    const out = new Set<string>();
    keywordsOf(e.inputSchema, out);
    kws = out;
    inputKeywordCache.set(e, kws);
  }
  return kws;
}

function push(map: Map<string, number[]>, key: string, at: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [at]);
  else if (list[list.length - 1] !== at) list.push(at);
}

function build(catalog: Catalog): CatalogIndex {
  const byToken = new Map<string, number[]>();
  const byInputKeyword = new Map<string, number[]>();
  catalog.entries.forEach((e, at) => {
    const t = entryTokens(e);
    for (const set of [t.id, t.name, t.description, t.meta])
      for (const token of set) push(byToken, token, at);
    for (const k of inputKeywords(e)) push(byInputKeyword, k, at);
  });
  return { byToken, byInputKeyword };
}

function indexOf(catalog: Catalog): CatalogIndex {
  let ix = indexes.get(catalog);
  if (ix === undefined) {
    ix = build(catalog);
    indexes.set(catalog, ix);
  }
  return ix;
}

/** Ascending positions in any of the lists, without repeats. */
export function positionsIn(lists: readonly (readonly number[] | undefined)[]): number[] {
  const seen = new Set<number>();
  for (const l of lists) for (const at of l ?? []) seen.add(at);
  return [...seen].sort((a, b) => a - b);
}

/** The entries (in catalog order) having one of the `tokens`: every entry that scores above 0. */
export function entriesWithTokens(catalog: Catalog, tokens: readonly string[]): CatalogEntry[] {
  const ix = indexOf(catalog);
  return positionsIn(tokens.map((t) => ix.byToken.get(t))).map(
    (at) => catalog.entries[at] as CatalogEntry,
  );
}

/**
 * The entries (in catalog order) having one of the `tokens`, or whose input schema
 * mentions one of the `inputs`: every entry that can score above 0 in a menu.
 */
export function menuCandidates(
  catalog: Catalog,
  tokens: readonly string[],
  inputs: Iterable<string>,
): CatalogEntry[] {
  const ix = indexOf(catalog);
  const lists = tokens.map((t) => ix.byToken.get(t));
  for (const name of inputs) lists.push(ix.byInputKeyword.get(name));
  return positionsIn(lists).map((at) => catalog.entries[at] as CatalogEntry);
}

const derived = new WeakMap<Catalog, Map<object, unknown>>();

/**
 * `build(catalog)`, computed once per catalog object and `key` (a module's own token):
 * the cache of the other per-catalog indexes (gap resolution's id tokens, …).
 */
export function perCatalog<T>(key: object, catalog: Catalog, build: (c: Catalog) => T): T {
  let m = derived.get(catalog);
  if (m === undefined) {
    m = new Map();
    derived.set(catalog, m);
  }
  if (!m.has(key)) m.set(key, build(catalog));
  return m.get(key) as T;
}
