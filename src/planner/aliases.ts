/**
 * The alias table of gap resolution (stage 2): a versioned data file
 * (src/planner/data/aliases.json) mapping ids planners invent to catalog ids. An alias
 * matches a requested id or its last segment; catalog entries' `:aliases` add to it.
 */
import table from './data/aliases.json' with { type: 'json' };
import type { Catalog } from './catalog/index.js';

export const ALIAS_TABLE_VERSION: number = table.version;

const ALIASES: Readonly<Record<string, string>> = table.aliases;

/** The catalog id `requested` is an alias of, if any. */
export function resolveAlias(requested: string, catalog: Catalog): string | undefined {
  const last = requested.split('.').pop() ?? requested;
  for (const key of [requested, last]) {
    const target = ALIASES[key];
    if (target !== undefined && catalog.get(target) !== undefined) return target;
  }
  for (const e of catalog.entries) {
    if (e.aliases.includes(requested) || e.aliases.includes(last)) return e.id;
  }
  return undefined;
}
