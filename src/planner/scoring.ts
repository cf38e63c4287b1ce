/**
 * Normalised keyword scoring of catalog entries against a query (planner.md §2.2,
 * extract_goal_signals step 2): each query token scores 6 if it is in the entry's id,
 * +3 in its name, +1 in its description, +1 in its metadata or aliases. The sum is
 * divided by the maximum possible for this entry, 11 × min(|query|, |id ∪ name
 * tokens|): an entry cannot match more query tokens meaningfully than it has name
 * tokens. The result is in [0, 1], rounded to 4 decimals.
 */
import type { CatalogEntry } from './catalog/index.js';
import { round4, tokens } from './text.js';

export interface EntryTokens {
  readonly id: ReadonlySet<string>;
  readonly name: ReadonlySet<string>;
  readonly description: ReadonlySet<string>;
  readonly meta: ReadonlySet<string>;
  readonly nameCount: number;
}

const cache = new WeakMap<CatalogEntry, EntryTokens>();

/** The scoring tokens of an entry (memoised per entry object). */
export function entryTokens(e: CatalogEntry): EntryTokens {
  let t = cache.get(e);
  if (t === undefined) {
    const id = new Set(tokens(e.id));
    const name = new Set(tokens(e.name));
    const meta = new Set([
      ...Object.keys(e.metadata).flatMap((key) => tokens(`${key} ${e.metadata[key] ?? ''}`)),
      ...e.aliases.flatMap((a) => tokens(a)),
    ]);
    t = {
      id,
      name,
      description: new Set(tokens(e.description)),
      meta,
      nameCount: new Set([...id, ...name]).size,
    };
    cache.set(e, t);
  }
  return t;
}

/** The score of `e` for the (canonical, distinct) query tokens `query`. */
export function scoreEntry(e: CatalogEntry, query: readonly string[]): number {
  if (query.length === 0) return 0;
  const t = entryTokens(e);
  let raw = 0;
  for (const q of query) {
    if (t.id.has(q)) raw += 6;
    if (t.name.has(q)) raw += 3;
    if (t.description.has(q)) raw += 1;
    if (t.meta.has(q)) raw += 1;
  }
  const max = 11 * Math.max(1, Math.min(query.length, t.nameCount));
  return round4(Math.min(1, raw / max));
}

/** Entries that planning never offers: the planner itself and the LLM. */
export function isMetaCapability(id: string): boolean {
  return id.startsWith('planner.') || id.startsWith('llm.') || id.startsWith('ccos.plan.');
}
