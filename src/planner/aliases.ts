/**
 * The alias table of gap resolution (stage 2): a versioned data file
 * (src/planner/data/aliases.json) mapping ids planners invent to catalog ids. An alias
 * matches a requested id or its last segment; catalog entries' `:aliases` add to it.
 */
import table from './data/aliases.json' with { type: 'json' };
import type { Catalog } from './catalog/index.js';
import { perCatalog } from './catalog-index.js';

export const ALIAS_TABLE_VERSION: number = table.version;

const ALIASES: Readonly<Record<string, string>> = table.aliases;

const ALIAS_INDEX = {};

/** The catalog id `requested` is an alias of, if any. */
export function resolveAlias(requested: string, catalog: Catalog): string | undefined {
  const last = requested.split('.').pop() ?? requested;
  for (const key of [requested, last]) {
    const target = ALIASES[key];
    if (target !== undefined && catalog.get(target) !== undefined) return target;
  }
  // The first entry (catalog order) listing `requested` or `last` among its aliases.
  const byAlias = perCatalog(ALIAS_INDEX, catalog, (c) => {
    const m = new Map<string, number>();
    c.entries.forEach((e, at) => {
      for (const a of e.aliases) if (!m.has(a)) m.set(a, at);
    });
    return m;
  });
  const at = Math.min(byAlias.get(requested) ?? Infinity, byAlias.get(last) ?? Infinity);
  return at === Infinity ? undefined : catalog.entries[at]?.id;
}
