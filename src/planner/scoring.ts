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

/** An entry's distinct canonical tokens per field (small arrays: `includes` beats a Set). */
export interface EntryTokens {
  readonly id: readonly string[];
  readonly name: readonly string[];
  readonly description: readonly string[];
  readonly meta: readonly string[];
  readonly nameCount: number;
}

const cache = new WeakMap<CatalogEntry, EntryTokens>();

function addAll(out: string[], xs: readonly string[]): void {
  for (const x of xs) if (!out.includes(x)) out.push(x);
}

/** The scoring tokens of an entry (memoised per entry object). */
export function entryTokens(e: CatalogEntry): EntryTokens {
  let t = cache.get(e);
  if (t === undefined) {
    const id = tokens(e.id);
    const name = tokens(e.name);
    const meta: string[] = [];
    for (const key of Object.keys(e.metadata))
      addAll(meta, tokens(`${key} ${e.metadata[key] ?? ''}`));
    for (const a of e.aliases) addAll(meta, tokens(a));
    let nameCount = id.length;
    for (const x of name) if (!id.includes(x)) nameCount++;
    t = { id, name, description: tokens(e.description), meta, nameCount };
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
    if (t.id.includes(q)) raw += 6;
    if (t.name.includes(q)) raw += 3;
    if (t.description.includes(q)) raw += 1;
    if (t.meta.includes(q)) raw += 1;
  }
  const max = 11 * Math.max(1, Math.min(query.length, t.nameCount));
  return round4(Math.min(1, raw / max));
}

/** Entries that planning never offers: the planner itself and the LLM. */
export function isMetaCapability(id: string): boolean {
  return id.startsWith('planner.') || id.startsWith('llm.') || id.startsWith('ccos.plan.');
}
